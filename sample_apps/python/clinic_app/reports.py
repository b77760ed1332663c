"""Reports: SQLAlchemy and pandas."""

import pandas as pd
from sqlalchemy import create_engine, text

ENGINE_URL = "postgresql+psycopg://clinic@localhost/clinic"
MENU = ["Select a report", "Delete old drafts?", "Update available"]


def revenue(engine, year):
    query = text("""
        SELECT month, invoice_count, gross_total
          FROM clinic.mv_monthly_revenue
         WHERE extract(year FROM month) = :year
    """)
    with engine.connect() as conn:
        return conn.execute(query, {"year": year}).fetchall()


def vaccinations_due(engine, before):
    return pd.read_sql(
        "SELECT v.patient_id, v.vaccine_code, v.next_due FROM clinic.vaccinations v WHERE v.next_due < %(before)s",
        engine, params={"before": before})


def prescriptions(conn, visit_ids):
    marks = ", ".join(["%s"] * len(visit_ids))
    sql = "SELECT * FROM clinic.prescriptions WHERE visit_id IN (%s)" % marks
    cur = conn.cursor()
    cur.execute(sql, visit_ids)
    return cur.fetchall()


def top_medications(conn, limit):
    sql = "SELECT m.name, COUNT(*) AS n FROM clinic.prescriptions p JOIN clinic.medications m " \
          "ON m.id = p.medication_id GROUP BY m.name ORDER BY n DESC LIMIT {}".format(limit)
    return conn.execute(sql).fetchall()


def refresh(engine):
    with engine.begin() as conn:
        conn.execute(text("SELECT clinic.refresh_reporting()"))


def title(name):
    return f"Select rows from {name}"
