REM =====================================================================
REM  Object grants. Roles are created by create_user.sql.
REM =====================================================================

-- reporting (read only)
GRANT SELECT ON retail.v_product_catalog TO reporting_role;
GRANT SELECT ON retail.v_active_products TO reporting_role;
GRANT SELECT ON retail.v_customer_orders TO reporting_role;
GRANT SELECT ON retail.v_top_customers TO reporting_role;
GRANT SELECT ON retail.v_employee_hierarchy TO reporting_role;
GRANT SELECT ON retail.mv_daily_sales TO reporting_role;
GRANT SELECT ON retail.products TO reporting_role;
GRANT SELECT ON retail.categories TO reporting_role;
GRANT EXECUTE ON retail.get_customer_tier TO reporting_role;

-- application
GRANT SELECT, INSERT, UPDATE ON retail.orders TO retail_app_role;
GRANT SELECT, INSERT, UPDATE ON retail.order_items TO retail_app_role;
GRANT SELECT, INSERT, UPDATE, DELETE ON retail.customer_addresses TO retail_app_role;
GRANT SELECT, INSERT, UPDATE ON retail.customers TO retail_app_role;
GRANT SELECT ON retail.products TO retail_app_role;
GRANT SELECT ON retail.inventories TO retail_app_role;
GRANT EXECUTE ON retail.pkg_order_mgmt TO retail_app_role;
GRANT EXECUTE ON retail.calc_order_total TO retail_app_role;
GRANT EXECUTE ON retail.t_id_list TO retail_app_role;
GRANT SELECT ON retail.orders_seq TO retail_app_role;
