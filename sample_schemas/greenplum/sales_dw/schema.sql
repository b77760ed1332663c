CREATE SCHEMA dw;

CREATE TABLE dw.channel_dim (
    channel_id smallint PRIMARY KEY,
    channel_name text NOT NULL
) DISTRIBUTED REPLICATED;

CREATE TABLE dw.customer_dim (
    customer_id integer NOT NULL,
    full_name varchar(120) NOT NULL,
    email varchar(254),
    signup_date date,
    tags text[],
    CONSTRAINT pk_customer PRIMARY KEY (customer_id)
) DISTRIBUTED BY (customer_id);

CREATE TABLE dw.order_fact (
    order_id bigint NOT NULL,
    order_date date NOT NULL,
    customer_id integer NOT NULL REFERENCES dw.customer_dim (customer_id),
    channel_id smallint NOT NULL REFERENCES dw.channel_dim (channel_id),
    total numeric(14,2) NOT NULL,
    shipped_at timestamp without time zone,
    payload json
)
WITH (appendonly=true, orientation=column, compresstype=zstd, compresslevel=5)
DISTRIBUTED BY (customer_id)
PARTITION BY RANGE (order_date)
( START (date '2022-01-01') INCLUSIVE
  END (date '2026-01-01') EXCLUSIVE
  EVERY (INTERVAL '1 month') );

CREATE TABLE dw.web_events (
    event_id bigserial,
    event_time timestamptz NOT NULL DEFAULT now(),
    customer_id integer,
    event_type varchar(30)
) WITH (appendoptimized=true) DISTRIBUTED RANDOMLY;

CREATE INDEX ix_order_fact_date ON dw.order_fact USING btree (order_date);

CREATE VIEW dw.v_customer_orders AS
SELECT c.customer_id, c.full_name, count(*) AS orders, sum(o.total) AS revenue
FROM dw.customer_dim c JOIN dw.order_fact o ON o.customer_id = c.customer_id
GROUP BY c.customer_id, c.full_name;

CREATE FUNCTION dw.order_count(p_customer integer) RETURNS bigint AS $$
  SELECT count(*) FROM dw.order_fact WHERE customer_id = p_customer;
$$ LANGUAGE sql STABLE;

COMMENT ON TABLE dw.order_fact IS 'One row per order';
