"""input rules."""
