from migplan.analyze.actions.base import Rule


class ProceduralNotConverted(Rule):
    """A procedure, function or trigger migplan cannot rewrite faithfully, at the construct that stops it.

    What it detects:
        A routine or trigger whose body has a construct without a faithful rewrite for the target
        (a package routine call, a collection or BULK COLLECT, a user-defined exception, an autonomous
        transaction, an explicit cursor, dynamic SQL built at run time, COMMIT inside a block with an
        exception handler, SQLCODE...). The item's line is the construct's line. The object is not
        written into the DDL that is applied; it waits in 05_held_back.sql.

    Why it matters:
        migplan writes a routine whole or not at all: half-converted PL/pgSQL would compile and then
        behave differently. Everything else in the body has a rewrite, so the work left is the
        construct named here (and what the construct rules of the same object say).

    Example:
        CREATE PROCEDURE p IS BEGIN pkg.log_message('x'); END;

    Typical rewrite:
        Convert the package first (a schema per package on PostgreSQL), then call pkg.log_message with
        CALL; or convert the routine with SCT and review the construct by hand.

    Effort:
        Medium: the construct is usually one of a handful of known patterns.

    References:
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Source.Oracle.ToPostgreSQL.html
        (SCT Oracle -> PostgreSQL), https://www.postgresql.org/docs/current/plpgsql-porting.html
        (porting from Oracle PL/SQL).
    """

    code = "COD002"
    name = "procedural-not-converted"
    category = "procedural code"
    severity = "high"
    effort = "medium"
    raised_by = "converter"
