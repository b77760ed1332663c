REM =====================================================================
REM  install.sql -- master install script for the RETAIL sample schema
REM
REM  Prerequisite: create_user.sql has been run by a DBA.
REM  Usage      : sqlplus retail@ORCLPDB1 @install.sql
REM  Output     : install_retail.log in the current directory
REM =====================================================================
SET ECHO OFF
SET VERIFY OFF
SET FEEDBACK ON
SET HEADING ON
SET LINESIZE 200
SET PAGESIZE 100
SET TRIMSPOOL ON
SET SQLBLANKLINES ON
SET SERVEROUTPUT ON SIZE UNLIMITED
WHENEVER OSERROR EXIT FAILURE
WHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK

DEFINE app_version = 1.4.0
DEFINE app_schema  = RETAIL

SPOOL install_retail.log

PROMPT
PROMPT Installing &app_schema schema, version &app_version
PROMPT =====================================================

ALTER SESSION SET CURRENT_SCHEMA = RETAIL;
ALTER SESSION SET NLS_DATE_FORMAT = 'YYYY-MM-DD HH24:MI:SS';
ALTER SESSION SET NLS_NUMERIC_CHARACTERS = '.,';

REM  From here on '&' is an ordinary character (e.g. in 'Home & Garden').
SET DEFINE OFF

PROMPT --- Types
@@retail_types.tps

PROMPT --- Sequences
@@retail_sequences.sql

PROMPT --- Tables
@@regions.tab
@@countries.tab
@@stores.tab
@@departments.tab
@@employees.tab
@@categories.tab
@@suppliers.tab
@@products.tab
@@product_descriptions.tab
@@customers.tab
@@customer_addresses.tab
@@promotions.tab
@@orders.tab
@@order_items.tab
@@order_returns.tab
@@inventories.tab
@@payments.tab
@@exchange_rates.tab
@@legacy_product_notes.tab
@@audit_log.tab
@@app_log.tab
@@gtt_stock_counts.tab

PROMPT --- Constraints and indexes
@@retail_constraints.sql
@@retail_indexes.sql

PROMPT --- Functions
@@get_customer_tier.fnc
@@calc_order_total.fnc

PROMPT --- Views
@@v_product_catalog.vw
@@v_active_products.vw
@@v_employee_hierarchy.vw
@@v_customer_orders.vw
@@v_top_customers.vw
@@mv_daily_sales.sql

PROMPT --- Packages and procedures
@@pkg_order_mgmt.pks
@@pkg_order_mgmt.pkb
@@close_stale_orders.prc
@@merge_inventory.prc

PROMPT --- Triggers
@@stores_bir.trg
@@employees_bir.trg
@@products_bir.trg
@@orders_bir.trg
@@products_aiu_audit.trg
@@orders_bu_status_check.trg

PROMPT --- Synonyms, database link and grants
@@synonyms.sql
@@grants.sql

PROMPT --- Sample data
@@data.sql

PROMPT --- Refreshing materialized view
EXEC DBMS_MVIEW.REFRESH('RETAIL.MV_DAILY_SALES', 'C')

PROMPT --- Invalid objects after install (should be none)
SELECT object_type, object_name
  FROM user_objects
 WHERE status = 'INVALID'
 ORDER BY object_type, object_name;

SET DEFINE ON
PROMPT Install of &app_schema &app_version finished.
SPOOL OFF
UNDEFINE app_version
UNDEFINE app_schema
