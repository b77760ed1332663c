from collections.abc import Iterable

from sqlglot import exp

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, VIEWS, hit, is_punct, node_line
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class DatabaseLink(Rule):
    """object@dblink: a query or call that reaches another database through a database link.

    What it detects:
        References to remote objects (``orders@sales_db``, ``pkg.f@lnk(...)``) in views, materialized
        views and code. Synonyms for remote objects are NAM006.

    Why it matters:
        There are no database links on the targets. PostgreSQL reaches another database through
        postgres_fdw foreign tables (or the dblink extension), which must be created and given user
        mappings, and remote procedure calls are not possible that way; MySQL has no equivalent on
        RDS/Aurora (no FEDERATED engine), so the data has to be replicated or read by the
        application. Distributed transactions over links also disappear.

    Example:
        CREATE VIEW remote_orders AS SELECT * FROM orders@sales_db;

    Typical rewrite:
        PostgreSQL: a foreign server and foreign tables (postgres_fdw, or oracle_fdw while Oracle is
        still reachable) queried like local tables; MySQL: replicate the remote data (DMS) or move the
        join to the application.

        IMPORT FOREIGN SCHEMA sales LIMIT TO (orders) FROM SERVER sales_db INTO sales_remote;

    Effort:
        Significant: infrastructure, credentials and performance of remote access.

    References:
        SCT action codes 5605, 5639, 5640, 5641, 5657 (database links, Oracle to PostgreSQL, no
        automation);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
        (DB links are in the Other row for MySQL).
    """

    code = "ORA015"
    name = "database-link"
    category = "procedural code"
    severity = "high"
    effort = "significant"
    sources = ("oracle",)
    kinds = CODE + VIEWS
    sct = ("Oracle->PostgreSQL 5605", "Oracle->PostgreSQL 5639", "Oracle->PostgreSQL 5640",
           "Oracle->PostgreSQL 5641", "Oracle->PostgreSQL 5657")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        fix = "no database links on MySQL: replicate the data or move the access to the application" \
            if ctx.target_family == "mysql" else "use a postgres_fdw foreign table (or the dblink extension)"
        for remote, line in _remote_refs(obj, ctx):
            name, _, link = remote.partition("@")
            yield hit(self, obj, ctx, line, f"{name} over database link {link}: {fix}", source=remote)


def _remote_refs(obj, ctx):
    tree = ctx.tree(obj)
    if tree is not None:
        for t in tree.find_all(exp.Table):
            full = ".".join(p for p in (t.catalog, t.db, t.name) if p)
            if "@" in full:
                yield full, node_line(obj, t)
        for f in tree.find_all(exp.Anonymous):
            if "@" in str(f.this):
                yield str(f.this), node_line(obj, f)
        return
    ws = ctx.words(obj)
    for i, w in enumerate(ws):
        if not (is_punct(ws, i, "@") and i > 0 and ws[i - 1].kind in ("word", "qident")
                and i + 1 < len(ws) and ws[i + 1].kind in ("word", "qident")):
            continue
        a = i - 1
        while is_punct(ws, a - 1, ".") and a >= 2:
            a -= 2
        b = i + 1
        while is_punct(ws, b + 1, ".") and b + 2 < len(ws) and ws[b + 2].kind == "word":
            b += 2
        yield "".join(x.text for x in ws[a:b + 1]), w.line
