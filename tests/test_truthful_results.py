"""Issue 10, second half: verification that tells the truth, integer keys where the scripts prove
them, one rollup per code, and a public surface that says the same thing everywhere."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import migplan
from migplan.analyze.items import ActionItem, ActionItems
from migplan.cli import main as cli_main
from migplan.convert import ConvertOptions
from migplan.errors import MigplanError
from migplan.verify.catalog import canonical_mysql, canonical_pg

SAMPLES = Path(__file__).resolve().parents[1] / "sample_schemas"


# -- catalogs compared in each engine's own spelling ----------------------------------------------------
def test_catalog_spellings_are_normalised():
    assert canonical_pg("public.citext") == canonical_pg("citext") == "citext"
    assert canonical_pg("pg_catalog.int4") == canonical_pg("int4")
    assert canonical_pg("app.money_type") == "app.money_type"  # another schema stays: it is another type
    assert canonical_mysql("year(4)") == canonical_mysql("year") == "year"


@pytest.mark.engine
@pytest.mark.parametrize("folder,source,target", [
    ("postgresql/clinic", "postgresql", "aurora-postgresql"),
    ("mysql/bookstore", "mysql", "aurora-mysql"),
])
def test_homogeneous_samples_verify_with_no_false_failure(folder, source, target, request):
    dsn = request.getfixturevalue("pg_dsn" if "postgresql" in target else "mariadb_dsn")
    a = migplan.assess(SAMPLES / folder, source, target, progress=False)
    v = a.verify(dsn=dsn)
    s = v.summary()
    assert s["rejected"] == 0 and s["accepted"] == s["statements"], v.frame().query("not ok").to_string()
    assert s["unpredicted_failures"] == 0
    bad = [i for i in a.action_items.items if i.code in ("VER002", "VER003", "VER004")]
    assert not bad, [(i.code, i.object, i.message) for i in bad]


# tier() has a construct migplan does not convert (a user-defined exception): it is not written, so
# the view that calls it fails on the target, as a consequence of tier's own item
CALLS_CODE = """
CREATE TABLE customers (id NUMBER(10) PRIMARY KEY, name VARCHAR2(50));
CREATE OR REPLACE FUNCTION tier(p_id NUMBER) RETURN VARCHAR2 IS
  e_none EXCEPTION;
BEGIN
  IF p_id IS NULL THEN RAISE e_none; END IF;
  RETURN 'GOLD';
END;
/
CREATE VIEW v_tiers AS SELECT id, tier(id) AS tier FROM customers;
"""


@pytest.mark.engine
def test_a_failure_caused_by_an_itemised_object_is_a_consequence(pg_dsn):
    a = migplan.assess_text(CALLS_CODE, "oracle", "aurora-postgresql")
    a.verify(dsn=pg_dsn)
    view = [i for i in a.action_items.items if i.object == "V_TIERS" and i.code.startswith("VER")]
    assert view and all(i.severity == "info" and i.effort == "none" and i.predicted for i in view), view
    assert [i.code for i in a.action_items.items if i.object == "V_TIERS"].count("SQL018") == 1


@pytest.mark.engine
def test_a_view_waiting_for_a_routine_applies_once_the_routine_converts(pg_dsn):
    a = migplan.assess_text(CALLS_CODE.replace("  e_none EXCEPTION;\n", "").replace(
        "  IF p_id IS NULL THEN RAISE e_none; END IF;\n", ""), "oracle", "aurora-postgresql")
    a.verify(dsn=pg_dsn)
    assert not [i for i in a.action_items.items if i.object == "V_TIERS"], "the view needs nothing any more"
    assert "V_TIERS" not in a.plan.ddl_files().get("05_held_back.sql", "").upper()


# -- integer keys on evidence ----------------------------------------------------------------------------
CHINOOK_LIKE = """
CREATE TABLE artist (artist_id NUMBER NOT NULL, name VARCHAR2(120), CONSTRAINT pk_artist PRIMARY KEY (artist_id));
CREATE TABLE album (album_id NUMBER NOT NULL, title VARCHAR2(160) NOT NULL, artist_id NUMBER NOT NULL,
  CONSTRAINT pk_album PRIMARY KEY (album_id),
  CONSTRAINT fk_album_artist FOREIGN KEY (artist_id) REFERENCES artist (artist_id));
CREATE TABLE track (track_id NUMBER NOT NULL, album_id NUMBER, unit_price NUMBER NOT NULL,
  CONSTRAINT pk_track PRIMARY KEY (track_id),
  CONSTRAINT fk_track_album FOREIGN KEY (album_id) REFERENCES album (album_id));
CREATE TABLE invoice (invoice_id NUMBER DEFAULT invoice_seq.NEXTVAL PRIMARY KEY, total NUMBER);
CREATE TABLE ledger (entry_id NUMBER PRIMARY KEY, amount NUMBER);
CREATE SEQUENCE album_seq;
CREATE SEQUENCE invoice_seq;
CREATE OR REPLACE TRIGGER album_bir BEFORE INSERT ON album FOR EACH ROW
BEGIN
  :NEW.album_id := album_seq.NEXTVAL;
END;
/
INSERT INTO artist (artist_id, name) VALUES (1, 'AC/DC');
INSERT INTO artist (artist_id, name) VALUES (2, 'Accept');
INSERT INTO ledger (entry_id, amount) VALUES (1.5, 10);
"""


def _types(a) -> dict[str, str]:
    out = {}
    for c in a.conversion.objects:
        for st in c.statements:
            for col in st.expect.get("columns", []) if st.kind == "table" else []:
                out[f"{c.source.name}.{col['source']}".upper()] = col["type"]
    return out


def test_number_keys_narrow_on_evidence_only():
    a = migplan.assess_text(CHINOOK_LIKE, "oracle", "aurora-postgresql")
    t = _types(a)
    assert t["ARTIST.ARTIST_ID"] == "bigint"  # whole numbers in the inserts
    assert t["ALBUM.ALBUM_ID"] == "bigint"  # a trigger feeds it from a sequence
    assert t["ALBUM.ARTIST_ID"] == "bigint"  # references a proven key
    assert t["TRACK.ALBUM_ID"] == "bigint"  # references a key fed by a sequence
    assert t["INVOICE.INVOICE_ID"] == "bigint"  # DEFAULT seq.NEXTVAL
    assert t["TRACK.TRACK_ID"] == "numeric"  # no evidence at all
    assert t["LEDGER.ENTRY_ID"] == "numeric"  # a fraction was inserted
    assert t["TRACK.UNIT_PRICE"] == t["INVOICE.TOTAL"] == "numeric"  # not keys
    why = {i.sub: i.message for i in a.action_items.items if i.code == "TYP031"}
    assert ("album_seq.NEXTVAL" in why["ALBUM_ID"] and "references" in why["ARTIST_ID"]) or "values" in why["ARTIST_ID"]


def test_number_keys_setting_keeps_numeric():
    a = migplan.assess_text(CHINOOK_LIKE, "oracle", "aurora-postgresql", options=ConvertOptions(number_keys="numeric"))
    assert _types(a)["ARTIST.ARTIST_ID"] == "numeric"
    a = migplan.assess_text(CHINOOK_LIKE, "oracle", "aurora-postgresql", config={"convert": {"number_keys": "numeric"}})
    assert _types(a)["ALBUM.ALBUM_ID"] == "numeric"
    with pytest.raises(MigplanError, match="number_keys"):
        ConvertOptions(number_keys="guess")


@pytest.mark.engine
def test_narrowed_keys_are_bigint_on_the_real_engine(pg_dsn):
    a = migplan.assess_text(CHINOOK_LIKE, "oracle", "aurora-postgresql")
    v = a.verify(dsn=pg_dsn)
    assert v.summary()["unpredicted_failures"] == 0 and v.summary()["rejected"] == 0


# -- one rollup per code ---------------------------------------------------------------------------------
def _item(sev: str, effort: str, obj: str) -> ActionItem:
    return ActionItem("ORA009", "x", sev, "code", obj, "procedure", "f.sql", 1, "m", "fix", effort, 1.0, 2.0)


def test_rollup_takes_the_worst_severity_whatever_the_order():
    items = [_item("low", "simple", "P1"), _item("high", "significant", "P2"), _item("low", "simple", "P3"),
             _item("high", "medium", "P4"), _item("medium", "simple", "P5")]
    for seed in range(5):
        random.Random(seed).shuffle(items)
        (group,) = ActionItems(list(items)).rollup()
        assert (group.severity, group.effort, group.occurrences) == ("high", "significant", 5)
        row = ActionItems(list(items)).summary_frame().iloc[0]
        assert (row["severity"], row["effort"]) == ("high", "significant")


# -- the public surface ----------------------------------------------------------------------------------
def test_frames_use_the_json_names():
    a = migplan.assess(SAMPLES / "mysql/bookstore", "mysql", "aurora-postgresql", progress=False)
    assert {"qualified_name", "parse_status"} <= set(a.objects.frame().columns)
    assert {"qualified_name", "parse_status"} <= set(a.inventory.frame().columns)
    joined = a.objects.frame().merge(a.action_items.frame(), left_on="qualified_name", right_on="object")
    assert len(joined) > 0


def test_inventory_text_never_prints_nan(capsys):
    assert cli_main(["inventory", str(SAMPLES / "mysql/bookstore"), "-s", "mysql"]) == 0
    assert "nan." not in capsys.readouterr().out


def test_inventory_output_is_a_folder_like_assess(tmp_path, capsys):
    out = tmp_path / "inv"
    assert cli_main(["inventory", str(SAMPLES / "mysql/bookstore"), "-s", "mysql", "-o", str(out)]) == 0
    assert {p.name for p in out.iterdir()} >= {"inventory.json", "objects.csv", "columns.csv", "statements.csv"}


def test_plan_option_typos_fail_at_once():
    with pytest.raises(MigplanError, match="did you mean 'fks_during_load'"):
        migplan.assess(SAMPLES / "mysql/bookstore", "mysql", "aurora-postgresql", fks_durring_load=True)
    with pytest.raises(MigplanError, match="migration type"):
        migplan.assess(SAMPLES / "mysql/bookstore", "mysql", "aurora-postgresql", migration_type="bulk")


def test_cli_sets_plan_options_and_reports_its_version(tmp_path, capsys):
    out = tmp_path / "o"
    rc = cli_main(["assess", str(SAMPLES / "mysql/bookstore"), "-s", "mysql", "-t", "aurora-postgresql",
                   "--migration-type", "full-load", "--max-subtasks", "4", "-o", str(out)])
    assert rc == 0
    settings = (out / "dms" / "task-settings.json").read_text()
    assert '"MaxFullLoadSubTasks": 4' in settings
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        cli_main(["--version"])
    assert exc.value.code == 0 and capsys.readouterr().out.startswith("migplan ")


@pytest.mark.parametrize("target", ["babelfish", "oracle"])
def test_targets_without_a_ddl_writer_are_refused_clearly(target, capsys):
    source = {"babelfish": "sqlserver", "oracle": "oracle"}[target]
    folder = {"oracle": "oracle/retail", "sqlserver": "sqlserver/shop"}[source]
    rc = cli_main(["assess", str(SAMPLES / folder), "-s", source, "-t", target])
    err = capsys.readouterr().err
    assert rc == 2 and "does not write" in err and "Traceback" not in err, err


# -- homogeneous pairs keep what the source says ---------------------------------------------------------
PG_EXTRAS = """
CREATE FUNCTION public._cat(text, text) RETURNS text AS $$ SELECT CASE WHEN $2 IS NULL THEN $1
  WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END $$ LANGUAGE sql IMMUTABLE;
CREATE AGGREGATE public.cat_all(text) (SFUNC = public._cat, STYPE = text);
CREATE TABLE public.t (id int PRIMARY KEY, name text);
CREATE INDEX t_name_hash ON public.t USING hash (name);
CREATE VIEW public.v AS SELECT public.cat_all(name) AS names FROM public.t;
"""


def test_postgres_to_postgres_keeps_aggregates_and_access_methods():
    a = migplan.assess_text(PG_EXTRAS, "postgresql", "aurora-postgresql")
    assert "CREATE AGGREGATE public.cat_all" in a.converted_sql("public.cat_all")
    assert "USING hash" in a.converted_sql("public.t_name_hash")


@pytest.mark.engine
def test_postgres_to_postgres_extras_verify(pg_dsn):
    a = migplan.assess_text(PG_EXTRAS, "postgresql", "aurora-postgresql")
    s = a.verify(dsn=pg_dsn).summary()
    assert s["accepted"] == s["statements"] and s["unpredicted_failures"] == 0, s
