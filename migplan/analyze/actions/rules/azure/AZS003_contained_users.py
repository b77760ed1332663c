from collections.abc import Iterator

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class AzureContainedUsers(Rule):
    """Contained database users of Azure SQL Database (a password of their own, or Microsoft Entra ID).

    What it detects:
        ``CREATE USER name WITH PASSWORD = ...`` (a contained user authenticated by the database itself)
        and ``CREATE USER name FROM EXTERNAL PROVIDER`` (a Microsoft Entra ID identity) in the scripts of
        an Azure SQL Database source.

    Why it matters:
        These users have no server login: the database authenticates them. Neither SCT nor DMS migrates
        users or their passwords; on Aurora each one becomes a role that can log in (PostgreSQL) or a
        user (MySQL), created by hand with a new password kept in AWS Secrets Manager, and Entra ID
        identities have no counterpart: they become IAM database authentication users or roles of the
        new identity provider. The grants on their roles follow once the roles exist.

    Example:
        CREATE USER [app_ticketing] WITH PASSWORD = '...', DEFAULT_SCHEMA = [sales];
        CREATE USER [ops@contoso.com] FROM EXTERNAL PROVIDER;

    Typical rewrite:
        Create a login role per contained user with a new secret (and search_path for DEFAULT_SCHEMA);
        map Entra ID identities to IAM database authentication.

        CREATE ROLE app_ticketing LOGIN PASSWORD '...'; ALTER ROLE app_ticketing SET search_path = sales;
        CREATE USER ops_contoso; GRANT rds_iam TO ops_contoso;

    Effort:
        Simple per user; Entra ID users need the identity mapping decided first.

    References:
        https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/UsingWithRDS.IAMDBAuth.html
    """

    code = "AZS003"
    name = "azure-contained-users"
    category = "functional differences"
    severity = "low"
    effort = "simple"
    sources = ("sqlserver",)
    engines = ("azure-sql",)
    kinds = ("user",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterator[Finding]:
        options = str(obj.attrs.get("options") or "").upper()
        if "EXTERNAL PROVIDER" in options:
            yield ctx.hit(self, obj, None, f"user {obj.name}: Microsoft Entra ID identity; no counterpart on the "
                          "target: map it to IAM database authentication (or your new identity provider)")
        elif "PASSWORD" in options:
            yield ctx.hit(self, obj, None, f"user {obj.name}: contained database user with its own password; "
                          "users and passwords are not migrated: create a login role with a new secret")
