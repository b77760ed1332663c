CREATE OR REPLACE PACKAGE BODY retail.pkg_order_mgmt
AS
  -- package state (one copy per session)
  g_call_count  PLS_INTEGER := 0;
  g_last_order  retail.orders.order_id%TYPE;

  CURSOR c_category_products (cp_category_id retail.categories.category_id%TYPE) IS
    SELECT p.product_id, p.list_price
      FROM retail.products p
     WHERE p.category_id = cp_category_id
       AND p.status = 'ACTIVE'
       FOR UPDATE OF p.list_price;

  --------------------------------------------------------------------------
  -- Logging in its own transaction: survives the caller's ROLLBACK.
  --------------------------------------------------------------------------
  PROCEDURE log_message (
    p_module   IN VARCHAR2,
    p_message  IN VARCHAR2,
    p_level    IN VARCHAR2 DEFAULT 'INFO'
  )
  IS
    PRAGMA AUTONOMOUS_TRANSACTION;
  BEGIN
    INSERT INTO retail.app_log (log_id, log_ts, log_level, module, message, username)
    VALUES (retail.app_log_seq.NEXTVAL,
            SYSTIMESTAMP,
            p_level,
            SUBSTR(p_module, 1, 60),
            SUBSTR(p_message, 1, 4000),
            SYS_CONTEXT('USERENV', 'SESSION_USER'));
    COMMIT;
  EXCEPTION
    WHEN OTHERS THEN
      ROLLBACK;   -- never let logging break the caller
  END log_message;

  --------------------------------------------------------------------------
  FUNCTION create_order (
    p_customer_id  IN retail.customers.customer_id%TYPE,
    p_lines        IN t_order_lines,
    p_store_id     IN retail.stores.store_id%TYPE DEFAULT NULL
  ) RETURN retail.orders.order_id%TYPE
  IS
    v_order_id  retail.orders.order_id%TYPE;
    v_store_id  retail.stores.store_id%TYPE := NVL(p_store_id, g_default_store_id);
    v_price     retail.products.list_price%TYPE;
    v_stock     retail.inventories.quantity_on_hand%TYPE;
    v_total     NUMBER(12,2) := 0;
    v_idx       PLS_INTEGER;
    v_line_no   PLS_INTEGER := 0;
  BEGIN
    g_call_count := g_call_count + 1;

    IF p_lines.COUNT = 0 THEN
      RAISE_APPLICATION_ERROR(-20001, 'An order needs at least one line');
    END IF;

    INSERT INTO retail.orders (order_id, customer_id, store_id, order_date, order_ts, status, order_total)
    VALUES (retail.orders_seq.NEXTVAL, p_customer_id, v_store_id, TRUNC(SYSDATE), SYSTIMESTAMP, 'NEW', 0)
    RETURNING order_id INTO v_order_id;

    v_idx := p_lines.FIRST;
    WHILE v_idx IS NOT NULL LOOP
      v_line_no := v_line_no + 1;

      SELECT p.list_price
        INTO v_price
        FROM retail.products p
       WHERE p.product_id = p_lines(v_idx).product_id
         AND p.status = 'ACTIVE';

      SELECT i.quantity_on_hand
        INTO v_stock
        FROM retail.inventories i
       WHERE i.product_id = p_lines(v_idx).product_id
         AND i.store_id = v_store_id
         FOR UPDATE;

      IF v_stock < p_lines(v_idx).quantity THEN
        RAISE e_insufficient_stock;
      END IF;

      INSERT INTO retail.order_items (order_id, line_item_id, product_id, unit_price, quantity, discount_pct)
      VALUES (v_order_id, v_line_no, p_lines(v_idx).product_id, v_price, p_lines(v_idx).quantity, 0);

      UPDATE retail.inventories i
         SET i.quantity_on_hand = i.quantity_on_hand - p_lines(v_idx).quantity
       WHERE i.product_id = p_lines(v_idx).product_id
         AND i.store_id = v_store_id;

      v_total := v_total + v_price * p_lines(v_idx).quantity;
      v_idx := p_lines.NEXT(v_idx);
    END LOOP;

    UPDATE retail.orders o
       SET o.order_total = v_total
     WHERE o.order_id = v_order_id;

    g_last_order := v_order_id;
    RETURN v_order_id;

  EXCEPTION
    WHEN NO_DATA_FOUND THEN
      log_message('CREATE_ORDER', 'Unknown/inactive product or no stock row; customer ' || p_customer_id, 'ERROR');
      RAISE_APPLICATION_ERROR(-20002, 'Unknown product, or product not stocked in store ' || v_store_id, TRUE);
    WHEN e_insufficient_stock THEN
      log_message('CREATE_ORDER', 'Insufficient stock; customer ' || p_customer_id, 'WARN');
      RAISE;
  END create_order;

  --------------------------------------------------------------------------
  PROCEDURE cancel_order (
    p_order_id  IN retail.orders.order_id%TYPE,
    p_reason    IN VARCHAR2
  )
  IS
    TYPE t_items IS TABLE OF retail.order_items%ROWTYPE;
    l_items     t_items;
    v_store_id  retail.orders.store_id%TYPE;
  BEGIN
    SELECT o.store_id
      INTO v_store_id
      FROM retail.orders o
     WHERE o.order_id = p_order_id
       AND o.status IN ('NEW', 'PAID')
       FOR UPDATE;

    SELECT oi.*
      BULK COLLECT INTO l_items
      FROM retail.order_items oi
     WHERE oi.order_id = p_order_id;

    -- put the stock back in one round trip
    FORALL i IN 1 .. l_items.COUNT
      UPDATE retail.inventories inv
         SET inv.quantity_on_hand = inv.quantity_on_hand + l_items(i).quantity
       WHERE inv.product_id = l_items(i).product_id
         AND inv.store_id = v_store_id;

    UPDATE retail.orders o
       SET o.status = 'CANCELLED',
           o.cancel_reason = SUBSTR(p_reason, 1, 400)
     WHERE o.order_id = p_order_id;

    log_message('CANCEL_ORDER', 'Order ' || p_order_id || ' cancelled: ' || p_reason);
  EXCEPTION
    WHEN NO_DATA_FOUND THEN
      RAISE_APPLICATION_ERROR(-20003, 'Order ' || p_order_id || ' does not exist or cannot be cancelled');
  END cancel_order;

  --------------------------------------------------------------------------
  PROCEDURE cancel_orders (
    p_order_ids  IN retail.t_id_list,
    p_reason     IN VARCHAR2
  )
  IS
  BEGIN
    FOR r IN (SELECT COLUMN_VALUE AS order_id FROM TABLE(p_order_ids)) LOOP
      cancel_order(r.order_id, p_reason);
    END LOOP;
  END cancel_orders;

  --------------------------------------------------------------------------
  PROCEDURE reprice_category (
    p_category_id  IN retail.categories.category_id%TYPE,
    p_pct          IN NUMBER
  )
  IS
    TYPE t_ids    IS TABLE OF retail.products.product_id%TYPE;
    TYPE t_prices IS TABLE OF retail.products.list_price%TYPE;
    l_ids     t_ids;
    l_prices  t_prices;
    v_rows    PLS_INTEGER := 0;
  BEGIN
    IF p_pct NOT BETWEEN -50 AND 50 THEN
      RAISE_APPLICATION_ERROR(-20004, 'Price change of ' || p_pct || '% is out of range');
    END IF;

    OPEN c_category_products(p_category_id);
    LOOP
      FETCH c_category_products BULK COLLECT INTO l_ids, l_prices LIMIT 500;
      EXIT WHEN l_ids.COUNT = 0;

      FORALL i IN 1 .. l_ids.COUNT
        UPDATE retail.products p
           SET p.list_price = ROUND(l_prices(i) * (1 + p_pct / 100), 2),
               p.updated_at = SYSTIMESTAMP
         WHERE p.product_id = l_ids(i);

      v_rows := v_rows + SQL%ROWCOUNT;
    END LOOP;
    CLOSE c_category_products;

    COMMIT;
    log_message('REPRICE_CATEGORY', v_rows || ' products in category ' || p_category_id || ' repriced by ' || p_pct || '%');
  EXCEPTION
    WHEN OTHERS THEN
      IF c_category_products%ISOPEN THEN
        CLOSE c_category_products;
      END IF;
      log_message('REPRICE_CATEGORY', SQLERRM, 'ERROR');
      RAISE;
  END reprice_category;

  --------------------------------------------------------------------------
  PROCEDURE purge_audit (p_older_than_days IN PLS_INTEGER DEFAULT 365)
  IS
    v_sql   VARCHAR2(400);
    v_rows  PLS_INTEGER;
  BEGIN
    v_sql := 'DELETE FROM retail.audit_log '
          || ' WHERE changed_at < SYSTIMESTAMP - NUMTODSINTERVAL(:days, ''DAY'')';
    EXECUTE IMMEDIATE v_sql USING p_older_than_days;
    v_rows := SQL%ROWCOUNT;
    COMMIT;

    EXECUTE IMMEDIATE 'BEGIN DBMS_STATS.GATHER_TABLE_STATS(:own, :tab); END;'
      USING 'RETAIL', 'AUDIT_LOG';

    log_message('PURGE_AUDIT', v_rows || ' audit rows older than ' || p_older_than_days || ' days deleted');
  END purge_audit;

  --------------------------------------------------------------------------
  FUNCTION get_call_count RETURN PLS_INTEGER
  IS
  BEGIN
    RETURN g_call_count;
  END get_call_count;

BEGIN
  -- package initialisation: runs once per session on first reference
  g_call_count := 0;
END pkg_order_mgmt;
/
