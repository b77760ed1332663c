-- Elastic query: the loyalty points live in another Azure SQL database of the same logical server.
CREATE MASTER KEY ENCRYPTION BY PASSWORD = '<strong password here>'
GO
CREATE DATABASE SCOPED CREDENTIAL [loyalty_reader] WITH IDENTITY = 'loyalty_reader', SECRET = '<password>'
GO
CREATE EXTERNAL DATA SOURCE [loyalty_db] WITH (
    TYPE = RDBMS,
    LOCATION = 'ticketing-srv.database.windows.net',
    DATABASE_NAME = 'loyalty',
    CREDENTIAL = [loyalty_reader]
)
GO
CREATE EXTERNAL TABLE [ext].[points] (
    [customer_id] UNIQUEIDENTIFIER NOT NULL,
    [balance]     INT NOT NULL
) WITH (DATA_SOURCE = [loyalty_db], SCHEMA_NAME = 'dbo', OBJECT_NAME = 'points')
GO
