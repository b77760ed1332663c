// Package inventory keeps the bookstore's stock levels (database/sql with the MySQL driver).
package inventory

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

const (
	stockColumns = "i.book_id, i.store_id, i.quantity, i.reorder_level"
	// lowStock lists what needs ordering: SELECT ... FROM inventory
	lowStock = "SELECT " + stockColumns + " FROM inventory i WHERE i.store_id = ? AND i.quantity <= i.reorder_level"
)

// Stock is one row of the inventory table.
type Stock struct {
	BookID   int64  `db:"book_id" json:"bookId"`
	StoreID  int    `db:"store_id"`
	Quantity int    `db:"quantity"`
	Shelf    string `db:"shelf"`
}

type Store struct {
	db *sql.DB
}

func (s *Store) LowStock(ctx context.Context, storeID int) ([]Stock, error) {
	rows, err := s.db.QueryContext(ctx, lowStock, storeID)
	if err != nil {
		return nil, fmt.Errorf("select low stock for store %d: %w", storeID, err)
	}
	defer rows.Close()
	var out []Stock
	for rows.Next() {
		var st Stock
		if err := rows.Scan(&st.BookID, &st.StoreID, &st.Quantity, &st.Shelf); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

func (s *Store) Adjust(ctx context.Context, bookID int64, storeID int, delta int) error {
	_, err := s.db.ExecContext(ctx, `
		UPDATE inventory
		   SET quantity = quantity + ?, last_counted = CURRENT_DATE
		 WHERE book_id = ? AND store_id = ?`, delta, bookID, storeID)
	return err
}

func (s *Store) Price(bookID int64) (float64, error) {
	var price float64
	err := s.db.QueryRow("SELECT fn_price_with_vat(price, 'EU') FROM books WHERE id = ?", bookID).Scan(&price)
	return price, err
}

func (s *Store) PlaceOrder(ctx context.Context, customerID, bookID int64, qty, storeID int) (int64, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "CALL sp_place_order(?, ?, ?, ?, NULL, @order_id)",
		customerID, bookID, qty, storeID); err != nil {
		return 0, err
	}
	var orderID int64
	if err := tx.QueryRowContext(ctx, "SELECT @order_id").Scan(&orderID); err != nil {
		return 0, err
	}
	return orderID, tx.Commit()
}

func (s *Store) Snapshot(table string, at time.Time) error {
	query := fmt.Sprintf("INSERT INTO %s_snapshots SELECT *, '%s' FROM %s", table, at.Format("2006-01-02"), table)
	_, err := s.db.Exec(query)
	return err
}

func (s *Store) Prepared() (*sql.Stmt, error) {
	return s.db.Prepare("INSERT INTO price_history (book_id, old_price, new_price, changed_at) VALUES (?, ?, ?, NOW())")
}

func describe() string {
	return "Update the stock, then select a store"
}
