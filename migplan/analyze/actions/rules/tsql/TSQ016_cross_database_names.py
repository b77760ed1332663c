from collections.abc import Iterable
from typing import ClassVar

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import bare, dotted_name
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

# words after which a dotted name is an object (table, view, procedure), not a column
_OBJECT_POSITION = {"FROM", "JOIN", "INTO", "UPDATE", "TABLE", "EXEC", "EXECUTE", "USING", "MERGE", "INSERT",
                    "DELETE"}
_XML_METHODS = {"NODES", "VALUE", "QUERY", "EXIST", "MODIFY"}  # alias.column.nodes(...) is no object name
_PASS_THROUGH = {"OPENQUERY", "OPENROWSET", "OPENDATASOURCE"}


class CrossDatabaseNames(Rule):
    """Three- and four-part names (db.schema.object, srv.db.schema.object): other databases, linked servers.

    What it detects:
        In T-SQL views, procedures, functions and triggers: each object reference with a database part
        (``otherdb.dbo.customers``, ``otherdb..customers``), each four-part linked-server name
        (``srv.db.dbo.t``) and each ``OPENQUERY`` / ``OPENROWSET`` / ``OPENDATASOURCE`` call. System
        databases used with system procedures (master, msdb) and tempdb are left to other items.

    Why it matters:
        In SQL Server one query can read several databases of the instance. A PostgreSQL database is a
        separate catalog: objects of another database are reachable only through ``postgres_fdw`` or
        ``dblink``, so SCT maps source databases to schemas of one target database (schema-name template
        ``<source_db>_<schema>``) and every reference must follow that mapping. On MySQL a database is a
        schema, so ``db.schema.obj`` must become one two-part name. Linked servers have no equivalent on
        either target (no pass-through queries).

    Example:
        SELECT c.name FROM crm.dbo.customers c JOIN dbo.orders o ON o.customer_id = c.id;
        SELECT * FROM OPENQUERY(legacy_srv, 'SELECT * FROM stock');

    Typical rewrite:
        Migrate the databases that query each other into one target database as separate schemas and
        rewrite the names (crm.dbo.customers -> crm_dbo.customers); reach databases that stay apart
        through postgres_fdw, or replicate the data the query needs (DMS) instead of a linked server.

        SELECT c.name FROM crm_dbo.customers c JOIN dbo.orders o ON o.customer_id = c.id;

    Effort:
        Simple per three-part name once the schema mapping is chosen; significant per linked-server
        query.

    References:
        SCT action codes 7645 (SQL Server to PostgreSQL), 645 (SQL Server to MySQL): linked servers;
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
        (schema-name template for 3-part names),
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "TSQ016"
    name = "cross-database-names"
    category = "views and SQL"
    severity = "medium"
    effort = "simple"
    sources = ("sqlserver",)
    except_engines: ClassVar[tuple[str, ...]] = ("azure-sql",)  # AZS001 says what a three-part name means there
    kinds = ("view", "procedure", "function", "trigger")
    sct: ClassVar[tuple[str, ...]] = ("SQL Server->PostgreSQL 7645", "SQL Server->MySQL 645")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        mysql = ctx.target_family == "mysql"
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.kind == "word" and w.up in _PASS_THROUGH and i + 1 < len(ws) and ws[i + 1].up == "(":
                f = ctx.hit(self, obj, w.line, f"{w.text}: linked-server pass-through query; no equivalent "
                            "on the target", source=w.text)
                f.effort = "significant"
                yield f
                continue
            if w.up not in _OBJECT_POSITION or w.kind != "word" or i + 1 >= len(ws):
                continue
            parts, end = dotted_name(ws, i + 1)
            if len(parts) < 3 or parts[0].startswith(("@", "#")):
                continue
            if bare(parts[-1]) in _XML_METHODS and end < len(ws) and ws[end].up == "(":
                continue
            name = ".".join(parts)
            if len(parts) >= 4:
                f = ctx.hit(self, obj, ws[i + 1].line, f"{name}: linked server {parts[0]}; no linked servers "
                            "on the target (postgres_fdw/dblink, or replicate the data)", source=name)
                f.effort = "significant"
                yield f
                continue
            db = bare(parts[0])
            if db == "TEMPDB" or (db in ("MASTER", "MSDB") and bare(parts[-1]).startswith(("SP_", "XP_"))):
                continue
            yield ctx.hit(self, obj, ws[i + 1].line, f"{name}: {self.other_database(parts, mysql)}", source=name)

    def other_database(self, parts: list[str], mysql: bool) -> str:
        """What to do with ``db.schema.object`` on the target."""
        if mysql:
            return f"a MySQL database is a schema: write {parts[0]}.{parts[-1]} (or the mapped name)"
        return "another database: map it to a schema of the target database, or postgres_fdw/dblink"
