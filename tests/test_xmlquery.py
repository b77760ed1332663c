"""SQL Server xml methods in views, written with PostgreSQL's xpath(): the paths are translated
(default namespace -> a prefix, paths relative to a nodes() row) and give SQL Server's values on a
real PostgreSQL."""

import pytest

import migplan
from migplan.convert.xmlquery import translate
from migplan.verify.engines import postgres_session

NS = 'declare default element namespace "urn:survey";'


@pytest.mark.parametrize("xquery,node,value,xpath", [
    (f"{NS} (/Survey/Sales)[1]", False, True, "(/d:Survey/d:Sales)[1]/text()"),
    (f"{NS} Sales[1]", True, True, "/*/d:Sales[1]/text()"),
    ("@LotSize[1]", True, True, "/*/@LotSize[1]"),
    ("string(.)[1]", True, False, "/*"),
    (f"{NS} /root/Location", False, False, "/d:root/d:Location"),
    ('declare namespace act="urn:act"; (act:phone/act:number)[1]', False, True, "(act:phone/act:number)[1]/text()"),
])
def test_translate(xquery, node, value, xpath):
    assert translate(xquery, relative_to_node=node, for_value=value)[0] == xpath


def test_flwor_is_not_a_path():
    assert translate("for $s in /Survey/Sales return $s", relative_to_node=False, for_value=True) is None


SOURCE = """
CREATE TABLE dbo.Stores (StoreID int NOT NULL PRIMARY KEY, Demographics xml NULL)
GO
CREATE VIEW dbo.vStoreSurvey AS
SELECT s.StoreID,
       s.Demographics.value('declare default element namespace "urn:survey"; (/Survey/AnnualSales)[1]', 'money')
         AS AnnualSales,
       s.Demographics.value('declare default element namespace "urn:survey"; (/Survey/Bank)[1]', 'nvarchar(50)')
         AS Bank,
       Loc.ref.value('@Code[1]', 'int') AS LocationCode,
       Loc.ref.value('declare default element namespace "urn:survey"; Hours[1]', 'int') AS Hours,
       s.Demographics.value('declare default element namespace "urn:survey"; (/Survey/Missing)[1]', 'int')
         AS Missing,
       s.Demographics.exist('declare default element namespace "urn:survey"; /Survey/Bank') AS HasBank
FROM dbo.Stores s
CROSS APPLY s.Demographics.nodes('declare default element namespace "urn:survey"; /Survey/Location') Loc(ref)
GO
"""
DOC = ('<Survey xmlns="urn:survey"><AnnualSales>1500.25</AnnualSales><Bank>North &amp; Co</Bank>'
       '<Location Code="7"><Hours>9</Hours></Location><Location Code="8"><Hours>4</Hours></Location></Survey>')


@pytest.mark.engine
def test_view_gives_sql_servers_values(pg_xml_dsn):
    a = migplan.assess_text(SOURCE, "sqlserver", "aurora-postgresql")
    assert not [i for i in a.action_items.items if i.code in ("VEW011", "SQL001")]
    session = postgres_session(pg_xml_dsn)
    try:
        for c in a.conversion.prelude:
            session.conn.execute(c.sql)
        for c in a.conversion.objects:
            for st in c.statements:
                session.conn.execute(st.sql)
        session.conn.execute("INSERT INTO dbo.stores VALUES (1, %s)", (DOC,))
        rows = session.conn.execute("SELECT storeid, annualsales, bank, locationcode, hours, missing, hasbank "
                                    "FROM dbo.vstoresurvey ORDER BY locationcode").fetchall()
        # SQL Server's answers: unescaped text, typed numbers, NULL for an absent node, 1 for exist()
        assert [(r[0], float(r[1]), *r[2:]) for r in rows] == [
            (1, 1500.25, "North & Co", 7, 9, None, 1), (1, 1500.25, "North & Co", 8, 4, None, 1)]
    finally:
        session.close()
