from migplan.analyze.actions.base import Rule


class ForeignKeyToMissingTable(Rule):
    """A foreign key references a table that no script creates.

    What it detects:
        A foreign key whose referenced table is not in the scripts read (another schema, another
        application, a file missing from the input, a misspelled name). migplan writes the constraint
        as declared.

    Why it matters:
        The ALTER TABLE ... ADD FOREIGN KEY fails on the target unless the referenced table is created
        there first (with the same name after name mapping), and migplan cannot check that the column
        types match. It may also reveal a dependency on a schema that is not part of the migration.

    Example:
        CREATE TABLE orders (
          id          NUMBER(10) PRIMARY KEY,
          customer_id NUMBER(10) REFERENCES crm.customers (id)
        );

    Typical rewrite:
        Add the referenced table's script to the input (or migrate that schema too); if the table
        stays behind, drop the foreign key and check the rule in the application.

    Effort:
        Simple per foreign key.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html
        (create foreign keys after the full load, once every table exists).
    """

    code = "CON006"
    name = "foreign-key-to-missing-table"
    category = "constraints"
    severity = "medium"
    effort = "simple"
    raised_by = "converter"
