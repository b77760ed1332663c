from migplan.analyze.actions.base import Rule


class NoSequences(Rule):
    """MySQL has no sequence objects: the sequence and its NEXTVAL calls need a replacement.

    What it detects:
        A ``CREATE SEQUENCE`` converted for MySQL or Aurora MySQL, which is not written (MySQL 8 has no
        sequences; a MariaDB 10.3+ target keeps them), and ``seq.NEXTVAL`` / ``seq.CURRVAL`` in a default,
        check or view converted for MySQL, which is left as written and fails on the target.

    Why it matters:
        Whatever the sequence numbered (keys filled by triggers or by the application, defaults, shared
        counters across tables) has no generator on the target. Code that reads ``NEXTVAL`` or
        ``CURRVAL`` fails until it is rewritten.

    Example:
        CREATE SEQUENCE order_seq START WITH 1000;
        CREATE TABLE orders (id NUMBER(9) DEFAULT order_seq.NEXTVAL PRIMARY KEY);

    Typical rewrite:
        When the sequence feeds one key column, make that column AUTO_INCREMENT (it must be indexed,
        normally the primary key) and set its start. A sequence shared by several tables becomes a
        one-row counter table incremented with LAST_INSERT_ID(expr) in the same transaction.

        CREATE TABLE orders (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY) AUTO_INCREMENT = 1000;
        -- shared counter:
        UPDATE order_seq SET id = LAST_INSERT_ID(id + 1);
        SELECT LAST_INSERT_ID();

    Effort:
        Medium per sequence: find every user (triggers, code, defaults) and change it.

    References:
        SCT action codes 341 (Oracle to MySQL: no SEQUENCE objects) and 815 (SQL Server to MySQL:
        sequences);
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
        DMS does not create sequences (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.HighLevelView.html).
    """

    code = "SEQ001"
    name = "no-sequences"
    category = "sequences and identity"
    severity = "high"
    effort = "medium"
    targets = ("mysql",)
    sct = ("Oracle->MySQL 341", "SQL Server->MySQL 815")
    raised_by = "converter"
