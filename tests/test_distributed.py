"""Extraction on a Dask cluster gives the tables of a local run, and works with the cache."""
import importlib.util
import sys
from pathlib import Path

import pytest

from analysis import pipeline
from analysis.pipeline import SchedulerError, WorkerMismatch, analyse, batch_size, write_tables

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("quotes", "figures", "quantities", "themes", "theme_mentions", "discrepancies")


def _generate(n: int, out: Path) -> Path:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = mod
    spec.loader.exec_module(mod)
    return mod.generate(n, out, seed=11)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Enough generated articles that --jobs 2 takes the parallel path (200 or more)."""
    return _generate(220, tmp_path_factory.mktemp("generated"))


def _csv(results, tmp_path, name) -> dict[str, str]:
    out = tmp_path / name
    write_tables(results, out)
    return {t: (out / f"{t}.csv").read_text(encoding="utf-8") for t in TABLES}


def test_one_process_two_processes_and_a_local_cluster_write_the_same_tables(generated, tmp_path, count_extractions):
    pytest.importorskip("distributed")
    one = _csv(analyse(generated, jobs=1), tmp_path, "one")
    two = _csv(analyse(generated, jobs=2), tmp_path, "two")
    cluster = analyse(generated, jobs=2, scheduler="local", cache_dir=tmp_path / "cache")
    assert one["quotes"].count("\n") > 1000 and one["figures"].count("\n") > 200
    for t in TABLES:
        assert two[t] == one[t], t
        assert _csv(cluster, tmp_path, "cluster")[t] == one[t], t
    # the workers returned their results and the client wrote the cache: a local rerun extracts nothing
    calls = count_extractions()
    again = analyse(generated, cache_dir=tmp_path / "cache")
    assert calls == [] and _csv(again, tmp_path, "again") == one


def test_only_new_articles_go_to_the_cluster(seed_copy, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    analyse(seed_copy, cache_dir=tmp_path / "cache")
    (seed_copy / "late.txt").write_text("Late news\n“Exports reached $2 billion,” said Ann Lee.\n", encoding="utf-8")
    seen = []
    real = pipeline._DaskStream._submit

    def spying(self, batch):            # every batch sent to the cluster, while reading or after
        seen.extend(item[1] for item in batch)
        return real(self, batch)
    monkeypatch.setattr(pipeline._DaskStream, "_submit", spying)
    res = analyse(seed_copy, cache_dir=tmp_path / "cache", scheduler="local", jobs=1)
    assert seen == ["late.txt"]
    assert "Ann Lee" in set(res.quotes["speaker"]) and "$2 billion" in set(res.figures["surface"])
    assert len(set(res.quotes["article_id"])) == 4


def test_an_unreachable_scheduler_is_named_in_the_error(seed_copy, monkeypatch):
    pytest.importorskip("distributed")
    import socket
    with socket.socket() as s:              # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setattr(pipeline, "CONNECT_TIMEOUT", "2s")
    with pytest.raises(SchedulerError, match=f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}"):
        analyse(seed_copy, scheduler=f"tcp://127.0.0.1:{port}")


def test_the_cli_reports_an_unreachable_scheduler_and_exits_1(seed_copy, tmp_path, monkeypatch, capsys):
    pytest.importorskip("distributed")
    from analysis.cli import main
    monkeypatch.setattr(pipeline, "CONNECT_TIMEOUT", "1s")
    code = main(["extract", str(seed_copy), "--out", str(tmp_path / "o"), "--no-cache",
                 "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err


def test_a_worker_with_other_code_refuses_the_batch():
    from analysis.roster import load_roster
    from analysis.themes import load_lexicon
    item = ("k", "a.txt", "Title\n“We agree,” said Ann Lee.\n", 5, 2024, "en")
    with pytest.raises(WorkerMismatch, match="other briefing code or data"):
        pipeline._extract_batch("tok-x", "not-the-client-code", load_roster(), load_lexicon(), {}, [item])
    [(key, rows)] = pipeline._extract_batch("tok-y", pipeline.code_fingerprint(), load_roster(), load_lexicon(), {},
                                            [item])
    assert key == "k" and rows["quotes"][0]["speaker"] == "Ann Lee"


def test_batches_are_sized_for_the_cluster():
    assert batch_size(200, 2) == 13                # eight batches per worker thread
    assert batch_size(1_000_000, 32) == 500        # never more than 500 articles in flight per task
    assert batch_size(30, 64) == 10                # never so small that scheduling dominates


def test_the_build_config_takes_a_scheduler_address(tmp_path):
    from analysis.build import load_build_config
    from analysis.config import ConfigError
    p = tmp_path / "briefing.yml"
    p.write_text("corpus: seeds\nscheduler: tcp://10.1.2.3:8786\n", encoding="utf-8")
    assert load_build_config(p)["scheduler"] == "tcp://10.1.2.3:8786"
    p.write_text("corpus: seeds\nscheduler: 8786\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"briefing\.yml\S* scheduler: expected text"):
        load_build_config(p)


def test_build_refuses_a_scheduler_without_the_cache(seed_copy, tmp_path):
    from analysis.build import UsageError, build
    with pytest.raises(UsageError, match="--no-cache"):
        build(seed_copy, tmp_path / "reports", scheduler="local", cache_dir=None)


def test_jobs_send_articles_to_the_workers_while_the_corpus_is_still_being_read(generated):
    from analysis.corpus import load_corpus

    roster_path, lexicon_path, _, rates, roster, lexicon = pipeline.load_configs(generated)
    prepared = pipeline._prepare(roster_path, lexicon_path, rates, None, str(generated))
    stream = pipeline._Stream(prepared, 2, roster, lexicon, rates)
    batches_sent = []

    def read(row):
        stream.feed(row)
        batches_sent.append(len(stream.futures))

    try:
        articles = load_corpus(generated, on_article=read).articles
        n, size, first = len(articles), pipeline.STREAM_BATCH, pipeline.POOL_MIN_ARTICLES
        # no worker for the first articles (a small corpus is extracted in the client); from then on, full batches
        assert batches_sent[first - 2] == 0 and batches_sent[first - 1] == first // size
        assert batches_sent[-1] == n // size
        todo = []
        for aid, text, words, published, lang in zip(articles["article_id"], articles["text"], articles["n_words"],
                                                      articles["published"], articles["language"]):
            year = pipeline.article_year(published)
            todo.append((pipeline._article_key(prepared[0], aid, year, lang, text), aid, text, int(words), year, lang))
        parts = stream.collect(todo)
    finally:
        stream.close()
    # every article comes back once, in corpus order, with the rows the client process would extract
    assert [key for key, _ in parts] == [t[0] for t in todo]
    from analysis.quotes import Annotator
    ann = Annotator(roster)
    last = todo[-1]
    assert parts[-1][1] == pipeline.extract_article(last[1], last[2], last[3], last[4], roster, ann, lexicon, rates,
                                                    last[5])


def test_workers_start_before_the_first_file_is_read_only_when_nothing_is_cached(generated):
    from analysis.corpus import load_corpus

    roster_path, lexicon_path, _, rates, roster, lexicon = pipeline.load_configs(generated)
    fp, key, cached, done, have = pipeline._prepare(roster_path, lexicon_path, rates, None, str(generated))
    cold = pipeline._Stream((fp, key, cached, done, have), 2, roster, lexicon, rates)
    small = pipeline._Stream((fp, key, cached, done, have), 2, roster, lexicon, rates)
    warm = pipeline._Stream((fp, key, cached, done, {"an article extracted before"}), 2, roster, lexicon, rates)
    started = []
    try:
        load_corpus(generated, on_files=cold.expect, on_article=lambda row: started.append(cold.pool is not None))
        small.expect(pipeline.POOL_MIN_ARTICLES - 1)
        warm.expect(10_000)
        assert started[0] and small.pool is None and warm.pool is None
    finally:
        for stream in (cold, small, warm):
            stream.close()


def test_the_cluster_starts_and_extracts_while_the_corpus_is_still_being_read(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    import subprocess
    corpus = tmp_path / "gen"
    subprocess.run([sys.executable, str(Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"),
                    "--n", "240", "--out", str(corpus)], check=True, capture_output=True)
    events = []
    real_submit, real_feed = pipeline._DaskStream._submit, pipeline._DaskStream.feed

    def feed(self, row):
        events.append("read")
        return real_feed(self, row)

    def submit(self, batch):
        events.append("sent")
        return real_submit(self, batch)
    monkeypatch.setattr(pipeline._DaskStream, "feed", feed)
    monkeypatch.setattr(pipeline._DaskStream, "_submit", submit)
    res = analyse(corpus, scheduler="local", jobs=2)
    assert len(res.articles) == 240 and events.count("read") == 240
    first_sent = events.index("sent")
    assert "read" in events[first_sent:]        # batches went out before the last article was read
    one = analyse(corpus)
    for t in ("quotes", "figures", "themes", "theme_mentions"):
        import pandas as pd
        pd.testing.assert_frame_equal(getattr(res, t), getattr(one, t), check_dtype=False)
