from migplan.analyze.actions.base import Rule


class UnknownType(Rule):
    """A data type the type map does not know: the column is written with a fallback type.

    What it detects:
        A column whose declared type matches no row of the type map for the pair and is not a
        user-defined type of the scripts. migplan writes the map's fallback type (``text`` on
        PostgreSQL, ``longtext`` on MySQL) so the table can still be created; the message names the
        source type. Every type map raises it.

    Why it matters:
        The fallback is a guess: numbers, dates or binary data stored as text lose their ordering,
        arithmetic and validation, and DMS may not know the type either. It can also mean a typo in the
        script or a type from an extension or a newer engine version.

    Example:
        CREATE TABLE documents (id NUMBER(10) PRIMARY KEY, embedding VECTOR(768, FLOAT32));

    Typical rewrite:
        Look the type up in the source documentation and set the column's target type by hand (and
        report the mapping so the type map learns it); check that DMS supports the type or load the
        column with a transformation.

        CREATE EXTENSION IF NOT EXISTS vector;
        CREATE TABLE documents (id bigint PRIMARY KEY, embedding vector(768));

    Effort:
        Medium: research the type, choose the target type, test the load.

    References:
        DMS assessment unsupported-data-types-in-source;
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.AssessmentReport.Assessments.All.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html-https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.DB2.html
        (DMS type
        mappings and unsupported types per source engine).
    """

    code = "TYP018"
    name = "unknown-type"
    category = "data types"
    severity = "high"
    effort = "medium"
    dms = ("unsupported-data-types-in-source",)
    raised_by = "converter"
