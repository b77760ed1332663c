package com.example.retail.mapper;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.example.retail.model.Order;

@Mapper
public interface OrderMapper {

    @Select({"SELECT order_id, status, order_total",
             "FROM retail.orders",
             "WHERE customer_id = #{customerId}"})
    List<Order> byCustomer(@Param("customerId") long customerId);

    @Update("UPDATE retail.orders SET status = #{status} WHERE order_id = #{orderId}")
    int setStatus(@Param("orderId") long orderId, @Param("status") String status);

    // the XML mapper (OrderMapper.xml) holds the dynamic queries
    List<Order> search(OrderSearch criteria);
}
