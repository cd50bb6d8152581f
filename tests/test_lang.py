"""Language packs: one engine, the words of each language as data."""
import pytest

from analysis.corpus import load_corpus
from analysis.lang import available, detect_language, pack


def test_english_and_russian_packs_are_shipped():
    assert {"en", "ru"} <= set(available())


@pytest.mark.parametrize("text, code", [
    ("Президент Казахстана Касым-Жомарт Токаев заявил, что товарооборот вырос.", "ru"),
    ("Kazakh President Kassym-Jomart Tokayev said that trade grew.", "en"),
    ("«Мы готовы», — сказал глава компании BelAZ Ltd на форуме EAEU.", "ru"),
    ("2026-02-04 12:58", "en"),  # no letters: the default language
])
def test_the_language_of_an_article_is_detected_from_its_letters(text, code):
    assert detect_language(text) == code


def test_region_and_case_variants_of_a_code_find_the_pack_and_unknown_codes_fall_back():
    assert pack("RU-ru").code == "ru"
    assert pack("ru_RU").code == "ru"
    assert pack("xx").code == "en"


def test_the_russian_normaliser_gives_dictionary_forms():
    norm = pack("ru").normalise
    assert norm("машиностроения") == "машиностроение"
    assert norm("Товарооборота") == "товарооборот"


def test_articles_record_their_detected_language_and_front_matter_wins(tmp_path):
    (tmp_path / "a.txt").write_text("Товарооборот вырос\n\nПрезидент заявил, что товарооборот вырос на 20%.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Trade grew\n\nThe president said trade grew by 20%.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("---\nlanguage: ru\n---\nA text in English that the front matter calls Russian.\n",
                                   encoding="utf-8")
    langs = load_corpus(tmp_path).articles.set_index("article_id")["language"].to_dict()
    assert langs == {"a.txt": "ru", "b.txt": "en", "c.md": "ru"}
