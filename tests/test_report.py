"""report.html and report.md: content of the first screen, escaping of hostile names, determinism,
and the HTML in a real headless Chromium (no JS errors, no dialogs, the JS ran, print CSS expands).

The browser tests need Debian's `chromium` (scripts/sysdeps.sh installs it under `make test`); they
skip with a message when it is missing (and fail under CI=true). They talk to Chromium over the
DevTools protocol on a pipe (--remote-debugging-pipe): plain subprocess and os pipes, no extra
dependency. Screenshots and the rendered reports are kept in tests/artifacts/.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

import migplan
from migplan.report import charts, depgraph
from migplan.report.digest import digest
from migplan.report.html import render_html, script_json
from migplan.report.markdown import cell, code, fenced, render_markdown, table, text
from tests.conftest import ROOT, SAMPLE_PAIRS, SAMPLES, missing

ARTIFACTS = ROOT / "tests" / "artifacts"
SCRIPT = "<script>alert(1)</script>"
IMG = "</pre><img src=x onerror=alert(1)>"
HOSTILE_SQL = f"""
CREATE TABLE "{SCRIPT}" (id NUMBER, note VARCHAR2(100) DEFAULT '{IMG}');
-- {IMG}
COMMENT ON TABLE "{SCRIPT}" IS '{IMG} | pipe
and a newline';
COMMENT ON COLUMN "{SCRIPT}".note IS '<!-- </script> `tick` **bold** [link](http://x)';
CREATE VIEW "v</script><!--" AS SELECT id FROM "{SCRIPT}";
"""
HOSTILE_FILE = "</pre><img src=x onerror=alert(2)>.sql"


@pytest.fixture(scope="module")
def oracle():
    return migplan.assess(SAMPLES / "oracle/retail", "oracle", "aurora-postgresql")


@pytest.fixture(scope="module")
def hostile():
    return migplan.assess_text(HOSTILE_SQL, "oracle", "aurora-postgresql", path=HOSTILE_FILE)


def _section(html: str, sid: str) -> str:
    start = html.index(f'<section id="{sid}"')
    return html[start:html.index("</section>", start)]


def _visible_text(fragment: str) -> str:
    """Text content with tags removed and entities decoded, whitespace collapsed."""
    import html as h

    return re.sub(r"\s+", " ", h.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


# -- content ----------------------------------------------------------------------------------------
def test_write_adds_both_reports(tmp_path, oracle):
    out = oracle.write(tmp_path)
    html = (out / "report.html").read_text("utf-8")
    md = (out / "report.md").read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.endswith("</html>\n")
    assert md.startswith("# Migration assessment: Oracle Database → Amazon Aurora PostgreSQL\n")


def test_formats_write_and_compute_only_what_is_asked(tmp_path, oracle, monkeypatch):
    import migplan.plan.export as export
    from migplan.errors import InputError

    def boom(*a, **k):
        raise AssertionError("the graph was computed for a run that did not ask for it")

    monkeypatch.setattr(export, "to_graphml", boom)
    out = oracle.write(tmp_path / "some", formats=["html", "json"])
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["assessment.json", "report.html"]
    with pytest.raises(InputError, match="unknown output format htm"):
        oracle.write(tmp_path / "bad", formats=["htm"])


def test_first_screen_tells_the_story_with_the_summary_numbers(oracle):
    s = oracle.summary().to_dict()
    html = render_html(oracle)
    first = _visible_text(_section(html, "summary"))
    st, co = s["storage_objects"], s["code_objects"]
    # pair and its matrix verdict
    assert f"{s['source']} → {s['target']}: {s['verdict']}." in first
    assert oracle.compatibility.recommended_path in first
    # what converts by itself, per group, with percentages
    assert f"Storage objects: {st['automatic']} of {sum(st.values())} ({s['storage_automatic_percent']:.1f}%)" in first
    assert f"Code objects: {co['automatic']} of {sum(co.values())} ({s['code_automatic_percent']:.1f}%)" in first
    # what does not, by verdict
    work = sum(st[v] for v in ("simple", "medium", "complex"))
    assert f"Storage objects: {work} ({st['simple']} simple, {st['medium']} medium, {st['complex']} complex)" in first
    # effort range and item count
    e = s["effort_hours"]
    assert f"{e['low']:g}–{e['high']:g} h" in first
    assert f"{s['action_items']} action items" in first
    assert "Verification" in first and "Not run" in first
    # top blockers: every high code with its count; what to do first starts with the worst one
    blockers = _section(html, "summary").split('id="blockers"')[1].split('id="first"')[0]
    high = oracle.action_items.summary_frame().query("severity == 'high'")
    for code_, n in zip(high["code"], high["occurrences"]):
        assert f'href="#code-{code_}">{code_}</a>' in blockers
        assert re.search(rf"{code_}</a></td><td>[^<]*</td><td class=\"num\">{n}</td>", blockers)
    steps = re.findall(r"<li>(.*?)</li>", _section(html, "summary").split('id="first"')[1])
    top = digest(oracle).blockers[0]
    assert f"Resolve {top.code}" in steps[0]
    assert any("2.1 Create the target schema" in s_ for s_ in steps) and "1.2 Prepare Oracle" in " ".join(steps)
    assert first.index("Top blockers") < first.index("What to do first")


def test_first_screen_comes_from_the_data_not_the_sample():
    a = migplan.assess_text("CREATE TABLE t (id NUMBER(10) PRIMARY KEY, name VARCHAR2(30));", "oracle", "aurora-mysql")
    first = _visible_text(_section(render_html(a), "summary"))
    assert "oracle → aurora-mysql: heterogeneous." in first
    assert "Storage objects: 1 of 1 (100.0%)" in first and "Code objects: 0 of 0 (n/a)" in first
    assert "RETAIL" not in first and "SQL014" not in first


def test_effort_per_code_and_per_schema_add_up_to_the_total(oracle):
    dg = digest(oracle)
    s = oracle.summary()
    assert sum(g.hours_low for g in dg.codes) == pytest.approx(s.hours_low)
    assert sum(g.hours_high for g in dg.codes) == pytest.approx(s.hours_high)
    assert sum(r[1] for r in dg.effort_by_schema) == pytest.approx(s.hours_low)
    assert sum(r[2] for r in dg.effort_by_schema) == pytest.approx(s.hours_high)
    assert sum(g.occurrences for g in dg.codes) == len(oracle.action_items.active())


def test_sections_charts_objects_plan(oracle):
    html = render_html(oracle)
    for sid in ("summary", "charts", "items", "objects", "plan", "cdc", "dms", "graph", "inputs"):
        assert f'<section id="{sid}"' in html
    charts_ = _section(html, "charts")
    assert charts_.count("<svg") == 4 and charts_.count("<title id=") == 4
    items = _section(html, "items")
    assert items.count('<tbody class="unit"') == len(digest(oracle).codes)
    assert 'class="side"' in items  # source and converted code side by side
    objects = _section(html, "objects")
    assert objects.count('<tbody class="unit"') == len(oracle.objects.rows())
    assert "<details><summary>Converted DDL" in objects
    plan = _section(html, "plan")
    for st in oracle.plan.steps:
        assert f'id="step-{st.number.replace(".", "-")}"' in plan
    # the held-back file is shown when there is one (retail's views all convert now: V_TOP_CUSTOMERS's
    # ROWNUM became row_number(), so nothing waits)
    assert ("05_held_back.sql" in plan) == ("05_held_back.sql" in oracle.plan.ddl_files())
    dms = _section(html, "dms")
    assert dms.count('class="copy"') == len(oracle.dms.files()) == 4 and "AWSTemplateFormatVersion" in dms
    graph = _section(html, "graph")
    assert graph.count("<g><title>") == depgraph.select(oracle.graph).graph.number_of_nodes()


def test_ids_are_unique_and_every_link_lands(oracle):
    html = render_html(oracle)
    ids = re.findall(r'\sid="([^"]*)"', html)
    assert len(ids) == len(set(ids))
    refs = set(re.findall(r'href="#([^"]*)"', html))
    for attr in ("data-copy", "aria-controls", "data-for", "data-expand"):
        refs |= set(re.findall(rf'{attr}="([^"]*)"', html))
    assert refs and refs <= set(ids)


def test_markdown_report_has_the_same_story(oracle):
    md = render_markdown(oracle)
    s = oracle.summary().to_dict()
    for heading in ("## Executive summary", "### Top blockers", "### What to do first", "## Action items",
                    "## Objects", "## Plan", "## CDC readiness: Oracle Database", "## DMS artifacts",
                    "## Dependency graph"):
        assert f"\n{heading}\n" in md
    assert f"{s['effort_hours']['low']:g}–{s['effort_hours']['high']:g} hours" in md
    assert "```mermaid\nflowchart LR\n" in md  # 56 boxes: small enough for Mermaid
    assert "```json\n" in md and "```yaml\n" in md
    _assert_tables_well_formed(md)


def _assert_tables_well_formed(md: str) -> None:
    """Every row of a table has as many cells as its header (escaped pipes do not split)."""
    blocks = re.findall(r"(?:^\|.*\|\n)+", md, flags=re.MULTILINE)
    assert blocks
    for block in blocks:
        rows = [re.split(r"(?<!\\)\|", r)[1:-1] for r in block.strip().split("\n")]
        assert len({len(r) for r in rows}) == 1, block[:300]


# -- escaping -----------------------------------------------------------------------------------------
class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_hostile_names_and_comments_do_not_inject_html(hostile):
    html = render_html(hostile)
    p = _Tags()
    p.feed(html)
    tags = [t for t, _ in p.tags]
    assert tags.count("script") == 2  # the JSON data block and our own script
    assert "img" not in tags
    assert not [(t, k) for t, attrs in p.tags for k in attrs if k.startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;/pre&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;/pre&gt;&lt;img src=x onerror=alert(2)&gt;.sql" in html  # the file name
    assert SCRIPT not in html and "<img" not in html and "v</script><!--" not in html
    # the JSON block cannot end early or open a comment, and still decodes to the real names
    block = html.split('<script type="application/json" id="migplan-data">')[1].split("</script>")[0]
    assert "<" not in block and ">" not in block
    data = json.loads(block)
    assert SCRIPT in data["blockers"][0]["objects"]


def test_hostile_names_in_markdown_stay_text(hostile):
    md = render_markdown(hostile)
    outside = re.sub(r"^(`{3,}).*?^\1", "", md, flags=re.MULTILINE | re.DOTALL)  # fenced blocks
    outside = re.sub(r"(`+).+?\1", "", outside)  # code spans
    assert "<script" not in outside and "<img" not in outside and "<!--" not in outside
    assert "&lt;/pre&gt;&lt;img src=x onerror=alert(2)&gt;.sql" in md or "`</pre><img" in md
    _assert_tables_well_formed(md)  # the pipe in the comment did not add a cell


def test_markdown_helpers():
    assert table(["a"], [[code("x|y")], [cell("p | q\nr")]]).split("\n")[2:] == ["| `x\\|y` |", "| p \\| q<br>r |"]
    assert code("a`b") == "``a`b``" and code("`x`") == "`` `x` ``"
    assert fenced("```\nx\n```", "sql").startswith("````sql\n")
    assert text("<b>*x*</b> _y_ snake_case -> ok") == "&lt;b>\\*x\\*&lt;/b> \\_y\\_ snake_case -> ok"
    assert text("> quote") == "\\> quote"
    assert text("# not a heading") == "\\# not a heading"


def test_script_json_cannot_close_the_block():
    out = script_json({"x": "</script><!-- \u2028 & </SCRIPT>"})
    assert "</" not in out and "<!--" not in out and "\u2028" not in out
    assert json.loads(out) == {"x": "</script><!-- \u2028 & </SCRIPT>"}


# -- determinism -----------------------------------------------------------------------------------
def test_same_input_same_bytes(tmp_path):
    a1 = migplan.assess(SAMPLES / "oracle/retail", "oracle", "aurora-postgresql")
    a2 = migplan.assess(SAMPLES / "oracle/retail", "oracle", "aurora-postgresql")
    assert render_html(a1) == render_html(a2)
    assert render_markdown(a1) == render_markdown(a2)
    a1.write(tmp_path / "one")
    a2.write(tmp_path / "two")
    for name in ("report.html", "report.md"):
        one, two = (tmp_path / "one" / name).read_bytes(), (tmp_path / "two" / name).read_bytes()
        assert one == two
        assert str(SAMPLES).encode() not in one and str(tmp_path).encode() not in one


def test_same_bytes_under_another_hash_seed(tmp_path, oracle):
    """Set iteration order changes with PYTHONHASHSEED; the report must not."""
    prog = ("import sys, migplan; from migplan.report.html import render_html; "
            "a = migplan.assess(sys.argv[1], 'oracle', 'aurora-postgresql'); "
            "open(sys.argv[2], 'w', encoding='utf-8', newline='').write(render_html(a))")
    out = tmp_path / "seeded.html"
    env = dict(os.environ, PYTHONHASHSEED="12345")
    subprocess.run([sys.executable, "-c", prog, str(SAMPLES / "oracle/retail"), str(out)], check=True, env=env,
                   cwd=ROOT)
    assert out.read_text("utf-8") == render_html(oracle)


def test_charts_are_deterministic_and_labelled():
    rows = [("high", 11.0, "#c62828"), ("<low>", 2.5, "#a38a00")]
    svg = charts.bar_chart("c1", "Items by severity", rows)
    assert svg == charts.bar_chart("c1", "Items by severity", rows)
    assert '<title id="c1-t">Items by severity</title>' in svg and "high: 11; &lt;low&gt;: 2.5" in svg
    assert ">11</text>" in svg and ">2.5</text>" in svg and "<low>" not in svg
    st = charts.stacked_chart("c2", "Verdicts", [("table", [3.0, 1.0])], [("automatic", "#0a0"), ("complex", "#a00")])
    assert "table: 3 automatic, 1 complex" in st and ">4</text>" in st
    rg = charts.range_chart("c3", "Effort", [("RETAIL", 1.0, 4.0)])
    assert "1–4 h" in rg


def test_big_graphs_are_clustered_then_cut():
    g = nx.DiGraph()
    for s in range(3):
        for n in range(150):
            g.add_node(f"table:S{s}.T{n}", kind="table", schema=f"S{s}", name=f"T{n}", qname=f"S{s}.T{n}")
        g.add_node(f"view:S{s}.V", kind="view", schema=f"S{s}", name="V", qname=f"S{s}.V")
        g.add_edge(f"view:S{s}.V", f"table:S{s}.T0", kind="reads", how="ast")
    pic = depgraph.select(g)
    assert pic.total == 453 and pic.graph.number_of_nodes() == 6
    assert "453 objects drawn as 6 boxes" in pic.note
    svg = depgraph.to_svg(pic)
    assert "S0: 150 tables" in svg and svg == depgraph.to_svg(depgraph.select(g))
    pic = depgraph.select(g, max_nodes=4)
    assert pic.graph.number_of_nodes() == 4 and "most connected" in pic.note


@pytest.mark.engine
def test_verification_on_the_first_screen(pg_dsn):
    a = migplan.assess(SAMPLES / "oracle/retail", "oracle", "aurora-postgresql")
    a.verify(dsn=pg_dsn)
    v = a.verification.summary()
    html = render_html(a)
    card = _visible_text(html.split('id="card-verification"')[1].split("</div></div>")[0])
    assert f"{v['accepted']} of {v['statements']}" in card and f"{v['rejected']} rejected" in card
    for status, n in v["objects"].items():
        assert f"{n} {status}" in card
    objects = _section(html, "objects")
    assert objects.count('class="badge ver-') == sum(1 for r in a.objects.rows() if r["verification"])
    rejected = [k for k, ov in a.verification.by_object.items() if ov.status == "rejected"]
    if rejected:
        assert "rejected or built differently" in _section(html, "summary")
    md = render_markdown(a)
    assert f"{v['accepted']} of {v['statements']} statements accepted" in md
    assert render_html(a) == html  # timings are left out


# -- in a real browser -----------------------------------------------------------------------------
def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """Just enough of the DevTools protocol over --remote-debugging-pipe (fd 3 in, fd 4 out; messages
    are JSON ended by NUL). Records every event; dismisses any JavaScript dialog so a page cannot hang."""

    def __init__(self, binary: str):
        self.profile = tempfile.TemporaryDirectory(prefix="migplan-chromium-")
        cmd_r, self.w = os.pipe()
        self.r, res_w = os.pipe()
        # the child's ends above 10, moved onto 3 and 4 by the bash that execs Chromium (dash: 0-9 only)
        child_r = fcntl.fcntl(cmd_r, fcntl.F_DUPFD_CLOEXEC, 10)
        child_w = fcntl.fcntl(res_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(cmd_r)
        os.close(res_w)
        args = [binary, "--headless=new", "--disable-gpu", "--no-sandbox", "--remote-debugging-pipe",
                f"--user-data-dir={self.profile.name}", "--no-first-run", "--no-default-browser-check", "about:blank"]
        script = f'exec "$0" "$@" 3<&{child_r} 4>&{child_w} {child_r}<&- {child_w}>&-'
        self.proc = subprocess.Popen(["bash", "-c", script, *args], pass_fds=(child_r, child_w),
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(child_r)
        os.close(child_w)
        self.buf = b""
        self.n = 0
        self.events: list[dict] = []

    def _write(self, msg: dict) -> None:
        self.n += 1
        os.write(self.w, json.dumps({"id": self.n, **msg}).encode() + b"\0")

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._write({"method": method, "params": params or {}, **({"sessionId": session} if session else {})})
        want = self.n
        while True:
            m = self._read()
            if m.get("id") == want:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            if "method" in m:
                self._event(m)

    def wait_for(self, method: str) -> dict:
        while True:
            m = self._read()
            if "method" in m:
                self._event(m)
                if m["method"] == method:
                    return m

    def _event(self, m: dict) -> None:
        self.events.append(m)
        if m["method"] == "Page.javascriptDialogOpening":
            self._write({"method": "Page.handleJavaScriptDialog", "params": {"accept": False},
                         "sessionId": m.get("sessionId")})

    def _read(self) -> dict:
        while b"\0" not in self.buf:
            # a safety net against a wedged browser, not a timing assertion
            if not select.select([self.r], [], [], 120)[0]:
                raise RuntimeError("Chromium stopped answering on the DevTools pipe")
            chunk = os.read(self.r, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def open(self, path: Path) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for m in ("Page.enable", "Runtime.enable", "Log.enable"):
            self.send(m, session=session)
        start = len(self.events)
        self.send("Page.navigate", {"url": path.resolve().as_uri()}, session=session)
        while True:
            ev = self.wait_for("Page.loadEventFired")
            if ev.get("sessionId") == session:
                break
        return Page(self, session, target, start)

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except RuntimeError:
            pass
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.w)
        os.close(self.r)
        self.profile.cleanup()


class Page:
    def __init__(self, browser: Browser, session: str, target: str, start: int):
        self.b, self.session, self.target, self.start = browser, session, target, start

    def js(self, expression: str):
        r = self.b.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True,
                                             "userGesture": True}, session=self.session)
        if "exceptionDetails" in r:
            raise AssertionError(f"{expression[:80]}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def media(self, media: str) -> None:
        self.b.send("Emulation.setEmulatedMedia", {"media": media}, session=self.session)

    def problems(self) -> list[str]:
        """JS exceptions, console errors, browser log errors (CSP refusals, failed loads), dialogs."""
        out = []
        for m in self.b.events[self.start:]:
            if m.get("sessionId") != self.session:
                continue
            p = m.get("params", {})
            if m["method"] == "Runtime.exceptionThrown":
                d = p["exceptionDetails"]
                out.append(f"exception: {d.get('exception', {}).get('description') or d.get('text')}")
            elif m["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert", "warning"):
                out.append(f"console.{p['type']}: {[a.get('value') for a in p.get('args', [])]}")
            elif m["method"] == "Log.entryAdded" and p["entry"]["level"] in ("error", "warning"):
                out.append(f"log: {p['entry']['text']}")
            elif m["method"] == "Page.javascriptDialogOpening":
                out.append(f"dialog {p.get('type')}: {p.get('message')}")
        return out

    def close(self) -> None:
        self.b.send("Target.closeTarget", {"targetId": self.target})


@pytest.fixture(scope="module")
def browser():
    binary = _chromium()
    if binary is None:
        missing("chromium not found", "`make test` installs Debian's chromium through scripts/sysdeps.sh when run "
                "as root with apt; elsewhere install it (apt-get install chromium) to run the browser tests")
    b = Browser(binary)
    yield b
    b.close()


def _cli(args: list[str], url: str) -> subprocess.CompletedProcess:
    return subprocess.run([_chromium(), "--headless=new", "--disable-gpu", "--no-sandbox", "--enable-logging=stderr",
                           "--v=0", *args, url], capture_output=True, text=True, timeout=300, check=False)


def _console_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ":CONSOLE" in ln]


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def _screenshot_and_dom(html_file: Path, name: str) -> str:
    """The command-line way: a 1280x2000 screenshot kept in tests/artifacts, and the DOM after the scripts ran."""
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"{name}.png"
    shot.unlink(missing_ok=True)
    url = html_file.resolve().as_uri()
    res = _cli([f"--screenshot={shot}", "--window-size=1280,2000"], url)
    assert shot.exists(), res.stderr[-2000:]
    assert _png_size(shot) == (1280, 2000)
    assert not _console_lines(res.stderr)
    dom = _cli(["--dump-dom"], url)
    assert not _console_lines(dom.stderr), _console_lines(dom.stderr)
    shutil.copyfile(html_file, ARTIFACTS / f"{name}.html")
    return dom.stdout


@pytest.mark.parametrize("folder,source,target", SAMPLE_PAIRS, ids=[f"{p[0]}-{p[2]}" for p in SAMPLE_PAIRS])
def test_report_in_chromium(folder, source, target, tmp_path, browser):
    """Engine-independent: the static assessment only, for every sample pair."""
    a = migplan.assess(SAMPLES / folder, source, target)
    out = a.write(tmp_path)
    html_file = out / "report.html"
    page = browser.open(html_file)
    try:
        assert page.js("document.documentElement.getAttribute('data-migplan-ready')") == "1"
        assert page.js("document.documentElement.getAttribute('data-migplan-items')") == \
            str(len(a.action_items.active()))
        dg = digest(a)
        # sorting: click "Occurrences" twice
        counts = ("[...document.querySelectorAll('#items-table tbody.unit')]"
                  ".map(u => +u.rows[0].cells[5].textContent)")
        page.js("document.querySelectorAll('#items-table thead button.sort')[4].click()")
        asc = page.js(counts)
        assert asc == sorted(g.occurrences for g in dg.codes)
        page.js("document.querySelectorAll('#items-table thead button.sort')[4].click()")
        assert page.js(counts) == sorted(asc, reverse=True)
        # filtering: by severity, then by text
        worst = dg.codes[0].severity
        page.js(f"(() => {{ const s = document.querySelector('.controls[data-for=items-table] select'); "
                f"s.value = '{worst}'; s.dispatchEvent(new Event('change')); }})()")
        shown = page.js("[...document.querySelectorAll('#items-table tbody.unit:not(.hidden-by-filter)')]"
                        ".map(u => u.dataset.sev)")
        assert shown == [worst] * sum(1 for g in dg.codes if g.severity == worst)
        page.js("(() => { const s = document.querySelector('.controls[data-for=items-table] select'); s.value = ''; "
                "s.dispatchEvent(new Event('change')); const t = document.querySelector("
                "'.controls[data-for=items-table] input'); t.value = 'no such text anywhere'; "
                "t.dispatchEvent(new Event('input')); })()")
        assert page.js("document.querySelector('.controls[data-for=items-table] .count').textContent") == \
            f"0 of {len(dg.codes)} shown"
        # expanding an entry shows its occurrences
        first = dg.codes[0].code
        page.js(f"document.querySelector('#code-{first} button.toggle').click()")
        assert page.js(f"getComputedStyle(document.querySelector('#occ-{first}')).display") == "table-row"
        assert page.js(f"document.querySelector('#code-{first} button.toggle').getAttribute('aria-expanded')") == \
            "true"
        # a copy button does its job without an error
        page.js("document.querySelector('#dms button.copy').click()")
        # printing: buttons hidden, entries and <details> expanded
        page.media("print")
        assert page.js("getComputedStyle(document.querySelector('button.copy')).display") == "none"
        assert page.js("[...document.querySelectorAll('tr.detail')].every(r => getComputedStyle(r).display "
                       "=== 'table-row')")
        assert page.js("[...document.querySelectorAll('details:not([open]) pre')].every(p => p.checkVisibility())")
        page.media("")
        assert page.problems() == []
    finally:
        page.close()
    dom = _screenshot_and_dom(html_file, f"report-{folder.replace('/', '-')}-{target}")
    assert 'data-migplan-ready="1"' in dom


def test_hostile_report_in_chromium(tmp_path, browser, hostile):
    html_file = tmp_path / "report.html"
    html_file.write_text(render_html(hostile), encoding="utf-8")
    page = browser.open(html_file)
    try:
        assert page.js("document.documentElement.getAttribute('data-migplan-ready')") == "1"
        assert page.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
        assert page.js("document.scripts.length") == 2
        assert page.js("[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => "
                       "a.name.startsWith('on'))).length") == 0
        # the names are there, as text
        assert page.js(f"document.body.textContent.includes({json.dumps(SCRIPT)})")
        assert page.js(f"document.body.textContent.includes({json.dumps(IMG)})")
        assert page.js("document.querySelectorAll('#objects-table tbody.unit').length") == 2
        page.media("print")
        page.media("")
        assert page.problems() == []  # no alert or any other dialog, no error
    finally:
        page.close()
    dom = _screenshot_and_dom(html_file, "report-hostile")
    assert 'data-migplan-ready="1"' in dom
    p = _Tags()
    p.feed(dom)
    assert "img" not in [t for t, _ in p.tags]
    assert not [(t, k) for t, attrs in p.tags for k in attrs if k.startswith("on")]
