"""tsql rules."""
