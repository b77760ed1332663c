REM =====================================================================
REM  Secondary indexes (indexes that belong to a single table are kept in
REM  that table's .tab file; these are the cross-cutting / FK indexes).
REM =====================================================================

CREATE INDEX retail.employees_manager_ix ON retail.employees (manager_id)
  TABLESPACE retail_idx;

CREATE INDEX retail.employees_department_ix ON retail.employees (department_id)
  TABLESPACE retail_idx;

CREATE INDEX retail.products_category_status_ix ON retail.products (category_id, status)
  TABLESPACE retail_idx
  PCTFREE 10
  COMPRESS 1;

CREATE INDEX retail.products_supplier_ix ON retail.products (supplier_id)
  TABLESPACE retail_idx;

CREATE INDEX retail.products_name_upper_ix ON retail.products (UPPER(product_name))
  TABLESPACE retail_idx;

CREATE INDEX retail.customer_addresses_customer_ix ON retail.customer_addresses (customer_id)
  TABLESPACE retail_idx;

-- local (equi-partitioned) composite index on the partitioned ORDERS table
CREATE INDEX retail.orders_customer_date_ix ON retail.orders (customer_id, order_date)
  TABLESPACE retail_idx
  LOCAL;

-- global, descending
CREATE INDEX retail.orders_date_desc_ix ON retail.orders (order_date DESC, order_id)
  TABLESPACE retail_idx
  PCTFREE 5
  STORAGE (INITIAL 1M NEXT 1M MAXEXTENTS UNLIMITED)
  LOGGING;

-- bitmap indexes on a partitioned table must be LOCAL
CREATE BITMAP INDEX retail.orders_status_bix ON retail.orders (status)
  LOCAL;

CREATE INDEX retail.order_items_product_ix ON retail.order_items (product_id)
  TABLESPACE retail_idx;

CREATE INDEX retail.order_returns_item_ix ON retail.order_returns (order_id, line_item_id)
  TABLESPACE retail_idx;

CREATE INDEX retail.inventories_store_ix ON retail.inventories (store_id)
  TABLESPACE retail_idx;

CREATE INDEX retail.payments_order_ix ON retail.payments (order_id)
  TABLESPACE retail_idx;

CREATE INDEX retail.payments_paid_at_ix ON retail.payments (paid_at DESC)
  TABLESPACE retail_idx;
