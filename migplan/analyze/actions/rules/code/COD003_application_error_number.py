from migplan.analyze.actions.base import Rule


class ApplicationErrorNumber(Rule):
    """RAISE_APPLICATION_ERROR converted: the error number becomes SQLSTATE P0001 and a DETAIL.

    What it detects:
        A RAISE_APPLICATION_ERROR(-20nnn, message) that migplan rewrote as PL/pgSQL
        ``RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = message, DETAIL = 'ORA-20nnn'``.

    Why it matters:
        The message and the failure are kept, but PostgreSQL has no user error numbers: application
        code or other routines that catch ORA-20nnn by number must test SQLSTATE P0001 and the DETAIL
        text instead.

    Example:
        RAISE_APPLICATION_ERROR(-20020, 'A cancelled order cannot be reopened');

    Typical rewrite:
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'A cancelled order cannot be reopened',
        DETAIL = 'ORA-20020';

    Effort:
        Simple: find the callers that test the number.

    References:
        https://www.postgresql.org/docs/current/plpgsql-errors-and-messages.html (RAISE ... USING),
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Source.Oracle.ToPostgreSQL.html
    """

    code = "COD003"
    name = "application-error-number"
    category = "procedural code"
    severity = "low"
    effort = "simple"
    sources = ("oracle",)
    raised_by = "converter"
