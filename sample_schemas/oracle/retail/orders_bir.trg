CREATE OR REPLACE TRIGGER retail.orders_bir
BEFORE INSERT ON retail.orders
FOR EACH ROW
WHEN (NEW.order_id IS NULL)
BEGIN
  :NEW.order_id := retail.orders_seq.NEXTVAL;
END orders_bir;
/
