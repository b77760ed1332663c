from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, hit
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class BulkCollect(Rule):
    """BULK COLLECT INTO: fetches rows into a collection in one call.

    What it detects:
        ``SELECT ... BULK COLLECT INTO``, ``FETCH ... BULK COLLECT INTO [LIMIT n]``,
        ``RETURNING ... BULK COLLECT INTO`` and ``EXECUTE IMMEDIATE ... BULK COLLECT INTO`` in
        procedures, functions, triggers, package and type bodies.

    Why it matters:
        Neither target has BULK COLLECT. PostgreSQL can fill an array (``array_agg``) or loop over
        the query; MySQL has no collection types at all, so the rows go to a temporary table or are
        processed in a cursor loop. The LIMIT batching and the collection the rows land in change
        with the rewrite.

    Example:
        SELECT order_id BULK COLLECT INTO l_ids FROM orders WHERE status = 'NEW';

    Typical rewrite:
        PostgreSQL: collect into an array (SELECT array_agg(...) INTO) or iterate with FOR rec IN
        query LOOP; MySQL: a cursor loop or a temporary table holding the rows.

        SELECT array_agg(order_id) INTO l_ids FROM orders WHERE status = 'NEW';

    Effort:
        Medium per statement on PostgreSQL; significant on MySQL (no collections).

    References:
        SCT action codes 5140 (BULK COLLECT INTO), 5087 (RETURNING ... BULK COLLECT INTO), 5088
        (EXECUTE IMMEDIATE ... BULK COLLECT) for PostgreSQL; 140, 87, 88 for MySQL;
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "ORA002"
    name = "bulk-collect"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("oracle",)
    kinds = CODE
    sct = ("Oracle->PostgreSQL 5140", "Oracle->PostgreSQL 5087", "Oracle->PostgreSQL 5088",
           "Oracle->MySQL 140", "Oracle->MySQL 87", "Oracle->MySQL 88")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        mysql = ctx.target_family == "mysql"
        fix = "a cursor loop or a temporary table (MySQL has no collections)" if mysql else \
            "array_agg(...) INTO an array, or a FOR ... IN query LOOP"
        for line in ctx.find(obj, "BULK", "COLLECT"):
            yield hit(self, obj, ctx, line, f"BULK COLLECT INTO: rewrite as {fix}", source="BULK COLLECT",
                      severity="high" if mysql else None, effort="significant" if mysql else None)
