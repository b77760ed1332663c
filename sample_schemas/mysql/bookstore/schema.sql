-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: bookstore
-- ------------------------------------------------------
-- Server version	8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!50503 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

--
-- Table structure for table `addresses`
--

DROP TABLE IF EXISTS `addresses`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `addresses` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int unsigned NOT NULL,
  `label` varchar(30) NOT NULL DEFAULT 'home',
  `line1` varchar(120) NOT NULL,
  `line2` varchar(120) DEFAULT NULL,
  `city` varchar(80) NOT NULL,
  `postcode` varchar(12) NOT NULL,
  `country` char(2) NOT NULL DEFAULT 'GB',
  `location` point NOT NULL /*!80003 SRID 4326 */ COMMENT 'WGS 84; latitude first, as MySQL 8 reads SRID 4326',
  `is_default` tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (`id`),
  KEY `fk_addresses_customer` (`customer_id`),
  SPATIAL KEY `sp_addresses_location` (`location`),
  CONSTRAINT `fk_addresses_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=8 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Table structure for table `audit_log`
--

DROP TABLE IF EXISTS `audit_log`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `audit_log` (
  `logged_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  `table_name` varchar(64) NOT NULL,
  `action` enum('INSERT','UPDATE','DELETE') NOT NULL,
  `row_pk` bigint unsigned DEFAULT NULL,
  `changed_by` varchar(288) DEFAULT NULL,
  `old_row` json DEFAULT NULL,
  `new_row` json DEFAULT NULL,
  KEY `ix_audit_log_table_time` (`table_name`,`logged_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='Append-only change journal written by triggers and procedures; no primary key on purpose';
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Table structure for table `authors`
--

DROP TABLE IF EXISTS `authors`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `authors` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `first_name` varchar(80) NOT NULL,
  `last_name` varchar(80) NOT NULL,
  `pen_name` varchar(120) DEFAULT NULL,
  `birth_year` year DEFAULT NULL COMMENT 'YEAR only holds 1901..2155; older authors keep it NULL',
  `death_year` year DEFAULT NULL,
  `nationality` char(2) DEFAULT NULL,
  `bio` text,
  `photo` mediumblob,
  `website` varchar(255) DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `ix_authors_name` (`last_name`,`first_name`)
) ENGINE=InnoDB AUTO_INCREMENT=8 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Table structure for table `book_authors`
--

DROP TABLE IF EXISTS `book_authors`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `book_authors` (
  `book_id` int unsigned NOT NULL,
  `author_id` int unsigned NOT NULL,
  `author_order` tinyint unsigned NOT NULL DEFAULT '1',
  `role` enum('author','co-author','editor','translator','illustrator') NOT NULL DEFAULT 'author',
  PRIMARY KEY (`book_id`,`author_id`),
  KEY `fk_book_authors_author` (`author_id`),
  CONSTRAINT `fk_book_authors_author` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`),
  CONSTRAINT `fk_book_authors_book` FOREIGN KEY (`book_id`) REFERENCES `books` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Table structure for table `books`
--

DROP TABLE IF EXISTS `books`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `books` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `isbn13` char(13) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  `title` varchar(255) NOT NULL,
  `subtitle` varchar(255) DEFAULT NULL,
  `publisher_id` smallint unsigned DEFAULT NULL,
  `category_id` mediumint unsigned NOT NULL,
  `language` char(2) NOT NULL DEFAULT 'en',
  `format` enum('hardcover','paperback','ebook','audiobook') NOT NULL DEFAULT 'paperback',
  `tags` set('bestseller','new','signed','staff_pick','sale') DEFAULT NULL,
  `pages` smallint unsigned DEFAULT NULL,
  `edition` tinyint unsigned NOT NULL DEFAULT '1',
  `published_on` date DEFAULT NULL,
  `price` decimal(10,2) NOT NULL,
  `weight_grams` float DEFAULT NULL,
  `avg_rating` double DEFAULT NULL COMMENT 'Maintained by trg_reviews_ai; do not write directly',
  `is_active` tinyint(1) NOT NULL DEFAULT '1',
  `description` mediumtext,
  `cover_image` longblob,
  `metadata` json DEFAULT NULL,
  `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_books_isbn13` (`isbn13`),
  KEY `ix_books_title` (`title`(20)),
  KEY `ix_books_category_price` (`category_id`,`price` DESC),
  KEY `fk_books_publisher` (`publisher_id`),
  FULLTEXT KEY `ft_books_title_description` (`title`,`description`),
  CONSTRAINT `fk_books_category` FOREIGN KEY (`category_id`) REFERENCES `categories` (`id`),
  CONSTRAINT `fk_books_publisher` FOREIGN KEY (`publisher_id`) REFERENCES `publishers` (`id`) ON DELETE SET NULL,
  CONSTRAINT `chk_books_price` CHECK ((`price` >= 0))
) ENGINE=InnoDB AUTO_INCREMENT=11 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='Sellable titles; one row per ISBN (each format has its own ISBN)';
/*!40101 SET character_set_client = @saved_cs_client */;

/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb4 */ ;
/*!50003 SET character_set_results = utf8mb4 */ ;
/*!50003 SET collation_connection  = utf8mb4_0900_ai_ci */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION' */ ;
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `trg_books_bi` BEFORE INSERT ON `books` FOR EACH ROW BEGIN
  IF NEW.price < 0 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Price cannot be negative';
  END IF;
  SET NEW.isbn13 = TRIM(NEW.isbn13);
  IF NEW.tags IS NULL AND NEW.published_on >= CURDATE() - INTERVAL 90 DAY THEN
    SET NEW.tags = 'new';
  END IF;
END */;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;

/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb4 */ ;
/*!50003 SET character_set_results = utf8mb4 */ ;
/*!50003 SET collation_connection  = utf8mb4_0900_ai_ci */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION' */ ;
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `trg_books_au` AFTER UPDATE ON `books` FOR EACH ROW BEGIN
  IF NOT (OLD.price <=> NEW.price) THEN
    INSERT INTO price_history (book_id, changed_at, old_price, new_price, changed_by)
    VALUES (NEW.id, NOW(3), OLD.price, NEW.price, CURRENT_USER());
  END IF;
  IF NOT (OLD.price <=> NEW.price) OR NOT (OLD.is_active <=> NEW.is_active) THEN
    INSERT INTO audit_log (table_name, action, row_pk, changed_by, old_row, new_row)
    VALUES ('books', 'UPDATE', NEW.id, CURRENT_USER(),
            JSON_OBJECT('price', OLD.price, 'is_active', OLD.is_active),
            JSON_OBJECT('price', NEW.price, 'is_active', NEW.is_active));
  END IF;
END */;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;

--
-- Table structure for table `categories`
--

DROP TABLE IF EXISTS `categories`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `categories` (
  `id` mediumint unsigned NOT NULL AUTO_INCREMENT,
  `parent_id` mediumint unsigned DEFAULT NULL,
  `name` varchar(80) NOT NULL,
  `slug` varchar(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  `sort_order` smallint NOT NULL DEFAULT '0',
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_categories_slug` (`slug`),
  KEY `fk_categories_parent` (`parent_id`),
  CONSTRAINT `fk_categories_parent` FOREIGN KEY (`parent_id`) REFERENCES `categories` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB AUTO_INCREMENT=9 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Table structure for table `coupons`
--

DROP TABLE IF EXISTS `coupons`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `coupons` (
  `code` varchar(20) NOT NULL,
  `description` varchar(200) DEFAULT NULL,
  `discount_pct` tinyint unsigned NOT NULL,
  `valid_from` date NOT NULL,
  `valid_to` date DEFAULT NULL,
  `max_uses` int unsigned DEFAULT NULL,
  `times_used` int unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`code`),
  CONSTRAINT `chk_coupons_dates` CHECK (((`valid_to` is null) or (`valid_to` >= `valid_from`))),
  CONSTRAINT `chk_coupons_pct` CHECK ((`discount_pct` between 1 and 90))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Table structure for table `customers`
--

DROP TABLE IF EXISTS `customers`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `customers` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(254) NOT NULL,
  `password_hash` binary(32) DEFAULT NULL COMMENT 'SHA-256 of salt and password; raw bytes',
  `first_name` varchar(80) NOT NULL,
  `last_name` varchar(80) NOT NULL,
  `phone` varchar(20) DEFAULT NULL,
  `birth_date` date DEFAULT NULL,
  `newsletter` bit(1) NOT NULL DEFAULT b'0',
  `contact_flags` bit(8) NOT NULL DEFAULT b'0' COMMENT 'bit flags: 1=email; 2=sms; 4=post; 8=large print',
  `loyalty_points` mediumint NOT NULL DEFAULT '0',
  `notes` tinytext,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_customers_email` (`email`),
  KEY `ix_customers_name` (`last_name`,`first_name`)
) ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Table structure for table `inventory`
--

DROP TABLE IF EXISTS `inventory`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `inventory` (
  `book_id` int unsigned NOT NULL,
  `store_id` tinyint unsigned NOT NULL,
  `quantity` mediumint NOT NULL DEFAULT '0',
  `reorder_level` smallint unsigned NOT NULL DEFAULT '5',
  `shelf` varchar(10) DEFAULT NULL,
  `last_counted` date DEFAULT NULL,
  PRIMARY KEY (`book_id`,`store_id`),
  KEY `fk_inventory_store` (`store_id`),
  CONSTRAINT `fk_inventory_book` FOREIGN KEY (`book_id`) REFERENCES `books` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_inventory_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Table structure for table `order_items`
--

DROP TABLE IF EXISTS `order_items`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `order_items` (
  `order_id` bigint unsigned NOT NULL,
  `line_no` smallint unsigned NOT NULL,
  `book_id` int unsigned NOT NULL,
  `quantity` smallint unsigned NOT NULL DEFAULT '1',
  `unit_price` decimal(10,2) NOT NULL,
  `discount` decimal(10,2) NOT NULL DEFAULT '0.00',
  `line_total` decimal(12,2) GENERATED ALWAYS AS (((`quantity` * `unit_price`) - `discount`)) STORED,
  PRIMARY KEY (`order_id`,`line_no`),
  KEY `fk_order_items_book` (`book_id`),
  CONSTRAINT `fk_order_items_book` FOREIGN KEY (`book_id`) REFERENCES `books` (`id`),
  CONSTRAINT `fk_order_items_order` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE CASCADE,
  CONSTRAINT `chk_order_items_qty` CHECK ((`quantity` > 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb4 */ ;
/*!50003 SET character_set_results = utf8mb4 */ ;
/*!50003 SET collation_connection  = utf8mb4_0900_ai_ci */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION' */ ;
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `trg_order_items_ai` AFTER INSERT ON `order_items` FOR EACH ROW BEGIN
  UPDATE orders
     SET total = total + NEW.line_total
   WHERE id = NEW.order_id;
END */;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;

--
-- Table structure for table `orders`
--

DROP TABLE IF EXISTS `orders`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `orders` (
  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int unsigned NOT NULL,
  `store_id` tinyint unsigned DEFAULT NULL COMMENT 'NULL for web orders',
  `shipping_address_id` int unsigned DEFAULT NULL,
  `coupon_code` varchar(20) DEFAULT NULL,
  `status` enum('pending','paid','shipped','delivered','cancelled','refunded') NOT NULL DEFAULT 'pending',
  `ordered_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  `total` decimal(10,2) NOT NULL DEFAULT '0.00' COMMENT 'Sum of order_items.line_total; maintained by trg_order_items_ai',
  `currency` char(3) NOT NULL DEFAULT 'GBP',
  `gift_message` varchar(500) DEFAULT NULL,
  `client_ip` varbinary(16) DEFAULT NULL COMMENT 'INET6_ATON() of the buyer\'s address',
  PRIMARY KEY (`id`),
  KEY `ix_orders_customer_date` (`customer_id`,`ordered_at`),
  KEY `ix_orders_status` (`status`),
  KEY `fk_orders_address` (`shipping_address_id`),
  KEY `fk_orders_coupon` (`coupon_code`),
  KEY `fk_orders_store` (`store_id`),
  CONSTRAINT `fk_orders_address` FOREIGN KEY (`shipping_address_id`) REFERENCES `addresses` (`id`) ON DELETE SET NULL,
  CONSTRAINT `fk_orders_coupon` FOREIGN KEY (`coupon_code`) REFERENCES `coupons` (`code`),
  CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`),
  CONSTRAINT `fk_orders_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Table structure for table `price_history`
--

DROP TABLE IF EXISTS `price_history`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `price_history` (
  `book_id` int unsigned NOT NULL,
  `changed_at` datetime(3) NOT NULL,
  `old_price` decimal(10,2) NOT NULL,
  `new_price` decimal(10,2) NOT NULL,
  `changed_by` varchar(288) DEFAULT NULL,
  PRIMARY KEY (`book_id`,`changed_at`),
  CONSTRAINT `fk_price_history_book` FOREIGN KEY (`book_id`) REFERENCES `books` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Table structure for table `publishers`
--

DROP TABLE IF EXISTS `publishers`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `publishers` (
  `id` smallint unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(120) NOT NULL,
  `country` char(2) DEFAULT NULL,
  `founded` year DEFAULT NULL,
  `logo` blob,
  `website` varchar(255) DEFAULT NULL,
  `imported_at` datetime NOT NULL DEFAULT '0000-00-00 00:00:00' COMMENT 'Set by the 2014 catalogue import; zero date means never imported',
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_publishers_name` (`name`)
) ENGINE=InnoDB AUTO_INCREMENT=6 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Table structure for table `returns`
--

DROP TABLE IF EXISTS `returns`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `returns` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `order_id` bigint unsigned NOT NULL,
  `line_no` smallint unsigned NOT NULL,
  `quantity` smallint unsigned NOT NULL DEFAULT '1',
  `reason` enum('damaged','wrong_item','not_as_described','changed_mind','other') NOT NULL,
  `comment` text,
  `refund_amount` decimal(10,2) DEFAULT NULL,
  `requested_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `processed_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_returns_order_item` (`order_id`,`line_no`),
  CONSTRAINT `fk_returns_order_item` FOREIGN KEY (`order_id`, `line_no`) REFERENCES `order_items` (`order_id`, `line_no`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Table structure for table `reviews`
--

DROP TABLE IF EXISTS `reviews`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `reviews` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `book_id` int unsigned NOT NULL,
  `customer_id` int unsigned DEFAULT NULL,
  `rating` tinyint unsigned NOT NULL,
  `title` varchar(150) DEFAULT NULL,
  `body` text,
  `helpful_votes` int unsigned NOT NULL DEFAULT '0',
  `is_verified_purchase` tinyint(1) NOT NULL DEFAULT '0',
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_reviews_book_customer` (`book_id`,`customer_id`),
  KEY `fk_reviews_customer` (`customer_id`),
  KEY `ix_reviews_created` (`created_at` DESC),
  CONSTRAINT `fk_reviews_book` FOREIGN KEY (`book_id`) REFERENCES `books` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_reviews_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE SET NULL,
  CONSTRAINT `chk_reviews_rating` CHECK ((`rating` between 1 and 5))
) ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb4 */ ;
/*!50003 SET character_set_results = utf8mb4 */ ;
/*!50003 SET collation_connection  = utf8mb4_0900_ai_ci */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION' */ ;
DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `trg_reviews_ai` AFTER INSERT ON `reviews` FOR EACH ROW BEGIN
  UPDATE books
     SET avg_rating = (SELECT AVG(r.rating) FROM reviews r WHERE r.book_id = NEW.book_id)
   WHERE id = NEW.book_id;
END */;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;

--
-- Table structure for table `sessions`
--

DROP TABLE IF EXISTS `sessions`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `sessions` (
  `id` binary(16) NOT NULL,
  `customer_id` int unsigned DEFAULT NULL,
  `ip_address` varbinary(16) NOT NULL,
  `user_agent` varchar(512) DEFAULT NULL,
  `payload` longtext NOT NULL,
  `last_activity` int unsigned NOT NULL COMMENT 'Unix epoch seconds',
  PRIMARY KEY (`id`),
  KEY `fk_sessions_customer` (`customer_id`),
  KEY `ix_sessions_last_activity` (`last_activity`),
  CONSTRAINT `fk_sessions_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Table structure for table `shipments`
--

DROP TABLE IF EXISTS `shipments`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `shipments` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `order_id` bigint unsigned NOT NULL,
  `carrier` enum('royal_mail','dpd','ups','dhl','collect') NOT NULL,
  `tracking_no` varchar(40) DEFAULT NULL,
  `shipped_on` date NOT NULL,
  `dispatch_time` time DEFAULT NULL,
  `delivered_at` datetime DEFAULT NULL,
  `weight_kg` decimal(6,3) DEFAULT NULL,
  `label_pdf` mediumblob,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_shipments_tracking` (`carrier`,`tracking_no`),
  KEY `fk_shipments_order` (`order_id`),
  CONSTRAINT `fk_shipments_order` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Table structure for table `staff`
--

DROP TABLE IF EXISTS `staff`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `staff` (
  `id` smallint unsigned NOT NULL AUTO_INCREMENT,
  `store_id` tinyint unsigned DEFAULT NULL COMMENT 'NULL = head office',
  `first_name` varchar(60) NOT NULL,
  `last_name` varchar(60) NOT NULL,
  `email` varchar(254) NOT NULL,
  `username` varchar(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  `password_hash` varbinary(255) DEFAULT NULL,
  `hired_on` date NOT NULL,
  `shift_start` time DEFAULT '09:00:00',
  `hourly_rate` decimal(6,2) DEFAULT NULL,
  `is_active` tinyint(1) NOT NULL DEFAULT '1',
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_staff_username` (`username`),
  UNIQUE KEY `uq_staff_email` (`email`),
  KEY `fk_staff_store` (`store_id`),
  CONSTRAINT `fk_staff_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Table structure for table `stores`
--

DROP TABLE IF EXISTS `stores`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `stores` (
  `id` tinyint unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(80) NOT NULL,
  `manager_id` smallint unsigned DEFAULT NULL,
  `city` varchar(80) NOT NULL,
  `opened_on` date DEFAULT NULL,
  `opens_at` time NOT NULL DEFAULT '09:00:00',
  `closes_at` time NOT NULL DEFAULT '17:30:00',
  `floor_area_m2` float DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_stores_name` (`name`),
  KEY `ix_stores_manager` (`manager_id`)
) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Temporary view structure for view `v_book_catalog`
--

DROP TABLE IF EXISTS `v_book_catalog`;
/*!50001 DROP VIEW IF EXISTS `v_book_catalog`*/;
SET @saved_cs_client     = @@character_set_client;
/*!50503 SET character_set_client = utf8mb4 */;
/*!50001 CREATE VIEW `v_book_catalog` AS SELECT 
 1 AS `book_id`,
 1 AS `isbn13`,
 1 AS `title`,
 1 AS `format`,
 1 AS `price`,
 1 AS `price_incl_vat`,
 1 AS `category`,
 1 AS `publisher`,
 1 AS `authors`,
 1 AS `available`,
 1 AS `avg_rating`*/;
SET character_set_client = @saved_cs_client;

--
-- Temporary view structure for view `v_customer_order_summary`
--

DROP TABLE IF EXISTS `v_customer_order_summary`;
/*!50001 DROP VIEW IF EXISTS `v_customer_order_summary`*/;
SET @saved_cs_client     = @@character_set_client;
/*!50503 SET character_set_client = utf8mb4 */;
/*!50001 CREATE VIEW `v_customer_order_summary` AS SELECT 
 1 AS `customer_id`,
 1 AS `customer_name`,
 1 AS `email`,
 1 AS `order_count`,
 1 AS `lifetime_value`,
 1 AS `last_order_at`,
 1 AS `tier`*/;
SET character_set_client = @saved_cs_client;

--
-- Temporary view structure for view `v_low_stock`
--

DROP TABLE IF EXISTS `v_low_stock`;
/*!50001 DROP VIEW IF EXISTS `v_low_stock`*/;
SET @saved_cs_client     = @@character_set_client;
/*!50503 SET character_set_client = utf8mb4 */;
/*!50001 CREATE VIEW `v_low_stock` AS SELECT 
 1 AS `store`,
 1 AS `book_id`,
 1 AS `title`,
 1 AS `quantity`,
 1 AS `reorder_level`,
 1 AS `shortfall`*/;
SET character_set_client = @saved_cs_client;

--
-- Temporary view structure for view `v_top_rated_books`
--

DROP TABLE IF EXISTS `v_top_rated_books`;
/*!50001 DROP VIEW IF EXISTS `v_top_rated_books`*/;
SET @saved_cs_client     = @@character_set_client;
/*!50503 SET character_set_client = utf8mb4 */;
/*!50001 CREATE VIEW `v_top_rated_books` AS SELECT 
 1 AS `book_id`,
 1 AS `title`,
 1 AS `authors`,
 1 AS `category`,
 1 AS `avg_rating`,
 1 AS `review_count`*/;
SET character_set_client = @saved_cs_client;

--
-- Dumping routines for database 'bookstore'
--
/*!50003 DROP FUNCTION IF EXISTS `fn_customer_tier` */;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb4 */ ;
/*!50003 SET character_set_results = utf8mb4 */ ;
/*!50003 SET collation_connection  = utf8mb4_0900_ai_ci */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION' */ ;
DELIMITER ;;
CREATE DEFINER=`root`@`localhost` FUNCTION `fn_customer_tier`(p_customer_id INT UNSIGNED) RETURNS varchar(10) CHARSET utf8mb4
    READS SQL DATA
    COMMENT 'bronze / silver / gold from paid order totals'
BEGIN
  DECLARE v_spent DECIMAL(12,2) DEFAULT 0;

  SELECT IFNULL(SUM(o.total), 0)
    INTO v_spent
    FROM orders o
   WHERE o.customer_id = p_customer_id
     AND o.status IN ('paid', 'shipped', 'delivered');

  RETURN CASE
           WHEN v_spent >= 100 THEN 'gold'
           WHEN v_spent >= 40 THEN 'silver'
           ELSE 'bronze'
         END;
END ;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;

/*!50003 DROP FUNCTION IF EXISTS `fn_price_with_vat` */;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb4 */ ;
/*!50003 SET character_set_results = utf8mb4 */ ;
/*!50003 SET collation_connection  = utf8mb4_0900_ai_ci */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION' */ ;
DELIMITER ;;
CREATE DEFINER=`root`@`localhost` FUNCTION `fn_price_with_vat`(p_price DECIMAL(10,2), p_format VARCHAR(20)) RETURNS decimal(10,2)
    NO SQL
    DETERMINISTIC
    COMMENT 'Adds 20% VAT to digital formats; printed books are zero-rated here'
BEGIN
  DECLARE v_rate DECIMAL(5,4) DEFAULT 0.0000;
  IF p_format IN ('ebook', 'audiobook') THEN
    SET v_rate = 0.2000;
  END IF;
  RETURN ROUND(p_price * (1 + v_rate), 2);
END ;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;

/*!50003 DROP PROCEDURE IF EXISTS `sp_place_order` */;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb4 */ ;
/*!50003 SET character_set_results = utf8mb4 */ ;
/*!50003 SET collation_connection  = utf8mb4_0900_ai_ci */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION' */ ;
DELIMITER ;;
CREATE DEFINER=`root`@`localhost` PROCEDURE `sp_place_order`(
  IN p_customer_id INT UNSIGNED,
  IN p_book_id INT UNSIGNED,
  IN p_quantity SMALLINT UNSIGNED,
  IN p_store_id TINYINT UNSIGNED,
  IN p_coupon VARCHAR(20),
  OUT p_order_id BIGINT UNSIGNED)
    MODIFIES SQL DATA
    COMMENT 'Single-line counter sale: checks stock, applies a coupon, decrements inventory'
BEGIN
  DECLARE v_price DECIMAL(10,2) DEFAULT NULL;
  DECLARE v_stock MEDIUMINT DEFAULT NULL;
  DECLARE v_pct TINYINT UNSIGNED DEFAULT 0;

  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    ROLLBACK;
    RESIGNAL;
  END;

  START TRANSACTION;

  SELECT b.price INTO v_price
    FROM books b
   WHERE b.id = p_book_id
     AND b.is_active = 1;
  IF v_price IS NULL THEN
    SIGNAL SQLSTATE '45000'
      SET MESSAGE_TEXT = 'Book not found or not for sale', MYSQL_ERRNO = 31001;
  END IF;

  SELECT i.quantity INTO v_stock
    FROM inventory i
   WHERE i.book_id = p_book_id
     AND i.store_id = p_store_id
     FOR UPDATE;
  IF v_stock IS NULL OR v_stock < p_quantity THEN
    SIGNAL SQLSTATE '45000'
      SET MESSAGE_TEXT = 'Insufficient stock', MYSQL_ERRNO = 31002;
  END IF;

  IF p_coupon IS NOT NULL THEN
    SELECT c.discount_pct INTO v_pct
      FROM coupons c
     WHERE c.code = p_coupon
       AND CURDATE() BETWEEN c.valid_from AND IFNULL(c.valid_to, '9999-12-31')
       AND (c.max_uses IS NULL OR c.times_used < c.max_uses);
    IF v_pct = 0 THEN
      SIGNAL SQLSTATE '45000'
        SET MESSAGE_TEXT = 'Coupon is unknown, expired or used up', MYSQL_ERRNO = 31003;
    END IF;
    UPDATE coupons SET times_used = times_used + 1 WHERE code = p_coupon;
  END IF;

  INSERT INTO orders (customer_id, store_id, coupon_code, status, ordered_at, total)
  VALUES (p_customer_id, p_store_id, p_coupon, 'paid', NOW(3), 0);
  SET p_order_id = LAST_INSERT_ID();

  INSERT INTO order_items (order_id, line_no, book_id, quantity, unit_price, discount)
  VALUES (p_order_id, 1, p_book_id, p_quantity, v_price, ROUND(v_price * p_quantity * v_pct / 100, 2));

  UPDATE inventory
     SET quantity = quantity - p_quantity
   WHERE book_id = p_book_id
     AND store_id = p_store_id;

  COMMIT;
END ;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;

/*!50003 DROP PROCEDURE IF EXISTS `sp_restock_low_inventory` */;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb4 */ ;
/*!50003 SET character_set_results = utf8mb4 */ ;
/*!50003 SET collation_connection  = utf8mb4_0900_ai_ci */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION' */ ;
DELIMITER ;;
CREATE DEFINER=`root`@`localhost` PROCEDURE `sp_restock_low_inventory`(IN p_store_id TINYINT UNSIGNED, IN p_extra SMALLINT UNSIGNED, OUT p_rows INT)
    MODIFIES SQL DATA
BEGIN
  DECLARE v_done TINYINT DEFAULT 0;
  DECLARE v_book_id INT UNSIGNED;
  DECLARE v_qty MEDIUMINT;
  DECLARE v_level SMALLINT UNSIGNED;
  DECLARE cur_low CURSOR FOR
    SELECT i.book_id, i.quantity, i.reorder_level
      FROM inventory i
      JOIN books b ON b.id = i.book_id
     WHERE i.store_id = p_store_id
       AND i.quantity < i.reorder_level
       AND b.is_active = 1
     ORDER BY i.book_id;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_done = 1;

  SET p_rows = 0;
  OPEN cur_low;
  read_loop: LOOP
    FETCH cur_low INTO v_book_id, v_qty, v_level;
    IF v_done = 1 THEN
      LEAVE read_loop;
    END IF;

    UPDATE inventory
       SET quantity = v_level + p_extra,
           last_counted = CURDATE()
     WHERE book_id = v_book_id
       AND store_id = p_store_id;

    INSERT INTO audit_log (table_name, action, row_pk, changed_by, old_row, new_row)
    VALUES ('inventory', 'UPDATE', v_book_id, CURRENT_USER(),
            JSON_OBJECT('store_id', p_store_id, 'quantity', v_qty),
            JSON_OBJECT('store_id', p_store_id, 'quantity', v_level + p_extra));

    SET p_rows = p_rows + 1;
  END LOOP;
  CLOSE cur_low;
END ;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;

--
-- Final view structure for view `v_book_catalog`
--

/*!50001 DROP VIEW IF EXISTS `v_book_catalog`*/;
/*!50001 SET @saved_cs_client          = @@character_set_client */;
/*!50001 SET @saved_cs_results         = @@character_set_results */;
/*!50001 SET @saved_col_connection     = @@collation_connection */;
/*!50001 SET character_set_client      = utf8mb4 */;
/*!50001 SET character_set_results     = utf8mb4 */;
/*!50001 SET collation_connection      = utf8mb4_0900_ai_ci */;
/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */
/*!50001 VIEW `v_book_catalog` AS select `b`.`id` AS `book_id`,`b`.`isbn13` AS `isbn13`,`b`.`title` AS `title`,`b`.`format` AS `format`,`b`.`price` AS `price`,`fn_price_with_vat`(`b`.`price`,`b`.`format`) AS `price_incl_vat`,`c`.`name` AS `category`,ifnull(`p`.`name`,'Independent') AS `publisher`,group_concat(concat(`a`.`first_name`,' ',`a`.`last_name`) order by `ba`.`author_order` ASC separator ', ') AS `authors`,if((`b`.`is_active` = 1),'yes','no') AS `available`,`b`.`avg_rating` AS `avg_rating` from ((((`books` `b` join `categories` `c` on((`c`.`id` = `b`.`category_id`))) left join `publishers` `p` on((`p`.`id` = `b`.`publisher_id`))) left join `book_authors` `ba` on((`ba`.`book_id` = `b`.`id`))) left join `authors` `a` on((`a`.`id` = `ba`.`author_id`))) group by `b`.`id`,`c`.`name`,`p`.`name` */;
/*!50001 SET character_set_client      = @saved_cs_client */;
/*!50001 SET character_set_results     = @saved_cs_results */;
/*!50001 SET collation_connection      = @saved_col_connection */;

--
-- Final view structure for view `v_customer_order_summary`
--

/*!50001 DROP VIEW IF EXISTS `v_customer_order_summary`*/;
/*!50001 SET @saved_cs_client          = @@character_set_client */;
/*!50001 SET @saved_cs_results         = @@character_set_results */;
/*!50001 SET @saved_col_connection     = @@collation_connection */;
/*!50001 SET character_set_client      = utf8mb4 */;
/*!50001 SET character_set_results     = utf8mb4 */;
/*!50001 SET collation_connection      = utf8mb4_0900_ai_ci */;
/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */
/*!50001 VIEW `v_customer_order_summary` AS select `cu`.`id` AS `customer_id`,concat(`cu`.`first_name`,' ',`cu`.`last_name`) AS `customer_name`,`cu`.`email` AS `email`,count(`o`.`id`) AS `order_count`,ifnull(sum(`o`.`total`),0) AS `lifetime_value`,max(`o`.`ordered_at`) AS `last_order_at`,`fn_customer_tier`(`cu`.`id`) AS `tier` from (`customers` `cu` left join `orders` `o` on(((`o`.`customer_id` = `cu`.`id`) and (`o`.`status` not in ('cancelled','refunded'))))) group by `cu`.`id` */;
/*!50001 SET character_set_client      = @saved_cs_client */;
/*!50001 SET character_set_results     = @saved_cs_results */;
/*!50001 SET collation_connection      = @saved_col_connection */;

--
-- Final view structure for view `v_low_stock`
--

/*!50001 DROP VIEW IF EXISTS `v_low_stock`*/;
/*!50001 SET @saved_cs_client          = @@character_set_client */;
/*!50001 SET @saved_cs_results         = @@character_set_results */;
/*!50001 SET @saved_col_connection     = @@collation_connection */;
/*!50001 SET character_set_client      = utf8mb4 */;
/*!50001 SET character_set_results     = utf8mb4 */;
/*!50001 SET collation_connection      = utf8mb4_0900_ai_ci */;
/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */
/*!50001 VIEW `v_low_stock` AS select `s`.`name` AS `store`,`b`.`id` AS `book_id`,`b`.`title` AS `title`,`i`.`quantity` AS `quantity`,`i`.`reorder_level` AS `reorder_level`,(`i`.`reorder_level` - `i`.`quantity`) AS `shortfall` from ((`inventory` `i` join `books` `b` on((`b`.`id` = `i`.`book_id`))) join `stores` `s` on((`s`.`id` = `i`.`store_id`))) where ((`i`.`quantity` < `i`.`reorder_level`) and (`b`.`is_active` = 1)) */;
/*!50001 SET character_set_client      = @saved_cs_client */;
/*!50001 SET character_set_results     = @saved_cs_results */;
/*!50001 SET collation_connection      = @saved_col_connection */;

--
-- Final view structure for view `v_top_rated_books`
--

/*!50001 DROP VIEW IF EXISTS `v_top_rated_books`*/;
/*!50001 SET @saved_cs_client          = @@character_set_client */;
/*!50001 SET @saved_cs_results         = @@character_set_results */;
/*!50001 SET @saved_col_connection     = @@collation_connection */;
/*!50001 SET character_set_client      = utf8mb4 */;
/*!50001 SET character_set_results     = utf8mb4 */;
/*!50001 SET collation_connection      = utf8mb4_0900_ai_ci */;
/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */
/*!50001 VIEW `v_top_rated_books` AS select `vc`.`book_id` AS `book_id`,`vc`.`title` AS `title`,`vc`.`authors` AS `authors`,`vc`.`category` AS `category`,`vc`.`avg_rating` AS `avg_rating`,(select count(0) from `reviews` `r` where (`r`.`book_id` = `vc`.`book_id`)) AS `review_count` from `v_book_catalog` `vc` where (`vc`.`avg_rating` is not null) order by `vc`.`avg_rating` desc,`vc`.`title` limit 10 */;
/*!50001 SET character_set_client      = @saved_cs_client */;
/*!50001 SET character_set_results     = @saved_cs_results */;
/*!50001 SET collation_connection      = @saved_col_connection */;

--
-- Foreign key added after both tables exist: stores.manager_id -> staff closes the
-- stores <-> staff cycle (staff.store_id -> stores is declared in CREATE TABLE `staff`).
--

ALTER TABLE `stores`
  ADD CONSTRAINT `fk_stores_manager` FOREIGN KEY (`manager_id`) REFERENCES `staff` (`id`) ON DELETE SET NULL;

/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2025-03-08 10:15:02
