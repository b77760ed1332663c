"""MariaDB rules: its own syntax and what DMS does with it (Rule.engines = mariadb)."""
