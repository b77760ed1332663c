"""fdm rules."""
