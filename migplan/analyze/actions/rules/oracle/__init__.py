"""oracle rules."""
