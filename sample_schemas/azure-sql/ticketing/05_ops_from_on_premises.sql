-- Kept from the on-premises SQL Server this database came from: nightly clean-up job.
-- (Azure SQL Database has no SQL Server Agent: this script fails there.)
USE [ticketing]
GO
CREATE LOGIN [report_login] WITH PASSWORD = '<strong password here>'
GO
EXEC msdb.dbo.sp_add_job @job_name = N'ticketing nightly cleanup'
GO
EXEC msdb.dbo.sp_add_jobstep @job_name = N'ticketing nightly cleanup', @step_name = N'purge',
    @subsystem = N'TSQL', @command = N'DELETE FROM sales.tickets WHERE scanned_at < DATEADD(year, -2, SYSUTCDATETIME());',
    @database_name = N'ticketing'
GO
EXEC msdb.dbo.sp_add_schedule @schedule_name = N'nightly', @freq_type = 4, @freq_interval = 1, @active_start_time = 020000
GO
