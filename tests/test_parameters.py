"""Notebook parameters and config options are checked (and made canonical) before any notebook runs."""
import logging
import os

import pytest

from analysis import build as build_mod
from analysis.build import NotebookRun
from analysis.cli import main


@pytest.fixture
def executed(monkeypatch):
    """Record what each notebook would receive instead of starting kernels."""
    calls = {}

    def fake_execute(name, path, run_dir, parameters, formats, title, kernel_root, verbose=False, **kw):
        calls[name] = dict(parameters)
        return NotebookRun(name, ok=True)
    monkeypatch.setattr(build_mod, "execute", fake_execute)
    monkeypatch.setattr(build_mod, "PREWARM_KERNELS", False)      # no kernel is needed
    return calls


def _build(tmp_path, corpus, *args):
    return main(["build", *([str(corpus)] if corpus else []), "--out", str(tmp_path / "out"), "--no-cache", *args])


def test_a_theme_label_in_any_case_is_passed_on_as_its_key(tmp_path, seeds_dir, executed):
    assert _build(tmp_path, seeds_dir, "--notebook", "themes", "-p", "themes", "TRADE, Machinery and engineering") == 0
    assert executed["themes"]["themes"] == "trade,machinery"


def test_an_unknown_theme_is_refused_with_a_suggestion_before_anything_runs(tmp_path, seeds_dir, executed, capsys):
    assert _build(tmp_path, seeds_dir, "-p", "themes", "trade,machinary") == 2
    err = capsys.readouterr().err
    assert "no theme 'machinary'" in err and "did you mean 'machinery'" in err
    assert executed == {} and not (tmp_path / "out").exists()


def test_a_surname_names_the_roster_speaker(tmp_path, seeds_dir, executed):
    assert _build(tmp_path, seeds_dir, "--notebook", "speaker_quotes", "-p", "speakers", "lukashenko") == 0
    assert executed["speaker_quotes"]["speakers"] == "Aleksandr Lukashenko"


def test_a_misspelt_speaker_gets_did_you_mean(tmp_path, seeds_dir, executed, capsys):
    assert _build(tmp_path, seeds_dir, "--notebook", "speaker_quotes", "-p", "speakers", "Lukashenka Alexandr") == 2
    assert "did you mean 'Aleksandr Lukashenko'" in capsys.readouterr().err


def test_a_speaker_the_corpus_quotes_outside_the_roster_is_accepted(tmp_path, seed_copy, executed):
    (seed_copy / "lee.txt").write_text("Visit\n2026-02-01\n“Trade is growing fast,” said Ann Lee.\n", encoding="utf-8")
    assert _build(tmp_path, seed_copy, "--notebook", "speaker_quotes", "-p", "speakers", "ann lee") == 0
    assert executed["speaker_quotes"]["speakers"] == "Ann Lee"


def test_metric_and_currency_accept_their_words(tmp_path, seeds_dir, executed):
    assert _build(tmp_path, seeds_dir, "--notebook", "trade_figures", "-p", "metric", "Trade", "-p", "currency",
                  "dollars") == 0
    assert executed["trade_figures"]["metric"] == "trade turnover"
    assert executed["trade_figures"]["currency"] == "USD"


@pytest.mark.parametrize("name,value,message", [
    ("metric", "turnovr", "did you mean 'trade turnover'"),
    ("currency", "doubloons", "no currency 'doubloons'"),
    ("currency", "USD,EUR", "takes one value"),
])
def test_bad_metric_or_currency_is_refused(tmp_path, seeds_dir, executed, capsys, name, value, message):
    assert _build(tmp_path, seeds_dir, "--notebook", "trade_figures", "-p", name, value) == 2
    assert message in capsys.readouterr().err and executed == {}


def test_a_known_theme_without_mentions_is_a_warning(tmp_path, seed_copy, executed, caplog):
    (seed_copy / "themes.yml").write_text("themes:\n  space:\n    label: Space\n    terms: [cosmodrome]\n",
                                          encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert _build(tmp_path, seed_copy, "--notebook", "themes", "-p", "themes", "space") == 0
    assert "no mention of theme 'space'" in caplog.text


def test_a_whole_number_parameter_says_what_it_expects(tmp_path, seeds_dir, executed, capsys):
    assert _build(tmp_path, seeds_dir, "--notebook", "speaker_quotes", "-p", "min_quote_words", "four") == 2
    err = capsys.readouterr().err
    assert "parameter 'min_quote_words' expects a whole number (default 4), got 'four'" in err
    assert "none" not in err


def test_the_corpus_given_twice_and_differently_is_refused(tmp_path, seeds_dir, seed_copy, executed, capsys):
    assert _build(tmp_path, seeds_dir, "-p", "corpus_dir", str(seed_copy)) == 2
    assert "the corpus is given twice" in capsys.readouterr().err and executed == {}


def test_corpus_dir_alone_is_the_corpus_and_the_manifest_records_it(tmp_path, seed_copy, executed):
    assert _build(tmp_path, None, "--notebook", "themes", "-p", "corpus_dir", str(seed_copy)) == 0
    assert executed["themes"]["corpus_dir"] == str(seed_copy.resolve())
    import json
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["corpus"] == str(seed_copy.resolve())


def test_build_takes_roster_and_lexicon_options_like_extract(tmp_path, seeds_dir, executed, monkeypatch):
    (tmp_path / "mine.yml").write_text("people:\n  - name: Ann Lee\n", encoding="utf-8")
    (tmp_path / "lex.yml").write_text("themes:\n  space: {terms: [cosmodrome]}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _build(tmp_path, seeds_dir, "--roster", "mine.yml", "--lexicon", "lex.yml") == 0
    assert executed["speaker_quotes"]["roster"] == str(tmp_path / "mine.yml")
    assert executed["themes"]["lexicon"] == str(tmp_path / "lex.yml")
    assert "lexicon" not in executed["speaker_quotes"]          # only where the notebook takes it


def test_a_relative_roster_parameter_is_taken_from_where_the_command_runs(tmp_path, seeds_dir, executed, monkeypatch):
    (tmp_path / "mine.yml").write_text("people:\n  - name: Ann Lee\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _build(tmp_path, seeds_dir, "--notebook", "speaker_quotes", "-p", "roster", "mine.yml") == 0
    assert executed["speaker_quotes"]["roster"] == str(tmp_path / "mine.yml")


def test_roster_option_and_parameter_that_disagree_are_refused(tmp_path, seeds_dir, executed, capsys):
    (tmp_path / "a.yml").write_text("people: []\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("people: []\n", encoding="utf-8")
    assert _build(tmp_path, seeds_dir, "--roster", str(tmp_path / "a.yml"), "-p", "roster", str(tmp_path / "b.yml")) == 2
    assert "disagree" in capsys.readouterr().err


def test_check_validates_the_configs_and_exits_2_on_a_broken_one(seed_copy, capsys):
    assert main(["check", str(seed_copy)]) == 0
    assert "roster: shipped roster" in capsys.readouterr().out
    (seed_copy / "themes.yml").write_text("themes:\n  energy:\n    terms: oil, gas\n", encoding="utf-8")
    assert main(["check", str(seed_copy)]) == 2
    assert "themes.yml:3 themes.energy.terms: expected a list" in capsys.readouterr().err


def test_check_takes_the_same_config_options(tmp_path, seeds_dir, capsys):
    bad = tmp_path / "r.yml"
    bad.write_text("people:\n  - name: A\n    variants: B\n", encoding="utf-8")
    assert main(["check", str(seeds_dir), "--roster", str(bad)]) == 2
    assert "r.yml:3 people[0] (A).variants: expected a list" in capsys.readouterr().err


def test_paths_in_a_config_file_are_relative_to_the_file(tmp_path, seed_copy, executed, monkeypatch):
    project = tmp_path / "project"
    (project / "cfg").mkdir(parents=True)
    (project / "cfg" / "roster.yml").write_text("people:\n  - name: Ann Lee\n", encoding="utf-8")
    (project / "cfg" / "briefing.yml").write_text(
        f"corpus: {os.path.relpath(seed_copy, project / 'cfg')}\nout: ../reports\nroster: roster.yml\n"
        "notebooks: speaker_quotes\nformat: html\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)                       # somewhere else entirely
    assert main(["build", "--config", str(project / "cfg" / "briefing.yml"), "--no-cache"]) == 0
    assert executed["speaker_quotes"]["corpus_dir"] == str(seed_copy.resolve())
    assert executed["speaker_quotes"]["roster"] == str(project / "cfg" / "roster.yml")
    assert (project / "reports" / "manifest.json").exists()


# --------------------------------------------------------------------------- the same checks inside the notebooks

def test_a_notebook_checks_its_own_parameters_like_build(tmp_path, monkeypatch):
    from analysis.build import UsageError
    from analysis.params import check_notebook

    monkeypatch.chdir(tmp_path)                       # not the project folder
    ns = {"corpus_dir": "", "title": 2026, "since": 2026, "until": "", "themes": "TRADE, Machinery and engineering",
          "lexicon": "", "snapshot": "", "out_dir": ""}
    check_notebook("themes", ns)
    assert ns["themes"] == "trade,machinery"
    assert ns["since"] == "2026" and ns["title"] == "2026"          # papermill reads -p since 2026 as a number
    assert os.path.isdir(ns["corpus_dir"]) and ns["corpus_dir"].endswith("seeds")
    with pytest.raises(UsageError, match="expects a whole number \\(default 4\\), got 'four'"):
        check_notebook("speaker_quotes", {"min_quote_words": "four"})
    with pytest.raises(UsageError, match="did you mean 'Aleksandr Lukashenko'"):
        check_notebook("speaker_quotes", {"speakers": "Lukashenka Alexandr"})
    with pytest.raises(UsageError, match="parameter 'since' expects a date"):
        check_notebook("trade_figures", {"since": "2026-02-30"})
    with pytest.raises(UsageError, match="parameter 'reference': reference CSV nope.csv not found"):
        check_notebook("trade_figures", {"reference": "nope.csv"})
    ns = {"metric": "Trade", "currency": "dollars", "min_quote_words": 4}
    check_notebook("trade_figures", ns)
    assert ns["metric"] == "trade turnover" and ns["currency"] == "USD"


def _papermill(notebook, out, *params, cwd):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    args = [a for k, v in params for a in ("-p", k, v)]
    return subprocess.run([sys.executable, "-m", "papermill", str(root / "notebooks" / notebook), str(out),
                           "--no-progress-bar", "-k", "python3", *args], capture_output=True, text=True, cwd=cwd)


def test_papermill_run_directly_gets_canonical_parameters(tmp_path):
    import json

    out = tmp_path / "themes.ipynb"
    r = _papermill("themes.ipynb", out, ("themes", "Trade"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    nb = json.loads(out.read_text(encoding="utf-8"))
    html = "".join("".join(o.get("data", {}).get("text/html", "")) for c in nb["cells"] for o in c.get("outputs", []))
    assert "No theme mentioned." not in html and "Trade" in html


def test_papermill_run_directly_refuses_a_bad_parameter_with_the_build_message(tmp_path):
    r = _papermill("speaker_quotes.ipynb", tmp_path / "q.ipynb", ("min_quote_words", "four"), cwd=tmp_path)
    assert r.returncode != 0
    assert "parameter 'min_quote_words' expects a whole number (default 4), got 'four'" in r.stderr
    r = _papermill("themes.ipynb", tmp_path / "t.ipynb", ("themes", "machinary"), cwd=tmp_path)
    assert r.returncode != 0 and "did you mean 'machinery'" in r.stderr


@pytest.mark.parametrize("bad", [["-p", "themes", "machinary"], ["-p", "since", "2026-02-30"], ["--format", "docx"],
                                 ["-p", "min_quote_words", "four"], ["--notebook", "nope"]])
def test_build_fetch_checks_everything_before_fetching(tmp_path, seed_copy, executed, monkeypatch, capsys, bad):
    import analysis.fetch

    (seed_copy / "sources.yml").write_text("sources:\n  - {name: A, feed: http://127.0.0.1:9/rss}\n", encoding="utf-8")
    fetched = []
    monkeypatch.setattr(analysis.fetch, "fetch_sources", lambda *a, **k: fetched.append(a))
    assert _build(tmp_path, seed_copy, "--fetch", *bad) == 2
    assert "error:" in capsys.readouterr().err
    assert fetched == [] and executed == {}


def test_build_fetch_refuses_a_broken_sources_file_before_anything(tmp_path, seed_copy, executed, capsys):
    (seed_copy / "sources.yml").write_text("sources:\n  - {name: A, feed: not-a-url}\n", encoding="utf-8")
    assert _build(tmp_path, seed_copy, "--fetch") == 2
    assert "sources.yml:2 sources[0] (A).feed" in capsys.readouterr().err and executed == {}


def test_build_fetch_fetches_after_the_checks_and_before_reading_the_corpus(tmp_path, seed_copy, executed, monkeypatch):
    import analysis.fetch
    from analysis.fetch import FetchReport

    (seed_copy / "sources.yml").write_text("sources:\n  - {name: A, feed: http://127.0.0.1:9/rss}\n", encoding="utf-8")

    def fake_fetch(corpus, *a, **k):          # one new article, as a real fetch would write it
        (seed_copy / "new.txt").write_text("Fetched\n2026-03-01\nTrade grew, said Ann Lee.\n", encoding="utf-8")
        return FetchReport(corpus=seed_copy, sources=[], started_utc="2026-03-01T06:00:00+00:00")
    monkeypatch.setattr(analysis.fetch, "fetch_sources", fake_fetch)
    assert _build(tmp_path, seed_copy, "--fetch", "--notebook", "themes", "-p", "themes", "Trade") == 0
    import json
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert "new.txt" in {i["file"] for i in manifest["inputs"]} and "fetch" in manifest
    assert executed["themes"]["themes"] == "trade"


def test_a_parameter_given_twice_with_different_values_is_refused(tmp_path, seeds_dir, executed, capsys):
    assert _build(tmp_path, seeds_dir, "-p", "themes", "trade", "-p", "themes", "machinery") == 2
    assert "-p themes is given twice ('trade' and 'machinery')" in capsys.readouterr().err and executed == {}


def test_a_bad_parameter_in_a_config_file_names_the_file_and_line(tmp_path, seed_copy, executed, capsys):
    cfg = tmp_path / "briefing.yml"
    cfg.write_text(f"corpus: {seed_copy}\nparameters:\n  since: 2026-01-01\n  min_quote_words: four\n", encoding="utf-8")
    assert main(["build", "--config", str(cfg), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "briefing.yml:4 parameters.min_quote_words: parameter 'min_quote_words' expects a whole number" in err
    cfg.write_text(f"corpus: {seed_copy}\nparameters:\n  themez: trade\n", encoding="utf-8")
    assert main(["build", "--config", str(cfg), "--no-cache"]) == 2
    assert "briefing.yml:3 parameters.themez: unknown parameter 'themez'" in capsys.readouterr().err
    assert executed == {}


def test_a_list_parameter_in_a_config_file_is_several_values(tmp_path, seed_copy, executed):
    cfg = tmp_path / "briefing.yml"
    cfg.write_text(f"corpus: {seed_copy}\nout: out\ntitle: 2026\nnotebooks: themes\n"
                   "parameters:\n  themes: [Trade, machinery]\n", encoding="utf-8")
    assert main(["build", "--config", str(cfg), "--no-cache"]) == 0
    assert executed["themes"]["themes"] == "trade,machinery" and executed["themes"]["title"] == "2026"



def test_a_currency_word_that_names_two_currencies_is_refused_as_ambiguous(tmp_path, seeds_dir, executed, capsys):
    assert _build(tmp_path, seeds_dir, "--notebook", "trade_figures", "-p", "currency", "rubles") == 2
    assert "currency 'rubles' is ambiguous: it could be 'BYN' or 'RUB'" in capsys.readouterr().err


def test_inflected_russian_currency_and_metric_words_are_accepted(tmp_path, seeds_dir, executed):
    assert _build(tmp_path, seeds_dir, "--notebook", "trade_figures", "-p", "currency", "белорусских рублей",
                  "-p", "metric", "товарооборота") == 0
    assert executed["trade_figures"]["currency"] == "BYN"
    assert executed["trade_figures"]["metric"] == "trade turnover"


def test_build_list_shows_each_parameter_with_its_default_and_help_in_one_column(capsys):
    assert main(["build", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    params = [line for line in lines if line.startswith("  -p ")]
    assert any(line.startswith('  -p min_quote_words 4 ') for line in params)
    assert any(line.startswith('  -p title "Briefing" ') for line in params)
    blocks, block = [], []
    for line in lines:
        if line.startswith("  -p "):
            block.append(line)
        elif block:
            blocks.append(block)
            block = []
    blocks.append(block)
    for block in blocks:                      # per notebook, every help text starts in the same column
        starts = {len(line) - len(line[5:].split("  ", 1)[1].lstrip()) for line in block if "  " in line[5:]}
        assert len(starts) == 1, block


def test_since_after_until_is_refused_before_anything_runs(tmp_path, seeds_dir, executed, capsys):
    from analysis.build import UsageError
    from analysis.params import check_notebook

    assert _build(tmp_path, seeds_dir, "-p", "since", "2026-03", "-p", "until", "2026-02-28") == 2
    assert "since is after until" in capsys.readouterr().err and executed == {}
    assert _build(tmp_path, seeds_dir, "--notebook", "themes", "-p", "since", "2026-02", "-p", "until", "2026-02") == 0
    with pytest.raises(UsageError, match="since is after until"):
        check_notebook("themes", {"since": "2026-03-01", "until": "2026-01-31"})


def test_a_date_range_without_any_article_is_a_warning(tmp_path, seeds_dir, executed, caplog):
    with caplog.at_level(logging.WARNING):
        assert _build(tmp_path, seeds_dir, "--notebook", "themes", "-p", "since", "2030-01-01") == 0
    assert "-p since 2030-01-01: no article of the corpus is in that range (its dated articles run from" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert _build(tmp_path, seeds_dir, "--notebook", "themes", "-p", "until", "2026-12-31") == 0
    assert "no article of the corpus is in that range" not in caplog.text


def test_a_notebook_copied_under_another_name_still_checks_its_parameters(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    from analysis.params import check_notebook

    own = tmp_path / "mine"
    own.mkdir()
    shutil.copy(Path(__file__).resolve().parent.parent / "notebooks" / "themes.ipynb", own / "my_themes.ipynb")
    monkeypatch.setenv("BRIEFING_NOTEBOOKS", str(own))           # the shipped 'themes' is not in this folder
    ns = {"themes": "TRADE"}
    check_notebook("themes", ns)
    assert ns["themes"] == "trade"


def test_title_option_and_parameter_that_disagree_are_refused(tmp_path, seeds_dir, executed, capsys):
    assert _build(tmp_path, seeds_dir, "--title", "January", "-p", "title", "February") == 2
    assert "--title 'January' and -p title 'February' disagree" in capsys.readouterr().err and executed == {}
    assert _build(tmp_path, seeds_dir, "--notebook", "themes", "--title", "January", "-p", "title", "January") == 0
    assert executed["themes"]["title"] == "January"


def test_build_list_shows_the_values_a_config_file_and_p_set_and_which_notebooks_it_leaves_out(tmp_path, seeds_dir,
                                                                                                capsys):
    config = tmp_path / "briefing.yml"
    config.write_text(f"corpus: {seeds_dir}\nnotebooks: [briefing, themes]\nparameters:\n  min_quote_words: 6\n",
                      encoding="utf-8")
    assert main(["build", "--list", "--config", str(config), "-p", "title", "Weekly desk"]) == 0
    out = capsys.readouterr().out
    blocks = {}
    for line in out.splitlines():
        if not line.startswith(" "):
            name = line.split()[0]
            blocks[name] = [line]
        else:
            blocks[name].append(line)
    assert blocks["briefing"][0] == "briefing"
    assert "not built" in blocks["speaker_quotes"][0] and "not built" in blocks["trade_figures"][0]
    quotes = "\n".join(blocks["speaker_quotes"])
    assert "-p min_quote_words 6 " in quotes and quotes.split("min_quote_words 6", 1)[1].split("\n")[0].endswith(
        "[--config]")
    assert any(line.startswith('  -p title "Weekly desk"') and line.endswith("[-p]") for line in blocks["themes"])
    assert any(f'corpus_dir "{seeds_dir}"' in line for line in blocks["themes"])
