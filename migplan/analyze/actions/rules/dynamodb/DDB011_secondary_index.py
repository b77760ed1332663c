from migplan.analyze.actions.base import Rule


class SecondaryIndex(Rule):
    """Secondary indexes (and SASI/SAI indexes) become global or local secondary indexes, or nothing.

    What it detects:
        Each ``CREATE INDEX`` / ``CREATE CUSTOM INDEX`` on a table migplan converts.

    Why it matters:
        - An index on a regular column becomes a global secondary index (GSI) with that attribute as
          its partition key: queried by ``IndexName``, eventually consistent, each write to the table
          also writes the index (and is billed for it).
        - An index on a clustering column, queried with the partition key in Cassandra, becomes a
          local secondary index (LSI): created with the table only, and a table with LSIs holds at
          most 10 GB per partition key value.
        - An index on collection elements (``VALUES``, ``KEYS``, ``ENTRIES``, ``FULL``) or on a
          boolean or collection column has no DynamoDB index: an index key is one S, N or B value.
          Keep a second table with one item per element.
        - SASI and SAI indexes (``LIKE``, ``CONTAINS``, ranges on any column) become plain GSIs at
          best: DynamoDB has no text search; ``LIKE '%x%'`` needs a scan or another service.
        - An index on the partition key adds nothing: the table's own key serves those queries.

    Example:
        CREATE INDEX users_email_idx ON users (email);

    Typical rewrite:
        Query the GSI migplan writes, by name:

        table.query(IndexName="users_email_idx", KeyConditionExpression=Key("email").eq(e))

    Effort:
        Medium: each query on the index names it; element indexes need a table.

    References:
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html,
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html (10 GB item collections),
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html
        (20 GSIs and 5 LSIs per table)
    """

    code = "DDB011"
    name = "secondary-index"
    category = "indexes"
    severity = "medium"
    effort = "medium"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    raised_by = "converter"
