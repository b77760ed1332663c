package com.example.retail.service;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Service;

@Service
public class ReportService {

    static final String HELP_URL = "https://intranet.example.com/reports?select=daily&from=orders";
    static final String TITLE = "Select the report to run";
    static final String EMPTY = "No rows selected from the orders table.";

    @PersistenceContext
    private EntityManager em;

    @SuppressWarnings("unchecked")
    public List<Object[]> dailySales() {
        return em.createNativeQuery("SELECT sales_day, store_id, gross_sales FROM retail.mv_daily_sales "
                + "WHERE sales_day >= TRUNC(SYSDATE) - 7").getResultList();
    }

    public long activeProducts() {
        return em.createQuery("SELECT COUNT(p) FROM Product p WHERE p.status = 'ACTIVE'", Long.class)
                 .getSingleResult();
    }

    public String describe(String table) {
        return String.format("Report on %s: select a date range, then press Run.", table);
    }

    public String sqlForExport(String table) {
        // the export tool runs whatever this returns
        return "SELECT * FROM retail." + table + " WHERE 1 = 1";
    }
}
