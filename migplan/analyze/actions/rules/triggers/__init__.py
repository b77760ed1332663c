"""triggers rules."""
