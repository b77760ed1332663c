from migplan.analyze.actions.base import Rule


class SequenceOptionsDropped(Rule):
    """Sequence or identity options the target cannot express were changed or dropped.

    What it detects:
        - sequence options with no target form, dropped: Oracle ``NOCACHE``, ``ORDER``, ``KEEP``,
          ``SCALE``/``EXTEND``, ``SESSION``/``GLOBAL``, ``SHARD``;
        - a ``MAXVALUE`` above the bigint maximum (Oracle's 28-nines default in exported DDL), written
          as 9223372036854775807 on PostgreSQL;
        - on MySQL, an identity column whose start or increment is not 1: AUTO_INCREMENT has one
          server-wide step (``auto_increment_increment``) and the start is a table option.

    Why it matters:
        Usually nothing changes in practice: NOCACHE and ORDER describe what a single-instance target
        does anyway, and no sequence reaches the bigint maximum. It matters when code relies on scalable
        sequence values (SCALE prefixes the instance and session number), on a step other than 1 for a
        MySQL identity (interleaved keys across servers), or on a sequence cycling at a high MAXVALUE.

    Example:
        CREATE SEQUENCE order_seq MAXVALUE 9999999999999999999999999999 NOCACHE ORDER;

    Typical rewrite:
        Nothing for NOCACHE/ORDER/MAXVALUE. For SCALE, generate the prefix in code if it is used. For a
        MySQL identity with a custom step, set the start on the table and accept step 1, or generate the
        keys in the application.

        CREATE SEQUENCE order_seq AS bigint MAXVALUE 9223372036854775807;
        CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY) AUTO_INCREMENT = 1000;  -- MySQL

    Effort:
        Simple: confirm nothing depends on the dropped option.

    References:
        SCT action codes 73 (Oracle to MySQL: IDENTITY options) and 696 (SQL Server to MySQL: identity
        seed/increment);
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "SEQ002"
    name = "sequence-options-dropped"
    category = "sequences and identity"
    severity = "low"
    effort = "simple"
    sct = ("Oracle->MySQL 73", "SQL Server->MySQL 696")
    raised_by = "converter"
