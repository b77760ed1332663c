CREATE OR REPLACE TRIGGER retail.orders_bu_status_check
BEFORE UPDATE OF status ON retail.orders
FOR EACH ROW
BEGIN
  -- Superseded by the checks in PKG_ORDER_MGMT; kept disabled for reference.
  IF :OLD.status = 'CANCELLED' AND :NEW.status <> 'CANCELLED' THEN
    RAISE_APPLICATION_ERROR(-20020, 'A cancelled order cannot be reopened');
  END IF;
  IF :OLD.status = 'DELIVERED' AND :NEW.status IN ('NEW', 'PAID') THEN
    RAISE_APPLICATION_ERROR(-20021, 'Status cannot go back from DELIVERED to ' || :NEW.status);
  END IF;
END orders_bu_status_check;
/
ALTER TRIGGER retail.orders_bu_status_check DISABLE;
