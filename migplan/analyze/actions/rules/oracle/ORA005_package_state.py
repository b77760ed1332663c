from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import hit, is_word, target_name
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_NOT_STATE = {"TYPE", "SUBTYPE", "PRAGMA", "END", "WRAPPED", "PROCEDURE", "FUNCTION"}


class PackageState(Rule):
    """Package-level variables, constants and cursors: PostgreSQL and MySQL have no package state.

    What it detects:
        Variables, constants and cursors declared at package level, in a package specification or
        in the declaration part of a package body (before its first procedure or function body).

    Why it matters:
        An Oracle package variable lives for the whole session and is shared by every routine of
        the package (and by callers, when declared in the specification); a package cursor stays
        open across calls. The targets have no packages: routines become stand-alone functions and
        procedures, and the state must be kept somewhere else and initialised explicitly.

    Example:
        CREATE PACKAGE order_api IS
          g_batch_size CONSTANT PLS_INTEGER := 500;
          g_last_order NUMBER;
        END order_api;

    Typical rewrite:
        Keep session state in custom settings (PostgreSQL set_config/current_setting, as SCT's
        extension pack does) or in a temporary table, MySQL in user variables; turn constants into
        functions returning the value; declare package cursors in each routine that uses them.

        PERFORM set_config('order_api.last_order', p_id::text, false);

    Effort:
        Simple per declaration once the approach is chosen (the learning cost is the design).

    References:
        SCT action code 330 (global cursors, Oracle to MySQL);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (the
        Cursors row lists package-level cursors with codes not mapped one to one),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.AssessmentReport.MySQL.html (no Oracle to
        PostgreSQL action code found for package variables).
    """

    code = "ORA005"
    name = "package-state"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("oracle",)
    kinds = ("package", "package body")
    sct = ("Oracle->MySQL 330",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        keep = "user variables (@name)" if ctx.target_family == "mysql" else \
            "custom settings (set_config/current_setting) or a temporary table"
        for a, b in _declarations(ws, obj.kind == "package body"):
            first = ws[a]
            if first.up in _NOT_STATE or (b - a == 2 and ws[a + 1].up == "EXCEPTION"):
                continue
            if first.up == "CURSOR" and is_word(ws, a + 1):
                yield hit(self, obj, ctx, first.line, f"package-level cursor {ws[a + 1].text}: no package state on "
                          f"{target_name(ctx)}; declare the cursor in each routine that opens it",
                          source=f"CURSOR {ws[a + 1].text}")
            elif is_word(ws, a + 1, "CONSTANT"):
                yield hit(self, obj, ctx, first.line, f"package constant {first.text}: no package constants on "
                          f"{target_name(ctx)}; use a function returning the value or inline it",
                          source=f"{first.text} CONSTANT")
            elif first.kind in ("word", "qident") and b - a >= 2:
                yield hit(self, obj, ctx, first.line, f"package variable {first.text}: session state has no "
                          f"{target_name(ctx)} counterpart; keep it in {keep}", source=first.text)


def _declarations(ws, body: bool):
    """Spans of the package-level declarations, up to the first subprogram body (or BEGIN)."""
    a, depth = 0, 0
    for i, w in enumerate(ws):
        if w.kind != "punct":
            continue
        if w.up == "(":
            depth += 1
        elif w.up == ")":
            depth -= 1
        elif w.up == ";" and depth == 0:
            if a < i:
                if ws[a].up == "BEGIN" or (body and ws[a].up in ("PROCEDURE", "FUNCTION")
                                           and any(is_word(ws, k, "IS", "AS") for k in range(a, i))):
                    return
                yield a, i
            a = i + 1
