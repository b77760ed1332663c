"""Sequences: options mapped; options the target lacks are dropped with a note."""

from __future__ import annotations

from migplan.convert.context import ConvertContext
from migplan.convert.tables import serial_default
from migplan.model.conversion import ConvertedObject, TargetStatement
from migplan.model.schema import Sequence


def convert_sequence(seq: Sequence, ctx: ConvertContext) -> ConvertedObject:
    schema, name = ctx.target_of(seq)
    conv = ConvertedObject(seq, schema, name)
    p = ctx.profile
    line = seq.location.line
    if not p.has_create_sequence and _feeds_auto_increment(seq, ctx):
        return conv  # a PostgreSQL serial's sequence: its column is written AUTO_INCREMENT instead
    if not p.has_create_sequence and p.identity_clause == "redshift":
        ctx.finding(conv, "RSH009", f"{p.display} has no sequences: use an IDENTITY column on the table it feeds, "
                    "or compute keys in the load", line)
        conv.converted = False
        return conv
    if not p.has_create_sequence:
        ctx.finding(conv, "SEQ001", "MySQL has no sequence objects: use AUTO_INCREMENT on the column it feeds, "
                    "or a one-row counter table updated with LAST_INSERT_ID(expr)", line)
        conv.converted = False
        return conv
    parts = [f"CREATE SEQUENCE {p.qualified(schema, name)}"]
    if p.sequence_type:
        parts.append(f"AS {p.sequence_type}")
    if seq.start is not None:
        parts.append(f"START WITH {seq.start}")
    if seq.increment is not None:
        parts.append(f"INCREMENT BY {seq.increment}")
    if seq.min_value is not None:
        parts.append(f"MINVALUE {seq.min_value}")
    if seq.max_value is not None:
        value = seq.max_value
        if p.sequence_max is not None and _beyond(value, p.sequence_max):
            ctx.finding(conv, "SEQ002", f"MAXVALUE {value} exceeds {p.sequence_type}: written as the "
                        f"{p.sequence_type} maximum", line)
            value = str(p.sequence_max)
        parts.append(f"MAXVALUE {value}")
    if seq.cache not in (None, "0"):
        parts.append(f"CACHE {seq.cache}")
    if seq.cycle:
        parts.append("CYCLE")
    dropped = []  # NOCACHE and ORDER need nothing: the target caches one value and hands them out in order
    for opt in ("KEEP", "SCALE", "EXTEND", "SESSION", "GLOBAL", "SHARD"):
        if opt in seq.options:
            dropped.append(opt)
    if dropped:
        ctx.finding(conv, "SEQ002", "sequence options dropped: " + "; ".join(dropped), line)
    ctx.finding(conv, "SEQ003", "after the data load, restart this sequence above the source's current value "
                "(DMS does not move sequence state); the plan's cutover step generates the statement", line)
    sql = " ".join(parts)
    conv.statements.append(TargetStatement("sequence", sql, name, None, line, {"sequence": (schema, name)}))
    return conv


def _beyond(value: str, limit: int) -> bool:
    try:
        return abs(int(value)) > limit
    except ValueError:
        return False


def _feeds_auto_increment(seq: Sequence, ctx: ConvertContext) -> bool:
    """A sequence only column defaults take values from, with nextval('seq') (pg_dump's serial and
    bigserial, OWNED BY or not): on MySQL those columns become AUTO_INCREMENT instead."""
    users = []
    for t in ctx.inventory.tables:
        if t.partition_of:
            continue  # partitions repeat their parent's default
        for col in t.columns:
            used = serial_default(col)
            if used and used.split(".")[-1].strip('"').lower() == seq.name.lower():
                users.append((t, col))
    return len(users) == 1
