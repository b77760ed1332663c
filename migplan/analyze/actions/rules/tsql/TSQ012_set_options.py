from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

# option -> hint; options whose usual value needs nothing on the target are "drop"
_OPTIONS = {
    "NOCOUNT": "drop it (row-count messages do not exist on the target)",
    "XACT_ABORT": "drop it: an error aborts the transaction on PostgreSQL anyway; on MySQL use an EXIT "
                  "handler that rolls back",
    "ANSI_NULLS": "drop it; with OFF, code comparing = NULL must become IS NULL",
    "ANSI_PADDING": "drop it; trailing-blank behaviour follows the target's types",
    "ANSI_WARNINGS": "drop it; the target raises on truncation and division by zero",
    "ANSI_NULL_DFLT_ON": "drop it; declare NULL/NOT NULL explicitly",
    "ARITHABORT": "drop it",
    "CONCAT_NULL_YIELDS_NULL": "with OFF, NULL concatenation must use concat()/COALESCE",
    "QUOTED_IDENTIFIER": "drop it; quote names with the target's quotes",
    "NUMERIC_ROUNDABORT": "drop it",
    "DATEFIRST": "weekday numbers change: use EXTRACT(ISODOW ...) (PostgreSQL) or WEEKDAY() (MySQL)",
    "DATEFORMAT": "parse dates with an explicit format (to_date / STR_TO_DATE)",
    "LANGUAGE": "month/day names and date parsing follow the target's settings (lc_time)",
    "ROWCOUNT": "limits every following statement: use LIMIT on the statements instead",
    "LOCK_TIMEOUT": "SET lock_timeout (PostgreSQL, ms) / innodb_lock_wait_timeout (MySQL, s)",
    "DEADLOCK_PRIORITY": "no equivalent",
    "IDENTITY_INSERT": "not needed on MySQL; PostgreSQL GENERATED ALWAYS needs OVERRIDING SYSTEM VALUE",
    "IMPLICIT_TRANSACTIONS": "no equivalent: the driver's autocommit setting decides",
    "TRANSACTION": "SET TRANSACTION ISOLATION LEVEL must be the first statement of the transaction on the "
                   "target; READ UNCOMMITTED and SNAPSHOT differ",
    "TEXTSIZE": "no equivalent",
    "FMTONLY": "no equivalent",
    "STATISTICS": "use EXPLAIN (ANALYZE) / performance_schema instead",
}
_HARMLESS = {"NOCOUNT", "ANSI_NULLS", "ANSI_PADDING", "ANSI_WARNINGS", "ANSI_NULL_DFLT_ON", "ARITHABORT",
             "QUOTED_IDENTIFIER", "NUMERIC_ROUNDABORT"}


class SetOptions(Rule):
    """SET NOCOUNT / XACT_ABORT / ANSI_* / DATEFIRST ... in code: session options to drop or re-express.

    What it detects:
        Each T-SQL ``SET <option>`` statement in a procedure, function or trigger (not ``SET @variable``):
        NOCOUNT, XACT_ABORT, the ANSI_* options, ARITHABORT, CONCAT_NULL_YIELDS_NULL, QUOTED_IDENTIFIER,
        DATEFIRST, DATEFORMAT, LANGUAGE, ROWCOUNT, LOCK_TIMEOUT, IDENTITY_INSERT, TRANSACTION ISOLATION
        LEVEL and similar.

    Why it matters:
        Most of these only change messages or defaults and are dropped, but some change results: with
        ``SET DATEFIRST`` weekday numbers move, ``SET ROWCOUNT n`` silently limits every statement that
        follows, ``ANSI_NULLS OFF`` or ``CONCAT_NULL_YIELDS_NULL OFF`` change NULL semantics, and
        ``SET NOCOUNT OFF`` matters to clients that count result messages.

    Example:
        SET NOCOUNT ON;
        SET DATEFIRST 1;
        SET ROWCOUNT 100;

    Typical rewrite:
        Drop the harmless ones; rewrite the code that depends on the others (explicit weekday
        arithmetic, LIMIT on each statement, IS NULL tests).

        SELECT * FROM orders ORDER BY created_at LIMIT 100;

    Effort:
        None for NOCOUNT and the ANSI options set ON; simple for the others.

    References:
        SCT action code 7810 (SQL Server to PostgreSQL: SET NOCOUNT OFF); https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
    """

    code = "TSQ012"
    name = "set-options"
    category = "procedural code"
    severity = "low"
    effort = "simple"
    sources = ("sqlserver",)
    kinds = ("procedure", "function", "trigger")
    sct = ("SQL Server->PostgreSQL 7810",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws[:-1]):
            opt = ws[i + 1].up
            if w.up != "SET" or w.kind != "word" or opt not in _OPTIONS:
                continue
            value = ws[i + 2].up if i + 2 < len(ws) else ""
            if value in ("=", "."):  # UPDATE t SET language = ...: a column, not an option
                continue
            shown = f"SET {ws[i + 1].text} {ws[i + 2].text if i + 2 < len(ws) else ''}".strip()
            hint = _OPTIONS[opt]
            if opt == "NOCOUNT" and value == "OFF":
                hint = "clients that count row-count messages get none from the target"
            f = ctx.hit(self, obj, w.line, f"{shown}: {hint}", source=shown)
            f.effort = "none" if opt in _HARMLESS and value == "ON" else "simple"
            yield f
