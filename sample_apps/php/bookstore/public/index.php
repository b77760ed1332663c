<!DOCTYPE html>
<html>
<head><title>Bookstore</title></head>
<body>
<h1>Select a book</h1>
<p>Insert coin to continue. SELECT * FROM books is not run here: this is HTML.</p>
<?php
require __DIR__ . '/../src/BookRepository.php';
$repo = new Bookstore\BookRepository(new PDO('mysql:host=localhost;dbname=bookstore', 'web', getenv('DB_PASSWORD')));
$count = $repo->pdoCount ?? 0;
?>
<ul>
<?php foreach ($repo->byAuthor(1) as $book): ?>
  <li><?= htmlspecialchars($book['title']) ?></li>
<?php endforeach; ?>
</ul>
</body>
</html>
