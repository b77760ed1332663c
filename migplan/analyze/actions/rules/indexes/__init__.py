"""indexes rules."""
