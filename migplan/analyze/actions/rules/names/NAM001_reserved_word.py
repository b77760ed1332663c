from migplan.analyze.actions.base import Rule


class ReservedWord(Rule):
    """A table, column or other name is a reserved word on the target: it must always be quoted.

    What it detects:
        An object or column whose target name is a reserved key word of the target (PostgreSQL 17
        reserved words, MySQL 8.0 reserved words), e.g. ``OFFSET``, ``LIMIT``, ``USER`` on PostgreSQL,
        ``RANK``, ``GROUPS``, ``LEAD`` on MySQL. migplan's DDL quotes it.

    Why it matters:
        Every query, view, routine and application statement that names it must quote it too
        (``"offset"`` on PostgreSQL, backticks on MySQL); unquoted, the statement is a syntax error.
        DMS and SCT quote correctly, hand-written code often does not.

    Example:
        CREATE TABLE pages (id NUMBER(9) PRIMARY KEY, offset NUMBER(9), limit NUMBER(9));

    Typical rewrite:
        Rename the column on the target (and in the code) if you can; otherwise quote it everywhere.
        A DMS table-mapping rename-column rule keeps the data flowing to the new name.

        CREATE TABLE pages (id integer PRIMARY KEY, "offset" integer, page_limit integer);

    Effort:
        Simple per name, plus the search through code that uses it.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TableMapping.SelectionTransformation.Transformations.html
        (DMS transformation rules: rename column).
    """

    code = "NAM001"
    name = "reserved-word"
    category = "names"
    severity = "low"
    effort = "simple"
    raised_by = "names"
