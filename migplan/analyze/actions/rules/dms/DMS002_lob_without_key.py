from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import dms_scope, has_key
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table


class LobWithoutKey(Rule[Table]):
    """LOB columns in a table without primary or unique key: DMS cannot replicate their changes.

    What it detects:
        A table DMS would migrate that has LOB columns (CLOB, BLOB, TEXT, XML, JSON, VARCHAR(MAX) ...)
        and no primary key or unique constraint (for PostgreSQL sources: no primary key).

    Why it matters:
        DMS moves LOBs in two steps (the row first, then the LOB) and, during CDC, looks LOB values up in
        the source table by key. Without a key the LOB values of changed rows cannot be fetched, and the
        premigration assessment flags the table. Full LOB mode, batch apply and validation need the key
        too.

    Example:
        CREATE TABLE documents (name VARCHAR(200), body CLOB);

    Typical rewrite:
        Add a primary key before the migration; otherwise load the table in full-load-only tasks and
        reload it at cutover.

        ALTER TABLE documents ADD (id NUMBER GENERATED ALWAYS AS IDENTITY PRIMARY KEY);

    Effort:
        Simple per table when a key can be added.

    References:
        DMS premigration assessment table-with-lob-but-without-primary-key-or-unique-constraint;
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.AssessmentReport.Assessments.All.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html (LOB types need a PK for CDC),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html
    """

    code = "DMS002"
    name = "lob-without-key"
    category = "DMS readiness"
    severity = "high"
    effort = "simple"
    kinds = ("table",)
    dms = ("table-with-lob-but-without-primary-key-or-unique-constraint",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterable[Finding]:
        if not dms_scope(obj, ctx) or has_key(obj, ctx):
            return
        lobs = obj.lob_columns
        if not lobs:
            return
        names = ", ".join(f"{c.name} {c.source_type}" for c in lobs)
        msg = (f"LOB columns ({names}) and no primary or unique key: DMS looks LOBs up by key during CDC, "
               "so their changes cannot be replicated")
        yield ctx.hit(self, obj, obj.location.line, msg)
