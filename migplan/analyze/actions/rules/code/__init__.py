"""code rules."""
