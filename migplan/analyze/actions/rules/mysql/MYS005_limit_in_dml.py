from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import depths, starts_statement
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class LimitInDml(Rule):
    """UPDATE/DELETE ... LIMIT: PostgreSQL has no LIMIT on UPDATE and DELETE.

    What it detects:
        Each single-table ``UPDATE ... LIMIT n`` or ``DELETE ... LIMIT n`` (with or without ORDER BY) in
        MySQL procedures, functions, triggers and events.

    Why it matters:
        The statement fails on PostgreSQL. Batched deletes and "take the next N rows" updates are
        common in purge jobs and queue tables; the rewrite selects the keys first and, for queues,
        should lock them with ``FOR UPDATE SKIP LOCKED``.

    Example:
        DELETE FROM audit_log WHERE created < p_cutoff ORDER BY id LIMIT 1000;

    Typical rewrite:
        Restrict a key subquery with ORDER BY ... LIMIT (ctid for tables without a key).

        DELETE FROM audit_log WHERE id IN (
          SELECT id FROM audit_log WHERE created < p_cutoff ORDER BY id LIMIT 1000);

    Effort:
        Simple per statement.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (MySQL to PostgreSQL: LIMIT syntax).
    """

    code = "MYS005"
    name = "limit-in-dml"
    category = "procedural code"
    severity = "low"
    effort = "simple"
    sources = ("mysql",)
    targets = ("postgresql",)
    kinds = ("procedure", "function", "trigger", "event")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        d = depths(ws)
        for i, w in enumerate(ws):
            if w.kind != "word" or w.up not in ("UPDATE", "DELETE") or not starts_statement(ws, i):
                continue
            for k in range(i + 1, len(ws)):
                if ws[k].up == ";" or (d[k] < d[i]):
                    break
                if d[k] == d[i] and ws[k].up == "LIMIT" and ws[k].kind == "word":
                    msg = f"{w.up} ... LIMIT: no LIMIT in {w.up} on PostgreSQL; restrict a key subquery"
                    yield ctx.hit(self, obj, ws[k].line, msg, source=f"{w.up} ... LIMIT")
                    break
