from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import dotted_name, header_words
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class TableValuedParameters(Rule):
    """Table-valued parameters (READONLY table types) and table-type variables: no equivalent.

    What it detects:
        Each ``@p <table type> READONLY`` parameter of a T-SQL procedure or function, and each variable
        declared with a user-defined table type of the scripts (``DECLARE @ids dbo.IdList``). The
        ``CREATE TYPE ... AS TABLE`` itself is reported by the converter.

    Why it matters:
        Clients pass a whole set of rows in one call (ADO.NET ``SqlDbType.Structured``). Neither
        PostgreSQL nor MySQL has table types for parameters: SCT emulates user-defined table types with
        temporary tables, and the usual rewrites pass an array of a composite type or a JSON document,
        which changes the procedure's signature and every caller.

    Example:
        CREATE TYPE dbo.IdList AS TABLE (id INT PRIMARY KEY);
        CREATE PROCEDURE dbo.close_orders @ids dbo.IdList READONLY AS
          UPDATE orders SET status = 'CLOSED' WHERE id IN (SELECT id FROM @ids);

    Typical rewrite:
        PostgreSQL: an array parameter (int[] or an array of a composite type) read with unnest(), or
        jsonb; MySQL: a JSON parameter read with JSON_TABLE. Change the callers to send the new type.

        CREATE PROCEDURE close_orders(p_ids int[]) LANGUAGE sql AS
        $$ UPDATE orders SET status = 'CLOSED' WHERE id = ANY (p_ids) $$;

    Effort:
        Medium per parameter: signature and callers change.

    References:
        SCT action codes 7690 (SQL Server to PostgreSQL: table types emulated with temporary tables),
        690 (SQL Server to MySQL: table types);
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "TSQ019"
    name = "table-valued-parameters"
    category = "procedural code"
    severity = "high"
    effort = "medium"
    sources = ("sqlserver",)
    kinds = ("procedure", "function")
    sct = ("SQL Server->PostgreSQL 7690", "SQL Server->MySQL 690")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        how = "a JSON parameter read with JSON_TABLE" if ctx.target_family == "mysql" \
            else "an array (or jsonb) parameter read with unnest()"
        hw = header_words(obj, ctx)
        for i, w in enumerate(hw):
            if w.up != "READONLY" or w.kind != "word":
                continue
            k = i - 1
            while k >= 0 and not hw[k].up.startswith("@"):
                k -= 1
            param = hw[k].text if k >= 0 else "parameter"
            yield ctx.hit(self, obj, w.line, f"table-valued parameter {param}: no table types on the target; "
                          f"pass {how}", source=f"{param} ... READONLY")
        ws = ctx.words(obj)
        for i, w in enumerate(ws[:-2]):
            if w.up != "DECLARE" or not ws[i + 1].up.startswith("@"):
                continue
            j = i + 3 if ws[i + 2].up == "AS" else i + 2
            parts, _ = dotted_name(ws, j)
            if not parts:
                continue
            t = ctx.inventory.get(".".join(p for p in parts[-2:] if p), "type")
            if t is not None and getattr(t, "type_kind", "") == "table":
                var, typ = ws[i + 1].text, ".".join(parts)
                yield ctx.hit(self, obj, w.line, f"variable {var} of table type {typ}: emulate with a "
                              "temporary table", source=f"DECLARE {var} {typ}")
