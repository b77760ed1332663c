using System;
using System.Collections.Generic;
using System.Data;
using System.Data.SqlClient;
using System.Threading.Tasks;
using Dapper;

namespace Shop.Data
{
    /// <summary>
    /// Orders of the shop database. Old comment: SELECT * FROM sales.Orders WITH (NOLOCK)
    /// </summary>
    public class OrderRepository
    {
        private const string OrderColumns = "o.OrderID, o.OrderNumber, o.CustomerID, o.OrderDate, o.Status, o.TotalDue";
        private const string OrdersOfCustomer =
            "SELECT TOP (@Max) " + OrderColumns + " FROM sales.Orders AS o WHERE o.CustomerID = @CustomerID ORDER BY o.OrderDate DESC";

        private readonly string _connectionString;

        public OrderRepository(string connectionString)
        {
            _connectionString = connectionString;
        }

        public async Task<IEnumerable<OrderDto>> RecentOrdersAsync(int customerId, int max)
        {
            using var conn = new SqlConnection(_connectionString);
            return await conn.QueryAsync<OrderDto>(OrdersOfCustomer, new { CustomerID = customerId, Max = max });
        }

        public OrderDto Find(int orderId)
        {
            using var conn = new SqlConnection(_connectionString);
            return conn.QueryFirstOrDefault<OrderDto>(
                @"SELECT o.OrderID, o.OrderNumber, o.Status, c.FirstName + ' ' + c.LastName AS CustomerName
                  FROM sales.Orders o
                  JOIN sales.Customers c ON c.CustomerID = o.CustomerID
                  WHERE o.OrderID = @orderId", new { orderId });
        }

        public int PlaceOrder(int customerId, DataTable lines, int storeId)
        {
            using var conn = new SqlConnection(_connectionString);
            using var cmd = new SqlCommand("sales.usp_PlaceOrder", conn) { CommandType = CommandType.StoredProcedure };
            cmd.Parameters.AddWithValue("@CustomerID", customerId);
            cmd.Parameters.AddWithValue("@Lines", lines);
            cmd.Parameters.AddWithValue("@StoreID", storeId);
            var orderId = cmd.Parameters.Add("@OrderID", SqlDbType.Int);
            orderId.Direction = ParameterDirection.Output;
            conn.Open();
            cmd.ExecuteNonQuery();
            return (int)orderId.Value;
        }

        public long NextOrderNumber()
        {
            using var conn = new SqlConnection(_connectionString);
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT NEXT VALUE FOR sales.OrderNumberSeq";
            conn.Open();
            return (long)cmd.ExecuteScalar();
        }

        public int InsertOrder(OrderDto order)
        {
            using var conn = new SqlConnection(_connectionString);
            const string sql = """
                INSERT INTO sales.Orders (OrderNumber, CustomerID, StoreID, OrderDate, Status, SubTotal, TaxAmt, Freight)
                VALUES (@OrderNumber, @CustomerID, @StoreID, SYSDATETIME(), 1, @SubTotal, @TaxAmt, @Freight);
                SELECT CAST(SCOPE_IDENTITY() AS int);
                """;
            return conn.ExecuteScalar<int>(sql, order);
        }

        public void LogError(SqlConnection conn, string context)
        {
            var cmd = new SqlCommand { Connection = conn, CommandType = CommandType.StoredProcedure, CommandText = "dbo.usp_LogError" };
            cmd.Parameters.AddWithValue("@Context", context);
            cmd.ExecuteNonQuery();
        }

        public int Archive(SqlConnection conn, string table, DateTime before)
        {
            // the table name comes from configuration: interpolated, so it is pasted into the SQL
            var cmd = new SqlCommand($"DELETE FROM sales.{table} WHERE ModifiedDate < @before", conn);
            cmd.Parameters.AddWithValue("@before", before);
            return cmd.ExecuteNonQuery();
        }

        public string StatusText(int status) => string.Format("Order status {0}: select an action", status);
    }
}
