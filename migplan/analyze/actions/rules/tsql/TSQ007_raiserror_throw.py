from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class RaiserrorThrow(Rule):
    """RAISERROR and THROW: raise errors with the target's statement and error codes.

    What it detects:
        Each ``RAISERROR`` and ``THROW`` statement in a T-SQL procedure, function or trigger.

    Why it matters:
        PostgreSQL raises with ``RAISE EXCEPTION ... USING ERRCODE``, MySQL with ``SIGNAL SQLSTATE ...
        SET MESSAGE_TEXT``; a bare ``THROW;`` re-raises (``RAISE;`` / ``RESIGNAL;``). T-SQL error numbers
        (50000+, or messages stored in ``sys.messages`` and raised by number) and severities have no
        counterpart: callers that test the number must test a SQLSTATE instead. RAISERROR with a
        severity below 11 is only a message (PostgreSQL ``RAISE NOTICE``; MySQL has none), and
        RAISERROR does not stop the batch while THROW does.

    Example:
        RAISERROR('Order %d not found', 16, 1, @id);
        THROW 50001, 'Credit limit exceeded', 1;

    Typical rewrite:
        PostgreSQL: RAISE EXCEPTION with a format and an ERRCODE the callers know; MySQL: SIGNAL SQLSTATE
        '45000' SET MESSAGE_TEXT = ..., MYSQL_ERRNO = ....

        RAISE EXCEPTION 'Order % not found', p_id USING ERRCODE = 'P0002';

    Effort:
        Simple per statement; agree once on the error codes the application tests.

    References:
        SCT action codes 729, 730, 733, 814, 837 (SQL Server to MySQL: error handling, THROW with
        variables, RAISERROR with sys.messages, truncated error codes);
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "TSQ007"
    name = "raiserror-throw"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("sqlserver",)
    kinds = ("procedure", "function", "trigger")
    sct = ("SQL Server->MySQL 729", "SQL Server->MySQL 730", "SQL Server->MySQL 733", "SQL Server->MySQL 814",
           "SQL Server->MySQL 837")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        mysql = ctx.target_family == "mysql"
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.kind != "word" or w.up not in ("RAISERROR", "THROW"):
                continue
            nxt = ws[i + 1].up if i + 1 < len(ws) else ";"
            if w.up == "THROW" and nxt in (";", "END"):
                how = "RESIGNAL" if mysql else "RAISE"
                msg = f"THROW (re-raise): becomes {how}"
            elif w.up == "THROW":
                how = "SIGNAL SQLSTATE ... SET MESSAGE_TEXT" if mysql else "RAISE EXCEPTION ... USING ERRCODE"
                msg = f"THROW: becomes {how}; the error number has no equivalent"
            else:
                how = "SIGNAL (or nothing for informational severities)" if mysql \
                    else "RAISE EXCEPTION (RAISE NOTICE for severities below 11)"
                msg = f"RAISERROR: becomes {how}; error numbers and sys.messages have no equivalent"
            yield ctx.hit(self, obj, w.line, msg, source=w.text)
