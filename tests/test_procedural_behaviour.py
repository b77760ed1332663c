"""Converted PL/SQL behaves as the Oracle code did, on a real PostgreSQL (issue: procedural conversion).

Each case is a small Oracle schema with a routine or trigger, converted with the public API, applied
on the embedded PostgreSQL (check_function_bodies on), then exercised with small data. The expected
results are written by hand from Oracle's semantics (the comment beside each says which).
"""

from __future__ import annotations

import pytest

import migplan

pytestmark = pytest.mark.engine


@pytest.fixture
def pg(pg_dsn):
    from migplan.verify.engines import postgres_session

    session = postgres_session(pg_dsn)
    try:
        yield session.conn
    finally:
        session.close()


def _apply(conn, sql: str, expect_written: tuple[str, ...] = ()):
    a = migplan.assess_text(sql, source="oracle", target="aurora-postgresql")
    convs = {c.source.name.upper(): c for c in a.conversion.objects}
    for name in expect_written:
        conv = convs[name]
        assert conv.converted and conv.statements, (name, [(f.code, f.message) for f in conv.findings])
    for st in a.conversion.prelude:
        conn.execute(st.sql)
    for c in a.conversion.objects:
        for st in c.statements:
            conn.execute(st.sql)
    return a


def _one(conn, sql: str, params=()):
    return conn.execute(sql, params).fetchone()


def test_before_insert_trigger_takes_the_key_from_a_sequence_and_cleans_the_row(pg):
    _apply(pg, """
        CREATE TABLE emp (emp_id NUMBER(9) PRIMARY KEY, email VARCHAR2(100) NOT NULL);
        CREATE SEQUENCE emp_seq START WITH 100;
        CREATE OR REPLACE TRIGGER emp_bir BEFORE INSERT ON emp FOR EACH ROW
        BEGIN
          IF :NEW.emp_id IS NULL THEN
            SELECT emp_seq.NEXTVAL INTO :NEW.emp_id FROM dual;
          END IF;
          :NEW.email := LOWER(:NEW.email);
        END;
        /
    """, ("EMP_BIR",))
    pg.execute("INSERT INTO emp (email) VALUES ('Ann@Example.COM')")
    pg.execute("INSERT INTO emp (emp_id, email) VALUES (7, 'BOB@X')")
    # Oracle: the first row takes 100 from the sequence, an explicit key is kept; emails lower-cased
    assert pg.execute("SELECT emp_id, email FROM emp ORDER BY emp_id").fetchall() == [(7, "bob@x"),
                                                                                      (100, "ann@example.com")]


def test_when_clause_and_disabled_trigger(pg):
    _apply(pg, """
        CREATE TABLE t (id NUMBER(9) PRIMARY KEY, note VARCHAR2(20));
        CREATE SEQUENCE t_seq START WITH 5;
        CREATE OR REPLACE TRIGGER t_bir BEFORE INSERT ON t FOR EACH ROW WHEN (NEW.id IS NULL)
        BEGIN
          :NEW.id := t_seq.NEXTVAL;
        END;
        /
        CREATE OR REPLACE TRIGGER t_bu BEFORE UPDATE ON t FOR EACH ROW
        BEGIN
          :NEW.note := 'touched';
        END;
        /
        ALTER TRIGGER t_bu DISABLE;
    """, ("T_BIR", "T_BU"))
    pg.execute("INSERT INTO t (note) VALUES ('a')")
    pg.execute("UPDATE t SET note = 'b'")
    # WHEN (NEW.id IS NULL) fired; the disabled trigger did not
    assert _one(pg, "SELECT id, note FROM t") == (5, "b")


def test_audit_trigger_tells_inserting_from_updating_a_column(pg):
    a = _apply(pg, """
        CREATE TABLE product (product_id NUMBER(9) PRIMARY KEY, price NUMBER(10,2), status VARCHAR2(10));
        CREATE TABLE audit_log (action VARCHAR2(10), row_key VARCHAR2(20), old_value VARCHAR2(100));
        CREATE OR REPLACE TRIGGER product_audit
        AFTER INSERT OR UPDATE OF price, status ON product FOR EACH ROW
        DECLARE
          v_action audit_log.action%TYPE;
        BEGIN
          IF INSERTING THEN
            v_action := 'INSERT';
          ELSIF UPDATING('PRICE') THEN
            v_action := 'REPRICE';
          ELSE
            v_action := 'UPDATE';
          END IF;
          INSERT INTO audit_log (action, row_key, old_value)
          VALUES (v_action, TO_CHAR(:NEW.product_id), CASE WHEN UPDATING THEN TO_CHAR(:OLD.price) END);
        END;
        /
    """, ("PRODUCT_AUDIT",))
    assert any(i.code == "TRG006" for i in a.action_items.active())  # UPDATING('PRICE') is approximated
    pg.execute("INSERT INTO product VALUES (1, 10, 'NEW')")
    pg.execute("UPDATE product SET price = 12 WHERE product_id = 1")
    pg.execute("UPDATE product SET status = 'OLD' WHERE product_id = 1")
    assert pg.execute("SELECT action, row_key, old_value FROM audit_log").fetchall() == [
        ("INSERT", "1", None), ("REPRICE", "1", "10.00"), ("UPDATE", "1", "12.00")]


def test_raise_application_error_stops_the_statement_with_its_message(pg):
    _apply(pg, """
        CREATE TABLE orders (order_id NUMBER(9) PRIMARY KEY, status VARCHAR2(12));
        CREATE OR REPLACE TRIGGER orders_status BEFORE UPDATE OF status ON orders FOR EACH ROW
        BEGIN
          IF :OLD.status = 'CANCELLED' AND :NEW.status <> 'CANCELLED' THEN
            RAISE_APPLICATION_ERROR(-20020, 'A cancelled order cannot be reopened: ' || :OLD.order_id);
          END IF;
        END;
        /
    """, ("ORDERS_STATUS",))
    import psycopg

    pg.execute("INSERT INTO orders VALUES (1, 'CANCELLED'), (2, 'NEW')")
    with pytest.raises(psycopg.errors.RaiseException) as err:
        pg.execute("UPDATE orders SET status = 'NEW' WHERE order_id = 1")
    assert err.value.diag.message_primary == "A cancelled order cannot be reopened: 1"
    assert err.value.diag.sqlstate == "P0001" and err.value.diag.message_detail == "ORA-20020"
    pg.execute("UPDATE orders SET status = 'PAID' WHERE order_id = 2")  # the other row is not stopped
    assert _one(pg, "SELECT status FROM orders WHERE order_id = 2") == ("PAID",)


def test_select_into_without_a_row_raises_no_data_found_as_in_oracle(pg):
    _apply(pg, """
        CREATE TABLE customer (customer_id NUMBER(9) PRIMARY KEY, tier VARCHAR2(10));
        CREATE OR REPLACE FUNCTION tier_of (p_id IN customer.customer_id%TYPE) RETURN VARCHAR2 IS
          v_tier customer.tier%TYPE;
        BEGIN
          SELECT tier INTO v_tier FROM customer WHERE customer_id = p_id;
          RETURN NVL(v_tier, 'NONE');
        EXCEPTION
          WHEN NO_DATA_FOUND THEN
            RETURN 'UNKNOWN';
          WHEN TOO_MANY_ROWS THEN
            RETURN 'MANY';
        END;
        /
    """, ("TIER_OF",))
    pg.execute("INSERT INTO customer VALUES (1, 'GOLD'), (2, NULL)")
    # Oracle: a row -> its tier; a NULL tier -> NVL; no row -> NO_DATA_FOUND -> the handler
    assert [_one(pg, "SELECT tier_of(%s)", (i,))[0] for i in (1, 2, 3)] == ["GOLD", "NONE", "UNKNOWN"]


def test_loops_reverse_ranges_and_cursor_for_loops(pg):
    _apply(pg, """
        CREATE TABLE src (n NUMBER(9));
        CREATE TABLE out_rows (pos NUMBER(9), val NUMBER(9));
        CREATE OR REPLACE PROCEDURE fill (p_max IN NUMBER) IS
          v_pos PLS_INTEGER := 0;
        BEGIN
          FOR i IN REVERSE 1..p_max LOOP
            v_pos := v_pos + 1;
            INSERT INTO out_rows VALUES (v_pos, i);
          END LOOP;
          FOR r IN (SELECT n FROM src ORDER BY n) LOOP
            EXIT WHEN r.n > 20;
            v_pos := v_pos + 1;
            INSERT INTO out_rows VALUES (v_pos, r.n * 10);
          END LOOP;
        END;
        /
    """, ("FILL",))
    pg.execute("INSERT INTO src VALUES (2), (1), (30)")
    pg.execute("CALL fill(3)")
    # Oracle: REVERSE 1..3 counts 3, 2, 1; the cursor loop reads 1, 2 and stops at 30
    assert pg.execute("SELECT pos, val FROM out_rows ORDER BY pos").fetchall() == [
        (1, 3), (2, 2), (3, 1), (4, 10), (5, 20)]


def test_rowcount_and_commit_in_a_procedure(pg):
    _apply(pg, """
        CREATE TABLE orders (order_id NUMBER(9) PRIMARY KEY, status VARCHAR2(12));
        CREATE TABLE job_log (closed NUMBER(9));
        CREATE OR REPLACE PROCEDURE close_new IS
          v_closed NUMBER;
        BEGIN
          UPDATE orders SET status = 'CLOSED' WHERE status = 'NEW';
          v_closed := SQL%ROWCOUNT;
          INSERT INTO job_log VALUES (v_closed);
          COMMIT;
        END;
        /
    """, ("CLOSE_NEW",))
    pg.execute("INSERT INTO orders VALUES (1, 'NEW'), (2, 'NEW'), (3, 'PAID')")
    pg.execute("CALL close_new()")
    assert _one(pg, "SELECT closed FROM job_log") == (2,)
    assert _one(pg, "SELECT count(*) FROM orders WHERE status = 'CLOSED'") == (2,)


def test_what_has_no_faithful_rewrite_is_held_back_with_its_line():
    a = migplan.assess_text("""
        CREATE TABLE t (a NUMBER);
        CREATE OR REPLACE PROCEDURE p IS
        BEGIN
          UPDATE t SET a = a + 1;
          COMMIT;
        EXCEPTION
          WHEN OTHERS THEN
            ROLLBACK;
            RAISE;
        END;
        /
        CREATE OR REPLACE PROCEDURE q IS
        BEGIN
          pkg.log_message('x');
        END;
        /
    """, source="oracle", target="aurora-postgresql")
    items = {(i.object, i.code): i for i in a.action_items.active()}
    assert items[("P", "COD002")].message.startswith("procedure not converted: COMMIT or ROLLBACK inside a block")
    assert items[("Q", "COD002")].line == 15 and "pkg.log_message" in items[("Q", "COD002")].message
    files = a.plan.ddl_files()
    runnable = "".join(files.get(f, "") for f in ("01_before_full_load.sql", "02_before_cached_changes.sql",
                                                   "03_after_cached_changes.sql", "04_cutover.sql"))
    assert "PROCEDURE p" not in runnable.lower() and "procedure q" not in runnable.lower()
