from migplan.analyze.actions.base import Rule


class SetType(Rule):
    """A MySQL SET column: PostgreSQL has no SET type; the comma-separated value is kept as text.

    What it detects:
        A MySQL column of type ``SET('a', 'b', ...)`` going to PostgreSQL. migplan writes it as
        ``text``, holding the members joined by commas ('new,signed'), the form in which DMS moves it
        (WSTRING of all value lengths plus commas).

    Why it matters:
        The allowed members are no longer enforced, and the SET operations stop working:
        FIND_IN_SET(), LIKE '%x%' tests, bit arithmetic on the column (tags & 4), and the rule that
        MySQL stores members in declaration order without duplicates. A text[] column or a junction
        table is the relational design, but needs a transformation during the load.

    Example:
        CREATE TABLE books (id INT PRIMARY KEY, tags SET('bestseller', 'new', 'signed') DEFAULT NULL);

    Typical rewrite:
        Keep the text column for the load and add a CHECK on the members, or convert to text[] after
        the load (string_to_array(tags, ',')) and rewrite FIND_IN_SET as = ANY(tags).

        CREATE TABLE books (id integer PRIMARY KEY, tags text[]
          CHECK (tags <@ ARRAY['bestseller', 'new', 'signed']));

    Effort:
        Medium per column: a data conversion plus the queries that test members.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (no SET type: text[] or a junction table),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (DMS moves SET as WSTRING,
        values joined with commas).
    """

    code = "TYP005"
    name = "set-type"
    category = "data types"
    severity = "medium"
    effort = "medium"
    sources = ("mysql",)
    targets = ("postgresql",)
    raised_by = "converter"
