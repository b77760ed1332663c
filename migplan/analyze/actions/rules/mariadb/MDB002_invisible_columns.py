from collections.abc import Iterator

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table


class MariaDBInvisibleColumns(Rule[Table]):
    """INVISIBLE columns of a MariaDB table: DMS skips them and the target has no invisible columns.

    What it detects:
        Columns declared ``INVISIBLE`` in the scripts of a MariaDB source (also the hidden period columns
        of a system-versioned table).

    Why it matters:
        An invisible column is left out of ``SELECT *`` and of an ``INSERT`` without a column list, but it
        holds data. AWS DMS skips invisible columns, so their values are not loaded; the target column
        stays empty (NULL, or its default) and a NOT NULL one makes the load fail. PostgreSQL has no
        invisible columns either: the converted column is visible, and every ``SELECT *`` and
        column-less ``INSERT`` of the application sees one more column.

    Example:
        CREATE TABLE members (member_id bigint PRIMARY KEY, password_hash varchar(100) NOT NULL INVISIBLE);

    Typical rewrite:
        Make the column visible on the source copy you load from (ALTER TABLE ... MODIFY ... VISIBLE)
        or move its values with a separate query; give column lists to SELECT * and INSERT in the code.

        ALTER TABLE members MODIFY password_hash varchar(100) NOT NULL VISIBLE;

    Effort:
        Medium per table: the load and the queries using * are checked.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (invisible columns are
        skipped)
    """

    code = "MDB002"
    name = "mariadb-invisible-columns"
    category = "DMS readiness"
    severity = "high"
    effort = "medium"
    sources = ("mysql",)
    engines = ("mariadb",)
    kinds = ("table",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterator[Finding]:
        for col in obj.columns:
            if col.attrs.get("invisible"):
                null = "; NOT NULL on the target: the load fails" if not col.nullable and col.default is None \
                    and not col.attrs.get("period_column") else ""
                yield ctx.hit(self, obj, col.line, f"column {col.name} is INVISIBLE: DMS skips it, so its values "
                              f"are not loaded{null}; visible on the target (SELECT * sees it)", sub=col.name)
