-- Fleet: vehicle bookings on Aurora MySQL 3 (MySQL 8.0 compatible).
-- mysqldump --no-data --routines --triggers fleet, from the cluster's writer endpoint.
CREATE DATABASE IF NOT EXISTS `fleet` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
USE `fleet`;

CREATE TABLE `depots` (
  `depot_id` int NOT NULL AUTO_INCREMENT,
  `name` varchar(100) NOT NULL,
  `region` char(2) NOT NULL,
  PRIMARY KEY (`depot_id`),
  UNIQUE KEY `uq_depots_name` (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `vehicles` (
  `vehicle_id` int NOT NULL AUTO_INCREMENT,
  `depot_id` int NOT NULL,
  `plate` varchar(12) NOT NULL,
  `model` varchar(80) NOT NULL,
  `seats` tinyint unsigned NOT NULL DEFAULT '5',
  `active` tinyint(1) NOT NULL DEFAULT '1',
  `specs` json DEFAULT NULL,
  PRIMARY KEY (`vehicle_id`),
  UNIQUE KEY `uq_vehicles_plate` (`plate`),
  KEY `fk_vehicles_depot` (`depot_id`),
  CONSTRAINT `fk_vehicles_depot` FOREIGN KEY (`depot_id`) REFERENCES `depots` (`depot_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE TABLE `bookings` (
  `booking_id` bigint NOT NULL AUTO_INCREMENT,
  `vehicle_id` int NOT NULL,
  `customer_email` varchar(320) NOT NULL,
  `starts_at` datetime NOT NULL,
  `ends_at` datetime NOT NULL,
  `price` decimal(10,2) NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`booking_id`),
  KEY `ix_bookings_vehicle_time` (`vehicle_id`,`starts_at`),
  CONSTRAINT `fk_bookings_vehicle` FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles` (`vehicle_id`),
  CONSTRAINT `ck_bookings_period` CHECK ((`ends_at` > `starts_at`))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

CREATE VIEW `v_depot_load` AS
SELECT d.`depot_id`, d.`name`, COUNT(b.`booking_id`) AS `bookings`
FROM `depots` d
JOIN `vehicles` v ON v.`depot_id` = d.`depot_id`
LEFT JOIN `bookings` b ON b.`vehicle_id` = v.`vehicle_id`
GROUP BY d.`depot_id`, d.`name`;

DELIMITER ;;
CREATE TRIGGER `trg_bookings_notify` AFTER INSERT ON `bookings` FOR EACH ROW
BEGIN
  CALL mysql.lambda_async('arn:aws:lambda:eu-west-1:111122223333:function:booking-created',
    JSON_OBJECT('booking_id', NEW.booking_id, 'vehicle_id', NEW.vehicle_id));
END ;;
CREATE FUNCTION `review_sentiment`(review VARCHAR(2000)) RETURNS VARCHAR(16)
  ALIAS AWS_COMPREHEND_DETECT_SENTIMENT LANGUAGE 'en' ;;
DELIMITER ;
