"""Client substitution variables: SQL*Plus &name / &&name / &1 and sqlcmd $(name), with their
values from DEFINE, ACCEPT, COLUMN NEW_VALUE, script arguments, :setvar and the user."""

import json
from textwrap import dedent

import pytest

import migplan
from migplan.cli import main

SCRIPT = """
    DEFINE app = appowner
    ACCEPT tbs CHAR PROMPT 'Tablespace [users]: '
    COLUMN cur NEW_VALUE main_user NOPRINT
    SELECT USER cur FROM dual;
    CREATE TABLE &main_user..TestNumbers (id NUMBER PRIMARY KEY, label VARCHAR2(10)) TABLESPACE &tbs;
    CREATE TABLE &&app..orders (id NUMBER, note VARCHAR2(20) DEFAULT '&&unset');
    CREATE INDEX &main_user..tn_label ON &main_user..TestNumbers (label);
"""


def inv_of(text, source="oracle", **kw):
    return migplan.load_text(dedent(text).strip() + "\n", source, path="install.sql", **kw)


def test_defined_values_are_substituted():
    inv = inv_of(SCRIPT)
    orders = inv["APPOWNER.ORDERS"]
    assert orders.status == "parsed" and [c.name for c in orders.columns] == ["ID", "NOTE"]
    assert orders.columns[1].default == "'&&unset'"  # a literal keeps an unknown reference as written


def test_undefined_variables_become_a_visible_placeholder_and_the_rest_parses():
    inv = inv_of(SCRIPT)
    table = inv["&MAIN_USER.TESTNUMBERS"]
    assert table.kind == "table" and table.status == "parsed", table.message
    assert (table.schema, table.name) == ("&MAIN_USER", "TESTNUMBERS")
    assert [c.name for c in table.columns] == ["ID", "LABEL"] and table.primary_key.columns == ["ID"]
    assert table.options["TABLESPACE"] == '"&TBS"'
    assert any("&MAIN_USER" in n and "placeholder" in n for n in table.notes)
    index = inv.get("&MAIN_USER.TN_LABEL", kind="index")
    assert (index.table_schema, index.table_name) == ("&MAIN_USER", "TESTNUMBERS")
    assert table.indexes == [index]  # the same placeholder schema everywhere: the index finds its table


def test_each_undefined_variable_is_one_problem_at_its_first_use():
    problems = [p for p in inv_of(SCRIPT).problems if p.code == "INPUT-VARIABLE"]
    by_name = {p.message.split()[2]: p for p in problems}
    assert sorted(by_name) == ["&MAIN_USER", "&TBS"]
    main_user = by_name["&MAIN_USER"]
    assert (main_user.file, main_user.line) == ("install.sql", 5)
    assert "COLUMN ... NEW_VALUE at install.sql:3" in main_user.message and "1 more statement" in main_user.message
    assert "--define MAIN_USER=" in main_user.message
    assert "prompted for by ACCEPT at install.sql:2" in by_name["&TBS"].message


def test_user_defines_win_over_prompts_and_run_time_values():
    inv = inv_of(SCRIPT, defines={"main_user": "hr", "TBS": "users"})
    table = inv["HR.TESTNUMBERS"]
    assert table.status == "parsed" and table.options["TABLESPACE"] == "users"
    assert not [p for p in inv.problems if p.code == "INPUT-VARIABLE"]


def test_accept_default_set_define_off_and_positional_arguments(tmp_path):
    (tmp_path / "install.sql").write_text(dedent("""
        ACCEPT owner PROMPT 'Owner: ' DEFAULT 'shop'
        @@tables.sql &&owner stock
        SET DEFINE OFF
        CREATE TABLE notes (txt VARCHAR2(20) DEFAULT 'Q&A');
    """).strip() + "\n")
    (tmp_path / "tables.sql").write_text("CREATE TABLE &1..&2._items (id NUMBER);\n")
    inv = migplan.load_schema(tmp_path, "oracle")
    assert inv.get("SHOP.STOCK_ITEMS") is not None, [o.qname for o in inv.objects]
    assert inv["NOTES"].columns[0].default == "'Q&A'"
    assert not inv.problems


def test_line_numbers_stay_right_after_a_longer_value():
    inv = inv_of("""
        DEFINE s = a_rather_long_schema_name_for_this_test
        CREATE TABLE &s..t (
          a NUMBER,
          b NUMBER CHECK (b > 0));
    """)
    assert inv["A_RATHER_LONG_SCHEMA_NAME_FOR_THIS_TEST.T"].checks[0].location.line == 4


def test_sqlcmd_variables_and_their_placeholders():
    inv = inv_of("""
        :setvar Schema sales
        CREATE TABLE $(Schema).orders (id int)
        GO
        CREATE TABLE $(Other).lines (id int)
        GO
    """, "sqlserver")
    assert inv["sales.orders"].status == "parsed"
    lines = inv.get("$(Other).lines")
    assert lines is not None and lines.status == "parsed" and lines.schema == "$(Other)"
    assert [p.message.split()[2] for p in inv.problems if p.code == "INPUT-VARIABLE"] == ["$(OTHER)"]


def test_defines_from_config_assess_and_cli(tmp_path, capsys):
    script = tmp_path / "t.sql"
    script.write_text("CREATE TABLE &owner..t (id NUMBER PRIMARY KEY);\n")
    cfg = tmp_path / "migplan.toml"
    cfg.write_text('[defines]\nOWNER = "retail"\n')
    a = migplan.assess(script, "oracle", "aurora-postgresql", config=cfg)
    assert a.inventory.get("RETAIL.T") is not None
    a = migplan.assess(script, "oracle", "aurora-postgresql", config=cfg, defines={"owner": "shop"})
    assert a.inventory.get("SHOP.T") is not None
    assert main(["inventory", str(script), "-s", "oracle", "--format", "json", "--define", "OWNER=crm"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [o["qualified_name"] for o in data["objects"]] == ["CRM.T"]
    with pytest.raises(SystemExit):
        main(["inventory", str(script), "-s", "oracle", "--define", "no-equals-sign"])


def test_config_defines_must_be_a_table(tmp_path):
    from migplan.analyze.config import Config
    from migplan.errors import MigplanError

    with pytest.raises(MigplanError, match="defines"):
        Config.load({"defines": ["OWNER=x"]})
