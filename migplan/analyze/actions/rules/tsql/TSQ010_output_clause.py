from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class OutputClause(Rule):
    """OUTPUT inserted./deleted.: return changed rows with RETURNING, or re-read them (MySQL).

    What it detects:
        Each ``OUTPUT`` clause of an INSERT, UPDATE, DELETE or MERGE in a T-SQL procedure, function or
        trigger (``OUTPUT inserted.id``, ``OUTPUT deleted.*``, ``OUTPUT $action``, with or without
        ``INTO``). OUTPUT parameters are not concerned.

    Why it matters:
        PostgreSQL's ``RETURNING`` returns the new row values of INSERT/UPDATE/DELETE; ``OUTPUT ...
        INTO @t`` becomes a data-modifying CTE, and old values of an UPDATE (``deleted.col``) need a
        join to the old row. MySQL has no RETURNING at all: generated keys come from
        ``LAST_INSERT_ID()``, other values must be selected before or after the change (or captured by
        a trigger).

    Example:
        UPDATE accounts SET balance = balance - @amt
        OUTPUT deleted.balance, inserted.balance INTO @audit
        WHERE id = @id;

    Typical rewrite:
        PostgreSQL: RETURNING (in a CTE when the rows go to a table); MySQL: SELECT ... FOR UPDATE the
        rows first, then change them.

        WITH changed AS (UPDATE accounts SET balance = balance - p_amt WHERE id = p_id RETURNING balance)
        INSERT INTO audit (new_balance) SELECT balance FROM changed;

    Effort:
        Medium per statement (simple for INSERT ... OUTPUT inserted.id on PostgreSQL).

    References:
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
        (no SCT action code listed for OUTPUT).
    """

    code = "TSQ010"
    name = "output-clause"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("sqlserver",)
    kinds = ("procedure", "function", "trigger")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws[:-1]):
            if w.up != "OUTPUT" or w.kind != "word":
                continue
            nxt = ws[i + 1].up
            if nxt not in ("INSERTED", "DELETED", "$ACTION") and not nxt.startswith("$"):
                continue
            if ctx.target_family == "mysql":
                msg = "OUTPUT clause: MySQL has no RETURNING; read the rows before/after the change"
            else:
                msg = "OUTPUT clause: becomes RETURNING (a CTE for OUTPUT INTO; old values need a join)"
            yield ctx.hit(self, obj, w.line, msg, source=f"OUTPUT {ws[i + 1].text}")
