"""dms rules."""
