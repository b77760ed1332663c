from collections.abc import Iterable

from sqlglot import exp

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, VIEWS, hit, is_punct, is_word, node_line
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class EmptyStringIsNull(Rule):
    """Oracle treats '' as NULL; the targets keep an empty string distinct from NULL.

    What it detects:
        The empty string literal ``''`` in views, materialized views, table definitions (defaults and
        check constraints) and code of an Oracle source; comparisons with it (``= ''``, ``<> ''``) are
        named as such.

    Why it matters:
        In Oracle ``''`` is NULL: ``DEFAULT ''`` sets nothing, ``x := ''`` clears x, and ``col = ''`` is
        never true. On PostgreSQL and MySQL ``''`` is a real value: the same default stores an empty
        string, the comparison starts matching rows, ``IS NULL`` tests miss empty strings, and NOT NULL
        columns accept ''. Data loaded by DMS keeps Oracle's NULLs, new rows written by converted code
        get empty strings: both kinds then coexist.

    Example:
        CREATE VIEW unnamed_customers AS SELECT * FROM customers WHERE middle_name = '';

    Typical rewrite:
        Say what Oracle did: IS NULL for comparisons, NULL instead of '' in defaults and assignments;
        where both values may appear, normalise with NULLIF(x, '') or COALESCE(x, '').

        CREATE VIEW unnamed_customers AS SELECT * FROM customers WHERE middle_name IS NULL;

    Effort:
        Simple per occurrence; test the code paths that read the column.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
        give no SCT action code for it.
    """

    code = "FDM001"
    name = "empty-string-is-null"
    category = "functional differences"
    severity = "medium"
    effort = "simple"
    sources = ("oracle",)
    kinds = VIEWS + CODE + ("package", "table")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if obj.kind in VIEWS and ctx.converted(obj):
            return  # the converter wrote '' as NULL where Oracle reads it so
        tree = ctx.tree(obj)
        if tree is not None:
            for lit in tree.find_all(exp.Literal):
                if lit.is_string and lit.this == "":
                    compared = isinstance(lit.parent, (exp.EQ, exp.NEQ))
                    yield self._hit(obj, ctx, node_line(obj, lit), compared, False)
            return
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.kind == "string" and w.text == "''":
                yield self._hit(obj, ctx, w.line, _compared(ws, i), is_word(ws, i - 1, "DEFAULT"))

    def _hit(self, obj, ctx, line, compared, default):
        if compared:
            msg = "comparison with '': always unknown in Oracle ('' is NULL: never matches, never fails a CHECK), " \
                  "a real comparison on the target; write IS [NOT] NULL"
        elif default:
            msg = (
                "DEFAULT '': no default in Oracle (NULL), an empty string on the target; write DEFAULT NULL or drop it"
            )
        else:
            msg = "'' is NULL in Oracle and an empty string on the target: use NULL where NULL is meant"
        return hit(self, obj, ctx, line, msg, source="''")


def _compared(ws, i) -> bool:
    """'' right after =, <>, != (not an assignment), or right before = / <>."""
    if is_punct(ws, i - 1, "="):  # not := and not UPDATE ... SET col = ''
        return not (is_punct(ws, i - 2, ":") or is_word(ws, i - 3, "SET")
                    or (is_punct(ws, i - 3, ".") and is_word(ws, i - 5, "SET")))
    if is_punct(ws, i - 1, ">"):
        return is_punct(ws, i - 2, "<")
    return is_punct(ws, i + 1, "=") or (is_punct(ws, i + 1, "<") and is_punct(ws, i + 2, ">"))
