USE [master]
GO
/****** Object:  Database [Shop]    Script Date: 3/8/2025 10:15:02 AM ******/
CREATE DATABASE [Shop]
 CONTAINMENT = NONE
 ON  PRIMARY 
( NAME = N'Shop', FILENAME = N'C:\Program Files\Microsoft SQL Server\MSSQL16.MSSQLSERVER\MSSQL\DATA\Shop.mdf' , SIZE = 73728KB , MAXSIZE = UNLIMITED, FILEGROWTH = 65536KB )
 LOG ON 
( NAME = N'Shop_log', FILENAME = N'C:\Program Files\Microsoft SQL Server\MSSQL16.MSSQLSERVER\MSSQL\DATA\Shop_log.ldf' , SIZE = 8192KB , MAXSIZE = 2048GB , FILEGROWTH = 65536KB )
 WITH CATALOG_COLLATION = DATABASE_DEFAULT, LEDGER = OFF
GO
ALTER DATABASE [Shop] SET COMPATIBILITY_LEVEL = 160
GO
IF (1 = FULLTEXTSERVICEPROPERTY('IsFullTextInstalled'))
begin
EXEC [Shop].[dbo].[sp_fulltext_database] @action = 'enable'
end
GO
ALTER DATABASE [Shop] SET ANSI_NULL_DEFAULT OFF 
GO
ALTER DATABASE [Shop] SET ANSI_NULLS OFF 
GO
ALTER DATABASE [Shop] SET ANSI_PADDING OFF 
GO
ALTER DATABASE [Shop] SET ARITHABORT OFF 
GO
ALTER DATABASE [Shop] SET AUTO_CLOSE OFF 
GO
ALTER DATABASE [Shop] SET RECURSIVE_TRIGGERS OFF 
GO
ALTER DATABASE [Shop] SET READ_COMMITTED_SNAPSHOT ON 
GO
ALTER DATABASE [Shop] SET RECOVERY FULL 
GO
ALTER DATABASE [Shop] SET  MULTI_USER 
GO
ALTER DATABASE [Shop] SET QUERY_STORE = ON
GO
USE [Shop]
GO
PRINT N'Creating schemas, types and sequences in [Shop]...'
GO
/****** Object:  Schema [hr]    Script Date: 3/8/2025 10:15:02 AM ******/
CREATE SCHEMA [hr]
GO
/****** Object:  Schema [sales]    Script Date: 3/8/2025 10:15:02 AM ******/
CREATE SCHEMA [sales]
GO
/****** Object:  UserDefinedTableType [sales].[OrderLineList]    Script Date: 3/8/2025 10:15:02 AM ******/
CREATE TYPE [sales].[OrderLineList] AS TABLE(
	[ProductID] [int] NOT NULL,
	[Quantity] [smallint] NOT NULL,
	PRIMARY KEY CLUSTERED 
(
	[ProductID] ASC
)WITH (IGNORE_DUP_KEY = OFF)
)
GO
/****** Object:  Sequence [sales].[OrderNumberSeq]    Script Date: 3/8/2025 10:15:02 AM ******/
CREATE SEQUENCE [sales].[OrderNumberSeq] 
 AS [bigint]
 START WITH 100000
 INCREMENT BY 1
 MINVALUE 1
 MAXVALUE 9223372036854775807
 CACHE  50 
GO
