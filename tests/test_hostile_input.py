"""One hostile file, name or config value never crashes, hangs or leaks into a run: it is reported and skipped."""
import os
import threading
import time
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.corpus import load_corpus

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def corpus(seed_copy):
    return seed_copy


def _problems(c):
    return {r.file: (r.action, r.problem) for r in c.problems.itertuples()}


# --------------------------------------------------------------------------- 1: impossible dates, deep nesting


@pytest.mark.parametrize("value", ["2026-02-30", "2026-13-01"])
def test_an_impossible_front_matter_date_is_a_caveat_not_a_crash(corpus, capsys, value):
    (corpus / "d.md").write_text(f"---\ndate: {value}\n---\nBody of the article.\n", encoding="utf-8")
    assert main(["check", str(corpus)]) == 0
    c = load_corpus(corpus)
    a = c.articles.set_index("article_id")
    assert a.loc["d.md", "published"] is None or a.loc["d.md", "published"] != a.loc["d.md", "published"]
    action, problem = _problems(c)["d.md"]
    assert action == "read with caveat" and value in problem and "not understood" in problem


def test_an_impossible_time_of_day_in_front_matter_is_not_a_crash(corpus, capsys):
    (corpus / "d.md").write_text("---\ndate: 2026-01-01 25:00:00\n---\nBody of the article.\n", encoding="utf-8")
    assert main(["check", str(corpus)]) == 0
    a = load_corpus(corpus).articles.set_index("article_id")
    assert a.loc["d.md", "published"] in (None, "2026-01-01")        # the day is real; the time is not used


def test_a_real_front_matter_date_still_counts(corpus):
    (corpus / "d.md").write_text("---\ndate: 2026-02-28\n---\nBody of the article.\n", encoding="utf-8")
    a = load_corpus(corpus).articles.set_index("article_id")
    assert (a.loc["d.md", "published"], a.loc["d.md", "date_source"]) == ("2026-02-28", "front_matter")


def test_deeply_nested_front_matter_is_a_caveat_not_a_recursion_error(corpus, capsys):
    (corpus / "deep.md").write_text("---\ntitle: " + "[" * 500 + "]" * 500 + "\n---\nBody.\n", encoding="utf-8")
    assert main(["check", str(corpus)]) == 0
    action, problem = _problems(load_corpus(corpus))["deep.md"]
    assert "nested more than" in problem


def test_a_deeply_nested_manifest_is_reported_and_the_articles_still_read(corpus):
    (corpus / "manifest.yml").write_text("articles: " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    c = load_corpus(corpus)
    assert len(c.articles) == 3
    assert "nested more than" in _problems(c)["manifest.yml"][1]


@pytest.mark.parametrize("body,key", [
    ("people:\n  - name: Ann Lee\n    titles:\n      - title: minister\n        from: 2026-02-30\n", "from"),
    ("people: " + "[" * 300 + "]" * 300 + "\n", "nested more than"),
])
def test_a_roster_with_impossible_values_exits_2_naming_the_file(corpus, tmp_path, capsys, body, key):
    roster = tmp_path / "speakers.yml"
    roster.write_text(body, encoding="utf-8")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "x"), "--roster", str(roster), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "speakers.yml" in err and key in err and "Traceback" not in err


def test_a_build_config_with_an_impossible_date_exits_2_naming_the_file(corpus, tmp_path, capsys):
    cfg = tmp_path / "briefing.yml"
    cfg.write_text(f"corpus: {corpus}\nparameters:\n  since: 2026-02-30\n", encoding="utf-8")
    assert main(["build", "--config", str(cfg), "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert "since" in err and "2026-02-30" in err


# --------------------------------------------------------------------------- 2: special files


def test_a_named_pipe_is_skipped_without_waiting_for_a_writer(corpus):
    os.mkfifo(corpus / "pipe.txt")
    got = {}
    t = threading.Thread(target=lambda: got.setdefault("c", load_corpus(corpus)), daemon=True)
    t.start()
    t.join(30)
    assert not t.is_alive(), "reading the corpus hung on a named pipe"
    action, problem = _problems(got["c"])["pipe.txt"]
    assert action == "skipped" and "named pipe" in problem
    assert len(got["c"].articles) == 3


def test_a_link_to_an_endless_device_is_not_read(corpus):
    os.symlink("/dev/zero", corpus / "z.txt")
    c = load_corpus(corpus)
    assert "z.txt" in _problems(c) and len(c.articles) == 3


def test_the_size_limit_holds_on_the_read_itself_not_only_on_stat(corpus, monkeypatch):
    import analysis.corpus as ac
    big = corpus / "growing.txt"
    big.write_text("Headline\n" + "word " * 1000, encoding="utf-8")
    real_fstat = os.fstat

    class Small:                         # a file that says it is small but is not (or grows while read)
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 10

    monkeypatch.setattr(ac.os, "fstat", lambda fd: Small(real_fstat(fd)))
    c = load_corpus(corpus, max_bytes=1000)
    assert "grew past" in _problems(c)["growing.txt"][1]


# --------------------------------------------------------------------------- 3: file names that are not UTF-8


def test_a_file_name_that_is_not_utf8_is_read_and_printed(corpus, tmp_path, capsys):
    name = os.fsencode(corpus) + b"/bad\xff.txt"
    with open(name, "wb") as fh:
        fh.write("Odd name\nThe text of an article with an odd file name.\n".encode())
    assert main(["check", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "bad\ufffd.txt" in out
    assert main(["extract", str(corpus), "--out", str(tmp_path / "x"), "--no-cache"]) == 0
    arts = (tmp_path / "x" / "articles.csv").read_text(encoding="utf-8")
    assert "bad\ufffd.txt" in arts


# --------------------------------------------------------------------------- 9: read cache keyed on content identity


def test_an_edit_that_keeps_size_and_mtime_is_read_again(corpus, tmp_path):
    cache = tmp_path / "cache"
    f = corpus / "e.txt"
    f.write_text("Headline\nTrade reached $1 billion.\n", encoding="utf-8")
    first = load_corpus(corpus, cache_dir=cache).articles.set_index("article_id")
    st = f.stat()
    time.sleep(0.01)
    f.write_text("Headline\nTrade reached $7 billion.\n", encoding="utf-8")      # same size
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))                           # touch -d OLD
    assert f.stat().st_size == st.st_size and f.stat().st_mtime_ns == st.st_mtime_ns
    second = load_corpus(corpus, cache_dir=cache)
    a = second.articles.set_index("article_id")
    assert "$7 billion" in a.loc["e.txt", "text"]
    assert a.loc["e.txt", "sha256"] != first.loc["e.txt", "sha256"]
    assert second.read_cache == {"hits": 3, "misses": 1}


# --------------------------------------------------------------------------- 10: output inside the corpus


def test_reports_and_cache_inside_the_corpus_are_not_read_as_articles(corpus, tmp_path):
    assert main(["extract", str(corpus), "--out", str(corpus / "out"), "--cache", str(corpus / "cache")]) == 0
    assert main(["extract", str(corpus), "--out", str(corpus / "out"), "--cache", str(corpus / "cache")]) == 0
    assert "out/" not in (corpus / "out" / "articles.csv").read_text(encoding="utf-8")
    (corpus / "reports" / "run").mkdir(parents=True)
    (corpus / "reports" / "run" / "briefing.html").write_text("<h1>Old briefing</h1><p>Said.</p>", encoding="utf-8")
    (corpus / "out" / "old.txt").write_text("Report\nText.\n", encoding="utf-8")
    c = load_corpus(corpus, exclude=(corpus / "out",), cache_dir=corpus / "cache")
    assert sorted(c.articles["article_id"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert not any(f.startswith(("out/", "reports/", "cache/")) for f in c.problems["file"])


# --------------------------------------------------------------------------- 15: links out of the corpus


def test_a_link_to_a_file_outside_the_corpus_is_reported_not_read(corpus, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret\nroot:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    os.symlink(secret, corpus / "passwd.txt")
    os.symlink(corpus / "000_6a241dff57038185.txt", corpus / "inside.txt")   # inside: followed (a duplicate)
    c = load_corpus(corpus, cache_dir=tmp_path / "cache")
    action, problem = _problems(c)["passwd.txt"]
    assert action == "skipped" and "outside the corpus" in problem
    assert not c.articles["text"].str.contains("root:x:0").any()
    assert "duplicate" in _problems(c)["inside.txt"][1]
    assert not any(b"root:x:0" in p.read_bytes() for p in (tmp_path / "cache").rglob("*") if p.is_file())


# --------------------------------------------------------------------------- smaller: bytes


def test_nul_bytes_after_the_first_8_kb_are_dropped_with_a_caveat(corpus, tmp_path):
    (corpus / "nul.txt").write_bytes(b"Headline\n" + b"Plain words. " * 800 + "“We will trade\x00 more,” he said.\n".encode())
    c = load_corpus(corpus)
    assert "\x00" not in "".join(c.articles["text"])
    assert "NUL" in _problems(c)["nul.txt"][1]


def test_a_mostly_utf8_file_with_one_cp1251_run_is_read_with_a_caveat(corpus):
    data = "Минск и Астана\n".encode() + "Товарооборот вырос. ".encode() * 20 + "до 1 млрд".encode("cp1251") + b".\n"
    (corpus / "mixed.txt").write_bytes(data)
    c = load_corpus(corpus)
    a = c.articles.set_index("article_id")
    assert a.loc["mixed.txt", "title"] == "Минск и Астана"
    assert "\ufffd" in a.loc["mixed.txt", "text"]
    assert "replaced" in _problems(c)["mixed.txt"][1]


@pytest.mark.parametrize("text", ["Cafe\nWe met at the Café.", "Déjà vu in Besançon; the garçon said ça va.\nText."])
def test_latin1_text_is_decoded_as_western_european(corpus, text):
    (corpus / "l1.txt").write_bytes(text.encode("latin-1"))
    a = load_corpus(corpus).articles.set_index("article_id")
    assert a.loc["l1.txt", "text"].strip() == text


# --------------------------------------------------------------------------- 16 (terminal part) and smaller: check


def test_check_never_prints_terminal_escapes_from_a_title(corpus, capsys):
    (corpus / "esc.txt").write_text("Title \x1b]0;pwned\x07 \x1b[2J here\nBody text.\n", encoding="utf-8")
    assert main(["check", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Title \\x1b]0;pwned\\x07 \\x1b[2J here" in out


def test_check_says_no_date_for_undated_articles_not_nan(corpus, capsys):
    (corpus / "undated.txt").write_text("A headline\nNo date anywhere in this text.\n", encoding="utf-8")
    assert main(["check", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "nan" not in out
    assert [line for line in out.splitlines() if "undated.txt" in line][0].split()[1:3] == ["no", "date"]


# --------------------------------------------------------------------------- 4: per-article time budget


def test_an_article_over_its_time_budget_is_reported_skipped_and_not_cached(corpus, tmp_path, monkeypatch):
    from analysis.pipeline import analyse
    analyse(corpus)                         # warm up: vocabularies and patterns load once per process
    (corpus / "dollars.txt").write_text("Dollars\n\n" + "$1 " * 6000, encoding="utf-8")
    monkeypatch.setenv("BRIEFING_ARTICLE_SECONDS", "0.5")
    for _ in range(2):                      # the second run reads the cache: still reported, never silently empty
        res = analyse(corpus, cache_dir=tmp_path / "cache")
        problems = res.problems.set_index("file")
        assert "longer than the 0.5 s budget" in problems.loc["dollars.txt", "problem"]
        assert "dollars.txt" not in set(res.articles["article_id"])
        assert "dollars.txt" not in set(res.figures["article_id"])
        assert len(res.articles) == 3 and len(res.quotes) > 0


def test_the_budget_is_checked_between_extractors_outside_the_main_thread(corpus, monkeypatch):
    from analysis.pipeline import analyse
    analyse(corpus)
    (corpus / "dollars.txt").write_text("Dollars\n\n" + "$1 " * 6000, encoding="utf-8")
    monkeypatch.setenv("BRIEFING_ARTICLE_SECONDS", "0.5")
    got = {}
    t = threading.Thread(target=lambda: got.setdefault("r", analyse(corpus)))
    t.start()
    t.join(600)
    assert "dollars.txt" in set(got["r"].problems["file"])
    assert "dollars.txt" not in set(got["r"].articles["article_id"]) and len(got["r"].articles) == 3


@pytest.mark.parametrize("html", ["<h1>T</h1><p>x</p>" + "<![CDATA[" * 50_000, "<h1>T</h1><p>" + "<a " * 50_000,
                                  "<h1>T</h1><p>" + "<!--" * 50_000])
def test_unclosed_html_constructs_never_crash_the_reader(html):
    from analysis.corpus import html_to_text
    text, meta = html_to_text(html)
    assert isinstance(text, str) and isinstance(meta, dict)


# --------------------------------------------------------------------------- 14: labels are plain text in charts


def test_a_theme_label_with_tex_markup_is_drawn_as_plain_text():
    import io

    import matplotlib
    matplotlib.use("Agg", force=False)
    import pandas as pd

    from analysis import charts, style
    style.setup()
    themes = pd.DataFrame({"article_id": ["a.txt", "a.txt"], "theme": ["t1", "t2"], "hits": [3, 1],
                           "per_1k_words": [3.0, 1.0]})
    articles = pd.DataFrame({"article_id": ["a.txt"], "published": ["2026-01-01"], "title": ["A"]})
    fig = charts.theme_profile(themes, articles, {"t1": "$\\frac{$", "t2": "costs $5 and $6"})
    buf = io.BytesIO()
    fig.savefig(buf, format="svg")
    assert buf.getvalue().startswith(b"<?xml")


# --------------------------------------------------------------------------- smaller


def test_a_repeated_manifest_row_is_reported(corpus):
    (corpus / "manifest.csv").write_text("file,title\n000_6a241dff57038185.txt,First\n000_6a241dff57038185.txt,Second\n",
                                         encoding="utf-8")
    c = load_corpus(corpus)
    assert c.articles.set_index("article_id").loc["000_6a241dff57038185.txt", "title"] == "Second"
    assert "repeats an earlier entry" in _problems(c)["manifest.csv"][1]


def test_an_integer_parameter_error_names_the_expected_type(tmp_path, capsys):
    assert main(["build", str(SEEDS), "--out", str(tmp_path / "R"), "--notebook", "speaker_quotes",
                 "-p", "min_quote_words", "four"]) == 2
    err = capsys.readouterr().err
    assert "expects a whole number" in err and "none" not in err
