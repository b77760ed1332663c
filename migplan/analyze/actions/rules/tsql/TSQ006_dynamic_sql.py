from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class DynamicSql(Rule):
    """Dynamic SQL (EXEC('...'), EXEC(@sql), sp_executesql): the SQL inside strings is not converted.

    What it detects:
        Each ``EXEC``/``EXECUTE`` of a string or variable (``EXEC('...')``, ``EXEC(@sql)``) and each call
        of ``sp_executesql`` in a T-SQL procedure, function or trigger.

    Why it matters:
        The statement is text until run time: converters leave it as it is, so T-SQL syntax inside it
        (TOP, square brackets, ``+`` concatenation, T-SQL functions) fails on the target only when that
        code path runs. PostgreSQL runs dynamic SQL with ``EXECUTE ... USING``; MySQL with ``PREPARE``
        / ``EXECUTE``, which is allowed in procedures but not in functions or triggers.

    Example:
        SET @sql = N'SELECT TOP 10 * FROM ' + QUOTENAME(@table) + N' WHERE id > @min';
        EXEC sp_executesql @sql, N'@min INT', @min = 100;

    Typical rewrite:
        Translate the SQL text to the target dialect, quote identifiers with the target's functions and
        pass values as parameters rather than concatenating them.

        EXECUTE format('SELECT * FROM %I WHERE id > $1 LIMIT 10', p_table) USING 100;

    Effort:
        Medium per statement: the generated SQL must be read, translated and tested on every path.

    References:
        SCT action code 7672 (SQL Server to PostgreSQL: dynamic EXEC('string')); https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
    """

    code = "TSQ006"
    name = "dynamic-sql"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("sqlserver",)
    kinds = ("procedure", "function", "trigger")
    sct = ("SQL Server->PostgreSQL 7672",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        how = "PREPARE/EXECUTE (procedures only)" if ctx.target_family == "mysql" else "EXECUTE ... USING"
        ws = ctx.words(obj)
        for i, w in enumerate(ws[:-1]):
            if w.kind != "word":
                continue
            if w.up in ("EXEC", "EXECUTE") and ws[i + 1].up == "(":
                yield ctx.hit(self, obj, w.line, f"dynamic SQL {w.text}(...): the SQL text is not converted; "
                              f"translate it and run it with {how}", source=f"{w.text}(")
            elif w.up == "SP_EXECUTESQL":
                yield ctx.hit(self, obj, w.line, f"dynamic SQL sp_executesql: the SQL text is not converted; "
                              f"translate it and run it with {how}", source=w.text)
