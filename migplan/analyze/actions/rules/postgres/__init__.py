"""postgres rules."""
