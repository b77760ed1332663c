from collections.abc import Iterable

from sqlglot import exp

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, VIEWS, call_args, hit, is_punct, is_word, node_line
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_NAMES = {"LISTAGG", "WM_CONCAT", "STRING_AGG", "GROUP_CONCAT"}


class ListaggGroupConcatStringAgg(Rule):
    """String aggregation (LISTAGG, WM_CONCAT, STRING_AGG, GROUP_CONCAT): separator, order and length differ.

    What it detects:
        Aggregate string concatenation in views, materialized views and code: Oracle ``LISTAGG`` and
        ``WM_CONCAT``, SQL Server ``STRING_AGG``, MySQL ``GROUP_CONCAT``. In views going to PostgreSQL,
        only what sqlglot does not carry is reported (a missing LISTAGG delimiter, ON OVERFLOW,
        WM_CONCAT, GROUP_CONCAT's defaults); code is always reported, since migplan does not convert it.

    Why it matters:
        The functions agree on the idea, not the details. Defaults: LISTAGG without a delimiter
        joins values with nothing between them (sqlglot writes ',' for it), GROUP_CONCAT uses ','.
        Ordering: WITHIN GROUP (ORDER BY) becomes an ORDER BY inside string_agg / GROUP_CONCAT.
        Length: Oracle raises an error beyond the VARCHAR2 limit unless ON OVERFLOW TRUNCATE is
        given, MySQL silently truncates at group_concat_max_len (1024 bytes by default), PostgreSQL
        has no limit. WM_CONCAT is undocumented and gone from Oracle 12c.

    Example:
        SELECT customer_id, LISTAGG(product_name, ', ') WITHIN GROUP (ORDER BY product_name)
        FROM order_lines GROUP BY customer_id;

    Typical rewrite:
        PostgreSQL string_agg(x, sep ORDER BY ...); MySQL GROUP_CONCAT(x ORDER BY ... SEPARATOR sep)
        with group_concat_max_len raised for the session or server; pass the delimiter explicitly.

        SELECT customer_id, string_agg(product_name, ', ' ORDER BY product_name)
        FROM order_lines GROUP BY customer_id;

    Effort:
        Simple per call.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (GROUP_CONCAT becomes string_agg for MySQL to PostgreSQL).
    """

    code = "SQL017"
    name = "listagg-group-concat-string-agg"
    category = "views and SQL"
    severity = "low"
    effort = "simple"
    kinds = VIEWS + CODE

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if ctx.source_family == ctx.target_family:
            return
        tree = ctx.tree(obj)
        if tree is not None:
            for node in tree.find_all(exp.GroupConcat, exp.Anonymous):
                if isinstance(node, exp.Anonymous):
                    if str(node.this).upper() == "WM_CONCAT":
                        yield self._hit(obj, ctx, node_line(obj, node), "WM_CONCAT", False, False)
                    continue
                name = {"oracle": "LISTAGG", "sqlserver": "STRING_AGG"}.get(ctx.source_family, "GROUP_CONCAT")
                no_sep = ctx.source_family == "oracle" and node.args.get("separator") is None
                # sqlglot writes the plain cases correctly: in a view, report only what it cannot carry
                f = self._hit(obj, ctx, node_line(obj, node), name, no_sep, bool(node.args.get("on_overflow")),
                              quiet=True)
                if f is not None:
                    yield f
            return
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if is_word(ws, i) and w.up in _NAMES and is_punct(ws, i + 1, "("):
                args = call_args(ws, i + 1)
                no_sep = w.up == "LISTAGG" and len(args) == 1
                overflow = any(is_word(ws, j, "OVERFLOW") for j in range(i, min(i + 60, len(ws))))
                yield self._hit(obj, ctx, w.line, w.up, no_sep, w.up == "LISTAGG" and overflow)

    def _hit(self, obj, ctx, line, name, no_sep, overflow, quiet=False):
        mysql = ctx.target_family == "mysql"
        notes = []
        if name == "WM_CONCAT":
            notes.append("undocumented Oracle function, joins with ','")
        if no_sep:
            notes.append("no delimiter means no separator in Oracle; pass '' explicitly (sqlglot writes ',')")
        if overflow:
            notes.append("ON OVERFLOW has no counterpart")
        if mysql:
            notes.append("GROUP_CONCAT truncates at group_concat_max_len (1024 bytes by default)")
            fix = "GROUP_CONCAT(x ORDER BY ... SEPARATOR sep)"
        else:
            if ctx.source_family == "mysql":
                notes.append("GROUP_CONCAT's ',' default and truncation do not exist in string_agg")
            fix = "string_agg(x, sep ORDER BY ...)"
        if quiet and not notes:
            return None
        msg = f"{name}: use {fix}; " + "; ".join(notes) if notes else \
            f"{name}: use {fix} (check separator and ordering)"
        return hit(self, obj, ctx, line, msg, source=name, severity="medium" if mysql else None)
