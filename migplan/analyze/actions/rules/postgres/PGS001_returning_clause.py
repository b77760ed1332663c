from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class ReturningClause(Rule):
    """INSERT/UPDATE/DELETE ... RETURNING: MySQL has no RETURNING clause.

    What it detects:
        Each ``RETURNING`` clause in a PostgreSQL function or procedure (``INSERT ... RETURNING id INTO
        v``, data-modifying CTEs with RETURNING).

    Why it matters:
        MySQL statements return no rows from INSERT, UPDATE or DELETE. Generated keys come from
        ``LAST_INSERT_ID()`` (the first id of a multi-row insert); other values must be read before the
        change (``SELECT ... FOR UPDATE``) or after it, inside the same transaction. Data-modifying CTEs
        (``WITH x AS (DELETE ... RETURNING *) INSERT ...``) must become separate statements.

    Example:
        INSERT INTO orders (customer_id) VALUES (p_customer) RETURNING id INTO v_id;
        WITH moved AS (DELETE FROM queue WHERE id = p_id RETURNING *) INSERT INTO done SELECT * FROM moved;

    Typical rewrite:
        LAST_INSERT_ID() for AUTO_INCREMENT keys; otherwise SELECT ... FOR UPDATE the rows, then change
        them, in one transaction.

        INSERT INTO orders (customer_id) VALUES (p_customer);
        SET v_id = LAST_INSERT_ID();

    Effort:
        Simple for generated keys; medium for data-modifying CTEs.

    References:
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Welcome.html
        (SCT PostgreSQL to MySQL); no SCT action code published for this pair.
    """

    code = "PGS001"
    name = "returning-clause"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("postgresql",)
    targets = ("mysql",)
    kinds = ("function", "procedure")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        for w in ctx.words(obj):
            if w.kind == "word" and w.up == "RETURNING":
                yield ctx.hit(self, obj, w.line, "RETURNING: MySQL has none; use LAST_INSERT_ID() or read "
                              "the rows in the same transaction", source="RETURNING")
