from migplan.analyze.actions.base import Rule


class ObjectKeptAsText(Rule):
    """An object kind migplan records by name only: its definition is kept as text, not converted.

    What it detects:
        A CREATE of an object kind migplan knows by name but does not model: Oracle CLUSTER,
        OPERATOR, OUTLINE; PostgreSQL OPERATOR, POLICY, STATISTICS; SQL Server QUEUE, SERVICE, ROUTE;
        and similar kinds of other engines. The object is listed in the inventory with its source
        text. Also the kinds migplan reads in full but does not convert: Oracle DIMENSION (levels,
        hierarchies, attributes), PostgreSQL AGGREGATE and RULE, SQL Server CLR ASSEMBLY and
        AGGREGATE, PolyBase EXTERNAL DATA SOURCE and EXTERNAL FILE FORMAT, Db2 PERMISSION and MASK;
        their definition is in the inventory as data.

    Why it matters:
        Nothing is written for it on the target. Some kinds have no target equivalent at all (an
        Oracle dimension or table cluster), others need a hand-written target form (a PostgreSQL
        aggregate going to MySQL). Code that relies on the object must be reviewed.

    Example:
        CREATE DIMENSION customers_dim
          LEVEL customer IS (customers.cust_id)
          LEVEL city IS (customers.city);

    Typical rewrite:
        Decide per object: drop it when the target needs no equivalent (dimensions and table clusters
        only help the Oracle optimizer), or write the target form by hand (a user-defined aggregate,
        an operator, a view) and test the code that uses it.

    Effort:
        Medium per object: a decision and, where needed, hand-written DDL.

    References:
        No SCT action code in the reference;
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_AssessmentReport.html
        (objects SCT cannot convert become
        action items),
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_AssessmentReport.html
        (no-automation features are converted by hand).
    """

    code = "PRS007"
    name = "object-kept-as-text"
    category = "input"
    severity = "medium"
    effort = "medium"
    raised_by = "input"
