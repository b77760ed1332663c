"""The one reader of the connection strings users give (``--verify-dsn``, ``MIGPLAN_VERIFY_DSN``,
``a.verify(dsn=...)``), and the one place that hides their passwords.

Forms read:

- URLs: ``postgresql://`` and ``postgres://`` (libpq's URI form, ``?host=/socket/dir`` and any libpq
  parameter in the query string), ``mysql://`` and ``mariadb://``; the password may be in the user
  part or in the query string (``?password=...``).
- libpq's keyword form: ``host=db.example port=5432 user=app password='s3 cr3t' dbname=app``.

A DSN's ``str()``/``repr()`` never show the password, and :func:`mask` removes every spelling of it
(and anything that looks like a password parameter) from a text, such as an engine's error message
that echoes the connection string back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from migplan.errors import MigplanError

DEFAULT_CONNECT_TIMEOUT = 10.0  # seconds: a server that accepts TCP and never answers must not hang a run

# URL scheme -> engine family
SCHEMES = {"postgresql": "postgresql", "postgres": "postgresql", "mysql": "mysql", "mariadb": "mysql"}
PASSWORD_KEYS = ("password", "passwd", "pwd")
_MASK = "***"
_KEYWORD = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*")
# what a password looks like in any text, whatever DSN it came from
_PASSWORD_PARAM = re.compile(r"(?i)\b(password|passwd|pwd)(\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s&;,)]*)")
_URL_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^:/@\s]*):[^\s/?#]*@")
# keys each family's URL may carry in its query string; libpq takes any of its own parameters
_MYSQL_QUERY_KEYS = {"host", "port", "user", "dbname", "database", "charset", "connect_timeout"} | set(PASSWORD_KEYS)


class DSNError(MigplanError):
    """A connection string that cannot be read (the message never contains the password)."""


class ConnectError(MigplanError):
    """A server that cannot be reached or logged into (the message never contains the password)."""


@dataclass(frozen=True, repr=False)
class DSN:
    family: str | None  # postgresql | mysql | None (keyword form: whichever engine the target needs)
    host: str | None = None
    port: str | None = None
    user: str | None = None
    password: str | None = None
    database: str | None = None
    options: tuple[tuple[str, str], ...] = ()  # other parameters, in the order given (sslmode, ...)
    secrets: tuple[str, ...] = field(default=(), compare=False)  # every spelling of the password seen

    def __str__(self) -> str:
        return self.masked()

    def __repr__(self) -> str:
        return f"DSN({self.masked()!r})"

    def masked(self) -> str:
        """The DSN as a URL with the password replaced by ***."""
        scheme = self.family or "postgresql"
        auth = ""
        if self.user is not None or self.password is not None:
            auth = quote(self.user or "", safe="")
            if self.password is not None:
                auth += ":" + _MASK
            auth += "@"
        host = self.host or ""
        query = [(k, v) for k, v in self.options]
        if host.startswith("/"):  # a socket directory goes in the query string
            query.insert(0, ("host", host))
            host = ""
        elif ":" in host and not host.startswith("["):
            host = f"[{host}]"
        netloc = auth + host + (f":{self.port}" if self.port else "")
        text = f"{scheme}://{netloc}/{quote(self.database or '', safe='')}"
        if query:
            text += "?" + "&".join(f"{quote(k, safe='')}={quote(v, safe='/')}" for k, v in query)
        return text

    def mask(self, text: str) -> str:
        return mask(text, self)

    def with_database(self, name: str) -> DSN:
        return replace(self, database=name)

    def option(self, key: str) -> str | None:
        return next((v for k, v in self.options if k == key), None)

    def psycopg_kwargs(self, connect_timeout: float | None = None) -> dict[str, str]:
        """Keyword arguments for psycopg.connect (libpq parameters)."""
        out = {k: v for k, v in (("host", self.host), ("port", self.port), ("user", self.user),
                                 ("password", self.password), ("dbname", self.database)) if v is not None}
        out.update(self.options)
        if connect_timeout is not None:
            # libpq counts whole seconds and never less than 2
            out["connect_timeout"] = str(max(2, round(connect_timeout)))
        return out

    def pymysql_kwargs(self, connect_timeout: float | None = None) -> dict:
        """Keyword arguments for pymysql.connect."""
        unknown = sorted(k for k, _v in self.options if k not in _MYSQL_QUERY_KEYS)
        if unknown:
            raise DSNError(f"MySQL DSNs do not take {', '.join(unknown)}; give host, port, user, password and "
                           "database, e.g. mysql://user:***@host:3306/")
        out: dict = {"host": self.host or "127.0.0.1", "user": self.user or "root", "password": self.password or ""}
        if self.host and self.host.startswith("/"):
            out = {"unix_socket": self.host, "user": out["user"], "password": out["password"]}
        try:
            out["port"] = int(self.port) if self.port else 3306
        except ValueError:
            raise DSNError(f"the port in {self.masked()} is not a number") from None
        if self.database:
            out["database"] = self.database
        timeout = connect_timeout if connect_timeout is not None else self.option("connect_timeout")
        if timeout is not None:
            out["connect_timeout"] = float(timeout)
        return out


def parse(text: str | DSN) -> DSN:
    """Read a URL or keyword-form DSN. Raises DSNError (without the password) when it cannot."""
    if isinstance(text, DSN):
        return text
    if not isinstance(text, str) or not text.strip():
        raise DSNError("empty DSN: give postgresql://user:password@host:port/database, "
                       "mysql://user:password@host:port/ or host=... user=... password=...")
    text = text.strip()
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", text)
    if match:
        return _parse_url(text, match.group(1))
    if _KEYWORD.match(text):
        return _parse_keywords(text)
    raise DSNError(f"cannot read the DSN {_safe(text)!r}: expected a URL (postgresql://, postgres://, mysql://, "
                   "mariadb://) or libpq's key=value form")


def mask(text: str, dsn: str | DSN | None = None) -> str:
    """``text`` with every password of ``dsn`` (as written, decoded, URL-encoded) and anything that
    looks like a password parameter or a URL's user:password@ replaced by ***."""
    secrets: tuple[str, ...] = ()
    if isinstance(dsn, DSN):
        secrets = dsn.secrets
    elif isinstance(dsn, str) and dsn:
        secrets = _secrets_of_text(dsn)
        try:
            secrets += parse(dsn).secrets
        except DSNError:
            pass
    return _masked(text, secrets)


def _safe(text: str) -> str:
    """A DSN text we could not read, masked by what it looks like."""
    return _masked(text, _secrets_of_text(text))


def _masked(text: str, secrets: tuple[str, ...]) -> str:
    for secret in sorted(set(secrets), key=len, reverse=True):
        if secret:
            text = text.replace(secret, _MASK)
    text = _PASSWORD_PARAM.sub(lambda m: m.group(1) + m.group(2) + _MASK, text)
    return _URL_USERINFO.sub(lambda m: m.group(1) + ":" + _MASK + "@", text)


# -- readers -----------------------------------------------------------------------------------------
def _parse_url(text: str, scheme: str) -> DSN:
    family = SCHEMES.get(scheme.lower())
    if family is None:
        raise DSNError(f"unknown DSN scheme {scheme!r} in {_safe(text)!r}: use postgresql://, postgres://, "
                       "mysql://, mariadb:// or libpq's key=value form")
    try:
        parts = urlsplit(text)
        netloc = parts.netloc
    except ValueError:
        raise DSNError(f"cannot read the DSN {_safe(text)!r} as a URL") from None
    userinfo, at, hostport = netloc.rpartition("@")
    user = password = None
    if at:
        user_raw, colon, password_raw = userinfo.partition(":")
        user = unquote(user_raw)
        if colon:
            password = unquote(password_raw)
    host, port = _split_hostport(hostport)
    database = unquote(parts.path[1:]) if parts.path.startswith("/") and len(parts.path) > 1 else None
    options: list[tuple[str, str]] = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key in PASSWORD_KEYS:
            password = value
        elif key == "host" and not host:
            host = value
        elif key == "port" and not port:
            port = value
        elif key == "user" and not user:
            user = value
        elif key in ("dbname", "database") and not database:
            database = value
        else:
            options.append((key, value))
    if family == "mysql" and port is not None and not port.isdigit():
        raise DSNError(f"the port in {_safe(text)!r} is not a number")
    secrets = _secrets_of_text(text) + _spellings(password)
    return DSN(family, host or None, port or None, user or None, password, database, tuple(options),
               tuple(s for s in secrets if s))


def _split_hostport(hostport: str) -> tuple[str | None, str | None]:
    if not hostport:
        return None, None
    if "," in hostport:  # libpq's multi-host form: passed on as written
        return unquote(hostport), None
    if hostport.startswith("["):
        host, _, rest = hostport[1:].partition("]")
        return host, rest[1:] if rest.startswith(":") else None
    host, colon, port = hostport.rpartition(":")
    if not colon:
        return unquote(hostport), None
    return unquote(host), port or None


def _parse_keywords(text: str) -> DSN:
    values: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _KEYWORD.match(text, pos)
        if not m:
            raise DSNError(f"cannot read the key=value DSN at character {pos + 1}: expected key=value")
        key = m.group(1)
        pos = m.end()
        value, pos = _keyword_value(text, pos)
        values[key] = value
    secrets = tuple(s for k, v in values.items() if k in PASSWORD_KEYS for s in _spellings(v))
    secrets += _secrets_of_text(text)
    known = {"host", "port", "user", "dbname", *PASSWORD_KEYS}
    password = next((values[k] for k in PASSWORD_KEYS if k in values), None)
    options = tuple((k, v) for k, v in values.items() if k not in known)
    return DSN(None, values.get("host"), values.get("port"), values.get("user"), password, values.get("dbname"),
               options, secrets)


def _keyword_value(text: str, pos: int) -> tuple[str, int]:
    out: list[str] = []
    if pos < len(text) and text[pos] == "'":
        pos += 1
        while pos < len(text):
            ch = text[pos]
            if ch == "\\" and pos + 1 < len(text):
                out.append(text[pos + 1])
                pos += 2
            elif ch == "'":
                return "".join(out), pos + 1
            else:
                out.append(ch)
                pos += 1
        raise DSNError("cannot read the key=value DSN: a quoted value is not closed")
    while pos < len(text) and not text[pos].isspace():
        if text[pos] == "\\" and pos + 1 < len(text):
            pos += 1
        out.append(text[pos])
        pos += 1
    return "".join(out), pos


def _spellings(password: str | None) -> tuple[str, ...]:
    """A password as typed and as it would appear in a URL."""
    if not password:
        return ()
    return (password, quote(password, safe=""), quote(password, safe="").replace("%20", "+"))


def _secrets_of_text(text: str) -> tuple[str, ...]:
    """Every password-looking part of a DSN text, whatever its form (so even a text we cannot read
    leaves no password behind in a message)."""
    out: list[str] = []
    for m in _PASSWORD_PARAM.finditer(text):
        raw = m.group(3).strip("'")
        out += [raw, *_spellings(unquote(raw))]
    url = re.match(r"[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)", text)
    if url and "@" in url.group(1):
        userinfo = url.group(1).rpartition("@")[0]
        if ":" in userinfo:
            raw = userinfo.partition(":")[2]
            out += [raw, *_spellings(unquote(raw))]
    return tuple(s for s in out if s)
