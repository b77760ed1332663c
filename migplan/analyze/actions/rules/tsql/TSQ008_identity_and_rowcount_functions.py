from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

# name -> (PostgreSQL, MySQL, effort)
_MAP = {
    "@@IDENTITY": ("INSERT ... RETURNING id INTO v (lastval() also sees trigger inserts)", "LAST_INSERT_ID()",
                   "simple"),
    "SCOPE_IDENTITY": ("INSERT ... RETURNING id INTO v", "LAST_INSERT_ID()", "simple"),
    "IDENT_CURRENT": ("the last value of the column's sequence (pg_get_serial_sequence)",
                      "information_schema.TABLES.AUTO_INCREMENT - 1", "simple"),
    "@@ROWCOUNT": ("GET DIAGNOSTICS v = ROW_COUNT (or FOUND)", "ROW_COUNT() (FOUND_ROWS() after a SELECT)",
                   "simple"),
    "@@ERROR": ("no equivalent: errors raise exceptions, catch them in an EXCEPTION block",
                "no equivalent: use a handler and GET DIAGNOSTICS", "medium"),
    "@@TRANCOUNT": ("no equivalent: there are no nested transaction counts", "no equivalent", "medium"),
}


class IdentityAndRowcountFunctions(Rule):
    """@@IDENTITY, SCOPE_IDENTITY(), @@ROWCOUNT, @@ERROR, @@TRANCOUNT ...: session state to re-express.

    What it detects:
        Each use of the T-SQL functions and global variables that return the last identity value, the
        number of rows the last statement touched, the last error number or the transaction nesting
        level, in a procedure, function or trigger.

    Why it matters:
        The targets keep this state differently. The identity of an inserted row comes back with
        ``INSERT ... RETURNING`` (PostgreSQL) or ``LAST_INSERT_ID()`` (MySQL, where it is per connection
        and only for AUTO_INCREMENT); row counts come from ``GET DIAGNOSTICS`` / ``FOUND`` or
        ``ROW_COUNT()``, which is -1 after a SELECT. ``@@ERROR`` checked after each statement has no
        equivalent: the first error raises an exception. ``@@TRANCOUNT`` has none either, since neither
        target nests transactions.

    Example:
        INSERT INTO orders (customer_id) VALUES (@c);
        SET @id = SCOPE_IDENTITY();
        IF @@ROWCOUNT = 0 OR @@ERROR <> 0 RETURN -1;

    Typical rewrite:
        Return generated keys with RETURNING (PostgreSQL) or LAST_INSERT_ID() (MySQL); read row counts
        right after the statement; replace @@ERROR checks by exception handling.

        INSERT INTO orders (customer_id) VALUES (p_c) RETURNING id INTO v_id;
        GET DIAGNOSTICS v_rows = ROW_COUNT;

    Effort:
        Simple per use; medium for @@ERROR and @@TRANCOUNT logic.

    References:
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
        (no SCT action code listed for these functions).
    """

    code = "TSQ008"
    name = "identity-and-rowcount-functions"
    category = "procedural code"
    severity = "low"
    effort = "simple"
    sources = ("sqlserver",)
    kinds = ("procedure", "function", "trigger")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.kind != "word" or w.up not in _MAP:
                continue
            if not w.up.startswith("@@") and (i + 1 >= len(ws) or ws[i + 1].up != "("):
                continue
            pg, my, effort = _MAP[w.up]
            name = w.text if w.up.startswith("@@") else f"{w.text}()"
            how = my if ctx.target_family == "mysql" else pg
            f = ctx.hit(self, obj, w.line, f"{name}: {how}", source=name)
            f.effort = effort
            yield f
