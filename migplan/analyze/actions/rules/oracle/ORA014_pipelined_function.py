from collections.abc import Iterable

from sqlglot import exp

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import (
    CODE,
    VIEWS,
    hit,
    is_punct,
    is_word,
    node_line,
    statement_words,
)
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class PipelinedFunction(Rule):
    """Pipelined and table functions: PIPELINED / PIPE ROW, and queries over TABLE(...).

    What it detects:
        Functions declared ``PIPELINED`` (stand-alone or in a package body; ``PIPE ROW`` is part of
        them) and ``TABLE(function(...))`` / ``TABLE(collection)`` in the FROM clause of views and
        code.

    Why it matters:
        PostgreSQL has set-returning functions: ``RETURNS SETOF type`` or ``RETURNS TABLE (...)``
        with ``RETURN NEXT`` / ``RETURN QUERY`` replace PIPE ROW, and they are queried without
        TABLE(). MySQL has no table functions: the rows must come from a temporary table filled by a
        procedure, a view, or JSON_TABLE over a JSON value.

    Example:
        FUNCTION open_orders RETURN order_tab PIPELINED IS
        BEGIN
          FOR r IN (SELECT * FROM orders WHERE status = 'NEW') LOOP PIPE ROW (order_t(r.id)); END LOOP;
          RETURN;
        END;
        SELECT * FROM TABLE(open_orders());

    Typical rewrite:
        PostgreSQL: RETURNS SETOF / RETURNS TABLE with RETURN NEXT or RETURN QUERY, called as
        SELECT * FROM open_orders(); MySQL: a view, or a procedure that fills a temporary table.

        CREATE FUNCTION open_orders() RETURNS SETOF orders LANGUAGE sql AS
          $$ SELECT * FROM orders WHERE status = 'NEW' $$;

    Effort:
        Medium per function or TABLE() use on PostgreSQL; significant on MySQL.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (the Packages row lists TABLE functions, with codes not mapped one to one).
    """

    code = "ORA014"
    name = "pipelined-function"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("oracle",)
    kinds = CODE + VIEWS

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        mysql = ctx.target_family == "mysql"
        effort = "significant" if mysql else None
        severity = "high" if mysql else None
        fix_fn = "no table functions on MySQL: fill a temporary table or use a view" if mysql else \
            "RETURNS SETOF / TABLE with RETURN NEXT or RETURN QUERY"
        fix_use = "no table functions on MySQL: read a temporary table, a view or JSON_TABLE" if mysql else \
            "select from the set-returning function directly (no TABLE())"
        tree = ctx.tree(obj)
        if tree is not None:
            for node in tree.find_all(exp.Anonymous):
                if str(node.this).upper() == "TABLE":
                    yield hit(self, obj, ctx, node_line(obj, node), f"TABLE(...) in FROM: {fix_use}",
                              source="TABLE(", severity=severity, effort=effort)
            return
        ws = statement_words(ctx, obj)
        for i, w in enumerate(ws):
            if w.kind != "word":
                continue
            if w.up == "PIPELINED":
                yield hit(self, obj, ctx, w.line, f"pipelined function: {fix_fn}", source="PIPELINED",
                          severity=severity, effort=effort)
            elif (w.up == "TABLE" and is_punct(ws, i + 1, "(")
                  and (is_word(ws, i - 1, "FROM", "JOIN") or is_punct(ws, i - 1, ","))):
                yield hit(self, obj, ctx, w.line, f"TABLE(...) in FROM: {fix_use}", source="TABLE(",
                          severity=severity, effort=effort)

