-- Netezza NPS 7.2 sales warehouse
CREATE TABLE store_dim
(
    store_id      INTEGER NOT NULL,
    store_name    NVARCHAR(80) NOT NULL,
    city          VARCHAR(60),
    state_code    CHAR(2),
    opened_on     DATE,
    CONSTRAINT pk_store PRIMARY KEY (store_id)
)
DISTRIBUTE ON RANDOM;

CREATE TABLE item_dim
(
    item_id       INTEGER NOT NULL,
    item_desc     VARCHAR(200) NOT NULL,
    department    VARCHAR(40),
    list_price    NUMERIC(10,2),
    is_perishable BOOLEAN DEFAULT FALSE,
    CONSTRAINT pk_item PRIMARY KEY (item_id)
)
DISTRIBUTE ON (item_id);

CREATE TABLE sales_fact
(
    sale_ts       TIMESTAMP NOT NULL,
    sale_date     DATE NOT NULL,
    store_id      INTEGER NOT NULL,
    item_id       INTEGER NOT NULL,
    basket_id     BIGINT NOT NULL,
    qty           SMALLINT NOT NULL,
    line_amount   NUMERIC(14,2) NOT NULL,
    promo_flag    BYTEINT DEFAULT 0,
    CONSTRAINT fk_sales_store FOREIGN KEY (store_id) REFERENCES store_dim (store_id),
    CONSTRAINT fk_sales_item FOREIGN KEY (item_id) REFERENCES item_dim (item_id)
)
DISTRIBUTE ON (item_id)
ORGANIZE ON (sale_date, store_id);

CREATE TABLE inventory_snapshot
(
    snapshot_date DATE NOT NULL,
    store_id      INTEGER NOT NULL,
    item_id       INTEGER NOT NULL,
    on_hand       INTEGER,
    CONSTRAINT fk_inv_item FOREIGN KEY (item_id) REFERENCES item_dim (item_id)
)
DISTRIBUTE ON HASH (store_id, item_id)
ORGANIZE ON (snapshot_date);

CREATE SEQUENCE seq_basket AS BIGINT START WITH 1 INCREMENT BY 1 NO CYCLE;

CREATE VIEW v_store_sales AS
SELECT s.store_name, f.sale_date, SUM(f.line_amount) AS amount
FROM sales_fact f JOIN store_dim s ON s.store_id = f.store_id
GROUP BY s.store_name, f.sale_date;

CREATE MATERIALIZED VIEW mv_item_by_date AS
SELECT item_id, sale_date, qty, line_amount FROM sales_fact ORDER BY item_id;

COMMENT ON TABLE sales_fact IS 'Point-of-sale lines';

GRANT SELECT ON v_store_sales TO reporting_group;
