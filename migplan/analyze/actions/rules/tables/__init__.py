"""tables rules."""
