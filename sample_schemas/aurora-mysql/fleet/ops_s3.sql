-- Nightly exchange with the data lake (the cluster has an IAM role for S3).
LOAD DATA FROM S3 PREFIX 's3://fleet-lake-eu/depots/' REPLACE INTO TABLE `fleet`.`depots`
  FIELDS TERMINATED BY ',' LINES TERMINATED BY '\n' (`depot_id`, `name`, `region`);
SELECT `booking_id`, `vehicle_id`, `starts_at`, `price` FROM `fleet`.`bookings`
  INTO OUTFILE S3 's3://fleet-lake-eu/exports/bookings' FORMAT CSV HEADER OVERWRITE ON;
