--
-- PostgreSQL database dump
--

-- Dumped from database version 17.2
-- Dumped by pg_dump version 17.2

\connect clinic

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: clinic; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA clinic;


--
-- Name: SCHEMA clinic; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA clinic IS 'Veterinary clinic: owners, patients, appointments, billing';


--
-- Name: citext; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;


--
-- Name: EXTENSION citext; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';


--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: appointment_status; Type: TYPE; Schema: clinic; Owner: -
--

CREATE TYPE clinic.appointment_status AS ENUM (
    'booked',
    'checked_in',
    'completed',
    'cancelled',
    'no_show'
);


--
-- Name: animal_sex; Type: TYPE; Schema: clinic; Owner: -
--

CREATE TYPE clinic.animal_sex AS ENUM (
    'male',
    'female',
    'unknown'
);


--
-- Name: email_address; Type: DOMAIN; Schema: clinic; Owner: -
--

CREATE DOMAIN clinic.email_address AS character varying(254)
	CONSTRAINT email_address_check CHECK (((VALUE)::text ~ '^[^@ ]+@[^@ ]+\.[^@ ]+$'::text));


--
-- Name: DOMAIN email_address; Type: COMMENT; Schema: clinic; Owner: -
--

COMMENT ON DOMAIN clinic.email_address IS 'An e-mail address; checked with a simple pattern (one @, a dot in the domain part)';


--
-- Name: weight_kg; Type: DOMAIN; Schema: clinic; Owner: -
--

CREATE DOMAIN clinic.weight_kg AS numeric(6,2)
	CONSTRAINT weight_kg_check CHECK (((VALUE > (0)::numeric) AND (VALUE < (2000)::numeric)));


--
-- Name: postal_address; Type: TYPE; Schema: clinic; Owner: -
--

CREATE TYPE clinic.postal_address AS (
	street text,
	city text,
	postcode character varying(10),
	country character(2)
);


--
-- Name: audit_row_change(); Type: FUNCTION; Schema: clinic; Owner: -
--

CREATE FUNCTION clinic.audit_row_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    v_row jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        v_row := to_jsonb(OLD);
    ELSE
        v_row := to_jsonb(NEW);
    END IF;

    INSERT INTO clinic.audit_log (logged_at, table_name, operation, row_data, client_addr, txid)
    VALUES (now(), TG_TABLE_NAME, left(TG_OP, 1), v_row, inet_client_addr(), txid_current());

    RETURN NULL;  -- AFTER trigger: the return value is ignored
END;
$$;


--
-- Name: book_appointment(bigint, integer, integer, smallint, timestamp with time zone, integer); Type: FUNCTION; Schema: clinic; Owner: -
--

CREATE FUNCTION clinic.book_appointment(p_patient_id bigint, p_vet_id integer, p_clinic_id integer, p_room_no smallint, p_start timestamp with time zone, p_minutes integer DEFAULT 30) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
DECLARE
    v_slot tstzrange := tstzrange(p_start, p_start + make_interval(mins => p_minutes), '[)');
    v_id   bigint;
BEGIN
    IF p_minutes <= 0 OR p_minutes > 240 THEN
        RAISE EXCEPTION 'invalid duration: % minutes', p_minutes
            USING ERRCODE = '22023';
    END IF;

    PERFORM 1
      FROM clinic.appointments a
     WHERE a.clinic_id = p_clinic_id
       AND a.room_no = p_room_no
       AND a.status IN ('booked', 'checked_in')
       AND a.slot && v_slot;
    IF FOUND THEN
        RAISE EXCEPTION 'room % of clinic % is already booked for %', p_room_no, p_clinic_id, v_slot;
    END IF;

    INSERT INTO clinic.appointments (patient_id, vet_id, clinic_id, room_no, slot, status, booked_at)
    VALUES (p_patient_id, p_vet_id, p_clinic_id, p_room_no, v_slot, 'booked', now())
    RETURNING id INTO v_id;

    RETURN v_id;
EXCEPTION
    WHEN foreign_key_violation THEN
        RAISE EXCEPTION 'unknown patient %, vet % or room %/%', p_patient_id, p_vet_id, p_clinic_id, p_room_no;
END;
$$;


--
-- Name: check_staff_password(integer, text); Type: FUNCTION; Schema: clinic; Owner: -
--

CREATE FUNCTION clinic.check_staff_password(integer, text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    AS $_$
    SELECT s.password_sha256 = sha256(convert_to(((lower((s.login)::text) || ':'::text) || $2), 'UTF8'::name))
      FROM clinic.staff s
     WHERE s.id = $1
       AND s.is_active
$_$;


--
-- Name: patient_age(date); Type: FUNCTION; Schema: clinic; Owner: -
--

CREATE FUNCTION clinic.patient_age(date) RETURNS integer
    LANGUAGE sql STABLE
    AS $_$SELECT (EXTRACT(year FROM age((CURRENT_DATE)::timestamp without time zone, ($1)::timestamp without time zone)))::integer$_$;


--
-- Name: refresh_reporting(); Type: FUNCTION; Schema: clinic; Owner: -
--

CREATE FUNCTION clinic.refresh_reporting() RETURNS text
    LANGUAGE plpgsql
    AS $_$
DECLARE
    v_started timestamp with time zone := clock_timestamp();
BEGIN
    -- the statement below is itself dollar-quoted, hence the different tag on the body
    EXECUTE format($$REFRESH MATERIALIZED VIEW %I.%I$$, 'clinic', 'mv_monthly_revenue');
    RETURN 'refreshed; took ' || (clock_timestamp() - v_started)::text;
END;
$_$;


--
-- Name: FUNCTION refresh_reporting(); Type: COMMENT; Schema: clinic; Owner: -
--

COMMENT ON FUNCTION clinic.refresh_reporting() IS 'Rebuilds reporting snapshots; called nightly by cron';


--
-- Name: set_updated_at(); Type: FUNCTION; Schema: clinic; Owner: -
--

CREATE FUNCTION clinic.set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := LOCALTIMESTAMP;
    RETURN NEW;
END;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: appointments; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.appointments (
    id bigint NOT NULL,
    patient_id bigint NOT NULL,
    vet_id integer NOT NULL,
    clinic_id integer NOT NULL,
    room_no smallint NOT NULL,
    slot tstzrange NOT NULL,
    status clinic.appointment_status DEFAULT 'booked'::clinic.appointment_status NOT NULL,
    reason text,
    booked_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT appointments_slot_check CHECK ((NOT isempty(slot)))
);


--
-- Name: appointments_id_seq; Type: SEQUENCE; Schema: clinic; Owner: -
--

ALTER TABLE clinic.appointments ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME clinic.appointments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: audit_log; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.audit_log (
    logged_at timestamptz DEFAULT now() NOT NULL,
    table_name varchar(63) NOT NULL,
    operation char(1) NOT NULL,
    row_data jsonb,
    client_addr inet,
    txid bigint,
    CONSTRAINT audit_log_operation_check CHECK ((operation = ANY (ARRAY['I'::bpchar, 'U'::bpchar, 'D'::bpchar])))
);


--
-- Name: TABLE audit_log; Type: COMMENT; Schema: clinic; Owner: -
--

COMMENT ON TABLE clinic.audit_log IS 'Row-change journal written by clinic.audit_row_change(); no key by design';


--
-- Name: breeds; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.breeds (
    species_id integer NOT NULL,
    breed_no smallint NOT NULL,
    name character varying(80) NOT NULL,
    typical_weight_kg numeric(6,2)
);


--
-- Name: clinics; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.clinics (
    id integer NOT NULL,
    name character varying(120) NOT NULL,
    phone character varying(20),
    address clinic.postal_address,
    opened_on date NOT NULL,
    head_vet_id integer,
    opening_hours int4range DEFAULT '[8,18)'::int4range NOT NULL,
    network cidr
);


--
-- Name: TABLE clinics; Type: COMMENT; Schema: clinic; Owner: -
--

COMMENT ON TABLE clinic.clinics IS 'Practice sites. head_vet_id points at staff; staff.clinic_id points back here (FK cycle).';


--
-- Name: COLUMN clinics.opening_hours; Type: COMMENT; Schema: clinic; Owner: -
--

COMMENT ON COLUMN clinic.clinics.opening_hours IS 'Hours of the day the site is open, e.g. [8,18); lower bound inclusive, upper exclusive';


--
-- Name: clinics_id_seq; Type: SEQUENCE; Schema: clinic; Owner: -
--

CREATE SEQUENCE clinic.clinics_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: clinics_id_seq; Type: SEQUENCE OWNED BY; Schema: clinic; Owner: -
--

ALTER SEQUENCE clinic.clinics_id_seq OWNED BY clinic.clinics.id;


--
-- Name: devices; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.devices (
    id serial PRIMARY KEY,
    clinic_id integer NOT NULL,
    label varchar(60) NOT NULL,
    mac_address macaddr NOT NULL UNIQUE,
    ip_address inet,
    last_seen timestamptz
);


--
-- Name: invoice_lines; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.invoice_lines (
    invoice_id bigint NOT NULL,
    line_no smallint NOT NULL,
    description character varying(200) NOT NULL,
    quantity numeric(8,2) DEFAULT 1 NOT NULL,
    unit_price numeric(12,2) NOT NULL,
    medication_id integer,
    CONSTRAINT invoice_lines_quantity_check CHECK ((quantity > (0)::numeric))
);


--
-- Name: invoices; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.invoices (
    id bigint NOT NULL,
    owner_id uuid NOT NULL,
    visit_id integer,
    issued_at timestamp with time zone DEFAULT now() NOT NULL,
    subtotal numeric(12,2) DEFAULT 0 NOT NULL,
    tax_rate numeric(5,4) DEFAULT 0.2000 NOT NULL,
    total numeric(12,2) GENERATED ALWAYS AS (round((subtotal * ((1)::numeric + tax_rate)), 2)) STORED,
    is_paid boolean DEFAULT false NOT NULL,
    invoice_xml xml
);


--
-- Name: COLUMN invoices.total; Type: COMMENT; Schema: clinic; Owner: -
--

COMMENT ON COLUMN clinic.invoices.total IS 'Generated: subtotal * (1 + tax_rate); never written by the application';


--
-- Name: invoices_id_seq; Type: SEQUENCE; Schema: clinic; Owner: -
--

CREATE SEQUENCE clinic.invoices_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: invoices_id_seq; Type: SEQUENCE OWNED BY; Schema: clinic; Owner: -
--

ALTER SEQUENCE clinic.invoices_id_seq OWNED BY clinic.invoices.id;


--
-- Name: lab_results; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.lab_results (
    id bigint NOT NULL,
    patient_id bigint NOT NULL,
    test_code character varying(12) NOT NULL,
    collected_at timestamp with time zone NOT NULL,
    value_num double precision,
    unit character varying(16),
    is_abnormal boolean,
    raw_report json
)
PARTITION BY RANGE (collected_at);


--
-- Name: TABLE lab_results; Type: COMMENT; Schema: clinic; Owner: -
--

COMMENT ON TABLE clinic.lab_results IS 'Laboratory results, range-partitioned by year of collection; one partition per year.';


--
-- Name: lab_results_2024; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.lab_results_2024 (
    id bigint NOT NULL,
    patient_id bigint NOT NULL,
    test_code character varying(12) NOT NULL,
    collected_at timestamp with time zone NOT NULL,
    value_num double precision,
    unit character varying(16),
    is_abnormal boolean,
    raw_report json
);


--
-- Name: lab_results_id_seq; Type: SEQUENCE; Schema: clinic; Owner: -
--

CREATE SEQUENCE clinic.lab_results_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: lab_results_id_seq; Type: SEQUENCE OWNED BY; Schema: clinic; Owner: -
--

ALTER SEQUENCE clinic.lab_results_id_seq OWNED BY clinic.lab_results.id;


--
-- Name: medications; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.medications (
    id integer GENERATED ALWAYS AS IDENTITY,
    code character(8) NOT NULL,
    name character varying(100) NOT NULL,
    strength numeric,
    strength_unit character varying(10),
    unit_price numeric(12,2) NOT NULL,
    requires_prescription boolean DEFAULT true NOT NULL,
    CONSTRAINT medications_unit_price_check CHECK ((unit_price >= (0)::numeric))
);


--
-- Name: COLUMN medications.strength; Type: COMMENT; Schema: clinic; Owner: -
--

COMMENT ON COLUMN clinic.medications.strength IS 'Unconstrained numeric: 0.5, 250, 12.125 ... (no precision given)';


--
-- Name: owners; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.owners (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    first_name character varying(60) NOT NULL,
    last_name character varying(60) NOT NULL,
    email clinic.email_address,
    phone character varying(20),
    address clinic.postal_address,
    marketing_opt_in boolean DEFAULT false NOT NULL,
    preferences jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: TABLE owners; Type: COMMENT; Schema: clinic; Owner: -
--

COMMENT ON TABLE clinic.owners IS 'Pet owners (clients); one owner may have many patients.';


--
-- Name: COLUMN owners.preferences; Type: COMMENT; Schema: clinic; Owner: -
--

COMMENT ON COLUMN clinic.owners.preferences IS 'Contact preferences as JSON, e.g. {"sms": true}; keys: sms, email, post';


--
-- Name: patients; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.patients (
    id bigint NOT NULL,
    owner_id uuid NOT NULL,
    species_id integer NOT NULL,
    breed_no smallint,
    name character varying(60) NOT NULL,
    sex clinic.animal_sex DEFAULT 'unknown'::clinic.animal_sex NOT NULL,
    birth_date date,
    weight clinic.weight_kg,
    microchip_no character(15),
    photo bytea,
    allergies text[] DEFAULT '{}'::text[] NOT NULL,
    is_deceased boolean DEFAULT false NOT NULL,
    notes text,
    search tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, (((COALESCE(name, ''::character varying))::text || ' '::text) || COALESCE(notes, ''::text)))) STORED,
    updated_at timestamp without time zone DEFAULT LOCALTIMESTAMP NOT NULL
);


--
-- Name: TABLE patients; Type: COMMENT; Schema: clinic; Owner: -
--

COMMENT ON TABLE clinic.patients IS 'Animals treated by the clinic; one row per animal.';


--
-- Name: COLUMN patients.microchip_no; Type: COMMENT; Schema: clinic; Owner: -
--

COMMENT ON COLUMN clinic.patients.microchip_no IS 'ISO 11784 chip number (15 digits); the owner''s vet may not know it';


--
-- Name: patients_id_seq; Type: SEQUENCE; Schema: clinic; Owner: -
--

CREATE SEQUENCE clinic.patients_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: patients_id_seq; Type: SEQUENCE OWNED BY; Schema: clinic; Owner: -
--

ALTER SEQUENCE clinic.patients_id_seq OWNED BY clinic.patients.id;


--
-- Name: payments; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.payments (
    id bigserial PRIMARY KEY,
    invoice_id bigint NOT NULL,
    amount money NOT NULL,
    paid_at timestamptz DEFAULT now() NOT NULL,
    method varchar(20) NOT NULL CHECK (method IN ('cash', 'card', 'transfer', 'insurance')),
    reference text
);


--
-- Name: prescriptions; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.prescriptions (
    id integer NOT NULL,
    visit_id integer NOT NULL,
    medication_id integer NOT NULL,
    dose_mg double precision NOT NULL,
    times_per_day smallint DEFAULT 1 NOT NULL,
    days integer NOT NULL,
    instructions text,
    CONSTRAINT prescriptions_days_check CHECK (((days > 0) AND (days <= 365))),
    CONSTRAINT prescriptions_times_per_day_check CHECK (((times_per_day >= 1) AND (times_per_day <= 6)))
);


--
-- Name: prescriptions_id_seq; Type: SEQUENCE; Schema: clinic; Owner: -
--

CREATE SEQUENCE clinic.prescriptions_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: prescriptions_id_seq; Type: SEQUENCE OWNED BY; Schema: clinic; Owner: -
--

ALTER SEQUENCE clinic.prescriptions_id_seq OWNED BY clinic.prescriptions.id;


--
-- Name: rooms; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.rooms (
    clinic_id integer NOT NULL,
    room_no smallint NOT NULL,
    kind character varying(20) NOT NULL,
    has_xray boolean DEFAULT false NOT NULL,
    CONSTRAINT rooms_kind_check CHECK (((kind)::text = ANY ((ARRAY['consult'::character varying, 'surgery'::character varying, 'xray'::character varying, 'kennel'::character varying])::text[])))
);


--
-- Name: species; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.species (
    id serial NOT NULL,
    name varchar(40) NOT NULL,
    latin_name text,
    CONSTRAINT species_pkey PRIMARY KEY (id),
    CONSTRAINT species_name_key UNIQUE (name)
);


--
-- Name: staff; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.staff (
    id integer NOT NULL,
    clinic_id integer NOT NULL,
    supervisor_id integer,
    first_name character varying(60) NOT NULL,
    last_name character varying(60) NOT NULL,
    email clinic.email_address NOT NULL,
    login public.citext NOT NULL,
    role character varying(20) NOT NULL,
    licence_no character(10),
    hired_on date DEFAULT CURRENT_DATE NOT NULL,
    salary money,
    is_active boolean DEFAULT true NOT NULL,
    languages text[],
    password_sha256 bytea,
    CONSTRAINT staff_role_check CHECK (((role)::text = ANY ((ARRAY['vet'::character varying, 'nurse'::character varying, 'receptionist'::character varying, 'manager'::character varying])::text[]))),
    CONSTRAINT staff_vet_licence_check CHECK ((((role)::text <> 'vet'::text) OR (licence_no IS NOT NULL)))
);


--
-- Name: COLUMN staff.supervisor_id; Type: COMMENT; Schema: clinic; Owner: -
--

COMMENT ON COLUMN clinic.staff.login IS 'Case-insensitive login name (citext): "AMorgan" and "amorgan" are the same user';


--
-- Name: COLUMN staff.supervisor_id; Type: COMMENT; Schema: clinic; Owner: -
--

COMMENT ON COLUMN clinic.staff.supervisor_id IS 'Self-reference: the person this employee reports to; NULL for the head of a site';


--
-- Name: staff_id_seq; Type: SEQUENCE; Schema: clinic; Owner: -
--

CREATE SEQUENCE clinic.staff_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: staff_id_seq; Type: SEQUENCE OWNED BY; Schema: clinic; Owner: -
--

ALTER SEQUENCE clinic.staff_id_seq OWNED BY clinic.staff.id;


--
-- Name: vaccinations; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.vaccinations (
    patient_id bigint NOT NULL,
    vaccine_code character varying(12) NOT NULL,
    given_on date NOT NULL,
    given_by integer,
    batch_no character varying(20),
    valid_for interval DEFAULT '1 year'::interval NOT NULL,
    next_due date GENERATED ALWAYS AS (((given_on + valid_for))::date) STORED
);


--
-- Name: visits; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.visits (
    id integer NOT NULL,
    appointment_id bigint,
    patient_id bigint NOT NULL,
    vet_id integer NOT NULL,
    visit_date date NOT NULL,
    started_at time without time zone,
    duration interval,
    temperature_c real,
    heart_rate smallint,
    respiratory_rate smallint,
    weight_kg double precision,
    diagnosis text,
    findings jsonb,
    treatment_codes integer[],
    CONSTRAINT visits_temperature_c_check CHECK (((temperature_c >= (30)::double precision) AND (temperature_c <= (45)::double precision)))
);


--
-- Name: visits_id_seq; Type: SEQUENCE; Schema: clinic; Owner: -
--

CREATE SEQUENCE clinic.visits_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: visits_id_seq; Type: SEQUENCE OWNED BY; Schema: clinic; Owner: -
--

ALTER SEQUENCE clinic.visits_id_seq OWNED BY clinic.visits.id;


--
-- Name: lab_results_2025; Type: TABLE; Schema: clinic; Owner: -
--

CREATE TABLE clinic.lab_results_2025 PARTITION OF clinic.lab_results
    FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2026-01-01 00:00:00+00');


--
-- Name: v_patient_summary; Type: VIEW; Schema: clinic; Owner: -
--

CREATE VIEW clinic.v_patient_summary AS
 SELECT p.id AS patient_id,
    p.name AS patient_name,
    s.name AS species,
    COALESCE(b.name, 'mixed / unknown'::character varying) AS breed,
    p.sex,
    clinic.patient_age(p.birth_date) AS age_years,
    p.weight,
    o.id AS owner_id,
    (((o.first_name)::text || ' '::text) || (o.last_name)::text) AS owner_name,
    o.email AS owner_email,
    (o.address).city AS owner_city
   FROM (((clinic.patients p
     JOIN clinic.owners o ON ((o.id = p.owner_id)))
     JOIN clinic.species s ON ((s.id = p.species_id)))
     LEFT JOIN clinic.breeds b ON (((b.species_id = p.species_id) AND (b.breed_no = p.breed_no))))
  WHERE (NOT p.is_deceased);


--
-- Name: VIEW v_patient_summary; Type: COMMENT; Schema: clinic; Owner: -
--

COMMENT ON VIEW clinic.v_patient_summary IS 'Living patients with owner and species; used by the front desk; reads clinic.patient_age()';


--
-- Name: v_upcoming_appointments; Type: VIEW; Schema: clinic; Owner: -
--

CREATE VIEW clinic.v_upcoming_appointments AS
 SELECT a.id AS appointment_id,
    lower(a.slot) AS starts_at,
    (upper(a.slot) - lower(a.slot)) AS length,
    c.name AS clinic_name,
    a.room_no,
    ps.patient_name,
    ps.species,
    ps.owner_name,
    ps.owner_email,
    (((v.first_name)::text || ' '::text) || (v.last_name)::text) AS vet_name,
    a.reason
   FROM (((clinic.appointments a
     JOIN clinic.v_patient_summary ps ON ((ps.patient_id = a.patient_id)))
     JOIN clinic.staff v ON ((v.id = a.vet_id)))
     JOIN clinic.clinics c ON ((c.id = a.clinic_id)))
  WHERE ((a.status = 'booked'::clinic.appointment_status) AND (lower(a.slot) >= now()));


--
-- Name: mv_monthly_revenue; Type: MATERIALIZED VIEW; Schema: clinic; Owner: -
--

CREATE MATERIALIZED VIEW clinic.mv_monthly_revenue AS
 SELECT (date_trunc('month'::text, i.issued_at))::date AS month,
    count(*) AS invoice_count,
    sum(i.total) AS gross_total,
    sum(i.total) FILTER (WHERE i.is_paid) AS paid_total,
    count(DISTINCT i.owner_id) AS distinct_owners
   FROM clinic.invoices i
  GROUP BY ((date_trunc('month'::text, i.issued_at))::date)
  WITH NO DATA;


--
-- Name: lab_results_2024; Type: TABLE ATTACH; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.lab_results ATTACH PARTITION clinic.lab_results_2024 FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');


--
-- Name: clinics id; Type: DEFAULT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.clinics ALTER COLUMN id SET DEFAULT nextval('clinic.clinics_id_seq'::regclass);


--
-- Name: invoices id; Type: DEFAULT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.invoices ALTER COLUMN id SET DEFAULT nextval('clinic.invoices_id_seq'::regclass);


--
-- Name: lab_results id; Type: DEFAULT; Schema: clinic; Owner: -
--

ALTER TABLE clinic.lab_results ALTER COLUMN id SET DEFAULT nextval('clinic.lab_results_id_seq'::regclass);


--
-- Name: patients id; Type: DEFAULT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.patients ALTER COLUMN id SET DEFAULT nextval('clinic.patients_id_seq'::regclass);


--
-- Name: prescriptions id; Type: DEFAULT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.prescriptions ALTER COLUMN id SET DEFAULT nextval('clinic.prescriptions_id_seq'::regclass);


--
-- Name: staff id; Type: DEFAULT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.staff ALTER COLUMN id SET DEFAULT nextval('clinic.staff_id_seq'::regclass);


--
-- Name: visits id; Type: DEFAULT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.visits ALTER COLUMN id SET DEFAULT nextval('clinic.visits_id_seq'::regclass);


--
-- Name: appointments appointments_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.appointments
    ADD CONSTRAINT appointments_pkey PRIMARY KEY (id);


--
-- Name: breeds breeds_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.breeds
    ADD CONSTRAINT breeds_pkey PRIMARY KEY (species_id, breed_no);


--
-- Name: breeds breeds_species_id_name_key; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.breeds
    ADD CONSTRAINT breeds_species_id_name_key UNIQUE (species_id, name);


--
-- Name: clinics clinics_name_key; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.clinics
    ADD CONSTRAINT clinics_name_key UNIQUE (name);


--
-- Name: clinics clinics_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.clinics
    ADD CONSTRAINT clinics_pkey PRIMARY KEY (id);


--
-- Name: invoice_lines invoice_lines_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.invoice_lines
    ADD CONSTRAINT invoice_lines_pkey PRIMARY KEY (invoice_id, line_no);


--
-- Name: invoices invoices_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.invoices
    ADD CONSTRAINT invoices_pkey PRIMARY KEY (id);


--
-- Name: lab_results lab_results_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.lab_results
    ADD CONSTRAINT lab_results_pkey PRIMARY KEY (id, collected_at);


--
-- Name: lab_results_2024 lab_results_2024_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.lab_results_2024
    ADD CONSTRAINT lab_results_2024_pkey PRIMARY KEY (id, collected_at);


--
-- Name: lab_results_2025 lab_results_2025_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.lab_results_2025
    ADD CONSTRAINT lab_results_2025_pkey PRIMARY KEY (id, collected_at);


--
-- Name: medications medications_code_key; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.medications
    ADD CONSTRAINT medications_code_key UNIQUE (code);


--
-- Name: medications medications_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.medications
    ADD CONSTRAINT medications_pkey PRIMARY KEY (id);


--
-- Name: owners owners_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.owners
    ADD CONSTRAINT owners_pkey PRIMARY KEY (id);


--
-- Name: patients patients_microchip_no_key; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.patients
    ADD CONSTRAINT patients_microchip_no_key UNIQUE (microchip_no);


--
-- Name: patients patients_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.patients
    ADD CONSTRAINT patients_pkey PRIMARY KEY (id);


--
-- Name: prescriptions prescriptions_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.prescriptions
    ADD CONSTRAINT prescriptions_pkey PRIMARY KEY (id);


--
-- Name: rooms rooms_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.rooms
    ADD CONSTRAINT rooms_pkey PRIMARY KEY (clinic_id, room_no);


--
-- Name: staff staff_email_key; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.staff
    ADD CONSTRAINT staff_email_key UNIQUE (email);


--
-- Name: staff staff_login_key; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.staff
    ADD CONSTRAINT staff_login_key UNIQUE (login);


--
-- Name: staff staff_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.staff
    ADD CONSTRAINT staff_pkey PRIMARY KEY (id);


--
-- Name: vaccinations vaccinations_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.vaccinations
    ADD CONSTRAINT vaccinations_pkey PRIMARY KEY (patient_id, vaccine_code, given_on);


--
-- Name: visits visits_appointment_id_key; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.visits
    ADD CONSTRAINT visits_appointment_id_key UNIQUE (appointment_id);


--
-- Name: visits visits_pkey; Type: CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.visits
    ADD CONSTRAINT visits_pkey PRIMARY KEY (id);


--
-- Name: appointments_clinic_room_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX appointments_clinic_room_idx ON clinic.appointments USING btree (clinic_id, room_no, lower(slot));


--
-- Name: appointments_open_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX appointments_open_idx ON clinic.appointments USING btree (vet_id, lower(slot)) WHERE (status = ANY (ARRAY['booked'::clinic.appointment_status, 'checked_in'::clinic.appointment_status]));


--
-- Name: appointments_patient_id_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX appointments_patient_id_idx ON clinic.appointments USING btree (patient_id);


--
-- Name: appointments_slot_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX appointments_slot_idx ON clinic.appointments USING gist (slot);


--
-- Name: audit_log_logged_at_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX audit_log_logged_at_idx ON clinic.audit_log USING brin (logged_at);


--
-- Name: invoices_issued_at_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX invoices_issued_at_idx ON clinic.invoices USING btree (issued_at DESC);


--
-- Name: invoices_owner_id_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX invoices_owner_id_idx ON clinic.invoices USING btree (owner_id);


--
-- Name: invoices_unpaid_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX invoices_unpaid_idx ON clinic.invoices USING btree (owner_id, issued_at) WHERE (NOT is_paid);


--
-- Name: lab_results_patient_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX lab_results_patient_idx ON ONLY clinic.lab_results USING btree (patient_id, collected_at DESC);


--
-- Name: lab_results_2024_patient_id_collected_at_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX lab_results_2024_patient_id_collected_at_idx ON clinic.lab_results_2024 USING btree (patient_id, collected_at DESC);


--
-- Name: lab_results_2025_patient_id_collected_at_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX lab_results_2025_patient_id_collected_at_idx ON clinic.lab_results_2025 USING btree (patient_id, collected_at DESC);


--
-- Name: owners_email_lower_key; Type: INDEX; Schema: clinic; Owner: -
--

CREATE UNIQUE INDEX owners_email_lower_key ON clinic.owners USING btree (lower((email)::text));


--
-- Name: owners_name_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX owners_name_idx ON clinic.owners USING btree (last_name, first_name);


--
-- Name: owners_last_name_trgm_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX owners_last_name_trgm_idx ON clinic.owners USING gin (last_name public.gin_trgm_ops);


--
-- Name: owners_preferences_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX owners_preferences_idx ON clinic.owners USING gin (preferences jsonb_path_ops);


--
-- Name: patients_allergies_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX patients_allergies_idx ON clinic.patients USING gin (allergies);


--
-- Name: patients_owner_id_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX patients_owner_id_idx ON clinic.patients USING btree (owner_id);


--
-- Name: patients_search_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX patients_search_idx ON clinic.patients USING gin (search);


--
-- Name: staff_clinic_id_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX staff_clinic_id_idx ON clinic.staff USING btree (clinic_id) WHERE is_active;


--
-- Name: visits_findings_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX visits_findings_idx ON clinic.visits USING gin (findings);


--
-- Name: visits_patient_date_idx; Type: INDEX; Schema: clinic; Owner: -
--

CREATE INDEX visits_patient_date_idx ON clinic.visits USING btree (patient_id, visit_date DESC);


--
-- Name: lab_results_2024_patient_id_collected_at_idx; Type: INDEX ATTACH; Schema: clinic; Owner: -
--

ALTER INDEX clinic.lab_results_patient_idx ATTACH PARTITION clinic.lab_results_2024_patient_id_collected_at_idx;


--
-- Name: lab_results_2024_pkey; Type: INDEX ATTACH; Schema: clinic; Owner: -
--

ALTER INDEX clinic.lab_results_pkey ATTACH PARTITION clinic.lab_results_2024_pkey;


--
-- Name: lab_results_2025_patient_id_collected_at_idx; Type: INDEX ATTACH; Schema: clinic; Owner: -
--

ALTER INDEX clinic.lab_results_patient_idx ATTACH PARTITION clinic.lab_results_2025_patient_id_collected_at_idx;


--
-- Name: lab_results_2025_pkey; Type: INDEX ATTACH; Schema: clinic; Owner: -
--

ALTER INDEX clinic.lab_results_pkey ATTACH PARTITION clinic.lab_results_2025_pkey;


--
-- Name: invoices invoices_audit; Type: TRIGGER; Schema: clinic; Owner: -
--

CREATE TRIGGER invoices_audit AFTER INSERT OR DELETE OR UPDATE ON clinic.invoices FOR EACH ROW EXECUTE FUNCTION clinic.audit_row_change();


--
-- Name: patients patients_set_updated_at; Type: TRIGGER; Schema: clinic; Owner: -
--

CREATE TRIGGER patients_set_updated_at BEFORE UPDATE ON clinic.patients FOR EACH ROW EXECUTE FUNCTION clinic.set_updated_at();


--
-- Name: staff staff_audit; Type: TRIGGER; Schema: clinic; Owner: -
--

CREATE TRIGGER staff_audit AFTER UPDATE OF role, salary, is_active ON clinic.staff FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION clinic.audit_row_change();


--
-- Name: appointments appointments_clinic_id_room_no_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.appointments
    ADD CONSTRAINT appointments_clinic_id_room_no_fkey FOREIGN KEY (clinic_id, room_no) REFERENCES clinic.rooms(clinic_id, room_no);


--
-- Name: appointments appointments_patient_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.appointments
    ADD CONSTRAINT appointments_patient_id_fkey FOREIGN KEY (patient_id) REFERENCES clinic.patients(id) ON DELETE CASCADE;


--
-- Name: appointments appointments_vet_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.appointments
    ADD CONSTRAINT appointments_vet_id_fkey FOREIGN KEY (vet_id) REFERENCES clinic.staff(id);


--
-- Name: breeds breeds_species_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.breeds
    ADD CONSTRAINT breeds_species_id_fkey FOREIGN KEY (species_id) REFERENCES clinic.species(id) ON DELETE CASCADE;


--
-- Name: clinics clinics_head_vet_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.clinics
    ADD CONSTRAINT clinics_head_vet_id_fkey FOREIGN KEY (head_vet_id) REFERENCES clinic.staff(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;


--
-- Name: devices devices_clinic_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.devices
    ADD CONSTRAINT devices_clinic_id_fkey FOREIGN KEY (clinic_id) REFERENCES clinic.clinics(id) ON DELETE CASCADE;


--
-- Name: invoice_lines invoice_lines_invoice_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.invoice_lines
    ADD CONSTRAINT invoice_lines_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES clinic.invoices(id) ON DELETE CASCADE;


--
-- Name: invoice_lines invoice_lines_medication_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.invoice_lines
    ADD CONSTRAINT invoice_lines_medication_id_fkey FOREIGN KEY (medication_id) REFERENCES clinic.medications(id) ON DELETE SET NULL;


--
-- Name: invoices invoices_owner_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.invoices
    ADD CONSTRAINT invoices_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES clinic.owners(id);


--
-- Name: invoices invoices_visit_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.invoices
    ADD CONSTRAINT invoices_visit_id_fkey FOREIGN KEY (visit_id) REFERENCES clinic.visits(id) ON DELETE SET NULL;


--
-- Name: lab_results lab_results_patient_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE clinic.lab_results
    ADD CONSTRAINT lab_results_patient_id_fkey FOREIGN KEY (patient_id) REFERENCES clinic.patients(id) ON DELETE CASCADE;


--
-- Name: patients patients_owner_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.patients
    ADD CONSTRAINT patients_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES clinic.owners(id) ON DELETE CASCADE;


--
-- Name: patients patients_species_id_breed_no_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.patients
    ADD CONSTRAINT patients_species_id_breed_no_fkey FOREIGN KEY (species_id, breed_no) REFERENCES clinic.breeds(species_id, breed_no);


--
-- Name: patients patients_species_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.patients
    ADD CONSTRAINT patients_species_id_fkey FOREIGN KEY (species_id) REFERENCES clinic.species(id);


--
-- Name: payments payments_invoice_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.payments
    ADD CONSTRAINT payments_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES clinic.invoices(id);


--
-- Name: prescriptions prescriptions_medication_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.prescriptions
    ADD CONSTRAINT prescriptions_medication_id_fkey FOREIGN KEY (medication_id) REFERENCES clinic.medications(id);


--
-- Name: prescriptions prescriptions_visit_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.prescriptions
    ADD CONSTRAINT prescriptions_visit_id_fkey FOREIGN KEY (visit_id) REFERENCES clinic.visits(id) ON DELETE CASCADE;


--
-- Name: rooms rooms_clinic_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.rooms
    ADD CONSTRAINT rooms_clinic_id_fkey FOREIGN KEY (clinic_id) REFERENCES clinic.clinics(id) ON DELETE CASCADE;


--
-- Name: staff staff_clinic_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.staff
    ADD CONSTRAINT staff_clinic_id_fkey FOREIGN KEY (clinic_id) REFERENCES clinic.clinics(id);


--
-- Name: staff staff_supervisor_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.staff
    ADD CONSTRAINT staff_supervisor_id_fkey FOREIGN KEY (supervisor_id) REFERENCES clinic.staff(id) ON DELETE SET NULL;


--
-- Name: vaccinations vaccinations_given_by_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.vaccinations
    ADD CONSTRAINT vaccinations_given_by_fkey FOREIGN KEY (given_by) REFERENCES clinic.staff(id) ON DELETE SET NULL;


--
-- Name: vaccinations vaccinations_patient_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.vaccinations
    ADD CONSTRAINT vaccinations_patient_id_fkey FOREIGN KEY (patient_id) REFERENCES clinic.patients(id) ON DELETE CASCADE;


--
-- Name: visits visits_appointment_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.visits
    ADD CONSTRAINT visits_appointment_id_fkey FOREIGN KEY (appointment_id) REFERENCES clinic.appointments(id) ON DELETE SET NULL;


--
-- Name: visits visits_patient_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.visits
    ADD CONSTRAINT visits_patient_id_fkey FOREIGN KEY (patient_id) REFERENCES clinic.patients(id) ON DELETE CASCADE;


--
-- Name: visits visits_vet_id_fkey; Type: FK CONSTRAINT; Schema: clinic; Owner: -
--

ALTER TABLE ONLY clinic.visits
    ADD CONSTRAINT visits_vet_id_fkey FOREIGN KEY (vet_id) REFERENCES clinic.staff(id);


--
-- Name: SCHEMA clinic; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA clinic TO clinic_reader;
GRANT USAGE ON SCHEMA clinic TO clinic_app;


--
-- Name: FUNCTION book_appointment(p_patient_id bigint, p_vet_id integer, p_clinic_id integer, p_room_no smallint, p_start timestamp with time zone, p_minutes integer); Type: ACL; Schema: clinic; Owner: -
--

GRANT ALL ON FUNCTION clinic.book_appointment(p_patient_id bigint, p_vet_id integer, p_clinic_id integer, p_room_no smallint, p_start timestamp with time zone, p_minutes integer) TO clinic_app;


--
-- Name: FUNCTION check_staff_password(integer, text); Type: ACL; Schema: clinic; Owner: -
--

REVOKE ALL ON FUNCTION clinic.check_staff_password(integer, text) FROM PUBLIC;
GRANT ALL ON FUNCTION clinic.check_staff_password(integer, text) TO clinic_app;


--
-- Name: TABLE appointments; Type: ACL; Schema: clinic; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE clinic.appointments TO clinic_app;


--
-- Name: TABLE invoices; Type: ACL; Schema: clinic; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE clinic.invoices TO clinic_app;


--
-- Name: TABLE owners; Type: ACL; Schema: clinic; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE clinic.owners TO clinic_app;


--
-- Name: TABLE patients; Type: ACL; Schema: clinic; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE clinic.patients TO clinic_app;


--
-- Name: TABLE v_patient_summary; Type: ACL; Schema: clinic; Owner: -
--

GRANT SELECT ON TABLE clinic.v_patient_summary TO clinic_reader;


--
-- Name: TABLE v_upcoming_appointments; Type: ACL; Schema: clinic; Owner: -
--

GRANT SELECT ON TABLE clinic.v_upcoming_appointments TO clinic_reader;


--
-- Name: TABLE mv_monthly_revenue; Type: ACL; Schema: clinic; Owner: -
--

GRANT SELECT ON TABLE clinic.mv_monthly_revenue TO clinic_reader;


--
-- PostgreSQL database dump complete
--

