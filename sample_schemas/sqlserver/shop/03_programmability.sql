USE [Shop]
GO
/****** Object:  UserDefinedFunction [sales].[fn_CustomerTier]    Script Date: 3/8/2025 10:15:02 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
-- =============================================
-- Scalar function: loyalty tier from the last two years of orders
-- =============================================
CREATE FUNCTION [sales].[fn_CustomerTier]
(
    @CustomerID int
)
RETURNS varchar(10)
AS
BEGIN
    DECLARE @Spent money;

    SELECT @Spent = SUM(o.SubTotal)
    FROM sales.Orders AS o
    WHERE o.CustomerID = @CustomerID
      AND o.Status <> 5
      AND o.OrderDate >= DATEADD(YEAR, -2, SYSDATETIME());

    RETURN CASE
               WHEN @Spent >= 1000 THEN 'GOLD'
               WHEN @Spent >= 250 THEN 'SILVER'
               ELSE 'BRONZE'
           END;
END
GO
/****** Object:  UserDefinedFunction [sales].[fn_OrdersByCustomer]    Script Date: 3/8/2025 10:15:02 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
-- Inline table-valued function
CREATE FUNCTION [sales].[fn_OrdersByCustomer]
(
    @CustomerID int,
    @Since date = NULL
)
RETURNS TABLE
AS
RETURN
(
    SELECT o.OrderID,
           o.OrderNumber,
           o.OrderDate,
           o.Status,
           o.TotalDue,
           COUNT(ol.LineNumber) AS LineCount
    FROM sales.Orders AS o
    LEFT JOIN sales.OrderLines AS ol ON ol.OrderID = o.OrderID
    WHERE o.CustomerID = @CustomerID
      AND (@Since IS NULL OR o.OrderDate >= @Since)
    GROUP BY o.OrderID, o.OrderNumber, o.OrderDate, o.Status, o.TotalDue
)
GO
/****** Object:  View [sales].[v_ProductCatalog]    Script Date: 3/8/2025 10:15:02 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE VIEW [sales].[v_ProductCatalog]
WITH SCHEMABINDING
AS
SELECT p.ProductID,
       p.SKU,
       p.Name,
       c.Name AS CategoryName,
       p.ListPrice,
       p.Discontinued
FROM sales.Products AS p
INNER JOIN sales.Categories AS c ON c.CategoryID = p.CategoryID
GO
/****** Object:  Index [IX_v_ProductCatalog_ProductID]    Script Date: 3/8/2025 10:15:02 AM ******/
CREATE UNIQUE CLUSTERED INDEX [IX_v_ProductCatalog_ProductID] ON [sales].[v_ProductCatalog]
(
	[ProductID] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, SORT_IN_TEMPDB = OFF, IGNORE_DUP_KEY = OFF, DROP_EXISTING = OFF, ONLINE = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]
GO
/****** Object:  View [sales].[v_ActiveProducts]    Script Date: 3/8/2025 10:15:02 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
-- View on a view; updatable through the INSTEAD OF trigger tr_v_ActiveProducts_Update
CREATE VIEW [sales].[v_ActiveProducts]
AS
SELECT pc.ProductID,
       pc.SKU,
       pc.Name,
       pc.CategoryName,
       pc.ListPrice
FROM sales.v_ProductCatalog AS pc
WHERE pc.Discontinued = 0
GO
/****** Object:  View [sales].[v_RecentOrders]    Script Date: 3/8/2025 10:15:02 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE VIEW [sales].[v_RecentOrders]
AS
SELECT TOP (50)
       o.OrderID,
       o.OrderNumber,
       c.FirstName + N' ' + c.LastName AS CustomerName,
       ISNULL(c.Email, N'(no e-mail)') AS Email,
       CONVERT(varchar(10), o.OrderDate, 120) AS OrderDay,
       DATEDIFF(DAY, o.OrderDate, GETDATE()) AS AgeDays,
       CASE o.Status
           WHEN 1 THEN 'New'
           WHEN 2 THEN 'Paid'
           WHEN 3 THEN 'Shipped'
           WHEN 4 THEN 'Delivered'
           ELSE 'Cancelled'
       END AS StatusText,
       ISNULL(s.Name, N'Web shop') AS Channel,
       o.TotalDue
FROM sales.Orders AS o
INNER JOIN sales.Customers AS c ON c.CustomerID = o.CustomerID
LEFT OUTER JOIN sales.Stores AS s ON s.StoreID = o.StoreID
ORDER BY o.OrderDate DESC
GO
/****** Object:  View [hr].[v_EmployeeDirectory]    Script Date: 3/8/2025 10:15:02 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE VIEW [hr].[v_EmployeeDirectory]
AS
SELECT e.EmployeeID,
       e.FirstName + N' ' + e.LastName AS FullName,
       e.JobTitle,
       d.Name AS Department,
       m.FirstName + N' ' + m.LastName AS ManagerName,
       e.OrgNode.ToString() AS OrgPath,
       e.OrgNode.GetLevel() AS OrgLevel,
       s.Name AS StoreName,
       CONVERT(char(5), e.ShiftStart, 108) AS ShiftStarts
FROM hr.Employees AS e
LEFT JOIN hr.Departments AS d ON d.DepartmentID = e.DepartmentID
LEFT JOIN hr.Employees AS m ON m.EmployeeID = e.ManagerID
LEFT JOIN sales.Stores AS s ON s.StoreID = e.StoreID
WHERE e.IsCurrent = 1
GO
/****** Object:  StoredProcedure [dbo].[usp_LogError]    Script Date: 3/8/2025 10:15:02 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
-- Writes the error currently being handled to dbo.ErrorLog. Call from a CATCH block.
CREATE PROCEDURE [dbo].[usp_LogError]
    @Context nvarchar(128) = NULL,
    @ErrorLogID int = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;

    IF ERROR_NUMBER() IS NULL
        RETURN 0;

    IF XACT_STATE() = -1
    BEGIN
        RAISERROR(N'usp_LogError: the transaction is doomed; roll it back before logging.', 10, 1) WITH NOWAIT;
        RETURN 1;
    END

    INSERT INTO [dbo].[ErrorLog]
        ([UserName], [ErrorNumber], [ErrorSeverity], [ErrorState], [ErrorProcedure], [ErrorLine], [ErrorMessage], [Context])
    VALUES
        (CONVERT(sysname, SUSER_SNAME()), ERROR_NUMBER(), ERROR_SEVERITY(), ERROR_STATE(),
         ERROR_PROCEDURE(), ERROR_LINE(), ERROR_MESSAGE(), @Context);

    SET @ErrorLogID = SCOPE_IDENTITY();
    RETURN 0;
END
GO
/****** Object:  StoredProcedure [hr].[usp_ApplyAnnualRaise]    Script Date: 3/8/2025 10:15:02 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE PROCEDURE [hr].[usp_ApplyAnnualRaise]
    @DepartmentID smallint,
    @RaisePct decimal(5,2) = 3.00
AS
BEGIN
    SET NOCOUNT ON

    DECLARE @EmployeeID int, @OldRate money, @NewRate money
    DECLARE @Count int = 0
    DECLARE @PctText nvarchar(10) = CONVERT(nvarchar(10), @RaisePct)

    IF NOT EXISTS (SELECT 1 FROM hr.Departments WHERE DepartmentID = @DepartmentID)
    BEGIN
        RAISERROR(N'Department %d does not exist.', 16, 1, @DepartmentID)
        RETURN 1
    END

    DECLARE raise_cursor CURSOR LOCAL FAST_FORWARD FOR
        SELECT e.EmployeeID, e.PayRate
        FROM hr.Employees AS e
        WHERE e.DepartmentID = @DepartmentID
          AND e.IsCurrent = 1
          AND e.PayRate IS NOT NULL
        ORDER BY e.EmployeeID

    OPEN raise_cursor
    FETCH NEXT FROM raise_cursor INTO @EmployeeID, @OldRate

    WHILE @@FETCH_STATUS = 0
    BEGIN
        SET @NewRate = ROUND(@OldRate * (1 + @RaisePct / 100), 2)

        UPDATE hr.Employees
           SET PayRate = @NewRate,
               ModifiedDate = GETDATE()
         WHERE EmployeeID = @EmployeeID

        INSERT INTO dbo.AuditLog (SchemaName, TableName, Action, KeyValue, Details)
        VALUES (N'hr', N'Employees', 'UPDATE', CONVERT(nvarchar(50), @EmployeeID),
                'PayRate ' + CONVERT(varchar(30), @OldRate) + ' -> ' + CONVERT(varchar(30), @NewRate))

        SET @Count += 1
        FETCH NEXT FROM raise_cursor INTO @EmployeeID, @OldRate
    END

    CLOSE raise_cursor
    DEALLOCATE raise_cursor

    RAISERROR(N'%d employee(s) in department %d received a %s%% raise.', 0, 1, @Count, @DepartmentID, @PctText) WITH NOWAIT
    RETURN 0
END
GO
/****** Object:  StoredProcedure [sales].[usp_PlaceOrder]    Script Date: 3/8/2025 10:15:02 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE PROCEDURE [sales].[usp_PlaceOrder]
    @CustomerID     int,
    @Lines          [sales].[OrderLineList] READONLY,
    @ShipAddressID  int = NULL,
    @StoreID        int = NULL,
    @PromotionCode  varchar(20) = NULL,
    @OrderID        int OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @Discount decimal(5,4) = 0;
    DECLARE @PromotionID int = NULL;
    DECLARE @PricedCount int;
    DECLARE @Priced TABLE (
        LineNumber  smallint IDENTITY(1,1) PRIMARY KEY,
        ProductID   int NOT NULL,
        Quantity    smallint NOT NULL,
        UnitPrice   money NOT NULL
    );

    IF NOT EXISTS (SELECT 1 FROM @Lines)
        THROW 50001, N'An order needs at least one line.', 1;

    IF @PromotionCode IS NOT NULL
    BEGIN
        SELECT @PromotionID = p.PromotionID,
               @Discount = p.DiscountPct / 100.0
        FROM sales.Promotions AS p
        WHERE p.Code = @PromotionCode
          AND CAST(GETDATE() AS date) BETWEEN p.StartsOn AND ISNULL(p.EndsOn, '9999-12-31');

        IF @PromotionID IS NULL
        BEGIN
            RAISERROR(N'Promotion code %s is unknown or has expired.', 16, 1, @PromotionCode);
            RETURN 1;
        END
    END

    BEGIN TRY
        BEGIN TRANSACTION;

        INSERT INTO @Priced (ProductID, Quantity, UnitPrice)
        SELECT l.ProductID, l.Quantity, p.ListPrice
        FROM @Lines AS l
        INNER JOIN sales.Products AS p ON p.ProductID = l.ProductID
        WHERE p.Discontinued = 0
        ORDER BY l.ProductID;

        SET @PricedCount = @@ROWCOUNT;

        IF @PricedCount <> (SELECT COUNT(*) FROM @Lines)
            THROW 50002, N'One or more products are unknown or discontinued.', 1;

        INSERT INTO sales.Orders (CustomerID, StoreID, ShipAddressID, PromotionID, Status, DueDate, OnlineOrderFlag)
        VALUES (@CustomerID, @StoreID, @ShipAddressID, @PromotionID, 1,
                DATEADD(DAY, 5, CAST(GETDATE() AS date)),
                CASE WHEN @StoreID IS NULL THEN 1 ELSE 0 END);

        SET @OrderID = SCOPE_IDENTITY();

        INSERT INTO sales.OrderLines (OrderID, LineNumber, ProductID, Quantity, UnitPrice, UnitPriceDiscount)
        SELECT @OrderID, pr.LineNumber, pr.ProductID, pr.Quantity, pr.UnitPrice, @Discount
        FROM @Priced AS pr;

        UPDATE o
           SET o.SubTotal = x.SubTotal,
               o.TaxAmt   = ROUND(x.SubTotal * 0.20, 2),
               o.Freight  = CASE WHEN x.SubTotal >= 50 THEN 0 ELSE 4.99 END
          FROM sales.Orders AS o
          CROSS APPLY (SELECT SUM(ol.LineTotal) AS SubTotal
                       FROM sales.OrderLines AS ol
                       WHERE ol.OrderID = o.OrderID) AS x
         WHERE o.OrderID = @OrderID;

        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;

        EXECUTE dbo.usp_LogError @Context = N'sales.usp_PlaceOrder';
        THROW;
    END CATCH

    RETURN 0;
END
GO
/****** Object:  StoredProcedure [sales].[usp_RepriceCategory]    Script Date: 3/8/2025 10:15:02 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE PROCEDURE [sales].[usp_RepriceCategory]
    @CategoryID int,
    @PercentChange decimal(5,2)
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @Now datetime2(0) = SYSDATETIME();
    DECLARE @Message nvarchar(200);
    DECLARE @Actions TABLE (MergeAction nvarchar(10) NOT NULL, ProductID int NOT NULL);

    IF @PercentChange NOT BETWEEN -50 AND 50
    BEGIN
        SET @Message = CONCAT(N'Price change of ', @PercentChange, N'% is out of range.');
        THROW 50010, @Message, 1;
    END

    CREATE TABLE #Changes (
        ProductID int NOT NULL PRIMARY KEY,
        OldPrice money NOT NULL,
        NewPrice money NOT NULL
    );

    -- the category and all of its sub-categories
    WITH CategoryTree AS (
        SELECT c.CategoryID
        FROM sales.Categories AS c
        WHERE c.CategoryID = @CategoryID
        UNION ALL
        SELECT c.CategoryID
        FROM sales.Categories AS c
        INNER JOIN CategoryTree AS t ON c.ParentCategoryID = t.CategoryID
    )
    INSERT INTO #Changes (ProductID, OldPrice, NewPrice)
    SELECT p.ProductID, p.ListPrice, ROUND(p.ListPrice * (1 + @PercentChange / 100), 2)
    FROM sales.Products AS p
    WHERE p.CategoryID IN (SELECT CategoryID FROM CategoryTree)
      AND p.Discontinued = 0;

    BEGIN TRY
        BEGIN TRANSACTION;

        UPDATE p
           SET p.ListPrice = ch.NewPrice,
               p.ModifiedDate = GETDATE()
          FROM sales.Products AS p
          INNER JOIN #Changes AS ch ON ch.ProductID = p.ProductID;

        -- close the open price period of each product, or start its history
        MERGE sales.PriceHistory AS tgt
        USING (SELECT ProductID, NewPrice FROM #Changes) AS src
           ON tgt.ProductID = src.ProductID
          AND tgt.ValidTo IS NULL
        WHEN MATCHED THEN
            UPDATE SET tgt.ValidTo = @Now
        WHEN NOT MATCHED BY TARGET THEN
            INSERT (ProductID, ValidFrom, ValidTo, ListPrice)
            VALUES (src.ProductID, @Now, NULL, src.NewPrice)
        OUTPUT $action, COALESCE(inserted.ProductID, deleted.ProductID)
            INTO @Actions (MergeAction, ProductID);

        -- products whose old period was closed get a new open one
        INSERT INTO sales.PriceHistory (ProductID, ValidFrom, ValidTo, ListPrice)
        SELECT a.ProductID, @Now, NULL, ch.NewPrice
        FROM @Actions AS a
        INNER JOIN #Changes AS ch ON ch.ProductID = a.ProductID
        WHERE a.MergeAction = N'UPDATE';

        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        EXEC dbo.usp_LogError @Context = N'sales.usp_RepriceCategory';
        THROW;
    END CATCH

    SELECT ProductID, OldPrice, NewPrice
    FROM #Changes
    ORDER BY ProductID;

    DROP TABLE #Changes;
END
GO
/****** Object:  StoredProcedure [sales].[usp_SearchProducts]    Script Date: 3/8/2025 10:15:02 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE PROCEDURE [sales].[usp_SearchProducts]
    @NameLike    nvarchar(100) = NULL,
    @MinPrice    money = NULL,
    @MaxPrice    money = NULL,
    @CategoryID  int = NULL,
    @SortColumn  sysname = N'Name',
    @Debug       bit = 0
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @sql nvarchar(max) = N'SELECT p.ProductID, p.SKU, p.Name, p.ListPrice, c.Name AS CategoryName
FROM sales.Products AS p
INNER JOIN sales.Categories AS c ON c.CategoryID = p.CategoryID
WHERE p.Discontinued = 0';
    DECLARE @pattern nvarchar(102) = N'%' + @NameLike + N'%';

    IF @NameLike IS NOT NULL   SET @sql += N' AND p.Name LIKE @pName';
    IF @MinPrice IS NOT NULL   SET @sql += N' AND p.ListPrice >= @pMin';
    IF @MaxPrice IS NOT NULL   SET @sql += N' AND p.ListPrice <= @pMax';
    IF @CategoryID IS NOT NULL SET @sql += N' AND p.CategoryID = @pCat';

    IF @SortColumn NOT IN (N'Name', N'ListPrice', N'SKU')
        SET @SortColumn = N'Name';

    SET @sql += N' ORDER BY p.' + QUOTENAME(@SortColumn) + N';';

    IF @Debug = 1
        PRINT @sql;

    EXEC sys.sp_executesql
        @sql,
        N'@pName nvarchar(102), @pMin money, @pMax money, @pCat int',
        @pName = @pattern,
        @pMin = @MinPrice,
        @pMax = @MaxPrice,
        @pCat = @CategoryID;
END
GO
/****** Object:  Trigger [sales].[tr_Orders_Audit]    Script Date: 3/8/2025 10:15:02 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TRIGGER [sales].[tr_Orders_Audit]
ON [sales].[Orders]
AFTER INSERT, UPDATE
AS
BEGIN
    SET NOCOUNT ON;

    IF NOT EXISTS (SELECT 1 FROM inserted)
        RETURN;

    INSERT INTO dbo.AuditLog (LoggedAt, SchemaName, TableName, Action, KeyValue, Details, LoggedBy)
    SELECT SYSDATETIME(),
           N'sales',
           N'Orders',
           CASE WHEN d.OrderID IS NULL THEN 'INSERT' ELSE 'UPDATE' END,
           CONVERT(nvarchar(50), i.OrderID),
           CASE
               WHEN d.OrderID IS NULL THEN 'status=' + CONVERT(varchar(3), i.Status)
               ELSE 'status ' + CONVERT(varchar(3), d.Status) + ' -> ' + CONVERT(varchar(3), i.Status)
                    + '; subtotal ' + CONVERT(varchar(30), d.SubTotal) + ' -> ' + CONVERT(varchar(30), i.SubTotal)
           END,
           SUSER_SNAME()
    FROM inserted AS i
    LEFT JOIN deleted AS d ON d.OrderID = i.OrderID
    WHERE d.OrderID IS NULL
       OR d.Status <> i.Status
       OR d.SubTotal <> i.SubTotal;

    IF UPDATE(Status)
    BEGIN
        UPDATE o
           SET o.ModifiedDate = GETDATE()
          FROM sales.Orders AS o
          INNER JOIN inserted AS i ON i.OrderID = o.OrderID;
    END
END
GO
ALTER TABLE [sales].[Orders] ENABLE TRIGGER [tr_Orders_Audit]
GO
/****** Object:  Trigger [sales].[tr_v_ActiveProducts_Update]    Script Date: 3/8/2025 10:15:02 AM ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE TRIGGER [sales].[tr_v_ActiveProducts_Update]
ON [sales].[v_ActiveProducts]
INSTEAD OF UPDATE
AS
BEGIN
    SET NOCOUNT ON;

    IF UPDATE(ProductID) OR UPDATE(SKU) OR UPDATE(CategoryName)
    BEGIN
        RAISERROR(N'Only Name and ListPrice can be changed through v_ActiveProducts.', 16, 1);
        ROLLBACK TRANSACTION;
        RETURN;
    END

    UPDATE p
       SET p.Name = i.Name,
           p.ListPrice = i.ListPrice,
           p.ModifiedDate = GETDATE()
      FROM sales.Products AS p
      INNER JOIN inserted AS i ON i.ProductID = p.ProductID;
END
GO
/****** Object:  Synonym [dbo].[Customers]    Script Date: 3/8/2025 10:15:02 AM ******/
CREATE SYNONYM [dbo].[Customers] FOR [Shop].[sales].[Customers]
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'Last 50 orders with customer name; channel is the store name or ''Web shop''' , @level0type=N'SCHEMA',@level0name=N'sales', @level1type=N'VIEW',@level1name=N'v_RecentOrders'
GO
