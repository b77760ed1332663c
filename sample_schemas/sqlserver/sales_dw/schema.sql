CREATE SCHEMA dw;
GO

CREATE TABLE dw.DimDate (
    DateKey int NOT NULL,
    FullDate date NOT NULL,
    CalendarYear smallint NOT NULL,
    MonthName nvarchar(10) NOT NULL,
    CONSTRAINT PK_DimDate PRIMARY KEY NONCLUSTERED (DateKey) NOT ENFORCED
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED INDEX (DateKey));
GO

CREATE TABLE dw.DimProduct (
    ProductKey int IDENTITY(1,1) NOT NULL,
    ProductCode nvarchar(25) NOT NULL,
    ProductName nvarchar(100) NOT NULL,
    ListPrice money NULL,
    IsDiscontinued bit NOT NULL DEFAULT 0,
    RowGuid uniqueidentifier NOT NULL DEFAULT NEWID()
)
WITH (DISTRIBUTION = REPLICATE, CLUSTERED COLUMNSTORE INDEX);
GO

CREATE TABLE dw.DimCustomer (
    CustomerKey int NOT NULL,
    CustomerName nvarchar(150) NOT NULL,
    Email varchar(254) NULL,
    BirthDate date NULL,
    Notes nvarchar(max) NULL,
    CONSTRAINT PK_DimCustomer PRIMARY KEY NONCLUSTERED (CustomerKey) NOT ENFORCED
)
WITH (DISTRIBUTION = HASH(CustomerKey), HEAP);
GO

CREATE TABLE dw.FactSales (
    SalesKey bigint NOT NULL,
    OrderDateKey int NOT NULL,
    CustomerKey int NOT NULL,
    ProductKey int NOT NULL,
    Quantity smallint NOT NULL,
    SalesAmount decimal(19,4) NOT NULL,
    LoadedAt datetime2(3) NOT NULL
)
WITH (
    DISTRIBUTION = HASH(CustomerKey),
    CLUSTERED COLUMNSTORE INDEX,
    PARTITION (OrderDateKey RANGE RIGHT FOR VALUES (20240101, 20250101, 20260101))
);
GO

CREATE TABLE dw.StageSales (
    OrderDateKey int NULL,
    CustomerKey int NULL,
    SalesAmount decimal(19,4) NULL,
    SourceFile varchar(260) NULL
)
WITH (DISTRIBUTION = ROUND_ROBIN, HEAP);
GO

CREATE TABLE dw.FactReturns (
    ReturnKey bigint NOT NULL PRIMARY KEY,
    SalesKey bigint NOT NULL,
    CustomerKey int NOT NULL,
    ReturnDate date NOT NULL,
    RefundAmount decimal(19,4) NULL,
    CONSTRAINT FK_Returns_Customer FOREIGN KEY (CustomerKey) REFERENCES dw.DimCustomer (CustomerKey)
);
GO

CREATE NONCLUSTERED COLUMNSTORE INDEX NCCI_FactReturns ON dw.FactReturns (CustomerKey, ReturnDate, RefundAmount);
GO

CREATE VIEW dw.vSalesByYear AS
SELECT d.CalendarYear, SUM(f.SalesAmount) AS SalesAmount, COUNT_BIG(*) AS Lines
FROM dw.FactSales f JOIN dw.DimDate d ON d.DateKey = f.OrderDateKey
GROUP BY d.CalendarYear;
GO
