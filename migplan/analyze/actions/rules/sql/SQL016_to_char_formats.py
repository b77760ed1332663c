import re
from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, VIEWS, call_args, hit, is_punct, is_word
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_FUNCS = {"TO_CHAR", "TO_DATE", "TO_NUMBER", "TO_TIMESTAMP", "TO_TIMESTAMP_TZ"}
# format elements Oracle has and PostgreSQL's template patterns do not (or read otherwise)
_PG_DIFF = [(re.compile(r"RR"), "RR (PostgreSQL: YY, which picks the year nearest 2020)"),
            (re.compile(r"FF(?![1-6])"), "FF without a digit (PostgreSQL: FF1-FF6, MS, US)"),
            (re.compile(r"SSX|^X|\dX|X\d"), "X (radix or hex; not in PostgreSQL)"),
            (re.compile(r"TZR|TZD"), "TZR/TZD (PostgreSQL: TZ, OF, TZH:TZM)"),
            (re.compile(r"^TM"), "TM (text-minimum number format; not in PostgreSQL)")]
_TIME = re.compile(r"HH|MI|SS|AM|PM")
_MYSQL = {"TO_CHAR": "DATE_FORMAT with %-codes (FORMAT() for numbers)", "TO_DATE": "STR_TO_DATE with %-codes",
          "TO_TIMESTAMP": "STR_TO_DATE with %-codes", "TO_TIMESTAMP_TZ": "STR_TO_DATE plus CONVERT_TZ",
          "TO_NUMBER": "CAST after removing group separators"}


class ToCharFormats(Rule):
    """TO_CHAR / TO_DATE / TO_NUMBER with a format model the target reads differently.

    What it detects:
        Calls to TO_CHAR, TO_DATE, TO_NUMBER, TO_TIMESTAMP and TO_TIMESTAMP_TZ with a format argument,
        in views, materialized views and code. On PostgreSQL only the formats that read differently
        are reported: elements PostgreSQL lacks (RR, bare FF, X, TZR/TZD, TM), an NLS parameter, and
        TO_DATE with a time part (PostgreSQL's to_date returns a date and drops the time). On MySQL
        every call with a format is reported: MySQL has none of these functions. The format is read
        from the source text, because sqlglot rewrites it while parsing.

    Why it matters:
        PostgreSQL shares most Oracle format models, so most calls work unchanged; the exceptions fail
        or return other values without an error. MySQL uses DATE_FORMAT / STR_TO_DATE with %-codes;
        sqlglot translates some formats and drops others (TO_CHAR's format is lost), so each call must
        be checked.

    Example:
        SELECT TO_CHAR(order_date, 'DD.MM.RR HH24:MI'), TO_DATE(:p, 'YYYY-MM-DD HH24:MI:SS') FROM orders;

    Typical rewrite:
        PostgreSQL: replace the elements named in the item (RR -> YY, FF -> FF3/MS/US...), use
        to_timestamp where TO_DATE carried a time; MySQL: DATE_FORMAT / STR_TO_DATE with the matching
        %-codes.

        SELECT DATE_FORMAT(order_date, '%d.%m.%y %H:%i') FROM orders;

    Effort:
        Simple per call.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT option: TO_CHAR/TO_DATE/TO_NUMBER without Oracle-specific format
        strings use the native functions; other formats go through the extension pack).
    """

    code = "SQL016"
    name = "to-char-formats"
    category = "views and SQL"
    severity = "low"
    effort = "simple"
    sources = ("oracle",)
    kinds = VIEWS + CODE

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        mysql = ctx.target_family == "mysql"
        if mysql and obj.kind in VIEWS and ctx.converted(obj):
            return  # the converter wrote DATE_FORMAT/FORMAT with the same picture
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if not (is_word(ws, i) and w.up in _FUNCS and is_punct(ws, i + 1, "(")):
                continue
            args = call_args(ws, i + 1)
            if len(args) < 2:
                continue
            fmt_tok = args[1][0] if len(args[1]) == 1 else None
            fmt = fmt_tok.text if fmt_tok is not None and fmt_tok.kind == "string" else "<expression>"
            call = f"{w.up}(..., {fmt})"
            if mysql:
                yield hit(self, obj, ctx, w.line, f"{call}: MySQL has no {w.up}; use {_MYSQL[w.up]}", source=call,
                          severity="medium")
                continue
            issues = []
            if fmt_tok is not None and fmt_tok.kind == "string":
                model = re.sub(r'"[^"]*"', "", fmt_tok.text.strip("'").upper())
                issues = [why for pattern, why in _PG_DIFF if pattern.search(model)]
                if w.up == "TO_DATE" and _TIME.search(model) and not (obj.kind in VIEWS and ctx.converted(obj)):
                    # a converted view has to_timestamp already
                    issues.append("a time part in TO_DATE (PostgreSQL's to_date drops it: use to_timestamp)")
            if len(args) > 2 and not (obj.kind in VIEWS and ctx.converted(obj)):
                # a converted view's NLS parameter asked for what the target does anyway
                issues.append("an NLS parameter (PostgreSQL has none: TM prefix and lc_time)")
            if issues:
                yield hit(self, obj, ctx, w.line, f"{call} reads differently on PostgreSQL: " + "; ".join(issues),
                          source=call)
