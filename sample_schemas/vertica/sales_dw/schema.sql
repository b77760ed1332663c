CREATE SCHEMA IF NOT EXISTS web;

CREATE TABLE web.page_dim (
    page_id INT NOT NULL PRIMARY KEY,
    url VARCHAR(2000) NOT NULL,
    section VARCHAR(50),
    created_at TIMESTAMPTZ DEFAULT NOW()
)
ORDER BY page_id
UNSEGMENTED ALL NODES;

CREATE TABLE web.visitor_dim (
    visitor_id INT NOT NULL,
    visitor_uuid UUID,
    country CHAR(2),
    first_seen DATE,
    CONSTRAINT pk_visitor PRIMARY KEY (visitor_id) ENABLED
)
ORDER BY visitor_id
SEGMENTED BY HASH(visitor_id) ALL NODES;

CREATE TABLE web.page_view_fact (
    view_ts TIMESTAMP NOT NULL,
    view_date DATE NOT NULL,
    visitor_id INT NOT NULL REFERENCES web.visitor_dim (visitor_id),
    page_id INT NOT NULL REFERENCES web.page_dim (page_id),
    dwell INTERVAL DAY TO SECOND,
    referrer LONG VARCHAR(65000),
    bytes_sent NUMBER(12,0)
)
ORDER BY view_date, visitor_id
SEGMENTED BY HASH(visitor_id) ALL NODES
PARTITION BY EXTRACT(YEAR FROM view_date) * 100 + EXTRACT(MONTH FROM view_date);

CREATE PROJECTION web.page_view_by_page (view_date, page_id, visitor_id, dwell)
AS SELECT view_date, page_id, visitor_id, dwell FROM web.page_view_fact
ORDER BY page_id, view_date
SEGMENTED BY HASH(page_id) ALL NODES KSAFE 1;

CREATE VIEW web.v_daily_views AS
SELECT view_date, page_id, COUNT(*) AS views
FROM web.page_view_fact
GROUP BY view_date, page_id;

COMMENT ON TABLE web.page_view_fact IS 'One row per page view';
