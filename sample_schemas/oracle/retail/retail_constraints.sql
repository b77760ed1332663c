REM =====================================================================
REM  Out-of-line constraints, added once every table exists.
REM  Single-constraint form:  ALTER TABLE t ADD CONSTRAINT c ...;
REM  Multi-constraint form :  ALTER TABLE t ADD (CONSTRAINT a ..., CONSTRAINT b ...);
REM =====================================================================

-- stores / departments / employees (departments <-> employees is a cycle)
ALTER TABLE retail.stores ADD CONSTRAINT stores_country_fk
  FOREIGN KEY (country_code) REFERENCES retail.countries (country_code);

ALTER TABLE retail.departments ADD (
  CONSTRAINT departments_manager_fk FOREIGN KEY (manager_id)
    REFERENCES retail.employees (employee_id) ON DELETE SET NULL,
  CONSTRAINT departments_store_fk FOREIGN KEY (store_id)
    REFERENCES retail.stores (store_id)
);

ALTER TABLE retail.employees ADD (
  CONSTRAINT employees_department_fk FOREIGN KEY (department_id)
    REFERENCES retail.departments (department_id),
  CONSTRAINT employees_manager_fk FOREIGN KEY (manager_id)
    REFERENCES retail.employees (employee_id),
  CONSTRAINT employees_store_fk FOREIGN KEY (store_id)
    REFERENCES retail.stores (store_id) ON DELETE SET NULL
);

-- catalogue
ALTER TABLE retail.suppliers ADD CONSTRAINT suppliers_country_fk
  FOREIGN KEY (country_code) REFERENCES retail.countries (country_code);

ALTER TABLE retail.products ADD (
  CONSTRAINT products_category_fk FOREIGN KEY (category_id)
    REFERENCES retail.categories (category_id),
  CONSTRAINT products_supplier_fk FOREIGN KEY (supplier_id)
    REFERENCES retail.suppliers (supplier_id) ON DELETE SET NULL,
  CONSTRAINT products_cost_ck CHECK (unit_cost IS NULL OR unit_cost <= list_price)
);

ALTER TABLE retail.product_descriptions ADD CONSTRAINT prod_descriptions_product_fk
  FOREIGN KEY (product_id) REFERENCES retail.products (product_id) ON DELETE CASCADE;

ALTER TABLE retail.legacy_product_notes ADD CONSTRAINT legacy_notes_product_fk
  FOREIGN KEY (product_id) REFERENCES retail.products (product_id) ON DELETE CASCADE;

-- customers
ALTER TABLE retail.customers ADD CONSTRAINT customers_email_uk UNIQUE (email)
  USING INDEX TABLESPACE retail_idx;

ALTER TABLE retail.customers ADD CONSTRAINT customers_credit_ck
  CHECK (credit_limit BETWEEN 0 AND 50000);

ALTER TABLE retail.customer_addresses ADD (
  CONSTRAINT customer_addresses_customer_fk FOREIGN KEY (customer_id)
    REFERENCES retail.customers (customer_id) ON DELETE CASCADE,
  CONSTRAINT customer_addresses_country_fk FOREIGN KEY (country_code)
    REFERENCES retail.countries (country_code),
  CONSTRAINT customer_addresses_default_ck CHECK (is_default IN ('Y', 'N'))
);

-- orders and everything hanging off them
ALTER TABLE retail.orders ADD (
  CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)
    REFERENCES retail.customers (customer_id),
  CONSTRAINT orders_store_fk FOREIGN KEY (store_id)
    REFERENCES retail.stores (store_id),
  CONSTRAINT orders_sales_rep_fk FOREIGN KEY (sales_rep_id)
    REFERENCES retail.employees (employee_id) ON DELETE SET NULL,
  CONSTRAINT orders_promo_fk FOREIGN KEY (promo_id)
    REFERENCES retail.promotions (promo_id) ON DELETE SET NULL,
  CONSTRAINT orders_ship_address_fk FOREIGN KEY (shipping_address_id)
    REFERENCES retail.customer_addresses (address_id) ON DELETE SET NULL
);

ALTER TABLE retail.order_items ADD (
  CONSTRAINT order_items_order_fk FOREIGN KEY (order_id)
    REFERENCES retail.orders (order_id) ON DELETE CASCADE,
  CONSTRAINT order_items_product_fk FOREIGN KEY (product_id)
    REFERENCES retail.products (product_id)
);

ALTER TABLE retail.order_returns ADD CONSTRAINT order_returns_item_fk
  FOREIGN KEY (order_id, line_item_id)
  REFERENCES retail.order_items (order_id, line_item_id) ON DELETE CASCADE;

ALTER TABLE retail.order_returns ADD CONSTRAINT order_returns_qty_ck CHECK (quantity > 0);

ALTER TABLE retail.order_returns ADD CONSTRAINT order_returns_reason_ck
  CHECK (reason_code IN ('DEFECTIVE', 'WRONG_SIZE', 'NOT_NEEDED', 'DAMAGED_IN_TRANSIT', 'OTHER'));

ALTER TABLE retail.inventories ADD (
  CONSTRAINT inventories_product_fk FOREIGN KEY (product_id)
    REFERENCES retail.products (product_id) ON DELETE CASCADE,
  CONSTRAINT inventories_store_fk FOREIGN KEY (store_id)
    REFERENCES retail.stores (store_id) ON DELETE CASCADE
);

ALTER TABLE retail.payments ADD CONSTRAINT payments_order_fk
  FOREIGN KEY (order_id) REFERENCES retail.orders (order_id) ON DELETE CASCADE;
