from migplan.analyze.actions.base import Rule


class CheckNotSupported(Rule):
    """Redshift has no CHECK constraints.

    What it detects:
        Each CHECK constraint converted for Amazon Redshift.

    Why it matters:
        The rule no longer protects the data: rows that break it load without an error.

    Example:
        CONSTRAINT ck_qty CHECK (quantity > 0)

    Typical rewrite:
        Validate in the load (filter or reject the rows that fail the condition), or run a data-quality
        query after each load.

            SELECT COUNT(*) FROM sales WHERE NOT (quantity > 0);

    Effort:
        Simple per constraint.

    References:
        https://docs.aws.amazon.com/redshift/latest/dg/c_unsupported-postgresql-features.html
    """

    code = "RSH008"
    name = "check-not-supported"
    category = "constraints"
    severity = "medium"
    effort = "simple"
    targets = ("redshift",)
    raised_by = "converter"
