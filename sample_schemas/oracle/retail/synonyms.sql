REM =====================================================================
REM  Synonyms and the database link to head office.
REM  CREATE DATABASE LINK always creates the link in the connected user's
REM  schema, so run this file connected as RETAIL.
REM =====================================================================

-- private synonyms
CREATE OR REPLACE SYNONYM retail.cust FOR retail.customers;
CREATE OR REPLACE SYNONYM retail.prod FOR retail.products;
CREATE OR REPLACE SYNONYM retail.ord  FOR retail.orders;

-- public synonyms
CREATE OR REPLACE PUBLIC SYNONYM retail_catalog FOR retail.v_product_catalog;
CREATE OR REPLACE PUBLIC SYNONYM pkg_order_mgmt FOR retail.pkg_order_mgmt;

-- remote object through a database link
CREATE DATABASE LINK hq_link
  CONNECT TO hq_reader IDENTIFIED BY "Change_Me_Hq_2024"
  USING 'HQPROD';

CREATE OR REPLACE SYNONYM retail.hq_price_list FOR pricing.price_list@hq_link;
