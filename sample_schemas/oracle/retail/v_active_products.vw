CREATE OR REPLACE VIEW retail.v_active_products AS
SELECT vc.product_id,
       vc.sku,
       vc.product_name,
       vc.category_name,
       vc.list_price,
       TO_CHAR(vc.list_price, 'FM999G990D00') AS list_price_text
  FROM retail.v_product_catalog vc
 WHERE vc.status_label = 'On sale'
WITH READ ONLY;
