from migplan.analyze.actions.base import Rule


class RowidBfileRef(Rule):
    """A column DMS cannot move (ROWID, UROWID, BFILE, REF, ANYDATA): its values arrive as NULL.

    What it detects:
        A column whose type is a physical row address (Oracle ``ROWID``/``UROWID``), a pointer to a file
        on the database server (``BFILE``), an object reference (``REF``) or a self-describing value
        (``ANYDATA``). migplan writes a text column as a placeholder (``varchar(4000)``, or ``text`` /
        ``longtext``). Raised today by the Oracle to PostgreSQL and Oracle to MySQL type maps.

    Why it matters:
        None of these has a meaning on the target, and DMS does not migrate them: the column is
        replicated as NULL. Row addresses change anyway when rows move; BFILE contents live outside the
        database and must be copied separately; REF and ANYDATA need a data-model decision.

    Example:
        CREATE TABLE scans (id NUMBER(10) PRIMARY KEY, image BFILE, src_row ROWID);

    Typical rewrite:
        Decide per column: drop ROWID/UROWID columns or replace them by the referenced table's key;
        copy BFILE files to S3 (or load them into a bytea column) and store their path; replace REF by
        a foreign key and ANYDATA by typed columns or jsonb. Load these columns outside DMS.

        CREATE TABLE scans (id bigint PRIMARY KEY, image_s3_key varchar(1024), src_id bigint);

    Effort:
        Medium per column: a design decision plus a separate load path for the data.

    References:
        SCT action codes 5550, 5551, 5595, 5597, 5598, 5212 (Oracle to PostgreSQL: ROWID, UROWID,
        BFILE); DMS assessment unsupported-data-types-in-source;
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.AssessmentReport.Assessments.All.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html
        (BFILE, ROWID, REF, UROWID, ANYDATA replicated as NULL).
    """

    code = "TYP008"
    name = "rowid-bfile-ref"
    category = "data types"
    severity = "high"
    effort = "medium"
    sources = ("oracle",)
    sct = ("Oracle->PostgreSQL 5550", "Oracle->PostgreSQL 5551", "Oracle->PostgreSQL 5595",
           "Oracle->PostgreSQL 5597", "Oracle->PostgreSQL 5598", "Oracle->PostgreSQL 5212")
    dms = ("unsupported-data-types-in-source",)
    raised_by = "converter"
