<?php
// Old mysqli code, still used by the nightly export.
require __DIR__ . '/config.php';

$link = mysqli_connect($host, $user, $password, 'bookstore');
# SELECT * FROM orders -- the old export read everything

$since = mysqli_real_escape_string($link, $_GET['since'] ?? '2024-01-01');
$result = mysqli_query($link, "SELECT o.id, o.total, o.status FROM orders o WHERE o.ordered_at >= '$since'");
while ($row = mysqli_fetch_assoc($result)) {
    echo "Order {$row['id']}: {$row['total']}\n";
}

$update = 'UPDATE orders SET status = \'shipped\' WHERE status = \'paid\' AND id = ?';
$stmt = mysqli_prepare($link, $update);
mysqli_stmt_bind_param($stmt, 'i', $orderId);

$mysqli = new mysqli($host, $user, $password, 'bookstore');
$mysqli->query("DELETE FROM sessions WHERE last_activity < UNIX_TIMESTAMP() - 86400");
$mysqli->query('INSERT INTO audit_log (table_name, action, changed_by) VALUES (\'orders\', \'UPDATE\', \'export\')');

echo 'Delete from the cart? Update your details.';
