from migplan.analyze.actions.base import Rule


class ObjectTable(Rule):
    """An Oracle object table (CREATE TABLE t OF type): written as a relational table of the type's attributes.

    What it detects:
        ``CREATE TABLE t OF type_name``: each row of ``t`` is an instance of an object type, with an
        object identifier. migplan writes a plain table whose columns are the type's attributes (read
        from the type's ``CREATE TYPE ... AS OBJECT``), with the keys and constraints the scripts add.

    Why it matters:
        The targets have no object tables: the rows lose their object identifiers, so ``REF`` columns
        and ``DEREF``/``VALUE(t)`` in code that point at them no longer work, and attributes of
        collection types (``NESTED TABLE ... STORE AS``) become columns of whatever the collection
        type maps to. DMS moves the attribute values, not the object identifiers.

    Example:
        CREATE TYPE point_t AS OBJECT (x NUMBER, y NUMBER);
        /
        CREATE TABLE points OF point_t;

    Typical rewrite:
        Keep the relational table; give it a surrogate primary key if rows were referenced by REF,
        and replace REF columns with foreign keys to that key.

        CREATE TABLE points (id bigint PRIMARY KEY, x numeric, y numeric);

    Effort:
        Medium: the REFs and the code that follows them.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (object types and tables are not supported),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html
    """

    code = "TBL015"
    name = "object-table"
    category = "tables"
    severity = "medium"
    effort = "medium"
    sources = ("oracle",)
    raised_by = "converter"
