from collections.abc import Iterator

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table


class MariaDBJsonText(Rule[Table]):
    """A MariaDB JSON column (LONGTEXT with a json_valid check) becomes jsonb: the text is normalised.

    What it detects:
        Columns of a MariaDB source that are JSON — written by ``mariadb-dump`` as ``longtext ...
        CHECK (json_valid(col))`` — which migplan reads as JSON and writes as ``jsonb``.

    Why it matters:
        MariaDB's JSON is text: each document is stored exactly as written (key order, duplicate keys,
        spaces) and compared as a string. PostgreSQL jsonb stores the parsed value: keys are ordered,
        the last duplicate wins, spaces go, and equality compares values. Data loads (DMS moves the
        column as text) and queries through JSON functions keep working; code that compares or hashes
        the JSON text, or relies on duplicate keys, sees different results. ``json`` keeps the text
        exactly if that matters more than indexing.

    Example:
        preferences longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(preferences))

    Typical rewrite:
        Keep jsonb (indexable, what queries want) or choose json where the exact text matters.

        preferences jsonb

    Effort:
        None to simple: a decision per column.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (JSON moved as CLOB)
    """

    code = "MDB004"
    name = "mariadb-json-text"
    category = "data types"
    severity = "info"
    effort = "none"
    sources = ("mysql",)
    engines = ("mariadb",)
    targets = ("postgresql",)
    kinds = ("table",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterator[Finding]:
        for col in obj.columns:
            if col.attrs.get("json_text"):
                yield ctx.hit(self, obj, col.line, f"column {col.name} is MariaDB JSON ({col.attrs['json_text']} "
                              "with json_valid): jsonb on the target normalises the text (key order, duplicate "
                              "keys, spaces); json keeps it as written", sub=col.name)
