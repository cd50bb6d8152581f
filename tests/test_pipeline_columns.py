"""Worker batches travel as columns (`pipeline._Batch`): the client builds the same tables from them as from rows."""
import pickle

import pandas as pd
import pytest

from analysis import pipeline
from analysis.figures import _figure_frame, _quantity_frame

BUILD = {"quotes": lambda r: pd.DataFrame(r, columns=pipeline._table_columns()["quotes"]),
         "figures": _figure_frame, "quantities": _quantity_frame,
         "theme_mentions": lambda r: pd.DataFrame(r, columns=pipeline._table_columns()["theme_mentions"]),
         "themes": lambda r: pd.DataFrame(r, columns=pipeline._table_columns()["themes"])}


@pytest.fixture(scope="module")
def seed_parts(seeds_dir):
    from analysis.corpus import load_corpus
    arts = load_corpus(seeds_dir).articles
    _, _, _, rates, roster, lexicon = pipeline.load_configs(seeds_dir)
    items = [(f"key-{i}", a.article_id, a.text, int(a.n_words), pipeline.article_year(a.published), a.language)
             for i, a in enumerate(arts.itertuples())]
    # an article with no quotes, figures or themes makes batches where a table has no rows at all
    items.insert(3, ("key-empty", "empty.txt", "Nothing here.", 2, 2025, "en"))
    return pipeline._extract_batch("tok", pipeline.code_fingerprint(), roster, lexicon, rates, items)


def _by_rows(parts, table):
    return BUILD[table]([r for _, p in parts if p is not None for r in p[table]])


def test_batches_sent_as_columns_build_the_tables_rows_build(seed_parts):
    batches = [pickle.loads(pickle.dumps(pipeline._Batch(seed_parts[i:i + 4]))) for i in range(0, len(seed_parts), 4)]
    assert pipeline._Batch(seed_parts[3:4]).counts["quotes"] == [0]
    for table in pipeline.TABLES:
        cols, keys = pipeline._frame_columns(batches, table)
        assert isinstance(cols, dict)      # sent as columns, not as rows
        got, want = BUILD[table](cols), _by_rows(seed_parts, table)
        assert len(want) > 0
        pd.testing.assert_frame_equal(got, want, check_exact=True)
        assert list(keys) == [k for k, p in seed_parts for _ in p[table]]


def test_a_batch_gives_back_the_rows_it_was_made_of(seed_parts):
    parts = [*seed_parts[:5], ("key-late", None)]        # an article over its time budget has no rows
    batch = pipeline._Batch(parts)
    assert batch.timed_out == ["key-late"]
    assert batch.articles() == parts


def test_a_text_column_with_a_missing_value_and_a_row_without_a_column_keep_their_types(seed_parts):
    parts = [(k, {t: [dict(r) for r in p[t]] for t in p}) for k, p in seed_parts[:6]]
    mentions = [r for _, p in parts for r in p["theme_mentions"]]
    mentions[0]["speaker"] = None                      # text column with a gap: travels as a list
    del [r for _, p in parts for r in p["themes"]][0]["hits"]   # a row without a column: the table travels as rows
    batch = pipeline._Batch(parts)
    assert isinstance(batch.columns["theme_mentions"]["speaker"], list)
    assert batch.columns["themes"] is None
    for table in ("theme_mentions", "themes"):
        cols, _ = pipeline._frame_columns([batch], table)
        pd.testing.assert_frame_equal(BUILD[table](cols), _by_rows(parts, table), check_exact=True)


def test_lines_a_site_adds_around_an_article_give_no_figures_quotes_or_themes():
    from analysis.pipeline import extract_article
    from analysis.quotes import Annotator
    from analysis.roster import load_roster
    from analysis.themes import load_lexicon
    roster = load_roster()
    text = ("Trade\n\nKazakhstan and Uzbekistan agreed to raise trade to $10 billion.\n"
            "Read also: Kazakhstan, Uzbekistan sign 20 agreements worth $3 billion on machinery\n"
            "\"We will get there,\" Tokayev said.\nTags: trade, machinery, agriculture\n")
    rows = extract_article("t", text, 30, 2026, roster, Annotator(roster), load_lexicon(), {}, "en")
    assert [f["surface"] for f in rows["figures"]] == ["$10 billion"]
    assert not any(m["theme"] == "machinery" for m in rows["theme_mentions"])
    assert [q["text"] for q in rows["quotes"]] == ["We will get there,"]
    ru = ("Торговля\n\nТоварооборот достиг 4 млрд долларов.\nЧитайте также: Сделки на 3 млрд долларов подписаны\n"
          "Теги: торговля, техника\n")
    rows = extract_article("t", ru, 15, 2026, roster, Annotator(roster), load_lexicon(), {}, "ru")
    assert [f["surface"] for f in rows["figures"]] == ["4 млрд долларов"]
    assert [f["start"] for f in rows["figures"]] == [ru.index("4 млрд")]      # offsets into the article as read


def test_a_heading_alone_takes_the_headlines_under_it_and_keeps_every_line_break():
    from analysis.text import without_boilerplate
    text = ("Rail\nTransit revenue reached $2 billion.\nRead Next\nUzbekistan raises $600 million in debut sukuk\n"
            "Kyrgyzstan's gold exports jump to $1.1 billion\n")
    masked = without_boilerplate(text, "en")
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    assert "$2 billion" in masked and "$600" not in masked and "$1.1" not in masked
    ru = "Торговля\nЧитайте также:\nСделки на 3 млрд долларов\nТоварооборот достиг 4 млрд долларов, сообщил министр.\n"
    masked = without_boilerplate(ru, "ru")
    assert "3 млрд" not in masked and "4 млрд долларов, сообщил министр." in masked
