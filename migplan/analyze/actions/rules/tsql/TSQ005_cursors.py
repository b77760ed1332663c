from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

# cursor options the targets cannot reproduce (FAST_FORWARD, READ_ONLY, LOCAL, FORWARD_ONLY, STATIC: dropped)
_HARD = {"GLOBAL", "DYNAMIC", "KEYSET", "OPTIMISTIC", "TYPE_WARNING", "SCROLL_LOCKS", "SCROLL"}
_OPTIONS = _HARD | {"LOCAL", "FORWARD_ONLY", "STATIC", "FAST_FORWARD", "READ_ONLY", "INSENSITIVE"}


class Cursors(Rule):
    """T-SQL cursors: converted to target cursors, except options the target does not have.

    What it detects:
        Each cursor definition in a T-SQL procedure, function or trigger (``DECLARE c CURSOR ... FOR``,
        ``SET @c = CURSOR ... FOR``), with its options (GLOBAL, SCROLL, KEYSET, DYNAMIC, OPTIMISTIC,
        SCROLL_LOCKS, TYPE_WARNING, FOR UPDATE; SCROLL only for MySQL).

    Why it matters:
        Row-by-row loops convert to PL/pgSQL cursors or FOR loops and to MySQL cursors with a NOT FOUND
        handler; the ``WHILE @@FETCH_STATUS = 0`` pattern must be restructured. Global, keyset-driven,
        dynamic and optimistic cursors have no equivalent: PostgreSQL cursors are local to the function
        and see a snapshot; MySQL cursors are read-only, forward-only and not scrollable. Loops are also
        where set-based rewrites pay off most on the target.

    Example:
        DECLARE c CURSOR GLOBAL KEYSET FOR SELECT id FROM orders WHERE status = 'NEW';
        OPEN c; FETCH NEXT FROM c INTO @id;
        WHILE @@FETCH_STATUS = 0 BEGIN ... FETCH NEXT FROM c INTO @id; END

    Typical rewrite:
        Prefer one set-based statement; otherwise a FOR loop over the query (PostgreSQL) or a cursor
        with DECLARE CONTINUE HANDLER FOR NOT FOUND (MySQL); drop options the target lacks and check
        that the loop does not depend on them.

        FOR r IN SELECT id FROM orders WHERE status = 'NEW' LOOP
          ...
        END LOOP;

    Effort:
        Simple per plain cursor; medium when it uses options the target lacks.

    References:
        SCT action codes 7637, 7639, 7700-7705, 7803 (SQL Server to PostgreSQL: global, dynamic, keyset,
        optimistic, TYPE_WARNING, FOR UPDATE cursors); 618, 624, 625, 637-639, 667-671, 692, 700-705, 842
        (SQL Server to MySQL);
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "TSQ005"
    name = "cursors"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("sqlserver",)
    kinds = ("procedure", "function", "trigger")
    sct = tuple(f"SQL Server->PostgreSQL {c}" for c in (7637, 7639, 7700, 7701, 7702, 7703, 7704, 7705, 7803))
    sct += tuple(f"SQL Server->MySQL {c}" for c in (618, 624, 625, 637, 638, 639, 667, 668, 669, 670, 671,
                                                    692, 700, 701, 702, 703, 704, 705, 842))

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.up != "CURSOR" or w.kind != "word":
                continue
            start = i
            while start > 0 and ws[start - 1].up in _OPTIONS:  # ISO form: DECLARE c SCROLL CURSOR FOR
                start -= 1
            j = i + 1
            while j < len(ws) and ws[j].up in _OPTIONS:
                j += 1
            if j >= len(ws) or ws[j].up != "FOR":  # DECLARE @c CURSOR; (a cursor variable, defined later)
                continue
            options = [x.up for x in ws[start:i]] + [x.up for x in ws[i + 1:j]]
            k = j + 1
            while k < len(ws) and ws[k].up not in (";", "OPEN", "DECLARE", "FETCH"):
                if ws[k].up == "FOR" and k + 1 < len(ws) and ws[k + 1].up == "UPDATE":
                    options.append("FOR UPDATE")
                k += 1
            name = ws[start - 1].text if start > 0 else "cursor"
            if name == "=" and start > 1:  # SET @c = CURSOR ... FOR
                name = ws[start - 2].text
            mysql = ctx.target_family == "mysql"
            hard = [o for o in options if (o in _HARD and (mysql or o != "SCROLL")) or o == "FOR UPDATE"]
            where = "MySQL cursors are read-only and forward-only" if mysql \
                else "a PL/pgSQL cursor or FOR loop"
            msg = f"cursor {name}: {where}"
            if hard:
                msg += f"; no equivalent for {', '.join(hard)}"
            f = ctx.hit(self, obj, ws[start].line, msg, source=" ".join(x.text for x in ws[start:j + 1]))
            f.effort = "medium" if hard else "simple"
            yield f
