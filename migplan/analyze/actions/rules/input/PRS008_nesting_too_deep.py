from migplan.analyze.actions.base import Rule


class NestingTooDeep(Rule):
    """An expression or query nested deeper than migplan reads: it is kept as text, not converted.

    What it detects:
        A CHECK condition, default, computed column, index key or view query nested more than 100
        levels deep (parentheses, subqueries, CASE ... END), counted by migplan's own lexer before
        the text reaches sqlglot; or one that sqlglot could not read or write for its depth. The
        item names the object, its line and the depth found. The rest of the run goes on.

    Why it matters:
        Such nesting is almost always generated SQL (a tool that wraps every term in parentheses) or
        a damaged script. Reading it would exhaust the parser's recursion; migplan writes nothing for
        it rather than a partial translation, so the object (or its constraint) is missing on the
        target until it is rewritten.

    Example:
        CREATE TABLE t (a NUMBER, CONSTRAINT c CHECK ((((((((((a > 0)))))))))));
        -- with hundreds of levels instead of ten

    Typical rewrite:
        Flatten the expression (drop redundant parentheses, turn nested subqueries into joins or a
        WITH clause, nested CASE into one CASE with several WHEN) and run the assessment again.

    Effort:
        Medium: the expression has to be understood before it can be flattened.
    """

    code = "PRS008"
    name = "nesting-too-deep"
    category = "input"
    severity = "high"
    effort = "medium"
    raised_by = "input"
