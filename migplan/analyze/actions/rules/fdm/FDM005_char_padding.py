from migplan.analyze.actions.base import Rule


class CharPadding(Rule):
    """Fixed-length CHAR column: blank padding compares and casts differently on the target.

    What it detects:
        A column of type ``CHAR(n)`` / ``NCHAR(n)`` (Oracle) written as ``char(n)`` on PostgreSQL.

    Why it matters:
        Both engines pad CHAR values with blanks, but they use them differently. Oracle compares CHAR
        with CHAR blank-padded and CHAR with VARCHAR2 non-padded ('A ' <> 'A' when one side is a
        VARCHAR2). PostgreSQL ignores trailing blanks in char(n) comparisons and strips them when the
        value is cast to text, so ``length()``, concatenation and comparisons with text parameters give
        other results. Codes stored in CHAR and compared with bind variables are the usual victims.

    Example:
        CREATE TABLE countries (code CHAR(3) PRIMARY KEY, name VARCHAR2(60));

    Typical rewrite:
        Prefer varchar(n) (or text with a CHECK on the length) when the values do not rely on padding;
        keep char(n) only for truly fixed-length codes, and test comparisons with bind parameters.

        CREATE TABLE countries (code varchar(3) PRIMARY KEY, name varchar(60));

    Effort:
        Simple per column; test the queries that compare it with parameters or VARCHAR2 columns.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT Oracle to PostgreSQL conversion notes).
    """

    code = "FDM005"
    name = "char-padding"
    category = "functional differences"
    severity = "low"
    effort = "simple"
    sources = ("oracle", "db2")
    raised_by = "converter"
