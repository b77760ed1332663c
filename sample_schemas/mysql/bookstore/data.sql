-- Sample rows for the bookstore schema. Load after schema.sql:
--   mysql bookstore < schema.sql && mysql bookstore < data.sql
-- Rows are in foreign-key order, so FOREIGN_KEY_CHECKS stays on. The stores <-> staff cycle is
-- resolved by inserting stores with manager_id NULL, then staff, then updating stores.
-- orders.total starts at 0 and is filled in by trg_order_items_ai; books.avg_rating by trg_reviews_ai.

/*!40101 SET NAMES utf8mb4 */;
SET time_zone = '+00:00';

START TRANSACTION;

INSERT INTO `publishers` (`id`, `name`, `country`, `founded`, `logo`, `website`, `imported_at`) VALUES
(1,'Harbourside Press','GB',1987,NULL,'https://harbourside.example','2014-06-02 08:00:00'),
(2,'Northern Lights Publishing','NO',2003,NULL,'https://northernlights.example','2014-06-02 08:00:00'),
(3,'Quire & Quill','US',1999,NULL,NULL,'2014-06-02 08:00:00'),
(4,'Small Hours Books','GB',2015,x'89504E470D0A1A0A','https://smallhours.example','2016-02-01 12:30:00'),
(5,'Atlas Academic','DE',1952,NULL,'https://atlas-academic.example','2014-06-02 08:00:00');

INSERT INTO `categories` (`id`, `parent_id`, `name`, `slug`, `sort_order`) VALUES
(1,NULL,'Fiction','fiction',10),
(2,NULL,'Non-fiction','non-fiction',20),
(8,NULL,'Children''s','childrens',30),
(3,1,'Crime & Thrillers','crime-thrillers',11),
(4,1,'Science Fiction','science-fiction',12),
(5,2,'History','history',21),
(6,2,'Computing','computing',22),
(7,6,'Databases','databases',23);

INSERT INTO `authors` (`id`, `first_name`, `last_name`, `pen_name`, `birth_year`, `death_year`, `nationality`, `bio`, `photo`, `website`) VALUES
(1,'Marguerite','Okonkwo-Hale',NULL,1961,NULL,'GB','Former harbour pilot; writes coastal mysteries.',NULL,'https://okonkwo-hale.example'),
(2,'Tobias','Lindgren',NULL,1974,NULL,'SE','Engineer turned novelist.',NULL,NULL),
(3,'Priya','Raman',NULL,1985,NULL,'IN','Database consultant; "normalise first, denormalise later".',NULL,NULL),
(4,'Héctor','Villanueva',NULL,1948,2019,'MX','Historian of trade routes.',NULL,NULL),
(5,'Ingrid','Vos',NULL,1990,NULL,'NL',NULL,NULL,NULL),
(6,'Samuel','Achterberg','S. A. Berg',1979,NULL,'ZA','Writes as S. A. Berg; also illustrates.',NULL,NULL),
(7,'Jia','Chen',NULL,1968,NULL,'CN','Translator (Chinese, English) and co-author.',NULL,NULL);

INSERT INTO `books` (`id`, `isbn13`, `title`, `subtitle`, `publisher_id`, `category_id`, `language`, `format`, `tags`, `pages`, `edition`, `published_on`, `price`, `weight_grams`, `is_active`, `description`, `metadata`) VALUES
(1,'9781000000011','The Lighthouse Ledger',NULL,1,3,'en','hardcover','bestseller,signed',384,1,'2022-10-06',18.99,620,1,'A harbour pilot finds a ledger that should not exist.','{"series": "Harbour Mysteries", "volume": 1}'),
(2,'9781000000028','Salt and Circuitry',NULL,2,4,'en','paperback','staff_pick',412,2,'2019-03-14',9.99,340,1,'Desalination robots develop opinions.',NULL),
(3,'9781000000035','Tables Turned','A Practical Guide to Relational Design',5,7,'en','paperback',NULL,560,3,'2021-01-18',44.50,910,1,'Keys, constraints and normal forms; with exercises.','{"level": "intermediate", "exercises": true}'),
(4,'9781000000042','Migrating Without Tears',NULL,5,7,'en','ebook','new,sale',300,1,'2024-11-20',19.00,NULL,1,'Planning and running database migrations; DMS, SCT and friends.','{"drm": false, "file_formats": ["epub", "pdf"]}'),
(5,'9781000000059','The Cartographer''s Daughter',NULL,3,1,'en','hardcover','bestseller',352,1,'2020-05-05',16.99,580,1,'Maps, inheritance and a missing island.',NULL),
(6,'9781000000066','Empires of Grain','Trade, Famine and Power 1500-1900',5,5,'en','hardcover',NULL,688,1,'2016-09-29',30.00,1150,1,NULL,NULL),
(7,'9781000000073','Moss the Brave Hedgehog',NULL,4,8,'en','paperback','staff_pick',32,1,'2023-02-01',6.99,180,1,'Picture book for ages 3-6.','{"age_range": [3, 6]}'),
(8,'9781000000080','Night Trains',NULL,1,3,'en','audiobook',NULL,NULL,1,'2023-09-12',12.49,NULL,1,'Unabridged; 9 h 41 min.','{"narrator": "R. Quaye", "minutes": 581}'),
(9,'9781000000097','Quiet Stars',NULL,NULL,4,'en','ebook',NULL,210,1,'2018-07-07',3.99,NULL,1,'Self-published space opera.',NULL),
(10,'9781000000103','Out of Print Oddities',NULL,4,1,'en','paperback','sale',128,1,'2015-04-30',4.00,150,0,NULL,NULL);

INSERT INTO `book_authors` (`book_id`, `author_id`, `author_order`, `role`) VALUES
(1,1,1,'author'),
(2,2,1,'author'),
(3,3,1,'author'),
(3,7,2,'co-author'),
(4,3,1,'author'),
(4,5,2,'co-author'),
(5,1,1,'author'),
(6,4,1,'author'),
(6,7,2,'translator'),
(7,5,1,'author'),
(7,6,2,'illustrator'),
(8,6,1,'author'),
(9,2,1,'author'),
(10,4,1,'author');

-- stores first with no manager (the manager is a staff row that does not exist yet)
INSERT INTO `stores` (`id`, `name`, `manager_id`, `city`, `opened_on`, `opens_at`, `closes_at`, `floor_area_m2`) VALUES
(1,'Bookstore Leeds',NULL,'Leeds','2008-04-01','09:00:00','17:30:00',220.5),
(2,'Bookstore York',NULL,'York','2013-09-14','09:30:00','18:00:00',140),
(3,'Bookstore Warehouse',NULL,'Wakefield','2019-01-07','07:00:00','19:00:00',1800);

INSERT INTO `staff` (`id`, `store_id`, `first_name`, `last_name`, `email`, `username`, `password_hash`, `hired_on`, `shift_start`, `hourly_rate`, `is_active`) VALUES
(1,1,'Ruth','Abara','ruth.abara@bookstore.example','rabara',UNHEX(SHA2('s1:ruth-pw',256)),'2008-03-17','09:00:00',16.50,1),
(2,1,'Kofi','Mensah','kofi.mensah@bookstore.example','kmensah',NULL,'2021-06-01','12:00:00',12.20,1),
(3,2,'Oliver','Grant','oliver.grant@bookstore.example','ogrant',UNHEX(SHA2('s3:oliver-pw',256)),'2013-08-20','09:30:00',15.80,1),
(4,2,'Mei','Tanaka','mei.tanaka@bookstore.example','mtanaka',NULL,'2022-11-05','10:00:00',11.90,0),
(5,3,'Yusuf','Demir','yusuf.demir@bookstore.example','ydemir',UNHEX(SHA2('s5:yusuf-pw',256)),'2018-12-03','07:00:00',17.10,1),
(6,NULL,'Paula','Ferreira','paula.ferreira@bookstore.example','pferreira',NULL,'2005-01-10',NULL,NULL,1);

-- close the cycle
UPDATE `stores` SET `manager_id` = 1 WHERE `id` = 1;
UPDATE `stores` SET `manager_id` = 3 WHERE `id` = 2;
UPDATE `stores` SET `manager_id` = 5 WHERE `id` = 3;

INSERT INTO `inventory` (`book_id`, `store_id`, `quantity`, `reorder_level`, `shelf`, `last_counted`) VALUES
(1,1,12,5,'A3','2025-03-01'),
(1,2,3,5,'F1','2025-03-01'),
(2,1,8,5,'B2','2025-03-01'),
(2,3,40,10,NULL,'2025-02-28'),
(3,1,2,3,'C7','2025-03-01'),
(3,3,15,5,NULL,'2025-02-28'),
(5,2,7,5,'F4','2025-03-01'),
(6,3,1,2,NULL,'2025-02-28'),
(7,1,20,5,'K1','2025-03-01'),
(7,2,4,5,'K1','2025-03-01'),
(10,3,0,0,NULL,'2024-12-31');

INSERT INTO `customers` (`id`, `email`, `password_hash`, `first_name`, `last_name`, `phone`, `birth_date`, `newsletter`, `contact_flags`, `loyalty_points`, `notes`) VALUES
(1,'amelia.hart@example.com',UNHEX(SHA2('c1:amelia',256)),'Amelia','Hart','+44 7700 900201','1988-02-29',b'1',b'00000101',320,NULL),
(2,'rohan.mehta@example.com',UNHEX(SHA2('c2:rohan',256)),'Rohan','Mehta',NULL,'1975-07-04',b'0',b'00000001',45,'Prefers collection in York'),
(3,'zoe.clarke@example.co.uk',NULL,'Zoë','Clarke','+44 7700 900203',NULL,b'1',b'00001001',0,'Needs large print; call before 6pm'),
(4,'ben.adeyemi@example.com',UNHEX(SHA2('c4:ben',256)),'Ben','Adeyemi','+44 7700 900204','2001-11-30',b'0',b'00000000',12,NULL),
(5,'lucia.romano@example.it',UNHEX(SHA2('c5:lucia',256)),'Lucia','Romano',NULL,'1993-05-17',b'1',b'00000011',150,NULL),
(6,'guest-0006@example.com',NULL,'Guest','Buyer',NULL,NULL,b'0',b'00000000',0,'Checkout without account');

INSERT INTO `addresses` (`id`, `customer_id`, `label`, `line1`, `line2`, `city`, `postcode`, `country`, `location`, `is_default`) VALUES
(1,1,'home','14 Clarendon Road',NULL,'Leeds','LS2 9NN','GB',ST_GeomFromText('POINT(53.8042 -1.5631)',4326),1),
(2,1,'work','1 Park Row','Floor 4','Leeds','LS1 5AB','GB',ST_GeomFromText('POINT(53.7988 -1.5465)',4326),0),
(3,2,'home','8 Bootham',NULL,'York','YO30 7BL','GB',ST_GeomFromText('POINT(53.9644 -1.0879)',4326),1),
(4,3,'home','27 Jesmond Road',NULL,'Newcastle upon Tyne','NE2 1LA','GB',ST_GeomFromText('POINT(54.9822 -1.5988)',4326),1),
(5,4,'home','3 Canal Wharf',NULL,'Manchester','M1 3HE','GB',ST_GeomFromText('POINT(53.4762 -2.2367)',4326),1),
(6,5,'home','Via Roma 12',NULL,'Torino','10123','IT',ST_GeomFromText('POINT(45.0677 7.6824)',4326),1),
(7,6,'delivery','Unit 5, Trade Park',NULL,'Wakefield','WF2 0XQ','GB',ST_GeomFromText('POINT(53.6833 -1.4977)',4326),1);

INSERT INTO `coupons` (`code`, `description`, `discount_pct`, `valid_from`, `valid_to`, `max_uses`, `times_used`) VALUES
('SPRING10','Spring sale; 10% off everything',10,'2025-03-01','2025-05-31',500,2),
('WELCOME5','First order discount',5,'2020-01-01',NULL,NULL,41),
('STAFF25','Staff discount',25,'2015-01-01',NULL,NULL,0);

INSERT INTO `orders` (`id`, `customer_id`, `store_id`, `shipping_address_id`, `coupon_code`, `status`, `ordered_at`, `total`, `currency`, `gift_message`, `client_ip`) VALUES
(1,1,NULL,1,NULL,'delivered','2025-01-12 19:04:11.250',0,'GBP',NULL,INET6_ATON('203.0.113.7')),
(2,2,2,NULL,'WELCOME5','paid','2025-02-03 11:30:00.000',0,'GBP',NULL,NULL),
(3,3,NULL,4,'SPRING10','shipped','2025-03-02 08:15:42.913',0,'GBP','Happy birthday, Gran!',INET6_ATON('2001:db8::5:1')),
(4,1,NULL,2,'SPRING10','paid','2025-03-05 12:45:00.000',0,'GBP',NULL,INET6_ATON('203.0.113.7')),
(5,5,NULL,6,NULL,'cancelled','2025-03-06 21:10:05.001',0,'EUR',NULL,INET6_ATON('198.51.100.23')),
(6,6,3,7,NULL,'delivered','2025-02-20 09:00:00.000',0,'GBP',NULL,NULL);

INSERT INTO `order_items` (`order_id`, `line_no`, `book_id`, `quantity`, `unit_price`, `discount`) VALUES
(1,1,1,1,18.99,0.00),
(1,2,7,2,6.99,0.00),
(2,1,5,1,16.99,0.85),
(3,1,6,1,30.00,3.00),
(3,2,2,1,9.99,1.00),
(4,1,3,1,44.50,4.45),
(4,2,4,1,19.00,1.90),
(5,1,9,1,3.99,0.00),
(6,1,2,10,9.99,0.00),
(6,2,3,2,44.50,0.00);

INSERT INTO `shipments` (`id`, `order_id`, `carrier`, `tracking_no`, `shipped_on`, `dispatch_time`, `delivered_at`, `weight_kg`, `label_pdf`) VALUES
(1,1,'royal_mail','RM123456785GB','2025-01-13','07:45:00','2025-01-15 10:20:00',0.980,NULL),
(2,3,'dpd','15501234567890','2025-03-03','16:30:00',NULL,1.600,NULL),
(3,6,'collect',NULL,'2025-02-20','09:05:00','2025-02-20 09:05:00',5.220,NULL),
(4,3,'dpd','15501234567891','2025-03-04','16:30:00',NULL,0.340,NULL);

INSERT INTO `returns` (`id`, `order_id`, `line_no`, `quantity`, `reason`, `comment`, `refund_amount`, `requested_at`, `processed_at`) VALUES
(1,1,2,1,'damaged','Cover torn on arrival; the other copy was fine.',6.99,'2025-01-16 09:12:00','2025-01-20 14:00:00'),
(2,6,1,2,'changed_mind',NULL,NULL,'2025-03-01 10:00:00',NULL),
(3,3,1,1,'damaged','Spine cracked in transit.',27.00,'2025-03-06 16:20:00','2025-03-07 09:00:00');

INSERT INTO `reviews` (`id`, `book_id`, `customer_id`, `rating`, `title`, `body`, `helpful_votes`, `is_verified_purchase`, `created_at`) VALUES
(1,1,1,5,'Could not put it down','Twists right to the last page; no spoilers here.',12,1,'2025-01-20 20:00:00'),
(2,7,1,4,'Lovely pictures',NULL,3,1,'2025-01-21 08:30:00'),
(3,5,2,3,'Good but slow',NULL,0,1,'2025-02-10 18:45:00'),
(4,1,4,4,NULL,'Great atmosphere.',1,0,'2025-02-14 12:00:00'),
(5,3,6,5,'The reference I wanted','Chapter 7 on keys is worth the price alone.',7,1,'2025-02-25 07:15:00'),
(6,2,NULL,2,'Not for me','Review kept after the account was deleted.',0,0,'2024-12-01 16:00:00');

INSERT INTO `sessions` (`id`, `customer_id`, `ip_address`, `user_agent`, `payload`, `last_activity`) VALUES
(UNHEX('6CCD780C2D9C4B9E9A3C1A2B3C4D5E6F'),1,INET6_ATON('203.0.113.7'),'Mozilla/5.0 (X11; Linux x86_64)','{"cart": [4], "currency": "GBP"}',1741171500),
(UNHEX('0F1E2D3C4B5A69788796A5B4C3D2E1F0'),NULL,INET6_ATON('2001:db8::42'),'curl/8.5.0','{}',1741300000),
(UNHEX('A1B2C3D4E5F60718293A4B5C6D7E8F90'),5,INET6_ATON('198.51.100.23'),'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X)','{"cart": [], "lang": "it"}',1741295405);

INSERT INTO `price_history` (`book_id`, `changed_at`, `old_price`, `new_price`, `changed_by`) VALUES
(1,'2024-11-01 09:00:00.000',21.99,18.99,'root@localhost'),
(4,'2025-02-01 00:00:00.000',24.00,19.00,'root@localhost'),
(9,'2023-01-01 00:00:00.000',4.99,3.99,'root@localhost');

INSERT INTO `audit_log` (`logged_at`, `table_name`, `action`, `row_pk`, `changed_by`, `old_row`, `new_row`) VALUES
('2024-11-01 09:00:00.000','books','UPDATE',1,'root@localhost','{"price": 21.99, "is_active": 1}','{"price": 18.99, "is_active": 1}'),
('2025-02-01 00:00:00.000','books','UPDATE',4,'root@localhost','{"price": 24.00, "is_active": 1}','{"price": 19.00, "is_active": 1}'),
('2025-03-08 10:00:00.000','customers','DELETE',7,'root@localhost','{"email": "deleted@example.com"}',NULL);

COMMIT;
