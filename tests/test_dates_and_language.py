"""Dates in every pack's language, language codes as written by manifests, and language detection."""
import pytest

from analysis.corpus import load_corpus, parse_date
from analysis.lang import detect_language, language_code


@pytest.mark.parametrize("text, iso, precision", [
    ("9 октября 2023", "2023-10-09", "day"),
    ("3 Июнь 2015", "2015-06-03", "day"),
    ("5 февраля, 12:58", "--02-05", "day"),
    ("12:58, 5 февраля", "--02-05", "day"),
    ("04.02.2026", "2026-02-04", "day"),
    ("2 июля 2025 года", "2025-07-02", "day"),
    ("22 ноября 2022 г.", "2022-11-22", "day"),
    ("5 февраля 2024, 12:58", "2024-02-05", "day"),
    ("Март 2024", "2024-03", "month"),
    ("1 сентября 2020 г", "2020-09-01", "day"),
    ("Sept. 5, 2020", "2020-09-05", "day"),
])
def test_russian_and_english_date_lines(text, iso, precision):
    got = parse_date(text)
    assert (got.iso, got.precision) == (iso, precision)


@pytest.mark.parametrize("text", ["31 февраля 2020", "Президент заявил 5", "7 Marchember 2020", "В 2020 году"])
def test_impossible_or_wordy_dates_are_not_dates(text):
    assert parse_date(text) is None


def test_russian_date_lines_and_front_matter_in_files(tmp_path):
    (tmp_path / "a.txt").write_text("Заголовок статьи\n9 октября 2023\n\nТоварооборот вырос.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Заголовок\nОпубликовано: 12 сентября 2025\n\nТекст статьи.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Форум регионов\n5 февраля, 12:58\n\nТекст статьи.\n", encoding="utf-8")
    (tmp_path / "d.md").write_text("---\ndate: 3 Июнь 2015\nlanguage: RU\n---\nТекст статьи.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,published,language\nc.txt,5 февраля 2026,Russian\n", encoding="utf-8")
    a = load_corpus(tmp_path).articles.set_index("article_id")
    assert a.loc["a.txt", "published"] == "2023-10-09" and a.loc["a.txt", "date_source"] == "text"
    assert a.loc["b.txt", "published"] == "2025-09-12"
    assert a.loc["c.txt", "published"] == "2026-02-05" and a.loc["c.txt", "date_source"] == "manifest"
    assert a.loc["d.md", "published"] == "2015-06-03" and a.loc["d.md", "date_source"] == "front_matter"
    assert set(a["language"]) == {"ru"}


def test_a_day_and_month_without_a_year_stays_partial_in_russian(tmp_path):
    (tmp_path / "a.txt").write_text("Заголовок\n12:58, 5 февраля\n\nТекст.\n", encoding="utf-8")
    a = load_corpus(tmp_path).articles.iloc[0]
    assert (a["published"], a["year_known"], a["date_precision"]) == ("--02-05", False, "day")


@pytest.mark.parametrize("value, code", [
    ("RU", "ru"), ("ru-RU", "ru"), ("ru_RU", "ru"), ("Russian", "ru"), ("русский", "ru"),
    ("EN", "en"), ("en-GB", "en"), ("English", "en"), ("de-AT", "de"), ("", ""), (None, ""),
])
def test_language_codes_from_manifests_are_normalised(value, code):
    assert language_code(value) == code


@pytest.mark.parametrize("text, code", [
    ("Лукашенко: товарооборот с Казахстаном превысит $1 млрд", "ru"),       # a short Russian headline
    ("Tokayev meets Lukashenko in Minsk", "en"),
    ("Встреча с BelAZ, MAZ и MTZ в Минске", "ru"),                        # Latin brands in a Russian headline
    ("The phrase «торгово-экономическое сотрудничество» means trade and economic cooperation between states",
     "en"),                                                                # a Russian phrase quoted in English
    ("ЕАЭС", "ru"),
])
def test_short_and_mixed_texts_get_the_language_of_most_of_their_letters(text, code):
    assert detect_language(text) == code


def test_articles_cached_by_an_older_reader_are_read_again(tmp_path, monkeypatch):
    from analysis import corpus
    folder, cache = tmp_path / "corpus", tmp_path / "cache"
    folder.mkdir()
    (folder / "a.txt").write_text("Заголовок\n9 октября 2023\n\nТекст.\n", encoding="utf-8")
    load_corpus(folder, cache_dir=cache)
    monkeypatch.setattr(corpus, "_reader_fingerprint", lambda: "another reader")
    a = load_corpus(folder, cache_dir=cache).articles.iloc[0]
    assert a["published"] == "2023-10-09"
    assert len(list(cache.glob("corpus-*.parquet"))) == 2    # the old reader's cache was not used


@pytest.mark.parametrize("lead, published", [
    ("Астана, 3 июня 2015. Посол Казахстана встретился с губернатором области и обсудил поставки.", "2015-06-03"),
    ("MOSCOW, 2 February 2024 (TASS) – Mutual trade within the Eurasian Economic Union rose again.", "2024-02-02"),
    ("MINSK, June 5, 2025. The Ambassador of Kazakhstan met the governor of the Mogilev region.", "2025-06-05"),
    ("4 сентября 2025, Минск. Глава Администрации Президента открыл пленарное заседание форума.", "2025-09-04"),
    ("МИНСК, 9 октября (БЕЛТА) – Президент Беларуси провел переговоры с Президентом Казахстана.", "--10-09"),
])
def test_a_news_dateline_opening_the_lead_paragraph_dates_the_article(tmp_path, lead, published):
    (tmp_path / "a.txt").write_text(f"Headline of the story\n\n{lead}\n\nMore text follows here.\n", encoding="utf-8")
    row = load_corpus(tmp_path).articles.iloc[0]
    assert row["published"] == published


def test_a_lead_paragraph_that_only_mentions_numbers_and_places_is_not_a_dateline(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nSpeaking in Minsk, 12 ministers said that trade with the EAEU grew "
                                    "by 5 percent in the first months.\n", encoding="utf-8")
    assert load_corpus(tmp_path).articles.iloc[0]["published"] is None
