package com.example.retail.repository;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import javax.sql.DataSource;

import oracle.jdbc.OracleTypes;

/** Plain JDBC access to customers, kept from the first version of the shop. */
public class CustomerDao {

    private static final String FIND_BY_EMAIL =
        "SELECT customer_id, first_name, last_name, credit_limit FROM retail.customers WHERE UPPER(email) = UPPER(?)";

    /* Used by the nightly job:
       DELETE FROM retail.customers WHERE created_at < SYSDATE - 3650
       (disabled until legal signs off) */

    private final DataSource dataSource;

    public CustomerDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Customer findByEmail(String email) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(FIND_BY_EMAIL)) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Customer.from(rs) : null;
            }
        }
    }

    public String tierOf(long customerId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             CallableStatement cs = c.prepareCall("{? = call retail.get_customer_tier(?)}")) {
            cs.registerOutParameter(1, Types.VARCHAR);
            cs.setLong(2, customerId);
            cs.execute();
            return cs.getString(1);
        }
    }

    public long createOrder(long customerId, long storeId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             CallableStatement cs = c.prepareCall(
                 "BEGIN :order_id := retail.pkg_order_mgmt.create_order(p_customer_id => :customer_id, "
                 + "p_store_id => :store_id); END;")) {
            cs.registerOutParameter("order_id", Types.NUMERIC);
            cs.setLong("customer_id", customerId);
            cs.setLong("store_id", storeId);
            cs.execute();
            return cs.getLong("order_id");
        }
    }

    public void cancelOrder(long orderId, String reason) throws SQLException {
        try (Connection c = dataSource.getConnection();
             CallableStatement cs = c.prepareCall("{call retail.pkg_order_mgmt.cancel_order(?, ?)}")) {
            cs.setLong(1, orderId);
            cs.setString(2, reason);
            cs.execute();
        }
    }

    public ResultSet openOrders(Connection c, long customerId) throws SQLException {
        CallableStatement cs = c.prepareCall("{call retail.open_orders_cursor(?, ?)}");
        cs.setLong(1, customerId);
        cs.registerOutParameter(2, OracleTypes.CURSOR);
        cs.execute();
        return (ResultSet) cs.getObject(2);
    }

    public int addLoyaltyPoints(long customerId, int points) throws SQLException {
        StringBuilder sql = new StringBuilder();
        sql.append("UPDATE retail.customers ");
        sql.append("SET loyalty_points = NVL(loyalty_points, 0) + ? ");
        sql.append("WHERE customer_id = ?");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setInt(1, points);
            ps.setLong(2, customerId);
            return ps.executeUpdate();
        }
    }

    public int search(String column, String value) throws SQLException {
        String sql = String.format("SELECT COUNT(*) FROM retail.customers WHERE %s LIKE '%s'", column, value);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public void audit(Connection c, String who, String what) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO retail.app_log (log_id, log_ts, log_level, module, message, username) "
                + "VALUES (retail.app_log_seq.NEXTVAL, SYSTIMESTAMP, 'INFO', 'customers', ?, ?)")) {
            ps.setString(1, what);
            ps.setString(2, who);
            ps.executeUpdate();
        }
    }

    public void legacyNotes(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.addBatch("DELETE FROM retail.legacy_notes WHERE created < SYSDATE - 365");
            st.addBatch("COMMIT");
            st.executeBatch();
        }
    }

    public String describe() {
        return "Select a customer, then update the credit limit.";
    }
}
