from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class LastInsertIdAndUserVariables(Rule):
    """LAST_INSERT_ID() and @user variables: session state with no PostgreSQL counterpart.

    What it detects:
        Each ``LAST_INSERT_ID()`` call in MySQL procedures, functions, triggers and events (the view
        converter reports it in views), and each ``@variable`` (user-defined session variable; reported
        once per variable and object, at its first use) there and in views. System variables
        (``@@name``) and ``'user'@'host'`` account names are not concerned.

    Why it matters:
        ``LAST_INSERT_ID()`` returns the connection's last AUTO_INCREMENT value; on PostgreSQL the
        generated key comes back with ``INSERT ... RETURNING`` (or ``currval()``/``lastval()`` of the
        column's sequence), and the ``LAST_INSERT_ID(expr)`` counter idiom becomes a sequence. User
        variables live for the whole session and are untyped: inside a routine they become local
        variables; values shared between calls or with triggers need ``set_config()`` /
        ``current_setting()`` or a temporary table.

    Example:
        INSERT INTO orders (customer_id) VALUES (p_customer);
        SET @order_id = LAST_INSERT_ID();
        INSERT INTO order_lines (order_id, sku) VALUES (@order_id, p_sku);

    Typical rewrite:
        RETURNING ... INTO a local variable; session state through set_config('app.name', value, false)
        and current_setting('app.name', true).

        INSERT INTO orders (customer_id) VALUES (p_customer) RETURNING id INTO v_order_id;
        INSERT INTO order_lines (order_id, sku) VALUES (v_order_id, p_sku);

    Effort:
        Simple per use; more when variables carry state between routines or triggers.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (MySQL to PostgreSQL: no SCT action codes published).
    """

    code = "MYS003"
    name = "last-insert-id-and-user-variables"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("mysql",)
    targets = ("postgresql",)
    kinds = ("view", "procedure", "function", "trigger", "event")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        seen = set()
        for i, w in enumerate(ws[:-1]):
            if w.kind == "word" and w.up == "LAST_INSERT_ID" and ws[i + 1].up == "(" and obj.kind != "view":
                counter = i + 2 < len(ws) and ws[i + 2].up != ")"
                msg = "LAST_INSERT_ID(expr) counter: use a sequence" if counter \
                    else "LAST_INSERT_ID(): return the key with INSERT ... RETURNING"
                yield ctx.hit(self, obj, w.line, msg, source="LAST_INSERT_ID()")
                continue
            if w.up != "@" or w.kind != "punct" or ws[i + 1].kind not in ("word", "qident", "string"):
                continue
            if i > 0 and (ws[i - 1].up == "@" or ws[i - 1].kind in ("qident", "string")):  # @@sys, 'u'@'host'
                continue
            if i > 0 and ws[i - 1].kind == "word" and ws[i - 1].up not in _BEFORE_VALUE:  # user@host
                continue
            name, k = "@" + ws[i + 1].text, i + 2
            while k + 1 < len(ws) and ws[k].up == "." and ws[k + 1].kind == "word":  # @sys.debug
                name, k = name + "." + ws[k + 1].text, k + 2
            if name.upper() in seen:
                continue
            seen.add(name.upper())
            yield ctx.hit(self, obj, w.line, f"user variable {name}: a local variable, or set_config()/"
                          "current_setting() for session state", source=name)


# words after which '@name' is a value (a user variable), not the host part of an account
_BEFORE_VALUE = {"SET", "SELECT", "INTO", "WHERE", "AND", "OR", "NOT", "THEN", "ELSE", "WHEN", "RETURN",
                 "VALUES", "ON", "IN", "BY", "IS", "LIKE", "CASE", "IF", "ELSEIF", "WHILE", "UNTIL", "DO",
                 "LIMIT", "BETWEEN", "HAVING", "DIV", "MOD", "XOR", "DISTINCT"}
