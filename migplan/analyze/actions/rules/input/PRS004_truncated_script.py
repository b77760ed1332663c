from migplan.analyze.actions.base import Rule


class TruncatedScript(Rule):
    """The script looks cut short or is missing a terminator: a statement runs to the end of the file.

    What it detects:
        A string, quoted name or comment that is never closed; an Oracle PL/SQL unit not followed by a
        line holding only '/' (before the next CREATE, or before the end of the file); a MySQL script
        whose custom DELIMITER is never met again; a psql COPY data block without its closing '\\.'
        line; a statement whose end could not be found. The item points at the statement's first line.

    Why it matters:
        The client tool (SQL*Plus, mysql, psql) would not run such a script as intended, and everything
        after the break may have been swallowed into one statement: objects further down are missing
        or misread. It usually means a truncated export or a file cut by an editor or a transfer.

    Example:
        CREATE OR REPLACE PROCEDURE close_orders IS
        BEGIN
          UPDATE orders SET status = 'CLOSED';
        END;
        CREATE TABLE audit_log (id NUMBER(10));

    Typical rewrite:
        Get a complete export of the schema (or add the missing terminator: '/' after each PL/SQL
        unit, the closing quote or '*/', the DELIMITER line) and run the assessment again.

        CREATE OR REPLACE PROCEDURE close_orders IS
        BEGIN
          UPDATE orders SET status = 'CLOSED';
        END;
        /

    Effort:
        Simple: fix the script; review the objects that follow the break.

    References:
        No SCT action code (SCT reads the live catalog); https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_AssessmentReport.html
    """

    code = "PRS004"
    name = "truncated-script"
    category = "input"
    severity = "high"
    effort = "simple"
    raised_by = "input"
