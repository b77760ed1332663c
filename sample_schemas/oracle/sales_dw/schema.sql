ALTER SESSION SET CURRENT_SCHEMA = SALES_DW;

CREATE TABLE times (
  time_id        DATE NOT NULL,
  calendar_month NUMBER(2) NOT NULL,
  calendar_year  NUMBER(4) NOT NULL,
  CONSTRAINT times_pk PRIMARY KEY (time_id)
);

CREATE TABLE channels (
  channel_id    NUMBER(3) NOT NULL,
  channel_desc  VARCHAR2(20 CHAR) NOT NULL,
  CONSTRAINT channels_pk PRIMARY KEY (channel_id)
);

CREATE TABLE customers (
  cust_id           NUMBER(10) NOT NULL,
  cust_name         VARCHAR2(100 CHAR) NOT NULL,
  cust_city         VARCHAR2(40),
  cust_credit_limit NUMBER(10,2),
  cust_comments     CLOB,
  CONSTRAINT customers_pk PRIMARY KEY (cust_id)
);

CREATE TABLE sales (
  prod_id     NUMBER(6) NOT NULL,
  cust_id     NUMBER(10) NOT NULL,
  time_id     DATE NOT NULL,
  channel_id  NUMBER(3) NOT NULL,
  quantity    NUMBER(10,2) NOT NULL,
  amount_sold NUMBER(12,2) NOT NULL,
  CONSTRAINT sales_cust_fk FOREIGN KEY (cust_id) REFERENCES customers (cust_id),
  CONSTRAINT sales_time_fk FOREIGN KEY (time_id) REFERENCES times (time_id),
  CONSTRAINT sales_channel_fk FOREIGN KEY (channel_id) REFERENCES channels (channel_id)
)
COMPRESS
PARTITION BY RANGE (time_id)
( PARTITION sales_2024 VALUES LESS THAN (TO_DATE('2025-01-01','YYYY-MM-DD')),
  PARTITION sales_2025 VALUES LESS THAN (TO_DATE('2026-01-01','YYYY-MM-DD')),
  PARTITION sales_max VALUES LESS THAN (MAXVALUE) );

CREATE TABLE costs (
  prod_id    NUMBER(6) NOT NULL,
  time_id    DATE NOT NULL,
  channel_id NUMBER(3) NOT NULL,
  unit_cost  NUMBER(10,2) NOT NULL,
  CONSTRAINT costs_time_fk FOREIGN KEY (time_id) REFERENCES times (time_id)
)
PARTITION BY LIST (channel_id)
( PARTITION costs_direct VALUES (3, 9), PARTITION costs_other VALUES (DEFAULT) );

CREATE BITMAP INDEX sales_channel_bix ON sales (channel_id) LOCAL NOLOGGING;
CREATE BITMAP INDEX sales_cust_bix ON sales (cust_id) LOCAL;
CREATE INDEX customers_city_ix ON customers (cust_city);

CREATE MATERIALIZED VIEW sales_by_month_mv
  BUILD IMMEDIATE REFRESH COMPLETE ON DEMAND ENABLE QUERY REWRITE AS
SELECT t.calendar_year, t.calendar_month, SUM(s.amount_sold) AS amount_sold, COUNT(*) AS sales_count
FROM sales s JOIN times t ON t.time_id = s.time_id
GROUP BY t.calendar_year, t.calendar_month;

CREATE DIMENSION times_dim
  LEVEL day IS times.time_id
  LEVEL month IS times.calendar_month
  LEVEL year IS times.calendar_year
  HIERARCHY cal_rollup (day CHILD OF month CHILD OF year);

CREATE OR REPLACE VIEW customer_sales_v AS
SELECT c.cust_name, NVL(SUM(s.amount_sold), 0) AS total_sold
FROM customers c LEFT JOIN sales s ON s.cust_id = c.cust_id
GROUP BY c.cust_name;

COMMENT ON TABLE sales IS 'Sales facts, partitioned by year';
