from migplan.analyze.actions.base import Rule


class MaterializedView(Rule):
    """Materialized views become global (or local) secondary indexes, without their filter.

    What it detects:
        Each ``CREATE MATERIALIZED VIEW``.

    Why it matters:
        A view keyed on other columns of its base table becomes a GSI of the table (an LSI when it
        keeps the table's partition key), which DynamoDB maintains asynchronously, as Cassandra does
        its views. Differences: the view's ``WHERE`` beyond ``IS NOT NULL`` is not applied (a GSI
        holds every item that has its key attributes: write the key attribute only on the items the
        view should hold, a sparse index); a composite view key is a concatenated attribute the
        application writes (DDB001, DDB002); queries name the index instead of the view; only
        projected attributes can be read from it.

    Example:
        CREATE MATERIALIZED VIEW videos_by_user AS SELECT * FROM videos
            WHERE userid IS NOT NULL AND videoid IS NOT NULL PRIMARY KEY (userid, videoid);

    Typical rewrite:
        Query the index migplan writes in the table's CreateTable request:

        table.query(IndexName="videos_by_user", KeyConditionExpression=Key("userid").eq(u))

    Effort:
        Medium: queries on the view name the index; filtered views need sparse key attributes.

    References:
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html,
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-indexes-general-sparse-indexes.html
    """

    code = "DDB015"
    name = "materialized-view"
    category = "views and SQL"
    severity = "medium"
    effort = "medium"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    raised_by = "converter"
