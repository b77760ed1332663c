from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import columns_using_type
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import UserType


class EnumTypes(Rule[UserType]):
    """CREATE TYPE ... AS ENUM: becomes an ENUM(...) column type on each MySQL column using it.

    What it detects:
        Each PostgreSQL enum type when the target is MySQL.

    Why it matters:
        MySQL has no named types: every column using the enum gets its own ``ENUM('a', 'b', ...)``
        definition. Both engines sort enum values in declaration order, but adding a value (``ALTER TYPE
        ... ADD VALUE``) becomes an ``ALTER TABLE ... MODIFY`` of every such column (a table rebuild
        unless the value is appended at the end), casts to the type in code fail, and MySQL stores an
        empty string for invalid values when strict mode is off. DMS moves PostgreSQL enum values as
        strings.

    Example:
        CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
        CREATE TABLE orders (id int PRIMARY KEY, status order_status NOT NULL DEFAULT 'new');

    Typical rewrite:
        Keep the ENUM column type (or a lookup table when values change often); run with strict
        sql_mode; replace casts to the type in code.

        CREATE TABLE orders (id INT PRIMARY KEY, status ENUM('new', 'paid', 'shipped') NOT NULL);

    Effort:
        Simple per type.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (ENUM handling between MySQL and PostgreSQL),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html (DMS moves ENUM as
        STRING).
    """

    code = "PGS008"
    name = "enum-types"
    category = "data types"
    severity = "low"
    effort = "simple"
    sources = ("postgresql",)
    targets = ("mysql",)
    kinds = ("type",)

    def check(self, obj: UserType, ctx: AnalysisContext) -> Iterable[Finding]:
        if getattr(obj, "type_kind", "") != "enum":
            return
        users = columns_using_type(ctx, obj.name)
        used = f" on {users} column(s)" if users else ""
        msg = (f"enum type {obj.name} ({len(obj.values)} values): becomes ENUM(...){used}; ALTER TYPE ... "
               "ADD VALUE becomes ALTER TABLE ... MODIFY")
        yield ctx.hit(self, obj, obj.location.line, msg, source="CREATE TYPE ... AS ENUM")
