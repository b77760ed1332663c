from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class SignalResignal(Rule):
    """SIGNAL / RESIGNAL: raise errors with RAISE EXCEPTION on PostgreSQL.

    What it detects:
        Each ``SIGNAL`` and ``RESIGNAL`` statement in a MySQL procedure, function, trigger or event.

    Why it matters:
        PL/pgSQL raises with ``RAISE EXCEPTION 'message' USING ERRCODE = '...'`` and re-raises with a
        bare ``RAISE``. ``MESSAGE_TEXT`` becomes the message; ``MYSQL_ERRNO`` has no equivalent (callers
        that test MySQL error numbers must test the SQLSTATE instead); named conditions declared with
        ``DECLARE ... CONDITION FOR`` become SQLSTATE codes.

    Example:
        IF NEW.qty < 0 THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative quantity', MYSQL_ERRNO = 1644;
        END IF;

    Typical rewrite:
        RAISE EXCEPTION with the message and a SQLSTATE; RAISE; for RESIGNAL.

        IF NEW.qty < 0 THEN
          RAISE EXCEPTION 'negative quantity' USING ERRCODE = '45000';
        END IF;

    Effort:
        Simple per statement.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (MySQL to PostgreSQL: no SCT action codes published).
    """

    code = "MYS002"
    name = "signal-resignal"
    category = "procedural code"
    severity = "low"
    effort = "simple"
    sources = ("mysql",)
    targets = ("postgresql",)
    kinds = ("procedure", "function", "trigger", "event")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.kind != "word" or w.up not in ("SIGNAL", "RESIGNAL") or not _statement(ws, i):
                continue
            if w.up == "RESIGNAL":
                msg = "RESIGNAL: becomes RAISE (re-raise) or RAISE EXCEPTION ... USING"
            else:
                msg = "SIGNAL: becomes RAISE EXCEPTION ... USING ERRCODE; MYSQL_ERRNO has no equivalent"
            yield ctx.hit(self, obj, w.line, msg, source=w.text)


def _statement(ws, i) -> bool:
    """SIGNAL/RESIGNAL as a statement, not a column or alias named signal."""
    if i > 0 and ws[i - 1].up in (".", ",", "(", "=", "AS"):
        return False
    nxt = ws[i + 1].up if i + 1 < len(ws) else ";"
    if nxt in (";", "SET", "SQLSTATE", "END"):
        return True
    return ws[i + 1].kind == "word" and (i + 2 >= len(ws) or ws[i + 2].up in (";", "SET"))
