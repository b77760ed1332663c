"""Parse/inventory stage: statements become objects (tables, views, routines...) with their parts."""

from migplan.inventory.build import load_schema, load_text
from migplan.inventory.inventory import Inventory

__all__ = ["Inventory", "load_schema", "load_text"]
