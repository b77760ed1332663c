from migplan.analyze.actions.base import Rule


class Hierarchyid(Rule):
    """A SQL Server hierarchyid column: kept as its text path; its tree methods must be rewritten.

    What it detects:
        A column of the CLR type ``hierarchyid``. migplan writes ``varchar(250)``, holding the path
        form ('/1/3/2/') that DMS moves to non-SQL-Server targets (WSTRING(250)).

    Why it matters:
        The tree operations are methods of the type: GetAncestor(), GetDescendant(), IsDescendantOf(),
        GetLevel(), ToString(), and depth-first ordering by the binary value. None exist on the
        target, so views, indexes and code that call them fail; ordering by the text path is not
        depth-first ('/10/' sorts before '/2/'). Paths longer than 250 characters are truncated by
        DMS.

    Example:
        CREATE TABLE employees (id int PRIMARY KEY, OrgNode hierarchyid NULL);

    Typical rewrite:
        On PostgreSQL use the ltree extension (paths like 1.3.2, with @> / <@ operators and GiST
        indexes) or a parent_id column with recursive queries; on MySQL a parent_id column plus
        WITH RECURSIVE, or a materialised path with zero-padded segments.

        CREATE TABLE employees (id integer PRIMARY KEY, org_path ltree);

    Effort:
        Significant: a data conversion plus every query that walks the hierarchy.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html
        (HIERARCHYID -> WSTRING(250) on non-SQL-Server targets),
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
        (hierarchyid among SCT's data-type items for SQL Server to PostgreSQL).
    """

    code = "TYP016"
    name = "hierarchyid"
    category = "data types"
    severity = "high"
    effort = "significant"
    sources = ("sqlserver",)
    raised_by = "converter"
