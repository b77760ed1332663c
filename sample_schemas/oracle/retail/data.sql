REM =====================================================================
REM  data.sql -- sample rows for the RETAIL schema (run last by install.sql)
REM  Rows are inserted parents-first so every foreign key is satisfied.
REM  The departments <-> employees cycle: departments go in with a NULL
REM  manager_id, then employees, then the departments are updated.
REM  The file is UTF-8; set NLS_LANG=.AL32UTF8 before running SQL*Plus.
REM  GTT_STOCK_COUNTS gets no rows: it is emptied at every COMMIT.
REM =====================================================================
SET DEFINE OFF

-- regions
INSERT INTO retail.regions (region_id, region_name) VALUES (10, 'Europe');
INSERT INTO retail.regions (region_id, region_name) VALUES (20, 'Americas');
INSERT INTO retail.regions (region_id, region_name) VALUES (30, 'Asia Pacific');
INSERT INTO retail.regions (region_id, region_name) VALUES (40, 'Middle East & Africa');

-- countries
INSERT INTO retail.countries (country_code, country_name, local_name, region_id, currency_code) VALUES ('GB', 'United Kingdom', N'United Kingdom', 10, 'GBP');
INSERT INTO retail.countries (country_code, country_name, local_name, region_id, currency_code) VALUES ('IE', 'Ireland', N'Éire', 10, 'EUR');
INSERT INTO retail.countries (country_code, country_name, local_name, region_id, currency_code) VALUES ('DE', 'Germany', N'Deutschland', 10, 'EUR');
INSERT INTO retail.countries (country_code, country_name, local_name, region_id, currency_code) VALUES ('FR', 'France', N'France', 10, 'EUR');
INSERT INTO retail.countries (country_code, country_name, local_name, region_id, currency_code) VALUES ('US', 'United States', N'United States', 20, 'USD');
INSERT INTO retail.countries (country_code, country_name, local_name, region_id, currency_code) VALUES ('JP', 'Japan', N'日本', 30, 'JPY');
INSERT INTO retail.countries (country_code, country_name, local_name, region_id, currency_code) VALUES ('AE', 'United Arab Emirates', N'الإمارات', 40, 'AED');

-- stores (explicit keys, so STORES_BIR leaves them alone)
INSERT INTO retail.stores (store_id, store_name, country_code, city, street_address, opened_date, floor_area_sqm, timezone_name, is_online)
VALUES (1, 'London Oxford Street', 'GB', 'London', '210 Oxford Street', DATE '2009-04-01', 1250.5f, 'Europe/London', 'N');
INSERT INTO retail.stores (store_id, store_name, country_code, city, street_address, opened_date, floor_area_sqm, timezone_name, is_online)
VALUES (2, 'Manchester Arndale', 'GB', 'Manchester', 'Unit 14, Arndale Centre', DATE '2012-10-15', 640f, 'Europe/London', 'N');
INSERT INTO retail.stores (store_id, store_name, country_code, city, street_address, opened_date, floor_area_sqm, timezone_name, is_online)
VALUES (3, 'Dublin Grafton Street', 'IE', 'Dublin', '88 Grafton Street', TO_DATE('2016-03-17', 'YYYY-MM-DD'), 480.25f, 'Europe/Dublin', 'N');
INSERT INTO retail.stores (store_id, store_name, country_code, city, street_address, opened_date, floor_area_sqm, timezone_name, is_online)
VALUES (4, 'Berlin Mitte', 'DE', 'Berlin', 'Friedrichstraße 68', DATE '2021-09-01', 710f, 'Europe/Berlin', 'N');
INSERT INTO retail.stores (store_id, store_name, country_code, city, street_address, opened_date, floor_area_sqm, timezone_name, is_online)
VALUES (5, 'Online Store', 'GB', NULL, NULL, DATE '2010-01-01', NULL, 'UTC', 'Y');

-- departments: manager_id left NULL for now (FK cycle with employees)
INSERT INTO retail.departments (department_id, department_name, manager_id, store_id, cost_center) VALUES (10, 'Management', NULL, 1, 'CC-100');
INSERT INTO retail.departments (department_id, department_name, manager_id, store_id, cost_center) VALUES (20, 'Sales', NULL, 1, 'CC-200');
INSERT INTO retail.departments (department_id, department_name, manager_id, store_id, cost_center) VALUES (30, 'Warehouse', NULL, 5, 'CC-300');
INSERT INTO retail.departments (department_id, department_name, manager_id, store_id, cost_center) VALUES (40, 'Customer Service', NULL, 5, 'CC-400');
INSERT INTO retail.departments (department_id, department_name, manager_id, store_id, cost_center) VALUES (50, 'IT', NULL, NULL, 'CC-500');

-- employees: managers before their reports (self-referencing FK)
INSERT INTO retail.employees (employee_id, first_name, last_name, email, phone_number, hire_date, job_title, salary, commission_pct, manager_id, department_id, store_id, probation_period)
VALUES (100, 'Margaret', 'Holloway', 'margaret.holloway@retail.example', '+44 20 7946 0100', DATE '2010-02-01', 'Chief Executive', 185000, NULL, NULL, 10, 1, INTERVAL '0-0' YEAR TO MONTH);
INSERT INTO retail.employees (employee_id, first_name, last_name, email, phone_number, hire_date, job_title, salary, commission_pct, manager_id, department_id, store_id, probation_period)
VALUES (101, 'Daniel', 'Price', 'daniel.price@retail.example', '+44 20 7946 0101', DATE '2012-05-14', 'Sales Director', 98000, 0.10, 100, 20, 1, INTERVAL '0-6' YEAR TO MONTH);
INSERT INTO retail.employees (employee_id, first_name, last_name, email, phone_number, hire_date, job_title, salary, commission_pct, manager_id, department_id, store_id)
VALUES (102, 'Aisha', 'Rahman', 'aisha.rahman@retail.example', NULL, DATE '2016-09-01', 'Store Manager', 56000, 0.05, 101, 20, 2);
INSERT INTO retail.employees (employee_id, first_name, last_name, email, phone_number, hire_date, job_title, salary, commission_pct, manager_id, department_id, store_id)
VALUES (103, 'Ciarán', 'Byrne', 'ciaran.byrne@retail.example', '+353 1 555 0103', DATE '2018-03-19', 'Store Manager', 54000, 0.05, 101, 20, 3);
INSERT INTO retail.employees (employee_id, first_name, last_name, email, phone_number, hire_date, job_title, salary, commission_pct, manager_id, department_id, store_id)
VALUES (104, 'Tomasz', 'Nowak', 'tomasz.nowak@retail.example', NULL, DATE '2015-01-05', 'Warehouse Lead', 48000, NULL, 100, 30, 5);
INSERT INTO retail.employees (employee_id, first_name, last_name, email, phone_number, hire_date, job_title, salary, commission_pct, manager_id, department_id, store_id, probation_period)
VALUES (105, 'Grace', 'Liu', 'grace.liu@retail.example', NULL, DATE '2024-06-20', 'Picker', 28500, NULL, 104, 30, 5, INTERVAL '0-3' YEAR TO MONTH);
INSERT INTO retail.employees (employee_id, first_name, last_name, email, phone_number, hire_date, job_title, salary, commission_pct, manager_id, department_id, store_id)
VALUES (106, 'Hannah', 'Schmidt', 'hannah.schmidt@retail.example', NULL, DATE '2019-11-11', 'Service Lead', 42000, NULL, 100, 40, 5);
INSERT INTO retail.employees (employee_id, first_name, last_name, email, phone_number, hire_date, job_title, salary, commission_pct, manager_id, department_id, store_id)
VALUES (107, 'Oliver', 'Grant', 'oliver.grant@retail.example', NULL, DATE '2014-04-01', 'IT Manager', 72000, NULL, 100, 50, NULL);

-- close the cycle
UPDATE retail.departments SET manager_id = 100 WHERE department_id = 10;
UPDATE retail.departments SET manager_id = 101 WHERE department_id = 20;
UPDATE retail.departments SET manager_id = 104 WHERE department_id = 30;
UPDATE retail.departments SET manager_id = 106 WHERE department_id = 40;
UPDATE retail.departments SET manager_id = 107 WHERE department_id = 50;

-- categories: parents first (self-referencing FK)
INSERT INTO retail.categories (category_id, parent_category_id, category_name, display_order) VALUES (1, NULL, 'Electronics', 10);
INSERT INTO retail.categories (category_id, parent_category_id, category_name, display_order) VALUES (5, NULL, 'Home & Garden', 20);
INSERT INTO retail.categories (category_id, parent_category_id, category_name, display_order) VALUES (7, NULL, 'Clothing', 30);
INSERT INTO retail.categories (category_id, parent_category_id, category_name, display_order) VALUES (2, 1, 'Computers', 11);
INSERT INTO retail.categories (category_id, parent_category_id, category_name, display_order) VALUES (3, 2, 'Laptops', 12);
INSERT INTO retail.categories (category_id, parent_category_id, category_name, display_order) VALUES (4, 1, 'Phones', 13);
INSERT INTO retail.categories (category_id, parent_category_id, category_name, display_order) VALUES (6, 5, 'Kitchen', 21);
INSERT INTO retail.categories (category_id, parent_category_id, category_name, display_order) VALUES (8, 5, 'Outdoor', 22);

-- suppliers
INSERT INTO retail.suppliers (supplier_id, supplier_name, contact_name, contact_email, country_code, payment_terms, rating) VALUES (1, 'Acme Components Ltd', N'Priya Shah', 'orders@acme-components.example', 'GB', 30, 4.2);
INSERT INTO retail.suppliers (supplier_id, supplier_name, contact_name, contact_email, country_code, payment_terms, rating) VALUES (2, 'Rheinland Haushaltswaren GmbH', N'Jürgen Weiß', 'vertrieb@rheinland-hw.example', 'DE', 60, 4.8);
INSERT INTO retail.suppliers (supplier_id, supplier_name, contact_name, contact_email, country_code, payment_terms, rating) VALUES (3, 'Pacific Devices KK', N'佐藤 花子', 'sales@pacific-devices.example', 'JP', 45, 4.5);
INSERT INTO retail.suppliers (supplier_id, supplier_name, contact_name, contact_email, country_code, payment_terms, rating) VALUES (4, 'Atlantic Apparel Inc.', N'Jordan Blake', NULL, 'US', 30, 3.9);
INSERT INTO retail.suppliers (supplier_id, supplier_name, contact_name, contact_email, country_code, payment_terms, rating) VALUES (5, 'O''Connor & Daughters', N'Niamh O''Connor', 'niamh@oconnor.example', 'IE', 14, NULL);

-- products (PRODUCTS_AIU_AUDIT writes one AUDIT_LOG row per insert)
INSERT INTO retail.products (product_id, sku, product_name, category_id, supplier_id, list_price, unit_cost, weight_kg, popularity_score, warranty_period, status, description, spec_sheet)
VALUES (1001, 'LAP-14-PRO', 'Aurora 14 Pro Laptop', 3, 3, 1299.00, 910.00, 1.45d, 87.25, INTERVAL '2-0' YEAR TO MONTH, 'ACTIVE',
        'A 14-inch laptop with a 12-core CPU; 32 GB RAM; 1 TB SSD.',
        XMLTYPE('<spec><dim unit="cm">31.2 x 22.1 x 1.5</dim><battery unit="Wh">72</battery><ports>2x USB-C, HDMI</ports></spec>'));
INSERT INTO retail.products (product_id, sku, product_name, category_id, supplier_id, list_price, unit_cost, weight_kg, popularity_score, warranty_period, status, description, spec_sheet)
VALUES (1002, 'LAP-13-AIR', 'Aurora 13 Air Laptop', 3, 3, 999.00, 702.50, 1.12d, 91.5, INTERVAL '2-0' YEAR TO MONTH, 'ACTIVE',
        'Thin and light; fan-less design.', XMLTYPE('<spec><dim unit="cm">29.8 x 20.4 x 1.1</dim></spec>'));
INSERT INTO retail.products (product_id, sku, product_name, category_id, supplier_id, list_price, unit_cost, weight_kg, popularity_score, warranty_period, status, description, spec_sheet)
VALUES (1003, 'PHN-X2-128', 'Nimbus X2 Phone 128 GB', 4, 3, 649.00, 455.00, 0.19d, 95, INTERVAL '1-0' YEAR TO MONTH, 'ACTIVE', NULL, NULL);
INSERT INTO retail.products (product_id, sku, product_name, category_id, supplier_id, list_price, unit_cost, weight_kg, popularity_score, warranty_period, status, description, spec_sheet)
VALUES (1004, 'KIT-KETTLE-1', 'Steel Kettle 1.7 L', 6, 2, 39.99, 17.80, 1.1d, 64.125, INTERVAL '1-6' YEAR TO MONTH, 'ACTIVE', 'Brushed steel; 3 kW; boil-dry protection.', NULL);
INSERT INTO retail.products (product_id, sku, product_name, category_id, supplier_id, list_price, unit_cost, weight_kg, popularity_score, warranty_period, status, description, spec_sheet)
VALUES (1005, 'KIT-KNIFE-SET', 'Chef''s Knife Set (5 pcs)', 6, 2, 89.50, 41.00, 2.3d, 40, INTERVAL '5-0' YEAR TO MONTH, 'ACTIVE', 'Forged steel; "lifetime" edge -- see warranty terms.', NULL);
INSERT INTO retail.products (product_id, sku, product_name, category_id, supplier_id, list_price, unit_cost, weight_kg, popularity_score, warranty_period, status, description, spec_sheet)
VALUES (1006, 'CLO-JKT-RAIN', 'Rain Jacket', 7, 4, 120.00, 48.00, 0.6d, 55.5, NULL, 'ACTIVE', NULL, NULL);
INSERT INTO retail.products (product_id, sku, product_name, category_id, supplier_id, list_price, unit_cost, weight_kg, popularity_score, warranty_period, status, description, spec_sheet)
VALUES (1007, 'OUT-TENT-2P', 'Two-Person Tent', 8, NULL, 199.00, 95.00, 2.8d, NULL, INTERVAL '2-0' YEAR TO MONTH, 'ACTIVE', 'Own-brand; 2,000 mm hydrostatic head.', NULL);
INSERT INTO retail.products (product_id, sku, product_name, category_id, supplier_id, list_price, unit_cost, weight_kg, popularity_score, warranty_period, status, description, spec_sheet)
VALUES (1008, 'CBL-USB-C-1M', 'USB-C Cable 1 m', 2, 1, 9.99, 1.20, 0.05d, 12, NULL, 'DISCONTINUED', NULL, NULL);

-- product descriptions (national character set)
INSERT INTO retail.product_descriptions (product_id, language_code, translated_name, translated_description) VALUES (1001, 'de', N'Aurora 14 Pro Notebook', N'14-Zoll-Notebook mit 12-Kern-Prozessor; 32 GB Arbeitsspeicher.');
INSERT INTO retail.product_descriptions (product_id, language_code, translated_name, translated_description) VALUES (1001, 'fr', N'Ordinateur portable Aurora 14 Pro', N'Écran de 14 pouces; processeur à 12 cœurs.');
INSERT INTO retail.product_descriptions (product_id, language_code, translated_name, translated_description) VALUES (1003, 'ja', N'ニンバス X2 スマートフォン 128 GB', N'6.1 インチ有機ELディスプレイ。');
INSERT INTO retail.product_descriptions (product_id, language_code, translated_name, translated_description) VALUES (1004, 'de', N'Edelstahl-Wasserkocher 1,7 l', NULL);
INSERT INTO retail.product_descriptions (product_id, language_code, translated_name, translated_description) VALUES (1005, 'fr', N'Ensemble de couteaux de chef (5 pièces)', N'Acier forgé.');
INSERT INTO retail.product_descriptions (product_id, language_code, translated_name, translated_description) VALUES (1006, 'de', N'Regenjacke', N'Wasserdicht und atmungsaktiv.');

-- legacy notes (LONG column)
INSERT INTO retail.legacy_product_notes (note_id, product_id, created_on, note_text) VALUES (1, 1005, DATE '1998-06-12', 'Imported from CATALOG.DBF; original SKU K-5500. Supplier changed in 2004.');
INSERT INTO retail.legacy_product_notes (note_id, product_id, created_on, note_text) VALUES (2, 1004, DATE '1999-01-30', 'Customer complaints about the lid hinge; see ticket 4471.');
INSERT INTO retail.legacy_product_notes (note_id, product_id, created_on, note_text) VALUES (3, 1007, DATE '2001-09-03', 'Seasonal item: stock only March-September.');

-- customers: explicit ids are allowed because the identity is BY DEFAULT
INSERT INTO retail.customers (customer_id, customer_guid, first_name, last_name, email, phone, gender, birth_date, preferred_lang, credit_limit, loyalty_points, marketing_opt_in, created_at, last_login_at)
VALUES (1, HEXTORAW('3F2504E04F8911D39A0C0305E82C3301'), 'Eleanor', 'Whitfield', 'eleanor.whitfield@example.co.uk', '+44 7700 900001', 'F', DATE '1984-07-21', N'en', 5000, 12840, 'Y', TIMESTAMP '2019-03-02 10:00:00', TIMESTAMP '2025-03-28 18:42:10.123456 +00:00');
INSERT INTO retail.customers (customer_id, customer_guid, first_name, last_name, email, phone, gender, birth_date, preferred_lang, credit_limit, loyalty_points, marketing_opt_in, created_at, last_login_at)
VALUES (2, HEXTORAW('3F2504E04F8911D39A0C0305E82C3302'), 'Raj', 'Patel', 'raj.patel@example.com', '+44 7700 900002', 'M', DATE '1979-12-05', N'en', 2500, 3120, 'N', TIMESTAMP '2020-06-11 09:30:00', TIMESTAMP '2025-03-28 08:05:00 +01:00');
INSERT INTO retail.customers (customer_id, first_name, last_name, email, phone, gender, birth_date, preferred_lang, credit_limit, loyalty_points, marketing_opt_in, created_at, last_login_at)
VALUES (3, 'Siobhán', 'O''Sullivan', 'siobhan.osullivan@example.ie', NULL, 'F', DATE '1991-03-17', N'ga', 1000, 240, 'Y', TIMESTAMP '2021-01-15 14:20:00', NULL);
INSERT INTO retail.customers (customer_id, first_name, last_name, email, phone, gender, birth_date, preferred_lang, credit_limit, loyalty_points, marketing_opt_in, created_at, last_login_at)
VALUES (4, 'Lukas', 'Becker', 'lukas.becker@example.de', '+49 30 555 0104', 'M', NULL, N'de', 1500, 999, 'N', TIMESTAMP '2022-09-01 08:00:00', TIMESTAMP '2025-01-10 12:00:00 +01:00');
INSERT INTO retail.customers (customer_id, first_name, last_name, email, phone, gender, birth_date, preferred_lang, credit_limit, loyalty_points, marketing_opt_in, created_at, last_login_at)
VALUES (5, 'Amara', 'Nwosu', 'amara.nwosu@example.com', NULL, 'F', DATE '1995-10-30', N'en', 500, 0, 'Y', TIMESTAMP '2023-02-14 19:45:00', NULL);
INSERT INTO retail.customers (customer_id, first_name, last_name, email, phone, gender, birth_date, preferred_lang, credit_limit, loyalty_points, marketing_opt_in, created_at, last_login_at)
VALUES (6, 'Camille', 'Dubois', 'camille.dubois@example.fr', '+33 1 55 55 01 06', 'F', DATE '1988-05-08', N'fr', 2000, 410, 'N', TIMESTAMP '2023-11-20 16:10:00', TIMESTAMP '2025-03-20 21:00:00 +01:00');
INSERT INTO retail.customers (customer_id, first_name, last_name, email, phone, gender, birth_date, preferred_lang, credit_limit, loyalty_points, marketing_opt_in, created_at, last_login_at)
VALUES (7, 'Michael', 'Chen', 'michael.chen@example.com', '+1 212 555 0107', 'M', DATE '1975-01-01', N'en', 0, 0, 'N', TIMESTAMP '2024-04-04 04:04:04', NULL);
INSERT INTO retail.customers (customer_id, first_name, last_name, email, phone, gender, birth_date, preferred_lang, credit_limit, loyalty_points, marketing_opt_in, created_at, last_login_at)
VALUES (8, 'Alex', 'Morgan', 'alex.morgan@example.org', NULL, 'X', NULL, N'en', 500, 0, 'N', TIMESTAMP '2025-03-30 11:11:11', NULL);

-- customer addresses
INSERT INTO retail.customer_addresses (address_id, customer_id, address_type, line1, line2, city, postal_code, country_code, is_default) VALUES (1, 1, 'SHIPPING', '221 Baker Street', NULL, 'London', 'NW1 6XE', 'GB', 'Y');
INSERT INTO retail.customer_addresses (address_id, customer_id, address_type, line1, line2, city, postal_code, country_code, is_default) VALUES (2, 1, 'BILLING', '1 Canada Square', 'Level 39', 'London', 'E14 5AB', 'GB', 'N');
INSERT INTO retail.customer_addresses (address_id, customer_id, address_type, line1, line2, city, postal_code, country_code, is_default) VALUES (3, 2, 'SHIPPING', 'Flat 2, 14 Deansgate', NULL, 'Manchester', 'M3 2BY', 'GB', 'Y');
INSERT INTO retail.customer_addresses (address_id, customer_id, address_type, line1, line2, city, postal_code, country_code, is_default) VALUES (4, 3, 'SHIPPING', '12 Merrion Square', NULL, 'Dublin', 'D02 VF25', 'IE', 'Y');
INSERT INTO retail.customer_addresses (address_id, customer_id, address_type, line1, line2, city, postal_code, country_code, is_default) VALUES (5, 4, 'SHIPPING', 'Torstraße 101', NULL, 'Berlin', '10119', 'DE', 'Y');
INSERT INTO retail.customer_addresses (address_id, customer_id, address_type, line1, line2, city, postal_code, country_code, is_default) VALUES (6, 5, 'SHIPPING', '5 Portland Street', NULL, 'Manchester', 'M1 3LA', 'GB', 'Y');
INSERT INTO retail.customer_addresses (address_id, customer_id, address_type, line1, line2, city, postal_code, country_code, is_default) VALUES (7, 6, 'SHIPPING', '77 Rue de Rivoli', NULL, 'Paris', '75001', 'FR', 'Y');
INSERT INTO retail.customer_addresses (address_id, customer_id, address_type, line1, line2, city, postal_code, country_code, is_default) VALUES (8, 7, 'BILLING', '350 Fifth Avenue', 'Suite 100', 'New York', '10118', 'US', 'Y');

-- promotions
INSERT INTO retail.promotions (promo_id, promo_code, description, discount_pct, valid_from, valid_to, max_duration) VALUES (10, 'WELCOME10', 'First order; 10% off', 10, DATE '2020-01-01', NULL, NULL);
INSERT INTO retail.promotions (promo_id, promo_code, description, discount_pct, valid_from, valid_to, max_duration) VALUES (20, 'SPRING25', 'Spring sale', 25, DATE '2025-03-15', DATE '2025-04-15', INTERVAL '31' DAY);
INSERT INTO retail.promotions (promo_id, promo_code, description, discount_pct, valid_from, valid_to, max_duration) VALUES (30, 'BLACKFRI', 'Black Friday weekend', 30, DATE '2024-11-29', DATE '2024-12-02', INTERVAL '3 23:59:59' DAY TO SECOND);
INSERT INTO retail.promotions (promo_id, promo_code, description, discount_pct, valid_from, valid_to, max_duration) VALUES (40, 'STAFF15', 'Staff discount', 15, DATE '2015-01-01', NULL, NULL);

-- orders (partition chosen by order_date: 2023, 2024, 2025)
INSERT INTO retail.orders (order_id, customer_id, store_id, sales_rep_id, promo_id, shipping_address_id, order_date, order_ts, status, order_total, currency_code, fulfilment_time, cancel_reason)
VALUES (100001, 1, 1, 101, NULL, 1, DATE '2023-11-24', TIMESTAMP '2023-11-24 11:02:45', 'DELIVERED', 1318.98, 'GBP', INTERVAL '0 00:15:00' DAY TO SECOND, NULL);
INSERT INTO retail.orders (order_id, customer_id, store_id, sales_rep_id, promo_id, shipping_address_id, order_date, order_ts, status, order_total, currency_code, fulfilment_time, cancel_reason)
VALUES (100002, 2, 5, NULL, 10, 3, DATE '2024-03-15', TIMESTAMP '2024-03-15 22:17:03', 'DELIVERED', 116.54, 'GBP', INTERVAL '1 16:20:00' DAY TO SECOND, NULL);
INSERT INTO retail.orders (order_id, customer_id, store_id, sales_rep_id, promo_id, shipping_address_id, order_date, order_ts, status, order_total, currency_code, fulfilment_time, cancel_reason)
VALUES (100003, 3, 3, 103, NULL, 4, DATE '2024-07-02', TIMESTAMP '2024-07-02 15:40:00', 'SHIPPED', 240.00, 'EUR', INTERVAL '2 04:30:00' DAY TO SECOND, NULL);
INSERT INTO retail.orders (order_id, customer_id, store_id, sales_rep_id, promo_id, shipping_address_id, order_date, order_ts, status, order_total, currency_code, fulfilment_time, cancel_reason)
VALUES (100004, 1, 5, NULL, 30, 2, DATE '2024-11-29', TIMESTAMP '2024-11-29 00:00:07', 'DELIVERED', 475.28, 'GBP', INTERVAL '3 09:00:00' DAY TO SECOND, NULL);
INSERT INTO retail.orders (order_id, customer_id, store_id, sales_rep_id, promo_id, shipping_address_id, order_date, order_ts, status, order_total, currency_code, fulfilment_time, cancel_reason)
VALUES (100005, 4, 4, NULL, NULL, 5, DATE '2025-01-10', TIMESTAMP '2025-01-10 12:03:00', 'PAID', 999.00, 'EUR', NULL, NULL);
INSERT INTO retail.orders (order_id, customer_id, store_id, sales_rep_id, promo_id, shipping_address_id, order_date, order_ts, status, order_total, currency_code, fulfilment_time, cancel_reason)
VALUES (100006, 5, 2, 102, NULL, 6, DATE '2025-02-14', TIMESTAMP '2025-02-14 17:30:00', 'CANCELLED', 199.00, 'GBP', NULL, 'Customer changed mind; refund issued -- see ticket 9921');
INSERT INTO retail.orders (order_id, customer_id, store_id, sales_rep_id, promo_id, shipping_address_id, order_date, order_ts, status, order_total, currency_code, fulfilment_time, cancel_reason)
VALUES (100007, 6, 5, NULL, 20, 7, DATE '2025-03-20', TIMESTAMP '2025-03-20 21:05:00', 'NEW', 149.99, 'EUR', NULL, NULL);
INSERT INTO retail.orders (order_id, customer_id, store_id, sales_rep_id, promo_id, shipping_address_id, order_date, order_ts, status, order_total, currency_code, fulfilment_time, cancel_reason)
VALUES (100008, 2, 1, 101, NULL, 3, DATE '2025-03-28', TIMESTAMP '2025-03-28 13:13:13', 'PAID', 1323.55, 'GBP', NULL, NULL);

-- order items (composite key)
INSERT INTO retail.order_items (order_id, line_item_id, product_id, unit_price, quantity, discount_pct) VALUES (100001, 1, 1001, 1299.00, 1, 0);
INSERT INTO retail.order_items (order_id, line_item_id, product_id, unit_price, quantity, discount_pct) VALUES (100001, 2, 1008, 9.99, 2, 0);
INSERT INTO retail.order_items (order_id, line_item_id, product_id, unit_price, quantity, discount_pct) VALUES (100002, 1, 1004, 39.99, 1, 10);
INSERT INTO retail.order_items (order_id, line_item_id, product_id, unit_price, quantity, discount_pct) VALUES (100002, 2, 1005, 89.50, 1, 10);
INSERT INTO retail.order_items (order_id, line_item_id, product_id, unit_price, quantity, discount_pct) VALUES (100003, 1, 1006, 120.00, 2, 0);
INSERT INTO retail.order_items (order_id, line_item_id, product_id, unit_price, quantity, discount_pct) VALUES (100004, 1, 1003, 649.00, 1, 30);
INSERT INTO retail.order_items (order_id, line_item_id, product_id, unit_price, quantity, discount_pct) VALUES (100004, 2, 1008, 9.99, 3, 30);
INSERT INTO retail.order_items (order_id, line_item_id, product_id, unit_price, quantity, discount_pct) VALUES (100005, 1, 1002, 999.00, 1, 0);
INSERT INTO retail.order_items (order_id, line_item_id, product_id, unit_price, quantity, discount_pct) VALUES (100006, 1, 1007, 199.00, 1, 0);
INSERT INTO retail.order_items (order_id, line_item_id, product_id, unit_price, quantity, discount_pct) VALUES (100007, 1, 1004, 39.99, 2, 25);
INSERT INTO retail.order_items (order_id, line_item_id, product_id, unit_price, quantity, discount_pct) VALUES (100007, 2, 1006, 120.00, 1, 25);
INSERT INTO retail.order_items (order_id, line_item_id, product_id, unit_price, quantity, discount_pct) VALUES (100008, 1, 1005, 89.50, 1, 0);
INSERT INTO retail.order_items (order_id, line_item_id, product_id, unit_price, quantity, discount_pct) VALUES (100008, 2, 1001, 1299.00, 1, 5);

-- returns (composite FK to order_items)
INSERT INTO retail.order_returns (return_id, order_id, line_item_id, return_date, quantity, reason_code, notes, refund_amount) VALUES (1, 100001, 2, DATE '2023-12-01', 1, 'DEFECTIVE', 'Cable frayed after a week -- replaced in store', 9.99);
INSERT INTO retail.order_returns (return_id, order_id, line_item_id, return_date, quantity, reason_code, notes, refund_amount) VALUES (2, 100004, 2, DATE '2024-12-10', 1, 'NOT_NEEDED', NULL, 6.99);
INSERT INTO retail.order_returns (return_id, order_id, line_item_id, return_date, quantity, reason_code, notes, refund_amount) VALUES (3, 100003, 1, DATE '2024-07-20', 1, 'WRONG_SIZE', 'Swapped for size L; customer''s note attached', 120.00);

-- inventory (composite key)
INSERT ALL
  INTO retail.inventories (product_id, store_id, quantity_on_hand, reorder_level, last_counted_at) VALUES (1001, 1, 5, 2, TIMESTAMP '2025-03-01 07:00:00')
  INTO retail.inventories (product_id, store_id, quantity_on_hand, reorder_level, last_counted_at) VALUES (1001, 5, 20, 5, TIMESTAMP '2025-03-01 07:00:00')
  INTO retail.inventories (product_id, store_id, quantity_on_hand, reorder_level, last_counted_at) VALUES (1002, 5, 12, 5, TIMESTAMP '2025-03-01 07:00:00')
  INTO retail.inventories (product_id, store_id, quantity_on_hand, reorder_level, last_counted_at) VALUES (1003, 5, 30, 10, TIMESTAMP '2025-03-01 07:00:00')
  INTO retail.inventories (product_id, store_id, quantity_on_hand, reorder_level, last_counted_at) VALUES (1004, 1, 15, 5, NULL)
  INTO retail.inventories (product_id, store_id, quantity_on_hand, reorder_level, last_counted_at) VALUES (1004, 5, 40, 10, TIMESTAMP '2025-03-01 07:00:00')
  INTO retail.inventories (product_id, store_id, quantity_on_hand, reorder_level, last_counted_at) VALUES (1005, 2, 6, 3, NULL)
  INTO retail.inventories (product_id, store_id, quantity_on_hand, reorder_level, last_counted_at) VALUES (1006, 3, 9, 4, TIMESTAMP '2025-02-28 18:30:00')
  INTO retail.inventories (product_id, store_id, quantity_on_hand, reorder_level, last_counted_at) VALUES (1007, 5, 3, 5, TIMESTAMP '2025-03-01 07:00:00')
  INTO retail.inventories (product_id, store_id, quantity_on_hand, reorder_level, last_counted_at) VALUES (1008, 5, 0, 0, TIMESTAMP '2024-12-31 23:00:00')
SELECT * FROM dual;

-- payments (a negative amount is a refund)
INSERT INTO retail.payments (payment_id, order_id, payment_method, amount, paid_at, gateway_txn_no, card_last4) VALUES (1, 100001, 'CARD', 1318.98, TIMESTAMP '2023-11-24 11:03:10 +00:00', 900000000000000000000000000001, '4242');
INSERT INTO retail.payments (payment_id, order_id, payment_method, amount, paid_at, gateway_txn_no, card_last4) VALUES (2, 100001, 'CARD', -9.99, TIMESTAMP '2023-12-01 10:00:00 +00:00', 900000000000000000000000000377, '4242');
INSERT INTO retail.payments (payment_id, order_id, payment_method, amount, paid_at, gateway_txn_no, card_last4) VALUES (3, 100002, 'PAYPAL', 116.54, TIMESTAMP '2024-03-15 22:17:30 +00:00', NULL, NULL);
INSERT INTO retail.payments (payment_id, order_id, payment_method, amount, paid_at, gateway_txn_no, card_last4) VALUES (4, 100003, 'CARD', 240.00, TIMESTAMP '2024-07-02 15:41:00 +01:00', 900000000000000000000000001024, '1881');
INSERT INTO retail.payments (payment_id, order_id, payment_method, amount, paid_at, gateway_txn_no, card_last4) VALUES (5, 100004, 'CARD', 475.28, TIMESTAMP '2024-11-29 00:00:30 +00:00', 900000000000000000000000002048, '4242');
INSERT INTO retail.payments (payment_id, order_id, payment_method, amount, paid_at, gateway_txn_no, card_last4) VALUES (6, 100005, 'VOUCHER', 999.00, TIMESTAMP '2025-01-10 12:04:00 +01:00', NULL, NULL);
INSERT INTO retail.payments (payment_id, order_id, payment_method, amount, paid_at, gateway_txn_no, card_last4) VALUES (7, 100008, 'CASH', 1323.55, TIMESTAMP '2025-03-28 13:14:00 +00:00', NULL, NULL);

-- exchange rates (index-organized table)
INSERT INTO retail.exchange_rates (from_currency, to_currency, rate_date, rate, inverse_rate, source) VALUES ('GBP', 'EUR', DATE '2025-03-03', 1.2047, 0.830082, 'ECB');
INSERT INTO retail.exchange_rates (from_currency, to_currency, rate_date, rate, inverse_rate, source) VALUES ('GBP', 'EUR', DATE '2025-03-04', 1.2089, 0.827198, 'ECB');
INSERT INTO retail.exchange_rates (from_currency, to_currency, rate_date, rate, inverse_rate, source) VALUES ('GBP', 'USD', DATE '2025-03-03', 1.2695, 0.787712, 'ECB');
INSERT INTO retail.exchange_rates (from_currency, to_currency, rate_date, rate, inverse_rate, source) VALUES ('EUR', 'USD', DATE '2025-03-03', 1.0537, 0.949037, 'ECB');
INSERT INTO retail.exchange_rates (from_currency, to_currency, rate_date, rate, inverse_rate, source) VALUES ('USD', 'JPY', DATE '2025-03-03', 149.52, 0.00668807, 'MANUAL');
INSERT INTO retail.exchange_rates (from_currency, to_currency, rate_date, rate, inverse_rate, source) VALUES ('EUR', 'AED', DATE '2025-03-03', 3.8702, NULL, 'MANUAL');

-- application log (normally written by PKG_ORDER_MGMT.LOG_MESSAGE)
INSERT INTO retail.app_log (log_id, log_ts, log_level, module, message, username) VALUES (1, TIMESTAMP '2025-03-01 02:00:00', 'INFO', 'PURGE_AUDIT', '0 audit rows older than 365 days deleted', 'RETAIL');
INSERT INTO retail.app_log (log_id, log_ts, log_level, module, message, username) VALUES (2, TIMESTAMP '2025-03-14 09:12:44', 'WARN', 'CREATE_ORDER', 'Insufficient stock; customer 5', 'RETAIL_APP');
INSERT INTO retail.app_log (log_id, log_ts, log_level, module, message, username) VALUES (3, TIMESTAMP '2025-03-20 21:05:02', 'ERROR', 'CREATE_ORDER', 'ORA-01403: no data found', 'RETAIL_APP');

-- audit rows from before the audit trigger existed (AUDIT_LOG has no key, so duplicates are legal)
INSERT INTO retail.audit_log (changed_at, table_name, action, row_key, old_value, new_value, changed_by) VALUES (TIMESTAMP '2022-01-04 08:00:00', 'CUSTOMERS', 'UPDATE', '1', 'credit_limit=2500', 'credit_limit=5000', 'MIGRATION');
INSERT INTO retail.audit_log (changed_at, table_name, action, row_key, old_value, new_value, changed_by) VALUES (TIMESTAMP '2022-01-04 08:00:00', 'CUSTOMERS', 'UPDATE', '1', 'credit_limit=2500', 'credit_limit=5000', 'MIGRATION');

COMMIT;
