-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)
-- Host: localhost    Database: library
/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;

CREATE DATABASE /*!32312 IF NOT EXISTS*/ `library` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */;
USE `library`;

CREATE SEQUENCE `member_no` START WITH 1000 MINVALUE 1 MAXVALUE 9223372036854775806 INCREMENT BY 1 CACHE 50 NOCYCLE ENGINE=InnoDB;

CREATE TABLE `branches` (
  `branch_id` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(120) NOT NULL,
  `address` varchar(250) DEFAULT NULL,
  `ip_range_start` inet6 DEFAULT NULL,
  PRIMARY KEY (`branch_id`),
  UNIQUE KEY `uq_branches_name` (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `members` (
  `member_id` bigint(20) NOT NULL DEFAULT nextval(`library`.`member_no`),
  `public_id` uuid NOT NULL DEFAULT uuid(),
  `email` varchar(320) NOT NULL,
  `full_name` varchar(200) NOT NULL,
  `password_hash` varchar(100) NOT NULL INVISIBLE,
  `preferences` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`preferences`)),
  `joined_on` date NOT NULL DEFAULT curdate(),
  `last_login_ip` inet6 DEFAULT NULL,
  PRIMARY KEY (`member_id`),
  UNIQUE KEY `uq_members_email` (`email`),
  UNIQUE KEY `uq_members_public_id` (`public_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `books` (
  `book_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `isbn` char(13) NOT NULL,
  `title` varchar(300) NOT NULL,
  `published_year` year(4) DEFAULT NULL,
  `tags` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`tags`)),
  `price` decimal(8,2) NOT NULL DEFAULT 0.00,
  PRIMARY KEY (`book_id`),
  UNIQUE KEY `uq_books_isbn` (`isbn`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci WITH SYSTEM VERSIONING;

CREATE TABLE `copies` (
  `copy_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `book_id` int(10) unsigned NOT NULL,
  `branch_id` smallint(5) unsigned NOT NULL,
  `status` enum('shelf','loaned','lost') NOT NULL DEFAULT 'shelf',
  `row_start` timestamp(6) GENERATED ALWAYS AS ROW START INVISIBLE,
  `row_end` timestamp(6) GENERATED ALWAYS AS ROW END INVISIBLE,
  PRIMARY KEY (`copy_id`),
  KEY `ix_copies_book` (`book_id`),
  KEY `fk_copies_branch` (`branch_id`),
  PERIOD FOR SYSTEM_TIME (`row_start`, `row_end`),
  CONSTRAINT `fk_copies_book` FOREIGN KEY (`book_id`) REFERENCES `books` (`book_id`),
  CONSTRAINT `fk_copies_branch` FOREIGN KEY (`branch_id`) REFERENCES `branches` (`branch_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci WITH SYSTEM VERSIONING;

CREATE TABLE `loans` (
  `loan_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `copy_id` int(10) unsigned NOT NULL,
  `member_id` bigint(20) NOT NULL,
  `loaned_at` datetime NOT NULL DEFAULT current_timestamp(),
  `due_on` date NOT NULL,
  `returned_at` datetime DEFAULT NULL,
  `fine` decimal(6,2) GENERATED ALWAYS AS (if(`returned_at` > `due_on`, 0.50 * (to_days(`returned_at`) - to_days(`due_on`)), 0)) VIRTUAL,
  PRIMARY KEY (`loan_id`),
  KEY `ix_loans_member` (`member_id`,`loaned_at`),
  KEY `fk_loans_copy` (`copy_id`),
  CONSTRAINT `fk_loans_copy` FOREIGN KEY (`copy_id`) REFERENCES `copies` (`copy_id`),
  CONSTRAINT `fk_loans_member` FOREIGN KEY (`member_id`) REFERENCES `members` (`member_id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE VIEW `v_open_loans` AS
SELECT l.`loan_id`, m.`email`, b.`title`, l.`due_on`
FROM `loans` l
JOIN `members` m ON m.`member_id` = l.`member_id`
JOIN `copies` c ON c.`copy_id` = l.`copy_id`
JOIN `books` b ON b.`book_id` = c.`book_id`
WHERE l.`returned_at` IS NULL;

DELIMITER ;;
CREATE PROCEDURE `return_copy`(IN p_loan_id BIGINT)
BEGIN
  UPDATE `loans` SET `returned_at` = NOW() WHERE `loan_id` = p_loan_id;
  DELETE FROM `loans` WHERE `loan_id` = p_loan_id AND `returned_at` < NOW() - INTERVAL 5 YEAR
    RETURNING `loan_id`, `fine`;
END ;;
CREATE PROCEDURE `new_member`(IN p_email VARCHAR(320), IN p_name VARCHAR(200))
BEGIN
  INSERT INTO `members` (`email`, `full_name`, `password_hash`)
  VALUES (p_email, p_name, '') RETURNING `member_id`, `public_id`;
END ;;
DELIMITER ;
