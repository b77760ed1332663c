from migplan.analyze.actions.base import Rule


class DecimalFloat(Rule):
    """A floating type whose rounding differs on the target: Oracle decimal FLOAT as binary IEEE 754.

    What it detects:
        A column of a floating type whose source semantics differ from the target's IEEE 754 binary
        floats: Oracle ``FLOAT``, ``FLOAT(p)``, ``REAL`` and ``DOUBLE PRECISION`` (decimal NUMBER
        subtypes with up to 38 significant digits), written as ``double precision``/``real`` or MySQL
        ``double``/``float``; and MySQL's deprecated ``FLOAT(M,D)``, which rounds to D decimals on
        insert, written as ``real``. Raised today by the Oracle to PostgreSQL, Oracle to MySQL and
        MySQL to PostgreSQL type maps.

    Why it matters:
        Binary floating point keeps about 15 significant digits (``real`` about 6) and cannot hold most
        decimal fractions exactly: 0.1 + 0.2 is not 0.3, values with more digits are rounded during the
        load, and equality comparisons, GROUP BY and validation against the source can differ. A
        MySQL FLOAT(M,D) column no longer rounds new values to D decimals.

    Example:
        CREATE TABLE measurements (id NUMBER(10) PRIMARY KEY, reading FLOAT, ratio FLOAT(10));

    Typical rewrite:
        Where exact decimals matter (money, quantities, identifiers), use numeric; keep double precision
        only for real measurements where rounding in the 15th digit is acceptable.

        CREATE TABLE measurements (id bigint PRIMARY KEY, reading numeric, ratio numeric(12,4));

    Effort:
        Simple per column: a type decision, checked against the data.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT Oracle -> PostgreSQL),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (DMS: MySQL FLOAT -> REAL(DOUBLE), values
        outside the double range need a STRING transformation),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.DB2.html (Db2 DECFLOAT, a decimal float,
        is not supported by DMS).
    """

    code = "TYP024"
    name = "decimal-float"
    category = "data types"
    severity = "medium"
    effort = "simple"
    sources = ("oracle", "mysql", "db2")
    raised_by = "converter"
