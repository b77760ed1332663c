from migplan.analyze.actions.base import Rule


class FunctionBasedIndex(Rule):
    """Function-based (expression) index that needs a look on the target.

    What it detects:
        An index with an expression among its keys, when the expression could not be converted
        (sqlglot cannot read it: the index is not written), or on MySQL targets, where every
        expression index is flagged because it needs MySQL 8.0.13+ (MariaDB: a virtual column).

    Why it matters:
        The target can use the index only for queries that repeat the converted expression exactly.
        An expression migplan could not read is not written at all, so the queries it served lose it.
        PostgreSQL also accepts only IMMUTABLE functions in an index, and MySQL writes expression keys
        as ``((expr))`` only from 8.0.13; MariaDB has no expression keys at all.

    Example:
        CREATE INDEX orders_day_ix ON orders (TO_DATE(order_day DEFAULT NULL ON CONVERSION ERROR, 'YYYYMMDD'));

    Typical rewrite:
        Write the expression in the target's dialect; on PostgreSQL wrap it in an IMMUTABLE function if
        it calls one that is not (to_date is STABLE); on MariaDB add a virtual generated column and
        index that column. Make the queries use the same expression.

        CREATE FUNCTION yyyymmdd_to_date(v text) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN RETURN to_date(v, 'YYYYMMDD'); EXCEPTION WHEN others THEN RETURN NULL; END $$;
        CREATE INDEX orders_day_ix ON orders ((yyyymmdd_to_date(order_day)));

    Effort:
        Simple per index; more when the queries must be changed to match.

    References:
        SCT action codes for function-based indexes: 5555 (Oracle to PostgreSQL, multi-column
        functional indexes), 207 (Oracle to MySQL);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
        DMS lists function-based indexes among its Oracle-source limitations
        (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html) and never creates
        secondary indexes (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.HighLevelView.html):
        the converted index is applied after the full load.
    """

    code = "IDX002"
    name = "function-based-index"
    category = "indexes"
    severity = "medium"
    effort = "simple"
    sct = ("Oracle->PostgreSQL 5555", "Oracle->MySQL 207")
    raised_by = "converter"
