"""The kit's data files are checked against a schema when loaded: a misspelled key is an error,
never silently ignored (a type-map row with `precison = [1, 4]` would otherwise match every NUMBER)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from migplan.convert.transforms.functions import FUNCTIONS_SCHEMA
from migplan.convert.types import TYPEMAP_SCHEMA
from migplan.datafile import DataFileError, check

DATA = Path(__file__).resolve().parents[1] / "migplan" / "data"


@pytest.mark.parametrize("path", sorted((DATA / "typemaps").glob("*.toml")), ids=lambda p: p.stem)
def test_type_maps_match_their_schema(path):
    check(tomllib.loads(path.read_text("utf-8")), TYPEMAP_SCHEMA, path.name, {})


@pytest.mark.parametrize("path", sorted((DATA / "functions").glob("*.toml")), ids=lambda p: p.stem)
def test_function_maps_match_their_schema(path):
    check(tomllib.loads(path.read_text("utf-8")), FUNCTIONS_SCHEMA, path.name, {})


def test_a_misspelled_key_is_an_error():
    row = {"source": "NUMBER", "target": "numeric", "why": "x", "precison": [1, 4]}
    with pytest.raises(DataFileError, match="precison"):
        check({"map": [row]}, TYPEMAP_SCHEMA, "t.toml", {})
    with pytest.raises(DataFileError, match="params"):
        check({"map": [{"source": "X", "target": "y", "why": "z", "params": "few"}]}, TYPEMAP_SCHEMA, "t.toml", {})
    with pytest.raises(DataFileError):
        check({"function": [{"source": "NVL", "target": "coalesce({0}, {1})"}]}, FUNCTIONS_SCHEMA, "f.toml", {})
