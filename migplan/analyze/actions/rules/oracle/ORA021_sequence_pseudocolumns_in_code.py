from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, hit, is_punct, is_word
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class SequencePseudocolumnsInCode(Rule):
    """seq.NEXTVAL / seq.CURRVAL in PL/SQL: nextval('seq') on PostgreSQL, no sequences on MySQL.

    What it detects:
        ``sequence.NEXTVAL`` and ``sequence.CURRVAL`` in procedures, functions, triggers, package and
        type bodies (views are converted by migplan itself).

    Why it matters:
        PostgreSQL spells them ``nextval('seq')`` / ``currval('seq')`` (a mechanical change; a trigger
        that only fills a key from a sequence is better replaced by a column DEFAULT or an identity).
        MySQL has no sequences: the key becomes AUTO_INCREMENT (read back with LAST_INSERT_ID()), or
        a sequence table updated under a lock.

    Example:
        :NEW.order_id := orders_seq.NEXTVAL;

    Typical rewrite:
        PostgreSQL: nextval('orders_seq'), or DEFAULT nextval(...) / identity on the column and drop
        the trigger; MySQL: AUTO_INCREMENT and LAST_INSERT_ID().

        ALTER TABLE orders ALTER COLUMN order_id SET DEFAULT nextval('orders_seq');

    Effort:
        Simple per use on PostgreSQL; medium on MySQL.

    References:
        SCT action code 341 (no SEQUENCE objects, Oracle to MySQL); https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "ORA021"
    name = "sequence-pseudocolumns-in-code"
    category = "procedural code"
    severity = "low"
    effort = "simple"
    sources = ("oracle",)
    kinds = CODE
    rewritten_when_converted = True
    sct = ("Oracle->MySQL 341",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        mysql = ctx.target_family == "mysql"
        ws = ctx.words(obj)
        for i in range(len(ws)):
            if not (is_punct(ws, i, ".") and is_word(ws, i + 1, "NEXTVAL", "CURRVAL") and i > 0
                    and ws[i - 1].kind in ("word", "qident")):
                continue
            seq = ws[i - 1].text
            if is_punct(ws, i - 2, ".") and i >= 3:
                seq = f"{ws[i - 3].text}.{seq}"
            what = f"{seq}.{ws[i + 1].up}"
            if mysql:
                fix = "no sequences on MySQL: AUTO_INCREMENT and LAST_INSERT_ID(), or a sequence table"
            else:
                fix = f"{ws[i + 1].up.lower()}('{seq.lower()}') on PostgreSQL"
            yield hit(self, obj, ctx, ws[i - 1].line, f"{what}: {fix}", source=what,
                      severity="high" if mysql else None, effort="medium" if mysql else None)
