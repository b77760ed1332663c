-- Contained database users: Azure SQL Database authenticates them itself (no server login).
CREATE USER [app_ticketing] WITH PASSWORD = '<strong password here>', DEFAULT_SCHEMA = [sales]
GO
CREATE USER [ops@contoso.com] FROM EXTERNAL PROVIDER
GO
CREATE ROLE [ticket_readers]
GO
ALTER ROLE [ticket_readers] ADD MEMBER [ops@contoso.com]
GO
GRANT SELECT ON SCHEMA::[sales] TO [ticket_readers]
GO
