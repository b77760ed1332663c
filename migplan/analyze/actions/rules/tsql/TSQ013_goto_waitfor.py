from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class GotoWaitfor(Rule):
    """GOTO and WAITFOR: restructure the control flow, replace waits by the target's sleep.

    What it detects:
        Each ``GOTO label`` and each ``WAITFOR DELAY`` / ``WAITFOR TIME`` / ``WAITFOR (RECEIVE ...)`` in a
        T-SQL procedure, function or trigger.

    Why it matters:
        Neither PL/pgSQL nor MySQL stored programs have GOTO: jumps must become loops, labelled blocks
        with EXIT/LEAVE, or IF branches (SCT restructures simple cases). ``WAITFOR DELAY`` becomes
        ``pg_sleep()`` / ``SLEEP()``; ``WAITFOR TIME`` (wait until a clock time) and waits with a
        variable need a computed interval; ``WAITFOR (RECEIVE ...)`` belongs to Service Broker, which
        has no equivalent. Sleeping in a routine holds its transaction and locks open.

    Example:
        IF @qty < 0 GOTO failed;
        WAITFOR DELAY '00:00:05';
        failed:
          RAISERROR('bad quantity', 16, 1);

    Typical rewrite:
        Replace GOTO by structured blocks (EXIT/LEAVE a labelled block, or raise an error); replace
        WAITFOR DELAY by pg_sleep() (PostgreSQL) or SLEEP() (MySQL), and consider moving waits to the
        application or a scheduler.

        IF p_qty < 0 THEN
          RAISE EXCEPTION 'bad quantity';
        END IF;
        PERFORM pg_sleep(5);

    Effort:
        Medium per GOTO (the flow must be restructured), simple per WAITFOR DELAY.

    References:
        SCT action codes 7628 (GOTO), 7691, 7821 (WAITFOR TIME, WAITFOR with a variable) for SQL Server to
        PostgreSQL; https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
    """

    code = "TSQ013"
    name = "goto-waitfor"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("sqlserver",)
    kinds = ("procedure", "function", "trigger")
    sct = ("SQL Server->PostgreSQL 7628", "SQL Server->PostgreSQL 7691", "SQL Server->PostgreSQL 7821")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        sleep = "SLEEP()" if ctx.target_family == "mysql" else "pg_sleep()"
        ws = ctx.words(obj)
        for i, w in enumerate(ws[:-1]):
            if w.kind != "word":
                continue
            nxt = ws[i + 1]
            if w.up == "GOTO" and nxt.kind in ("word", "qident"):
                f = ctx.hit(self, obj, w.line, f"GOTO {nxt.text}: no GOTO on the target; restructure the "
                            "flow", source=f"GOTO {nxt.text}")
                f.effort = "medium"
                yield f
            elif w.up == "WAITFOR":
                arg = ws[i + 2] if i + 2 < len(ws) else None
                if nxt.up == "DELAY" and arg is not None and arg.kind == "string":
                    msg, effort = f"WAITFOR DELAY: becomes {sleep}", "simple"
                elif nxt.up in ("DELAY", "TIME"):
                    msg = f"WAITFOR {nxt.up} with a clock time or variable: compute the interval for {sleep}"
                    effort = "simple"
                else:
                    msg = "WAITFOR (RECEIVE ...): Service Broker has no equivalent on the target"
                    effort = "significant"
                f = ctx.hit(self, obj, w.line, msg, source=f"WAITFOR {nxt.text}")
                f.effort = effort
                yield f
