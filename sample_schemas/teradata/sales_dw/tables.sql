/* Sales data warehouse: dimensions and facts */
CREATE SET TABLE sales_dw.region_dim ,NO FALLBACK ,
     NO BEFORE JOURNAL,
     NO AFTER JOURNAL
     (
      region_id SMALLINT NOT NULL,
      region_name VARCHAR(40) CHARACTER SET LATIN NOT CASESPECIFIC NOT NULL,
      country_code CHAR(2) CHARACTER SET LATIN NOT NULL COMPRESS ('US','CA','MX'),
      CONSTRAINT pk_region PRIMARY KEY (region_id))
UNIQUE PRIMARY INDEX ( region_id );

CREATE MULTISET TABLE sales_dw.customer_dim ,NO FALLBACK
     (
      customer_id INTEGER NOT NULL,
      customer_name VARCHAR(120) CHARACTER SET UNICODE NOT CASESPECIFIC NOT NULL,
      email VARCHAR(254) CHARACTER SET LATIN,
      segment CHAR(1) COMPRESS ('R','W','C'),
      region_id SMALLINT NOT NULL,
      birth_date DATE FORMAT 'YYYY-MM-DD',
      credit_limit DECIMAL(12,2) DEFAULT 0.00 COMPRESS 0.00,
      created_ts TIMESTAMP(0) DEFAULT CURRENT_TIMESTAMP(0),
      is_active BYTEINT DEFAULT 1 NOT NULL,
      notes CLOB(64000) CHARACTER SET LATIN,
      CONSTRAINT fk_cust_region FOREIGN KEY (region_id) REFERENCES sales_dw.region_dim (region_id))
UNIQUE PRIMARY INDEX ( customer_id );

CREATE MULTISET TABLE sales_dw.product_dim
     (
      product_id INTEGER NOT NULL,
      sku VARCHAR(32) NOT NULL,
      product_name VARCHAR(200) CHARACTER SET UNICODE NOT NULL,
      category VARCHAR(60) COMPRESS ('Books','Music','Garden','Toys'),
      unit_price DECIMAL(10,2) NOT NULL,
      weight_kg FLOAT,
      launch_date DATE,
      CONSTRAINT pk_product PRIMARY KEY (product_id))
UNIQUE PRIMARY INDEX ( product_id )
INDEX idx_product_sku ( sku );

CREATE MULTISET TABLE sales_dw.date_dim
     (
      date_key INTEGER NOT NULL,
      calendar_date DATE NOT NULL,
      fiscal_year SMALLINT NOT NULL,
      fiscal_quarter BYTEINT NOT NULL,
      month_name VARCHAR(9),
      is_holiday CHAR(1) DEFAULT 'N')
UNIQUE PRIMARY INDEX ( date_key );

CREATE MULTISET TABLE sales_dw.sales_fact ,NO FALLBACK
     (
      sale_id BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1 NO CYCLE),
      sale_date DATE NOT NULL,
      customer_id INTEGER NOT NULL,
      product_id INTEGER NOT NULL,
      region_id SMALLINT NOT NULL,
      quantity INTEGER NOT NULL,
      amount DECIMAL(14,2) NOT NULL,
      discount DECIMAL(5,2) DEFAULT 0 COMPRESS 0,
      channel VARCHAR(10) CHARACTER SET LATIN COMPRESS ('WEB','STORE'),
      load_ts TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP(6),
      CONSTRAINT fk_sales_customer FOREIGN KEY (customer_id) REFERENCES sales_dw.customer_dim (customer_id),
      CONSTRAINT fk_sales_product FOREIGN KEY (product_id) REFERENCES sales_dw.product_dim (product_id),
      CONSTRAINT fk_sales_region FOREIGN KEY (region_id) REFERENCES sales_dw.region_dim (region_id))
PRIMARY INDEX ( customer_id )
PARTITION BY RANGE_N(sale_date BETWEEN DATE '2020-01-01' AND DATE '2030-12-31' EACH INTERVAL '1' MONTH);

CREATE MULTISET TABLE sales_dw.returns_fact
     (
      return_id INTEGER NOT NULL,
      sale_id BIGINT NOT NULL,
      customer_id INTEGER NOT NULL,
      return_date DATE NOT NULL,
      reason_code CHAR(3),
      refund_amount DECIMAL(14,2),
      CONSTRAINT fk_ret_customer FOREIGN KEY (customer_id) REFERENCES sales_dw.customer_dim (customer_id))
PRIMARY INDEX ( customer_id );

CREATE GLOBAL TEMPORARY TABLE sales_dw.gt_daily_totals
     (
      sale_date DATE,
      total_amount DECIMAL(18,2))
PRIMARY INDEX ( sale_date )
ON COMMIT PRESERVE ROWS;

CREATE INDEX idx_sales_date (sale_date) ON sales_dw.sales_fact;

COMMENT ON TABLE sales_dw.sales_fact IS 'One row per sales line';
