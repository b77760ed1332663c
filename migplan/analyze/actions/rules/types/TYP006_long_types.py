from migplan.analyze.actions.base import Rule


class LongTypes(Rule):
    """A column of a deprecated long type (Oracle LONG, SQL Server text/image): LOB limits apply.

    What it detects:
        A column of a deprecated long type: Oracle ``LONG`` and ``LONG RAW``, SQL Server ``text``,
        ``ntext`` and ``image``. It is written as the target's large text or binary type (``text`` /
        ``bytea`` on PostgreSQL, ``longtext`` / ``longblob`` on MySQL). Raised today by the Oracle and
        SQL Server type maps to PostgreSQL and MySQL.

    Why it matters:
        The target type holds the values, but moving them is the risk: DMS migrates them as LOBs
        (limited or full LOB mode, a primary key needed for CDC), truncates Oracle LONG and LONG RAW
        values at 64 KB, cannot use LONG RAW in batch apply, and does not capture SQL Server
        WRITETEXT/UPDATETEXT changes. Code that reads or writes these columns in pieces (Oracle
        DBMS_SQL.COLUMN_VALUE_LONG, T-SQL READTEXT/WRITETEXT/UPDATETEXT, TEXTPTR) must be rewritten.

    Example:
        CREATE TABLE documents (id NUMBER(10) PRIMARY KEY, body LONG);

    Typical rewrite:
        Convert the column to a modern LOB type on the source before the migration (Oracle: ALTER TABLE
        documents MODIFY (body CLOB); SQL Server: varchar(max)/varbinary(max)), or run the table in full
        LOB mode and check the longest values after the load.

        CREATE TABLE documents (id bigint PRIMARY KEY, body text);

    Effort:
        Medium: a source change or a LOB-mode task setting, and a check of the longest values.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html
        (LONG/LONG RAW truncated at 64 KB; LONG -> CLOB, LONG RAW -> BLOB, not in
        batch apply),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html
        (text/ntext/image move as LOBs; WRITETEXT/UPDATETEXT not captured),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html
        (LOB columns in CDC need a primary key).
    """

    code = "TYP006"
    name = "long-types"
    category = "data types"
    severity = "high"
    effort = "medium"
    sources = ("oracle", "sqlserver", "db2")
    raised_by = "converter"
