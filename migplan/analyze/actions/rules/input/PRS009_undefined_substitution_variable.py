from migplan.analyze.actions.base import Rule


class UndefinedSubstitutionVariable(Rule):
    """A client substitution variable has no value in the scripts: a placeholder stands for it.

    What it detects:
        A SQL*Plus ``&name`` / ``&&name`` / ``&1`` (or sqlcmd ``$(name)``) reference, outside a string
        literal, to a variable the scripts never give a value: prompted for by ``ACCEPT`` without a
        default, set at run time by ``COLUMN ... NEW_VALUE``, an argument of a script called without
        it, or never defined at all. migplan keeps it as a visible placeholder (the schema
        ``&MAIN_USER`` in ``&main_user..orders``) and reads the rest of the statement normally. One
        item per variable, at its first use; the message says how the scripts would set it and in how
        many statements it appears.

    Why it matters:
        The placeholder ends up in names and clauses: objects land in a schema called ``&MAIN_USER``,
        a tablespace is ``&TBS``. Converted DDL, DMS table mappings and the plan then name that
        schema, not the one the scripts really install into.

    Example:
        ACCEPT main_user PROMPT 'Schema owner: '
        CREATE TABLE &main_user..orders (id NUMBER PRIMARY KEY);

    Typical rewrite:
        Give the value migplan should use: ``--define MAIN_USER=SALES`` on the command line,
        ``defines={"MAIN_USER": "SALES"}`` in ``migplan.assess``/``load_schema``, or a ``[defines]``
        table in the config file, and run the assessment again.

    Effort:
        Simple: one value per variable.

    References:
        No SCT action code (SCT reads the live catalog, where the variables are already resolved);
        SQL*Plus DEFINE and substitution variables: https://docs.oracle.com/database/122/SQPUG/DEFINE.htm
    """

    code = "PRS009"
    name = "undefined-substitution-variable"
    category = "input"
    severity = "medium"
    effort = "simple"
    raised_by = "input"
