"""MyBatis XML mappers: the SQL of ``<select>``, ``<insert>``, ``<update>``, ``<delete>`` (and of a
``<selectKey>`` inside them), read with expat (the standard library's XML parser; no DTD is fetched).

Dynamic SQL is flattened the way MyBatis writes it for one iteration with every condition true:
``<include refid>`` pastes the ``<sql>`` fragment, ``<where>``/``<set>``/``<trim>`` add their keyword
and drop the leading ``AND``/``OR`` or trailing comma, ``<foreach>`` writes ``open``, one item and
``close``, ``<choose>`` takes its first ``<when>``. Such a statement is built at run time: its
construction is ``dynamic``. ``#{x}`` is a bind placeholder, ``${x}`` pasted text (a splice).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.parsers import expat

STATEMENT_TAGS = ("select", "insert", "update", "delete")
_DYNAMIC_TAGS = {"if", "choose", "when", "otherwise", "where", "set", "trim", "foreach", "bind"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    column: int
    children: list[Node | str] = field(default_factory=list)


@dataclass
class MapperStatement:
    tag: str
    id: str
    line: int
    column: int
    sql: str
    dynamic: bool


def is_mapper(text: str) -> bool:
    head = text[:4000]
    return "<mapper" in head and ("mybatis" in head.lower() or "namespace=" in head)


def read_mapper(text: str) -> tuple[list[MapperStatement], list[tuple[int, str]]]:
    root, problems = _parse(text)
    if root is None:
        return [], problems
    fragments = {n.attrs.get("id", ""): n for n in root.children if isinstance(n, Node) and n.tag == "sql"}
    out: list[MapperStatement] = []
    for node in root.children:
        if isinstance(node, Node) and node.tag in STATEMENT_TAGS:
            flags: set[str] = set()
            for key in (n for n in node.children if isinstance(n, Node) and n.tag == "selectKey"):
                kflags: set[str] = set()
                out.append(MapperStatement("selectKey", node.attrs.get("id", ""), key.line, key.column,
                                           _text(key, fragments, kflags, 0).strip(), bool(kflags)))
            sql = _text(node, fragments, flags, 0)
            out.append(MapperStatement(node.tag, node.attrs.get("id", ""), node.line, node.column,
                                       _tidy(sql), bool(flags)))
    return out, problems


def _parse(text: str) -> tuple[Node | None, list[tuple[int, str]]]:
    parser = expat.ParserCreate()
    stack: list[Node] = [Node("#document", {}, 1, 0)]

    def start(name: str, attrs: dict[str, str]) -> None:
        node = Node(name, attrs, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)
        stack[-1].children.append(node)
        stack.append(node)

    def end(name: str) -> None:
        stack.pop()

    def chars(data: str) -> None:
        kids = stack[-1].children
        if kids and isinstance(kids[-1], str):
            kids[-1] += data
        else:
            kids.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(text, True)
    except expat.ExpatError as err:
        return None, [(err.lineno, f"not well-formed XML: {expat.ErrorString(err.code)} (column {err.offset + 1})")]
    root = next((n for n in stack[0].children if isinstance(n, Node)), None)
    return root, []


def _text(node: Node, fragments: dict[str, Node], flags: set[str], depth: int) -> str:
    parts: list[str] = []
    for kid in node.children:
        if isinstance(kid, str):
            parts.append(kid)
            continue
        parts.append(_element(kid, fragments, flags, depth))
    return _join(parts)


def _join(parts: list[str]) -> str:
    """Text and flattened elements, one space where an element meets a word (no doubled blanks)."""
    out = ""
    for p in parts:
        if not p:
            continue
        if out and not out[-1].isspace() and not p[0].isspace():
            out += " "
        out += p
    return out


def _element(kid: Node, fragments: dict[str, Node], flags: set[str], depth: int) -> str:
    """A dynamic-SQL element flattened (see the module docstring)."""
    tag = kid.tag
    if tag == "selectKey" or tag == "bind":
        if tag == "bind":
            flags.add("dynamic")
        return ""
    if tag in _DYNAMIC_TAGS:
        flags.add("dynamic")
    if tag == "include":
        ref = kid.attrs.get("refid", "")
        frag = fragments.get(ref) or fragments.get(ref.rsplit(".", 1)[-1])
        if frag is not None and depth < 10:
            return _text(frag, fragments, flags, depth + 1).strip()
        flags.add("dynamic")
        return f"${{include:{ref}}}"
    if tag == "choose":
        whens = [k for k in kid.children if isinstance(k, Node) and k.tag in ("when", "otherwise")]
        return _text(whens[0], fragments, flags, depth).strip() if whens else ""
    body = _text(kid, fragments, flags, depth)
    if tag == "where":
        body = _trim(body, prefix="WHERE", overrides=("AND ", "OR "))
    elif tag == "set":
        body = _trim(body, prefix="SET", suffix_overrides=(",",))
    elif tag == "trim":
        body = _trim(body, kid.attrs.get("prefix", ""), _split(kid.attrs.get("prefixOverrides")),
                     kid.attrs.get("suffix", ""), _split(kid.attrs.get("suffixOverrides")))
    elif tag == "foreach":
        body = kid.attrs.get("open", "") + body.strip() + kid.attrs.get("close", "")
    return body.strip()


def _split(attr: str | None) -> tuple[str, ...]:
    return tuple(p for p in (attr or "").split("|") if p)


def _trim(body: str, prefix: str = "", overrides: tuple[str, ...] = (), suffix: str = "",
          suffix_overrides: tuple[str, ...] = ()) -> str:
    s = body.strip()
    if not s:
        return ""
    for o in overrides:
        if s.upper().startswith(o.upper().strip()) and (len(s) == len(o.strip()) or not s[len(o.strip())].isalnum()):
            s = s[len(o.strip()):].lstrip()
            break
    for o in suffix_overrides:
        if s.upper().endswith(o.upper().strip()):
            s = s[:len(s) - len(o.strip())].rstrip()
            break
    return f"{prefix} {s} {suffix}".strip()


def _tidy(sql: str) -> str:
    """Lines as written, without the blank lines and common indentation the XML layout adds."""
    lines = [ln.rstrip() for ln in sql.split("\n")]
    lines = [ln for ln in lines if ln.strip()]
    indent = min((len(ln) - len(ln.lstrip()) for ln in lines), default=0)
    return "\n".join(ln[indent:] for ln in lines).strip()
