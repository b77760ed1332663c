from migplan.analyze.actions.base import Rule


class ConstraintActionUnsupported(Rule):
    """A constraint kind or referential action the target does not support: dropped or weakened.

    What it detects:
        A foreign key action ``ON DELETE SET DEFAULT`` or ``ON UPDATE SET DEFAULT`` going to MySQL
        (InnoDB rejects it: migplan writes NO ACTION), and constraint kinds with no target form, such
        as a PostgreSQL ``EXCLUDE`` constraint going to MySQL (not created).

    Why it matters:
        The target enforces less than the source: deleting a parent row now fails (or is allowed)
        where the source reset the children to their default, and rows that overlap an exclusion
        constraint (double bookings, overlapping ranges) are accepted.

    Example:
        ALTER TABLE orders ADD CONSTRAINT orders_carrier_fk FOREIGN KEY (carrier_id)
          REFERENCES carriers (id) ON DELETE SET DEFAULT;

    Typical rewrite:
        Emulate the rule with a trigger (a BEFORE DELETE trigger on the parent that sets the children's
        column to its default; a BEFORE INSERT/UPDATE trigger that rejects overlaps), or move it into
        the application.

    Effort:
        Simple per constraint; medium when a trigger must be written and tested.

    References:
        SCT action code 676 (SQL Server to MySQL, ON DELETE SET DEFAULT); https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "CON004"
    name = "constraint-action-unsupported"
    category = "constraints"
    severity = "medium"
    effort = "simple"
    targets = ("mysql",)
    sct = ("SQL Server->MySQL 676",)
    raised_by = "converter"
