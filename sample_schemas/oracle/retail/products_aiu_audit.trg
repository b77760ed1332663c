CREATE OR REPLACE TRIGGER retail.products_aiu_audit
AFTER INSERT OR UPDATE OF list_price, status ON retail.products
FOR EACH ROW
DECLARE
  v_action     retail.audit_log.action%TYPE;
  v_old_value  retail.audit_log.old_value%TYPE;
  v_new_value  retail.audit_log.new_value%TYPE;
BEGIN
  IF INSERTING THEN
    v_action := 'INSERT';
  ELSIF UPDATING('LIST_PRICE') THEN
    v_action := 'REPRICE';
  ELSIF UPDATING THEN
    v_action := 'UPDATE';
  END IF;

  IF UPDATING THEN
    v_old_value := 'price=' || TO_CHAR(:OLD.list_price) || ';status=' || :OLD.status;
  END IF;
  v_new_value := 'price=' || TO_CHAR(:NEW.list_price) || ';status=' || :NEW.status;

  INSERT INTO retail.audit_log (changed_at, table_name, action, row_key, old_value, new_value, changed_by)
  VALUES (SYSTIMESTAMP, 'PRODUCTS', v_action, TO_CHAR(:NEW.product_id), v_old_value, v_new_value,
          NVL(SYS_CONTEXT('USERENV', 'OS_USER'), USER));
END products_aiu_audit;
/
