from migplan.analyze.actions.base import Rule


class RuleFailed(Rule):
    """A rule of the catalog failed on this object: the object was not fully checked.

    What it detects:
        An error inside one of migplan's own rules while it looked at an object (a shape of input
        the rule did not expect). The run goes on; the item names the rule and the error.

    Why it matters:
        The problems that rule looks for may be present in the object and not reported. Everything
        else about the object (conversion, other rules, verification) is unaffected.

    Example:
        CREATE TABLE orders (id NUMBER PRIMARY KEY, note VARCHAR2(10) VENDOR_OPTION_NOBODY_KNOWS);

    Typical rewrite:
        Check the object by hand for that rule's problem, and report the statement to the migplan
        maintainers (the item carries it) so the rule can be fixed.

    Effort:
        Simple: a manual look at one object for one kind of problem.

    References:
        The rule's own page in this catalog.
    """

    code = "MIG001"
    name = "rule-failed"
    category = "input"
    severity = "medium"
    effort = "simple"
    raised_by = "input"
