CREATE VIEW [sales].[v_event_sales] AS
SELECT e.[event_id], e.[title], COUNT(t.[ticket_id]) AS [sold], SUM(t.[price]) AS [revenue]
FROM [sales].[events] e
LEFT JOIN [sales].[tickets] t ON t.[event_id] = e.[event_id]
GROUP BY e.[event_id], e.[title]
GO
CREATE VIEW [sales].[v_customer_points] AS
SELECT c.[customer_id], c.[email], p.[balance]
FROM [sales].[customers] c
JOIN [ext].[points] p ON p.[customer_id] = c.[customer_id]
GO
CREATE PROCEDURE [sales].[refund_order] @order_id BIGINT
AS
BEGIN
    SET NOCOUNT ON;
    BEGIN TRY
        BEGIN TRANSACTION;
        UPDATE [sales].[orders] SET [status] = 'refunded' WHERE [order_id] = @order_id;
        DELETE FROM [sales].[tickets] WHERE [order_id] = @order_id;
        INSERT INTO [ticketing_archive].[sales].[refunds] ([order_id], [refunded_at])
        VALUES (@order_id, SYSUTCDATETIME());
        COMMIT;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK;
        THROW;
    END CATCH
END
GO
CREATE PROCEDURE [sales].[points_report]
AS
BEGIN
    EXEC sp_execute_remote N'loyalty_db', N'SELECT customer_id, balance FROM dbo.points WHERE balance > 1000';
END
GO
