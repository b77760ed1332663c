-- Ticketing: an Azure SQL Database (single database) for an events company.
-- Scripted with SSMS "Generate Scripts" against the Azure SQL logical server.
CREATE SCHEMA [sales]
GO
CREATE SCHEMA [ext]
GO
CREATE TABLE [sales].[venues] (
    [venue_id]    INT IDENTITY(1,1) NOT NULL,
    [name]        NVARCHAR(200) NOT NULL,
    [city]        NVARCHAR(100) NOT NULL,
    [capacity]    INT NOT NULL CONSTRAINT [ck_venues_capacity] CHECK ([capacity] > 0),
    [location]    GEOGRAPHY NULL,
    CONSTRAINT [pk_venues] PRIMARY KEY CLUSTERED ([venue_id])
)
GO
CREATE TABLE [sales].[events] (
    [event_id]    INT IDENTITY(1,1) NOT NULL,
    [venue_id]    INT NOT NULL,
    [title]       NVARCHAR(300) NOT NULL,
    [starts_at]   DATETIMEOFFSET(0) NOT NULL,
    [ends_at]     DATETIMEOFFSET(0) NULL,
    [is_public]   BIT NOT NULL CONSTRAINT [df_events_public] DEFAULT (1),
    [details]     NVARCHAR(MAX) NULL CONSTRAINT [ck_events_details_json] CHECK (ISJSON([details]) = 1),
    [row_ver]     ROWVERSION NOT NULL,
    CONSTRAINT [pk_events] PRIMARY KEY CLUSTERED ([event_id]),
    CONSTRAINT [fk_events_venue] FOREIGN KEY ([venue_id]) REFERENCES [sales].[venues] ([venue_id])
)
GO
CREATE TABLE [sales].[customers] (
    [customer_id] UNIQUEIDENTIFIER NOT NULL CONSTRAINT [df_customers_id] DEFAULT (NEWSEQUENTIALID()),
    [email]       NVARCHAR(320) NOT NULL,
    [full_name]   NVARCHAR(200) NOT NULL,
    [created_at]  DATETIME2(3) NOT NULL CONSTRAINT [df_customers_created] DEFAULT (SYSUTCDATETIME()),
    CONSTRAINT [pk_customers] PRIMARY KEY NONCLUSTERED ([customer_id]),
    CONSTRAINT [uq_customers_email] UNIQUE ([email])
)
GO
CREATE TABLE [sales].[orders] (
    [order_id]    BIGINT IDENTITY(1,1) NOT NULL,
    [customer_id] UNIQUEIDENTIFIER NOT NULL,
    [ordered_at]  DATETIME2(3) NOT NULL CONSTRAINT [df_orders_at] DEFAULT (SYSUTCDATETIME()),
    [status]      VARCHAR(12) NOT NULL CONSTRAINT [ck_orders_status] CHECK ([status] IN ('open', 'paid', 'refunded')),
    [total]       DECIMAL(12,2) NOT NULL,
    CONSTRAINT [pk_orders] PRIMARY KEY CLUSTERED ([order_id]),
    CONSTRAINT [fk_orders_customer] FOREIGN KEY ([customer_id]) REFERENCES [sales].[customers] ([customer_id])
)
GO
CREATE TABLE [sales].[tickets] (
    [ticket_id]   BIGINT IDENTITY(1,1) NOT NULL,
    [order_id]    BIGINT NOT NULL,
    [event_id]    INT NOT NULL,
    [seat]        VARCHAR(10) NULL,
    [price]       MONEY NOT NULL,
    [scanned_at]  DATETIME2(0) NULL,
    CONSTRAINT [pk_tickets] PRIMARY KEY CLUSTERED ([ticket_id]),
    CONSTRAINT [fk_tickets_order] FOREIGN KEY ([order_id]) REFERENCES [sales].[orders] ([order_id]) ON DELETE CASCADE,
    CONSTRAINT [fk_tickets_event] FOREIGN KEY ([event_id]) REFERENCES [sales].[events] ([event_id])
)
GO
CREATE NONCLUSTERED INDEX [ix_tickets_event] ON [sales].[tickets] ([event_id]) INCLUDE ([seat], [price])
GO
CREATE NONCLUSTERED INDEX [ix_events_upcoming] ON [sales].[events] ([starts_at]) WHERE [is_public] = 1
GO
CREATE SEQUENCE [sales].[invoice_no] AS BIGINT START WITH 100000 INCREMENT BY 1
GO
