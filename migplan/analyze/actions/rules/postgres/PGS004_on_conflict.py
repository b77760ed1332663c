from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class OnConflict(Rule):
    """INSERT ... ON CONFLICT: becomes ON DUPLICATE KEY UPDATE or INSERT IGNORE on MySQL.

    What it detects:
        Each ``ON CONFLICT ... DO UPDATE`` / ``DO NOTHING`` in a PostgreSQL function or procedure.

    Why it matters:
        MySQL's ``INSERT ... ON DUPLICATE KEY UPDATE`` reacts to a clash on any unique key, not on the
        conflict target PostgreSQL names, so tables with several unique keys may update a different
        row. ``EXCLUDED.col`` becomes ``VALUES(col)`` (or a row alias, MySQL 8.0.19+); a ``WHERE`` on
        ``DO UPDATE`` has to move into IF() expressions. ``DO NOTHING`` is usually written as
        ``INSERT IGNORE``, which also silences other errors (NOT NULL, foreign keys, truncation).

    Example:
        INSERT INTO stock (sku, qty) VALUES (p_sku, p_qty)
        ON CONFLICT (sku) DO UPDATE SET qty = stock.qty + EXCLUDED.qty;

    Typical rewrite:
        ON DUPLICATE KEY UPDATE with a row alias; for DO NOTHING, ON DUPLICATE KEY UPDATE key = key rather
        than INSERT IGNORE when other errors must still fail.

        INSERT INTO stock (sku, qty) VALUES (p_sku, p_qty) AS new
        ON DUPLICATE KEY UPDATE qty = stock.qty + new.qty;

    Effort:
        Simple per statement; check tables with more than one unique key.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (the MySQL to PostgreSQL direction: ON DUPLICATE KEY UPDATE -> ON CONFLICT).
    """

    code = "PGS004"
    name = "on-conflict"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("postgresql",)
    targets = ("mysql",)
    kinds = ("function", "procedure")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws[:-1]):
            if w.up != "ON" or ws[i + 1].up != "CONFLICT":
                continue
            k = i + 2
            while k < len(ws) and ws[k].up not in ("DO", ";"):
                k += 1
            action = ws[k + 1].up if k + 1 < len(ws) and ws[k].up == "DO" else ""
            how = "INSERT IGNORE (or a no-op ON DUPLICATE KEY UPDATE)" if action == "NOTHING" \
                else "ON DUPLICATE KEY UPDATE (any unique key matches; EXCLUDED.col -> VALUES(col))"
            yield ctx.hit(self, obj, w.line, f"ON CONFLICT DO {action or 'UPDATE'}: becomes {how}",
                          source="ON CONFLICT")
