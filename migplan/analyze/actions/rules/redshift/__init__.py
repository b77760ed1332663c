"""Amazon Redshift as a target: what a warehouse source meets there (keys not enforced, no indexes,
triggers or sequences, byte-length strings, distribution and sort keys)."""
