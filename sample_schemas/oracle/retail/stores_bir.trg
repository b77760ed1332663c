CREATE OR REPLACE TRIGGER retail.stores_bir
BEFORE INSERT ON retail.stores
FOR EACH ROW
WHEN (NEW.store_id IS NULL)
BEGIN
  :NEW.store_id := retail.stores_seq.NEXTVAL;
END stores_bir;
/
