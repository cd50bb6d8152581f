"""Building briefings: executes the real notebooks with papermill and renders HTML and PDF."""
import json
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from analysis.build import UsageError, build
from analysis.cli import main

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


@pytest.fixture(scope="module")
def built(tmp_path_factory, seeds_dir):
    out = tmp_path_factory.mktemp("reports")
    result = build(seeds_dir, out, title="Test briefing", progress=False)
    assert result.ok, [r.error for r in result.runs]
    return out


def test_every_notebook_renders_html_and_pdf(built):
    for name in ("briefing", "speaker_quotes", "trade_figures", "themes"):
        pdf = built / f"{name}.pdf"
        assert pdf.read_bytes()[:4] == b"%PDF"
        assert len(PdfReader(str(pdf)).pages) >= 1
        html = (built / f"{name}.html").read_text(encoding="utf-8")
        assert "<title>" in html
        assert not re.search(r"<(?:script|link)[^>]+(?:src|href)=[\"']?(?:https?:)?//", html), name
        assert "<script" not in html
        assert not re.search(r"url\([\"']?https?://", html)
    assert (built / "latest" / "manifest.json").exists()


def test_briefing_content_comes_from_the_data(built):
    html = (built / "briefing.html").read_text(encoding="utf-8")
    assert "Test briefing" in html
    assert "a billion and more" in html and "several billion" in html       # the disagreement
    assert "Aleksandr Lukashenko" in html and "Yerlan Koshanov" in html
    assert "corpus_dir" not in html                                        # parameter cells are hidden
    text = " ".join(p.extract_text() for p in PdfReader(str(built / "briefing.pdf")).pages)
    assert "Sources" in text and "Methodology" in text
    assert re.search(r"\d+ / \d+", text)                                   # page numbers n / N


def test_manifest_records_inputs_outputs_and_versions(built):
    m = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    assert m["status"] == "ok" and len(m["inputs"]) == 3 and all(len(i["sha256"]) == 64 for i in m["inputs"])
    assert {"briefing.pdf", "briefing.html", "briefing.ipynb"} <= {o["file"] for o in m["outputs"]}
    assert m["versions"]["briefing"] and m["notebooks"][0]["parameters"]["title"] == "Test briefing"


def test_unknown_parameter_is_refused_before_anything_runs(tmp_path, seeds_dir, capsys):
    assert main(["build", str(seeds_dir), "--out", str(tmp_path), "-p", "colour", "red"]) == 2
    assert "unknown parameter 'colour'" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_parameter_of_the_wrong_type_is_refused(tmp_path, seeds_dir):
    with pytest.raises(UsageError, match="min_quote_words"):
        build(seeds_dir, tmp_path, notebooks=["speaker_quotes"], params=[("min_quote_words", "many")])


def test_unknown_notebook_is_refused(tmp_path, seeds_dir, capsys):
    assert main(["build", str(seeds_dir), "--out", str(tmp_path), "--notebook", "nope"]) == 2
    assert "no notebook named nope" in capsys.readouterr().err


def test_a_failing_notebook_leaves_the_previous_report(tmp_path, seeds_dir, monkeypatch, capsys):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    shutil.copy(NOTEBOOKS / "trade_figures.ipynb", nbs / "trade_figures.ipynb")
    monkeypatch.setenv("BRIEFING_NOTEBOOKS", str(nbs))
    out = tmp_path / "reports"
    assert main(["build", str(seeds_dir), "--out", str(out), "--format", "html"]) == 0
    good = (out / "trade_figures.html").read_bytes()
    latest = (out / "latest").resolve()
    nb = json.loads((nbs / "trade_figures.ipynb").read_text(encoding="utf-8"))
    nb["cells"].insert(3, {"cell_type": "code", "id": "deliberate-failure", "metadata": {}, "outputs": [], "execution_count": None,
                           "source": "raise RuntimeError('deliberate failure')"})
    (nbs / "trade_figures.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    assert main(["build", str(seeds_dir), "--out", str(out), "--format", "html"]) == 1
    err = capsys.readouterr().err
    assert "notebook 'trade_figures' failed in cell" in err and "RuntimeError" in err
    assert (out / "trade_figures.html").read_bytes() == good
    assert (out / "latest").resolve() == latest
    failed = [p for p in out.glob("*/trade_figures.failed.ipynb")]
    assert len(failed) == 1


def test_a_killed_build_leaves_the_previous_report_and_the_next_run_recovers(tmp_path, seeds_dir):
    import os
    import signal
    import subprocess
    import sys
    import time
    out = tmp_path / "reports"
    cmd = [sys.executable, "-m", "analysis", "build", str(seeds_dir), "--out", str(out), "--notebook", "trade_figures",
           "--format", "html", "--cache", str(tmp_path / "cache")]
    assert subprocess.run(cmd, capture_output=True).returncode == 0
    good = (out / "trade_figures.html").read_bytes()
    latest = (out / "latest").resolve()
    runs_before = set(out.iterdir())
    cmd += ["--title", "Second run"]                   # new inputs: an unchanged build would be "up to date"
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline and not (set(out.iterdir()) - runs_before):
        time.sleep(0.1)
    time.sleep(1.5)                                    # the notebook kernel is running now
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    assert (out / "trade_figures.html").read_bytes() == good
    assert (out / "latest").resolve() == latest
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert (out / "latest").resolve() != latest


def test_a_corpus_with_nothing_to_extract_still_gives_a_briefing_listing_what_was_skipped(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "plain.txt").write_text("Plain headline\n\nNothing quoted here and no money at all.\n", encoding="utf-8")
    result = build(corpus, tmp_path / "out", formats=("html",), progress=False)
    assert result.ok, [r.error for r in result.runs]
    html = (tmp_path / "out" / "briefing.html").read_text(encoding="utf-8")
    assert "empty.txt" in html and "empty file" in html
    assert "No money amounts found." in html and "No direct quotes." in html


def test_a_date_parameter_that_is_not_a_date_is_refused(tmp_path, seeds_dir, capsys):
    assert main(["build", str(seeds_dir), "--out", str(tmp_path), "-p", "since", "last week"]) == 2
    assert "parameter 'since' expects a date" in capsys.readouterr().err
