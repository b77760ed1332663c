"""The AWS facts the DMS artifacts follow, loaded from ``migplan/data/dms.toml`` and checked against
a schema when loaded: a misspelled or unknown key, a value of the wrong type or a page key that
[pages] does not define is an error, never silently ignored."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from migplan.datafile import ANY as _ANY
from migplan.datafile import PAGE, DataFileError, check

SSL_MODES = ("none", "require", "verify-ca", "verify-full")  # SslMode values of CreateEndpoint

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


FactsError = DataFileError  # the data file does not match its schema


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
