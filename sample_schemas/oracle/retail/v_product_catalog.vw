CREATE OR REPLACE VIEW retail.v_product_catalog
(
  product_id,
  sku,
  product_name,
  category_name,
  parent_category_name,
  supplier_name,
  list_price,
  margin_pct,
  status_label,
  warranty_years,
  days_listed
)
AS
SELECT p.product_id,
       p.sku,
       p.product_name,
       c.category_name,
       NVL(pc.category_name, '(top level)'),
       NVL(s.supplier_name, 'Own brand'),
       p.list_price,
       ROUND((p.list_price - NVL(p.unit_cost, 0)) / NULLIF(p.list_price, 0) * 100, 1),
       DECODE(p.status, 'ACTIVE', 'On sale',
                        'DISCONTINUED', 'No longer sold',
                        'DRAFT', 'Coming soon',
                        'Unknown'),
       EXTRACT(YEAR FROM p.warranty_period),
       TRUNC(SYSDATE - CAST(p.created_at AS DATE))
  FROM retail.products p
  JOIN retail.categories c ON c.category_id = p.category_id
  LEFT JOIN retail.categories pc ON pc.category_id = c.parent_category_id
  LEFT JOIN retail.suppliers s ON s.supplier_id = p.supplier_id;

COMMENT ON TABLE retail.v_product_catalog IS 'Catalogue for the web shop; margin_pct is NULL when list_price = 0';
