from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import dms_scope
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table


class LobColumns(Rule[Table]):
    """Tables with LOB columns: choose the DMS LOB mode and LobMaxSize, or values get truncated.

    What it detects:
        A table DMS would migrate that has LOB columns: CLOB, BLOB, NCLOB, LONG, XMLTYPE (Oracle);
        VARCHAR(MAX), NVARCHAR(MAX), VARBINARY(MAX), TEXT, NTEXT, IMAGE, XML (SQL Server); TEXT and BLOB
        types, JSON (MySQL); TEXT, BYTEA, JSON, JSONB, XML (PostgreSQL).

    Why it matters:
        In limited LOB mode (the default and fastest) DMS truncates LOBs longer than LobMaxSize (default
        32 KB; a warning, not an error); full LOB mode moves any size but piecewise and slowly; inline
        LOB mode mixes both. LOBs are written in two steps, so target LOB columns must be nullable, CDC
        looks LOB values up in the source (needs a key), and memory grows with the number of LOB columns
        times LobMaxSize. PostgreSQL TEXT/JSON and SQL Server (MAX) types count as LOBs, which surprises.

    Example:
        CREATE TABLE documents (id NUMBER PRIMARY KEY, body CLOB, scan BLOB);

    Typical rewrite:
        Measure the largest value per LOB column (max(length(...))) and size limited LOB mode above it
        (LobMaxSize up to 100 MB; a table-settings bulk-max-size of about 3 times the largest LOB, as
        DMS stores LOBs in binary form), or use full/inline LOB mode for the few tables that need it.

        {"rule-type": "table-settings", "rule-id": "31", "rule-name": "lob-documents",
         "object-locator": {"schema-name": "APP", "table-name": "DOCUMENTS"},
         "lob-settings": {"mode": "limited", "bulk-max-size": "6000"}}

    Effort:
        Simple per table: a size query and a task setting.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TableMapping.SelectionTransformation.Tablesettings.html
        (lob-settings),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TaskSettings.TargetMetadata.html
        (SupportLobs, LobMaxSize, FullLobMode, InlineLobMaxSize),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.HighLevelView.html
        (LOB columns created nullable),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html
    """

    code = "DMS004"
    name = "lob-columns"
    category = "DMS readiness"
    severity = "low"
    effort = "simple"
    kinds = ("table",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterable[Finding]:
        if not dms_scope(obj, ctx) or not obj.lob_columns:
            return
        names = ", ".join(f"{c.name} {c.source_type}" for c in obj.lob_columns)
        msg = (f"LOB columns ({names}): limited LOB mode truncates values over LobMaxSize (default 32 KB); "
               "size it to the largest value or use full LOB mode")
        yield ctx.hit(self, obj, obj.location.line, msg)
