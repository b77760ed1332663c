from migplan.analyze.actions.base import Rule


class UuidAsText(Rule):
    """A UUID column going to MySQL: stored as char(36) text.

    What it detects:
        A SQL Server ``uniqueidentifier`` or PostgreSQL ``uuid`` column going to MySQL, which has no
        UUID type (MariaDB 10.7+ has one, Aurora MySQL does not). migplan writes ``char(36)``, which
        takes the 36-character form DMS moves (STRING).

    Why it matters:
        The values are kept, but each now takes 36 characters instead of 16 bytes (larger keys and
        indexes, and in utf8mb4 more row space), compares as text (case matters in binary
        collations: keep them lower case) and is no longer validated. Defaults such as NEWID() or
        gen_random_uuid() become UUID(), which makes version-1 UUIDs; NEWSEQUENTIALID's ordering is
        lost.

    Example:
        CREATE TABLE customers (id int PRIMARY KEY, guid uniqueidentifier NOT NULL DEFAULT NEWID());

    Typical rewrite:
        Keep char(36) for the load; for large tables or keys consider binary(16) with UUID_TO_BIN()
        (MySQL 8.0, with the swap flag for time-ordered keys) in the load and in every query.

        CREATE TABLE customers (id int PRIMARY KEY, guid char(36) NOT NULL DEFAULT (UUID()));

    Effort:
        Simple per column; more if binary(16) is chosen (every query changes).

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html
        (DMS moves UNIQUEIDENTIFIER as STRING),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html (DMS moves UUID as STRING).
    """

    code = "TYP013"
    name = "uuid-as-text"
    category = "data types"
    severity = "low"
    effort = "simple"
    sources = ("sqlserver", "postgresql")
    targets = ("mysql",)
    raised_by = "converter"
