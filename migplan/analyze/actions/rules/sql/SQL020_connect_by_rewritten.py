from migplan.analyze.actions.base import Rule


class ConnectByRewritten(Rule):
    """An Oracle hierarchical query (CONNECT BY) in a view, rewritten as WITH RECURSIVE: review it.

    What it detects:
        A view whose query uses START WITH / CONNECT BY [NOCYCLE] PRIOR on one table, which
        migplan wrote as a recursive common table expression (PostgreSQL, MySQL 8, MariaDB):
        LEVEL, SYS_CONNECT_BY_PATH, CONNECT_BY_ROOT and CONNECT_BY_ISLEAF become columns of the
        recursion, ORDER SIBLINGS BY a sort key built along the path, NOCYCLE a check on the keys
        already visited.

    Why it matters:
        The rows and pseudo-columns are the same; what can differ is the order when siblings tie on
        their ORDER SIBLINGS BY keys (Oracle leaves it undefined too), the sort of text keys under
        the target's collation, and paths longer than 4,000 characters, which the rewrite caps.

    Example:
        CREATE VIEW org_chart AS
          SELECT employee_id, LEVEL AS depth, SYS_CONNECT_BY_PATH(last_name, '/') AS path
          FROM employees START WITH manager_id IS NULL CONNECT BY PRIOR employee_id = manager_id
          ORDER SIBLINGS BY last_name;

    Typical rewrite:
        None needed; compare the view's rows with the source's on real data, and simplify the
        generated query if the application does not use the pseudo-columns.

    Effort:
        Simple: a review per view.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (CONNECT BY: SCT converts simple hierarchical queries to recursive
        CTEs and flags the rest).
    """

    code = "SQL020"
    name = "connect-by-rewritten"
    category = "views and SQL"
    severity = "low"
    effort = "simple"
    sources = ("oracle",)
    raised_by = "converter"
