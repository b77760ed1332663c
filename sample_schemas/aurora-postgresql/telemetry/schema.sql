--
-- PostgreSQL database dump (Aurora PostgreSQL 16.4, pg_dump -s telemetry)
--
SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

CREATE SCHEMA telemetry;

CREATE EXTENSION IF NOT EXISTS aws_commons WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS aws_s3 WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS apg_plan_mgmt WITH SCHEMA public;

CREATE TABLE telemetry.devices (
    device_id integer NOT NULL,
    serial text NOT NULL,
    installed_on date NOT NULL,
    site text NOT NULL,
    CONSTRAINT devices_serial_check CHECK (char_length(serial) <= 40)
);

CREATE SEQUENCE telemetry.devices_device_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE telemetry.devices_device_id_seq OWNED BY telemetry.devices.device_id;
ALTER TABLE ONLY telemetry.devices ALTER COLUMN device_id SET DEFAULT nextval('telemetry.devices_device_id_seq'::regclass);

CREATE TABLE telemetry.readings (
    reading_id bigint NOT NULL,
    device_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    temperature numeric(5,2),
    humidity numeric(5,2),
    payload jsonb
);

CREATE SEQUENCE telemetry.readings_reading_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE telemetry.readings_reading_id_seq OWNED BY telemetry.readings.reading_id;
ALTER TABLE ONLY telemetry.readings ALTER COLUMN reading_id SET DEFAULT nextval('telemetry.readings_reading_id_seq'::regclass);

ALTER TABLE ONLY telemetry.devices ADD CONSTRAINT devices_pkey PRIMARY KEY (device_id);
ALTER TABLE ONLY telemetry.devices ADD CONSTRAINT devices_serial_key UNIQUE (serial);
ALTER TABLE ONLY telemetry.readings ADD CONSTRAINT readings_pkey PRIMARY KEY (reading_id);
CREATE INDEX readings_device_taken_idx ON telemetry.readings USING btree (device_id, taken_at);
ALTER TABLE ONLY telemetry.readings
    ADD CONSTRAINT readings_device_id_fkey FOREIGN KEY (device_id) REFERENCES telemetry.devices(device_id);

CREATE VIEW telemetry.daily_averages AS
 SELECT device_id, date_trunc('day', taken_at) AS day, avg(temperature) AS avg_temperature
   FROM telemetry.readings
  GROUP BY device_id, date_trunc('day', taken_at);

CREATE FUNCTION telemetry.export_day(p_day date) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
DECLARE
  n bigint;
BEGIN
  SELECT rows_uploaded INTO n FROM aws_s3.query_export_to_s3(
    format('SELECT * FROM telemetry.readings WHERE taken_at >= %L AND taken_at < %L', p_day, p_day + 1),
    aws_commons.create_s3_uri('telemetry-archive', 'readings/' || p_day || '.csv', 'eu-west-1'),
    options := 'format csv');
  RETURN n;
END $$;

CREATE FUNCTION telemetry.cluster_version() RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT aurora_version() $$;
