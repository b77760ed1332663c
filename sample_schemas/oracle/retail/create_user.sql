REM =====================================================================
REM  create_user.sql
REM  One-off DBA setup for the RETAIL sample schema.
REM  Run as SYSTEM (or another DBA account) BEFORE install.sql:
REM      sqlplus system@ORCLPDB1 @create_user.sql
REM =====================================================================
SET ECHO ON
SET FEEDBACK ON
WHENEVER SQLERROR CONTINUE

PROMPT Creating tablespaces (errors are ignored if they already exist)
CREATE TABLESPACE retail_data
  DATAFILE 'retail_data01.dbf' SIZE 200M AUTOEXTEND ON NEXT 50M MAXSIZE 4G
  EXTENT MANAGEMENT LOCAL
  SEGMENT SPACE MANAGEMENT AUTO;
CREATE TABLESPACE retail_idx
  DATAFILE 'retail_idx01.dbf' SIZE 100M AUTOEXTEND ON NEXT 25M MAXSIZE 2G;
CREATE TABLESPACE retail_lob
  DATAFILE 'retail_lob01.dbf' SIZE 100M AUTOEXTEND ON NEXT 50M MAXSIZE UNLIMITED;
CREATE TABLESPACE retail_hist
  DATAFILE 'retail_hist01.dbf' SIZE 100M AUTOEXTEND ON NEXT 50M MAXSIZE 8G;

WHENEVER SQLERROR EXIT SQL.SQLCODE

PROMPT Creating user RETAIL
CREATE USER retail IDENTIFIED BY "Change_Me_2024"
  DEFAULT TABLESPACE retail_data
  TEMPORARY TABLESPACE temp
  QUOTA UNLIMITED ON retail_data
  QUOTA UNLIMITED ON retail_idx
  QUOTA UNLIMITED ON retail_lob
  QUOTA UNLIMITED ON retail_hist
  ACCOUNT UNLOCK;

GRANT CREATE SESSION, CREATE TABLE, CREATE VIEW, CREATE SEQUENCE,
      CREATE PROCEDURE, CREATE TRIGGER, CREATE TYPE, CREATE SYNONYM,
      CREATE MATERIALIZED VIEW, CREATE DATABASE LINK
   TO retail;
GRANT CREATE PUBLIC SYNONYM, DROP PUBLIC SYNONYM TO retail;

PROMPT Creating roles
CREATE ROLE reporting_role;
CREATE ROLE retail_app_role;

REM  Application and reporting accounts get the roles, not direct grants.
CREATE USER retail_app IDENTIFIED BY "Change_Me_Too_2024" DEFAULT TABLESPACE retail_data;
GRANT CREATE SESSION TO retail_app;
GRANT retail_app_role TO retail_app;

PROMPT Done. Now connect as RETAIL and run install.sql
