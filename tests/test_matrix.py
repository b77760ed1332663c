"""The compatibility matrix: every documented pair, the derived verdicts, the CLI and the README table.

Expected verdicts are written out here by hand from the two lists (not read from matrix.toml), so a
wrong data row fails a test instead of agreeing with itself.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from migplan import cli_matrix, engines, matrix
from migplan.errors import UnknownEngineError

HET, HOM, DATA, NONE = "heterogeneous", "homogeneous", "data-only", "unsupported"
README = Path(__file__).resolve().parents[1] / "README.md"

# The 2019 table (AWS Certified Developer study guide), "Amazon Aurora" resolved to both editions.
TABLE_2019 = [
    ("oracle", "aurora-mysql", HET), ("oracle", "aurora-postgresql", HET), ("oracle", "mysql", HET),
    ("oracle", "postgresql", HET), ("oracle", "oracle", HOM),
    ("oracle-dw", "redshift", HET),
    ("azure-sql", "aurora-mysql", HET), ("azure-sql", "aurora-postgresql", HET), ("azure-sql", "mysql", HET),
    ("azure-sql", "postgresql", HET),
    ("sqlserver", "aurora-mysql", HET), ("sqlserver", "aurora-postgresql", HET),
    ("sqlserver", "redshift", HET), ("sqlserver", "mysql", HET), ("sqlserver", "postgresql", HET),
    ("teradata", "redshift", HET),
    ("netezza", "redshift", HET),
    ("db2-luw", "aurora-mysql", HET), ("db2-luw", "aurora-postgresql", HET), ("db2-luw", "mysql", HET),
    ("db2-luw", "postgresql", HET),
    ("vertica", "redshift", HET),
    ("mysql", "postgresql", HET),
    ("mariadb", "postgresql", DATA),  # 2019 only: the newest list has no MariaDB source, and it wins
    ("postgresql", "aurora-mysql", HET), ("postgresql", "aurora-postgresql", HOM),
    ("postgresql", "mysql", HET),
    ("aurora-mysql", "postgresql", HET), ("aurora-postgresql", "postgresql", HOM),
    ("greenplum", "redshift", HET),
    ("cassandra", "dynamodb", HET),
]

# The newest SCT lists (aws_dms_sct.md §1.1: OLTP, data-warehouse, NoSQL tables, multiserver pairs).
NEWEST = [
    ("db2-zos", "aurora-mysql", HET), ("db2-zos", "aurora-postgresql", HET), ("db2-zos", "mysql", HET),
    ("db2-zos", "postgresql", HET),
    ("db2-luw", "aurora-mysql", HET), ("db2-luw", "aurora-postgresql", HET), ("db2-luw", "mariadb", HET),
    ("db2-luw", "mysql", HET), ("db2-luw", "postgresql", HET),
    ("azure-sql", "aurora-mysql", HET), ("azure-sql", "aurora-postgresql", HET), ("azure-sql", "mysql", HET),
    ("azure-sql", "postgresql", HET),
    ("sqlserver", "aurora-mysql", HET), ("sqlserver", "aurora-postgresql", HET),
    ("sqlserver", "babelfish", HET), ("sqlserver", "mariadb", HET), ("sqlserver", "sqlserver", HOM),
    ("sqlserver", "mysql", HET),
    ("sqlserver", "postgresql", HET), ("sqlserver", "redshift", HET),
    ("mysql", "aurora-postgresql", HET), ("mysql", "mysql", HOM), ("mysql", "postgresql", HET),
    ("oracle", "aurora-mysql", HET), ("oracle", "aurora-postgresql", HET), ("oracle", "mariadb", HET),
    ("oracle", "mysql", HET), ("oracle", "oracle", HOM), ("oracle", "postgresql", HET),
    ("oracle", "redshift", HET),
    ("postgresql", "aurora-mysql", HET), ("postgresql", "aurora-postgresql", HOM),
    ("postgresql", "mysql", HET), ("postgresql", "postgresql", HOM),
    ("sap-ase", "aurora-mysql", HET), ("sap-ase", "aurora-postgresql", HET), ("sap-ase", "mariadb", HET),
    ("sap-ase", "mysql", HET), ("sap-ase", "postgresql", HET),
    ("redshift", "redshift", HOM), ("azure-synapse", "redshift", HET), ("bigquery", "redshift", HET),
    ("greenplum", "redshift", HET), ("sqlserver-dw", "redshift", HET), ("netezza", "redshift", HET),
    ("oracle-dw", "redshift", HET), ("snowflake", "redshift", HET), ("teradata", "redshift", HET),
    ("vertica", "redshift", HET),
    ("cassandra", "dynamodb", HET),
]


def _id(case):
    return f"{case[0]}->{case[1]}"


@pytest.mark.parametrize("source,target,verdict", TABLE_2019, ids=map(_id, TABLE_2019))
def test_2019_table(source, target, verdict):
    c = matrix.check(source, target)
    assert c.verdict == verdict
    assert c.sct_2019 and c.documented
    assert any("2019" in s for s in c.sources)


@pytest.mark.parametrize("source,target,verdict", NEWEST, ids=map(_id, NEWEST))
def test_newest_list(source, target, verdict):
    c = matrix.check(source, target)
    assert c.verdict == verdict
    assert c.sct_current and c.sct in (True, "assessment-only")
    assert any("SchemaConversionTool" in s for s in c.sources)


def test_lists_are_complete():
    """The data has exactly the pairs of the two lists (plus the documented extras), flags set only there."""
    rows = {(c.source, c.target): c for c in matrix.pairs(documented_only=True)}
    assert {(s, t) for s, t, _ in TABLE_2019} == {k for k, c in rows.items() if c.sct_2019}
    assert {(s, t) for s, t, _ in NEWEST} == {k for k, c in rows.items() if c.sct_current}
    extras = set(rows) - {(s, t) for s, t, _ in TABLE_2019 + NEWEST}
    assert extras == {("mysql", "aurora-mysql"), ("aurora-mysql", "aurora-postgresql"),
                      ("aurora-postgresql", "aurora-mysql"), ("aurora-postgresql", "mysql"),
                      ("db2-zos", "db2-luw")}


@pytest.mark.parametrize("source,target", [
    ("mariadb", "postgresql"),  # MariaDB source: 2019 yes, newest no
    ("oracle", "mariadb"), ("sap-ase", "postgresql"), ("db2-zos", "postgresql"), ("snowflake", "redshift"),
])
def test_disagreements_are_noted(source, target):
    c = matrix.check(source, target)
    assert c.sct_2019 != c.sct_current
    assert any("2019" in n for n in c.notes)


def test_mariadb_source_follows_newest_list():
    c = matrix.check("mariadb", "postgresql")
    assert (c.verdict, c.sct, c.sct_2019, c.sct_current) == (DATA, False, True, False)
    assert any("disagree" in n for n in c.notes)
    assert any(a.startswith("Treat the source as mysql") for a in c.alternatives)
    assert any("mariadb → mysql (homogeneous), then mysql → postgresql" in a for a in c.alternatives)


# ------------------------------------------------------------------ special pairs


def test_issue_example():
    c = matrix.check("oracle", "aurora-postgresql")
    assert (c.verdict, c.sct, c.dms_source, c.dms_target) == (HET, True, True, True)
    assert (c.sqlglot_read, c.sqlglot_write, c.verify_engine) == ("oracle", "postgres", "postgresql")
    assert c.alternatives == [] and c.dms_sc and c.path == "sct-dms"


def test_mysql_to_aurora_mysql_is_native_without_sct():
    c = matrix.check("mysql", "aurora-mysql")
    assert (c.verdict, c.sct, c.path) == (HOM, False, "native")
    assert any("without SCT" in n for n in c.notes)


def test_babelfish_is_assessment_only():
    c = matrix.check("sqlserver", "babelfish")
    assert (c.verdict, c.sct, c.path, c.homogeneous) == (HET, "assessment-only", "sct-assessment-dms", False)
    assert c.dms


@pytest.mark.parametrize("source", ["teradata", "netezza", "vertica", "greenplum", "snowflake", "bigquery",
                                    "azure-synapse"])
def test_dw_sources_move_data_with_sct_agents(source):
    c = matrix.check(source, "redshift")
    assert (c.verdict, c.dms_source, c.path) == (HET, False, "sct-agents")


def test_cassandra_uses_sct_agent():
    c = matrix.check("cassandra", "dynamodb")
    assert (c.verdict, c.dms, c.path) == (HET, False, "sct-agents")
    assert any("data extraction agents" in s for s in c.sources)


def test_dms_schema_conversion_only_pair():
    c = matrix.check("db2-zos", "db2-luw")
    assert (c.verdict, c.sct, c.dms_sc, c.path) == (HET, False, True, "dms-sc-dms")


def test_redshift_to_redshift_is_optimization():
    c = matrix.check("redshift", "redshift")
    assert (c.verdict, c.path) == (HOM, "sct-optimize")


@pytest.mark.parametrize("source,target", [
    ("mysql", "aurora-mysql"), ("mariadb", "aurora-mysql"), ("mysql", "mariadb"), ("azure-sql", "sqlserver"),
    ("oracle-dw", "oracle"), ("aurora-postgresql", "aurora-postgresql"), ("db2-luw", "db2-luw"),
    ("sap-ase", "sap-ase"), ("mongodb", "documentdb"),
])
def test_same_family_is_homogeneous(source, target):
    c = matrix.check(source, target)
    assert (c.verdict, c.homogeneous, c.path) == (HOM, True, "native")
    assert any("homogeneous data migrations" in s for s in c.sources)


def test_babelfish_is_not_homogeneous_with_postgresql():
    # same family (PostgreSQL underneath) but T-SQL on the wire
    assert matrix.check("postgresql", "babelfish").verdict == DATA


@pytest.mark.parametrize("source,target", [
    ("oracle", "sqlserver"), ("oracle", "dynamodb"), ("sqlserver", "oracle"), ("postgresql", "oracle"),
    ("oracle-dw", "postgresql"), ("azure-sql", "babelfish"), ("mongodb", "postgresql"),
])
def test_data_only(source, target):
    c = matrix.check(source, target)
    assert (c.verdict, c.sct, c.dms, c.path) == (DATA, False, True, "data-only")
    assert any("on you" in n for n in c.notes)


def test_data_only_alternatives():
    assert any(a.startswith("Microsoft SSMA") for a in matrix.check("oracle", "sqlserver").alternatives)
    assert any("Treat the source as oracle: oracle → postgresql is heterogeneous" in a
               for a in matrix.check("oracle-dw", "postgresql").alternatives)
    assert any("SCT converts oracle to" in a for a in matrix.check("oracle", "dynamodb").alternatives)


@pytest.mark.parametrize("source,target,reason", [
    ("teradata", "aurora-postgresql", "DMS cannot read teradata"),
    ("cassandra", "aurora-postgresql", "DMS cannot read cassandra"),
    ("redshift", "postgresql", "DMS cannot read redshift"),
    ("snowflake", "postgresql", "DMS cannot read snowflake"),
    ("oracle", "azure-sql", "DMS cannot write azure-sql"),
    ("dynamodb", "postgresql", "DMS cannot read dynamodb"),
])
def test_unsupported_has_reason_and_alternatives(source, target, reason):
    c = matrix.check(source, target)
    assert (c.verdict, c.path) == (NONE, "none")
    assert any(reason in n for n in c.notes)
    if source != "dynamodb":  # nothing reads DynamoDB: no alternative exists
        assert c.alternatives


def test_unsupported_alternatives():
    c = matrix.check("teradata", "aurora-postgresql")
    assert c.alternatives == ["A different target: SCT converts teradata to redshift."]
    assert any("data extraction agents" in n for n in c.notes)
    assert any("SSMA" in a for a in matrix.check("oracle", "azure-sql").alternatives)
    alternatives = matrix.check("cassandra", "postgresql").alternatives
    assert "A different target: SCT converts cassandra to dynamodb." in alternatives


# ------------------------------------------------------------------ names


@pytest.mark.parametrize("alias,name", [
    ("mssql", "sqlserver"), ("tsql", "sqlserver"), ("pg", "postgresql"), ("postgres", "postgresql"),
    ("apg", "aurora-postgresql"), ("sybase", "sap-ase"), ("ORA", "oracle"), ("Aurora_MySQL", "aurora-mysql"),
    ("td", "teradata"), ("db2", "db2-luw"), ("mssql-dw", "sqlserver-dw"), ("Oracle DW", "oracle-dw"),
])
def test_aliases_resolve(alias, name):
    assert matrix.check(alias, "redshift").source == name
    assert matrix.check("oracle", alias).target == name


def test_alias_gives_same_answer_as_name():
    assert matrix.check("mssql", "apg") == matrix.check("sqlserver", "aurora-postgresql")


@pytest.mark.parametrize("name,suggested", [
    ("oracel", "oracle"), ("aurora", "aurora-postgresql"), ("aurora", "aurora-mysql"),
    ("postgre", "postgresql"), ("teradta", "teradata"),
])
def test_unknown_engine_lists_close_matches(name, suggested):
    with pytest.raises(UnknownEngineError) as err:
        matrix.check(name, "redshift")
    assert suggested in err.value.suggestions
    assert suggested in str(err.value)
    with pytest.raises(UnknownEngineError):
        matrix.check("oracle", name)


def test_unknown_engine_without_match():
    with pytest.raises(UnknownEngineError) as err:
        matrix.check("zzzz", "oracle")
    assert err.value.suggestions == []


# ------------------------------------------------------------------ data file


def test_data_file_rows_are_valid():
    raw = tomllib.loads(resources.files("migplan.data").joinpath("matrix.toml").read_text("utf-8"))
    for row in raw["pair"]:
        assert engines.get(row["source"]).name == row["source"]
        assert engines.get(row["target"]).name == row["target"]
        assert row["kind"] in ("oltp", "dw", "nosql")
        assert row["sources"], row
        assert set(row["sources"]) <= set(raw["documents"])
        assert "homogeneous" not in row or row.get("notes"), "an override needs its reason in notes"
    for source, (engine, why) in raw["source_as"].items():
        assert engines.get(source).name == source and engines.get(engine).name == engine and why


def test_every_pair_resolves_and_sources_are_cited():
    for c in matrix.pairs():
        assert c.verdict in matrix.VERDICTS and c.recommended_path and c.sources
        assert any("CHAP_Introduction.Sources" in s for s in c.sources)  # DMS flags: the sources and targets page


def test_frame_and_pivot():
    df = matrix.frame()
    assert list(df.columns) == matrix.COLUMNS
    assert len(df) == len(matrix.sources()) * len(matrix.targets())
    assert list(df["verdict"].cat.categories) == list(matrix.VERDICTS)
    pv = matrix.pivot()
    assert list(pv.index) == matrix.sources() and list(pv.columns) == matrix.targets()
    assert pv.loc["oracle", "aurora-postgresql"] == HET
    assert pv.loc["teradata", "aurora-postgresql"] == NONE
    assert set(pv.to_numpy().ravel()) == set(matrix.VERDICTS)


def test_styled_is_deterministic():
    a, b = matrix.styled(), matrix.styled()
    assert a.to_html() == b.to_html()
    assert repr(a) == matrix.pivot().to_string()  # no memory address in notebook text output
    assert matrix.COLOURS[HET] in a.to_html()


def test_compatibility_displays():
    c = matrix.check("teradata", "aurora-postgresql")
    text = str(c)
    assert text.startswith("teradata → aurora-postgresql: unsupported")
    assert "Alternatives:" in text and "Sources:" in text
    html = c._repr_html_()
    assert "unsupported" in html and "<li>" in html and html == matrix.check("td", "apg")._repr_html_()


# ------------------------------------------------------------------ CLI


def _run(capsys, *argv):
    parser = argparse.ArgumentParser(prog="migplan")
    cli_matrix.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["matrix", *argv])
    code = cli_matrix.run(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_whole_table(capsys):
    code, out, _ = _run(capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["source", "target", "verdict"]
    assert any(line.split()[:3] == ["teradata", "redshift", HET] for line in lines)
    assert f"{len(matrix.pairs(documented_only=True))} pairs:" in out
    assert out == _run(capsys)[1]


def test_cli_source_filter(capsys):
    code, out, _ = _run(capsys, "--source", "td")
    assert code == 0
    body = [line.split() for line in out.splitlines()[2:-1]]
    assert {row[0] for row in body} == {"teradata"}
    assert len(body) == len(matrix.targets())
    assert body[matrix.targets().index("redshift")][:3] == ["teradata", "redshift", HET]


def test_cli_one_pair_explains(capsys):
    code, out, _ = _run(capsys, "-s", "oracle", "-t", "dynamodb")
    assert code == 0
    assert out.startswith("oracle → dynamodb: data-only")
    assert "Alternatives:" in out


def test_cli_json_is_valid_and_deterministic(capsys):
    first = _run(capsys, "--format", "json")[1]
    assert first == _run(capsys, "--format", "json")[1]
    data = json.loads(first)
    assert len(data) == len(matrix.pairs(documented_only=True))
    assert first == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    one = json.loads(_run(capsys, "-s", "mssql", "-t", "apg", "--format", "json")[1])
    assert (one["source"], one["target"], one["verdict"]) == ("sqlserver", "aurora-postgresql", HET)


def test_cli_json_all(capsys):
    data = json.loads(_run(capsys, "--all", "--format", "json")[1])
    assert len(data) == len(matrix.sources()) * len(matrix.targets())


def test_cli_csv(capsys):
    out = _run(capsys, "-t", "redshift", "--format", "csv")[1]
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == matrix.COLUMNS
    assert {r["target"] for r in rows} == {"redshift"}
    assert len(rows) == len(matrix.sources())


def test_cli_markdown_is_readme_table(capsys):
    assert _run(capsys, "--format", "markdown")[1] == matrix.markdown_table()


def test_cli_unknown_engine(capsys):
    code, out, err = _run(capsys, "-s", "oracel")
    assert code == 2 and out == ""
    assert "oracle" in err and "unknown engine" in err


# ------------------------------------------------------------------ README


def test_markdown_table_shape():
    lines = matrix.markdown_table().splitlines()
    assert lines[0].startswith("| Source | Target | Verdict |")
    assert len(lines) == 2 + len(matrix.pairs(documented_only=True))
    assert "| `oracle` | `aurora-postgresql` | heterogeneous |" in matrix.markdown_table()


def test_readme_pairs_table_matches_data():
    if not README.exists():
        pytest.skip("README.md does not exist yet; once it does, it must carry the generated pairs table")
    text = README.read_text("utf-8")
    start, end = "<!-- pairs:start -->", "<!-- pairs:end -->"
    assert start in text and end in text, (
        f"README.md must hold the supported-pairs table between {start} and {end}; "
        "add the markers and run `python scripts/update_readme_pairs.py`")
    block = text.split(start, 1)[1].split(end, 1)[0]
    assert block.strip() == matrix.markdown_table().strip(), (
        "README.md's supported-pairs table is out of date: run `python scripts/update_readme_pairs.py`")
