"""Procedural code across engine families: routines and triggers rewritten from the procedural tree.

    convert_procedural(routine, ctx) -> ConvertedObject | None

One writer per (source grammar, target family) in ``WRITERS``; a pair without one returns None and
the object stays with the action catalog (COD001 and the construct rules). A writer either writes
the whole object or nothing: a construct it has no faithful rewrite for raises ``NotConverted`` with
its line, and the object goes to 05_held_back.sql with a COD002 item there (never half-right SQL).
"""

from __future__ import annotations

from collections.abc import Callable

from migplan.convert.context import ConvertContext
from migplan.convert.procedural.base import NotConverted
from migplan.convert.procedural.plsql_plpgsql import write_plpgsql
from migplan.model.conversion import ConvertedObject
from migplan.model.schema import Routine
from migplan.parse import procedural as pp
from migplan.parse.procedural.nodes import ProcUnit

__all__ = ["NotConverted", "convert_procedural"]

Writer = Callable[[ProcUnit, Routine, ConvertContext, ConvertedObject], None]

# (source engine family, target family) -> the writer; the kinds each writer takes
WRITERS: dict[tuple[str, str], Writer] = {
    ("oracle", "postgresql"): write_plpgsql,
}
KINDS = ("procedure", "function", "trigger")


def convert_procedural(obj: Routine, ctx: ConvertContext) -> ConvertedObject | None:
    writer = WRITERS.get((ctx.source.family, ctx.profile.family))
    if writer is None or obj.kind not in KINDS or obj.status == "unparsed" or not obj.body:
        return None
    schema, name = ctx.target_of(obj)
    conv = ConvertedObject(obj, schema, name)
    try:
        unit = pp.parse_routine_body(obj, ctx.source.name)
        if unit.errors:
            raise NotConverted(obj.location.line, f"the body is not fully understood ({unit.errors[0]})")
        writer(unit, obj, ctx, conv)
    except NotConverted as err:
        conv.converted = False
        conv.statements.clear()
        ctx.finding(conv, "COD002", f"{obj.kind} not converted: {err.reason}; convert it with SCT or by hand "
                    "(the rest of the body has a rewrite)", err.line)
    return conv
