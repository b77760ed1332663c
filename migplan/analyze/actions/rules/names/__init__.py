"""names rules."""
