import re
from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import ROUTINES, hit
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_PACKAGE = re.compile(r"^(?:SYS\.)?((?:DBMS|UTL|CTX|SDO|APEX|OWA)_\w+)(?:\.(\w+))?")
_ELSEWHERE = {"DBMS_SQL", "DBMS_STANDARD", "DBMS_DB_VERSION"}  # ORA004, RAISE_APPLICATION_ERROR, ORA013
_LOW = {"DBMS_OUTPUT", "DBMS_APPLICATION_INFO"}
_HIGH = {"UTL_FILE", "UTL_HTTP", "UTL_MAIL", "UTL_SMTP", "UTL_TCP", "DBMS_SCHEDULER", "DBMS_JOB", "DBMS_LOB",
         "DBMS_PIPE", "DBMS_ALERT", "DBMS_AQ", "DBMS_AQADM"}
# package -> (PostgreSQL, MySQL) replacement hint
_HINTS = {
    "DBMS_OUTPUT": ("RAISE NOTICE", "a log table or SELECT while debugging"),
    "DBMS_APPLICATION_INFO": ("SET application_name", "a session variable"),
    "DBMS_LOB": ("text/bytea functions (length, substr, position, overlay)",
                 "string functions (LENGTH, SUBSTRING, INSTR)"),
    "UTL_FILE": ("the application, or aws_s3 export on Aurora: no server file access",
                 "the application, or SELECT INTO OUTFILE S3 on Aurora: no server file access"),
    "UTL_HTTP": ("the application or the aws_lambda extension", "the application or a Lambda call"),
    "UTL_MAIL": ("the application (or SES through Lambda)", "the application (or SES through Lambda)"),
    "UTL_SMTP": ("the application (or SES through Lambda)", "the application (or SES through Lambda)"),
    "DBMS_SCHEDULER": ("pg_cron or an external scheduler", "events (CREATE EVENT) or an external scheduler"),
    "DBMS_JOB": ("pg_cron or an external scheduler", "events (CREATE EVENT) or an external scheduler"),
    "DBMS_LOCK": ("pg_sleep and advisory locks", "SLEEP and GET_LOCK"),
    "DBMS_RANDOM": ("random()", "RAND()"),
    "DBMS_CRYPTO": ("pgcrypto", "AES_ENCRYPT / SHA2"),
    "DBMS_PIPE": ("LISTEN/NOTIFY or a queue table", "a queue table"),
    "DBMS_ALERT": ("LISTEN/NOTIFY", "a queue table"),
    "DBMS_UTILITY": ("GET DIAGNOSTICS / GET STACKED DIAGNOSTICS and plain SQL", "GET DIAGNOSTICS and plain SQL"),
}


class BuiltinPackages(Rule):
    """Calls to Oracle-supplied packages (DBMS_*, UTL_*, CTX_*, SDO_*, APEX_*): no target equivalent.

    What it detects:
        Every reference to a supplied package (``DBMS_OUTPUT.PUT_LINE``, ``UTL_FILE.FOPEN``,
        ``DBMS_SCHEDULER.CREATE_JOB``, ``DBMS_LOB.SUBSTR``...) in routines and package
        specifications; the item names the package. DBMS_SQL is ORA004.

    Why it matters:
        The targets have none of these packages. Some have close replacements (DBMS_OUTPUT: RAISE
        NOTICE; DBMS_LOB: string functions; DBMS_RANDOM: random()), some are emulated by SCT's
        extension pack (aws_oracle_ext), and some need a design change because the managed target
        cannot do it from inside the database: file access (UTL_FILE), HTTP and mail (UTL_HTTP,
        UTL_MAIL, UTL_SMTP), jobs (DBMS_SCHEDULER, DBMS_JOB), queues and pipes.

    Example:
        l_file := UTL_FILE.FOPEN('EXPORT_DIR', 'orders.csv', 'w');
        DBMS_OUTPUT.PUT_LINE('exported ' || l_count || ' orders');

    Typical rewrite:
        Replace each call by the target's counterpart named in the item, or move the work out of the
        database (files, mail and HTTP to the application or AWS services, jobs to pg_cron, MySQL
        events or an external scheduler).

        RAISE NOTICE 'exported % orders', l_count;

    Effort:
        Simple per call for DBMS_OUTPUT-like packages, medium for the others; the high-severity
        packages (files, HTTP, mail, jobs, LOBs, queues) usually need a design decision first.

    References:
        SCT action codes 332, 349 (DBMS_OUTPUT.PUT_LINE / PUT, Oracle to MySQL); https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (extension pack aws_oracle_ext), https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "ORA009"
    name = "builtin-packages"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("oracle",)
    kinds = ROUTINES
    sct = ("Oracle->MySQL 332", "Oracle->MySQL 349")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        mysql = ctx.target_family == "mysql"
        for name, line in ctx.calls(obj):
            m = _PACKAGE.match(name)
            if not m or m.group(1) in _ELSEWHERE:
                continue
            pkg = m.group(1)
            call = f"{pkg}.{m.group(2)}" if m.group(2) else pkg
            if pkg in _HINTS:
                fix = "use " + _HINTS[pkg][1 if mysql else 0]
            elif pkg.startswith(("CTX_", "SDO_", "APEX_")):
                fix = "no counterpart: Oracle Text / Spatial / APEX need a redesign"
            else:
                fix = "no built-in counterpart: rewrite (SCT's extension pack emulates some)" if not mysql else \
                    "no built-in counterpart: rewrite"
            level = "low" if pkg in _LOW else ("high" if pkg in _HIGH or pkg.startswith(("CTX_", "SDO_", "APEX_"))
                                                else "medium")
            yield hit(self, obj, ctx, line, f"{call} (package {pkg}, {level} severity): {fix}", source=call,
                      severity=level, effort="medium" if level == "high" else None)
