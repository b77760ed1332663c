from migplan.analyze.actions.base import Rule


class ViewNotConverted(Rule):
    """A view whose query could not be read or has no target form: not converted.

    What it detects:
        A view or materialized view whose query sqlglot cannot parse in the source dialect, or that
        uses something the target has no form for (a function it lacks, GROUPING SETS on MySQL,
        CONNECT BY, PIVOT...). The item carries the reason. Nothing is written for the view: a
        partial translation would run with another meaning.

    Why it matters:
        The view is missing on the target, and so is everything that depends on it: other views,
        routines, reports. The cause is usually source syntax sqlglot does not know (Oracle MODEL clause,
        flashback VERSIONS BETWEEN, other vendor extensions), sometimes a damaged script.

    Example:
        CREATE VIEW sales_forecast AS
          SELECT region, amount FROM sales
          MODEL DIMENSION BY (region) MEASURES (amount)
          RULES (amount['TOTAL'] = SUM(amount)[ANY]);

    Typical rewrite:
        Convert the query by hand (or with SCT) and add it to the target DDL; if the script is damaged,
        take the view's definition from the source catalog again (DBMS_METADATA.GET_DDL,
        sys.sql_modules, SHOW CREATE VIEW).

    Effort:
        Medium per view; depends on the size of the query.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.Creating.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.HighLevelView.html
        (DMS never creates views: it copies a view's rows as a table, in
        full-load tasks only).
    """

    code = "VEW011"
    name = "view-not-converted"
    category = "views and SQL"
    severity = "high"
    effort = "medium"
    raised_by = "converter"
