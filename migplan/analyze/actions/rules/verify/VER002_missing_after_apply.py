from migplan.analyze.actions.base import Rule


class MissingAfterApply(Rule):
    """An object the converted DDL should have created is not in the target catalog.

    What it detects:
        After applying the converted DDL, migplan reads the target's catalog and looks for every object
        the converter promised (tables, columns, keys, indexes, sequences, views, comments). One that is
        absent raises this item, although no statement failed for it.

    Why it matters:
        Something silently did not happen the way the converter meant it: a name the engine changed
        (PostgreSQL truncates identifiers over 63 bytes), a case difference between the DDL and the
        catalog, a statement that created something other than promised. The DMS load or the
        application will miss the object.

    Example:
        CREATE TABLE measurements (id bigint, taken_on date) PARTITION BY RANGE (taken_on);
        CREATE TABLE measurements_2024 PARTITION OF measurements
          FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        -- the child is written as a table without columns: no such table with columns in the catalog

    Typical rewrite:
        Compare the converted DDL with the catalog for that object: fix the name (quoting, length) or the
        statement that should have created it, and verify again.

        SELECT table_name, column_name FROM information_schema.columns WHERE table_name = 'measurements_2024';

    Effort:
        Simple per object, once the cause is known.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html
        step 1 (keep a script of what must exist on the target at each phase).
    """

    code = "VER002"
    name = "missing-after-apply"
    category = "verification"
    severity = "high"
    effort = "simple"
    raised_by = "verifier"
