using System.Linq;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Shop.Data
{
    public class ProductQueries
    {
        private readonly ShopContext _db;

        public ProductQueries(ShopContext db) => _db = db;

        public IQueryable<Product> InCategory(int categoryId) =>
            _db.Products.FromSqlRaw("SELECT * FROM sales.Products WHERE CategoryID = {0} AND Discontinued = 0", categoryId);

        public IQueryable<Product> Search(string name) =>
            _db.Products.FromSqlInterpolated($"SELECT * FROM sales.Products WHERE Name LIKE {name + "%"}");

        public int Reprice(int categoryId, decimal pct) =>
            _db.Database.ExecuteSqlRaw("EXEC sales.usp_RepriceCategory @CategoryID = {0}, @PercentChange = {1}", categoryId, pct);

        public string CatalogQuery(bool onlyActive, string sort)
        {
            var sb = new StringBuilder();
            sb.Append("SELECT ProductID, Name, ListPrice ");
            sb.Append("FROM sales.v_ProductCatalog ");
            if (onlyActive)
            {
                sb.Append("WHERE Discontinued = 0 ");
            }
            sb.Append("ORDER BY " + sort);
            return sb.ToString();
        }

        public decimal Tier(int customerId) =>
            _db.Database.SqlQuery<decimal>($"SELECT sales.fn_CustomerTier({customerId}) AS Value").Single();

        public string Title => "Update prices for the selected category";

        public int PurgeReviews() =>
            _db.Database.ExecuteSqlRaw(@"DELETE FROM sales.ProductReviews
WHERE Rating IS NULL AND ReviewDate < DATEADD(year, -2, SYSDATETIME())");
    }
}
