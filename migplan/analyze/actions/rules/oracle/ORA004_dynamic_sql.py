from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, hit, is_word, target_name
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class DynamicSql(Rule):
    """Dynamic SQL: statement text built at run time is not converted.

    What it detects:
        ``EXECUTE IMMEDIATE``, ``OPEN cursor FOR <string or variable>`` and the ``DBMS_SQL`` package
        (one item per ``DBMS_SQL.PARSE``, or per first call when PARSE is not used).

    Why it matters:
        The SQL inside the string is Oracle SQL: SCT and migplan convert the surrounding code but
        not the text of the statement, and it fails (or behaves differently) only at run time.
        DBMS_SQL has no counterpart: PostgreSQL uses ``EXECUTE ... USING`` and ``format()``, MySQL
        ``PREPARE`` / ``EXECUTE`` (not allowed in functions and triggers).

    Example:
        EXECUTE IMMEDIATE 'DELETE FROM ' || p_table || ' WHERE created < SYSDATE - :1' USING p_days;

    Typical rewrite:
        Rewrite the statement text in the target dialect and run it with EXECUTE ... USING
        (PostgreSQL, identifiers through format('%I')) or PREPARE/EXECUTE (MySQL procedures); replace
        DBMS_SQL cursors by EXECUTE or by a REF CURSOR equivalent.

        EXECUTE format('DELETE FROM %I WHERE created < LOCALTIMESTAMP - $1 * interval ''1 day''', p_table)
          USING p_days;

    Effort:
        Medium per statement: the text must be converted and tested with the values it is built from.

    References:
        SCT action codes 5334, 5628, 5629, 5630, 5633 (Oracle to PostgreSQL), 334, 336 (Oracle to
        MySQL);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "ORA004"
    name = "dynamic-sql"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("oracle",)
    kinds = CODE
    sct = ("Oracle->PostgreSQL 5334", "Oracle->PostgreSQL 5628", "Oracle->PostgreSQL 5629",
           "Oracle->PostgreSQL 5630", "Oracle->PostgreSQL 5633", "Oracle->MySQL 334", "Oracle->MySQL 336")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        fix = "PREPARE/EXECUTE (procedures only)" if ctx.target_family == "mysql" else "EXECUTE ... USING"
        for line in ctx.find(obj, "EXECUTE", "IMMEDIATE"):
            yield hit(self, obj, ctx, line, f"EXECUTE IMMEDIATE: convert the statement text and run it with {fix}",
                      source="EXECUTE IMMEDIATE")
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            # OPEN c FOR 'text' / OPEN c FOR v_sql: the query is a string, not SQL the tools can read
            if is_word(ws, i, "OPEN") and is_word(ws, i + 2, "FOR") and i + 3 < len(ws):
                q = ws[i + 3]
                if q.kind == "string" or (q.kind == "word" and q.up not in ("SELECT", "WITH")):
                    yield hit(self, obj, ctx, w.line, f"OPEN {ws[i + 1].text} FOR a statement built at run time: "
                              "convert the statement text", source=f"OPEN {ws[i + 1].text} FOR")
        calls = [(n.removeprefix("SYS."), line) for n, line in ctx.calls(obj) if "DBMS_SQL." in n]
        parses = [(n, line) for n, line in calls if n.endswith(".PARSE")]
        for name, line in parses or calls[:1]:
            yield hit(self, obj, ctx, line, f"{name}: DBMS_SQL has no {target_name(ctx)} counterpart; rewrite with "
                      f"{fix}", source=name)

