from migplan.analyze.actions.base import Rule


class StatementNotUnderstood(Rule):
    """A statement migplan could not read: it is kept verbatim and not converted.

    What it detects:
        A statement of the input that neither migplan's parsers nor sqlglot understood, or an object
        whose definition could not be read. The item carries the parser's message and the line.

    Why it matters:
        Nothing is dropped silently: the statement is listed, but whatever it creates or changes is
        missing from the converted schema until someone converts it by hand (or reports the syntax so
        migplan learns it).

    Example:
        CREATE TABLE t (a NUMBER) SOME_VENDOR_OPTION;

    Typical rewrite:
        Convert the statement by hand, or fix the input if the script is damaged (a missing
        terminator, a truncated file, a wrong source engine).

    Effort:
        Depends on the statement; counted as medium.
    """

    code = "PRS001"
    name = "statement-not-understood"
    category = "input"
    severity = "high"
    effort = "medium"
    raised_by = "input"
