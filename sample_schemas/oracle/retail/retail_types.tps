REM  Collection type used by pkg_order_mgmt.cancel_orders
CREATE OR REPLACE TYPE retail.t_id_list AS TABLE OF NUMBER(18);
/
