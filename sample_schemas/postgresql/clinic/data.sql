--
-- Sample data for the clinic schema (load after roles.sql and schema.sql)
--

\connect clinic

SET statement_timeout = 0;
SET lock_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET client_min_messages = warning;
SET row_security = off;

BEGIN;

--
-- clinics: head_vet_id is left NULL here and set once staff exist (clinics <-> staff FK cycle)
--

INSERT INTO clinic.clinics (id, name, phone, address, opened_on, head_vet_id, opening_hours, network) VALUES
    (1, 'Northside Veterinary Clinic', '+44 113 496 0101', ROW('12 Station Road', 'Leeds', 'LS1 4AB', 'GB')::clinic.postal_address, '2009-05-18', NULL, '[8,18)', '10.10.1.0/24'),
    (2, 'Harbour Animal Hospital', '+44 117 496 0202', ROW('3 Quay Street', 'Bristol', 'BS1 4DJ', 'GB')::clinic.postal_address, '2014-09-01', NULL, '[0,24)', '10.10.2.0/24'),
    (3, 'Hillcrest Pet Care', '+44 161 496 0303', ROW('88 Hill Lane', 'Manchester', 'M14 5RT', 'GB')::clinic.postal_address, '2021-03-08', NULL, '[9,17)', '10.10.3.0/25');

--
-- staff: supervisors first (self-referencing FK)
--

INSERT INTO clinic.staff (id, clinic_id, supervisor_id, first_name, last_name, email, login, role, licence_no, hired_on, salary, is_active, languages, password_sha256) VALUES
    (1, 1, NULL, 'Alice', 'Morgan', 'alice.morgan@northside.example', 'AMorgan', 'vet', 'RCVS100231', '2009-05-18', '6200.00', true, '{en,fr}', sha256(convert_to('amorgan:alice-secret', 'UTF8'))),
    (4, 2, NULL, 'Daniel', 'Kim', 'daniel.kim@harbour.example', 'DKim', 'vet', 'RCVS100877', '2014-09-01', '6400.00', true, '{en,ko}', sha256(convert_to('dkim:daniel-secret', 'UTF8'))),
    (6, 3, NULL, 'Farid', 'Haddad', 'farid.haddad@hillcrest.example', 'FHaddad', 'vet', 'RCVS101455', '2021-03-08', '5900.00', true, '{en,ar}', sha256(convert_to('fhaddad:farid-secret', 'UTF8'))),
    (2, 1, 1, 'Ben', 'Okafor', 'ben.okafor@northside.example', 'BOkafor', 'vet', 'RCVS102004', '2016-02-01', '5100.00', true, '{en}', sha256(convert_to('bokafor:ben-secret', 'UTF8'))),
    (3, 1, 1, 'Carla', 'Nunes', 'carla.nunes@northside.example', 'CNunes', 'nurse', NULL, '2018-07-15', '3100.00', true, '{en,pt}', NULL),
    (5, 2, 4, 'Eva', 'Lindqvist', 'eva.lindqvist@harbour.example', 'ELindqvist', 'nurse', NULL, '2019-01-07', '3050.00', true, '{en,sv}', NULL),
    (7, 3, 6, 'Grace', 'O''Neill', 'grace.oneill@hillcrest.example', 'GONeill', 'receptionist', NULL, '2022-10-03', '2400.00', false, '{en}', NULL),
    (8, 2, 4, 'Hugo', 'Petit', 'hugo.petit@harbour.example', 'HPetit', 'vet', 'RCVS103318', '2023-04-17', '4800.00', true, '{en,fr,es}', NULL);

-- close the cycle
UPDATE clinic.clinics SET head_vet_id = 1 WHERE id = 1;
UPDATE clinic.clinics SET head_vet_id = 4 WHERE id = 2;
UPDATE clinic.clinics SET head_vet_id = 6 WHERE id = 3;

INSERT INTO clinic.rooms (clinic_id, room_no, kind, has_xray) VALUES
    (1, 1, 'consult', false),
    (1, 2, 'surgery', true),
    (2, 1, 'consult', false),
    (2, 2, 'xray', true),
    (3, 1, 'consult', false),
    (3, 2, 'kennel', false);

INSERT INTO clinic.devices (id, clinic_id, label, mac_address, ip_address, last_seen) VALUES
    (1, 1, 'Reception PC', '08:00:2b:01:02:03', '10.10.1.20', '2025-03-07 17:55:00+00'),
    (2, 1, 'X-ray workstation', '08:00:2b:01:02:04', '10.10.1.31', '2025-03-07 16:10:00+00'),
    (3, 2, 'Blood analyser', '00:1a:2b:3c:4d:5e', '10.10.2.40', NULL),
    (4, 3, 'Front desk tablet', 'a4:83:e7:11:22:33', '10.10.3.15', '2025-03-06 12:01:30+00');

INSERT INTO clinic.owners (id, first_name, last_name, email, phone, address, marketing_opt_in, preferences, created_at) VALUES
    ('0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b01', 'Maria', 'Rossi', 'maria.rossi@example.com', '+44 7700 900101', ROW('4 Elm Grove', 'Leeds', 'LS6 2QA', 'GB')::clinic.postal_address, true, '{"sms": true, "email": true}', '2018-04-20 10:12:00+00'),
    ('0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b02', 'James', 'Walker', 'james.walker@example.com', '+44 7700 900102', ROW('17 Park Row', 'Bristol', 'BS1 5LJ', 'GB')::clinic.postal_address, false, '{"post": true}', '2019-06-30 09:00:00+00'),
    ('0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b03', 'Aiko', 'Tanaka', 'aiko.tanaka@example.jp', NULL, ROW('9 Marina Court', 'Bristol', 'BS8 4RU', 'GB')::clinic.postal_address, true, '{"email": true, "language": "ja"}', '2021-02-20 15:45:00+00'),
    ('0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b04', 'Liam', 'O''Brien', 'liam.obrien@example.ie', '+353 1 555 0104', ROW('22 Harcourt St', 'Dublin', 'D02 XY45', 'IE')::clinic.postal_address, false, '{}', '2022-06-01 11:30:00+00'),
    ('0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b05', 'Sofia', 'Müller', 'sofia.mueller@example.de', '+49 30 5550105', ROW('Lindenstraße 5', 'Berlin', '10969', 'DE')::clinic.postal_address, false, '{"sms": false}', '2010-03-10 08:05:00+00'),
    ('0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b06', 'Noah', 'Schmidt', NULL, '+44 7700 900106', NULL, false, '{}', '2016-11-20 13:00:00+00');

INSERT INTO clinic.species (id, name, latin_name) VALUES
    (1, 'Dog', 'Canis lupus familiaris'),
    (2, 'Cat', 'Felis catus'),
    (3, 'Rabbit', 'Oryctolagus cuniculus'),
    (4, 'Parrot', NULL);

--
-- Data for Name: breeds; Type: TABLE DATA; Schema: clinic; Owner: -
--

COPY clinic.breeds (species_id, breed_no, name, typical_weight_kg) FROM stdin;
1	1	Labrador Retriever	32.00
1	2	Border Collie	18.00
1	3	Dachshund	9.00
1	4	Cavalier King Charles Spaniel	\N
2	1	Maine Coon	7.50
2	2	Siamese	4.50
2	3	Domestic Shorthair	4.20
3	1	Holland Lop	1.80
4	1	African Grey	0.45
\.

INSERT INTO clinic.breeds (species_id, breed_no, name, typical_weight_kg) VALUES
    (4, 2, 'Cockatiel', 0.09);

INSERT INTO clinic.patients (id, owner_id, species_id, breed_no, name, sex, birth_date, weight, microchip_no, photo, allergies, is_deceased, notes) VALUES
    (1, '0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b01', 1, 1, 'Bella', 'female', '2018-04-12', 29.50, '985112000123401', '\x89504e470d0a1a0a0000000d49484452', '{}', false, 'Friendly; hip dysplasia monitoring'),
    (2, '0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b01', 2, 3, 'Milo', 'male', '2020-09-01', 4.80, '985112000123402', NULL, '{penicillin}', false, NULL),
    (3, '0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b02', 1, 2, 'Scout', 'male', '2019-06-23', 17.20, NULL, NULL, '{}', false, 'Working sheepdog'),
    (4, '0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b03', 2, 2, 'Yuki', 'female', '2021-02-14', 3.90, '985112000123404', NULL, '{}', false, NULL),
    (5, '0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b04', 3, 1, 'Clover', 'female', '2022-05-30', 1.70, NULL, NULL, '{}', false, NULL),
    (6, '0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b05', 4, 1, 'Kiwi', 'unknown', '2010-03-03', 0.42, NULL, NULL, '{}', false, 'Talks a lot; says "hello" and "bye"'),
    (7, '0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b06', 1, NULL, 'Rex', 'male', '2016-11-11', 24.00, '985112000123407', NULL, '{chicken,beef}', false, 'Mixed breed, allergic to chicken and beef'),
    (8, '0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b02', 2, 1, 'Luna', 'female', '2011-01-20', 6.90, NULL, NULL, '{}', true, 'Put to sleep January 2025');

INSERT INTO clinic.appointments (id, patient_id, vet_id, clinic_id, room_no, slot, status, reason, booked_at) OVERRIDING SYSTEM VALUE VALUES
    (1, 1, 1, 1, 1, '["2025-03-03 09:00:00+00","2025-03-03 09:30:00+00")', 'completed', 'Annual check-up', '2025-02-20 08:14:00+00'),
    (2, 2, 2, 1, 1, '["2025-03-03 10:00:00+00","2025-03-03 10:30:00+00")', 'completed', 'Vaccination', '2025-02-21 12:40:00+00'),
    (3, 3, 4, 2, 1, '["2025-03-04 11:00:00+00","2025-03-04 11:45:00+00")', 'completed', 'Limping; left hind leg', '2025-03-04 07:59:00+00'),
    (4, 4, 4, 2, 2, '["2025-03-05 14:00:00+00","2025-03-05 14:30:00+00")', 'completed', 'X-ray follow-up', '2025-02-26 17:02:00+00'),
    (5, 6, 6, 3, 1, '["2025-03-06 09:00:00+00","2025-03-06 09:20:00+00")', 'completed', 'Beak trim', '2025-03-01 10:00:00+00'),
    (6, 7, 8, 2, 1, '["2025-03-07 16:00:00+00","2025-03-07 16:30:00+00")', 'completed', 'Skin rash', '2025-03-06 18:21:00+00'),
    (7, 3, 4, 2, 1, '["2025-03-10 09:00:00+00","2025-03-10 09:30:00+00")', 'no_show', 'Re-check leg', '2025-03-04 12:05:00+00'),
    (8, 5, 1, 1, 1, '["2030-01-15 09:00:00+00","2030-01-15 09:30:00+00")', 'booked', 'Dental check', '2025-03-07 09:00:00+00'),
    (9, 1, 2, 1, 2, '["2030-02-01 08:30:00+00","2030-02-01 10:00:00+00")', 'booked', 'Dental cleaning under anaesthetic', '2025-03-07 09:05:00+00');

INSERT INTO clinic.visits (id, appointment_id, patient_id, vet_id, visit_date, started_at, duration, temperature_c, heart_rate, respiratory_rate, weight_kg, diagnosis, findings, treatment_codes) VALUES
    (1, 1, 1, 1, '2025-03-03', '09:02:00', '00:26:00', 38.6, 92, 22, 29.5, 'Healthy; mild stiffness in hips', '{"hips": "mild stiffness", "teeth": "tartar grade 1"}', '{101}'),
    (2, 2, 2, 2, '2025-03-03', '10:05:00', '00:15:00', 38.9, 160, 28, 4.8, 'Vaccination given', '{"vaccine": "FVRCP"}', '{201}'),
    (3, 3, 3, 4, '2025-03-04', '11:03:00', '00:41:00', 39.1, 110, 30, 17.2, 'Soft tissue injury, left hind leg', '{"lameness_grade": 2, "xray": {"views": 2, "fracture": false}}', '{101,305,410}'),
    (4, 4, 4, 4, '2025-03-05', '14:00:00', '00:25:00', 38.4, 170, 26, 3.9, 'Healed', '{"xray": {"views": 1}}', '{305}'),
    (5, 5, 6, 6, '2025-03-06', '09:01:00', '00:18:00', 41.2, 300, 40, 0.42, 'Overgrown beak', '{}', '{520}'),
    (6, 6, 7, 8, '2025-03-07', '16:04:00', '00:33:00', 39.0, 100, 24, 24.0, 'Allergic dermatitis', '{"skin": {"area": "flank", "itch": true}}', '{101,610}');

INSERT INTO clinic.medications (id, code, name, strength, strength_unit, unit_price, requires_prescription) OVERRIDING SYSTEM VALUE VALUES
    (1, 'AMOX0250', 'Amoxicillin tablets', 250, 'mg', 0.85, true),
    (2, 'MELOX015', 'Meloxicam oral suspension', 1.5, 'mg/ml', 6.50, true),
    (3, 'RABVAC01', 'Rabies vaccine', NULL, NULL, 18.00, true),
    (4, 'DHPPVAC1', 'DHPP vaccine', NULL, NULL, 22.50, true),
    (5, 'FLEASPOT', 'Flea spot-on (3 pack)', 0.67, 'ml', 12.00, false),
    (6, 'PREDN005', 'Prednisolone tablets', 5, 'mg', 0.40, true);

INSERT INTO clinic.prescriptions (id, visit_id, medication_id, dose_mg, times_per_day, days, instructions) VALUES
    (1, 1, 2, 1.5, 1, 14, 'With food'),
    (2, 3, 2, 1.0, 1, 7, 'With food; stop if vomiting'),
    (3, 3, 1, 250, 2, 10, NULL),
    (4, 6, 6, 5, 1, 5, 'Morning dose'),
    (5, 6, 1, 250, 2, 7, NULL),
    (6, 2, 5, 0.5, 1, 1, 'Apply between shoulder blades');

INSERT INTO clinic.vaccinations (patient_id, vaccine_code, given_on, given_by, batch_no, valid_for) VALUES
    (1, 'RABIES', '2025-03-03', 1, 'RB-2291', '3 years'),
    (1, 'DHPP', '2024-03-01', 2, 'DH-0877', '1 year'),
    (2, 'FVRCP', '2025-03-03', 2, 'FV-1180', '1 year'),
    (3, 'DHPP', '2024-06-01', 4, 'DH-0912', '1 year'),
    (4, 'FVRCP', '2024-02-20', 4, NULL, '1 year'),
    (7, 'RABIES', '2023-11-02', 8, 'RB-1974', '3 years');

-- invoice_xml stays NULL: reading an xml literal needs a server built with libxml, which not every
-- packaged PostgreSQL (e.g. embedded test servers) has.
INSERT INTO clinic.invoices (id, owner_id, visit_id, issued_at, subtotal, tax_rate, is_paid, invoice_xml) VALUES
    (1, '0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b01', 1, '2025-03-03 09:40:00+00', 65.00, 0.2000, true, NULL),
    (2, '0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b01', 2, '2025-03-03 10:35:00+00', 40.00, 0.2000, true, NULL),
    (3, '0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b02', 3, '2025-03-04 12:00:00+00', 148.50, 0.2000, false, NULL),
    (4, '0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b03', 4, '2025-03-05 14:40:00+00', 95.00, 0.2000, true, NULL),
    (5, '0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b06', 6, '2025-03-07 16:45:00+00', 72.30, 0.2000, false, NULL),
    (6, '0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b05', 5, '2025-03-06 09:30:00+00', 30.00, 0.0000, true, NULL),
    (7, '0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b04', NULL, '2025-02-14 11:00:00+00', 12.00, 0.2000, true, NULL);

INSERT INTO clinic.invoice_lines (invoice_id, line_no, description, quantity, unit_price, medication_id) VALUES
    (1, 1, 'Consultation', 1, 45.00, NULL),
    (1, 2, 'Meloxicam oral suspension', 1, 20.00, 2),
    (2, 1, 'Consultation', 1, 25.00, NULL),
    (2, 2, 'FVRCP vaccination', 1, 15.00, NULL),
    (3, 1, 'Consultation', 1, 45.00, NULL),
    (3, 2, 'X-ray, two views', 1, 80.00, NULL),
    (3, 3, 'Amoxicillin tablets 250 mg', 20, 0.85, 1),
    (3, 4, 'Meloxicam oral suspension', 1, 6.50, 2),
    (4, 1, 'X-ray follow-up', 1, 95.00, NULL),
    (5, 1, 'Consultation', 1, 45.00, NULL),
    (5, 2, 'Prednisolone tablets 5 mg', 5, 0.40, 6),
    (5, 3, 'Amoxicillin tablets 250 mg', 14, 0.85, 1),
    (5, 4, 'Medicated shampoo', 1, 13.40, NULL),
    (6, 1, 'Beak and nail trim', 1, 30.00, NULL),
    (7, 1, 'Flea spot-on (3 pack)', 1, 12.00, 5);

INSERT INTO clinic.payments (id, invoice_id, amount, paid_at, method, reference) VALUES
    (1, 1, '78.00', '2025-03-03 09:41:00+00', 'card', 'AUTH 552901'),
    (2, 2, '48.00', '2025-03-03 10:36:00+00', 'card', 'AUTH 552977'),
    (3, 4, '114.00', '2025-03-12 08:00:00+00', 'transfer', 'BACS TANAKA A'),
    (4, 6, '30.00', '2025-03-06 09:31:00+00', 'cash', NULL),
    (5, 7, '14.40', '2025-02-14 11:01:00+00', 'card', 'AUTH 540012');

INSERT INTO clinic.lab_results (id, patient_id, test_code, collected_at, value_num, unit, is_abnormal, raw_report) VALUES
    (1, 1, 'T4', '2024-09-10 10:00:00+00', 2.1, 'ug/dL', false, '{"lab": "VetLab", "ref": [1.0, 4.0]}'),
    (2, 1, 'CREA', '2025-03-03 09:20:00+00', 1.4, 'mg/dL', false, '{"lab": "in-house"}'),
    (3, 2, 'GLU', '2025-03-03 10:10:00+00', 165, 'mg/dL', true, '{"lab": "in-house", "note": "stress hyperglycaemia?"}'),
    (4, 3, 'WBC', '2025-03-04 11:20:00+00', 17.8, '10^9/L', true, NULL),
    (5, 7, 'ALT', '2024-11-02 15:00:00+00', 62, 'U/L', false, NULL),
    (6, 8, 'CREA', '2024-12-30 23:30:00+00', 3.9, 'mg/dL', true, '{"lab": "VetLab", "flags": ["H"]}');

-- two hand-written journal rows from before the audit trigger existed (audit_log has no key)
INSERT INTO clinic.audit_log (logged_at, table_name, operation, row_data, client_addr, txid) VALUES
    ('2024-12-31 23:59:59+00', 'owners', 'U', '{"id": "0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b04", "phone": "+353 1 555 0104"}', '192.0.2.10', NULL),
    ('2024-12-31 23:59:59+00', 'owners', 'U', '{"id": "0b7d5c1e-6a41-4c1f-9a55-1f2e3d4c5b04", "phone": "+353 1 555 0104"}', '192.0.2.10', NULL);

--
-- Sequence values after loading explicit keys
--

SELECT pg_catalog.setval('clinic.appointments_id_seq', 9, true);
SELECT pg_catalog.setval('clinic.clinics_id_seq', 3, true);
SELECT pg_catalog.setval('clinic.devices_id_seq', 4, true);
SELECT pg_catalog.setval('clinic.invoices_id_seq', 7, true);
SELECT pg_catalog.setval('clinic.lab_results_id_seq', 6, true);
SELECT pg_catalog.setval('clinic.medications_id_seq', 6, true);
SELECT pg_catalog.setval('clinic.patients_id_seq', 8, true);
SELECT pg_catalog.setval('clinic.payments_id_seq', 5, true);
SELECT pg_catalog.setval('clinic.prescriptions_id_seq', 6, true);
SELECT pg_catalog.setval('clinic.species_id_seq', 4, true);
SELECT pg_catalog.setval('clinic.staff_id_seq', 8, true);
SELECT pg_catalog.setval('clinic.visits_id_seq', 6, true);

COMMIT;

REFRESH MATERIALIZED VIEW clinic.mv_monthly_revenue;
