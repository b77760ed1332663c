from migplan.analyze.actions.base import Rule


class VarcharByteLength(Rule):
    """A character column whose Redshift length is in bytes, not characters.

    What it detects:
        A CHAR/VARCHAR whose source length counts characters (Unicode/national types, CHAR-length
        semantics, PostgreSQL/Greenplum text) or whose source type is unbounded text.

    Why it matters:
        Redshift VARCHAR(n) holds n bytes of UTF-8, and a character takes 1 to 4 bytes; CHAR holds
        single-byte characters only. migplan widens such columns to 4 bytes a character (at most 65,535);
        PostgreSQL's TEXT would be Redshift's VARCHAR(256), so unbounded text becomes VARCHAR(65535).
        Wider columns cost memory in queries: narrow them once the data is known.

    Example:
        customer_name VARCHAR(120) CHARACTER SET UNICODE

    Typical rewrite:
        Measure the longest value in bytes (OCTET_LENGTH) and size the column to it.

            customer_name VARCHAR(480)

    Effort:
        Simple.

    References:
        https://docs.aws.amazon.com/redshift/latest/dg/r_Character_types.html
    """

    code = "RSH006"
    name = "varchar-byte-length"
    category = "data types"
    severity = "low"
    effort = "simple"
    targets = ("redshift",)
    raised_by = "converter"
