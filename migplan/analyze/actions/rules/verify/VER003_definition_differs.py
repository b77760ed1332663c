from migplan.analyze.actions.base import Rule


class DefinitionDiffers(Rule):
    """The target catalog shows a column or key different from what the converter wrote.

    What it detects:
        After applying the converted DDL, a column whose type or nullability, or a primary/unique key
        whose columns, differ in the target catalog from what the converter intended (for example a
        type the engine normalised to another one, a NOT NULL that did not apply, a key on other
        columns).

    Why it matters:
        The plan, the DMS task settings and the data checks assume the converted definition. A
        different type can truncate or round values during the load; a missing NOT NULL or key lets bad
        rows in and breaks DMS's key-based change apply (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Task.CDC.html).

    Example:
        CREATE TABLE events (id bigint PRIMARY KEY, happened_at timestamp(9) NOT NULL);
        -- PostgreSQL keeps at most 6 fractional digits: the column is timestamp(6)

    Typical rewrite:
        Read both definitions in the item; fix the converted DDL (or the type map row that produced it)
        so that the catalog matches what is intended, and verify again.

        CREATE TABLE events (id bigint PRIMARY KEY, happened_at timestamp(6) NOT NULL);

    Effort:
        Simple per difference.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.AssessmentReport.Assessments.All.html
        (keys matter to DMS change apply),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TaskSettings.DataValidation.html
        (DMS validation compares rows by key).
    """

    code = "VER003"
    name = "definition-differs"
    category = "verification"
    severity = "medium"
    effort = "simple"
    raised_by = "verifier"
