from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import hit, statement_words
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class ExternalRoutine(Rule):
    """Java and external (C) routines, Java sources and external libraries.

    What it detects:
        Procedures and functions implemented outside PL/SQL (``AS LANGUAGE JAVA NAME ...``,
        ``AS LANGUAGE C ...``, ``AS EXTERNAL ...``), ``CREATE JAVA`` sources and classes, and
        ``CREATE LIBRARY`` objects.

    Why it matters:
        The targets run neither Java in the database nor user C libraries on a managed service
        (Aurora and RDS do not load custom shared libraries). PostgreSQL offers PL/pgSQL and the
        few trusted languages the service supports, MySQL only SQL stored programs. The logic must
        be rewritten in the target's procedural language or moved to the application or AWS Lambda.

    Example:
        CREATE FUNCTION checksum (p VARCHAR2) RETURN VARCHAR2
        AS LANGUAGE JAVA NAME 'Util.checksum(java.lang.String) return java.lang.String';

    Typical rewrite:
        Re-implement the Java/C logic in PL/pgSQL (or a trusted language supported by the target) or
        in the application; on Aurora PostgreSQL the aws_lambda extension can call a Lambda function.

    Effort:
        Significant per routine: a rewrite in another language, plus tests.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (the Packages row lists Java stored procedures, with codes not mapped one
        to one).
    """

    code = "ORA018"
    name = "external-routine"
    category = "procedural code"
    severity = "high"
    effort = "significant"
    sources = ("oracle",)
    kinds = ("procedure", "function", "java", "library")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if obj.kind == "java":
            yield hit(self, obj, ctx, obj.location.line, "Java stored in the database: no Java on the target; "
                      "re-implement or move it out of the database", source="CREATE JAVA")
            return
        if obj.kind == "library":
            yield hit(self, obj, ctx, obj.location.line, f"external library {obj.qname}: managed targets load no "
                      "user C libraries; re-implement the routines that use it", source="CREATE LIBRARY")
            return
        ws = statement_words(ctx, obj)
        for i, w in enumerate(ws[:-1]):
            lang = None
            if w.kind == "word" and w.up == "LANGUAGE" and ws[i + 1].up in ("JAVA", "C"):
                lang = ws[i + 1].up
            elif w.kind == "word" and w.up == "EXTERNAL" and i > 0 and ws[i - 1].up in ("AS", "IS"):
                lang = "C"
            if lang:
                yield hit(
                    self,
                    obj,
                    ctx,
                    w.line,
                    f"{obj.kind} implemented in {lang.title() if lang == 'JAVA' else lang}:"
                    " re-implement it in the target's procedural language or outside the database",
                    source=f"LANGUAGE {lang}" if w.up == "LANGUAGE" else "EXTERNAL",
                )
                return
