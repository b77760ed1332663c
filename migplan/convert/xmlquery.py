"""SQL Server xml methods in views, for PostgreSQL's xpath() (XPath 1.0 with namespace arrays).

    col.value('declare default element namespace "U"; (/Survey/Sales)[1]', 'money')
        -> (SELECT mig_v FROM XMLTABLE(XMLNAMESPACES('U' AS d), '(/d:Survey/d:Sales)[1]' PASSING col
            COLUMNS mig_v numeric(19,4) PATH '.') LIMIT 1)
    CROSS APPLY col.nodes('declare ...; /root/Location') T(ref)
        -> JOIN LATERAL UNNEST(XPATH('/d:root/d:Location', col, ...)) AS T(ref) ON TRUE
    T.ref.value('@LotSize[1]', 'int')  (a node from nodes(): paths are relative to that element)
        -> ... XMLTABLE('/*/@LotSize[1]' PASSING T.ref ...) ...

XMLTABLE returns values unescaped and typed, NULL when the node is absent: SQL Server's value().
Only what XPath 1.0 can say is converted: a prolog of namespace declarations, then one path
expression (steps, predicates, text(), @attributes, string(.)). FLWOR expressions, XQuery
functions and constructors return None and the view stays unconverted with its item.
"""

from __future__ import annotations

import re

_PROLOG = re.compile(r'^\s*declare\s+(default\s+element\s+namespace|namespace\s+([A-Za-z_][\w.-]*)\s*=)\s*'
                     r'(["\'])(.*?)\3\s*;', re.I | re.S)
_NAME = re.compile(r"[A-Za-z_][\w.\-]*")
_XPATH_FUNCS = {"text", "node", "string", "number", "count", "position", "last", "name", "local-name",
                "contains", "starts-with", "concat", "normalize-space", "not", "true", "false", "sum"}
_UNSUPPORTED = re.compile(r"\b(for|let|return|where|order\s+by|if|then|else|some|every|instance\s+of|"
                          r"sql:column|sql:variable|data)\b|\{|\}", re.I)
DEFAULT_PREFIX = "d"


def translate(text: str, relative_to_node: bool, for_value: bool) -> tuple[str, list[tuple[str, str]]] | None:
    """(XPath 1.0 expression, [(prefix, uri)]) for an XQuery path, or None when it is more than a path."""
    namespaces: list[tuple[str, str]] = []
    default = None
    rest = text
    while True:
        m = _PROLOG.match(rest)
        if not m:
            break
        if m.group(2):
            namespaces.append((m.group(2), m.group(4)))
        else:
            default = m.group(4)
        rest = rest[m.end():]
    path = " ".join(rest.split())
    if not path or _UNSUPPORTED.search(path):
        return None
    if default is not None:
        if any(p == DEFAULT_PREFIX for p, _ in namespaces):
            return None
        namespaces.append((DEFAULT_PREFIX, default))
        path = _prefix_elements(path)
        if path is None:
            return None
    if relative_to_node:
        path = _from_element(path)
    if for_value:
        path = _text_of(path)
    return path, namespaces


def _prefix_elements(path: str) -> str | None:
    """Give unprefixed element name tests the default namespace's prefix (XPath 1.0 has no default)."""
    out = []
    i = 0
    while i < len(path):
        ch = path[i]
        if ch in "'\"":
            j = path.find(ch, i + 1)
            if j < 0:
                return None
            out.append(path[i:j + 1])
            i = j + 1
            continue
        m = _NAME.match(path, i)
        if m and (i == 0 or not (path[i - 1].isalnum() or path[i - 1] in "_.-")):
            name = m.group(0)
            before = path[i - 1] if i else ""
            after = path[m.end():].lstrip()
            is_func = after.startswith("(")
            is_prefix = after.startswith(":") and not after.startswith("::")
            is_axis = after.startswith("::")
            prefixed = before == ":"
            if before == "@" or is_func or is_prefix or is_axis or prefixed or name in ("and", "or", "div", "mod"):
                out.append(name)
            else:
                out.append(f"{DEFAULT_PREFIX}:{name}")
            i = m.end()
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _from_element(path: str) -> str:
    """A path relative to a node from nodes(): XPath on that node starts at its document, whose
    only child is the node itself."""
    lead = len(path) - len(path.lstrip("("))
    body = path[lead:]
    if body.startswith("/"):
        return path
    if body.startswith("string(.)"):
        return "/*"  # the node's string value: what XMLTABLE's PATH '.' reads
    if body.startswith("."):
        body = body[1:].lstrip("/")
    return path[:lead] + "/*/" + body


def _text_of(path: str) -> str:
    """value() returns the atomic value: the text node of an element (NULL when absent), an
    attribute's value, or a string() result as it is."""
    core = path.strip()
    if core.startswith("string(") or re.search(r"(text\(\)|@[\w.:-]+)(\[\d+\])?\)?(\[\d+\])?$", core):
        return core
    return f"{core}/text()"


def xpath_call(xpath: str, context_sql: str, namespaces: list[tuple[str, str]]) -> str:
    quoted = xpath.replace("'", "''")
    ns = ", ".join(f"ARRAY['{p}', '{u.replace(chr(39), chr(39) * 2)}']" for p, u in namespaces)
    return f"XPATH('{quoted}', {context_sql}" + (f", ARRAY[{ns}])" if ns else ")")


def value_query(xpath: str, context_sql: str, namespaces: list[tuple[str, str]], target_type: str) -> str:
    """A scalar subquery with XMLTABLE: the first node's value, unescaped, cast to the type."""
    quoted = xpath.replace("'", "''")
    ns = ", ".join(f"'{u.replace(chr(39), chr(39) * 2)}' AS {p}" for p, u in namespaces)
    spaces = f"XMLNAMESPACES({ns}), " if ns else ""
    return (f"SELECT mig_v FROM XMLTABLE({spaces}'{quoted}' PASSING {context_sql} "
            f"COLUMNS mig_v {target_type} PATH '.') LIMIT 1")
