"""The order in which converted statements can be applied to an empty target: schemas, types,
sequences, tables with their primary keys, unique keys, checks, foreign keys, indexes, comments,
then views (which may need several passes when views read views)."""

from __future__ import annotations

from migplan.model.conversion import Conversion, TargetStatement

ORDER = [
    "schema",
    "extension",
    "type",
    "sequence",
    "table",
    "primary key",
    "unique",
    "check",
    "foreign key",
    "index",
    "comment",
]
VIEW_KINDS = ("view", "materialized view", "synonym")


def application_order(conversion: Conversion) -> list[tuple[str, TargetStatement]]:
    """(converted object key, statement) pairs; views last, in source order."""
    steps: list[tuple[str, TargetStatement]] = [("schema", s) for s in conversion.prelude]
    by_kind: dict[str, list[tuple[str, TargetStatement]]] = {}
    for conv in conversion.objects:
        for st in conv.statements:
            by_kind.setdefault(st.kind, []).append((conv.key, st))
    for kind in ORDER:
        steps.extend(by_kind.pop(kind, []))
    for kind in VIEW_KINDS:
        steps.extend(by_kind.pop(kind, []))
    for rest in by_kind.values():
        steps.extend(rest)
    return steps
