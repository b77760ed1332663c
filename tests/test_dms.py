"""DMS artifacts, checked with the real validators (botocore's DMS service model, cfn-lint) and
against the AWS facts of migplan/data/dms.toml (each with the page it comes from)."""

import json
import re

import botocore.session
import pytest
import sqlglot
import yaml
from botocore.validate import ParamValidator
from sqlglot import exp

import migplan
from migplan.dms import MissingSourceSchema, apply_transformations, cloudformation, facts
from tests.conftest import SAMPLE_PAIRS, SAMPLES

# The sample pairs plus the same-family ones. The MySQL dump has no USE statement: its database is
# an input (see test_missing_source_schema_is_a_reported_input).
DEFAULT_SCHEMA = {"mysql/bookstore": "bookstore"}
# Warehouses DMS cannot read move with SCT's agents: no DMS task (test_agent_pairs_write_no_dms_task).
AGENT_SOURCES = ("teradata", "netezza", "vertica", "greenplum")
PAIRS = [*(p for p in SAMPLE_PAIRS if p[1] not in AGENT_SOURCES), ("mysql/bookstore", "mysql", "aurora-mysql"),
         ("postgresql/clinic", "postgresql", "aurora-postgresql")]


def _assess(folder, source, target, **kw):
    return migplan.assess(SAMPLES / folder, source, target, default_schema=DEFAULT_SCHEMA.get(folder), **kw)


@pytest.fixture(scope="module", params=PAIRS, ids=[f"{s}->{t}" for _, s, t in PAIRS])
def assessed(request):
    return _assess(*request.param)


@pytest.fixture(scope="module")
def dms_model():
    return botocore.session.get_session().get_service_model("dms")


def _lint(text: str) -> list:
    from cfnlint.api import ManualArgs, lint

    return [m for m in lint(text, config=ManualArgs(regions=["us-east-1"])) if m.rule.id.startswith("E")]


# -- requests and templates that AWS accepts ------------------------------------------------------
def test_create_replication_task_requests_pass_botocore(assessed, dms_model):
    shape = dms_model.operation_model("CreateReplicationTask").input_shape
    for req in assessed.dms.create_replication_task_requests():
        report = ParamValidator().validate(req, shape)
        assert not report.has_errors(), report.generate_report()


def test_cloudformation_passes_cfn_lint(assessed):
    templates = assessed.dms.cloudformation_templates()
    for name, doc in templates.items():
        text = cloudformation.to_yaml(doc)
        errors = _lint(text)
        assert not errors, f"{name}:\n" + "\n".join(str(m) for m in errors)
    doc = yaml.safe_load(assessed.dms.cloudformation_yaml())
    task = next(v for v in doc["Resources"].values() if v["Type"] == "AWS::DMS::ReplicationTask")
    json.loads(task["Properties"]["TableMappings"])
    json.loads(task["Properties"]["ReplicationTaskSettings"])


def _placeholder(value):
    """An endpoint property with CloudFormation functions replaced by sample values of their type."""
    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value)).startswith(("Ref", "Fn::")):
            return "arn:aws:secretsmanager:us-east-1:111122223333:secret:x"
        return {k: _placeholder(v) for k, v in value.items()}
    return value


def test_endpoints_are_create_endpoint_requests_botocore_accepts(assessed, dms_model):
    """Each endpoint's properties as a CreateEndpoint request: the settings object that holds the
    secret, the SslMode values and the engine names are the API's own."""
    shape = dms_model.operation_model("CreateEndpoint").input_shape
    doc = assessed.dms.cloudformation()
    for logical in ("SourceEndpoint", "TargetEndpoint"):
        props = _placeholder(doc["Resources"][logical]["Properties"])
        props.pop("CertificateArn", None)
        props["SslMode"] = doc["Parameters"][logical.replace("Endpoint", "SslMode")]["Default"]
        ep = facts.endpoint(props["EngineName"])
        props[ep["api_settings"]] = props.pop(ep["settings"])
        req = {"EndpointIdentifier": logical.lower(), **props}
        report = ParamValidator().validate(req, shape)
        assert not report.has_errors(), report.generate_report()


# -- 1. explicit selection rules name real tables ---------------------------------------------------
def test_explicit_selection_rules_have_no_wildcards(assessed):
    """`explicit` needs exact names: every rule names a real source table (schema and name as the
    source stores them), so neither % nor _ is ever a pattern there."""
    real = {(t.schema, t.name) for t in assessed.inventory.tables}
    for _name, mapping in assessed.dms.tasks():
        selected = [r for r in mapping["rules"] if r["rule-type"] == "selection"]
        assert selected
        for r in selected:
            loc = r["object-locator"]
            assert r["rule-action"] == "explicit" and int(r["load-order"]) > 0
            assert (loc["schema-name"], loc["table-name"]) in real, loc
            # no % anywhere; an _ only as the real name's own character (the pair above is real)
            assert "%" not in loc["schema-name"] + loc["table-name"]


def test_table_settings_rules_use_exact_names(assessed):
    real = {(t.schema, t.name) for t in assessed.inventory.tables}
    for _name, mapping in assessed.dms.tasks():
        ids = [r["rule-id"] for r in mapping["rules"]]
        names = [r["rule-name"] for r in mapping["rules"]]
        assert len(ids) == len(set(ids)) and len(names) == len(set(names))
        for r in mapping["rules"]:
            if r["rule-type"] == "table-settings":
                loc = r["object-locator"]
                assert (loc["schema-name"], loc["table-name"]) in real


def test_missing_source_schema_is_a_reported_input(tmp_path):
    """A MySQL dump without USE: the database is not guessed; the artifacts say what is missing and
    the rest of the run goes on."""
    a = migplan.assess(SAMPLES / "mysql/bookstore", "mysql", "aurora-postgresql")
    missing = a.dms.missing_inputs()
    assert len(missing) == 1 and "--default-schema" in missing[0] and "MySQL database" in missing[0]
    with pytest.raises(MissingSourceSchema):
        a.dms.table_mappings()
    a.write(tmp_path)
    assert sorted(p.name for p in (tmp_path / "dms").iterdir()) == ["README.md", "task-settings.json"]
    assert "--default-schema" in (tmp_path / "dms" / "README.md").read_text()
    assert "--default-schema" in (tmp_path / "report.md").read_text()


def test_use_statement_gives_the_mysql_database():
    a = migplan.assess_text("USE shop;\nCREATE TABLE order_items (id int PRIMARY KEY, qty int);", "mysql",
                            "aurora-postgresql")
    rules = a.dms.table_mappings()["rules"]
    sel = [r for r in rules if r["rule-type"] == "selection"]
    assert sel[0]["object-locator"] == {"schema-name": "shop", "table-name": "order_items"}


# -- 2. the schema the DDL creates is the schema DMS writes to -----------------------------------------
_NAME = r'(?:"(?:[^"]|"")*"|`(?:[^`]|``)*`|[\w$#]+)'
_QNAME = rf"{_NAME}(?:\s*\.\s*{_NAME})?"
_CREATE = re.compile(rf"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?({_QNAME})\s*(?:\(|PARTITION\s+OF\s+({_QNAME}))",
                     re.I)
_COLUMN = re.compile(rf"^\s+({_NAME})\s", re.M)
_NOT_COLUMN = {"PRIMARY", "UNIQUE", "CONSTRAINT", "KEY", "INDEX", "CHECK", "FOREIGN", "FULLTEXT", "SPATIAL"}


def _ddl_tables(a) -> dict[tuple[str | None, str], set[str]]:
    """(schema, table) -> column names of each CREATE TABLE in the generated DDL files (the names
    read with the target dialect's quoting rules)."""
    dialect = "postgres" if a.target.family == "postgresql" else "mysql"

    def unquote(name: str) -> exp.Table:
        return sqlglot.parse_one(f"SELECT 1 FROM {name}", read=dialect).find(exp.Table)

    out, partitions = {}, {}
    for body in a.plan.ddl_files().values():
        for stmt in re.split(r";\s*\n", body):
            text = "\n".join(ln for ln in stmt.splitlines() if not ln.startswith("--")).strip()
            m = _CREATE.match(text)
            if not m:
                continue
            table = unquote(m.group(1))
            if m.group(2):  # a partition has its parent's columns
                parent = unquote(m.group(2))
                partitions[(table.db or None, table.name)] = (parent.db or None, parent.name)
                continue
            cols = set()
            for c in _COLUMN.findall(text[m.end():]):
                if c.upper() not in _NOT_COLUMN:
                    cols.add(unquote(c).name)
            out[(table.db or None, table.name)] = cols
    for part, parent in partitions.items():
        out[part] = out[parent]
    return out


def test_ddl_schema_and_dms_schema_agree(assessed):
    """For every selected table, the schema and table DMS writes to (after the mapping's
    transformations) is one the generated DDL creates, with the same columns."""
    ddl = _ddl_tables(assessed)
    assert ddl and all(schema for schema, _ in ddl), "every table in the DDL is schema-qualified"
    by_name = {(t.schema, t.name): t for t in assessed.inventory.tables}
    for _name, mapping in assessed.dms.tasks():
        for r in (r for r in mapping["rules"] if r["rule-type"] == "selection"):
            t = by_name[(r["object-locator"]["schema-name"], r["object-locator"]["table-name"])]
            if not assessed.conversion.by_source(t).statements:
                continue
            schema, table, cols = apply_transformations(mapping, t.schema, t.name, [c.name for c in t.columns])
            assert (schema, table) in ddl, f"{t.qname} lands in {schema}.{table}, which the DDL does not create"
            computed = {c.name for c in t.columns if c.computed is not None}
            for src, new in zip([c.name for c in t.columns], cols, strict=True):
                if src not in computed:
                    assert new in ddl[(schema, table)], f"{t.qname}.{src} lands in column {new}"


def test_every_source_schema_has_an_exact_rename_rule(assessed):
    mapping = assessed.dms.table_mappings()
    renamed = {r["object-locator"]["schema-name"]: r["value"] for r in mapping["rules"]
               if r["rule-type"] == "transformation" and r["rule-target"] == "schema"}
    selected = {r["object-locator"]["schema-name"] for r in mapping["rules"] if r["rule-type"] == "selection"}
    assert selected == set(renamed)
    assert not any(r.get("rule-action") == "convert-lowercase" and r["rule-target"] == "schema"
                   for r in mapping["rules"])


def test_rename_patterns_that_match_other_tables_are_ordered_specific_first():
    """`T_XX...` (renamed: too long for PostgreSQL) is also a pattern matching `TYXX...`; that table
    gets its own exact rule, with a lower rule-id, so each lands in its own converted table."""
    a_name, b_name = "T_" + "X" * 68, "TY" + "X" * 68
    a = migplan.assess_text(f"CREATE TABLE app.{a_name} (id NUMBER PRIMARY KEY);\n"
                            f"CREATE TABLE app.{b_name} (id NUMBER PRIMARY KEY);", "oracle", "aurora-postgresql")
    mapping = a.dms.table_mappings()
    for t in a.inventory.tables:
        c = a.conversion.by_source(t)
        assert apply_transformations(mapping, t.schema, t.name, [])[:2] == (c.target_schema, c.target_name)


# -- 3, 5 and credentials: endpoints ----------------------------------------------------------------
ENGINE_PAIRS = [("oracle", "aurora-postgresql"), ("sqlserver", "aurora-mysql"), ("mysql", "aurora-postgresql"),
                ("postgresql", "aurora-mysql"), ("mysql", "mysql"), ("sqlserver", "aurora-postgresql")]
_DDL = {"oracle": "CREATE TABLE app.t (id NUMBER PRIMARY KEY);",
        "sqlserver": "CREATE TABLE dbo.t (id int PRIMARY KEY)\nGO\n",
        "mysql": "CREATE TABLE app.t (id int PRIMARY KEY);",
        "postgresql": "CREATE TABLE app.t (id int PRIMARY KEY);"}


@pytest.mark.parametrize(("source", "target"), ENGINE_PAIRS, ids=[f"{s}->{t}" for s, t in ENGINE_PAIRS])
def test_endpoints_follow_the_documented_facts(source, target):
    a = migplan.assess_text(_DDL[source], source, target, force=True)
    doc = a.dms.cloudformation()
    text = cloudformation.to_yaml(doc)
    assert not _lint(text), "\n".join(str(m) for m in _lint(text))
    assert "{{resolve" not in text and "Password" not in text
    for prefix, engine in (("Source", a.source), ("Target", a.target)):
        props = doc["Resources"][f"{prefix}Endpoint"]["Properties"]
        name = engine.dms_engine
        ssl, ep = facts.ssl(name), facts.endpoint(name)
        # 3. only documented SSL modes; a certificate where a mode verifies the server
        param = doc["Parameters"][f"{prefix}SslMode"]
        assert param["AllowedValues"] == ssl["modes"] and param["Default"] in ssl["modes"]
        if name in ("oracle", "mysql", "mariadb", "aurora"):
            assert "require" not in param["AllowedValues"]
        if set(ssl["modes"]) & {"verify-ca", "verify-full"}:
            assert f"{prefix}CertificateArn" in doc["Parameters"] and "CertificateArn" in props
            assert f"{prefix}CertificateForVerify" in doc["Rules"]
        # 5. DatabaseName: a required parameter, or absent for the MySQL family
        if ep["database_name"] == "required":
            p = doc["Parameters"][f"{prefix}DatabaseName"]
            assert "Default" not in p and p["MinLength"] == 1
        else:
            assert "DatabaseName" not in props and f"{prefix}DatabaseName" not in doc["Parameters"]
        # credentials: native Secrets Manager support, nothing inline
        assert not {"Username", "Password", "ServerName", "Port"} & set(props)
        assert set(props[ep["settings"]]) == {"SecretsManagerSecretId", "SecretsManagerAccessRoleArn"}


def test_oracle_source_defaults_to_verify_ca_with_a_wallet():
    a = migplan.assess(SAMPLES / "oracle/retail", "oracle", "aurora-mysql")
    doc = a.dms.cloudformation()
    assert doc["Parameters"]["SourceSslMode"]["AllowedValues"] == ["none", "verify-ca"]
    assert doc["Parameters"]["TargetSslMode"]["AllowedValues"] == ["none", "verify-ca", "verify-full"]


# -- 8. settings -------------------------------------------------------------------------------------
def test_task_settings(assessed):
    s = assessed.dms.task_settings()
    fl = s["FullLoadSettings"]
    assert fl["TargetTablePrepMode"] == "DO_NOTHING"
    assert fl["StopTaskCachedChangesNotApplied"] and fl["StopTaskCachedChangesApplied"]
    assert 1 <= fl["MaxFullLoadSubTasks"] <= 49
    assert s["TargetMetadata"]["LobMaxSize"] <= facts.data()["lobs"]["lob_max_kb_limit"]
    one = assessed.dms.task_settings(stops=1)["FullLoadSettings"]
    assert one["StopTaskCachedChangesNotApplied"] and not one["StopTaskCachedChangesApplied"]


def test_lob_validation_compares_what_limited_mode_migrates():
    a = migplan.assess(SAMPLES / "oracle/retail", "oracle", "aurora-postgresql")
    assert a.dms.lob_max_kb is not None
    s = a.dms.task_settings()
    assert s["TargetMetadata"]["LimitedSizeLobMode"] and s["ValidationSettings"]["EnableValidation"]
    assert s["ValidationSettings"]["ValidationPartialLobSize"] == s["TargetMetadata"]["LobMaxSize"]
    plain = migplan.assess_text("CREATE TABLE app.t (id NUMBER PRIMARY KEY);", "oracle", "aurora-postgresql")
    assert plain.dms.task_settings()["ValidationSettings"]["ValidationPartialLobSize"] == 0


# -- 9. template size --------------------------------------------------------------------------------
def test_ten_thousand_tables_stay_under_the_template_limits():
    n = 10000
    text = "\n".join(f"CREATE TABLE app.t{i} (id NUMBER(9) PRIMARY KEY, name VARCHAR2(100));" for i in range(n))
    a = migplan.assess_text(text, "oracle", "aurora-postgresql")
    limits = facts.cloudformation()
    templates = a.dms.cloudformation_templates()
    assert len(templates) > 1
    base = templates[cloudformation.BASE_FILE]
    assert cloudformation.size(base) <= limits["inline_body_bytes"]
    assert not _lint(cloudformation.to_yaml(base))
    for doc in templates.values():
        assert cloudformation.size(doc) <= limits["s3_body_bytes"]
        assert len(doc["Resources"]) <= limits["max_resources"]
        assert len(doc["Parameters"]) <= limits["max_parameters"]
        assert len(doc["Outputs"]) <= limits["max_outputs"]
    smallest = min((d for f, d in templates.items() if f != cloudformation.BASE_FILE), key=cloudformation.size)
    assert not _lint(cloudformation.to_yaml(smallest))
    selected = [r["object-locator"]["table-name"] for _n, m in a.dms.tasks() for r in m["rules"]
                if r["rule-type"] == "selection"]
    assert sorted(selected) == sorted(t.name for t in a.inventory.tables)  # each table in exactly one task
    names = [n for n, _ in a.dms.tasks()]
    assert len(set(names)) == len(names) and all(len(x) <= 255 for x in names)
    assert "--s3-bucket" in a.dms.readme()


def test_one_task_per_wave_with_foreign_keys_during_load():
    a = migplan.assess(SAMPLES / "oracle/retail", "oracle", "aurora-postgresql", fks_during_load=True)
    tasks = a.dms.tasks()
    assert len(tasks) == len(a.plan.waves) > 1
    names = [n for n, _ in tasks]
    assert len(set(names)) == len(names)
    files = a.dms.files()
    assert {f"table-mappings-wave{w.number}.json" for w in a.plan.waves} <= set(files)


# -- the facts file ----------------------------------------------------------------------------------
def test_facts_file_is_valid_and_every_fact_cites_a_page():
    d = facts.data()
    for url in d["pages"].values():
        assert url.startswith("https://docs.aws.amazon.com/")
    assert facts.ssl("oracle")["modes"] == ["none", "verify-ca"]
    assert "require" not in facts.ssl("aurora")["modes"]


def test_facts_match_the_api_model(dms_model):
    ep = dms_model.operation_model("CreateEndpoint").input_shape
    ssl_values = set(ep.members["SslMode"].enum)
    for engine, row in facts.data()["ssl"]["engines"].items():
        assert set(row["modes"]) <= ssl_values, engine
    for engine, row in facts.data()["endpoints"]["engines"].items():
        settings = ep.members[row["api_settings"]]
        assert {"SecretsManagerSecretId", "SecretsManagerAccessRoleArn"} <= set(settings.members), engine


@pytest.mark.parametrize("broken", [
    lambda d: d["ssl"]["engines"]["oracle"].update(moddes=["none"]),          # misspelled key
    lambda d: d["ssl"]["engines"]["oracle"].update(default="require"),        # not a documented mode
    lambda d: d["ssl"].update(page="no-such-page"),                           # page not in [pages]
    lambda d: d["cloudformation"].update(inline_body_bytes="51200"),          # wrong type
    lambda d: d["endpoints"]["engines"]["mysql"].update(database_name="maybe"),
    lambda d: d.update(extra={}),                                             # unknown table
])
def test_facts_file_errors_are_not_ignored(broken):
    import copy

    d = copy.deepcopy(facts.data())
    broken(d)
    with pytest.raises(facts.FactsError):
        facts.validate(d)


# -- 4. matrix cells ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("source", "dms"), [("oracle", False), ("sqlserver", False), ("db2-luw", True),
                                             ("db2-zos", True)])
def test_dms_writes_db2_luw_only_from_db2(source, dms):
    c = migplan.matrix.check(source, "db2-luw")
    assert c.dms is dms
    if not dms:
        assert c.verdict == "unsupported"
        assert any("CHAP_Target.DB2.html" in n for n in c.notes)


def test_dms_schema_conversion_takes_db2_luw_to_aurora_and_rds_postgresql():
    for target in ("aurora-postgresql", "postgresql"):
        c = migplan.matrix.check("db2-luw", target)
        assert c.dms_sc and any("sc-data-providers-db2luw.html" in s for s in c.sources)


@pytest.mark.parametrize("folder,source,target", [p for p in SAMPLE_PAIRS if p[1] in AGENT_SOURCES])
def test_agent_pairs_write_no_dms_task(folder, source, target):
    """DMS cannot read these warehouses: the plan is SCT's agents, and no endpoint or task is written
    that AWS would refuse (EngineName teradata is not a DMS engine)."""
    a = _assess(folder, source, target)
    assert a.compatibility.path == "sct-agents"
    titles = [s.title for s in a.plan.steps]
    assert any("data extraction agents" in t for t in titles), titles
    files = a.dms.files()
    assert list(files) == ["README.md"] and "data extraction agents" in files["README.md"]
    assert a.dms.missing_inputs()
