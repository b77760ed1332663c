"""Rule modules, one per action code, grouped by family folder (types/, oracle/, tsql/ ...)."""
