"""Application code stage: the SQL an application runs, found in its source and linked to the schema.

    lexers/     one lexer per language for its string syntax (comments never reach the extractor)
    extract.py  tokens -> strings the code builds (concatenation, constants, builders, formats)
    apis.py     per language: the calls that run SQL, string joins and formats (data)
    sqltext.py  placeholders and splices kept, masked for sqlglot
    sqlcheck.py is it SQL? what it reads, writes, calls
    link.py     names -> schema objects (the inventory's name rules)
    scan.py     scan_app() and AppScan
"""

from migplan.app.scan import AppScan, scan_app

__all__ = ["AppScan", "scan_app"]
