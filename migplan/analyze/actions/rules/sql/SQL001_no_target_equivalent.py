from migplan.analyze.actions.base import Rule


class NoTargetEquivalent(Rule):
    """A construct sqlglot cannot write in the target dialect: the converted SQL lacks it.

    What it detects:
        An expression or query (view, default, check, computed column) containing a construct that the
        target dialect has no form for, reported by sqlglot while writing the target SQL
        (``UnsupportedError``), e.g. Oracle ``PIVOT`` for PostgreSQL. The item carries sqlglot's message.

    Why it matters:
        migplan still writes the statement, with the unsupported part left out or approximated, so the
        object may be created on the target and return different results without any error. This is
        worse than a failure: only a review or a result comparison finds it.

    Example:
        CREATE VIEW sales_pivot AS
          SELECT * FROM (SELECT region, amount FROM sales)
          PIVOT (SUM(amount) FOR region IN ('EU' AS eu, 'US' AS us));

    Typical rewrite:
        Rewrite the construct by hand with what the target has (PIVOT: conditional aggregation or
        crosstab() from tablefunc on PostgreSQL), then compare results with the source.

        CREATE VIEW sales_pivot AS
          SELECT SUM(amount) FILTER (WHERE region = 'EU') AS eu,
                 SUM(amount) FILTER (WHERE region = 'US') AS us
          FROM sales;

    Effort:
        Medium per occurrence: the rewrite plus a result comparison.

    References:
        SCT raises a construct-specific code instead (for PIVOT/UNPIVOT from SQL Server to PostgreSQL:
        7905, 7906);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        lists them per pair.
    """

    code = "SQL001"
    name = "no-target-equivalent"
    category = "views and SQL"
    severity = "high"
    effort = "medium"
    raised_by = "converter"
