from migplan.analyze.actions.base import Rule


class MysqlRowSize(Rule):
    """A table too wide for MySQL's 65,535-byte row limit: the widest VARCHAR columns become TEXT.

    What it detects:
        A table whose columns, written with the MySQL target's types, add up to more than the 65,535
        bytes InnoDB allows in a row definition. With utf8mb4 every VARCHAR character counts 4 bytes,
        so a few VARCHAR(4000) columns are enough. migplan turns the widest VARCHAR columns into TEXT
        (MEDIUMTEXT above 64 KB) until the table fits; each changed column gets an item.

    Why it matters:
        CREATE TABLE would fail as written ("Row size too large"). TEXT columns behave differently:
        they take no literal default (only an expression default, MySQL 8.0.13+), indexes on them need
        a prefix length, they are stored off-page, and DMS treats them as LOBs (slower, LOB mode
        settings, a primary key needed for CDC).

    Example:
        CREATE TABLE notes (
          id NUMBER(10) PRIMARY KEY,
          note1 VARCHAR2(4000), note2 VARCHAR2(4000), note3 VARCHAR2(4000),
          note4 VARCHAR2(4000), note5 VARCHAR2(4000)
        );

    Typical rewrite:
        Check the real maximum lengths and shrink the VARCHARs that are oversized, or keep TEXT for the
        long free-text columns and review the indexes and defaults on them.

        CREATE TABLE notes (id bigint PRIMARY KEY, note1 text, note2 varchar(4000), ...);

    Effort:
        Simple per column: a length check and a type decision.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (MySQL TEXT/BLOB types move as LOBs),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html (LOBs in CDC); MySQL manual,
        "Limits on Table Column Count and Row Size".
    """

    code = "TYP025"
    name = "mysql-row-size"
    category = "data types"
    severity = "medium"
    effort = "simple"
    targets = ("mysql",)
    raised_by = "converter"
