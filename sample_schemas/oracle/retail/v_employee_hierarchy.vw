CREATE OR REPLACE VIEW retail.v_employee_hierarchy AS
SELECT e.employee_id,
       LPAD(' ', 2 * (LEVEL - 1)) || e.first_name || ' ' || e.last_name AS employee_tree,
       e.job_title,
       e.manager_id,
       LEVEL AS depth,
       SYS_CONNECT_BY_PATH(e.last_name, '/') AS reporting_path,
       CONNECT_BY_ISLEAF AS is_leaf
  FROM retail.employees e
 START WITH e.manager_id IS NULL
CONNECT BY NOCYCLE PRIOR e.employee_id = e.manager_id
 ORDER SIBLINGS BY e.last_name;
