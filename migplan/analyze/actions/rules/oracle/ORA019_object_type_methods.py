from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import hit, is_word
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class ObjectTypeMethods(Rule):
    """Methods of object types (MEMBER, STATIC, CONSTRUCTOR, MAP/ORDER): no methods on the targets.

    What it detects:
        Each method implemented in a ``CREATE TYPE BODY``; for an object type whose body is not in
        the scripts, each method declared in the ``CREATE TYPE ... AS OBJECT`` specification.

    Why it matters:
        PostgreSQL composite types have no methods, constructors or MAP/ORDER comparison functions:
        each method becomes a function taking the value as its first argument (calls change from
        ``o.area()`` to ``area(o)``), and ordering by a MAP method becomes an explicit expression.
        MySQL has no object types at all: the attributes become columns or JSON and the methods
        ordinary routines.

    Example:
        CREATE TYPE BODY money_t AS
          MEMBER FUNCTION in_eur RETURN NUMBER IS BEGIN RETURN amount * rate; END;
        END;

    Typical rewrite:
        A function per method, taking the composite value as its first parameter (SELF), and callers
        rewritten to call it.

        CREATE FUNCTION in_eur(self money_t) RETURNS numeric LANGUAGE sql AS $$ SELECT self.amount * self.rate $$;

    Effort:
        Medium per method; significant on MySQL.

    References:
        SCT action codes 5572 (object methods), 5577 (member functions), Oracle to PostgreSQL;
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
    """

    code = "ORA019"
    name = "object-type-methods"
    category = "procedural code"
    severity = "high"
    effort = "medium"
    sources = ("oracle",)
    kinds = ("type body", "type")
    sct = ("Oracle->PostgreSQL 5572", "Oracle->PostgreSQL 5577")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if obj.kind == "type" and (not obj.attrs.get("methods")
                                   or ctx.inventory.lookup("type body", obj.schema, obj.name)):
            return  # no methods, or reported where they are implemented
        mysql = ctx.target_family == "mysql"
        fixes = {"MEMBER": "a function taking the composite value as first argument (SELF)",
                 "STATIC": "a plain function", "CONSTRUCTOR": "a function returning a new composite value"}
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.kind == "word" and w.up in ("MEMBER", "STATIC", "CONSTRUCTOR") \
                    and is_word(ws, i + 1, "FUNCTION", "PROCEDURE") and is_word(ws, i + 2):
                what = f"{w.up} {ws[i + 1].up} {ws[i + 2].text}"
                fix = "no object types on MySQL: make it an ordinary routine" if mysql else f"becomes {fixes[w.up]}"
                yield hit(self, obj, ctx, w.line, f"object type method {what}: {fix}", source=what,
                          effort="significant" if mysql else None)
