CREATE OR REPLACE VIEW retail.v_top_customers AS
SELECT ranked.*,
       ROWNUM AS rank_no
  FROM (SELECT vco.customer_id,
               vco.customer_name,
               vco.email,
               COUNT(vco.order_id) AS order_count,
               SUM(vco.order_total) AS total_spent,
               retail.get_customer_tier(vco.customer_id) AS tier
          FROM retail.v_customer_orders vco
         WHERE vco.order_status <> 'CANCELLED'
         GROUP BY vco.customer_id, vco.customer_name, vco.email
         ORDER BY SUM(vco.order_total) DESC) ranked
 WHERE ROWNUM <= 10;
