from migplan.analyze.actions.base import Rule


class XmlType(Rule):
    """An XML column: the document moves, the XML methods and indexes around it do not.

    What it detects:
        A column of an XML type (Oracle ``XMLTYPE``, SQL Server and PostgreSQL ``xml``), written as the
        target's XML type (``xml`` on PostgreSQL) or as ``longtext`` on MySQL, which has none. Raised
        today by the Oracle and SQL Server type maps to PostgreSQL and MySQL, and PostgreSQL to MySQL.

    Why it matters:
        The values are kept, but the code around them is engine-specific: Oracle XMLType methods
        (extract, existsNode, XMLTable options) and SQL Server's .value()/.query()/.nodes() methods
        must be rewritten with PostgreSQL's xpath()/XMLTABLE (MySQL only has ExtractValue/UpdateXML on
        text). XML schemas and XML indexes are not converted. DMS moves XMLTYPE as CLOB, SQL Server
        xml as NCLOB and PostgreSQL xml as CLOB, so LOB settings apply.

    Example:
        CREATE TABLE purchase_orders (id NUMBER(10) PRIMARY KEY, doc XMLTYPE);

    Typical rewrite:
        Keep the xml column and rewrite the queries: extract(doc, '/po/id') becomes
        (xpath('/po/id/text()', doc))[1]; index hot paths with expression indexes.

        CREATE TABLE purchase_orders (id bigint PRIMARY KEY, doc xml);

    Effort:
        Medium: the column is simple, the queries using XML methods need rewriting and testing.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html (XMLTYPE -> CLOB),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html (xml -> NCLOB),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html (xml -> CLOB),
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
        (SCT SQL
        Server -> PostgreSQL XML method items),
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
        (Oracle -> MySQL XMLTYPE items),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html (LOBs in CDC).
    """

    code = "TYP007"
    name = "xml-type"
    category = "data types"
    severity = "medium"
    effort = "medium"
    sources = ("oracle", "sqlserver", "postgresql", "db2")
    raised_by = "converter"
