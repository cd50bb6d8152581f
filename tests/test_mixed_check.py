"""A mixed Russian/English check set written apart from the extractors' development sets.

Fourteen short articles in the styles of BelTA, Kazinform, TASS and ministry
sites (ten Russian, four English; dash attribution, roles bound to names,
organisations as speakers, amounts in dollars, roubles and tenge, headline
figures), scored through the whole pipeline with ``score.py``. It was scored
once before any rule was written against it, so it watches for rules that
only fit the sets they were written with.
"""
from pathlib import Path

from score import read_rows

SET = Path(__file__).resolve().parent / "dev" / "mixed_check"


def test_mixed_russian_and_english_articles_score_on_every_table(tmp_path, score_set):
    quotes, money, themes, misses = score_set(SET)
    assert quotes["detection"]["f1"] >= 0.95, misses
    assert quotes["attribution"]["f1"] >= 0.96, misses
    assert money["detection"]["f1"] >= 0.95 and money["value"]["f1"] >= 0.95, misses
    assert themes["f1"] >= 0.90, misses
    languages = {r["article_id"]: r["language"] for r in read_rows(tmp_path / "articles.csv")}
    assert {k: v for k, v in languages.items()} == {p.name: p.name[:2] for p in SET.glob("*.txt")}
