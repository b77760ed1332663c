"""verify rules."""
