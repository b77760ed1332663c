import re
from collections.abc import Iterator

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_DML = ("INSERT", "REPLACE", "DELETE")


class MariaDBReturning(Rule):
    """INSERT / REPLACE / DELETE ... RETURNING in MariaDB code: a result set there, RETURNING INTO in PL/pgSQL.

    What it detects:
        ``RETURNING`` after ``INSERT``, ``REPLACE`` or ``DELETE`` in MariaDB procedures, functions and
        triggers (MariaDB 10.0+ for DELETE, 10.5+ for INSERT and REPLACE).

    Why it matters:
        In MariaDB the RETURNING rows go to the client as a result set of the procedure. PostgreSQL
        accepts ``INSERT/DELETE ... RETURNING`` too, but inside PL/pgSQL the rows must go somewhere:
        ``RETURNING ... INTO`` variables (one row), ``RETURN QUERY`` from a set-returning function, or a
        cursor. ``REPLACE`` has no PostgreSQL form (``INSERT ... ON CONFLICT DO UPDATE``).

    Example:
        INSERT INTO members (email, full_name) VALUES (p_email, p_name) RETURNING member_id, public_id;

    Typical rewrite:
        A function that returns the rows, or RETURNING INTO OUT parameters.

        RETURN QUERY INSERT INTO members (email, full_name) VALUES (p_email, p_name) RETURNING member_id, public_id;

    Effort:
        Simple per statement.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
    """

    code = "MDB003"
    name = "mariadb-returning"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("mysql",)
    engines = ("mariadb",)
    targets = ("postgresql",)
    kinds = ("procedure", "function", "trigger")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterator[Finding]:
        verb = None
        for w in ctx.words(obj):
            if w.kind != "word":
                if w.up == ";":
                    verb = None
                continue
            if w.up in _DML:
                verb = w.up
            elif w.up == "RETURNING" and verb:
                how = "INSERT ... ON CONFLICT DO UPDATE ... RETURNING" if verb == "REPLACE" else \
                    "RETURNING ... INTO variables or RETURN QUERY"
                yield ctx.hit(self, obj, w.line, f"{verb} ... RETURNING: a result set of the procedure in "
                              f"MariaDB; in PL/pgSQL use {how}", source=re.sub(r"\s+", " ", verb))
                verb = None
