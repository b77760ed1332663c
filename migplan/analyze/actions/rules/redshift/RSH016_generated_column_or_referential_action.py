from migplan.analyze.actions.base import Rule


class GeneratedColumnOrReferentialAction(Rule):
    """A generated column or a referential action: Redshift has neither.

    What it detects:
        Generated (computed) columns and ON DELETE / ON UPDATE actions of foreign keys, converted for
        Amazon Redshift. (Vertica projections and Oracle dimensions are read in full and reported by
        PRS007; a projection's order and segmentation are what the table's sort and distribution keys
        replace.)

    Why it matters:
        Redshift has neither: a generated column is written as a plain column the load must fill, and
        cascading deletes or updates no longer happen.

    Example:
        CREATE TABLE c (id int REFERENCES p (id) ON DELETE CASCADE, q int, q2 int GENERATED ALWAYS AS (q * 2) STORED);

    Typical rewrite:
        Fill generated columns in the load and run the cascades there.

            INSERT INTO c (id, q, q2) SELECT id, q, q * 2 FROM stage_c;

    Effort:
        Simple per object.

    References:
        https://docs.aws.amazon.com/redshift/latest/dg/c_unsupported-postgresql-features.html
    """

    code = "RSH016"
    name = "generated-column-or-referential-action"
    category = "tables"
    severity = "low"
    effort = "simple"
    targets = ("redshift",)
    raised_by = "converter"
