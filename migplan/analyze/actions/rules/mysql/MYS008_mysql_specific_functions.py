from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.convert.transforms.functions import function_rules
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

# MySQL function -> PostgreSQL rewrite (functions with no PostgreSQL function of the same meaning)
FUNCTIONS = {
    "FOUND_ROWS": "count(*) OVER () in the query itself",
    "ROW_COUNT": "GET DIAGNOSTICS v = ROW_COUNT",
    "GET_LOCK": "pg_advisory_lock(hashtext(name)) / pg_try_advisory_lock",
    "RELEASE_LOCK": "pg_advisory_unlock(hashtext(name))",
    "IS_FREE_LOCK": "a query on pg_locks",
    "IS_USED_LOCK": "a query on pg_locks",
    "INET_ATON": "the inet type: ip::inet - '0.0.0.0'::inet",
    "INET_NTOA": "the inet type: '0.0.0.0'::inet + n",
    "INET6_ATON": "the inet type",
    "INET6_NTOA": "the inet type",
    "FIND_IN_SET": "array_position(string_to_array(list, ','), value)",
    "SUBSTRING_INDEX": "split_part() for a positive count; a regexp for others",
    "FIELD": "array_position(ARRAY[...], value)",
    "ELT": "(ARRAY[...])[n]",
    "MAKE_SET": "no equivalent: build the list with string_agg",
    "EXPORT_SET": "no equivalent",
    "GROUP_CONCAT": "string_agg(expr, sep ORDER BY ...) (no group_concat_max_len truncation)",
    "DATE_FORMAT": "to_char() with PostgreSQL format codes",
    "STR_TO_DATE": "to_date()/to_timestamp() with PostgreSQL format codes",
    "TIMESTAMPDIFF": "EXTRACT(EPOCH FROM b - a) or age() for the unit",
    "PERIOD_ADD": "date arithmetic on a real date",
    "PERIOD_DIFF": "date arithmetic on real dates",
    "SEC_TO_TIME": "make_interval(secs => n)",
    "TIME_TO_SEC": "EXTRACT(EPOCH FROM t)",
    "YEARWEEK": "to_char(d, 'IYYYIW') (week numbering differs by mode)",
    "MAKEDATE": "make_date(y, 1, 1) + (n - 1)",
    "DAYNAME": "to_char(d, 'FMDay')",
    "CONV": "no general equivalent (to_hex for base 16)",
    "CRC32": "no built-in equivalent",
    "AES_ENCRYPT": "pgcrypto encrypt()/pgp_sym_encrypt() (different output)",
    "AES_DECRYPT": "pgcrypto decrypt()/pgp_sym_decrypt()",
    "COMPRESS": "no equivalent (TOAST compresses automatically)",
    "UNCOMPRESS": "no equivalent",
    "UUID_SHORT": "a sequence",
    "SLEEP": "pg_sleep()",
    "BENCHMARK": "no equivalent",
    "CONNECTION_ID": "pg_backend_pid()",
    "STRCMP": "a CASE on a < b / a > b",
    "FORMAT": "to_char() with a numeric format",
    "JSON_EXTRACT": "jsonb operators -> / #> with a PostgreSQL path",
    "JSON_UNQUOTE": "the ->> / #>> operators",
    "MATCH": "full-text search with to_tsvector(...) @@ to_tsquery(...)",
}
# converted in views by sqlglot or migplan's function map (see migplan/data/functions/mysql-postgresql.toml)
# and migplan/convert/transforms/mysql.py
_CONVERTED_IN_VIEWS = {"GROUP_CONCAT", "DATE_FORMAT", "STR_TO_DATE", "JSON_EXTRACT", "TIMESTAMPDIFF", "SUBSTRING_INDEX"}


class MysqlSpecificFunctions(Rule):
    """MySQL functions PostgreSQL does not have (FIND_IN_SET, SUBSTRING_INDEX, GET_LOCK, INET_ATON ...).

    What it detects:
        Each call of a MySQL built-in function with no PostgreSQL function of the same meaning, from a
        short list kept in this module (FOUND_ROWS, GET_LOCK, INET_ATON, FIND_IN_SET, SUBSTRING_INDEX,
        FIELD, TIMESTAMPDIFF, DATE_FORMAT, MATCH ... AGAINST ...), in MySQL procedures, functions,
        triggers and events, and in views when migplan's view conversion does not translate it.

    Why it matters:
        The call fails on PostgreSQL (``function does not exist``), or a same-named function behaves
        differently. Routines are not converted by migplan, so every use in code must be rewritten;
        format strings (DATE_FORMAT/STR_TO_DATE) and lock names (GET_LOCK) need more than a rename.

    Example:
        SELECT SUBSTRING_INDEX(email, '@', -1) AS domain, INET_ATON(last_ip) AS ip_num FROM users;

    Typical rewrite:
        Use the PostgreSQL expression named in the item, or a small compatibility function in the
        target schema when the function is used in many places.

        SELECT split_part(email, '@', 2) AS domain, last_ip::inet - '0.0.0.0'::inet AS ip_num FROM users;

    Effort:
        Simple per call.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (MySQL to PostgreSQL dialect gaps; no SCT action codes published).
    """

    code = "MYS008"
    name = "mysql-specific-functions"
    category = "views and SQL"
    severity = "medium"
    effort = "simple"
    sources = ("mysql",)
    targets = ("postgresql",)
    kinds = ("view", "procedure", "function", "trigger", "event")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        skip = set()
        if obj.kind == "view":
            skip = _CONVERTED_IN_VIEWS | set(function_rules("mysql", "postgresql"))
        ws = ctx.words(obj)
        for i, w in enumerate(ws[:-1]):
            if w.kind != "word" or w.up not in FUNCTIONS or w.up in skip or ws[i + 1].up != "(":
                continue
            if i > 0 and ws[i - 1].up == ".":
                continue
            yield ctx.hit(self, obj, w.line, f"{w.up}(): not in PostgreSQL; use {FUNCTIONS[w.up]}",
                          source=f"{w.text}(")
