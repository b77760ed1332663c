from migplan.analyze.actions.base import Rule


class ViewReadsMissingObject(Rule):
    """A view reads a table or view that is not in the scripts.

    What it detects:
        A view or materialized view whose FROM or JOIN names a relation no script creates (a table
        of another schema or database, an object created by hand, or a typo that the source never
        noticed because the view is invalid there too).

    Why it matters:
        The view is written as converted, but its CREATE fails on the target unless that relation
        exists there first. Verification on a real engine reports it as rejected.

    Example:
        CREATE VIEW customer_list AS
          SELECT cu.customer_id, a.phone FROM customer cu JOIN add1 a ON cu.address_id = a.address_id;

    Typical rewrite:
        Add the missing object's DDL to the scripts (or create it on the target before the view), or
        correct the name in the view.

    Effort:
        Simple per view.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.HighLevelView.html
        (objects outside the migrated schemas are not created by DMS or SCT).
    """

    code = "VEW012"
    name = "view-reads-missing-object"
    category = "views and SQL"
    severity = "medium"
    effort = "simple"
    raised_by = "converter"
