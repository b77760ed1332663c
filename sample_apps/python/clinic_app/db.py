"""Data access for the clinic back office (psycopg 3).

A docstring may show SQL; it is documentation, not a statement:

    SELECT * FROM clinic.patients WHERE owner_id = %s
"""

from __future__ import annotations

import logging

import psycopg

log = logging.getLogger(__name__)

PATIENT_COLUMNS = "p.id, p.name, p.species_id, p.birth_date, p.weight"
PATIENTS_OF_OWNER = (
    "SELECT " + PATIENT_COLUMNS + " "
    "FROM clinic.patients p "
    "WHERE p.owner_id = %s AND NOT p.is_deceased "
    "ORDER BY p.name"
)

UPCOMING = """
    SELECT a.id, a.slot, a.status, s.last_name AS vet
      FROM clinic.appointments a
      JOIN clinic.staff s ON s.id = a.vet_id
     WHERE a.patient_id = %(patient)s
       AND lower(a.slot) >= now()
     ORDER BY lower(a.slot)
"""


class ClinicDb:
    def __init__(self, dsn: str):
        self.conn = psycopg.connect(dsn)

    def patients_of(self, owner_id):
        with self.conn.cursor() as cur:
            cur.execute(PATIENTS_OF_OWNER, (owner_id,))
            return cur.fetchall()

    def upcoming(self, patient_id):
        with self.conn.cursor() as cur:
            cur.execute(UPCOMING, {"patient": patient_id})
            return cur.fetchall()

    def book(self, patient_id, vet_id, clinic_id, room_no, start, minutes=30):
        with self.conn.cursor() as cur:
            cur.callproc("clinic.book_appointment", (patient_id, vet_id, clinic_id, room_no, start, minutes))
            return cur.fetchone()[0]

    def record_visit(self, appointment_id, patient_id, vet_id, findings):
        with self.conn.cursor() as cur:
            cur.execute(
                """INSERT INTO clinic.visits (appointment_id, patient_id, vet_id, visit_date, findings)
                   VALUES (%s, %s, %s, CURRENT_DATE, %s)
                   RETURNING id""",
                (appointment_id, patient_id, vet_id, psycopg.types.json.Jsonb(findings)),
            )
            visit_id = cur.fetchone()[0]
        self.conn.commit()
        log.info("Inserted visit %s for patient %s", visit_id, patient_id)
        return visit_id

    def add_invoice_lines(self, invoice_id, lines):
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO clinic.invoice_lines (invoice_id, line_no, description, quantity, unit_price) "
                "VALUES (%s, %s, %s, %s, %s)",
                [(invoice_id, n, d, q, p) for n, (d, q, p) in enumerate(lines, start=1)],
            )

    def mark_paid(self, invoice_id):
        sql = "UPDATE clinic.invoices SET is_paid = true"
        sql += " WHERE id = %s"
        with self.conn.cursor() as cur:
            cur.execute(sql, (invoice_id,))

    def next_patient_id(self):
        with self.conn.cursor() as cur:
            cur.execute("SELECT nextval('clinic.patients_id_seq')")
            return cur.fetchone()[0]

    def purge(self, table, days):
        # table comes from a fixed list in the admin screen
        with self.conn.cursor() as cur:
            cur.execute(f"DELETE FROM clinic.{table} WHERE updated_at < now() - interval '{days} days'")

    def describe(self):
        return "Select a patient to update the record."
