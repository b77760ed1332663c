CREATE OR REPLACE PACKAGE retail.pkg_order_mgmt
AUTHID DEFINER
AS
  /*
   * Order management API for the RETAIL schema.
   * Called by the web shop (through PUBLIC SYNONYM pkg_order_mgmt) and by the store tills.
   */

  gc_version          CONSTANT VARCHAR2(10) := '1.4.0';
  g_default_store_id  retail.stores.store_id%TYPE := 5;     -- the online store

  e_insufficient_stock EXCEPTION;
  PRAGMA EXCEPTION_INIT(e_insufficient_stock, -20010);

  TYPE t_order_line IS RECORD (
    product_id  retail.products.product_id%TYPE,
    quantity    retail.order_items.quantity%TYPE
  );
  TYPE t_order_lines IS TABLE OF t_order_line INDEX BY PLS_INTEGER;

  FUNCTION create_order (
    p_customer_id  IN retail.customers.customer_id%TYPE,
    p_lines        IN t_order_lines,
    p_store_id     IN retail.stores.store_id%TYPE DEFAULT NULL
  ) RETURN retail.orders.order_id%TYPE;

  PROCEDURE cancel_order (
    p_order_id  IN retail.orders.order_id%TYPE,
    p_reason    IN VARCHAR2
  );

  PROCEDURE cancel_orders (
    p_order_ids  IN retail.t_id_list,
    p_reason     IN VARCHAR2
  );

  PROCEDURE reprice_category (
    p_category_id  IN retail.categories.category_id%TYPE,
    p_pct          IN NUMBER
  );

  PROCEDURE purge_audit (p_older_than_days IN PLS_INTEGER DEFAULT 365);

  PROCEDURE log_message (
    p_module   IN VARCHAR2,
    p_message  IN VARCHAR2,
    p_level    IN VARCHAR2 DEFAULT 'INFO'
  );

  FUNCTION get_call_count RETURN PLS_INTEGER;

END pkg_order_mgmt;
/
