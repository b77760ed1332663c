from migplan.analyze.actions.base import Rule


class IdentityNotLeadingKey(Rule):
    """An identity column that does not lead the primary key: MySQL needs it to lead an index.

    What it detects:
        An identity / auto-increment column converted for a MySQL target when it is not the first column
        of the primary key (a table keyed on something else, or a composite key led by another column).

    Why it matters:
        MySQL accepts one AUTO_INCREMENT column per table and only when it is the first column of an index
        ("there can be only one auto column and it must be defined as a key"). migplan adds a unique key on
        the column so the table is created; that key is new and costs index maintenance.

    Example:
        CREATE TABLE orders (order_no VARCHAR2(20) PRIMARY KEY,
                             seq_id NUMBER GENERATED ALWAYS AS IDENTITY);

    Typical rewrite:
        Keep the added unique key, or make the identity column the primary key and the old key a unique key.

        CREATE TABLE orders (order_no varchar(20) PRIMARY KEY, seq_id bigint AUTO_INCREMENT,
                             UNIQUE KEY seq_id_uk (seq_id));

    Effort:
        Simple: a decision per table.

    References:
        SCT action code 74 (Oracle to MySQL: AUTO_INCREMENT needs a key), 841 (SQL Server to MySQL:
        identity in a compound primary key);
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "SEQ004"
    name = "identity-not-leading-key"
    category = "sequences and identity"
    severity = "low"
    effort = "simple"
    targets = ("mysql",)
    raised_by = "converter"
    sct = ("Oracle->MySQL 74", "SQL Server->MySQL 841")
