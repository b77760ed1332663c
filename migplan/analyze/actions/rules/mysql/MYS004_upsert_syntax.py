from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import starts_statement
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class UpsertSyntax(Rule):
    """INSERT ... ON DUPLICATE KEY UPDATE, REPLACE INTO, INSERT IGNORE: rewrite with ON CONFLICT.

    What it detects:
        Each ``ON DUPLICATE KEY UPDATE``, ``REPLACE [INTO]`` statement and ``INSERT IGNORE`` in MySQL
        procedures, functions, triggers and events.

    Why it matters:
        PostgreSQL's ``INSERT ... ON CONFLICT (columns) DO UPDATE / DO NOTHING`` needs one named
        conflict target (a unique index), whereas MySQL reacts to a clash on any unique key; ``VALUES(col)``
        becomes ``EXCLUDED.col``. ``REPLACE`` deletes the old row and inserts a new one: DELETE triggers
        fire, ON DELETE CASCADE removes child rows and omitted columns fall back to their defaults;
        ON CONFLICT DO UPDATE does none of this. ``INSERT IGNORE`` also turns other errors (NOT NULL,
        out-of-range, foreign keys) into warnings, which ON CONFLICT DO NOTHING does not.

    Example:
        INSERT INTO stock (sku, qty) VALUES (p_sku, p_qty) ON DUPLICATE KEY UPDATE qty = qty + VALUES(qty);
        REPLACE INTO prices (sku, price) VALUES (p_sku, p_price);

    Typical rewrite:
        INSERT ... ON CONFLICT (key) DO UPDATE SET col = EXCLUDED.col, choosing the key explicitly; check
        what REPLACE's delete and IGNORE's error suppression did for the application.

        INSERT INTO stock (sku, qty) VALUES (p_sku, p_qty)
        ON CONFLICT (sku) DO UPDATE SET qty = stock.qty + EXCLUDED.qty;

    Effort:
        Simple per statement; medium for REPLACE on tables with triggers or cascading children.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (ON DUPLICATE KEY UPDATE -> ON CONFLICT, REPLACE INTO).
    """

    code = "MYS004"
    name = "upsert-syntax"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("mysql",)
    targets = ("postgresql",)
    kinds = ("procedure", "function", "trigger", "event")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        for line in ctx.find(obj, "ON", "DUPLICATE", "KEY", "UPDATE"):
            yield ctx.hit(self, obj, line, "ON DUPLICATE KEY UPDATE: becomes ON CONFLICT (key) DO UPDATE "
                          "with EXCLUDED.col", source="ON DUPLICATE KEY UPDATE")
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.kind != "word":
                continue
            if w.up == "REPLACE" and starts_statement(ws, i) and (i + 1 >= len(ws) or ws[i + 1].up != "("):
                f = ctx.hit(self, obj, w.line, "REPLACE: delete-then-insert; ON CONFLICT DO UPDATE fires no "
                            "DELETE triggers or cascades", source="REPLACE INTO")
                f.effort = "medium"
                yield f
            elif w.up == "INSERT":
                j = i + 1
                while j < len(ws) and ws[j].up in ("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY"):
                    j += 1
                if j < len(ws) and ws[j].up == "IGNORE":
                    yield ctx.hit(self, obj, w.line, "INSERT IGNORE: ON CONFLICT DO NOTHING covers only key "
                                  "clashes; other errors are no longer ignored", source="INSERT IGNORE")
