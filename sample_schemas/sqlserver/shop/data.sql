-- Sample rows for the Shop database. Run after 01_, 02_ and 03_ scripts:
--   sqlcmd -S . -d Shop -I -i data.sql
-- Rows go in foreign-key order. hr.Departments <-> hr.Employees is a cycle: departments are
-- inserted with ManagerID NULL, then employees, then the departments are updated.
-- Orders.OrderNumber is left to its sequence default; TotalDue, LineTotal and RowVer are computed.
USE [Shop]
GO
SET ANSI_NULLS ON
SET QUOTED_IDENTIFIER ON
SET ANSI_PADDING ON
SET ANSI_WARNINGS ON
SET ARITHABORT ON
SET CONCAT_NULL_YIELDS_NULL ON
SET NUMERIC_ROUNDABORT OFF
SET NOCOUNT ON
GO
PRINT N'Loading sample data...'
GO
INSERT [dbo].[Countries] ([CountryCode], [Name], [CurrencyCode], [VatRate]) VALUES ('GB', N'United Kingdom', 'GBP', 0.2000)
INSERT [dbo].[Countries] ([CountryCode], [Name], [CurrencyCode], [VatRate]) VALUES ('IE', N'Ireland', 'EUR', 0.2300)
INSERT [dbo].[Countries] ([CountryCode], [Name], [CurrencyCode], [VatRate]) VALUES ('DE', N'Germany', 'EUR', 0.1900)
INSERT [dbo].[Countries] ([CountryCode], [Name], [CurrencyCode], [VatRate]) VALUES ('FR', N'France', 'EUR', 0.2000)
INSERT [dbo].[Countries] ([CountryCode], [Name], [CurrencyCode], [VatRate]) VALUES ('US', N'United States', 'USD', 0.0000)
INSERT [dbo].[Countries] ([CountryCode], [Name], [CurrencyCode], [VatRate]) VALUES ('JP', N'Japan', 'JPY', 0.1000)
GO
INSERT [dbo].[AppSettings] ([SettingKey], [SettingValue], [Description]) VALUES ('DefaultCurrency', CAST(N'GBP' AS nvarchar(3)), N'ISO 4217 code used when a store has none')
INSERT [dbo].[AppSettings] ([SettingKey], [SettingValue], [Description]) VALUES ('FreeShippingThreshold', CAST(50.00 AS money), N'Orders at or above this subtotal ship free')
INSERT [dbo].[AppSettings] ([SettingKey], [SettingValue], [Description]) VALUES ('MaxCartItems', CAST(25 AS int), NULL)
INSERT [dbo].[AppSettings] ([SettingKey], [SettingValue], [Description]) VALUES ('SpringSaleEndsOn', CAST('2025-04-15' AS date), N'Last day of SPRING15')
INSERT [dbo].[AppSettings] ([SettingKey], [SettingValue], [Description]) VALUES ('MaintenanceMode', CAST(0 AS bit), N'1 = show the maintenance page; 0 = normal')
GO
SET IDENTITY_INSERT [sales].[Stores] ON
INSERT [sales].[Stores] ([StoreID], [Name], [City], [CountryCode], [Location], [OpenedOn], [SquareMeters]) VALUES (1, N'London Flagship', N'London', 'GB', geography::Point(51.5154, -0.1418, 4326), '2011-05-20', 950.5)
INSERT [sales].[Stores] ([StoreID], [Name], [City], [CountryCode], [Location], [OpenedOn], [SquareMeters]) VALUES (2, N'Dublin Grafton', N'Dublin', 'IE', geography::Point(53.3418, -6.2603, 4326), '2017-09-01', 410)
INSERT [sales].[Stores] ([StoreID], [Name], [City], [CountryCode], [Location], [OpenedOn], [SquareMeters]) VALUES (3, N'Web Shop Warehouse', N'Milton Keynes', 'GB', NULL, '2014-01-06', 5200)
SET IDENTITY_INSERT [sales].[Stores] OFF
GO
SET IDENTITY_INSERT [hr].[Departments] ON
INSERT [hr].[Departments] ([DepartmentID], [Name], [GroupName], [ManagerID]) VALUES (1, N'Executive', N'Executive General and Administration', NULL)
INSERT [hr].[Departments] ([DepartmentID], [Name], [GroupName], [ManagerID]) VALUES (2, N'Sales', N'Sales and Marketing', NULL)
INSERT [hr].[Departments] ([DepartmentID], [Name], [GroupName], [ManagerID]) VALUES (3, N'Warehouse', N'Inventory Management', NULL)
INSERT [hr].[Departments] ([DepartmentID], [Name], [GroupName], [ManagerID]) VALUES (4, N'IT', N'Technology', NULL)
SET IDENTITY_INSERT [hr].[Departments] OFF
GO
SET IDENTITY_INSERT [hr].[Employees] ON
INSERT [hr].[Employees] ([EmployeeID], [NationalIDNumber], [LoginID], [OrgNode], [ManagerID], [DepartmentID], [StoreID], [FirstName], [LastName], [JobTitle], [BirthDate], [HireDate], [SalariedFlag], [PayRate], [VacationHours], [ShiftStart], [IsCurrent]) VALUES (1, N'295847284', N'shop\jmiller', hierarchyid::GetRoot(), NULL, 1, 1, N'Julia', N'Miller', N'Chief Executive Officer', '1969-01-29', '2009-01-14', 1, 125.0000, 120, NULL, 1)
INSERT [hr].[Employees] ([EmployeeID], [NationalIDNumber], [LoginID], [OrgNode], [ManagerID], [DepartmentID], [StoreID], [FirstName], [LastName], [JobTitle], [BirthDate], [HireDate], [SalariedFlag], [PayRate], [VacationHours], [ShiftStart], [IsCurrent]) VALUES (2, N'245797967', N'shop\rkhan', hierarchyid::Parse(N'/1/'), 1, 2, 1, N'Rashid', N'Khan', N'Sales Manager', '1978-08-14', '2011-02-01', 1, 48.5000, 40, NULL, 1)
INSERT [hr].[Employees] ([EmployeeID], [NationalIDNumber], [LoginID], [OrgNode], [ManagerID], [DepartmentID], [StoreID], [FirstName], [LastName], [JobTitle], [BirthDate], [HireDate], [SalariedFlag], [PayRate], [VacationHours], [ShiftStart], [IsCurrent]) VALUES (3, N'509647174', N'shop\ebrennan', hierarchyid::Parse(N'/1/1/'), 2, 2, 1, N'Emily', N'Brennan', N'Sales Associate', '1990-05-12', '2016-07-01', 0, 18.7500, 32, '09:00:00', 1)
INSERT [hr].[Employees] ([EmployeeID], [NationalIDNumber], [LoginID], [OrgNode], [ManagerID], [DepartmentID], [StoreID], [FirstName], [LastName], [JobTitle], [BirthDate], [HireDate], [SalariedFlag], [PayRate], [VacationHours], [ShiftStart], [IsCurrent]) VALUES (4, N'112457891', N'shop\cobrien', hierarchyid::Parse(N'/1/2/'), 2, 2, 2, N'Conor', N'O''Brien', N'Sales Associate', '1993-11-03', '2017-09-01', 0, 17.9000, 24, '10:00:00', 1)
INSERT [hr].[Employees] ([EmployeeID], [NationalIDNumber], [LoginID], [OrgNode], [ManagerID], [DepartmentID], [StoreID], [FirstName], [LastName], [JobTitle], [BirthDate], [HireDate], [SalariedFlag], [PayRate], [VacationHours], [ShiftStart], [IsCurrent]) VALUES (5, N'695256908', N'shop\pnowak', hierarchyid::Parse(N'/2/'), 1, 3, 3, N'Piotr', N'Nowak', N'Warehouse Manager', '1981-03-27', '2014-01-06', 1, 32.0000, 56, '06:00:00', 1)
INSERT [hr].[Employees] ([EmployeeID], [NationalIDNumber], [LoginID], [OrgNode], [ManagerID], [DepartmentID], [StoreID], [FirstName], [LastName], [JobTitle], [BirthDate], [HireDate], [SalariedFlag], [PayRate], [VacationHours], [ShiftStart], [IsCurrent]) VALUES (6, N'998320692', N'shop\lmartin', hierarchyid::Parse(N'/2/1/'), 5, 3, 3, N'Léa', N'Martin', N'Picker', '1999-06-30', '2023-03-13', 0, 14.1000, 8, '06:00:00', 1)
INSERT [hr].[Employees] ([EmployeeID], [NationalIDNumber], [LoginID], [OrgNode], [ManagerID], [DepartmentID], [StoreID], [FirstName], [LastName], [JobTitle], [BirthDate], [HireDate], [SalariedFlag], [PayRate], [VacationHours], [ShiftStart], [IsCurrent]) VALUES (7, N'134969118', N'shop\skapoor', hierarchyid::Parse(N'/3/'), 1, 4, NULL, N'Sunita', N'Kapoor', N'IT Manager', '1985-02-17', '2015-10-05', 1, 55.0000, 80, NULL, 1)
INSERT [hr].[Employees] ([EmployeeID], [NationalIDNumber], [LoginID], [OrgNode], [ManagerID], [DepartmentID], [StoreID], [FirstName], [LastName], [JobTitle], [BirthDate], [HireDate], [SalariedFlag], [PayRate], [VacationHours], [ShiftStart], [IsCurrent]) VALUES (8, N'771203456', N'shop\tfischer', hierarchyid::Parse(N'/1/3/'), 2, 2, 1, N'Tom', N'Fischer', N'Sales Associate', '1995-09-09', '2019-04-01', 0, 16.2500, -8, '12:00:00', 0)
SET IDENTITY_INSERT [hr].[Employees] OFF
GO
UPDATE [hr].[Departments] SET [ManagerID] = 1 WHERE [DepartmentID] = 1
UPDATE [hr].[Departments] SET [ManagerID] = 2 WHERE [DepartmentID] = 2
UPDATE [hr].[Departments] SET [ManagerID] = 5 WHERE [DepartmentID] = 3
UPDATE [hr].[Departments] SET [ManagerID] = 7 WHERE [DepartmentID] = 4
GO
SET IDENTITY_INSERT [sales].[Customers] ON
INSERT [sales].[Customers] ([CustomerID], [Title], [FirstName], [LastName], [Email], [Phone], [BirthDate], [IsActive], [CreditLimit], [Notes], [Preferences], [CreatedAt], [LastLoginAt]) VALUES (1, N'Ms.', N'Olivia', N'Bennett', N'olivia.bennett@example.co.uk', '+44 7700 900111', '1986-04-02', 1, 2000.0000, NULL, N'<prefs><newsletter>true</newsletter><channel>email</channel></prefs>', '2021-03-04T10:11:12.1234567', '2025-03-01T09:30:00.0000000+00:00')
INSERT [sales].[Customers] ([CustomerID], [Title], [FirstName], [LastName], [Email], [Phone], [BirthDate], [IsActive], [CreditLimit], [Notes], [Preferences], [CreatedAt], [LastLoginAt]) VALUES (2, N'Mr.', N'Kenji', N'Watanabe', N'kenji.watanabe@example.jp', '+81 3 5555 0102', '1979-12-11', 1, 5000.0000, N'Ships to Tokyo; customs paperwork needed', N'<prefs><newsletter>false</newsletter></prefs>', '2022-07-19T23:05:00.0000000', '2025-03-18T08:00:00.0000000+09:00')
INSERT [sales].[Customers] ([CustomerID], [Title], [FirstName], [LastName], [Email], [Phone], [BirthDate], [IsActive], [CreditLimit], [Notes], [Preferences], [CreatedAt], [LastLoginAt]) VALUES (3, NULL, N'Aoife', N'Murphy', NULL, '+353 1 555 0103', NULL, 1, NULL, N'In-store customer; no e-mail on file', NULL, '2023-02-01T11:40:00.0000000', NULL)
INSERT [sales].[Customers] ([CustomerID], [Title], [FirstName], [LastName], [Email], [Phone], [BirthDate], [IsActive], [CreditLimit], [Notes], [Preferences], [CreatedAt], [LastLoginAt]) VALUES (4, N'Dr.', N'Hans', N'Zimmermann', N'hans.zimmermann@example.de', NULL, '1962-06-06', 1, 1500.0000, NULL, N'<prefs><newsletter>true</newsletter><channel>post</channel></prefs>', '2024-01-10T15:00:00.0000000', '2025-01-20T18:55:00.0000000+01:00')
INSERT [sales].[Customers] ([CustomerID], [Title], [FirstName], [LastName], [Email], [Phone], [BirthDate], [IsActive], [CreditLimit], [Notes], [Preferences], [CreatedAt], [LastLoginAt]) VALUES (5, NULL, N'Chloé', N'Lefèvre', N'chloe.lefevre@example.fr', NULL, '1997-10-21', 1, 750.0000, NULL, NULL, '2024-11-30T20:20:20.0000000', '2025-03-20T21:10:00.0000000+01:00')
INSERT [sales].[Customers] ([CustomerID], [Title], [FirstName], [LastName], [Email], [Phone], [BirthDate], [IsActive], [CreditLimit], [Notes], [Preferences], [CreatedAt], [LastLoginAt]) VALUES (6, NULL, N'Sam', N'Taylor', NULL, NULL, NULL, 0, NULL, N'Closed account; kept for order history', NULL, '2019-05-05T05:05:05.0000000', NULL)
SET IDENTITY_INSERT [sales].[Customers] OFF
GO
SET IDENTITY_INSERT [sales].[Addresses] ON
INSERT [sales].[Addresses] ([AddressID], [CustomerID], [AddressType], [Line1], [Line2], [City], [PostalCode], [CountryCode], [IsDefault]) VALUES (1, 1, 'SHIPPING', N'12 Rosebery Avenue', NULL, N'London', N'EC1R 4SX', 'GB', 1)
INSERT [sales].[Addresses] ([AddressID], [CustomerID], [AddressType], [Line1], [Line2], [City], [PostalCode], [CountryCode], [IsDefault]) VALUES (2, 1, 'BILLING', N'30 St Mary Axe', N'Floor 12', N'London', N'EC3A 8BF', 'GB', 0)
INSERT [sales].[Addresses] ([AddressID], [CustomerID], [AddressType], [Line1], [Line2], [City], [PostalCode], [CountryCode], [IsDefault]) VALUES (3, 2, 'SHIPPING', N'4-2-8 Shibakoen', N'Minato-ku', N'Tokyo', N'105-0011', 'JP', 1)
INSERT [sales].[Addresses] ([AddressID], [CustomerID], [AddressType], [Line1], [Line2], [City], [PostalCode], [CountryCode], [IsDefault]) VALUES (4, 3, 'SHIPPING', N'Apartment 5, 21 Dame Street', NULL, N'Dublin', N'D02 X285', 'IE', 1)
INSERT [sales].[Addresses] ([AddressID], [CustomerID], [AddressType], [Line1], [Line2], [City], [PostalCode], [CountryCode], [IsDefault]) VALUES (5, 4, 'SHIPPING', N'Karl-Liebknecht-Straße 9', NULL, N'Berlin', N'10178', 'DE', 1)
INSERT [sales].[Addresses] ([AddressID], [CustomerID], [AddressType], [Line1], [Line2], [City], [PostalCode], [CountryCode], [IsDefault]) VALUES (6, 5, 'SHIPPING', N'18 Rue Oberkampf', NULL, N'Paris', N'75011', 'FR', 1)
INSERT [sales].[Addresses] ([AddressID], [CustomerID], [AddressType], [Line1], [Line2], [City], [PostalCode], [CountryCode], [IsDefault]) VALUES (7, 6, 'SHIPPING', N'9 Mill Lane', NULL, N'Cambridge', N'CB2 1RX', 'GB', 1)
SET IDENTITY_INSERT [sales].[Addresses] OFF
GO
SET IDENTITY_INSERT [sales].[Categories] ON
INSERT [sales].[Categories] ([CategoryID], [ParentCategoryID], [Name], [Description], [SortOrder]) VALUES (1, NULL, N'Electronics', NULL, 10)
INSERT [sales].[Categories] ([CategoryID], [ParentCategoryID], [Name], [Description], [SortOrder]) VALUES (5, NULL, N'Home', NULL, 20)
INSERT [sales].[Categories] ([CategoryID], [ParentCategoryID], [Name], [Description], [SortOrder]) VALUES (7, NULL, N'Books', N'Printed books; e-books are sold elsewhere', 30)
INSERT [sales].[Categories] ([CategoryID], [ParentCategoryID], [Name], [Description], [SortOrder]) VALUES (2, 1, N'Computers', NULL, 11)
INSERT [sales].[Categories] ([CategoryID], [ParentCategoryID], [Name], [Description], [SortOrder]) VALUES (3, 2, N'Laptops', NULL, 12)
INSERT [sales].[Categories] ([CategoryID], [ParentCategoryID], [Name], [Description], [SortOrder]) VALUES (4, 1, N'Audio', NULL, 13)
INSERT [sales].[Categories] ([CategoryID], [ParentCategoryID], [Name], [Description], [SortOrder]) VALUES (6, 5, N'Kitchen', NULL, 21)
SET IDENTITY_INSERT [sales].[Categories] OFF
GO
SET IDENTITY_INSERT [sales].[Suppliers] ON
INSERT [sales].[Suppliers] ([SupplierID], [CompanyName], [ContactName], [Phone], [CountryCode], [Rating], [IsPreferred]) VALUES (1, N'Thames Valley Components Ltd', N'Priya Shah', '+44 118 496 0001', 'GB', 4.5, 1)
INSERT [sales].[Suppliers] ([SupplierID], [CompanyName], [ContactName], [Phone], [CountryCode], [Rating], [IsPreferred]) VALUES (2, N'Kobe Audio Works', N'佐藤 健', '+81 78 555 0002', 'JP', 4.8, 1)
INSERT [sales].[Suppliers] ([SupplierID], [CompanyName], [ContactName], [Phone], [CountryCode], [Rating], [IsPreferred]) VALUES (3, N'Hausgeräte Müller GmbH', N'Jürgen Müller', NULL, 'DE', 3.9, 0)
INSERT [sales].[Suppliers] ([SupplierID], [CompanyName], [ContactName], [Phone], [CountryCode], [Rating], [IsPreferred]) VALUES (4, N'Liffey Paper & Print', NULL, '+353 1 555 0004', 'IE', NULL, 0)
SET IDENTITY_INSERT [sales].[Suppliers] OFF
GO
SET IDENTITY_INSERT [sales].[Products] ON
INSERT [sales].[Products] ([ProductID], [SKU], [Name], [CategoryID], [SupplierID], [ListPrice], [StandardCost], [Weight], [WeightUnit], [Color], [AverageRating], [Discontinued], [SellStartDate], [SellEndDate], [ThumbnailPhoto], [LargePhoto], [LegacyDescription], [CatalogDescription]) VALUES (1, 'LT-1400-SLV', N'UltraBook 14 Silver', 3, 1, 1149.0000, 799.0000, CAST(1.350 AS Decimal(8, 3)), N'KG ', N'Silver', 4.5, 0, '2023-09-01T00:00:00.000', NULL, 0x89504E470D0A1A0A0000000D49484452, NULL, NULL, N'<catalog><screen inches="14"/><ram gb="16"/><storage gb="512"/></catalog>')
INSERT [sales].[Products] ([ProductID], [SKU], [Name], [CategoryID], [SupplierID], [ListPrice], [StandardCost], [Weight], [WeightUnit], [Color], [AverageRating], [Discontinued], [SellStartDate], [SellEndDate], [ThumbnailPhoto], [LargePhoto], [LegacyDescription], [CatalogDescription]) VALUES (2, 'LT-1300-BLK', N'UltraBook 13 Black', 3, 1, 949.0000, 650.0000, CAST(1.150 AS Decimal(8, 3)), N'KG ', N'Black', 4.2, 0, '2023-09-01T00:00:00.000', NULL, NULL, NULL, NULL, N'<catalog><screen inches="13.3"/><ram gb="8"/></catalog>')
INSERT [sales].[Products] ([ProductID], [SKU], [Name], [CategoryID], [SupplierID], [ListPrice], [StandardCost], [Weight], [WeightUnit], [Color], [AverageRating], [Discontinued], [SellStartDate], [SellEndDate], [ThumbnailPhoto], [LargePhoto], [LegacyDescription], [CatalogDescription]) VALUES (3, 'HP-ANC-200', N'Noise-Cancelling Headphones', 4, 2, 229.0000, 120.0000, CAST(0.250 AS Decimal(8, 3)), N'KG ', N'Black', 4.7, 0, '2024-02-01T00:00:00.000', NULL, NULL, 0xFFD8FFE000104A46494600010100000100010000, NULL, NULL)
INSERT [sales].[Products] ([ProductID], [SKU], [Name], [CategoryID], [SupplierID], [ListPrice], [StandardCost], [Weight], [WeightUnit], [Color], [AverageRating], [Discontinued], [SellStartDate], [SellEndDate], [ThumbnailPhoto], [LargePhoto], [LegacyDescription], [CatalogDescription]) VALUES (4, 'SPK-MINI-01', N'Mini Bluetooth Speaker', 4, 2, 49.9900, 21.5000, CAST(0.300 AS Decimal(8, 3)), N'KG ', N'Blue', NULL, 0, '2024-02-01T00:00:00.000', NULL, NULL, NULL, NULL, NULL)
INSERT [sales].[Products] ([ProductID], [SKU], [Name], [CategoryID], [SupplierID], [ListPrice], [StandardCost], [Weight], [WeightUnit], [Color], [AverageRating], [Discontinued], [SellStartDate], [SellEndDate], [ThumbnailPhoto], [LargePhoto], [LegacyDescription], [CatalogDescription]) VALUES (5, 'KT-COF-PRESS', N'French Press 1 L', 6, 3, 34.5000, 12.0000, CAST(0.800 AS Decimal(8, 3)), N'KG ', NULL, 3.9, 0, '2010-03-15T00:00:00.000', NULL, NULL, NULL, 'Borosilicate glass jug; makes 8 cups. Dishwasher safe.', NULL)
INSERT [sales].[Products] ([ProductID], [SKU], [Name], [CategoryID], [SupplierID], [ListPrice], [StandardCost], [Weight], [WeightUnit], [Color], [AverageRating], [Discontinued], [SellStartDate], [SellEndDate], [ThumbnailPhoto], [LargePhoto], [LegacyDescription], [CatalogDescription]) VALUES (6, 'KT-KNF-CHEF', N'Chef''s Knife 20 cm', 6, 3, 79.0000, 30.0000, CAST(0.220 AS Decimal(8, 3)), N'KG ', NULL, 4.8, 0, '2011-01-01T00:00:00.000', NULL, NULL, NULL, 'Forged steel; hand wash only.', NULL)
INSERT [sales].[Products] ([ProductID], [SKU], [Name], [CategoryID], [SupplierID], [ListPrice], [StandardCost], [Weight], [WeightUnit], [Color], [AverageRating], [Discontinued], [SellStartDate], [SellEndDate], [ThumbnailPhoto], [LargePhoto], [LegacyDescription], [CatalogDescription]) VALUES (7, 'BK-SQL-MIG', N'Database Migration in Practice', 7, 4, 39.9500, 14.0000, CAST(0.650 AS Decimal(8, 3)), N'KG ', NULL, NULL, 0, '2024-10-01T00:00:00.000', NULL, NULL, NULL, NULL, NULL)
INSERT [sales].[Products] ([ProductID], [SKU], [Name], [CategoryID], [SupplierID], [ListPrice], [StandardCost], [Weight], [WeightUnit], [Color], [AverageRating], [Discontinued], [SellStartDate], [SellEndDate], [ThumbnailPhoto], [LargePhoto], [LegacyDescription], [CatalogDescription]) VALUES (8, 'CB-USB-A-2M', N'USB-A Cable 2 m', 2, 1, 6.9900, 1.1000, CAST(0.050 AS Decimal(8, 3)), N'KG ', N'White', 3.1, 1, '2019-01-01T00:00:00.000', '2024-12-31T00:00:00.000', NULL, NULL, NULL, NULL)
SET IDENTITY_INSERT [sales].[Products] OFF
GO
INSERT [sales].[PriceHistory] ([ProductID], [ValidFrom], [ValidTo], [ListPrice]) VALUES (1, '2023-09-01T00:00:00', '2024-06-30T23:59:59', 1299.0000)
INSERT [sales].[PriceHistory] ([ProductID], [ValidFrom], [ValidTo], [ListPrice]) VALUES (1, '2024-07-01T00:00:00', NULL, 1149.0000)
INSERT [sales].[PriceHistory] ([ProductID], [ValidFrom], [ValidTo], [ListPrice]) VALUES (2, '2023-09-01T00:00:00', NULL, 949.0000)
INSERT [sales].[PriceHistory] ([ProductID], [ValidFrom], [ValidTo], [ListPrice]) VALUES (3, '2024-02-01T00:00:00', NULL, 229.0000)
INSERT [sales].[PriceHistory] ([ProductID], [ValidFrom], [ValidTo], [ListPrice]) VALUES (4, '2024-02-01T00:00:00', NULL, 49.9900)
INSERT [sales].[PriceHistory] ([ProductID], [ValidFrom], [ValidTo], [ListPrice]) VALUES (8, '2019-01-01T00:00:00', '2024-12-31T00:00:00', 6.9900)
GO
SET IDENTITY_INSERT [sales].[ProductReviews] ON
INSERT [sales].[ProductReviews] ([ReviewID], [ProductID], [CustomerID], [ReviewerName], [Rating], [Comments], [ReviewDate]) VALUES (1, 1, 1, N'Olivia B.', 5, N'Fast, light and silent; battery lasts all day.', '2024-11-20T20:00:00')
INSERT [sales].[ProductReviews] ([ReviewID], [ProductID], [CustomerID], [ReviewerName], [Rating], [Comments], [ReviewDate]) VALUES (2, 3, 2, N'Kenji', 5, N'Best noise cancelling I have owned.', '2025-01-25T07:30:00')
INSERT [sales].[ProductReviews] ([ReviewID], [ProductID], [CustomerID], [ReviewerName], [Rating], [Comments], [ReviewDate]) VALUES (3, 3, NULL, N'Anonymous', 4, NULL, '2024-08-14T12:00:00')
INSERT [sales].[ProductReviews] ([ReviewID], [ProductID], [CustomerID], [ReviewerName], [Rating], [Comments], [ReviewDate]) VALUES (4, 5, 5, N'Chloé', 4, N'Très bien; the lid rattles a little.', '2025-03-22T09:15:00')
INSERT [sales].[ProductReviews] ([ReviewID], [ProductID], [CustomerID], [ReviewerName], [Rating], [Comments], [ReviewDate]) VALUES (5, 8, 4, N'Hans', 2, N'Stopped working after a month -- returned.', '2024-06-02T08:15:00')
SET IDENTITY_INSERT [sales].[ProductReviews] OFF
GO
SET IDENTITY_INSERT [sales].[Promotions] ON
INSERT [sales].[Promotions] ([PromotionID], [Code], [Description], [DiscountPct], [StartsOn], [EndsOn], [Terms]) VALUES (1, 'WELCOME10', N'First order discount', CAST(10.00 AS Decimal(5, 2)), '2020-01-01', NULL, N'One use per customer; cannot be combined with other offers.')
INSERT [sales].[Promotions] ([PromotionID], [Code], [Description], [DiscountPct], [StartsOn], [EndsOn], [Terms]) VALUES (2, 'SPRING15', N'Spring sale', CAST(15.00 AS Decimal(5, 2)), '2025-03-15', '2025-04-15', NULL)
INSERT [sales].[Promotions] ([PromotionID], [Code], [Description], [DiscountPct], [StartsOn], [EndsOn], [Terms]) VALUES (3, 'CLEARANCE', N'January clearance', CAST(30.00 AS Decimal(5, 2)), '2024-12-26', '2025-01-31', N'While stocks last.')
SET IDENTITY_INSERT [sales].[Promotions] OFF
GO
SET IDENTITY_INSERT [sales].[Orders] ON
INSERT [sales].[Orders] ([OrderID], [CustomerID], [StoreID], [SalesPersonID], [ShipAddressID], [PromotionID], [OrderDate], [DueDate], [ShipDate], [Status], [OnlineOrderFlag], [SubTotal], [TaxAmt], [Freight], [Comment]) VALUES (1, 1, NULL, NULL, 1, NULL, '2024-11-02T14:22:05.1230000', '2024-11-07', '2024-11-03T09:00:00.000', 4, 1, 1162.9800, 232.6000, 0.0000, NULL)
INSERT [sales].[Orders] ([OrderID], [CustomerID], [StoreID], [SalesPersonID], [ShipAddressID], [PromotionID], [OrderDate], [DueDate], [ShipDate], [Status], [OnlineOrderFlag], [SubTotal], [TaxAmt], [Freight], [Comment]) VALUES (2, 2, NULL, NULL, 3, 1, '2025-01-15T08:01:00.0000000', '2025-01-22', '2025-01-16T17:30:00.000', 3, 1, 206.1000, 41.2200, 0.0000, N'Leave with the concierge')
INSERT [sales].[Orders] ([OrderID], [CustomerID], [StoreID], [SalesPersonID], [ShipAddressID], [PromotionID], [OrderDate], [DueDate], [ShipDate], [Status], [OnlineOrderFlag], [SubTotal], [TaxAmt], [Freight], [Comment]) VALUES (3, 3, 2, 4, NULL, NULL, '2025-02-01T11:45:00.0000000', '2025-02-01', '2025-02-01T11:50:00.000', 4, 0, 113.5000, 22.7000, 0.0000, NULL)
INSERT [sales].[Orders] ([OrderID], [CustomerID], [StoreID], [SalesPersonID], [ShipAddressID], [PromotionID], [OrderDate], [DueDate], [ShipDate], [Status], [OnlineOrderFlag], [SubTotal], [TaxAmt], [Freight], [Comment]) VALUES (4, 4, NULL, NULL, 5, 3, '2025-01-20T19:00:00.0000000', '2025-01-27', NULL, 5, 1, 664.3000, 132.8600, 0.0000, N'Cancelled by customer; refund issued.')
INSERT [sales].[Orders] ([OrderID], [CustomerID], [StoreID], [SalesPersonID], [ShipAddressID], [PromotionID], [OrderDate], [DueDate], [ShipDate], [Status], [OnlineOrderFlag], [SubTotal], [TaxAmt], [Freight], [Comment]) VALUES (5, 1, 1, 3, NULL, NULL, '2025-03-01T10:30:00.0000000', '2025-03-01', '2025-03-01T10:35:00.000', 4, 0, 139.9300, 27.9900, 0.0000, NULL)
INSERT [sales].[Orders] ([OrderID], [CustomerID], [StoreID], [SalesPersonID], [ShipAddressID], [PromotionID], [OrderDate], [DueDate], [ShipDate], [Status], [OnlineOrderFlag], [SubTotal], [TaxAmt], [Freight], [Comment]) VALUES (6, 5, NULL, NULL, 6, 2, '2025-03-20T21:15:00.0000000', '2025-03-27', NULL, 2, 1, 194.6500, 38.9300, 0.0000, NULL)
INSERT [sales].[Orders] ([OrderID], [CustomerID], [StoreID], [SalesPersonID], [ShipAddressID], [PromotionID], [OrderDate], [DueDate], [ShipDate], [Status], [OnlineOrderFlag], [SubTotal], [TaxAmt], [Freight], [Comment]) VALUES (7, 6, NULL, NULL, 7, NULL, '2025-03-25T16:40:00.0000000', '2025-03-31', NULL, 1, 1, 49.9900, 10.0000, 4.9900, NULL)
SET IDENTITY_INSERT [sales].[Orders] OFF
GO
INSERT [sales].[OrderLines] ([OrderID], [LineNumber], [ProductID], [Quantity], [UnitPrice], [UnitPriceDiscount]) VALUES (1, 1, 1, 1, 1149.0000, CAST(0.0000 AS Decimal(5, 4)))
INSERT [sales].[OrderLines] ([OrderID], [LineNumber], [ProductID], [Quantity], [UnitPrice], [UnitPriceDiscount]) VALUES (1, 2, 8, 2, 6.9900, CAST(0.0000 AS Decimal(5, 4)))
INSERT [sales].[OrderLines] ([OrderID], [LineNumber], [ProductID], [Quantity], [UnitPrice], [UnitPriceDiscount]) VALUES (2, 1, 3, 1, 229.0000, CAST(0.1000 AS Decimal(5, 4)))
INSERT [sales].[OrderLines] ([OrderID], [LineNumber], [ProductID], [Quantity], [UnitPrice], [UnitPriceDiscount]) VALUES (3, 1, 5, 1, 34.5000, CAST(0.0000 AS Decimal(5, 4)))
INSERT [sales].[OrderLines] ([OrderID], [LineNumber], [ProductID], [Quantity], [UnitPrice], [UnitPriceDiscount]) VALUES (3, 2, 6, 1, 79.0000, CAST(0.0000 AS Decimal(5, 4)))
INSERT [sales].[OrderLines] ([OrderID], [LineNumber], [ProductID], [Quantity], [UnitPrice], [UnitPriceDiscount]) VALUES (4, 1, 2, 1, 949.0000, CAST(0.3000 AS Decimal(5, 4)))
INSERT [sales].[OrderLines] ([OrderID], [LineNumber], [ProductID], [Quantity], [UnitPrice], [UnitPriceDiscount]) VALUES (5, 1, 4, 2, 49.9900, CAST(0.0000 AS Decimal(5, 4)))
INSERT [sales].[OrderLines] ([OrderID], [LineNumber], [ProductID], [Quantity], [UnitPrice], [UnitPriceDiscount]) VALUES (5, 2, 7, 1, 39.9500, CAST(0.0000 AS Decimal(5, 4)))
INSERT [sales].[OrderLines] ([OrderID], [LineNumber], [ProductID], [Quantity], [UnitPrice], [UnitPriceDiscount]) VALUES (6, 1, 3, 1, 229.0000, CAST(0.1500 AS Decimal(5, 4)))
INSERT [sales].[OrderLines] ([OrderID], [LineNumber], [ProductID], [Quantity], [UnitPrice], [UnitPriceDiscount]) VALUES (7, 1, 4, 1, 49.9900, CAST(0.0000 AS Decimal(5, 4)))
GO
SET IDENTITY_INSERT [sales].[Returns] ON
INSERT [sales].[Returns] ([ReturnID], [OrderID], [LineNumber], [Quantity], [Reason], [ReturnedAt], [RefundAmount]) VALUES (1, 1, 2, 1, N'Cable faulty; connector loose', '2024-11-20T10:00:00', 6.9900)
INSERT [sales].[Returns] ([ReturnID], [OrderID], [LineNumber], [Quantity], [Reason], [ReturnedAt], [RefundAmount]) VALUES (2, 5, 1, 1, N'Duplicate gift, unopened', '2025-03-05T12:00:00', 49.9900)
INSERT [sales].[Returns] ([ReturnID], [OrderID], [LineNumber], [Quantity], [Reason], [ReturnedAt], [RefundAmount]) VALUES (3, 3, 2, 1, N'Blade chipped on arrival', '2025-02-03T15:00:00', 79.0000)
SET IDENTITY_INSERT [sales].[Returns] OFF
GO
SET IDENTITY_INSERT [sales].[Payments] ON
INSERT [sales].[Payments] ([PaymentID], [OrderID], [Method], [Amount], [PaidAt], [ProviderRef], [ProcessingTime]) VALUES (1, 1, 'CARD', CAST(1395.5800 AS Decimal(19, 4)), '2024-11-02T14:22:30.0000000+00:00', 'ch_1Q9xKp2eZvKYlo2C', '00:00:01.250')
INSERT [sales].[Payments] ([PaymentID], [OrderID], [Method], [Amount], [PaidAt], [ProviderRef], [ProcessingTime]) VALUES (2, 1, 'CARD', CAST(-8.3900 AS Decimal(19, 4)), '2024-11-21T09:00:00.0000000+00:00', 're_1QBq0T2eZvKYlo2C', '00:00:00.830')
INSERT [sales].[Payments] ([PaymentID], [OrderID], [Method], [Amount], [PaidAt], [ProviderRef], [ProcessingTime]) VALUES (3, 2, 'PAYPAL', CAST(247.3200 AS Decimal(19, 4)), '2025-01-15T08:01:40.0000000+09:00', 'PAYID-M5XQ2LA', NULL)
INSERT [sales].[Payments] ([PaymentID], [OrderID], [Method], [Amount], [PaidAt], [ProviderRef], [ProcessingTime]) VALUES (4, 3, 'CASH', CAST(136.2000 AS Decimal(19, 4)), '2025-02-01T11:46:00.0000000+00:00', NULL, NULL)
INSERT [sales].[Payments] ([PaymentID], [OrderID], [Method], [Amount], [PaidAt], [ProviderRef], [ProcessingTime]) VALUES (5, 4, 'CARD', CAST(797.1600 AS Decimal(19, 4)), '2025-01-20T19:00:20.0000000+01:00', 'ch_1QjH3s2eZvKYlo2C', '00:00:02.004')
INSERT [sales].[Payments] ([PaymentID], [OrderID], [Method], [Amount], [PaidAt], [ProviderRef], [ProcessingTime]) VALUES (6, 4, 'CARD', CAST(-797.1600 AS Decimal(19, 4)), '2025-01-21T10:00:00.0000000+01:00', 're_1QjZ9a2eZvKYlo2C', '00:00:01.100')
INSERT [sales].[Payments] ([PaymentID], [OrderID], [Method], [Amount], [PaidAt], [ProviderRef], [ProcessingTime]) VALUES (7, 5, 'CARD', CAST(167.9200 AS Decimal(19, 4)), '2025-03-01T10:31:00.0000000+00:00', 'ch_1QxR8m2eZvKYlo2C', '00:00:00.950')
INSERT [sales].[Payments] ([PaymentID], [OrderID], [Method], [Amount], [PaidAt], [ProviderRef], [ProcessingTime]) VALUES (8, 6, 'VOUCHER', CAST(233.5800 AS Decimal(19, 4)), '2025-03-20T21:15:30.0000000+01:00', 'GIFT-7731-0042', NULL)
SET IDENTITY_INSERT [sales].[Payments] OFF
GO
SET IDENTITY_INSERT [dbo].[ErrorLog] ON
INSERT [dbo].[ErrorLog] ([ErrorLogID], [ErrorTime], [UserName], [ErrorNumber], [ErrorSeverity], [ErrorState], [ErrorProcedure], [ErrorLine], [ErrorMessage], [Context]) VALUES (1, '2025-02-14T10:00:00.000', N'shop\svc_web', 50002, 16, 1, N'sales.usp_PlaceOrder', 58, N'One or more products are unknown or discontinued.', N'sales.usp_PlaceOrder')
INSERT [dbo].[ErrorLog] ([ErrorLogID], [ErrorTime], [UserName], [ErrorNumber], [ErrorSeverity], [ErrorState], [ErrorProcedure], [ErrorLine], [ErrorMessage], [Context]) VALUES (2, '2025-03-02T22:41:07.530', N'shop\svc_web', 547, 16, 0, NULL, 1, N'The INSERT statement conflicted with the FOREIGN KEY constraint "FK_Orders_Customers".', NULL)
INSERT [dbo].[ErrorLog] ([ErrorLogID], [ErrorTime], [UserName], [ErrorNumber], [ErrorSeverity], [ErrorState], [ErrorProcedure], [ErrorLine], [ErrorMessage], [Context]) VALUES (3, '2025-03-10T08:00:00.000', N'shop\jmiller', 8134, 16, 1, N'sales.usp_RepriceCategory', 30, N'Divide by zero error encountered.', N'sales.usp_RepriceCategory')
SET IDENTITY_INSERT [dbo].[ErrorLog] OFF
GO
-- AuditLog has no key: the two identical rows below are legal
INSERT [dbo].[AuditLog] ([LoggedAt], [SchemaName], [TableName], [Action], [KeyValue], [Details], [LoggedBy]) VALUES ('2024-12-31T23:59:59.0000000', N'sales', N'Products', 'UPDATE', N'8', 'Discontinued 0 -> 1', N'shop\jmiller')
INSERT [dbo].[AuditLog] ([LoggedAt], [SchemaName], [TableName], [Action], [KeyValue], [Details], [LoggedBy]) VALUES ('2024-12-31T23:59:59.0000000', N'sales', N'Products', 'UPDATE', N'8', 'Discontinued 0 -> 1', N'shop\jmiller')
GO
PRINT N'Sample data loaded.'
GO
