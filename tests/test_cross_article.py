"""The steps that look across articles: the same statement in several articles, disagreeing figures."""
import pandas as pd

from analysis.figures import find_discrepancies
from analysis.quotes import QUOTE_COLUMNS, cluster_quotes


def _quotes(rows):
    out = []
    for n, (article, speaker, text) in enumerate(rows):
        out.append({c: "" for c in QUOTE_COLUMNS} | {"article_id": article, "quote_id": f"{article}#q{n}",
                                                     "kind": "direct", "speaker": speaker, "text": text,
                                                     "start": 0, "end": len(text), "paragraph": 0})
    return pd.DataFrame(out, columns=QUOTE_COLUMNS)


def test_russian_statements_cluster_by_their_words_not_all_together():
    q = cluster_quotes(_quotes([
        ("a.txt", "Анна Иванова", "Мы рассчитываем, что уже в следующем году объем поставок удвоится"),
        ("b.txt", "Анна Иванова", "Мы рассчитываем, что уже в следующем году объём поставок удвоится!"),
        ("c.txt", "Анна Иванова", "Логистика сегодня определяет конкурентоспособность любой экономики"),
        ("d.txt", "Борис Петров", "Мы рассчитываем, что уже в следующем году объем поставок удвоится"),
    ]))
    ids = list(q["cluster_id"])
    assert ids[0] == ids[1]                 # one statement reported twice
    assert ids[2] != ids[0]                 # another statement by the same speaker
    assert ids[3] not in (ids[0], ids[2])   # the same words from someone else


def test_a_reworded_report_of_a_statement_joins_its_cluster_across_many_articles():
    rows = [(f"x{i}.txt", "Ann Lee", f"Filler statement number {i} about grain exports and quotas") for i in range(300)]
    rows += [("y1.txt", "Ann Lee", "Trade between our countries will reach two billion dollars next year"),
             ("y2.txt", "Ann Lee", "trade between our countries will reach two billion dollars by next year")]
    q = cluster_quotes(_quotes(rows))
    assert q["cluster_id"].iloc[-1] == q["cluster_id"].iloc[-2]
    assert q["cluster_id"].iloc[-1] not in set(q["cluster_id"].iloc[:300])


def test_discrepancies_pair_only_the_same_metric_and_year_from_different_articles():
    f = pd.DataFrame([
        {"article_id": "a", "figure_id": "a#f0", "surface": "$1 billion", "value_usd": 1e9, "low_usd": None,
         "high_usd": None, "qualifier": "exact", "claim": "actual", "metric": "trade turnover", "year": 2020},
        {"article_id": "b", "figure_id": "b#f0", "surface": "$3 billion", "value_usd": 3e9, "low_usd": None,
         "high_usd": None, "qualifier": "exact", "claim": "actual", "metric": "trade turnover", "year": 2020},
        {"article_id": "c", "figure_id": "c#f0", "surface": "$9 billion", "value_usd": 9e9, "low_usd": None,
         "high_usd": None, "qualifier": "exact", "claim": "actual", "metric": "trade turnover", "year": 2021},
        {"article_id": "a", "figure_id": "a#f1", "surface": "$8 billion", "value_usd": 8e9, "low_usd": None,
         "high_usd": None, "qualifier": "exact", "claim": "actual", "metric": "trade turnover", "year": 2020},
    ])
    d = find_discrepancies(f)
    assert {(r.figure_a, r.figure_b) for r in d.itertuples()} == {("a#f0", "b#f0"), ("b#f0", "a#f1")}
