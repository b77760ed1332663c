from migplan.analyze.actions.base import Rule


class MixedCaseName(Rule):
    """A quoted mixed-case name keeps its case on PostgreSQL: every reference must quote it.

    What it detects:
        A name the source declared quoted in mixed case (``"CustomerName"``, ``"Order Lines"``), which
        migplan keeps as written on a PostgreSQL target; other names are written in lower case, as SCT
        does.

    Why it matters:
        PostgreSQL folds unquoted names to lower case. ``SELECT customername FROM ...`` does not find
        ``"CustomerName"``: each query must quote the name with its exact case. DMS table mappings are
        case-sensitive too, and a wildcard ``convert-lowercase`` rule would send the data to a different
        name than the one this DDL creates.

    Example:
        CREATE TABLE "OrderLines" ("LineNo" NUMBER(4), "Qty" NUMBER(9));

    Typical rewrite:
        Prefer lower-case snake_case names on the target (migplan's identifier_case option and DMS's
        convert-lowercase rule); keep mixed case only if the application already quotes every
        reference.

        CREATE TABLE order_lines (line_no smallint, qty integer);

    Effort:
        Simple per name; the decision is usually made once for the whole schema.

    References:
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Source.html
        (SCT lower-cases names unless told they are case-sensitive),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TableMapping.html (table
        mapping names are case-sensitive),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TableMapping.SelectionTransformation.Transformations.html
        (convert-lowercase for Oracle to PostgreSQL).
    """

    code = "NAM003"
    name = "mixed-case-name"
    category = "names"
    severity = "low"
    effort = "simple"
    targets = ("postgresql",)
    raised_by = "names"
