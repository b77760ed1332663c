from migplan.analyze.actions.base import Rule


class NameTooLong(Rule):
    """A name longer than the target allows: shortened, with a hash suffix to keep it unique.

    What it detects:
        A table, column, index, constraint or other name longer than the target's limit: 63 bytes on
        PostgreSQL (NAMEDATALEN - 1), 64 characters on MySQL. Oracle 12.2+ and SQL Server allow 128.
        migplan cuts the name and appends ``_`` and 8 hex digits of its SHA-1, so the result is stable.

    Why it matters:
        Code, reports, ORM mappings and DMS table mappings that use the long name no longer find the
        object. PostgreSQL would silently truncate an over-long name in DDL and queries alike, which
        can make two names collide; migplan's explicit shortening avoids that but still renames.

    Example:
        CREATE TABLE customer_contract_amendment_history_kept_for_the_regulators_2024 (id NUMBER(9));

    Typical rewrite:
        Choose a readable short name, use it in the converted DDL and in the code, and map the old name
        to it in the DMS task (rename transformation rule).

        CREATE TABLE contract_amendment_hist_2024 (id integer);

    Effort:
        Simple per name, plus the references in code.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TableMapping.SelectionTransformation.Transformations.html
        (DMS rename transformation rules),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html (DMS does not support Oracle object
        names over 30 bytes).
    """

    code = "NAM002"
    name = "name-too-long"
    category = "names"
    severity = "medium"
    effort = "simple"
    raised_by = "names"
