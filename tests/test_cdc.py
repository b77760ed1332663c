"""CDC readiness: the per-engine facts of migplan/data/cdc.toml (each check with its DMS page), the
Oracle privilege lists per capture mode, source-side SQL built with migplan.quoting and Markdown
built with migplan.escape."""

import copy
import re

import pytest

import migplan
from migplan.datafile import DataFileError
from migplan.plan import cdc


def _cdc(sql: str, source: str, target: str = "aurora-postgresql"):
    return migplan.assess_text(sql, source, target).cdc


def test_every_check_cites_a_public_page():
    for family in ("oracle", "sqlserver", "mysql", "postgresql", "db2", "sap-ase"):
        for check in cdc._data()[family]["check"]:
            assert cdc._data()["pages"][check["page"]].startswith("https://")


def test_cdc_toml_errors_are_not_ignored():
    raw = copy.deepcopy(cdc._data())
    raw["oracle"]["check"][0]["chek"] = raw["oracle"]["check"][0].pop("check")
    with pytest.raises(DataFileError):
        cdc.validate(raw)
    raw = copy.deepcopy(cdc._data())
    raw["mysql"]["check"][0]["page"] = "nowhere"
    with pytest.raises(DataFileError):
        cdc.validate(raw)


# -- 6. Oracle privileges per capture mode ------------------------------------------------------------
ORACLE = 'CREATE TABLE app.orders (id NUMBER PRIMARY KEY, note CLOB);\nCREATE TABLE app.log_lines (msg VARCHAR2(100));'


def test_oracle_privileges_per_mode_from_the_source_page():
    c = _cdc(ORACLE, "oracle")
    logminer = "\n".join(c.grants("logminer"))
    for needed in ("GRANT CREATE SESSION TO", "GRANT SELECT ANY TRANSACTION TO", "GRANT LOGMINING TO",
                   '"SYS"."V_$ARCHIVED_LOG"', '"SYS"."V_$LOG"', '"SYS"."V_$LOGFILE"', '"SYS"."V_$DATABASE"',
                   '"SYS"."V_$THREAD"', '"SYS"."V_$PARAMETER"', '"SYS"."V_$NLS_PARAMETERS"',
                   '"SYS"."V_$TIMEZONE_NAMES"', '"SYS"."V_$TRANSACTION"', '"SYS"."V_$CONTAINERS"',
                   '"SYS"."ALL_TABLES"', '"SYS"."ALL_CONSTRAINTS"', '"SYS"."ALL_TAB_COLS"',
                   'GRANT EXECUTE ON "SYS"."DBMS_LOGMNR"', 'GRANT SELECT ON "APP"."ORDERS" TO "DMS_USER";',
                   'GRANT ALTER ON "APP"."ORDERS" TO "DMS_USER";'):
        assert needed in logminer, needed
    binary = "\n".join(c.grants("binary_reader"))
    for needed in ("GRANT CREATE ANY DIRECTORY TO", 'GRANT EXECUTE ON "SYS"."DBMS_FILE_TRANSFER"',
                   'GRANT SELECT ON "SYS"."DBA_DIRECTORIES"'):
        assert needed in binary and needed not in logminer, needed
    assert "DBMS_LOGMNR" not in binary


def test_oracle_privilege_check_covers_object_grants_roles_and_public():
    c = _cdc(ORACLE, "oracle")
    q = c.privilege_check("logminer")
    assert "dba_sys_privs" in q and "dba_tab_privs" in q and "dba_role_privs" in q and "'PUBLIC'" in q
    required = re.findall(r"SELECT '(\w+)', '([\w ]+)', (?:'([\w$]+)'|NULL), (?:'([\w$]+)'|NULL) FROM dual", q)
    assert ("OBJECT", "SELECT", "SYS", "V_$ARCHIVED_LOG") in required
    assert ("SYSTEM", "CREATE SESSION", "", "") in required
    assert ("OBJECT", "SELECT", "APP", "ORDERS") in required
    assert len(required) == len(c.grants("logminer"))  # one required row per grant the script writes


# -- quoting and escaping -----------------------------------------------------------------------------
def test_oracle_source_sql_quotes_names_exactly_and_disables_substitution():
    c = _cdc('CREATE TABLE "App"."Or""ders & Co" (id NUMBER PRIMARY KEY);', "oracle")
    row = c.tables[0]
    assert row.statement == 'ALTER TABLE "App"."Or""ders & Co" ADD SUPPLEMENTAL LOG DATA (PRIMARY KEY) COLUMNS;'
    script = c.script()
    assert script.startswith("SET DEFINE OFF\n")
    assert 'GRANT SELECT ON "App"."Or""ders & Co" TO "DMS_USER";' in script
    assert "'Or\"ders & Co'" in c.privilege_check()


def test_unique_key_log_group_names_are_quoted():
    c = _cdc('CREATE TABLE app.t (a NUMBER NOT NULL, "b c" NUMBER NOT NULL, CONSTRAINT t_uk UNIQUE (a, "b c"));',
             "oracle")
    assert c.tables[0].statement == ('ALTER TABLE "APP"."T" ADD SUPPLEMENTAL LOG GROUP "T_UK" ("A", "b c") ALWAYS;')


def test_sqlserver_names_are_literals_with_quotes_doubled():
    c = _cdc("CREATE TABLE [dbo].[O'Brien] (id int PRIMARY KEY)\nGO\nCREATE TABLE dbo.heap (x int)\nGO\n",
             "sqlserver")
    keyed, heap = c.tables
    assert "@source_schema = 'dbo', @source_name = 'O''Brien'" in keyed.statement
    assert "@supports_net_changes = 1" in keyed.statement  # net changes need a key: keyed tables only
    assert "@supports_net_changes" not in heap.statement


def test_postgresql_replica_identity_is_quoted():
    c = _cdc('CREATE TABLE app."Audit Log" (msg text);', "postgresql", "aurora-mysql")
    assert c.tables[0].statement == 'ALTER TABLE "app"."Audit Log" REPLICA IDENTITY FULL;'


def test_markdown_escapes_every_cell():
    c = _cdc('CREATE TABLE app."a|b*c" (id NUMBER PRIMARY KEY, "x|y" CLOB);', "oracle")
    md = c.markdown()
    row = next(line for line in md.splitlines() if line.startswith("| `APP.a"))
    assert row.count(" | ") == 6  # seven cells: the pipes of the names are escaped
    assert "a\\|b" in row


# -- 7. SQL Server, MySQL, PostgreSQL checks ------------------------------------------------------------
def _checks(family: str) -> str:
    return "\n".join(" ".join(c.values()) for c in cdc._data()[family]["check"])


def test_sqlserver_sysadmin_path_and_capture_job_restart():
    text = _checks("sqlserver")
    assert "IS_SRVROLEMEMBER('sysadmin'" in text and "non-sysadmin" in text
    assert "sp_cdc_stop_job" in text and "sp_cdc_start_job" in text and "@pollinginterval = 86399" in text


def test_mysql_binlog_checksum_and_replica_updates():
    text = _checks("mysql")
    assert "binlog_checksum" in text and "3.4.7" in text
    assert "log_replica_updates" in text and "log_slave_updates" in text


def test_postgresql_wal_sender_timeout():
    assert "wal_sender_timeout" in _checks("postgresql")


# -- LOBs without a key ------------------------------------------------------------------------------------
def test_lob_table_without_a_key_gets_no_lob_setting_and_a_note():
    a = migplan.assess_text("CREATE TABLE app.docs (body CLOB);\nCREATE TABLE app.keyed (id NUMBER PRIMARY KEY, "
                            "body CLOB);", "oracle", "aurora-postgresql")
    rows = {t.table: t for t in a.cdc.tables}
    assert "not captured" in rows["APP.DOCS"].note
    lob_rules = [r["object-locator"]["table-name"] for r in a.dms.table_mappings()["rules"] if "lob-settings" in r]
    assert lob_rules == ["KEYED"]


def test_cdc_source_script_is_written(tmp_path):
    a = migplan.assess_text(ORACLE, "oracle", "aurora-postgresql")
    a.write(tmp_path)
    text = (tmp_path / "cdc_source.sql").read_text()
    assert text.startswith("SET DEFINE OFF") and "dba_tab_privs" in text
