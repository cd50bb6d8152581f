"""Article text and config values are data: they show as text in HTML and PDF and never run."""
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from analysis.build import build

HOSTILE = (
    "Trade <script>document.title='PWNED-SCRIPT'</script> talks\n"
    "date 2026-03-01\n\n"
    "“Trade between our two countries reached $2 billion last year <img src=x onerror=\"document.title='PWNED-IMG'\">,” said Ann <b>Lee</b>.\n"
    "A [link](javascript:alert(1)) and $\\textbf{LaTeX}$ and | pipes | and `code` and {{ jinja }}.\n"
    "<iframe src=\"https://example.org\"></iframe><style>body{display:none}</style>\n"
)


def _browser():
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("hostile")
    (corpus / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    result = build(corpus, out, notebooks=["briefing"], title="<script>document.title='PWNED-TITLE'</script>",
                   progress=False)
    assert result.ok, [r.error for r in result.runs]
    return out


def test_hostile_text_is_escaped_in_html(hostile_build):
    html = (hostile_build / "briefing.html").read_text(encoding="utf-8")
    import re
    assert "<script" not in html and "<iframe" not in html
    assert not re.search(r"<[a-zA-Z][^<>]*\son[a-z]+\s*=", html)          # no event handler on any element
    assert "&lt;script&gt;document.title=" in html
    assert "&lt;img src=x onerror=" in html


def test_hostile_text_appears_as_text_in_pdf(hostile_build):
    text = " ".join(p.extract_text() for p in PdfReader(str(hostile_build / "briefing.pdf")).pages)
    assert "<script>" in text


@pytest.mark.skipif(_browser() is None, reason="needs Chromium (apt-get install chromium); make test installs it")
def test_a_real_browser_runs_no_script_from_the_article(hostile_build, tmp_path):
    page = hostile_build / "briefing.html"
    r = subprocess.run([_browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                        f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=2000", "--dump-dom",
                        page.as_uri()], capture_output=True, text=True, timeout=120)
    dom = r.stdout
    assert "<body" in dom, r.stderr[-2000:]
    title = dom.split("<title>")[1].split("</title>")[0]
    assert title == "&lt;script&gt;document.title='PWNED-TITLE'&lt;/script&gt;"   # no script changed it
    assert "<img src=\"x\"" not in dom and "<script>document" not in dom
    assert "&lt;script&gt;document.title='PWNED-SCRIPT'" in dom     # shown as text
