from migplan.analyze.actions.base import Rule


class TargetRejectedDdl(Rule):
    """The target engine rejected a converted statement.

    What it detects:
        During verification, migplan applies the converted DDL to a throwaway instance of the target
        engine (PostgreSQL, or MariaDB for MySQL targets). A statement that the engine refuses raises
        this item, with the engine's error message and the source line of the object.

    Why it matters:
        The object is not created, and neither is anything that depends on it. Static analysis guesses;
        the engine decides: a function or a table (Oracle's DUAL) the target lacks, a type mismatch in a
        view, an expression index on a function that is not IMMUTABLE all show up here. Some errors
        only appear when the statement runs (a wrong date_trunc unit in a view): verification does
        not query the views it creates.

    Example:
        CREATE VIEW customer_names AS SELECT id, NLS_UPPER(last_name) AS name_upper FROM customers;
        -- PostgreSQL: function nls_upper(character varying) does not exist

    Typical rewrite:
        Read the engine's message, fix the converted statement (or the rule that produced it), and run
        verification again until the schema applies cleanly. Statements that depend on a rejected
        table are not applied and are reported too.

        CREATE VIEW customer_names AS SELECT id, upper(last_name) AS name_upper FROM customers;

    Effort:
        Medium: depends on the statement; counted per rejected statement.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html
        step 1 (apply the converted schema to the target before the load).
    """

    code = "VER001"
    name = "target-rejected-ddl"
    category = "verification"
    severity = "high"
    effort = "medium"
    raised_by = "verifier"
