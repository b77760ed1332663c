"""CREATE SEQUENCE (and the ALTER SEQUENCE forms that change a sequence's options)."""

from __future__ import annotations

from migplan.model.schema import Sequence
from migplan.parse.context import ParseContext
from migplan.parse.tokens import ParseError, TokenStream

# option words -> field; value-taking options read a (signed) number
_VALUED = {
    ("START", "WITH"): "start", ("START",): "start", ("INCREMENT", "BY"): "increment", ("INCREMENT",): "increment",
    ("MINVALUE",): "min_value", ("MAXVALUE",): "max_value", ("CACHE",): "cache", ("RESTART", "WITH"): "restart",
    ("RESTART",): "restart",
}
_FLAGS = {
    ("NO", "MINVALUE"): ("min_value", None), ("NOMINVALUE",): ("min_value", None),
    ("NO", "MAXVALUE"): ("max_value", None), ("NOMAXVALUE",): ("max_value", None),
    ("NOCACHE",): ("cache", "0"), ("NO", "CACHE"): ("cache", "0"),
    ("CYCLE",): ("cycle", True), ("NOCYCLE",): ("cycle", False), ("NO", "CYCLE"): ("cycle", False),
    ("ORDER",): ("order", True), ("NOORDER",): ("order", False), ("NO", "ORDER"): ("order", False),
}
_KEPT_FLAGS = ("KEEP", "NOKEEP", "SCALE", "NOSCALE", "EXTEND", "NOEXTEND", "SESSION", "GLOBAL", "SHARD",
               "NOSHARD", "UNLOGGED", "LOGGED")


def parse_create_sequence(ts: TokenStream, word_index: int, ctx: ParseContext) -> Sequence:
    ts.i = word_index + 1
    ts.accept("IF", "NOT", "EXISTS")
    name = ts.name()
    schema, obj, quoted, extra = ctx.qualify(name)
    seq = Sequence(kind="sequence", schema=schema, name=obj, location=ctx.location(), quoted=quoted)
    seq.attrs.update(extra)
    read_sequence_options(ts, seq, ctx)
    return seq


def read_sequence_options(ts: TokenStream, seq: Sequence, ctx: ParseContext) -> None:
    while not ts.at_end:
        if ts.accept(","):
            continue
        if ts.accept("AS"):
            start = ts.i
            from migplan.parse.types import read_type

            read_type(ts)
            seq.data_type = ts.span_text(start, ts.i)
            continue
        if ts.accept("OWNED", "BY"):
            seq.owned_by = str(ts.name())
            continue
        if ts.at("ENGINE") and ts.up(1) == "=":  # MariaDB: a sequence is a table of its storage engine
            ts.i += 2
            seq.options["ENGINE"] = ts.next().text
            continue
        if ts.accept("OWNER", "TO"):  # pg_dump writes one for every sequence, as for tables
            seq.attrs["owner"] = ts.next().text
            continue
        if ts.at("SHARING") and ts.up(1) == "=":
            ts.i += 2
            seq.options["SHARING"] = ts.next().text
            continue
        for words, field_name in sorted(_VALUED.items(), key=lambda kv: -len(kv[0])):
            if ts.at(*words) and _number_follows(ts, len(words)):
                ts.i += len(words)
                value = _signed(ts)
                if field_name == "restart":
                    seq.options["RESTART"] = value
                else:
                    setattr(seq, field_name, value)
                break
        else:
            for words, (field_name, flag) in sorted(_FLAGS.items(), key=lambda kv: -len(kv[0])):
                if ts.accept(*words):
                    setattr(seq, field_name, flag)
                    if words[0] in ("NOCACHE",) or words == ("NO", "CACHE"):
                        seq.options["NOCACHE"] = "true"
                    break
            else:
                word = ts.accept_any(*_KEPT_FLAGS)
                if word:
                    seq.options[word] = "true"
                    continue
                if ts.accept("RESTART"):
                    seq.options["RESTART"] = "true"
                    continue
                t = ts.current()
                raise ParseError(f"unknown sequence option {t.text!r}", t.start)


def _number_follows(ts: TokenStream, k: int) -> bool:
    t = ts.peek(k)
    if t is None:
        return False
    if t.kind == "number":
        return True
    if t.text in ("-", "+"):
        nxt = ts.peek(k + 1)
        return nxt is not None and nxt.kind == "number"
    return False


def _signed(ts: TokenStream) -> str:
    sign = "-" if ts.accept("-") else ""
    ts.accept("+")
    return sign + ts.next().text
