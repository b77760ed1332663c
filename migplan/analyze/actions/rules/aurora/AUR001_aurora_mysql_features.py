from collections.abc import Iterator

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

# Aurora MySQL's own functions (Lambda, machine learning) and statements (S3 load and export)
_FUNCTIONS = {"LAMBDA_SYNC", "LAMBDA_ASYNC", "AURORA_VERSION", "AWS_SAGEMAKER_INVOKE_ENDPOINT",
              "AWS_COMPREHEND_DETECT_SENTIMENT", "AWS_COMPREHEND_DETECT_SENTIMENT_CONFIDENCE"}


class AuroraMySQLFeatures(Rule):
    """Aurora MySQL's own features: Lambda calls, S3 load and export, machine-learning functions.

    What it detects:
        In the scripts of an Aurora MySQL source: ``mysql.lambda_sync`` / ``mysql.lambda_async`` and the
        native ``lambda_sync()`` / ``lambda_async()`` functions, ``LOAD DATA FROM S3`` / ``LOAD XML FROM
        S3``, ``SELECT ... INTO OUTFILE S3``, ``aurora_version()``, and the machine-learning functions
        (``aws_sagemaker_invoke_endpoint``, ``aws_comprehend_detect_sentiment``, functions declared
        ``ALIAS AWS_...``).

    Why it matters:
        These exist only on Aurora MySQL: they are not MySQL and SCT reads Aurora MySQL as MySQL. On a
        PostgreSQL target each has another form: Lambda through the aws_lambda extension, S3 through
        aws_s3 (Aurora PostgreSQL and RDS for PostgreSQL), machine learning through aws_ml (Aurora
        PostgreSQL only); a self-managed PostgreSQL has none of them, and the IAM role that lets the
        cluster reach Lambda or S3 must be attached to the new cluster.

    Example:
        CALL mysql.lambda_async('arn:aws:lambda:us-east-1:111122223333:function:notify', '{"id": 1}');
        LOAD DATA FROM S3 's3://bucket/orders.csv' INTO TABLE orders FIELDS TERMINATED BY ',';

    Typical rewrite:
        aws_lambda.invoke for Lambda, aws_s3.table_import_from_s3 / aws_s3.query_export_to_s3 for S3,
        aws_comprehend / aws_sagemaker functions of aws_ml, with the cluster's IAM role.

        SELECT aws_lambda.invoke(aws_commons.create_lambda_function_arn('arn:...:function:notify'),
                                 '{"id": 1}'::json, 'Event');

    Effort:
        Medium per call site: the call and the IAM role of the new cluster.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
    """

    code = "AUR001"
    name = "aurora-mysql-features"
    category = "functional differences"
    severity = "medium"
    effort = "medium"
    sources = ("mysql",)
    engines = ("aurora-mysql",)
    kinds = ("procedure", "function", "trigger", "event", "view")
    statements = ("data load", "session select", "block")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterator[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.kind != "word":
                continue
            nxt = ws[i + 1].up if i + 1 < len(ws) else ""
            if w.up in _FUNCTIONS and nxt == "(":
                yield ctx.hit(self, obj, w.line, f"{w.text}(): an Aurora MySQL function; {self._where(w.up, ctx)}",
                              source=w.text)
            elif w.up == "ALIAS" and nxt.startswith("AWS_"):
                yield ctx.hit(self, obj, w.line, f"ALIAS {ws[i + 1].text}: an Aurora machine learning function; "
                              f"{self._where(nxt, ctx)}", source=ws[i + 1].text)
            elif w.up in ("FROM", "OUTFILE") and nxt == "S3" and any(x.kind == "string" for x in ws[i + 2:i + 4]):
                what = "LOAD ... FROM S3" if w.up == "FROM" else "SELECT ... INTO OUTFILE S3"
                yield ctx.hit(self, obj, w.line, f"{what}: Aurora MySQL reads and writes S3 itself; "
                              f"{self._where('S3', ctx)}", source=what)

    @staticmethod
    def _where(what: str, ctx: AnalysisContext) -> str:
        if ctx.target_family != "postgresql":
            return "no equivalent on the target"
        if what == "S3":
            return "on PostgreSQL aws_s3.table_import_from_s3 / aws_s3.query_export_to_s3 (Aurora or RDS)"
        if what.startswith("LAMBDA"):
            return "on PostgreSQL aws_lambda.invoke (Aurora or RDS)"
        if what == "AURORA_VERSION":
            return "on Aurora PostgreSQL aurora_version() gives the PostgreSQL-compatible version; version() elsewhere"
        return "on Aurora PostgreSQL the aws_ml extension (aws_sagemaker / aws_comprehend functions); not on RDS"
