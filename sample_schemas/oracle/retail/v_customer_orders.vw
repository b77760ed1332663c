CREATE OR REPLACE VIEW retail.v_customer_orders AS
SELECT c.customer_id,
       c.first_name || ' ' || c.last_name AS customer_name,
       c.email,
       o.order_id,
       TO_CHAR(o.order_date, 'YYYY-MM') AS order_month,
       NVL(o.order_total, 0) AS order_total,
       DECODE(o.status, NULL, 'NO ORDERS', o.status) AS order_status,
       TRUNC(SYSDATE) - o.order_date AS days_since_order,
       s.store_name
  FROM retail.customers c,
       retail.orders o,
       retail.stores s
 WHERE c.customer_id = o.customer_id (+)
   AND o.store_id = s.store_id (+);
