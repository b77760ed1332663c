from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, hit
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class Goto(Rule):
    """GOTO: neither target has it; the control flow must be restructured.

    What it detects:
        ``GOTO label`` statements in procedures, functions, triggers, package and type bodies.

    Why it matters:
        PL/pgSQL and MySQL stored programs have labelled loops and blocks (EXIT / CONTINUE, LEAVE /
        ITERATE) but no GOTO. Jumps must become loops, blocks left with EXIT/LEAVE, or IF branches;
        a backwards jump is a loop, a jump to the end of the routine is an early RETURN.

    Example:
        IF l_count = 0 THEN GOTO done; END IF;
        ...
        <<done>>
        NULL;

    Typical rewrite:
        Restructure: an early RETURN, EXIT/LEAVE from a labelled block, or an IF around the skipped
        statements.

        <<main>> BEGIN IF l_count = 0 THEN EXIT main; END IF; ... END;

    Effort:
        Medium per GOTO; more when several jumps interleave.

    References:
        SCT action codes 5335 (Oracle to PostgreSQL), 335 (Oracle to MySQL);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "ORA012"
    name = "goto"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("oracle",)
    kinds = CODE
    sct = ("Oracle->PostgreSQL 5335", "Oracle->MySQL 335")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.kind == "word" and w.up == "GOTO" and i + 1 < len(ws):
                label = ws[i + 1].text
                yield hit(self, obj, ctx, w.line, f"GOTO {label}: restructure with a loop, EXIT/LEAVE from a labelled "
                          "block or an early RETURN", source=f"GOTO {label}")
