from migplan.analyze.actions.base import Rule


class FkTypeAligned(Rule):
    """A foreign key column's type was changed to its referenced column's type.

    What it detects:
        A foreign key whose column maps to another target type than the column it references, such
        as Oracle ``NUMBER(5)`` (integer) pointing at ``NUMBER(10)`` (bigint). migplan writes the
        referencing column with the referenced column's type, so the constraint can be created.
        Raised for every pair whose type map gives the two columns different types.

    Why it matters:
        MySQL refuses a foreign key between columns of different types, and PostgreSQL compares them
        with casts (slower joins, no index use in some plans). The aligned type may be wider or
        narrower than the column's own: the values fit as long as the foreign key holds in the
        source, but code that relied on the declared type (lengths, overflow checks) should be
        reviewed.

    Example:
        CREATE TABLE customers (id NUMBER(10) PRIMARY KEY);
        CREATE TABLE orders (customer_id NUMBER(5) REFERENCES customers (id));

    Typical rewrite:
        Keep the aligned type, and fix the source model if the difference was an accident.

        CREATE TABLE orders (customer_id bigint);

    Effort:
        None for the conversion; a quick review of the model.

    References:
        SCT action code 202 (Oracle to MySQL, foreign key type mismatch); https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "TYP032"
    name = "fk-type-aligned"
    category = "data types"
    severity = "info"
    effort = "none"
    sct = ("Oracle->MySQL 202",)
    raised_by = "converter"
