CREATE OR REPLACE FUNCTION retail.get_customer_tier (
    p_customer_id IN retail.customers.customer_id%TYPE
) RETURN VARCHAR2
IS
    v_total NUMBER;
BEGIN
    SELECT NVL(SUM(o.order_total), 0)
      INTO v_total
      FROM retail.orders o
     WHERE o.customer_id = p_customer_id
       AND o.status <> 'CANCELLED'
       AND o.order_date >= ADD_MONTHS(TRUNC(SYSDATE), -24);

    RETURN CASE
             WHEN v_total >= 1000 THEN 'GOLD'
             WHEN v_total >= 250  THEN 'SILVER'
             ELSE 'BRONZE'
           END;
EXCEPTION
    WHEN NO_DATA_FOUND THEN
        RETURN 'BRONZE';
END get_customer_tier;
/
