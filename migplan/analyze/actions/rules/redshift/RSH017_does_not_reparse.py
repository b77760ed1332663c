from migplan.analyze.actions.base import Rule


class DoesNotReparse(Rule):
    """A converted Redshift statement sqlglot's Redshift dialect cannot read back.

    What it detects:
        Each statement migplan wrote for Amazon Redshift is read back with sqlglot's Redshift dialect
        before its PostgreSQL-compatible subset is applied to a real PostgreSQL; one it cannot read is
        reported.

    Why it matters:
        No local Redshift exists to run the DDL on; a statement that does not even parse as Redshift SQL
        is likely wrong and is not verified.

    Example:
        CREATE TABLE t (a INT) SORTKEY AUTO

    Typical rewrite:
        Check the statement by hand on a Redshift cluster (or Redshift Serverless) and correct it.

            CREATE TABLE t (a INT) DISTSTYLE AUTO;

    Effort:
        Medium.

    References:
        https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_TABLE_NEW.html
    """

    code = "RSH017"
    name = "does-not-reparse"
    category = "verification"
    severity = "high"
    effort = "medium"
    targets = ("redshift",)
    raised_by = "verifier"
