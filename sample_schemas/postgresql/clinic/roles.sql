--
-- PostgreSQL database cluster dump (roles only)
--

SET default_transaction_read_only = off;

SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

--
-- Roles
--

CREATE ROLE clinic_app;
ALTER ROLE clinic_app WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN NOREPLICATION NOBYPASSRLS;
CREATE ROLE clinic_reader;
ALTER ROLE clinic_reader WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB NOLOGIN NOREPLICATION NOBYPASSRLS;

--
-- Role memberships
--

GRANT clinic_reader TO clinic_app;

--
-- PostgreSQL database cluster dump complete
--
