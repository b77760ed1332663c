from migplan.analyze.actions.base import Rule


class NumberWithoutPrecision(Rule):
    """A numeric column declared without precision: written as an unconstrained decimal type.

    What it detects:
        A column of a decimal type with no precision or scale, such as Oracle ``NUMBER`` or
        ``NUMBER(*)``. migplan writes the target's unconstrained or widest decimal type, which keeps
        every value: ``numeric`` on PostgreSQL, ``decimal(65,30)`` on MySQL. Raised today by the
        Oracle to PostgreSQL and Oracle to MySQL type maps.

    Why it matters:
        Nothing in the DDL says how big the values are, so the target type cannot be narrowed safely:
        unconstrained ``numeric`` is slower and larger than ``integer``/``bigint``, keys stored this
        way make joins and indexes slower, and MySQL's decimal(65,30) rounds values with more than 30
        decimals. DMS reads Oracle ``NUMBER`` without precision as
        NUMBER(38,10) by default: digits beyond the 10th decimal are lost during the load unless
        the endpoint setting ``numberDataTypeScale`` is changed.

    Example:
        CREATE TABLE invoices (id NUMBER PRIMARY KEY, amount NUMBER);

    Typical rewrite:
        Profile the data (max length, decimals) and choose a precise type: integer/bigint for keys and
        counters, numeric(p,s) for amounts; keep numeric only where values really vary. Set the DMS
        Oracle endpoint's numberDataTypeScale when unsized NUMBER columns hold more than 10 decimals.

        CREATE TABLE invoices (id bigint PRIMARY KEY, amount numeric(12,2));

    Effort:
        Simple: a data profile and a type choice per column.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT option to convert NUMBER PK/FK columns to BIGINT),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html (DMS maps
        NUMBER without precision to NUMBER(38,10) via numberDataTypeScale).
    """

    code = "TYP001"
    name = "number-without-precision"
    category = "data types"
    severity = "medium"
    effort = "simple"
    sources = ("oracle",)
    raised_by = "converter"
