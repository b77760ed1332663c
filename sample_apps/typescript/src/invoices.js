'use strict';
// Invoices (plain JavaScript, mysql-style placeholders through pg-promise's helpers are not used here)
const db = require('./db');

async function unpaid(ownerId) {
  return db.any('SELECT i.id, i.total, i.issued_at FROM clinic.invoices i WHERE i.owner_id = $1 AND NOT i.is_paid', [ownerId]);
}

async function addLine(invoiceId, lineNo, description, quantity, unitPrice) {
  await db.none(
    'INSERT INTO clinic.invoice_lines (invoice_id, line_no, description, quantity, unit_price) ' +
    'VALUES ($1, $2, $3, $4, $5)',
    [invoiceId, lineNo, description, quantity, unitPrice]);
}

function message(n) {
  return n + ' rows selected'; /* SELECT count(*) FROM clinic.invoices */
}

module.exports = { unpaid, addLine, message };
