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



def _figures_of_many_pairs():
    from analysis.figures import figures_in_text
    pairs = ["Kazakhstan and Uzbekistan", "Belarus and Kazakhstan", "Armenia and Georgia", "Russia and Belarus",
             "Azerbaijan and Turkey", "China and Kyrgyzstan"]
    frames = []
    for n, pair in enumerate(pairs):
        for k, value in enumerate(["1.2 billion", "3.5 billion", "900 million", "1.25 billion"]):
            text = f"Trade between {pair} reached ${value} in 2025, officials said."
            frames.append(figures_in_text(text, f"a{n}-{k}.txt", 2026)[0])
    return pd.concat(frames, ignore_index=True)


class _Workers:
    """A stand-in for the workers: runs each task at once."""

    def __init__(self, jobs):
        self.jobs = jobs

    def run(self, fn, *args):
        from concurrent.futures import Future
        done = Future()
        done.set_result(fn(*args))
        return done


def test_figures_compared_in_parts_by_parties_give_the_table_of_one_comparison():
    from analysis.figures import find_discrepancies
    from analysis.pipeline import _compare_in_parts
    figures = _figures_of_many_pairs()
    whole = find_discrepancies(figures)
    assert whole["parties"].nunique() >= 5      # disagreements in many pairs of countries
    for jobs in (1, 2, 3, 8):
        parts = _compare_in_parts(_Workers(jobs), figures)
        assert len(parts.futures) == min(jobs, figures["parties"].nunique())   # one run of parties per worker
        pd.testing.assert_frame_equal(parts.result(), whole)
