import { Pool, PoolClient } from "pg";
import sql from "./sqltag";

// Appointments of the clinic (node-postgres). Old query: SELECT * FROM clinic.appointments
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

const APPOINTMENT_COLUMNS = "a.id, a.patient_id, a.vet_id, a.slot, a.status";

export interface Appointment {
  id: number;
  patientId: number;
  status: string;
}

export async function upcomingForPatient(patientId: number): Promise<Appointment[]> {
  const { rows } = await pool.query(
    "SELECT " + APPOINTMENT_COLUMNS + " FROM clinic.appointments a WHERE a.patient_id = $1 AND lower(a.slot) > now()",
    [patientId],
  );
  return rows;
}

export async function book(client: PoolClient, patientId: number, vetId: number, clinicId: number,
                           room: number, start: Date): Promise<number> {
  const res = await client.query<{ id: number }>(
    `SELECT clinic.book_appointment($1, $2, $3, $4, $5, 30) AS id`,
    [patientId, vetId, clinicId, room, start],
  );
  return res.rows[0].id;
}

export async function cancel(id: number, reason: string): Promise<void> {
  const text = `
    UPDATE clinic.appointments
       SET status = 'cancelled', reason = $2
     WHERE id = $1`;
  await pool.query(text, [id, reason]);
}

export async function visitsBetween(from: string, to: string, orderBy: string) {
  // orderBy comes from a column picker: pasted into the SQL
  return pool.query(`SELECT v.id, v.visit_date, v.diagnosis FROM clinic.visits v
                     WHERE v.visit_date BETWEEN $1 AND $2 ORDER BY ${orderBy}`, [from, to]);
}

export async function ownerByEmail(email: string) {
  // a tagged template: ${email} is a bind parameter, not pasted text
  return sql`SELECT id, first_name, last_name FROM clinic.owners WHERE email = ${email}`;
}

export const labels = {
  pick: "Select an appointment",
  confirm: 'Delete this appointment?',
  hint: `Update the slot, then press save`,
  pattern: /select\s+from/i,
};

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10).replace(/-/g, "/") + " 'select'";
}
