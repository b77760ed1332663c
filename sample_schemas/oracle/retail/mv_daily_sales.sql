REM  Materialized view: built empty, refreshed by install.sql after data.sql
CREATE MATERIALIZED VIEW retail.mv_daily_sales
  TABLESPACE retail_data
  BUILD DEFERRED
  REFRESH COMPLETE ON DEMAND
AS
SELECT o.store_id,
       TRUNC(o.order_date) AS sales_day,
       COUNT(*) AS order_count,
       SUM(o.order_total) AS gross_sales
  FROM retail.orders o
 WHERE o.status <> 'CANCELLED'
 GROUP BY o.store_id, TRUNC(o.order_date);

COMMENT ON MATERIALIZED VIEW retail.mv_daily_sales IS 'Refreshed nightly by DBMS_MVIEW.REFRESH(''RETAIL.MV_DAILY_SALES'', ''C'')';
