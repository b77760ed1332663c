<?php
declare(strict_types=1);

namespace Bookstore;

use PDO;

/**
 * Books and stock, on PDO (MySQL).
 * Example: SELECT * FROM books WHERE isbn13 = ?
 */
final class BookRepository
{
    private const BOOK_COLUMNS = 'b.id, b.isbn13, b.title, b.price, b.published_on';
    private const BY_ISBN = 'SELECT ' . self::BOOK_COLUMNS . ' FROM books b WHERE b.isbn13 = :isbn';

    public function __construct(private PDO $pdo)
    {
    }

    public function findByIsbn(string $isbn): ?array
    {
        $stmt = $this->pdo->prepare(self::BY_ISBN);
        $stmt->execute(['isbn' => $isbn]);
        return $stmt->fetch(PDO::FETCH_ASSOC) ?: null;
    }

    public function byAuthor(int $authorId): array
    {
        $sql = <<<SQL
            SELECT b.title, a.last_name, ba.role
              FROM books b
              JOIN book_authors ba ON ba.book_id = b.id
              JOIN authors a ON a.id = ba.author_id
             WHERE a.id = ?
             ORDER BY b.published_on DESC
            SQL;
        $stmt = $this->pdo->prepare($sql);
        $stmt->execute([$authorId]);
        return $stmt->fetchAll();
    }

    public function lowStock(int $storeId): array
    {
        // nowdoc: no interpolation, $storeId stays text here and is bound below
        $sql = <<<'SQL'
        SELECT i.book_id, i.quantity, i.reorder_level FROM inventory i
        WHERE i.store_id = :store AND i.quantity <= i.reorder_level
        SQL;
        $stmt = $this->pdo->prepare($sql);
        $stmt->bindValue(':store', $storeId, PDO::PARAM_INT);
        $stmt->execute();
        return $stmt->fetchAll();
    }

    public function restock(int $storeId, int $extra): void
    {
        $this->pdo->exec("CALL sp_restock_low_inventory($storeId, $extra, @rows)");
    }

    public function search(string $term, string $orderBy): array
    {
        $sql = "SELECT id, title, price FROM books WHERE title LIKE " . $this->pdo->quote('%' . $term . '%');
        $sql .= " ORDER BY " . $orderBy;
        return $this->pdo->query($sql)->fetchAll();
    }

    public function priceWithVat(int $bookId): string
    {
        $stmt = $this->pdo->query(sprintf("SELECT fn_price_with_vat(price, 'EU') FROM books WHERE id = %d", $bookId));
        return (string) $stmt->fetchColumn();
    }

    public function reviewsFor(int $bookId): array
    {
        $stmt = $this->pdo->prepare('SELECT r.rating, r.title, r.body FROM reviews r '
            . 'WHERE r.book_id = ? AND r.is_verified_purchase = 1 '
            . 'ORDER BY r.helpful_votes DESC LIMIT 20');
        $stmt->execute([$bookId]);
        return $stmt->fetchAll();
    }

    public function label(): string
    {
        return 'Select a book to update its price';
    }
}
