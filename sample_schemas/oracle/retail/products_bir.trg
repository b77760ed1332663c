CREATE OR REPLACE TRIGGER retail.products_bir
BEFORE INSERT ON retail.products
FOR EACH ROW
BEGIN
  IF :NEW.product_id IS NULL THEN
    :NEW.product_id := retail.products_seq.NEXTVAL;
  END IF;
  :NEW.sku := UPPER(TRIM(:NEW.sku));
  :NEW.created_at := NVL(:NEW.created_at, SYSTIMESTAMP);
END products_bir;
/
