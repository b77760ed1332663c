from migplan.analyze.actions.base import Rule


class IncludeNotFound(Rule):
    """A script includes another file that is not in the input.

    What it detects:
        A client include whose file cannot be found next to the including script (or at the path
        written): SQL*Plus ``@file`` / ``@@file`` (``.sql`` is added when no extension is written),
        sqlcmd ``:r file``, psql ``\\i`` / ``\\ir`` and mysql ``source file``.

    Why it matters:
        The statements of the missing file are not in the inventory: the objects it creates are
        missing from the conversion and the plan, and later ALTERs on them show up as orphans (PRS005).

    Example:
        @@tables/orders.sql

    Typical rewrite:
        Add the included file to the input with the same relative path (or fix the include), and run
        the assessment again.

    Effort:
        Simple: one file to add.

    References:
        No SCT action code (SCT reads the live catalog); https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_AssessmentReport.html
    """

    code = "PRS006"
    name = "include-not-found"
    category = "input"
    severity = "high"
    effort = "simple"
    raised_by = "input"
