from migplan.analyze.actions.base import Rule


class OrphanPart(Rule):
    """An ALTER or COMMENT changes an object that no script creates.

    What it detects:
        A statement that adds to an object after its CREATE (ALTER TABLE ... ADD CONSTRAINT, ALTER
        INDEX, ALTER SEQUENCE, COMMENT ON, sp_addextendedproperty ...) whose object is nowhere in the
        scripts read. migplan applies such parts after reading every file, so order does not matter:
        the object is really missing from the input.

    Why it matters:
        The change is not applied to anything and is not converted. Either a file with the CREATE is
        missing from the input (so the object itself is missing from the plan), or the name is
        misspelled or qualified with another schema.

    Example:
        ALTER TABLE order_lines ADD CONSTRAINT order_lines_pk PRIMARY KEY (order_id, line_no);

    Typical rewrite:
        Add the script that creates the object to the input (or fix the name or the default schema)
        and run the assessment again; drop the statement if the object no longer exists.

    Effort:
        Simple per statement.

    References:
        No SCT action code (SCT reads the live catalog); https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_AssessmentReport.html
    """

    code = "PRS005"
    name = "orphan-part"
    category = "input"
    severity = "medium"
    effort = "simple"
    raised_by = "input"
