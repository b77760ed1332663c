from collections.abc import Iterator

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

# statements that act on the server, not on one database
_SERVER_PROCS = ("SP_ADDLINKEDSERVER", "SP_ADDLINKEDSRVLOGIN", "SP_CONFIGURE", "SP_ADDSRVROLEMEMBER",
                 "SP_ADDUMPDEVICE", "SP_ATTACH_DB", "SP_DETACH_DB")


class AzureServerLevelStatements(Rule):
    """USE, logins and other server-level statements in the scripts of an Azure SQL Database.

    What it detects:
        In the scripts of an Azure SQL Database source: ``USE database``, ``CREATE LOGIN``, server roles
        and endpoints, and the server procedures (``sp_addlinkedserver``, ``sp_configure``,
        ``sp_addsrvrolemember``, ``sp_attach_db``...).

    Why it matters:
        An Azure SQL Database has no server-level objects of its own (logins live in the logical
        server's master database, linked servers and server configuration do not exist) and ``USE``
        cannot switch databases. These statements do not describe the database being migrated: they
        come from an on-premises server or from the logical server's master, and SCT/DMS move none of
        them. Checking them now avoids recreating settings that never applied.

    Example:
        USE [ticketing];
        CREATE LOGIN [report_login] WITH PASSWORD = '...';

    Typical rewrite:
        Drop USE (the DMS endpoint names the database); create the roles the application really needs on
        the target with new secrets; leave server configuration to the Aurora DB cluster parameter group.

        CREATE ROLE report_login LOGIN PASSWORD '...';

    Effort:
        Simple per statement.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.AzureSQL.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
    """

    code = "AZS005"
    name = "azure-server-level-statements"
    category = "functional differences"
    severity = "low"
    effort = "simple"
    sources = ("sqlserver",)
    engines = ("azure-sql",)
    kinds = ("login", "server role", "endpoint", "linked server")
    statements = ("session use", "session exec", "block")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterator[Finding]:
        if obj.kind in self.kinds:
            yield ctx.hit(self, obj, None, f"{obj.kind} {obj.name}: a server-level object; an Azure SQL Database "
                          "has none and SCT/DMS do not move it: create what the application needs on the target")
            return
        words = ctx.words(obj)
        if obj.kind == "session use":
            yield ctx.hit(self, obj, None, "USE: an Azure SQL Database cannot switch databases (the script came "
                          "from another server); the DMS endpoint names the database", source=obj.source[:200])
            return
        for w in words:
            if w.kind == "word" and w.up.strip("[]") in _SERVER_PROCS:
                yield ctx.hit(self, obj, w.line, f"{w.text}: a server-level procedure; an Azure SQL Database has "
                              "no server configuration or linked servers of its own", source=w.text)
