"""Aurora as a source: what Aurora MySQL and Aurora PostgreSQL have that their engine family does not (Rule.engines)."""
