from migplan.analyze.actions.base import Rule


class UnpredictedFailure(Rule):
    """Verification failed where no static action item predicted it: a gap in migplan's rules.

    What it detects:
        A verification failure (rejected statement, missing object, differing definition) on an object
        that had no static action item that could explain it (none other than info-level, DMS
        readiness or COD001 items). It accompanies the VER001-VER003 item.

    Why it matters:
        The static assessment (the report without an engine) under-counts the work for this kind of
        object: other schemas with the same construct will get no item either. The failure itself is
        handled through its VER001-VER003 item; this one is about improving the rules.

    Example:
        CREATE VIEW customer_names AS SELECT id, NLS_UPPER(last_name) AS name_upper FROM customers;
        -- rejected by PostgreSQL, and no rule flags NLS_UPPER

    Typical rewrite:
        Report the construct to migplan's maintainers with the statement and the engine's message (or
        add the rule yourself: a module under migplan/analyze/actions/rules with fixtures), so the next
        assessment predicts it without an engine.

    Effort:
        Medium: finding the construct, writing the rule and its fixtures.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/assessment-reports.html
        (action items as the unit of conversion work).
    """

    code = "VER004"
    name = "unpredicted-failure"
    category = "verification"
    severity = "high"
    effort = "medium"
    raised_by = "verifier"
