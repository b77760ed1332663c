"""Which engine do these scripts look like? A SQL Server script read as Oracle is one statement and
zero objects; saying so beats a silent empty assessment.

Each engine family has signals that its scripts carry and others' do not (batch separators, type
names, quoting, client commands). A signal counts once per statement it appears in, capped, so one
long file cannot outvote the rest. The guess is the family with the most weight; its confidence is
its share of all the weight found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# family -> (signal name, pattern, weight). Strong signals (3) are near-certain; weak ones (1) shared
# by a neighbour now and then.
_SIGNALS: dict[str, list[tuple[str, str, int]]] = {
    "sqlserver": [
        ("GO batch lines", r"(?im)^[ \t]*GO[ \t]*\d*[ \t]*$", 3),
        ("IDENTITY(seed, increment)", r"(?i)\bIDENTITY\s*\(\s*-?\d+\s*,\s*-?\d+\s*\)", 3),
        ("[bracketed] names", r"\[[A-Za-z_@#][^\]\n]{0,127}\]\s*\.\s*\[", 3),
        ("SET ANSI_NULLS / QUOTED_IDENTIFIER", r"(?i)\bSET\s+(?:ANSI_NULLS|QUOTED_IDENTIFIER|NOCOUNT)\b", 3),
        ("(n)varchar(max)", r"(?i)\bN?VARCHAR\s*\(\s*MAX\s*\)", 3),
        ("T-SQL types", r"(?i)\b(?:DATETIME2|UNIQUEIDENTIFIER|NVARCHAR|SMALLDATETIME|MONEY)\b", 1),
        ("T-SQL built-ins", r"(?i)\b(?:GETDATE|NEWID|ISNULL|SCOPE_IDENTITY)\s*\(", 1),
    ],
    "oracle": [
        ("'/' lines", r"(?m)^[ \t]*/[ \t]*$", 3),
        ("VARCHAR2", r"(?i)\bN?VARCHAR2\b", 3),
        ("NUMBER(p,s)", r"(?i)\bNUMBER\s*\(", 2),
        ("packages", r"(?i)\bCREATE\s+(?:OR\s+REPLACE\s+)?PACKAGE\b", 3),
        ("SQL*Plus commands", r"(?im)^[ \t]*(?:PROMPT|REM|SPOOL|WHENEVER\s+SQLERROR)\b", 3),
        ("Oracle built-ins", r"(?i)\b(?:SYSDATE|NVL|NVL2|DECODE)\b|\bFROM\s+DUAL\b", 1),
    ],
    "mysql": [
        ("DELIMITER", r"(?im)^[ \t]*DELIMITER[ \t]+\S+", 3),
        ("`backtick` names", r"`[^`\n]{1,64}`", 3),
        ("ENGINE=", r"(?i)\bENGINE\s*=\s*\w+", 3),
        ("AUTO_INCREMENT", r"(?i)\bAUTO_INCREMENT\b", 3),
        ("/*!version*/ comments", r"/\*!\d{5}", 3),
        ("MySQL types", r"(?i)\b(?:TINYINT|MEDIUMINT|MEDIUMTEXT|LONGTEXT)\b|\bUNSIGNED\b", 1),
    ],
    "postgresql": [
        ("dollar-quoted bodies", r"(?i)\bAS\s+\$[A-Za-z_]*\$|\$[A-Za-z_]*\$\s*LANGUAGE\b|\bDO\s+\$[A-Za-z_]*\$", 3),
        ("::casts", r"::\s*[A-Za-z_]\w*", 3),
        ("psql meta-commands", r"(?m)^[ \t]*\\(?:connect|c|i|ir|set|echo|restrict|unrestrict)\b", 3),
        ("COPY ... FROM stdin", r"(?i)\bCOPY\s+\S+.*\bFROM\s+stdin\b", 3),
        ("plpgsql", r"(?i)\bLANGUAGE\s+'?plpgsql\b", 3),
        ("serial / jsonb", r"(?i)\b(?:BIG)?SERIAL\b|\bJSONB\b|\bOWNER\s+TO\b", 1),
    ],
    "db2": [
        ("--#SET TERMINATOR", r"(?im)^[ \t]*--#SET\s+TERMINATOR\b", 3),
        ("Db2 clauses", r"(?i)\bORGANIZE\s+BY\s+(?:ROW|COLUMN)\b|\bFOR\s+BIT\s+DATA\b|\bCCSID\b", 3),
        ("Db2 types", r"(?i)\b(?:DECFLOAT|VARGRAPHIC|DBCLOB)\b", 2),
    ],
    "teradata": [
        ("MULTISET / PRIMARY INDEX", r"(?i)\b(?:MULTISET|(?:UNIQUE\s+)?PRIMARY\s+INDEX)\b", 3),
        ("BTEQ dot commands", r"(?im)^[ \t]*\.(?:LOGON|LOGOFF|IF|QUIT|SET|RUN|EXPORT|IMPORT)\b", 3),
        ("Teradata options", r"(?i)\b(?:CASESPECIFIC|NO\s+FALLBACK|VOLATILE\s+TABLE)\b", 2),
    ],
    "cassandra": [
        ("keyspaces", r"(?i)\bCREATE\s+KEYSPACE\b|\bWITH\s+replication\s*=", 3),
        ("CQL collections", r"(?i)\b(?:frozen|map|list|set)\s*<", 2),
        ("CLUSTERING ORDER", r"(?i)\bCLUSTERING\s+ORDER\s+BY\b", 3),
    ],
    "redshift": [
        ("DISTKEY / SORTKEY / DISTSTYLE", r"(?i)\b(?:DISTKEY|SORTKEY|DISTSTYLE)\b", 3),
        ("column ENCODE", r"(?i)\bENCODE\s+(?:AZ64|ZSTD|LZO|RAW|BYTEDICT|DELTA|MOSTLY\d+|RUNLENGTH|TEXT255)\b", 3),
    ],
}
# Families that read each other's scripts: no complaint when one is named and another is guessed.
_KIN = [{"postgresql", "redshift", "greenplum", "netezza", "vertica"}, {"sqlserver", "sap-ase"},
        {"oracle"}, {"mysql"}, {"db2"}, {"teradata"}, {"cassandra"}]
_DISPLAY = {"sqlserver": "SQL Server", "oracle": "Oracle", "mysql": "MySQL", "postgresql": "PostgreSQL",
            "db2": "Db2", "teradata": "Teradata", "cassandra": "Cassandra (CQL)", "redshift": "Redshift"}
_CAP = 20  # statements a signal counts in at most
_COMPILED = {f: [(name, re.compile(rx), w) for name, rx, w in sigs] for f, sigs in _SIGNALS.items()}


@dataclass
class Guess:
    family: str | None
    confidence: float  # share of all signal weight that points at ``family``, 0..1
    scores: dict[str, int] = field(default_factory=dict)
    evidence: dict[str, list[str]] = field(default_factory=dict)  # family -> "signal x count"

    @property
    def display(self) -> str:
        return _DISPLAY.get(self.family or "", self.family or "unknown")


def guess(texts: Iterable[str]) -> Guess:
    counts: dict[tuple[str, str], int] = {}
    for text in texts:
        for family, signals in _COMPILED.items():
            for name, rx, _w in signals:
                if rx.search(text):
                    counts[(family, name)] = counts.get((family, name), 0) + 1
    scores: dict[str, int] = {}
    evidence: dict[str, list[str]] = {}
    for family, signals in _COMPILED.items():
        for name, _rx, weight in signals:
            n = min(counts.get((family, name), 0), _CAP)
            if n:
                scores[family] = scores.get(family, 0) + weight * n
                evidence.setdefault(family, []).append(f"{name} ×{counts[(family, name)]}")
    total = sum(scores.values())
    if not total:
        return Guess(None, 0.0, scores, evidence)
    best = sorted(scores, key=lambda f: (-scores[f], f))[0]
    return Guess(best, scores[best] / total, scores, evidence)


def kin(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in _KIN)


def mismatch(texts: Iterable[str], named_family: str, min_score: int = 6,
             min_confidence: float = 0.75) -> Guess | None:
    """The guess when the scripts clearly look like another engine than the one named, else None."""
    g = guess(texts)
    if g.family is None or kin(g.family, named_family):
        return None
    own = sum(s for f, s in g.scores.items() if kin(f, named_family))
    if g.scores[g.family] < min_score or g.confidence < min_confidence or own * 4 > g.scores[g.family]:
        return None
    return g


def explain(g: Guess, named_display: str) -> str:
    shown = ", ".join(g.evidence.get(g.family or "", [])[:4])
    return (f"these scripts look like {g.display}, not {named_display} ({shown}; confidence "
            f"{round(g.confidence * 100)}%)")
