"""The command line: exit codes and the extract output contract."""
import csv
import subprocess
import sys

import pytest

from analysis.cli import main

CONTRACT = {
    "articles.csv": ["article_id", "path", "title", "published", "date_precision", "date_source", "year_known",
                     "source", "url", "language", "n_words", "sha256"],
    "quotes.csv": ["article_id", "quote_id", "utterance_id", "cluster_id", "kind", "text", "speaker", "speaker_mention",
                   "speaker_in_roster", "confidence", "start", "end", "paragraph"],
    "figures.csv": ["article_id", "figure_id", "surface", "value_usd", "low_usd", "high_usd", "amount", "currency",
                    "qualifier", "vague", "claim", "metric", "year", "relative_to", "speaker", "in_quote", "start", "end",
                    "sentence"],
    "themes.csv": ["article_id", "theme", "hits", "per_1k_words", "sentence_share"],
    "theme_mentions.csv": ["article_id", "theme", "term", "surface", "start", "end", "sentence_id", "in_quote", "speaker"],
    "quantities.csv": ["article_id", "quantity_id", "surface", "kind", "value", "start", "end"],
}


def test_extract_writes_the_contract(tmp_path, seeds_dir):
    assert main(["extract", str(seeds_dir), "--out", str(tmp_path)]) == 0
    for name, cols in CONTRACT.items():
        with open(tmp_path / name, encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert [c for c in header if c in cols] == cols, name


def test_check_summarises(capsys, seeds_dir):
    assert main(["check", str(seeds_dir)]) == 0
    out = capsys.readouterr().out
    assert "3 article(s)" in out and "2013-04-25 to 2026-02-05" in out and "BelTA (1)" in out


def test_check_fails_when_nothing_is_readable(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(b"")
    assert main(["check", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "a.txt: skipped: empty file" in captured.out and "no article could be read" in captured.err


def test_missing_corpus_is_bad_usage(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope")]) == 2
    assert "corpus folder not found" in capsys.readouterr().err


def test_bad_roster_is_bad_usage_naming_file_and_key(tmp_path, seeds_dir, capsys):
    r = tmp_path / "speakers.yml"
    r.write_text("people:\n  - name: A B\n    titles:\n      - {title: President, from: soon}\n", encoding="utf-8")
    assert main(["extract", str(seeds_dir), "--out", str(tmp_path / "o"), "--roster", str(r)]) == 2
    assert "speakers.yml:4 people[0] (A B).titles[0] (President).from: expected a year" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_unknown_option_exits_2():
    with pytest.raises(SystemExit) as e:
        main(["build", "seeds", "--colour", "red"])
    assert e.value.code == 2


def test_python_dash_m_works(seeds_dir):
    r = subprocess.run([sys.executable, "-m", "analysis", "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "extract" in r.stdout


def test_a_failed_notebook_is_reported_once(tmp_path, seeds_dir):
    import os

    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(cells=[new_code_cell('corpus_dir = ""\ntitle = ""', metadata={"tags": ["parameters"]}),
                             new_code_cell('raise RuntimeError("boom in the notebook")')])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    (tmp_path / "nbs").mkdir()
    nbformat.write(nb, str(tmp_path / "nbs" / "broken.ipynb"))
    env = {**os.environ, "BRIEFING_NOTEBOOKS": str(tmp_path / "nbs"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    r = subprocess.run([sys.executable, "-m", "analysis", "build", str(seeds_dir), "--out", str(tmp_path / "out"),
                        "--format", "html"], capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 1
    assert r.stderr.count("boom in the notebook") == 1, r.stderr
    assert "build failed" in r.stderr
