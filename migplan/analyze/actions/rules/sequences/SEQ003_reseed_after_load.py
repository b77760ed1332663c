from migplan.analyze.actions.base import Rule


class ReseedAfterLoad(Rule):
    """Restart the sequence above the source's current value at cutover (DMS does not move it).

    What it detects:
        Every sequence converted to the target. The target sequence starts at the source's START WITH
        value, not where the source sequence is today.

    Why it matters:
        DMS copies rows, not sequence state (nor identity or AUTO_INCREMENT properties). After the load
        the first ``nextval`` on the target hands out a value that already exists in the migrated rows:
        inserts fail with duplicate keys, or worse, reuse business numbers (invoice numbers) that must
        never repeat.

    Example:
        CREATE SEQUENCE invoice_seq START WITH 1 CACHE 20;

    Typical rewrite:
        At cutover, after the last changes are applied and before the application writes to the target,
        set each sequence above the source's last value (or above max() of the column it feeds). migplan's
        plan generates these statements; SCT has the option "Populate converted sequences with the last
        value generated on the source side".

        SELECT setval('invoice_seq', (SELECT max(invoice_no) FROM invoices));
        -- or, with the value read from the source's USER_SEQUENCES.LAST_NUMBER:
        ALTER SEQUENCE invoice_seq RESTART WITH 104021;

    Effort:
        Simple per sequence, but it must be in the cutover runbook and done at the right moment.

    References:
        SCT action code 5574 (Oracle to PostgreSQL: sequence status, re-seed after the data load);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.HighLevelView.html
        (DMS does not create sequences or identity),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html (cutover step 4).
    """

    code = "SEQ003"
    name = "reseed-after-load"
    category = "sequences and identity"
    severity = "low"
    effort = "simple"
    sct = ("Oracle->PostgreSQL 5574",)
    raised_by = "converter"
