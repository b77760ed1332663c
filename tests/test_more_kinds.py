"""Constructs that used to be left unread: tables created from a query, object types, TRANSLATE ...
USING, SQL Server CLR and PolyBase objects, column-level REFERENCES, PostgreSQL languages,
aggregates, rules and multi-word types inside expressions, Oracle dimensions."""

from textwrap import dedent

import migplan


def inv_of(text, source):
    return migplan.load_text(dedent(text).strip() + "\n", source)


def cols(table):
    return [(c.name, str(c.type), c.nullable) for c in table.columns]


class TestCreateTableAsSelect:
    SOURCE = "CREATE TABLE emp (id NUMBER(6) NOT NULL, name VARCHAR2(20), sal NUMBER(8,2));\n"

    def test_columns_derived_from_the_query_after_physical_options(self):
        inv = inv_of(self.SOURCE + """
            CREATE TABLE emp_copy NOLOGGING PARALLEL 4 AS SELECT * FROM emp WHERE 1 = 0;
            CREATE TABLE emp_names TABLESPACE users AS (SELECT e.id, e.name AS full_name FROM emp e);
            CREATE TABLE emp_pay (emp, pay) AS SELECT id, CAST(sal AS NUMBER(10,2)) FROM emp;
            CREATE GLOBAL TEMPORARY TABLE emp_tmp ON COMMIT PRESERVE ROWS AS SELECT emp.* FROM emp;
        """, "oracle")
        assert cols(inv["EMP_COPY"]) == [("ID", "NUMBER(6)", False), ("NAME", "VARCHAR2(20)", True),
                                         ("SAL", "NUMBER(8,2)", True)]
        assert inv["EMP_COPY"].options == {"NOLOGGING": "true", "PARALLEL": "4"}
        assert cols(inv["EMP_NAMES"]) == [("ID", "NUMBER(6)", False), ("FULL_NAME", "VARCHAR2(20)", True)]
        assert cols(inv["EMP_PAY"]) == [("EMP", "NUMBER(6)", False), ("PAY", "NUMBER(10,2)", True)]
        assert inv["EMP_TMP"].temporary == "global" and len(inv["EMP_TMP"].columns) == 3
        assert all(inv[n].status == "parsed" for n in ("EMP_COPY", "EMP_NAMES", "EMP_PAY", "EMP_TMP"))

    def test_underivable_columns_leave_the_table_partial_and_say_which(self):
        inv = inv_of(self.SOURCE + """
            CREATE TABLE emp_calc AS SELECT id, sal * 2 AS double_sal, SYSDATE AS taken FROM emp;
            CREATE TABLE other_copy AS SELECT * FROM not_in_the_scripts;
        """, "oracle")
        calc = inv["EMP_CALC"]
        assert calc.status == "partial" and calc.columns == []
        assert "DOUBLE_SAL (an expression)" in calc.message and "TAKEN" in calc.message
        assert calc.attrs["query_columns"] == ["ID", "DOUBLE_SAL", "TAKEN"]
        assert inv["OTHER_COPY"].status == "partial"

    def test_sql_server_ctas_with_distribution_and_label(self):
        inv = inv_of("""
            CREATE TABLE dbo.src (id int NOT NULL, name nvarchar(20))
            GO
            CREATE TABLE dbo.ctas WITH (DISTRIBUTION = HASH(id), CLUSTERED COLUMNSTORE INDEX)
            AS SELECT s.id, s.name AS nm FROM dbo.src s OPTION (LABEL = 'CTAS : ctas')
            GO
        """, "sqlserver")
        t = inv["dbo.ctas"]
        assert t.status == "parsed" and cols(t) == [("id", "int", False), ("nm", "nvarchar(20)", True)]
        assert "DISTRIBUTION" in t.options["WITH"] and "LABEL" in t.query


class TestOracleObjectTypes:
    def test_attributes_read_methods_kept_as_code_in_any_header_order(self):
        inv = inv_of("""
            CREATE OR REPLACE TYPE shape_t FORCE AUTHID CURRENT_USER UNDER base_t (
              sides NUMBER(2),
              label VARCHAR2(30),
              CONSTRUCTOR FUNCTION shape_t RETURN SELF AS RESULT,
              MEMBER FUNCTION area RETURN NUMBER
            ) NOT FINAL;
            /
            CREATE TYPE point_t AUTHID DEFINER AS OBJECT (x NUMBER, y NUMBER,
              MAP MEMBER FUNCTION dist RETURN NUMBER);
            /
        """, "oracle")
        shape, point = inv["SHAPE_T"], inv["POINT_T"]
        assert shape.status == "parsed" and shape.type_kind == "object"
        assert [c.name for c in shape.columns] == ["SIDES", "LABEL"] and shape.attrs["under"] == "base_t"
        assert shape.attrs["methods"] == ["CONSTRUCTOR FUNCTION shape_t RETURN SELF AS RESULT",
                                          "MEMBER FUNCTION area RETURN NUMBER"]
        assert shape.attrs["authid"] == "CURRENT_USER" and shape.attrs["options"] == "NOT FINAL"
        assert point.status == "parsed" and [c.name for c in point.columns] == ["X", "Y"]

    def test_translate_using_charset_is_read(self):
        inv = inv_of("CREATE TABLE t (a NVARCHAR2(10) CHECK (a <> TRANSLATE('x' USING NCHAR_CS)));", "oracle")
        assert inv["T"].status == "parsed", inv["T"].message
        assert "USING NCHAR_CS" in inv["T"].checks[0].expression


class TestSqlServerClrAndPolybase:
    def test_clr_objects(self):
        inv = inv_of("""
            CREATE ASSEMBLY Geo AUTHORIZATION dbo FROM 0x4D5A90000300 WITH PERMISSION_SET = SAFE
            GO
            CREATE TYPE dbo.Point EXTERNAL NAME [Geo].[Geo.Point]
            GO
            CREATE AGGREGATE dbo.Concat (@value nvarchar(4000)) RETURNS nvarchar(max) EXTERNAL NAME Geo.Concat
            GO
            CREATE PROCEDURE dbo.clr_p @x int AS EXTERNAL NAME Geo.[Procs].Run
            GO
        """, "sqlserver")
        asm = inv.get("Geo", kind="assembly")
        assert asm.status == "parsed" and asm.attrs == {"authorization": "dbo", "from": ["binary (6 bytes)"],
                                                         "permission_set": "SAFE"}
        point = inv.get("dbo.Point", kind="type")
        assert point.status == "parsed" and point.type_kind == "clr"
        assert point.attrs["external_name"] == "[Geo].[Geo.Point]"
        agg = inv.get("dbo.Concat", kind="aggregate")
        assert agg.status == "parsed" and agg.attrs["returns"] == "nvarchar(max)"
        assert inv.get("dbo.clr_p", kind="procedure").external

    def test_polybase_objects_and_secrets(self):
        inv = inv_of("""
            CREATE DATABASE SCOPED CREDENTIAL AzureCred WITH IDENTITY = 'user', SECRET = 's3cr3t';
            CREATE EXTERNAL DATA SOURCE Lake WITH (TYPE = HADOOP, LOCATION = 'wasbs://c@a.blob.core.windows.net',
              CREDENTIAL = AzureCred);
            CREATE EXTERNAL FILE FORMAT Pipes WITH (FORMAT_TYPE = DELIMITEDTEXT,
              FORMAT_OPTIONS (FIELD_TERMINATOR = '|', USE_TYPE_DEFAULT = TRUE));
            CREATE EXTERNAL TABLE dbo.ext (id int NOT NULL) WITH (LOCATION = '/x/', DATA_SOURCE = Lake,
              FILE_FORMAT = Pipes);
            GO
        """, "sqlserver")
        lake = inv.get("Lake", kind="external data source")
        assert lake.status == "parsed" and lake.attrs["options"]["TYPE"] == "HADOOP"
        pipes = inv.get("Pipes", kind="external file format")
        assert pipes.attrs["options"]["FORMAT_OPTIONS"] == "(FIELD_TERMINATOR = '|', USE_TYPE_DEFAULT = TRUE)"
        ext = inv["dbo.ext"]
        assert ext.status == "parsed" and ext.external and "DATA_SOURCE" in ext.options["WITH"]
        cred = inv.get("AzureCred", kind="credential")
        assert "s3cr3t" not in cred.source and "s3cr3t" not in str(cred.attrs)

    def test_column_level_references_in_every_form(self):
        inv = inv_of("""
            CREATE TABLE dbo.parent (id int PRIMARY KEY)
            CREATE TABLE dbo.child (
              a int REFERENCES dbo.parent(id),
              b int FOREIGN KEY REFERENCES dbo.parent(id) ON DELETE CASCADE,
              c int CONSTRAINT fk_c FOREIGN KEY REFERENCES dbo.parent (id) ON DELETE NO ACTION ON UPDATE CASCADE,
              d int NOT NULL CONSTRAINT fk_d REFERENCES dbo.parent ON DELETE SET NULL
            )
            GO
        """, "sqlserver")
        child = inv["dbo.child"]
        assert child.status == "parsed", child.message
        fks = [(f.name, f.columns, f.ref_table, f.on_delete, f.on_update) for f in child.foreign_keys]
        assert fks == [(None, ["a"], "parent", None, None), (None, ["b"], "parent", "CASCADE", None),
                       ("fk_c", ["c"], "parent", "NO ACTION", "CASCADE"), ("fk_d", ["d"], "parent", "SET NULL", None)]
        assert not child.column("d").nullable


class TestPostgresKinds:
    def test_language_aggregate_rule_and_casts_in_checks(self):
        inv = inv_of("""
            CREATE OR REPLACE TRUSTED PROCEDURAL LANGUAGE plperl HANDLER plperl_call_handler;
            CREATE AGGREGATE public.group_concat(text) (SFUNC = public._group_concat, STYPE = text);
            CREATE TABLE t (id int, created timestamp CHECK (created > '2000-01-01'::timestamp without time zone));
            CREATE RULE t_protect AS ON DELETE TO t WHERE OLD.id < 10 DO INSTEAD NOTHING;
            CREATE RULE t_log AS ON UPDATE TO t DO ALSO (INSERT INTO t_log VALUES (OLD.id); NOTIFY t);
        """, "postgresql")
        assert inv.get("plperl", kind="language").status == "parsed"
        agg = inv.get("public.group_concat", kind="aggregate")
        assert agg.status == "parsed" and agg.attrs["definition"] == {"SFUNC": "public._group_concat",
                                                                      "STYPE": "text"}
        assert inv["t"].status == "parsed", inv["t"].message
        protect = inv.get("t_protect", kind="rule")
        assert protect.status == "parsed" and protect.attrs == {"event": "DELETE", "table": "t", "where": "OLD.id < 10",
                                                                "do": "instead", "actions": []}
        assert inv.get("t_log", kind="rule").attrs["actions"] == ["INSERT INTO t_log VALUES (OLD.id)", "NOTIFY t"]

    def test_kinds_read_in_full_but_not_converted_are_an_item(self):
        a = migplan.assess_text("CREATE AGGREGATE g(text) (SFUNC = f, STYPE = text);\n", "postgresql",
                                "aurora-mysql")
        assert [(i.code, i.object) for i in a.action_items.items if i.code == "PRS007"] == [("PRS007", "g")]


def test_oracle_dimension():
    inv = inv_of("""
        CREATE DIMENSION customers_dim
           LEVEL customer IS (customers.cust_id)
           LEVEL city IS (customers.cust_city_id) SKIP WHEN NULL
           LEVEL country IS countries.country_id
           HIERARCHY geog (customer CHILD OF city CHILD OF country
             JOIN KEY (customers.country_id) REFERENCES country)
           ATTRIBUTE customer DETERMINES (cust_first_name, cust_last_name)
           ATTRIBUTE city_name LEVEL city DETERMINES cust_city;
    """, "oracle")
    dim = inv.get("CUSTOMERS_DIM", kind="dimension")
    assert dim.status == "parsed"
    assert dim.attrs["levels"] == {"CUSTOMER": ["customers.cust_id"], "CITY": ["customers.cust_city_id"],
                                   "COUNTRY": ["countries.country_id"]}
    assert dim.attrs["hierarchies"] == {"GEOG": ["CUSTOMER", "CITY", "COUNTRY"]}
    assert dim.attrs["join_keys"] == {"GEOG": ["(customers.country_id) REFERENCES COUNTRY"]}
    assert dim.attrs["attributes"]["CITY_NAME LEVEL CITY"] == ["cust_city"]
    assert dim.attrs["skip_when_null"] == ["CITY"]


class TestDb2:
    def test_special_registers_length_units_and_declared_temporary_tables(self):
        inv = inv_of("""
            CREATE TABLE app.events (id INTEGER NOT NULL, note VARCHAR(100 OCTETS), at TIMESTAMP);
            CREATE VIEW app.recent AS SELECT id, CAST(note AS VARCHAR(50 CODEUNITS32)) AS n
              FROM app.events WHERE at < CURRENT TIMESTAMP;
            DECLARE GLOBAL TEMPORARY TABLE session.ev AS (SELECT id, note FROM app.events)
              DEFINITION ONLY ON COMMIT PRESERVE ROWS NOT LOGGED;
            DECLARE GLOBAL TEMPORARY TABLE session.cfg AS (SELECT name, value FROM TABLE (db_get_cfg(-2)))
              WITH NO DATA ON COMMIT PRESERVE ROWS;
        """, "db2-luw")
        assert inv["APP.RECENT"].status == "parsed", inv["APP.RECENT"].message
        ev = inv["SESSION.EV"]
        assert ev.status == "parsed" and [c.name for c in ev.columns] == ["ID", "NOTE"]
        assert ev.options["DEFINITION ONLY"] == "true"
        cfg = inv["SESSION.CFG"]
        assert cfg.status == "partial" and cfg.attrs["query_columns"] == ["NAME", "VALUE"]
        record = inv.records[cfg.statement]
        assert (record.status, record.message) == (cfg.status, cfg.message)  # the statement says it too

    def test_row_permissions_column_masks_and_anchored_row_types(self):
        inv = inv_of("""
            CREATE PERMISSION hr.own_rows ON hr.patient FOR ROWS WHERE hr.patient.userid = SESSION_USER
              ENFORCED FOR ALL ACCESS ENABLE;
            CREATE MASK hr.ssn_mask ON hr.patient FOR COLUMN ssn RETURN
              CASE WHEN VERIFY_ROLE_FOR_USER(SESSION_USER, 'PCP') = 1 THEN ssn ELSE 'XXX' END ENABLE;
            CREATE TYPE order_t AS ROW ANCHOR ROW OF supply_orders;
        """, "db2-luw")
        perm = inv.get("HR.OWN_ROWS", kind="row permission")
        assert perm.status == "parsed" and perm.attrs["where"] == "hr.patient.userid = SESSION_USER"
        mask = inv.get("HR.SSN_MASK", kind="column mask")
        assert mask.status == "parsed" and mask.attrs["column"] == "SSN" and mask.attrs["enabled"]
        anchored = inv.get("ORDER_T", kind="type")
        assert anchored.status == "parsed" and anchored.attrs["anchor"] == "supply_orders"


def test_a_view_on_a_table_created_in_a_block_converts_oracle_clock_arithmetic():
    """Once the block's table is in the inventory its views convert: SYSTIMESTAMP - 5/1440 is day
    arithmetic like SYSDATE's (sqlglot reads SYSTIMESTAMP as a node of its own)."""
    script = dedent("""
        BEGIN
          EXECUTE IMMEDIATE 'CREATE TABLE logs (id NUMBER, time_stamp TIMESTAMP)';
        END;
        /
        CREATE VIEW logs_5_min AS SELECT * FROM logs WHERE time_stamp > systimestamp - (5/1440);
    """)
    for target, interval in (("aurora-postgresql", "INTERVAL '1 DAY'"), ("aurora-mysql", "SECOND")):
        a = migplan.assess_text(script, "oracle", target)
        assert interval in a.converted_sql("LOGS_5_MIN")
        assert any(i.code == "SQL019" and i.object == "LOGS_5_MIN" for i in a.action_items.items)
