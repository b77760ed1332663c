from migplan.analyze.actions.base import Rule


class PartialParse(Rule):
    """An object migplan only partly understood: part of its definition was not read.

    What it detects:
        A table, index, view, sequence or other non-procedural object whose header and structure were
        read, but not all of it: words left over after the clauses migplan knows (an unknown table or
        column option), tokens sqlglot silently dropped while reading an embedded expression or query,
        or a column whose data type could not be read. The item carries the parser's message and
        points at the object's first line. An expression that sqlglot cannot read at all is reported
        by the converter with a more precise code instead (SQL002 for a default, CON003 for a CHECK,
        TBL004 for a computed column, VEW011 for a view's query).

    Why it matters:
        The object is converted without the part that was not understood: an option, a column
        attribute (such as column encryption) or a column may be missing on the target, and nothing
        else says so.

    Example:
        CREATE TABLE customers (
          id  NUMBER(10) PRIMARY KEY,
          ssn VARCHAR2(11) ENCRYPT USING 'AES256' NO SALT
        );

    Typical rewrite:
        Read the part named in the message and carry it over by hand (or decide it is not needed on
        the target, e.g. column encryption replaced by storage encryption with KMS); if the source
        syntax is valid, report it so migplan learns it.

    Effort:
        Simple: one clause per occurrence.

    References:
        No SCT action code (SCT reads the live catalog, not scripts);
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_AssessmentReport.html (SCT lists
        every element it could not convert as an action item, as migplan does here).
    """

    code = "PRS002"
    name = "partial-parse"
    category = "input"
    severity = "medium"
    effort = "simple"
    raised_by = "input"
