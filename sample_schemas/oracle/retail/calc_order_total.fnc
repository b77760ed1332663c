CREATE OR REPLACE FUNCTION retail.calc_order_total (
    p_order_id     IN retail.orders.order_id%TYPE,
    p_include_tax  IN VARCHAR2 DEFAULT 'N'
) RETURN NUMBER
AS
    c_tax_rate  CONSTANT NUMBER := 0.20;
    v_total     NUMBER(14,4);
BEGIN
    SELECT SUM(oi.unit_price * oi.quantity * (1 - NVL(oi.discount_pct, 0) / 100))
      INTO v_total
      FROM retail.order_items oi
     WHERE oi.order_id = p_order_id;

    IF p_include_tax = 'Y' THEN
        v_total := v_total * (1 + c_tax_rate);
    END IF;

    RETURN ROUND(NVL(v_total, 0), 2);
END calc_order_total;
/
