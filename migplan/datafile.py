"""Strict checking of the kit's TOML data files: a data file describes itself with a small schema,
and a misspelled or unknown key, a missing key, a value of the wrong type or a page key that the
file's [pages] table does not define is an error when the file is loaded, never silently ignored.

Schema notation: a dict is a table with exactly those keys (a key ending in ``?`` is optional;
with ``ANY`` among them, any other key is allowed and takes ``ANY``'s shape); ``[shape]`` a
non-empty list; a tuple the allowed values; ``PAGE`` a key of [pages]; a type (str, int, bool) a
value of that type; ``OneOf(a, b)`` either shape.
"""

from __future__ import annotations

PAGE = "page"
ANY = "*"


class OneOf:
    """A value of any of these shapes (a type name or a list of them, say)."""

    def __init__(self, *shapes: object) -> None:
        self.shapes = shapes


class DataFileError(ValueError):
    """A data file does not match its schema."""


def check(data: object, schema: object, where: str, pages: dict) -> None:
    """Raise DataFileError unless ``data`` has exactly the shape ``schema`` describes."""
    if isinstance(schema, dict):
        if not isinstance(data, dict):
            raise DataFileError(f"{where}: expected a table, got {type(data).__name__}")
        if ANY in schema:  # named keys take their own shape (and must be there), the rest ANY's
            named = {k for k in schema if k != ANY}
            missing = sorted(named - set(data))
            if missing:
                raise DataFileError(f"{where}: missing keys {missing}")
            for key, value in data.items():
                check(value, schema[key] if key in named else schema[ANY], f"{where}.{key}", pages)
            return
        optional = {k[:-1] for k in schema if k.endswith("?")}
        keys = {k.rstrip("?") for k in schema}
        unknown = sorted(set(data) - keys)
        missing = sorted(keys - optional - set(data))
        if unknown or missing:
            raise DataFileError(f"{where}: unknown keys {unknown}, missing keys {missing}")
        for key, sub in schema.items():
            name = key.rstrip("?")
            if name in data:
                check(data[name], sub, f"{where}.{name}", pages)
    elif isinstance(schema, OneOf):
        errors = []
        for shape in schema.shapes:
            try:
                check(data, shape, where, pages)
                return
            except DataFileError as err:
                errors.append(str(err))
        raise DataFileError(" or ".join(errors))
    elif isinstance(schema, list):
        if not isinstance(data, list) or not data:
            raise DataFileError(f"{where}: expected a non-empty list")
        for n, value in enumerate(data):
            check(value, schema[0], f"{where}[{n}]", pages)
    elif isinstance(schema, tuple):
        if data not in schema:
            raise DataFileError(f"{where}: {data!r} is not one of {', '.join(map(str, schema))}")
    elif schema == PAGE:
        if data not in pages:
            raise DataFileError(f"{where}: {data!r} is not a key of [pages]")
    elif schema is int:
        if not isinstance(data, int) or isinstance(data, bool):
            raise DataFileError(f"{where}: expected an integer")
    elif isinstance(schema, type):
        if not isinstance(data, schema):
            raise DataFileError(f"{where}: expected {schema.__name__}, got {type(data).__name__}")
    else:
        raise DataFileError(f"{where}: the schema entry {schema!r} is not a shape migplan knows")
