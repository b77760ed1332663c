from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_LEVELS = {"UR": "uncommitted read (dirty reads)", "CS": "cursor stability", "RS": "read stability",
           "RR": "repeatable read"}


class IsolationClause(Rule):
    """A Db2 isolation clause on a query (WITH UR | CS | RS | RR): dropped on the target.

    What it detects:
        A view, or a query in procedural code, ending with Db2's isolation clause ``WITH UR``, ``WITH
        CS``, ``WITH RS`` or ``WITH RR`` (optionally ``USE AND KEEP ... LOCKS``), which sets the
        isolation level of that one statement.

    Why it matters:
        PostgreSQL and MySQL set the isolation level per transaction, not per statement, and neither
        reads uncommitted rows under MVCC the way ``WITH UR`` does (PostgreSQL never shows dirty data;
        MySQL only at READ UNCOMMITTED for the whole transaction). The converted view reads committed
        data: usually what the application wanted, but reports that relied on ``UR`` not waiting for
        locks now see a consistent snapshot, and ``RS``/``RR`` locking guarantees are gone.

    Example:
        CREATE VIEW v_active_accounts AS
          SELECT account_id, balance FROM accounts WHERE status = 'O'
          WITH UR;

    Typical rewrite:
        Drop the clause in views; where a procedure needs a stronger level, set it on the transaction.

        SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;

    Effort:
        Simple: a review per statement.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.DB2.html
        (Db2 LUW as a DMS source).
    """

    code = "UDB001"
    name = "isolation-clause"
    category = "views and SQL"
    severity = "low"
    effort = "simple"
    sources = ("db2",)
    kinds = ("view", "procedure", "function", "trigger", "module")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws[:-1]):
            level = ws[i + 1].up
            if w.up != "WITH" or level not in _LEVELS or w.kind == "string":
                continue
            after = ws[i + 2].up if i + 2 < len(ws) else ";"
            if after not in (";", ")", "USE", "@") and not (i + 2 >= len(ws)):
                continue  # WITH ... as a CTE or an option, not an isolation clause
            where = "the view" if obj.kind == "view" else "the statement"
            yield ctx.hit(self, obj, w.line, f"WITH {level} ({_LEVELS[level]}) is dropped: {where} runs at the "
                                             "transaction's isolation level on the target", source=f"WITH {level}")
