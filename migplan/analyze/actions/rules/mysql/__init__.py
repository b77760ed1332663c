"""mysql rules."""
