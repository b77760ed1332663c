"""`migplan inventory`: formats, JSON schema, determinism, clear errors."""

import json
from importlib import resources

import jsonschema
import pytest

from migplan.cli import main

SCRIPT = """
CREATE TABLE shop.items (id NUMBER(9) PRIMARY KEY, name VARCHAR2(40) NOT NULL);
COMMENT ON TABLE shop.items IS 'things; we sell';
CREATE INDEX shop.items_name ON shop.items (name);
PROMPT done
"""


@pytest.fixture
def script(tmp_path):
    d = tmp_path / "src"
    d.mkdir()
    (d / "a.sql").write_text(SCRIPT)
    (d / "notes.txt").write_text("not sql")
    return d


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_matches_schema_and_is_deterministic(script, capsys):
    code, out1, _ = run(capsys, "inventory", str(script), "--source", "oracle", "--format", "json")
    assert code == 0
    _, out2, _ = run(capsys, "inventory", str(script), "--source", "oracle", "--format", "json")
    assert out1 == out2
    data = json.loads(out1)
    schema = json.loads(resources.files("migplan.data").joinpath("inventory.schema.json").read_text())
    jsonschema.validate(data, schema)
    objs = {(o["kind"], o["qualified_name"]): o for o in data["objects"]}
    table = objs[("table", "SHOP.ITEMS")]
    assert (table["file"], table["line"], table["parse_status"]) == ("a.sql", 2, "parsed")
    assert table["comment"] == "things; we sell"
    assert [s["disposition"] for s in data["statements"]] == ["object", "part", "object", "client"]


def test_table_and_csv(script, capsys):
    code, out, _ = run(capsys, "inventory", str(script), "-s", "ora")
    assert code == 0 and "SHOP.ITEMS" in out and "a.sql:2" in out
    code, out, _ = run(capsys, "inventory", str(script), "-s", "oracle", "--format", "csv")
    assert out.splitlines()[0] == "kind,schema,name,qualified_name,file,line,parse_status,detail,parts,message"


def test_unknown_engine_is_a_clear_error(script, capsys):
    code, _out, err = run(capsys, "inventory", str(script), "-s", "orcale")
    assert code == 2 and "unknown engine 'orcale'" in err and "oracle" in err


def test_missing_path_is_a_clear_error(tmp_path, capsys):
    code, _out, err = run(capsys, "inventory", str(tmp_path / "nope"), "-s", "oracle")
    assert code == 2 and "no such file or folder" in err
