from migplan.analyze.actions.base import Rule


class CollationSemantics(Rule):
    """A column collation that does not carry over: comparisons and sorting may change.

    What it detects:
        A column declared with an explicit collation (Oracle ``COLLATE BINARY_CI``, SQL Server
        ``COLLATE Latin1_General_CI_AS``, MySQL ``COLLATE utf8mb4_general_ci``) converted for
        PostgreSQL. migplan writes the column without the collation.

    Why it matters:
        PostgreSQL's default collations are deterministic: comparisons are case- and accent-sensitive.
        A column that was case-insensitive in the source now treats 'Smith' and 'SMITH' as different
        values: lookups miss rows, UNIQUE constraints accept what the source rejected, and ORDER BY
        may sort differently (collation names and ICU versions differ between engines).

    Example:
        CREATE TABLE customers (id NUMBER(9) PRIMARY KEY, email VARCHAR2(200) COLLATE BINARY_CI);

    Typical rewrite:
        Create a nondeterministic ICU collation and use it on the column (note: LIKE and some pattern
        operations do not support nondeterministic collations before PostgreSQL 18), or use citext,
        or compare lower(col) with an index on lower(col).

        CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
        CREATE TABLE customers (id integer PRIMARY KEY, email varchar(200) COLLATE case_insensitive);

    Effort:
        Medium: choose the approach once, then check the queries and unique keys that depend on it.

    References:
        SCT action code 7646 (SQL Server to PostgreSQL: collations, no automation); https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
    """

    code = "FDM002"
    name = "collation-semantics"
    category = "functional differences"
    severity = "medium"
    effort = "medium"
    targets = ("postgresql",)
    sct = ("SQL Server->PostgreSQL 7646",)
    raised_by = "converter"
