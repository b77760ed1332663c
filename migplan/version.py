"""The kit version, written into every output (``migplan <version>``)."""

__version__ = "0.1.0"
