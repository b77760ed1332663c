import re
from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, VIEWS, comments, hit
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_HINT = re.compile(r"^(?:/\*\+|--\+)\s*(.*?)\s*(?:\*/)?$", re.DOTALL)


class Hints(Rule):
    """Optimizer hints (/*+ ... */): ignored or different on the target.

    What it detects:
        Hint comments (``/*+ ... */`` and ``--+ ...``) in views, materialized views and code; the
        item lists the hints.

    Why it matters:
        Hints are comments to every other engine. PostgreSQL ignores them (Aurora PostgreSQL can use
        the pg_hint_plan extension, with its own hint names); MySQL has optimizer hints with the same
        comment syntax but different names and meanings. A query tuned with hints may need another
        index, statistics or a rewrite to keep its plan; hints such as APPEND or PARALLEL have no
        counterpart.

    Example:
        SELECT /*+ INDEX(o orders_status_ix) */ * FROM orders o WHERE status = 'NEW';

    Typical rewrite:
        Drop the hint, check the plan on the target with representative data, and add an index,
        statistics or (Aurora PostgreSQL) a pg_hint_plan hint only where the plan is bad.

    Effort:
        Simple per hint; more when a query depends on it for acceptable performance.

    References:
        SCT action codes 5103 (Oracle to PostgreSQL), 103 (Oracle to MySQL);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "ORA022"
    name = "hints"
    category = "views and SQL"
    severity = "low"
    effort = "simple"
    sources = ("oracle",)
    kinds = CODE + VIEWS
    sct = ("Oracle->PostgreSQL 5103", "Oracle->MySQL 103")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        fix = "MySQL hints have other names: drop it or map it, then check the plan" if ctx.target_family == "mysql" \
            else "ignored by PostgreSQL (pg_hint_plan has its own hints): check the plan"
        for text, line in comments(ctx, obj):
            m = _HINT.match(text)
            if m:
                hints = " ".join(m.group(1).split())
                yield hit(self, obj, ctx, line, f"optimizer hint /*+ {hints} */: {fix}", source=text)
