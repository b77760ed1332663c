import re
from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject, Table


class NativeOrClrModules(Rule):
    """CLR assemblies and routines, natively compiled modules, memory-optimized tables: no target equivalent.

    What it detects:
        T-SQL procedures, functions and triggers implemented in .NET (``AS EXTERNAL NAME
        assembly.class.method``), ``CREATE ASSEMBLY`` statements, natively compiled modules (``WITH
        NATIVE_COMPILATION``) and memory-optimized tables (``WITH (MEMORY_OPTIMIZED = ON)``).

    Why it matters:
        CLR code runs inside SQL Server; PostgreSQL and MySQL cannot load .NET assemblies, so the logic
        must be rewritten in the target's procedural language or moved to the application. Natively
        compiled modules and memory-optimized tables are In-Memory OLTP features: the code becomes an
        ordinary routine (``BEGIN ATOMIC WITH (...)`` becomes a normal block) and the table an ordinary
        table, with different performance. DMS does not support memory-optimized tables as a source.

    Example:
        CREATE PROCEDURE dbo.parse_iban @iban NVARCHAR(34)
        AS EXTERNAL NAME BankTools.[BankTools.Iban].Parse;

    Typical rewrite:
        Rewrite CLR routines in PL/pgSQL (or another procedural language the target supports) or in the
        application; drop NATIVE_COMPILATION and MEMORY_OPTIMIZED and load-test the hot paths.

        CREATE TABLE session_cache (id bigint PRIMARY KEY, payload jsonb);  -- was MEMORY_OPTIMIZED

    Effort:
        Significant per CLR routine or assembly (code to rewrite in another language); simple per
        natively compiled module or memory-optimized table.

    References:
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html
        (DMS: memory-optimized tables not supported); no SCT action code
        listed.
    """

    code = "TSQ020"
    name = "native-or-clr-modules"
    category = "procedural code"
    severity = "high"
    effort = "significant"
    sources = ("sqlserver",)
    kinds = ("procedure", "function", "trigger", "table", "assembly")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if obj.kind == "assembly":
            f = ctx.hit(self, obj, obj.location.line, f"CLR assembly {obj.name}: .NET code cannot run on the "
                        "target; rewrite the routines that use it", source="CREATE ASSEMBLY")
            f.effort = "significant"
            yield f
        elif isinstance(obj, Table):
            if re.search(r"MEMORY_OPTIMIZED\s*=\s*ON", obj.options.get("WITH", ""), re.IGNORECASE):
                line = ctx.line_of(obj, r"MEMORY_OPTIMIZED\s*=\s*ON")
                f = ctx.hit(self, obj, line, "memory-optimized table: becomes an ordinary table; DMS does "
                            "not support it as a source", source="MEMORY_OPTIMIZED = ON")
                f.effort = "simple"
                yield f
        else:
            external = ctx.find(obj, "EXTERNAL", "NAME")
            if external or getattr(obj, "external", False):
                line = external[0] if external else obj.location.line
                f = ctx.hit(self, obj, line, f"CLR {obj.kind} (EXTERNAL NAME): .NET code; rewrite it in the "
                            "target's language or the application", source="EXTERNAL NAME")
                f.effort = "significant"
                yield f
            for line in ctx.find(obj, "NATIVE_COMPILATION"):
                f = ctx.hit(self, obj, line, f"natively compiled {obj.kind}: becomes an ordinary {obj.kind}",
                            source="WITH NATIVE_COMPILATION")
                f.effort = "simple"
                yield f
