package com.example.retail.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

@Entity
@Table(name = "products", schema = "retail")
@NamedQuery(name = "Product.discontinued", query = "SELECT p FROM Product p WHERE p.status = 'DISCONTINUED'")
@NamedNativeQuery(name = "Product.bestSellers", resultClass = Product.class,
        query = "SELECT p.* FROM retail.products p JOIN retail.order_items oi ON oi.product_id = p.product_id "
              + "GROUP BY p.product_id, p.sku, p.product_name ORDER BY SUM(oi.quantity) DESC FETCH FIRST 10 ROWS ONLY")
public class Product {
    @Id
    private Long productId;
    private String sku;
    private String name;
    private String status = "ACTIVE";
}
