from collections.abc import Iterator

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

# the extensions AWS provides on Aurora PostgreSQL; aws_s3, aws_commons and aws_lambda also on RDS
_EXTENSIONS = {"AWS_S3", "AWS_COMMONS", "AWS_LAMBDA", "AWS_ML", "APG_PLAN_MGMT", "AURORA_STAT_UTILS"}
_ALSO_ON_RDS = {"AWS_S3", "AWS_COMMONS", "AWS_LAMBDA"}
_SCHEMAS = {"AWS_S3", "AWS_COMMONS", "AWS_LAMBDA", "AWS_SAGEMAKER", "AWS_COMPREHEND", "APG_PLAN_MGMT"}
_FUNCTIONS = {"AURORA_VERSION", "AURORA_STAT_WAIT_EVENT", "AURORA_STAT_WAIT_TYPE", "AURORA_STAT_BACKEND_WAITS",
              "AURORA_STAT_SYSTEM_WAITS", "AURORA_STAT_ACTIVITY", "AURORA_STAT_DML_ACTIVITY",
              "AURORA_REPLICA_STATUS", "AURORA_STAT_STATEMENTS", "AURORA_STAT_GET_DB_COMMITS"}


class AuroraPostgreSQLFeatures(Rule):
    """Aurora PostgreSQL's own extensions and functions (aws_s3, aws_lambda, aws_ml, apg_plan_mgmt, aurora_*).

    What it detects:
        In the scripts of an Aurora PostgreSQL source: ``CREATE EXTENSION`` of aws_s3, aws_commons,
        aws_lambda, aws_ml, apg_plan_mgmt or aurora_stat_utils, and calls of their functions
        (``aws_s3.table_import_from_s3``, ``aws_lambda.invoke``, ``aws_comprehend.detect_sentiment``,
        ``apg_plan_mgmt.*``) and of the ``aurora_*`` functions (``aurora_version()``,
        ``aurora_stat_*``, ``aurora_replica_status()``).

    Why it matters:
        These are not PostgreSQL: AWS provides them on Aurora PostgreSQL (aws_s3, aws_commons and
        aws_lambda also on RDS for PostgreSQL). A self-managed PostgreSQL target has none of them, so
        the extension cannot be created and every call fails; a MySQL target has Aurora MySQL's own
        forms at best (LOAD DATA FROM S3, lambda_async). The cluster's IAM roles for S3 and Lambda
        must be attached to the new database too.

    Example:
        CREATE EXTENSION aws_s3 CASCADE;
        SELECT aws_s3.table_import_from_s3('orders', '', '(format csv)',
                                           aws_commons.create_s3_uri('bucket', 'orders.csv', 'us-east-1'));

    Typical rewrite:
        Keep them on an Aurora or RDS target (with the IAM role), or replace them: COPY from files the
        application fetches, an external job instead of the Lambda call, plain pg_stat_* views.

        LOAD DATA FROM S3 's3://bucket/orders.csv' INTO TABLE orders FIELDS TERMINATED BY ',';

    Effort:
        Medium per call site.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html
    """

    code = "AUR002"
    name = "aurora-postgresql-features"
    category = "functional differences"
    severity = "medium"
    effort = "medium"
    sources = ("postgresql",)
    engines = ("aurora-postgresql",)
    kinds = ("extension", "procedure", "function", "trigger", "view", "materialized view")
    statements = ("session select", "block")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterator[Finding]:
        if obj.kind == "extension":
            name = obj.name.strip('"').upper()
            if name in _EXTENSIONS:
                yield ctx.hit(self, obj, None, f"extension {obj.name}: {self._where(name, ctx)}")
            return
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.kind != "word":
                continue
            nxt = ws[i + 1].up if i + 1 < len(ws) else ""
            if w.up in _SCHEMAS and nxt == "." and i + 2 < len(ws):
                call = f"{w.text}.{ws[i + 2].text}"
                yield ctx.hit(self, obj, w.line, f"{call}: {self._where(w.up, ctx)}", source=call)
            elif w.up in _FUNCTIONS and nxt == "(" and (i == 0 or ws[i - 1].up != "."):
                yield ctx.hit(self, obj, w.line, f"{w.text}(): an Aurora PostgreSQL function; "
                              f"{self._where('AURORA', ctx)}", source=w.text)

    @staticmethod
    def _where(name: str, ctx: AnalysisContext) -> str:
        if ctx.target_family != "postgresql":
            return "an Aurora PostgreSQL feature with no equivalent on MySQL (Aurora MySQL has LOAD DATA FROM S3 " \
                   "and lambda_async for S3 and Lambda)"
        if name in _ALSO_ON_RDS:
            return "provided by AWS on Aurora and RDS for PostgreSQL, not on a self-managed PostgreSQL"
        return "AWS's own on Aurora PostgreSQL: not on a self-managed PostgreSQL; check that the target offers it"
