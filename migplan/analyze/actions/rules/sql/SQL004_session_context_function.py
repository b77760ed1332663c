from migplan.analyze.actions.base import Rule


class SessionContextFunction(Rule):
    """USERENV / SYS_CONTEXT: session attributes that map to different functions on the target.

    What it detects:
        A call to Oracle ``USERENV(...)`` or ``SYS_CONTEXT(...)`` in a view, default, check or computed
        column. migplan writes a placeholder, ``current_setting('application_name')``, so that the
        statement is valid; the item shows where each call is.

    Why it matters:
        Each attribute has its own equivalent, or none: ``SESSION_USER`` -> ``session_user``,
        ``CURRENT_SCHEMA`` -> ``current_schema``, ``IP_ADDRESS`` -> ``inet_client_addr()``,
        ``SESSIONID`` -> ``pg_backend_pid()``, ``OS_USER``/``TERMINAL``/``MODULE`` -> nothing reliable.
        Application contexts (``SYS_CONTEXT('MY_CTX', ...)``) set by packages are often used for
        row-level security or auditing: left as the placeholder they return the wrong value silently.

    Example:
        CREATE VIEW my_orders AS
          SELECT * FROM orders WHERE sales_rep = SYS_CONTEXT('USERENV', 'SESSION_USER');

    Typical rewrite:
        Replace each call with the target function for that attribute; move application contexts to
        custom settings (PostgreSQL ``set_config('app.tenant', ...)`` / ``current_setting('app.tenant',
        true)``) set by the application or a login routine.

        CREATE VIEW my_orders AS SELECT * FROM orders WHERE sales_rep = session_user;

    Effort:
        Medium: each attribute must be mapped, and application contexts need a replacement for what
        sets them.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT emulates Oracle built-ins in the aws_oracle_ext schema).
    """

    code = "SQL004"
    name = "session-context-function"
    category = "views and SQL"
    severity = "medium"
    effort = "medium"
    sources = ("oracle",)
    raised_by = "converter"
