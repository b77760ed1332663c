REPLACE VIEW sales_dw.v_monthly_sales AS
LOCKING ROW FOR ACCESS
SELECT d.fiscal_year,
       EXTRACT(MONTH FROM f.sale_date) AS sale_month,
       r.region_name,
       SUM(f.amount) AS total_amount,
       ZEROIFNULL(SUM(f.discount)) AS total_discount,
       COUNT(*) AS line_count
FROM sales_dw.sales_fact f
JOIN sales_dw.region_dim r ON r.region_id = f.region_id
JOIN sales_dw.date_dim d ON d.calendar_date = f.sale_date
GROUP BY 1, 2, 3;

CREATE VIEW sales_dw.v_customer_value AS
SELECT c.customer_id,
       TRIM(c.customer_name) AS customer_name,
       NULLIFZERO(c.credit_limit) AS credit_limit,
       SUM(f.amount) AS lifetime_amount
FROM sales_dw.customer_dim c
LEFT JOIN sales_dw.sales_fact f ON f.customer_id = c.customer_id
GROUP BY c.customer_id, c.customer_name, c.credit_limit;

REPLACE MACRO sales_dw.refresh_daily_totals (run_date DATE) AS (
  DELETE FROM sales_dw.gt_daily_totals;
  INSERT INTO sales_dw.gt_daily_totals
  SELECT sale_date, SUM(amount) FROM sales_dw.sales_fact WHERE sale_date = :run_date GROUP BY 1;
);
