"""What the fixtures cannot say: per-occurrence effort and severity of the code and trigger rules.

Fixtures check codes and lines; some rules also set the effort of one occurrence (honoured by
analyze) and its severity (kept on the finding as ``severity``) depending on the target or the construct.
"""

from migplan import engines
from migplan.analyze.actions import get
from migplan.analyze.context import AnalysisContext
from migplan.assessment import assess_text

ANCHORED = """CREATE TABLE orders (order_id NUMBER(10) PRIMARY KEY, status VARCHAR2(10));
CREATE OR REPLACE PROCEDURE show_status (p_id NUMBER) IS
  l_status orders.status%TYPE;
BEGIN
  NULL;
END;
/
"""

PACKAGES = """CREATE OR REPLACE PROCEDURE export_orders IS
  l_file UTL_FILE.FILE_TYPE;
BEGIN
  DBMS_OUTPUT.PUT_LINE('start');
  l_file := UTL_FILE.FOPEN('EXPORT_DIR', 'orders.csv', 'w');
  DBMS_RANDOM.SEED(1);
END;
/
"""


def _items(sql, target, code):
    return assess_text(sql, "oracle", target, force=True).action_items.of(code)


def _findings(sql, target, code):
    a = assess_text(sql, "oracle", target, force=True)
    ctx = AnalysisContext(a.inventory, a.conversion, a.inventory.engine, engines.get(target))
    rule = get(code)()
    return [f for o in a.inventory.objects if o.kind in rule.kinds for f in rule.check(o, ctx)]


def test_anchored_types_cost_nothing_on_postgresql_but_not_on_mysql():
    assert [i.effort for i in _items(ANCHORED, "aurora-postgresql", "ORA008")] == ["none"]
    assert [i.effort for i in _items(ANCHORED, "aurora-mysql", "ORA008")] == ["simple"]


def test_mysql_targets_raise_the_effort_of_collection_constructs():
    sql = """CREATE OR REPLACE PROCEDURE p IS
  TYPE t_ids IS TABLE OF NUMBER;
  l_ids t_ids;
BEGIN
  SELECT 1 BULK COLLECT INTO l_ids FROM dual;
END;
/
"""
    assert [i.effort for i in _items(sql, "aurora-postgresql", "ORA002")] == ["medium"]
    assert [i.effort for i in _items(sql, "aurora-mysql", "ORA002")] == ["significant"]


def test_builtin_packages_are_graded_per_package():
    levels = {f.source: f.severity for f in _findings(PACKAGES, "aurora-postgresql", "ORA009")}
    assert levels == {"UTL_FILE.FILE_TYPE": "high", "DBMS_OUTPUT.PUT_LINE": "low", "UTL_FILE.FOPEN": "high",
                      "DBMS_RANDOM.SEED": "medium"}
    messages = [i.message for i in _items(PACKAGES, "aurora-postgresql", "ORA009")]
    assert any("package UTL_FILE" in m for m in messages)


def test_format_models_matter_more_on_mysql():
    # in code: a converted view on MySQL has DATE_FORMAT with the same picture and no item
    sql = """CREATE TABLE orders (order_id NUMBER(10) PRIMARY KEY, order_date DATE);
CREATE OR REPLACE FUNCTION short_date (p_date DATE) RETURN VARCHAR2 IS
BEGIN
  RETURN TO_CHAR(p_date, 'DD.MM.RR');
END;
/
"""
    assert [f.severity for f in _findings(sql, "aurora-mysql", "SQL016")] == ["medium"]
    assert [getattr(f, "severity", None) for f in _findings(sql, "aurora-postgresql", "SQL016")] == [None]
