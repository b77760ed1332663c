"""The AWS facts the DMS artifacts follow, loaded from ``migplan/data/dms.toml`` and checked against
a schema when loaded: a misspelled or unknown key, a value of the wrong type or a page key that
[pages] does not define is an error, never silently ignored."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

SSL_MODES = ("none", "require", "verify-ca", "verify-full")  # SslMode values of CreateEndpoint

PAGE = "page"  # a key of [pages]
_ANY = "*"  # any key, each value of the given shape

_SCHEMA: dict = {
    "pages": {_ANY: str},
    "ssl": {"page": PAGE, "certificate_modes": [SSL_MODES],
            "engines": {_ANY: {"modes": [SSL_MODES], "default": SSL_MODES, "note": str}}},
    "endpoints": {"page": PAGE, "database_page": PAGE, "settings_page": PAGE,
                  "engines": {_ANY: {"database_name": ("required", "forbidden"), "database_label": str,
                                     "settings": str, "api_settings": str}}},
    "cloudformation": {"page": PAGE, "s3_page": PAGE, "inline_body_bytes": int, "s3_body_bytes": int,
                       "max_resources": int, "max_parameters": int, "max_outputs": int},
    "mappings": {"page": PAGE, "wildcard_page": PAGE, "transformation_page": PAGE, "wildcards": [str]},
    "lobs": {"page": PAGE, "settings_page": PAGE, "lob_max_kb_limit": int,
             "validation_partial_matches_lob_max": bool},
}


class FactsError(ValueError):
    """The data file does not match its schema."""


def check(data: object, schema: object, where: str, pages: dict) -> None:
    """Raise FactsError unless ``data`` has exactly the shape ``schema`` describes."""
    if isinstance(schema, dict):
        if not isinstance(data, dict):
            raise FactsError(f"{where}: expected a table, got {type(data).__name__}")
        if _ANY in schema:
            for key, value in data.items():
                check(value, schema[_ANY], f"{where}.{key}", pages)
            return
        unknown = sorted(set(data) - set(schema))
        missing = sorted(set(schema) - set(data))
        if unknown or missing:
            raise FactsError(f"{where}: unknown keys {unknown}, missing keys {missing}")
        for key, sub in schema.items():
            check(data[key], sub, f"{where}.{key}", pages)
    elif isinstance(schema, list):
        if not isinstance(data, list) or not data:
            raise FactsError(f"{where}: expected a non-empty list")
        for n, value in enumerate(data):
            check(value, schema[0], f"{where}[{n}]", pages)
    elif isinstance(schema, tuple):
        if data not in schema:
            raise FactsError(f"{where}: {data!r} is not one of {', '.join(schema)}")
    elif schema == PAGE:
        if data not in pages:
            raise FactsError(f"{where}: {data!r} is not a key of [pages]")
    elif schema is int:
        if not isinstance(data, int) or isinstance(data, bool):
            raise FactsError(f"{where}: expected an integer")
    elif not isinstance(data, schema):
        raise FactsError(f"{where}: expected {schema.__name__}, got {type(data).__name__}")


def validate(raw: dict, source: str = "dms.toml") -> dict:
    pages = raw.get("pages", {})
    check(raw, _SCHEMA, source, pages)
    for url in pages.values():
        if not url.startswith("https://docs.aws.amazon.com/"):
            raise FactsError(f"{source}: {url!r} is not a public AWS documentation page")
    for engine, row in raw["ssl"]["engines"].items():
        if row["default"] not in row["modes"]:
            raise FactsError(f"{source}: ssl.engines.{engine}: default {row['default']!r} is not a documented mode")
    return raw


@lru_cache(maxsize=1)
def data() -> dict:
    text = resources.files("migplan.data").joinpath("dms.toml").read_text("utf-8")
    return validate(tomllib.loads(text))


def url(page: str) -> str:
    return data()["pages"][page]


def ssl(engine_name: str) -> dict | None:
    """Documented SSL modes of a DMS endpoint engine (EngineName), or None when the page has none."""
    return data()["ssl"]["engines"].get(engine_name)


def endpoint(engine_name: str) -> dict | None:
    return data()["endpoints"]["engines"].get(engine_name)


def cloudformation() -> dict:
    return data()["cloudformation"]


def wildcards() -> list[str]:
    return data()["mappings"]["wildcards"]
