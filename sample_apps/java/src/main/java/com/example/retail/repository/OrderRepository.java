package com.example.retail.repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.example.retail.model.Order;
import com.example.retail.model.OrderLine;

/**
 * Orders of the retail schema, read and written with Spring's JdbcTemplate.
 *
 * Note: the old code ran "SELECT * FROM retail.orders WHERE ROWNUM < 100" here; it is gone.
 */
@Repository
public class OrderRepository {

    private static final Logger log = LoggerFactory.getLogger(OrderRepository.class);

    private static final String ORDERS = "retail.orders";
    private static final String ORDER_COLUMNS =
            "o.order_id, o.customer_id, o.store_id, o.order_date, o.status, o.order_total, o.currency_code";
    private static final String SELECT_ORDER =
            "SELECT " + ORDER_COLUMNS + " FROM " + ORDERS + " o";
    private static final String BY_ID = SELECT_ORDER + " WHERE o.order_id = ?";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public OrderRepository(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    public Order findById(long orderId) {
        log.debug("select order {}", orderId);
        return jdbc.queryForObject(BY_ID, Order.ROW_MAPPER, orderId);
    }

    public List<Order> findByCustomer(long customerId, int page, int size) {
        // Oracle 12c paging; ROWNUM paging lives in findRecent below
        return jdbc.query(SELECT_ORDER + " WHERE o.customer_id = ? ORDER BY o.order_date DESC"
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                Order.ROW_MAPPER, customerId, page * size, size);
    }

    public List<Order> findRecent(int max) {
        String sql = "SELECT * FROM (SELECT o.*, c.last_name FROM retail.orders o, retail.customers c "
                + "WHERE o.customer_id = c.customer_id(+) ORDER BY o.order_ts DESC) WHERE ROWNUM <= ?";
        return jdbc.query(sql, Order.ROW_MAPPER, max);
    }

    public List<Map<String, Object>> salesByStore(Date from, Date to) {
        String sql = """
                SELECT s.store_name,
                       NVL(SUM(o.order_total), 0) AS revenue,
                       COUNT(*) AS orders
                  FROM retail.orders o
                  JOIN retail.stores s ON s.store_id = o.store_id
                 WHERE o.order_date BETWEEN :from AND :to
                   AND o.status <> 'CANCELLED'
                 GROUP BY s.store_name
                 ORDER BY revenue DESC
                """;
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", from).addValue("to", to);
        return named.queryForList(sql, params);
    }

    public long nextOrderId() {
        return jdbc.queryForObject("SELECT retail.orders_seq.NEXTVAL FROM dual", Long.class);
    }

    public void addLine(long orderId, OrderLine line) {
        jdbc.update("INSERT INTO retail.order_items (order_id, line_item_id, product_id, unit_price, quantity) "
                + "VALUES (?, ?, ?, ?, ?)", orderId, line.getLineNo(), line.getProductId(), line.getUnitPrice(),
                line.getQuantity());
    }

    public int markShipped(List<Long> orderIds) {
        String in = String.join(",", orderIds.stream().map(String::valueOf).toList());
        // built from ids, not user text: still dynamic SQL for the migration
        return jdbc.update("UPDATE retail.orders SET status = 'SHIPPED' WHERE order_id IN (" + in + ")");
    }

    public BigDecimal orderTotal(long orderId) {
        return jdbc.queryForObject("SELECT retail.calc_order_total(?) FROM dual", BigDecimal.class, orderId);
    }

    public void cancelStale() {
        jdbc.execute("BEGIN retail.close_stale_orders; END;");
        log.info("Update finished: stale orders closed");
    }

    public int newCustomers() {
        // cust is the DBA's synonym for retail.customers
        return jdbc.queryForObject("SELECT COUNT(*) FROM retail.cust WHERE created_at > SYSDATE - 30", Integer.class);
    }
}
