"""Incremental extraction and the build config file."""
import re
import shutil

import pytest

from analysis.build import UsageError, load_build_config
from analysis.config import ConfigError
from analysis.pipeline import analyse


def test_a_rerun_on_an_unchanged_corpus_extracts_nothing(tmp_path, seed_copy, count_extractions):
    calls = count_extractions()
    first = analyse(seed_copy, cache_dir=tmp_path / "cache")
    assert len(calls) == 3
    second = analyse(seed_copy, cache_dir=tmp_path / "cache")
    assert len(calls) == 3                                   # all from the cache
    for name in ("quotes", "figures", "quantities", "themes", "theme_mentions"):
        a, b = getattr(first, name), getattr(second, name)
        assert a.astype(str).equals(b.astype(str)), name


def test_only_a_changed_or_new_article_is_extracted_again(tmp_path, seed_copy, count_extractions):
    calls = count_extractions()
    analyse(seed_copy, cache_dir=tmp_path / "cache")
    f = seed_copy / "001_7d2acf906af58596.txt"
    f.write_text(f.read_text(encoding="utf-8") + "\n“Trade will reach $3 billion,” said Serik Akhmetov.\n", encoding="utf-8")
    shutil.copy(seed_copy / "000_6a241dff57038185.txt", seed_copy / "new.txt")
    (seed_copy / "new.txt").write_text("New\n“We agree,” said Ann Lee.\n", encoding="utf-8")
    calls.clear()
    res = analyse(seed_copy, cache_dir=tmp_path / "cache")
    assert sorted(calls) == ["001_7d2acf906af58596.txt", "new.txt"]
    assert "$3 billion" in set(res.figures["surface"]) and "Ann Lee" in set(res.quotes["speaker"])


def test_a_damaged_cache_is_rebuilt(tmp_path, seed_copy, count_extractions):
    analyse(seed_copy, cache_dir=tmp_path / "cache")
    for p in (tmp_path / "cache").rglob("quotes.parquet"):
        p.write_bytes(b"not parquet")
    calls = count_extractions()
    res = analyse(seed_copy, cache_dir=tmp_path / "cache")
    assert len(calls) == 3 and len(res.quotes) > 30


def test_unchanged_tables_are_not_written_again(tmp_path, seed_copy, monkeypatch):
    from analysis import export
    from analysis.pipeline import write_tables
    out, cache = tmp_path / "out", tmp_path / "cache"
    write_tables(analyse(seed_copy, cache_dir=cache), out)
    first = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    written = []
    real = export.write_csv
    monkeypatch.setattr(export, "write_csv", lambda df, path, **kw: written.append(path.name) or real(df, path, **kw))
    paths = write_tables(analyse(seed_copy, cache_dir=cache), out)
    assert written == [] and sorted(p.name for p in paths) == sorted(first)      # same tables: nothing written
    (out / "quotes.csv").write_text("edited by hand\n", encoding="utf-8")     # a file changed on disk ...
    (out / "themes.csv").unlink()                                              # ... or gone: written again
    f = seed_copy / "001_7d2acf906af58596.txt"
    f.write_text(f.read_text(encoding="utf-8") + "\n“Trade will reach $3 billion,” said Serik Akhmetov.\n",
                 encoding="utf-8")                                             # a changed article: its tables
    write_tables(analyse(seed_copy, cache_dir=cache), out)
    assert {"articles.csv", "figures.csv", "quotes.csv", "themes.csv"} <= set(written)
    assert "problems.csv" not in written and len(written) == len(set(written))
    assert (out / "quotes.csv").read_bytes() != b"edited by hand\n"
    fresh = tmp_path / "fresh"
    write_tables(analyse(seed_copy), fresh)                                    # no cache: every file, every time
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == {p.name: p.read_bytes() for p in fresh.glob("*.csv")}


def test_a_run_whose_cache_is_written_beside_its_tables_leaves_it_whole(tmp_path, seed_copy, count_extractions):
    from analysis.pipeline import write_tables
    calls = count_extractions()
    first = analyse(seed_copy, cache_dir=tmp_path / "cache", defer_cache=True)
    written = write_tables(first, tmp_path / "out")
    assert first.pending is None and {p.name for p in written} >= {"quotes.csv", "discrepancies.csv"}
    assert len(list((tmp_path / "cache").glob("discrepancies-*.parquet"))) == 1
    stats: dict = {}
    again = analyse(seed_copy, cache_dir=tmp_path / "cache", stats=stats)
    assert len(calls) == 3 and stats["articles_extracted"] == 0       # every article from the cache
    assert again.quotes.astype(str).equals(first.quotes.astype(str))


def test_discrepancies_are_compared_again_only_when_their_inputs_change(tmp_path, monkeypatch):
    from analysis import figures
    calls = []
    real = figures.find_discrepancies
    monkeypatch.setattr(figures, "find_discrepancies", lambda *a, **k: calls.append(1) or real(*a, **k))
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    corpus.mkdir()
    for name, amount in (("a", "23 trillion tenge"), ("b", "15 trillion tenge")):
        (corpus / f"{name}.txt").write_text(f"{name}\n\nKazakhstan's budget for 2024 is {amount}.\n", encoding="utf-8")
    first = analyse(corpus, cache_dir=cache).discrepancies
    again = analyse(corpus, cache_dir=cache).discrepancies
    assert len(calls) == 1 and len(first) == 1
    assert first.to_csv(index=False) == again.to_csv(index=False)
    (corpus / "manifest.csv").write_text("file,source\na.txt,Agency A\n", encoding="utf-8")
    analyse(corpus, cache_dir=cache)          # same figures, other article metadata: compared again
    assert len(calls) == 2
    (corpus / "b.txt").write_text("b\n\nKazakhstan's budget for 2024 is 23 trillion tenge.\n", encoding="utf-8")
    assert analyse(corpus, cache_dir=cache).discrepancies.empty and len(calls) == 3


def test_parallel_extraction_gives_the_same_tables(tmp_path, seeds_dir):
    corpus = tmp_path / "big"
    corpus.mkdir()
    for i in range(70):
        for f in seeds_dir.glob("*.txt"):
            (corpus / f"{i:03d}_{f.name}").write_text(f.read_text(encoding="utf-8") + f"\nCopy {i}.\n", encoding="utf-8")
    one = analyse(corpus, jobs=1)
    two = analyse(corpus, jobs=2)
    assert one.quotes.equals(two.quotes) and one.figures.astype(str).equals(two.figures.astype(str))


def test_build_config_is_validated(tmp_path):
    p = tmp_path / "briefing.yml"
    p.write_text("corpus: seeds\njobs: 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="briefing.yml:2 jobs: expected a whole number of at least 1"):
        load_build_config(p)
    p.write_text("corpus: seeds\ncolour: red\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="briefing.yml:2 colour: unknown key"):
        load_build_config(p)
    p.write_text("corpus: seeds\nformat: [html, docx]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"format\[1\]: unknown format 'docx'"):
        load_build_config(p)
    p.write_text("corpus: seeds\nparameters:\n  since: 2026-01-01\n  title: X\n", encoding="utf-8")
    cfg = load_build_config(p)
    assert cfg["corpus"] == str((tmp_path / "seeds").resolve()) and cfg["parameters"]["title"] == "X"
    with pytest.raises(UsageError, match="file not found"):
        load_build_config(tmp_path / "missing.yml")


@pytest.mark.parametrize("name,content,message", [
    ("speakers.yml", "people:\n  - name: A\n    gender: x\n", "speakers.yml:3 people[0] (A).gender: expected m or f"),
    ("speakers.yml", "people:\n  - variants: [B]\n", "speakers.yml:2 people[0].name: required"),
    ("speakers.yml", "people:\n  - name: A\n    titles:\n      - {title: Astronaut}\n", "names no known role"),
    ("speakers.yml", "folks: []\n", "folks: unknown key"),
    ("speakers.yml", "people: [\n", "invalid YAML at line"),
    ("themes.yml", "themes:\n  trade: {terms: []}\n", "themes.trade.terms: needs at least one term"),
    ("rates.csv", "code,rate\nKZT,1\n", "header must have columns"),
])
def test_corpus_configs_fail_before_any_work(tmp_path, seed_copy, name, content, message, count_extractions):
    (seed_copy / name).write_text(content, encoding="utf-8")
    calls = count_extractions()
    with pytest.raises(ConfigError, match=re.escape(message)) as e:
        analyse(seed_copy)
    assert name in str(e.value) and calls == []


def test_unchanged_files_are_not_read_again_and_their_caveats_are_kept(tmp_path, seed_copy, monkeypatch):
    import os

    from analysis import corpus as corpus_mod
    (seed_copy / "cyr.txt").write_bytes("Минск\nТоварооборот вырос.".encode("cp1251"))
    first = corpus_mod.load_corpus(seed_copy, cache_dir=tmp_path / "c")
    reads = []
    real = corpus_mod._read_article
    monkeypatch.setattr(corpus_mod, "_read_article", lambda path, *a: reads.append(path.name) or real(path, *a))
    second = corpus_mod.load_corpus(seed_copy, cache_dir=tmp_path / "c")
    assert reads == []
    assert first.articles.drop(columns="path").equals(second.articles.drop(columns="path"))
    assert list(first.problems["problem"]) == list(second.problems["problem"]) and "cp1251" in " ".join(second.problems["problem"])
    f = seed_copy / "001_7d2acf906af58596.txt"
    f.write_text("Changed headline\nNew text.", encoding="utf-8")
    os.utime(f, ns=(f.stat().st_atime_ns, f.stat().st_mtime_ns + 10_000_000))
    third = corpus_mod.load_corpus(seed_copy, cache_dir=tmp_path / "c")
    assert reads == ["001_7d2acf906af58596.txt"]
    assert third.articles.set_index("article_id").loc["001_7d2acf906af58596.txt", "title"] == "Changed headline"


def test_a_table_has_one_digest_however_it_is_stored_and_another_for_any_changed_cell(tmp_path):
    import pandas as pd

    from analysis.pipeline import table_digest
    df = pd.DataFrame({
        "text": pd.Series(["Алматы", None, "", "x,y", "“q”", "z"], dtype="str"),
        "amount": [1e9, float("nan"), 0.0, -2.5, 3.0, 7.0],
        "year": pd.array([2013, None, 0, 2026, 2026, 1], dtype="Int64"),
        "flag": [True, False, True, True, False, False],
        "n": [1, 2, 3, 4, 5, 6],
        "other": pd.Series([1, "a", None, 2.5, "b", 3], dtype=object),
    })
    digest = table_digest(df, "t")
    typed = df.drop(columns="other")
    typed.to_parquet(tmp_path / "t.parquet", index=False, row_group_size=2)     # read back in chunks of two rows
    assert table_digest(pd.read_parquet(tmp_path / "t.parquet"), "t") == table_digest(typed, "t")
    assert table_digest(pd.concat([df.iloc[:3], df.iloc[3:]], ignore_index=True), "t") == digest
    changes = [("text", 1, ""), ("text", 2, None), ("text", 0, "Алматa"), ("amount", 1, 0.0), ("amount", 2, float("nan")),
               ("year", 1, 0), ("year", 2, None), ("flag", 5, True), ("n", 0, 0), ("other", 0, 9), ("other", 2, "")]
    for column, row, value in changes:
        changed = df.copy()
        changed.loc[row, column] = value
        assert table_digest(changed, "t") != digest, (column, row, value)
    assert table_digest(df, "u") != digest and table_digest(df.astype({"n": "float64"}), "t") != digest
