import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def seeds_dir():
    return SEEDS


@pytest.fixture(scope="session")
def seed_results():
    from analysis.pipeline import analyse
    return analyse(SEEDS)


@pytest.fixture(scope="session")
def extracted(tmp_path_factory, seed_results):
    from analysis.pipeline import write_tables
    out = tmp_path_factory.mktemp("extract")
    write_tables(seed_results, out)
    return out


@pytest.fixture
def score_set(tmp_path):
    """A function that runs a folder of articles with their gold JSON beside them through the whole pipeline
    into `tmp_path` and scores its tables with ``score.py``: (quotes, money, themes, misses)."""
    import json

    from analysis.pipeline import analyse, write_tables
    from score import read_rows, score_money, score_quotes, score_themes

    def run(folder: Path):
        write_tables(analyse(folder), tmp_path)
        gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}
        misses: list = []
        quotes = score_quotes(gold, read_rows(tmp_path / "quotes.csv", kind="direct"), misses)
        money = score_money(gold, read_rows(tmp_path / "figures.csv"), misses)
        themes = score_themes(gold, read_rows(tmp_path / "themes.csv"), misses)
        return quotes, money, themes, misses
    return run


@pytest.fixture
def seed_copy(tmp_path):
    """The seed articles without their manifest."""
    d = tmp_path / "corpus"
    d.mkdir()
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, d / f.name)
    return d


@pytest.fixture
def count_extractions(monkeypatch):
    """Call it to start counting: returns the list of article ids extracted from then on."""
    from analysis import pipeline

    def start():
        calls = []
        real = pipeline.extract_article

        def counting(article_id, *a, **kw):
            calls.append(article_id)
            return real(article_id, *a, **kw)
        monkeypatch.setattr(pipeline, "extract_article", counting)
        return calls
    return start


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests never write into the user's cache folder."""
    import os
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old
