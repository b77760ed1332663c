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
    assert {"AZS001", "AZS002", "AZS003", "AZS004", "AZS005", "TBL016"} <= codes
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
