"""Briefings that scale: a generated corpus above every cap builds within the page budget, every table
shown has its full version attached, and an unchanged corpus rebuilds nothing."""
import json
import re
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from analysis.build import build
from analysis.cli import main

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
N = 60          # above the per-article chart limit (20), every table cap and the summary caps
DEEP_DIVES = ("speaker_quotes", "themes", "trade_figures")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    from generate import generate
    return generate(N, tmp_path_factory.mktemp("corpus") / f"corpus-{N}")


@pytest.fixture(scope="module")
def big(tmp_path_factory, generated):
    out = tmp_path_factory.mktemp("reports")
    result = build(generated, out, title="Scale test", progress=False, cache_dir=tmp_path_factory.mktemp("cache"))
    assert result.ok, [r.error for r in result.runs]
    return out


def _pages(pdf: Path) -> int:
    return len(PdfReader(str(pdf)).pages)


def test_executive_briefing_stays_within_six_pages_and_deep_dives_within_thirty(big):
    assert _pages(big / "briefing.pdf") <= 6
    for name in DEEP_DIVES:
        assert _pages(big / f"{name}.pdf") <= 30, name


def test_every_table_in_a_report_has_its_full_version_attached_beside_it(big):
    from openpyxl import load_workbook
    for name in ("briefing", *DEEP_DIVES):
        html = (big / f"{name}.html").read_text(encoding="utf-8")
        tables = re.findall(r"<table([^>]*)>", html)
        data_tables = [t for t in tables if "class=\"meta\"" not in t]
        assert data_tables, name
        sheets = set(load_workbook(big / f"{name}.xlsx", read_only=True).sheetnames)
        assert "README" in sheets
        for attrs in data_tables:
            m = re.search(r"data-sheet=['\"]([^'\"]+)", attrs)
            assert m, f"{name}: a table without an attached full version: <table{attrs}>"
            assert m.group(1) in sheets, (name, m.group(1))
            full = pd.read_csv(big / f"{name}-{m.group(1)}.csv")
            assert len(full) >= 1
        text = " ".join(p.extract_text() for p in PdfReader(str(big / f"{name}.pdf")).pages)
        assert f"{name}.xlsx" in " ".join(text.split())      # the PDF says where the full tables are


def test_long_tables_show_the_top_rows_and_say_how_many_were_left_out(big):
    html = (big / "trade_figures.html").read_text(encoding="utf-8")
    figures = pd.read_csv(big / "trade_figures-figures.csv")
    assert len(figures) > 40
    shown = re.search(r"<table data-sheet=['\"]figures['\"]>.*?</table>", html, re.S).group(0)
    assert shown.count("<tr>") == 40 + 1                           # header + the top 40
    assert f"Top 40 of {len(figures):,} rows" in html
    values = figures["value_usd"].dropna()
    assert list(values) == sorted(values, reverse=True)              # the stated order: largest first


def test_summary_is_capped_and_counts_what_it_left_to_the_deep_dives(big):
    html = (big / "briefing.html").read_text(encoding="utf-8")
    summary = re.search(r'<ul class="summary">(.*?)</ul>', html, re.S).group(1)
    points = re.findall(r"<li>(.*?)</li>", summary, re.S)
    # corpus, new since last, 3 claims + "more", 5 disagreements + "more", themes, movement, 3 speakers + "more", problems
    assert 4 <= len(points) <= 18
    assert sum(p.startswith("Sources disagree") for p in points) <= 5
    assert any("more quoted speakers in the speaker-quotes deep dive" in p for p in points)
    assert not any("rose from" in p and "1 articles" in p for p in points)     # no trend from one article


def test_briefing_sources_list_only_the_articles_it_cites(big):
    html = (big / "briefing.html").read_text(encoding="utf-8")
    body, sources = html.split("<body", 1)[1].split('id="sources"', 1)
    listed = re.findall(r"<tr id=['\"]src-(A\d+)['\"]>", sources)
    cited = set(re.findall(r"\b(A\d+)\b", re.sub(r"<[^>]+>", " ", body)))
    assert 0 < len(listed) < N
    assert set(listed) == cited                      # every article cited above is listed, and nothing else
    assert f"of {N} in the corpus" in sources
    deep = (big / "themes.html").read_text(encoding="utf-8").split('id="sources"', 1)[1]
    assert len(re.findall(r"<tr id=['\"]src-A\d+['\"]>", deep)) == N                     # the full list in the deep dives


def test_theme_charts_aggregate_above_twenty_articles(big):
    html = (big / "themes.html").read_text(encoding="utf-8")
    assert "by article (A1" not in html
    assert re.search(r"per 1,000 words by (month|quarter|year) of publication", html)


def test_quotes_show_each_statement_once_with_the_other_sources(big):
    html = (big / "speaker_quotes.html").read_text(encoding="utf-8")
    statements = pd.read_csv(big / "speaker_quotes-statements.csv", keep_default_na=False)
    assert statements.duplicated(["speaker", "text"]).sum() == 0 or statements["also_in"].ne("").any()
    assert "also in" in html
    assert "more speakers (" in html


def test_unchanged_corpus_is_up_to_date_and_only_changed_notebooks_run_again(tmp_path, seed_copy, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out, cache = Path("out"), Path("cache")                  # relative, as in `make report`
    args = ["build", str(seed_copy), "--out", str(out), "--cache", str(cache), "--format", "html",
            "--notebook", "trade_figures", "--notebook", "themes"]
    assert main(args) == 0
    runs = {p.name for p in out.iterdir() if p.is_dir() and not p.is_symlink()}
    capsys.readouterr()
    assert main(args) == 0
    assert "up to date" in capsys.readouterr().out
    assert {p.name for p in out.iterdir() if p.is_dir() and not p.is_symlink()} == runs     # no new run folder

    assert main(args + ["-p", "metric", "trade turnover"]) == 0                 # only trade_figures takes it
    said = capsys.readouterr().out
    assert "themes: unchanged, reused" in said and re.search(r"trade_figures: ok \(", said)
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {n["name"]: n["reused"] for n in m["notebooks"]} == {"trade_figures": False, "themes": True}
    assert (out / "themes.html").exists() and (out / "themes.xlsx").exists()

    shutil.copy(ROOT / "seeds" / "001_7d2acf906af58596.txt", seed_copy / "new_article.txt")
    (seed_copy / "new_article.txt").write_text((seed_copy / "new_article.txt").read_text(encoding="utf-8") + "\nOne more line.\n",
                                                encoding="utf-8")
    assert main(args + ["-p", "metric", "trade turnover"]) == 0
    said = capsys.readouterr().out
    assert "reused" not in said                                                # the corpus changed: both run
    html = (out / "themes.html").read_text(encoding="utf-8")
    assert "new_article.txt" in html


def test_notebooks_read_the_build_snapshot_not_the_corpus(tmp_path, seed_copy):
    out = tmp_path / "out"
    assert build(seed_copy, out, notebooks=["themes"], formats=("html",), progress=False).ok
    nb = json.loads((out / "themes.ipynb").read_text(encoding="utf-8"))
    injected = "".join(next(c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", []))["source"])
    snap = re.search(r'snapshot = "([^"]+)"', injected).group(1)
    assert Path(snap).parent == (out / "latest").resolve() and (Path(snap) / "articles.parquet").exists()
