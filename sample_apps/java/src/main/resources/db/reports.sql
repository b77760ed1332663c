-- Run by the reporting job every night (ReportJob.java reads this file).
INSERT INTO retail.audit_log (table_name, action, changed_at, changed_by)
SELECT 'ORDERS', 'NIGHTLY', SYSTIMESTAMP, USER FROM dual;

MERGE INTO retail.inventories i
USING (SELECT product_id, store_id, counted_qty FROM retail.gtt_stock_counts) s
   ON (i.product_id = s.product_id AND i.store_id = s.store_id)
 WHEN MATCHED THEN UPDATE SET i.quantity_on_hand = s.counted_qty, i.last_counted_at = SYSTIMESTAMP;

BEGIN
  retail.merge_inventory;
  COMMIT;
END;
/
