package com.example.retail.repository;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.example.retail.model.Product;

public interface ProductRepository extends JpaRepository<Product, Long> {

    /** JPQL: Hibernate writes the SQL, so it is not application SQL to convert. */
    @Query("SELECT p FROM Product p WHERE p.status = :status ORDER BY p.name")
    List<Product> findByStatus(@Param("status") String status);

    @Query(value = "SELECT * FROM retail.products WHERE category_id = :categoryId "
            + "AND list_price BETWEEN :low AND :high", nativeQuery = true)
    List<Product> findInPriceRange(@Param("categoryId") long categoryId, @Param("low") double low,
                                   @Param("high") double high);

    @Query(nativeQuery = true, value = """
            SELECT p.*
              FROM retail.products p
             WHERE p.product_id IN (SELECT i.product_id
                                      FROM retail.inventories i
                                     WHERE i.quantity_on_hand <= i.reorder_level)
            """)
    List<Product> findToReorder();

    @Modifying
    @Query(value = "UPDATE retail.products SET list_price = list_price * (1 + ?1 / 100) WHERE category_id = ?2",
           nativeQuery = true)
    int reprice(double percent, long categoryId);

    @Query(value = "SELECT * FROM retail.v_product_catalog WHERE ROWNUM <= :n", nativeQuery = true)
    List<Product> topOfCatalog(@Param("n") int n);
}
