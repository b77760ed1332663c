from migplan.analyze.actions.base import Rule


class UserDefinedType(Rule):
    """A user-defined type the target cannot take as it is: reduced to its attributes, or written as text.

    What it detects:
        A ``CREATE TYPE`` that cannot be created as it is on the target, and every column declared
        with such a type:
        - an Oracle object type going to PostgreSQL is written as a composite type with its
          attributes only (its methods, constructors and inheritance are not carried over); the item
          is on the type, columns use the composite type;
        - an object type with methods, a VARRAY or nested table type, a SQL Server table or CLR type,
          or any object type going to MySQL has no target form: the type is not created and its
          columns are written as text (one item on the type, one per column);
        - a column whose type name is qualified or user-defined but not created in the scripts
          (``SYS.AQ$_JMS_TEXT_MESSAGE``) keeps the name as written, which the target must provide.
        Enums, domains and alias types are converted and do not raise it.

    Why it matters:
        The structure inside each value is lost or reduced: code that calls the type's methods or
        constructors, or uses collection operators (TABLE(), MULTISET, EXTEND), must be rewritten.
        DMS does not migrate Oracle object-type columns (they are replicated as NULL), so their data
        needs a load of its own; SQL Server alias types follow their base type.

    Example:
        CREATE TYPE address_t AS OBJECT (street VARCHAR2(40), city VARCHAR2(30));
        /
        CREATE TABLE customers (id NUMBER(10) PRIMARY KEY, address address_t);

    Typical rewrite:
        Flatten the type into columns (or a child table for collections), or use a PostgreSQL
        composite type or jsonb; rewrite constructors and methods in the code, and load the data with
        a custom query (DMS leaves such columns NULL).

        CREATE TABLE customers (id bigint PRIMARY KEY, address_street varchar(40), address_city varchar(30));

    Effort:
        Significant: a data-model change plus rewriting the code and the load of every column.

    References:
        DMS assessment unsupported-data-types-in-source;
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.AssessmentReport.Assessments.All.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html (user-defined object
        types replicated as NULL),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html (UDTs follow their base type),
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
        (SCT items for
        object types, collections and table types).
    """

    code = "TYP017"
    name = "user-defined-type"
    category = "data types"
    severity = "high"
    effort = "significant"
    dms = ("unsupported-data-types-in-source",)
    raised_by = "converter"
