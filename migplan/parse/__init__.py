"""Parsers that read one statement's tokens into model objects (sqlglot for expressions and queries)."""
