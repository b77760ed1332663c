CREATE OR REPLACE TRIGGER retail.employees_bir
  BEFORE INSERT ON retail.employees
  REFERENCING NEW AS NEW OLD AS OLD
  FOR EACH ROW
BEGIN
  -- pre-11g style, kept as written by the original developers
  IF :NEW.employee_id IS NULL THEN
    SELECT retail.employees_seq.NEXTVAL INTO :NEW.employee_id FROM dual;
  END IF;
  :NEW.email := LOWER(:NEW.email);
END;
/
ALTER TRIGGER retail.employees_bir ENABLE;
