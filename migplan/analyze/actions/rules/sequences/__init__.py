"""sequences rules."""
