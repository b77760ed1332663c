"""Azure SQL Database rules: what differs from SQL Server on the source side (Rule.engines = azure-sql)."""
