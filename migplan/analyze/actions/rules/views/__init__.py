"""views rules."""
