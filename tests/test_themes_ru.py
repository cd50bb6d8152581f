"""Themes in Russian and across languages: the Russian pack's terms, inflection, one scale for both languages."""
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.config import ConfigError
from analysis.corpus import load_corpus
from analysis.themes import by_language, extract_themes, load_lexicon

DEV = Path(__file__).resolve().parent / "dev" / "themes_ru"


def _articles(**texts) -> pd.DataFrame:
    rows = [{"article_id": k, "text": t, "n_words": len(re.findall(r"\w+", t)), "language": lang}
            for k, (lang, t) in texts.items()]
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def dev():
    arts = load_corpus(DEV / "articles").articles
    mentions, themes = extract_themes(arts, load_lexicon())
    gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((DEV / "gold").glob("*.json"))}
    return arts, themes, gold


def _presence_f1(themes, gold, language):
    from score import score_themes
    chosen = {k: g for k, g in gold.items() if g["language"] == language}
    misses = []
    got = score_themes(chosen, themes.to_dict("records"), misses)
    return got["f1"], misses


def test_russian_dev_set_theme_presence_f1_is_at_least_095(dev):
    arts, themes, gold = dev
    assert sum(g["language"] == "ru" for g in gold.values()) >= 25
    f1, misses = _presence_f1(themes, gold, "ru")
    assert f1 >= 0.95, misses


def test_english_dev_articles_keep_their_themes(dev):
    arts, themes, gold = dev
    f1, misses = _presence_f1(themes, gold, "en")
    assert f1 >= 0.95, misses


def test_dev_articles_get_their_language_and_date(dev):
    arts, _, gold = dev
    got = arts.set_index("article_id")
    for key, g in gold.items():
        assert got.loc[g["file"], "language"] == g["language"], key
        assert got.loc[g["file"], "published"] == g["date"], key


@pytest.mark.parametrize("text, theme", [
    ("Развитие машиностроения обсудили в Минске.", "machinery"),
    ("Речь шла о машиностроении и станкостроении.", "machinery"),
    ("Белорусские машиностроительные предприятия нарастили выпуск.", "machinery"),
    ("Поставки сельхозтехники выросли вдвое.", "machinery"),
    ("Три трактора МТЗ и два БелАЗа прибыли в Караганду.", "machinery"),
    ("Министр сельского хозяйства посетил выставку.", "agriculture"),
    ("Урожая зерновых хватит на экспорт.", "agriculture"),
    ("Взаимный товарооборот вырос на 12%.", "trade"),
    ("Объемы взаимной торговли растут.", "trade"),
    ("Губернаторы российских регионов приехали на Форум регионов.", "interregional"),
    ("Акимы областей подписали соглашения.", "interregional"),
    ("Чуйская и Жамбылская области создадут приграничную торговую зону.", "interregional"),
    ("Приграничные регионы двух стран нарастили обмен делегациями.", "interregional"),
    ("Стороны создадут совместные предприятия и наладят сборочное производство.", "joint_ventures"),
    ("Уровень локализации достигнет 50%.", "joint_ventures"),
    ("Беларусь председательствует в ЕАЭС и ОДКБ.", "integration"),
])
def test_russian_terms_are_found_in_any_case_and_number(text, theme):
    found = {t for _, _, t, _ in load_lexicon().match(text, "ru")}
    assert theme in found


@pytest.mark.parametrize("text, theme", [
    ("В центр поступило новое медицинское оборудование.", "machinery"),
    ("Обсуждались поставки военной техники.", "machinery"),
    ("Сотрудничество в области образования расширится.", "interregional"),
    ("В Минске открылся новый торговый центр.", "trade"),
    ("Сборная Казахстана выиграла матч.", "joint_ventures"),
])
def test_russian_look_alikes_are_not_mentions(text, theme):
    found = {t for _, _, t, _ in load_lexicon().match(text, "ru")}
    assert theme not in found


def test_one_theme_is_counted_on_the_same_scale_in_both_languages():
    arts = _articles(
        en=("en", "Trade between Belarus and Kazakhstan grew. Tractors and combine harvesters were exported."),
        ru=("ru", "Товарооборот Беларуси и Казахстана вырос. Тракторы и комбайны поставлялись на экспорт."),
    )
    _, themes = extract_themes(arts, load_lexicon())
    got = {(a, t): (h, p) for a, t, h, p in themes[["article_id", "theme", "hits", "per_1k_words"]].itertuples(False)}
    assert {t for a, t in got if a == "en"} == {t for a, t in got if a == "ru"} == {"trade", "machinery"}
    for (a, t), (hits, per_1k) in got.items():
        n = int(arts.set_index("article_id").loc[a, "n_words"])
        assert per_1k == round(1000 * hits / n, 2)
    split = by_language(themes, arts)
    assert list(split.columns) == ["theme", "language", "articles", "article_share", "hits", "words", "per_1k_words"]
    assert set(split["language"]) == {"en", "ru"}


def test_a_lexicon_in_the_old_format_matches_in_every_language(tmp_path):
    (tmp_path / "themes.yml").write_text("replace: true\nthemes:\n  mining:\n    terms: [BelAZ, mining truck, карьерный самосвал]\n",
                                         encoding="utf-8")
    lex = load_lexicon(tmp_path / "themes.yml")
    assert [m[2] for m in lex.match("Two BelAZ mining trucks", "en")] == ["mining", "mining"]
    assert [m[2] for m in lex.match("Два карьерных самосвала BelAZ", "ru")] == ["mining", "mining"]


def test_terms_listed_per_language_match_only_that_language(tmp_path):
    (tmp_path / "themes.yml").write_text(
        "replace: true\nthemes:\n  energy:\n    label: Energy\n    terms:\n      en: [oil, gas]\n      ru: [нефть, газ]\n"
        "  trade:\n    label: Trade\n", encoding="utf-8")
    lex = load_lexicon(tmp_path / "themes.yml")
    en, ru = "Oil and gas; нефть и газ; exports", "Нефти и газа; oil; экспорта"
    assert [(en[s:e], t) for s, e, t, _ in lex.match(en, "en")] == [("Oil", "energy"), ("gas", "energy"),
                                                                   ("exports", "trade")]
    assert [(ru[s:e], t) for s, e, t, _ in lex.match(ru, "ru")] == [("Нефти", "energy"), ("газа", "energy"),
                                                                   ("экспорта", "trade")]


def test_a_broken_pack_term_file_is_named_with_its_key(tmp_path, monkeypatch):
    import shutil

    from analysis import lang, themes
    for code in ("en", "ru"):
        shutil.copytree(lang.PACKS / code, tmp_path / code)
    (tmp_path / "ru" / "themes.yml").write_text("themes:\n  trade:\n    terms: [торговля]\n    colour: red\n",
                                                encoding="utf-8")
    monkeypatch.setattr(lang, "PACKS", tmp_path)
    lang.pack.cache_clear()
    themes._pack_terms.cache_clear()
    try:
        with pytest.raises(ConfigError, match=r"^lang/ru/themes\.yml:\d+ themes\.trade\.colour: unknown key"):
            load_lexicon()
    finally:
        lang.pack.cache_clear()
        themes._pack_terms.cache_clear()


@pytest.mark.parametrize("text, lang, surfaces", [
    ("Взаимная – торговля", "ru", ["торговля"]),                 # a dash between words ends a phrase
    ("взаимная торговля", "ru", ["взаимная торговля"]),
    ("machine-building", "en", ["machine-building"]),            # a hyphen joins
    ("mutual – trade", "en", ["trade"]),
])
def test_a_term_runs_over_spaces_and_hyphens_but_not_dashes(text, lang, surfaces):
    assert [text[s:e] for s, e, _, _ in load_lexicon().match(text, lang)] == surfaces


def test_a_third_language_needs_only_a_pack_folder(tmp_path, monkeypatch):
    """Kazakh as data only: detected by its letters, its dates read, its theme terms matched."""
    import shutil

    from analysis import corpus, lang, themes
    for code in ("en", "ru"):
        shutil.copytree(lang.PACKS / code, tmp_path / code)
    kk = tmp_path / "kk"
    kk.mkdir()
    (kk / "pack.yml").write_text("name: Kazakh\nscript: cyrillic\nmarker_letters: әғқңөұүһі\naliases: [kazakh, қазақша]\n"
                                 "normaliser: lower\n", encoding="utf-8")
    (kk / "themes.yml").write_text("themes:\n  trade:\n    terms: [тауар айналымы, экспорт, сауда]\n"
                                   "  agriculture:\n    terms: [ауыл шаруашылығы, астық]\n", encoding="utf-8")
    months = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
              "қараша", "желтоқсан"]
    (kk / "dates.yml").write_text("months:\n" + "".join(f"  - [{m}]\n" for m in months) + "year_words: [жыл]\n",
                                  encoding="utf-8")
    caches = (lang.pack, themes._pack_terms, themes._key_function, themes.theme_normaliser, themes._stop_words,
              corpus._date_words, corpus._parse_date_text, corpus._reader_fingerprint)

    def clear():
        for c in caches:
            c.cache_clear()
    monkeypatch.setattr(lang, "PACKS", tmp_path)
    clear()
    try:
        folder = tmp_path / "corpus"
        folder.mkdir()
        (folder / "a.txt").write_text("Қазақстан мен Беларусь\n12 қазан 2024\n\nЕкі ел арасындағы сауда өсті. "
                                      "Астық экспорты артты.\n", encoding="utf-8")
        arts = load_corpus(folder).articles
        assert (arts.loc[0, "language"], arts.loc[0, "published"]) == ("kk", "2024-10-12")
        _, found = extract_themes(arts, load_lexicon())
        assert set(found["theme"]) == {"trade", "agriculture"}
    finally:
        monkeypatch.undo()
        clear()
