from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, hit, is_punct, is_word
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_ATTRS = {"FOUND", "NOTFOUND", "ROWCOUNT", "ISOPEN", "BULK_ROWCOUNT", "BULK_EXCEPTIONS"}
_PG = {"FOUND": "FOUND (after FETCH) or a record test", "NOTFOUND": "NOT FOUND (after FETCH)",
       "ROWCOUNT": "GET DIAGNOSTICS n = ROW_COUNT", "ISOPEN": "a variable that tracks whether it is open",
       "BULK_ROWCOUNT": "one GET DIAGNOSTICS per statement", "BULK_EXCEPTIONS": "a nested EXCEPTION block per row"}
_MY = {"FOUND": "a CONTINUE HANDLER FOR NOT FOUND flag", "NOTFOUND": "a CONTINUE HANDLER FOR NOT FOUND flag",
       "ROWCOUNT": "ROW_COUNT()", "ISOPEN": "a variable that tracks whether it is open",
       "BULK_ROWCOUNT": "ROW_COUNT() after each statement", "BULK_EXCEPTIONS": "a handler per statement"}


class CursorAttributesAndLoops(Rule):
    """Explicit cursors, cursor attributes (%FOUND, %NOTFOUND, %ROWCOUNT, %ISOPEN) and cursor FOR loops.

    What it detects:
        Explicit cursor declarations (``CURSOR c IS ...``), cursor attributes on explicit cursors and
        on ``SQL`` (``c%NOTFOUND``, ``SQL%ROWCOUNT``, ``SQL%BULK_ROWCOUNT``...), and, for MySQL
        targets, cursor FOR loops (``FOR r IN c LOOP``, ``FOR r IN (SELECT ...) LOOP``).

    Why it matters:
        PL/pgSQL has cursors and FOR loops over queries, but no cursor attributes: ``FOUND`` and
        ``GET DIAGNOSTICS ... ROW_COUNT`` replace them, with slightly different timing. MySQL cursors
        need ``DECLARE CONTINUE HANDLER FOR NOT FOUND`` and an explicit loop: there are no cursor FOR
        loops, no attributes, and ``ROW_COUNT()`` replaces SQL%ROWCOUNT.

    Example:
        OPEN c_orders;
        LOOP
          FETCH c_orders INTO r;
          EXIT WHEN c_orders%NOTFOUND;
        END LOOP;
        IF SQL%ROWCOUNT = 0 THEN ...

    Typical rewrite:
        PostgreSQL: EXIT WHEN NOT FOUND after FETCH, GET DIAGNOSTICS n = ROW_COUNT after DML;
        MySQL: a NOT FOUND handler setting a flag, and ROW_COUNT().

        FETCH c_orders INTO r; EXIT WHEN NOT FOUND;

    Effort:
        Simple per occurrence (none for a cursor declaration on PostgreSQL, listed for information).

    References:
        SCT action codes 596 (SQL%ROWCOUNT semantics), 85 (SQL%BULK_ROWCOUNT), Oracle to MySQL;
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html,
        and
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (the Cursors row lists cursor attributes with codes not
        mapped one to one).
    """

    code = "ORA020"
    name = "cursor-attributes-and-loops"
    category = "procedural code"
    severity = "low"
    effort = "simple"
    sources = ("oracle",)
    kinds = CODE
    sct = ("Oracle->MySQL 596", "Oracle->MySQL 85")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        mysql = ctx.target_family == "mysql"
        ws = ctx.words(obj)
        cursors = {ws[i + 1].up for i in range(len(ws) - 1) if is_word(ws, i, "CURSOR") and is_word(ws, i + 1)}
        level = "medium" if mysql else None
        for i, w in enumerate(ws):
            if is_word(ws, i, "CURSOR") and is_word(ws, i + 1) and not is_punct(ws, i - 1, "%"):
                fix = "needs a NOT FOUND handler and an explicit loop on MySQL" if mysql else \
                    "kept by PL/pgSQL (refcursor/cursor syntax differs slightly)"
                yield hit(self, obj, ctx, w.line, f"explicit cursor {ws[i + 1].text}: {fix}",
                          source=f"CURSOR {ws[i + 1].text}", severity=level or "info",
                          effort=None if mysql else "none")
            elif is_punct(ws, i, "%") and is_word(ws, i + 1) and ws[i + 1].up in _ATTRS and i > 0:
                attr = ws[i + 1].up
                what = f"{ws[i - 1].text}%{attr}"
                yield hit(self, obj, ctx, w.line, f"cursor attribute {what}: use {(_MY if mysql else _PG)[attr]}",
                          source=what, severity=level)
            elif mysql and is_word(ws, i, "FOR") and is_word(ws, i + 1) and is_word(ws, i + 2, "IN"):
                src = ws[i + 3] if i + 3 < len(ws) else None
                query = src is not None and src.up == "(" and is_word(ws, i + 4, "SELECT", "WITH")
                if query or (src is not None and src.kind == "word" and src.up in cursors):
                    yield hit(self, obj, ctx, w.line, "cursor FOR loop: MySQL needs DECLARE CURSOR, a NOT FOUND "
                              "handler and an explicit LOOP", source=f"FOR {ws[i + 1].text} IN", severity=level)
