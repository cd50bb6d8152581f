"""The step that looks across articles for quotes: the same statement reported by several articles."""
import pandas as pd

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

