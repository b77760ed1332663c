from collections.abc import Iterable

from sqlglot import exp

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, VIEWS, hit, is_punct, node_line
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class ConcatWithNull(Rule):
    """Oracle || ignores NULL operands; on the targets a NULL operand makes the result NULL.

    What it detects:
        String concatenation with ``||`` in views, materialized views and code of an Oracle source,
        unless every operand is a string literal. In views, one item per concatenation chain; in
        code, one per line.

    Why it matters:
        In Oracle ``'Dear ' || first_name || ' ' || last_name`` still gives a string when first_name is
        NULL. PostgreSQL's ``||`` returns NULL as soon as one operand is NULL; MySQL's CONCAT() (what
        sqlglot writes for ||, since || is OR in MySQL by default) also returns NULL. Labels, keys and
        messages built this way become NULL for some rows.

    Example:
        SELECT last_name || ', ' || first_name AS full_name FROM employees;

    Typical rewrite:
        PostgreSQL: concat(...) (skips NULLs) or COALESCE(x, '') on nullable operands; MySQL:
        CONCAT_WS('', ...) (skips NULLs) or COALESCE / IFNULL.

        SELECT concat(last_name, ', ', first_name) AS full_name FROM employees;

    Effort:
        Simple per expression; NOT NULL operands need nothing.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
        give no SCT action code for it.
    """

    code = "FDM003"
    name = "concat-with-null"
    category = "functional differences"
    severity = "medium"
    effort = "simple"
    sources = ("oracle",)
    kinds = VIEWS + CODE

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if obj.kind in VIEWS and ctx.converted(obj):
            return  # the converter wrote concat() / CONCAT_WS('', ...), which skip NULLs
        tree = ctx.tree(obj)
        if tree is not None:
            for node in tree.find_all(exp.DPipe):
                if isinstance(node.parent, exp.DPipe):
                    continue  # one item per chain
                operands = _operands(node)
                if all(isinstance(o, exp.Literal) and o.is_string for o in operands):
                    continue
                yield self._hit(obj, ctx, node_line(obj, node))
            return
        ws = ctx.words(obj)
        for i in range(1, len(ws) - 2):
            if is_punct(ws, i, "|") and is_punct(ws, i + 1, "|"):
                if ws[i - 1].kind == "string" and ws[i + 2].kind == "string":
                    continue
                yield self._hit(obj, ctx, ws[i].line)

    def _hit(self, obj, ctx, line):
        if ctx.target_family == "mysql":
            msg = "|| concatenation: NULL operands are skipped in Oracle; MySQL's CONCAT() returns NULL. " \
                  "Use CONCAT_WS('', ...) or COALESCE"
        else:
            msg = "|| concatenation: NULL operands are skipped in Oracle; PostgreSQL's || returns NULL. " \
                  "Use concat(...) or COALESCE on nullable operands"
        return hit(self, obj, ctx, line, msg, source="||")


def _operands(node):
    if isinstance(node, exp.DPipe):
        return _operands(node.this) + _operands(node.expression)
    return [node]
