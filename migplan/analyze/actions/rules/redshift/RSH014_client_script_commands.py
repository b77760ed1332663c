from migplan.analyze.actions.base import Rule


class ClientScriptCommands(Rule):
    """A BTEQ script: its dot-commands and control flow must move to Redshift RSQL or another orchestrator.

    What it detects:
        Each script file that holds Teradata BTEQ dot-commands (.LOGON, .IF ERRORCODE, .QUIT ...).

    Why it matters:
        BTEQ's commands (logon, error branching, exports, return codes) are not SQL: Redshift runs them
        through Amazon Redshift RSQL (with its own \\ commands), AWS Glue or a scheduler. SCT converts BTEQ
        scripts to RSQL; migplan lists them so the job can be planned.

    Example:
        .IF ERRORCODE <> 0 THEN .QUIT 8

    Typical rewrite:
        Convert the script with SCT's BTEQ to RSQL conversion, or rewrite it.

            \\if :ERROR <> 0
              \\exit 8
            \\endif

    Effort:
        Medium per script.

    References:
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Converting.App.BTEQ.html
        https://docs.aws.amazon.com/redshift/latest/mgmt/rsql-query-tool.html
    """

    code = "RSH014"
    name = "client-script-commands"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    targets = ("redshift",)
    sources = ("teradata",)
    raised_by = "converter"
