from migplan.analyze.actions.base import Rule


class DefaultNotConverted(Rule):
    """A column default that could not be read: the column is written without it.

    What it detects:
        A ``DEFAULT`` expression of a column that sqlglot cannot parse in the source dialect. migplan
        writes the column without a default; the item carries the parser's message.

    Why it matters:
        Inserts that omit the column now store NULL (or fail on a NOT NULL column) instead of the
        default value. DMS does not carry defaults either
        (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.HighLevelView.html), so nothing
        else puts it back.

    Example:
        CREATE TABLE events (
          id NUMBER(9) PRIMARY KEY,
          day DATE DEFAULT TO_DATE('2000-01-01' DEFAULT NULL ON CONVERSION ERROR, 'YYYY-MM-DD'));

    Typical rewrite:
        Write the default in the target's dialect and add it after the load (so DMS's inserts are not
        affected); if the target cannot express it as a default, set it in a BEFORE INSERT trigger.

        ALTER TABLE events ALTER COLUMN day SET DEFAULT DATE '2000-01-01';

    Effort:
        Simple per column.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.HighLevelView.html
        (DMS creates no column defaults),
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
        (SCT codes 825-827: defaults
        removed or not converted, SQL Server to MySQL).
    """

    code = "SQL002"
    name = "default-not-converted"
    category = "views and SQL"
    severity = "medium"
    effort = "simple"
    raised_by = "converter"
