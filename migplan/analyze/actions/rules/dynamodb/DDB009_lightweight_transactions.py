from migplan.analyze.actions.base import Rule


class LightweightTransactions(Rule):
    """Lightweight transactions and batches become condition expressions and transactions.

    What it detects:
        ``INSERT ... IF NOT EXISTS``, ``UPDATE``/``DELETE ... IF EXISTS`` or ``IF <condition>``
        (Paxos lightweight transactions), and ``BEGIN [UNLOGGED | COUNTER] BATCH ... APPLY BATCH``.

    Why it matters:
        DynamoDB writes take a ``ConditionExpression``: ``IF NOT EXISTS`` is
        ``attribute_not_exists(<partition key>)``, ``IF x = ?`` is ``x = :x``; a failed condition is a
        ``ConditionalCheckFailedException``, not a ``[applied] = false`` row, so the calling code
        changes. A logged batch (all or nothing) becomes ``TransactWriteItems`` (up to 100 actions,
        twice the write cost); an unlogged batch becomes ``BatchWriteItem`` (up to 25 puts or deletes,
        no conditions, unprocessed items retried by the caller).

    Example:
        INSERT INTO user_credentials (email, password) VALUES (?, ?) IF NOT EXISTS;

    Typical rewrite:
        PutItem with a condition:

        ConditionExpression: "attribute_not_exists(email)"

    Effort:
        Medium: each conditional write and its failure handling rewritten.

    References:
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html,
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html
        (TransactWriteItems),
        https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
    """

    code = "DDB009"
    name = "lightweight-transactions"
    category = "functional differences"
    severity = "medium"
    effort = "medium"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    raised_by = "converter"
