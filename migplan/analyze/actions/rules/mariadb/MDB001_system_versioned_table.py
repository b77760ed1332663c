from collections.abc import Iterator

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table


class MariaDBSystemVersionedTable(Rule[Table]):
    """A MariaDB system-versioned table (WITH SYSTEM VERSIONING, PERIOD FOR SYSTEM_TIME): its history does not move.

    What it detects:
        ``CREATE TABLE ... WITH SYSTEM VERSIONING`` in the scripts of a MariaDB source, with implicit row
        periods or explicit ``GENERATED ALWAYS AS ROW START / ROW END`` columns and ``PERIOD FOR
        SYSTEM_TIME``.

    Why it matters:
        MariaDB keeps every former version of each row in the table itself and answers ``FOR
        SYSTEM_TIME AS OF`` queries from it. PostgreSQL has no system versioning: the converted table
        holds the current rows only (explicit period columns become ordinary columns). AWS DMS does not
        support MariaDB system-versioned tables as a source, so even the current rows need a check: load
        them with a query-based export or after turning versioning off on a copy, and keep the history
        (``FOR SYSTEM_TIME ALL``) in a history table if it is still needed.

    Example:
        CREATE TABLE books (book_id int PRIMARY KEY, title varchar(300)) WITH SYSTEM VERSIONING;

    Typical rewrite:
        A history table filled by a trigger (or the temporal_tables extension where it is available),
        and the history rows exported once with FOR SYSTEM_TIME ALL.

        CREATE TABLE books_history (LIKE books, valid_from timestamptz, valid_to timestamptz);

    Effort:
        Significant per table: the history, its loading and the AS OF queries are redesigned.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (MariaDB system-versioned
        tables are not supported)
    """

    code = "MDB001"
    name = "mariadb-system-versioned-table"
    category = "tables"
    severity = "high"
    effort = "significant"
    sources = ("mysql",)
    engines = ("mariadb",)
    kinds = ("table",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterator[Finding]:
        if not obj.attrs.get("system_versioning"):
            return
        period = [c.name for c in obj.columns if c.attrs.get("period_column")]
        cols = f" (period columns {', '.join(period)} become ordinary columns)" if period else ""
        yield ctx.hit(self, obj, None, f"system-versioned table {obj.qname}: the target keeps current rows only"
                      f"{cols}; DMS does not support MariaDB system-versioned tables: load and keep history "
                      "another way")
