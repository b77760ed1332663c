from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_METHODS = {"VALUE", "NODES", "QUERY", "EXIST", "MODIFY"}


class XmlFeatures(Rule):
    """FOR XML, OPENXML and xml methods (.value/.nodes ...): rewrite with the target's XML or JSON functions.

    What it detects:
        In T-SQL views, procedures, functions and triggers: each ``FOR XML`` clause (RAW, AUTO, PATH,
        EXPLICIT), each ``OPENXML`` / ``sp_xml_preparedocument``, and each call of an xml data type
        method (``x.value(...)``, ``x.nodes(...)``, ``.query``, ``.exist``, ``.modify``). The old
        ``FOR XML PATH('')`` string-aggregation idiom is recognised and reported as simple.

    Why it matters:
        PostgreSQL has an xml type with ``xpath()``, ``XMLTABLE`` and ``xmlelement``/``xmlagg``, but
        no FOR XML modes or xml methods: each must be rewritten (SCT flags XML methods, FOR XML
        PATH/EXPLICIT and multi-element XPath). MySQL has only ``ExtractValue`` and ``UpdateXML``:
        XML shredding and generation usually move to JSON functions or the application.

    Example:
        SELECT o.id,
               x.item.value('@sku', 'varchar(20)') AS sku
        FROM orders o CROSS APPLY o.items_xml.nodes('/items/item') AS x(item);

    Typical rewrite:
        PostgreSQL: XMLTABLE or xpath() for shredding, xmlelement/xmlagg for generation, string_agg for
        the FOR XML PATH('') idiom; MySQL: JSON_TABLE / JSON_ARRAYAGG (or GROUP_CONCAT) instead of XML.

        SELECT o.id, x.sku FROM orders o,
          XMLTABLE('/items/item' PASSING o.items_xml COLUMNS sku varchar(20) PATH '@sku') AS x;

    Effort:
        Medium per construct (simple for the string-aggregation idiom).

    References:
        SCT action codes 7816, 7817, 7920, 7924 (SQL Server to PostgreSQL: XML methods, FOR XML
        PATH/EXPLICIT, multi-element XPath);
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
        (XML EXPLICIT among the SQL
        Server to MySQL features without automation).
    """

    code = "TSQ015"
    name = "xml-features"
    category = "procedural code"
    severity = "high"
    effort = "medium"
    sources = ("sqlserver",)
    kinds = ("view", "procedure", "function", "trigger")
    sct = ("SQL Server->PostgreSQL 7816", "SQL Server->PostgreSQL 7817", "SQL Server->PostgreSQL 7920",
           "SQL Server->PostgreSQL 7924")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        agg = "GROUP_CONCAT" if ctx.target_family == "mysql" else "string_agg"
        ws = ctx.words(obj)
        n = len(ws)
        for i, w in enumerate(ws):
            nxt = ws[i + 1].up if i + 1 < n else ""
            if w.kind == "word" and w.up == "FOR" and nxt == "XML":
                mode = ws[i + 2].up if i + 2 < n else ""
                idiom = mode == "PATH" and i + 4 < n and ws[i + 3].up == "(" and ws[i + 4].text in ("''", "N")
                if idiom:
                    msg, effort = f"FOR XML PATH(''): string-aggregation idiom, becomes {agg}", "simple"
                else:
                    msg = f"FOR XML {mode}: no FOR XML on the target; build the XML/JSON explicitly"
                    effort = "medium"
                f = ctx.hit(self, obj, w.line, msg, source=f"FOR XML {mode}".strip())
                f.effort = effort
                yield f
            elif w.kind == "word" and w.up in ("OPENXML", "SP_XML_PREPAREDOCUMENT"):
                yield ctx.hit(self, obj, w.line, f"{w.text}: shred the document with XMLTABLE (PostgreSQL) "
                              "or JSON_TABLE on JSON (MySQL)", source=w.text)
            elif w.up == "." and w.kind == "punct" and nxt in _METHODS and i + 2 < n and ws[i + 2].up == "(":
                if nxt == "VALUE" and i >= 2 and ws[i - 1].up == ")" and ws[i - 2].up == "TYPE":
                    continue  # FOR XML PATH(''), TYPE).value('.', ...): part of the idiom reported above
                method = ws[i + 1].text
                yield ctx.hit(self, obj, ws[i + 1].line, f"xml method .{method}(): no xml methods on the "
                              "target; use xpath()/XMLTABLE (PostgreSQL) or JSON functions (MySQL)",
                              source=f".{method}(")
