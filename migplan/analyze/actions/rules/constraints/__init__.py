"""constraints rules."""
