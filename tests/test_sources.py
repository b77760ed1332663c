"""Azure SQL Database, MariaDB and Aurora as sources: their own differences from the family they
share a dialect with (SQL Server, MySQL, PostgreSQL) are items, conversions and plan facts, never a
silent alias."""

from __future__ import annotations

import migplan
from migplan import engines
from tests.conftest import SAMPLES

AZURE = SAMPLES / "azure-sql" / "ticketing"


def test_azure_sql_plan_is_a_full_load_because_dms_captures_no_changes():
    a = migplan.assess(AZURE, "azure-sql", "aurora-postgresql")
    assert a.plan.options.migration_type == "full-load"
    assert [r["MigrationType"] for r in a.dms.create_replication_task_requests()] == ["full-load"]
    load = next(s for s in a.plan.steps if s.title.startswith("Full load"))
    assert any("CHAP_Source.AzureSQL.html" in n and "does not capture changes" in n for n in load.notes)
    assert not any("change data capture" in s.title.lower() for s in a.plan.steps)
    # the CDC checklist is Azure SQL's own, not SQL Server's MS-Replication / MS-CDC steps
    assert "sp_cdc_enable" not in a.cdc.script() and "CHAP_Source.AzureSQL.html" in a.cdc.markdown()
    sqlserver = migplan.assess(SAMPLES / "sqlserver" / "shop", "sqlserver", "aurora-postgresql")
    assert sqlserver.plan.options.migration_type == "full-load-and-cdc"
    assert engines.get("sqlserver").dms_cdc and not engines.get("azure-sql").dms_cdc


def test_azure_sql_gets_its_own_items_and_not_sql_servers_cross_database_item():
    a = migplan.assess(AZURE, "azure-sql", "aurora-mysql")
    codes = {i.code for i in a.action_items.items}
    assert {"AZS001", "AZS002", "AZS003", "AZS004", "AZS005", "TBL017"} <= codes
    assert "TSQ016" not in codes
    # the same scripts read as SQL Server: none of Azure SQL's items
    s = migplan.assess(AZURE, "sqlserver", "aurora-mysql")
    assert not {i.code for i in s.action_items.items if i.code.startswith("AZS")}


def test_external_table_is_held_back_not_written_as_an_empty_table():
    a = migplan.assess(AZURE, "azure-sql", "aurora-postgresql")
    conv = next(c for c in a.conversion.objects if c.source.qname == "ext.points")
    assert not conv.statements and conv.draft and not conv.converted
    files = a.plan.ddl_files()
    assert "ext.points" not in files["01_before_full_load.sql"] and "ext.points" in files["05_held_back.sql"]
    assert "ext.points" not in {t.qname for w in a.plan.waves for t in w.tables}


# -- MariaDB -----------------------------------------------------------------------------------------
def _table_sql(sql: str, source: str = "mariadb", target: str = "postgresql") -> str:
    from migplan.assessment import assess_text

    a = assess_text(sql, source, target, force=True)
    return "\n".join(c.sql() for c in a.conversion.objects)


def test_mariadb_sequences_and_their_functions_convert():
    out = _table_sql("""
        CREATE SEQUENCE member_no START WITH 1000 INCREMENT BY 1 CACHE 50 NOCYCLE ENGINE=InnoDB;
        CREATE TABLE members (member_id bigint NOT NULL DEFAULT nextval(member_no) PRIMARY KEY);
        CREATE VIEW seq_state AS SELECT lastval(member_no) AS last_no, setval(member_no, 5000) AS moved;""")
    assert "CREATE SEQUENCE member_no" in out and "ENGINE" not in out
    assert "DEFAULT NEXTVAL('MEMBER_NO')" in out.upper()
    assert "CURRVAL('MEMBER_NO')" in out.upper() and "SETVAL('MEMBER_NO', 5000)" in out.upper()


def test_mariadb_types_and_json_alias_convert():
    out = _table_sql("""
        CREATE TABLE hosts (
          id int NOT NULL PRIMARY KEY,
          addr inet6 DEFAULT NULL,
          public_id uuid NOT NULL DEFAULT uuid(),
          doc longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`doc`)),
          note longtext CHECK (json_valid(`doc`))
        );""")
    assert "addr inet" in out and "public_id uuid DEFAULT GEN_RANDOM_UUID()" in out
    assert "doc jsonb" in out and "note text" in out  # a check on another column is no JSON alias
    assert "JSON_VALID" not in out.upper().split("NOTE TEXT")[0]


def test_to_days_counts_from_year_one_on_postgresql():
    """TO_DAYS('0001-01-01') is 366 in MySQL and MariaDB; PostgreSQL has no year 0."""
    out = _table_sql("CREATE TABLE t (d date, n int GENERATED ALWAYS AS (to_days(d)) VIRTUAL);")
    assert "0000-01-01" not in out and "'0001-01-01'" in out and "+ 365" in out


def test_system_versioning_is_an_item_not_a_storage_option():
    from migplan.assessment import assess_text

    a = assess_text("CREATE TABLE b (id int NOT NULL PRIMARY KEY) WITH SYSTEM VERSIONING;", "mariadb", "postgresql",
                    force=True)
    codes = {i.code for i in a.action_items.items}
    assert "MDB001" in codes and "TBL009" not in codes
    assert a.inventory["b"].status == "parsed"


# -- Aurora ------------------------------------------------------------------------------------------
def test_aurora_cdc_checklists_extend_their_family_with_aurora_facts():
    fleet = migplan.assess(SAMPLES / "aurora-mysql" / "fleet", "aurora-mysql", "aurora-postgresql")
    mysql = migplan.assess(SAMPLES / "mysql" / "bookstore", "mysql", "aurora-postgresql", default_schema="bookstore")
    names = [c["name"] for c in fleet.cdc.checks]
    assert names[:len(mysql.cdc.checks)] == [c["name"] for c in mysql.cdc.checks]
    extra = " ".join(names[len(mysql.cdc.checks):])
    assert "cluster parameter group" in extra and "replica" in extra and "Enhanced binlog" in extra
    assert "aurora_enhanced_binlog" in fleet.cdc.script() and "aurora_enhanced_binlog" not in mysql.cdc.script()
    tele = migplan.assess(SAMPLES / "aurora-postgresql" / "telemetry", "aurora-postgresql", "mysql")
    assert any("synchronous_commit" in c["name"] for c in tele.cdc.checks)
    clinic = migplan.assess(SAMPLES / "postgresql" / "clinic", "postgresql", "mysql")
    assert not any("synchronous_commit" in c["name"] for c in clinic.cdc.checks)


def test_cdc_section_extending_nothing_is_an_error():
    import pytest

    from migplan.datafile import DataFileError
    from migplan.plan import cdc

    raw = dict(cdc._data())
    raw["aurora-mysql"] = {**raw["aurora-mysql"], "extends": "mysqll"}
    with pytest.raises(DataFileError, match="mysqll"):
        cdc.validate(raw)


def test_aurora_features_are_items_only_for_aurora_sources():
    for folder, aurora, plain, target, code in (("aurora-mysql/fleet", "aurora-mysql", "mysql", "postgresql", "AUR001"),
                                                ("aurora-postgresql/telemetry", "aurora-postgresql", "postgresql",
                                                 "mysql", "AUR002")):
        a = migplan.assess(SAMPLES / folder, aurora, target)
        b = migplan.assess(SAMPLES / folder, plain, target)
        assert code in {i.code for i in a.action_items.items}
        assert code not in {i.code for i in b.action_items.items}
