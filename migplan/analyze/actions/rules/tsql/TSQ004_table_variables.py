from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class TableVariables(Rule):
    """DECLARE @t TABLE: table variables become temporary tables (or arrays) on the target.

    What it detects:
        Each table variable declared in a T-SQL procedure, function or trigger (``DECLARE @t TABLE
        (...)``).

    Why it matters:
        Neither PostgreSQL nor MySQL has table-valued variables. SCT emulates them with temporary
        tables, which changes their scope (the session, not the batch), their behaviour in a rollback
        (a table variable keeps its rows when the transaction rolls back, a temporary table does not)
        and their cost in functions called per row.

    Example:
        DECLARE @ids TABLE (id INT PRIMARY KEY);
        INSERT INTO @ids SELECT id FROM orders WHERE status = 'NEW';

    Typical rewrite:
        A temporary table created (IF NOT EXISTS) and dropped by the routine; on PostgreSQL, small sets
        can also live in an array variable or a CTE.

        CREATE TEMPORARY TABLE IF NOT EXISTS ids (id int PRIMARY KEY) ON COMMIT DROP;
        INSERT INTO ids SELECT id FROM orders WHERE status = 'NEW';

    Effort:
        Simple per variable; check code that relies on the rows surviving a ROLLBACK.

    References:
        SCT action codes 7659 (SQL Server to PostgreSQL: temp tables and table variables), 659 (SQL Server
        to MySQL: table-variable scope);
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "TSQ004"
    name = "table-variables"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("sqlserver",)
    kinds = ("procedure", "function", "trigger")
    sct = ("SQL Server->PostgreSQL 7659", "SQL Server->MySQL 659")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws[:-1]):
            if w.kind != "word" or not w.up.startswith("@") or w.up.startswith("@@"):
                continue
            j = i + 2 if ws[i + 1].up == "AS" else i + 1
            if j < len(ws) and ws[j].up == "TABLE" and ws[j].kind == "word":
                yield ctx.hit(self, obj, w.line, f"table variable {w.text}: no table-valued variables on the "
                              "target; emulate with a temporary table", source=f"DECLARE {w.text} TABLE")
