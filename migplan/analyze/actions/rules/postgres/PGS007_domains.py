from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import columns_using_type
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import UserType


class Domains(Rule[UserType]):
    """CREATE DOMAIN: MySQL has no domains; each column gets the base type and the domain's check.

    What it detects:
        Each PostgreSQL domain (``CREATE DOMAIN name AS type [DEFAULT] [NOT NULL] [CHECK (...)]``)
        when the target is MySQL.

    Why it matters:
        migplan writes every column declared with the domain using the domain's base type (and its
        CHECK, which MySQL enforces from 8.0.16). The domain itself disappears: a later change of its
        rule must be applied to every column, casts to the domain in code (``value::posint``) fail, and
        the domain's DEFAULT and NOT NULL must be repeated per column.

    Example:
        CREATE DOMAIN positive_amount AS numeric(12,2) CHECK (VALUE > 0);
        CREATE TABLE payments (id int PRIMARY KEY, amount positive_amount NOT NULL);

    Typical rewrite:
        Keep the generated per-column types and checks; replace casts to the domain in code by casts to
        the base type plus an explicit test.

        CREATE TABLE payments (id INT PRIMARY KEY, amount DECIMAL(12,2) NOT NULL CHECK (amount > 0));

    Effort:
        Simple per domain.

    References:
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Welcome.html
        (SCT PostgreSQL to MySQL); no SCT action code published for this pair.
    """

    code = "PGS007"
    name = "domains"
    category = "data types"
    severity = "low"
    effort = "simple"
    sources = ("postgresql",)
    targets = ("mysql",)
    kinds = ("domain",)

    def check(self, obj: UserType, ctx: AnalysisContext) -> Iterable[Finding]:
        users = columns_using_type(ctx, obj.name)
        used = f"; used by {users} column(s)" if users else ""
        msg = (f"domain {obj.name} ({obj.base_type or 'a base type'}): no domains on MySQL; columns get the "
               f"base type and check{used}")
        yield ctx.hit(self, obj, obj.location.line, msg, source="CREATE DOMAIN")

