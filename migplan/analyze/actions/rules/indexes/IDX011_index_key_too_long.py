from migplan.analyze.actions.base import Rule


class IndexKeyTooLong(Rule):
    """Index key over InnoDB's limit: written with a prefix on MySQL.

    What it detects:
        An index (or key) on a column whose converted MySQL type cannot be indexed whole: TEXT/BLOB
        columns (MySQL indexes only a prefix of them; migplan writes 255 characters), and VARCHAR
        columns longer than 768 characters, which exceed InnoDB's 3,072-byte key limit with utf8mb4
        (migplan writes a 768-character prefix).

    Why it matters:
        A prefix index serves lookups less well, and a UNIQUE prefix index only checks the prefix: two
        values that share their first 768 characters are rejected as duplicates even if they differ
        later, so the data load can fail.

    Example:
        CREATE TABLE documents (id NUMBER(9) PRIMARY KEY, url VARCHAR2(2000));
        CREATE UNIQUE INDEX ux_documents_url ON documents (url);

    Typical rewrite:
        Shorten the column if the data allows it; otherwise keep the prefix index, or index a hash of
        the value in a generated column for uniqueness.

        ALTER TABLE documents ADD url_hash BINARY(32) AS (UNHEX(SHA2(url, 256))) STORED;
        CREATE UNIQUE INDEX ux_documents_url ON documents (url_hash);

    Effort:
        Simple per index; check the longest values in the data.

    References:
        SCT action code 602 (SQL Server to MySQL, InnoDB key length); https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "IDX011"
    name = "index-key-too-long"
    category = "indexes"
    severity = "medium"
    effort = "simple"
    targets = ("mysql",)
    sct = ("SQL Server->MySQL 602",)
    raised_by = "converter"
