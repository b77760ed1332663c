"""Clinic back office: appointments, visits and invoices on PostgreSQL."""
