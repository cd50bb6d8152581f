"""One name per person across the corpus: scripts, transliterations and spellings of one speaker."""
import random

import pandas as pd

from analysis.pipeline import analyse
from analysis.speakers import canonical_names, unify_speakers


def test_cyrillic_and_latin_spellings_of_one_person_get_the_latin_name():
    mapping = canonical_names(["Алексей Оверчук", "Alexei Overchuk", "Даниярбек Амангельдиев", "Daniyarbek Amangeldiyev",
                               "Эльчин Гасанов", "Elchin Hasanov", "Шавкат Мирзиёев", "Shavkat Mirziyoyev"])
    assert mapping == {"Алексей Оверчук": "Alexei Overchuk", "Даниярбек Амангельдиев": "Daniyarbek Amangeldiyev",
                       "Эльчин Гасанов": "Elchin Hasanov", "Шавкат Мирзиёев": "Shavkat Mirziyoyev"}


def test_people_who_share_a_surname_or_the_start_of_a_given_name_stay_apart():
    names = ["Alexander Overchuk", "Alexei Overchuk", "Vladimir Ivanov", "Vladislav Ivanov",
             "Ivan Nazarov", "Ivan Nazarbayev", "Serik Akhmetov", "Serik Zhumangarin"]
    assert canonical_names(names) == {}


def test_surnames_that_differ_in_their_first_sound_are_two_people_and_transliterations_one():
    from analysis.roster import surnames_match
    assert not surnames_match("saparov", "japarov")          # Сапаров is not Жапаров
    assert surnames_match("zhaparov", "japarov") and surnames_match("dzhaparov", "japarov")
    assert surnames_match("yeleussizov", "eleusizov") and surnames_match("ivanov", "ivanova")
    assert canonical_names(["Айдарбек Сапаров", "Aidarbek Japarov"]) == {}


def test_a_name_given_by_its_initial_joins_the_one_person_it_fits_and_never_links_two():
    assert canonical_names(["V. Putin", "Vladimir Putin", "Владимир Путин"]) == \
        {"V. Putin": "Vladimir Putin", "Владимир Путин": "Vladimir Putin"}
    assert canonical_names(["A. Overchuk", "Alexander Overchuk", "Alexei Overchuk"]) == {}


def test_the_name_kept_does_not_depend_on_the_order_the_articles_came_in():
    names = ["Aleksandr Novak", "Александр Новак", "Alexander Novak", "A. Novak", "Серик Жумангарин",
             "Serik Zhumangarin", "Kanat Bozumbayev", "Канат Бозумбаев"]
    first = canonical_names(names)
    for seed in range(5):
        shuffled = names[:]
        random.Random(seed).shuffle(shuffled)
        assert canonical_names(shuffled) == first
    assert first["Александр Новак"] == first["Alexander Novak"] == "Aleksandr Novak"


def test_organisations_and_roster_people_are_left_as_the_extractor_named_them():
    quotes = pd.DataFrame({"speaker": ["Министерство торговли", "Ministry of Trade", "Kassym-Jomart Tokayev",
                                       "Касым-Жомарт Токаев"],
                           "confidence": ["organization", "organization", "roster", "name"],
                           "speaker_in_roster": [False, False, True, False]})
    out = unify_speakers({"quotes": quotes})
    assert out["quotes"]["speaker"].tolist() == quotes["speaker"].tolist()


def _two_articles(corpus):
    (corpus / "en.txt").write_text(
        "Kazakhstan and Azerbaijan agree on Caspian ferries\n\nBaku, 3 March 2026\n\n"
        "Azerbaijan's Minister of Economy Elchin Hasanov said on Tuesday that the two countries would order six "
        "new ferries. \"The Middle Corridor needs ships more than it needs promises,\" Hasanov said.\n",
        encoding="utf-8")
    (corpus / "ru.txt").write_text(
        "Азербайджан и Казахстан договорились о паромах\n\nБаку, 4 марта 2026 года\n\n"
        "Министр экономики Азербайджана Эльчин Гасанов заявил, что страны закажут шесть новых паромов. "
        "«Среднему коридору нужны суда, а не обещания», — сказал Гасанов.\n", encoding="utf-8")


def test_an_english_and_a_russian_article_quoting_one_minister_name_him_once(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _two_articles(corpus)
    res = analyse(corpus)
    direct = res.quotes[res.quotes["kind"] == "direct"]
    assert direct.set_index("article_id")["speaker"].to_dict() == {"en.txt": "Elchin Hasanov",
                                                                   "ru.txt": "Elchin Hasanov"}
    assert "Гасанов" in direct.set_index("article_id").loc["ru.txt", "speaker_mention"]


def test_names_follow_the_articles_there_are_now_when_results_come_from_the_cache(tmp_path):
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    corpus.mkdir()
    _two_articles(corpus)

    def speakers(**kw):
        q = analyse(corpus, **kw).quotes
        return q[q["kind"] == "direct"].set_index("article_id")["speaker"].to_dict()

    assert speakers(cache_dir=cache) == {"en.txt": "Elchin Hasanov", "ru.txt": "Elchin Hasanov"}
    (corpus / "en.txt").unlink()             # the Latin spelling came only from the English article
    assert speakers(cache_dir=cache) == speakers() == {"ru.txt": "Эльчин Гасанов"}


def test_spellings_that_differ_in_their_first_letter_by_transliteration_are_one_person():
    assert canonical_names(["Yerlan Koshanov", "Erlan Koshonov", "Ерлан Кошанов", "E. Koshanov"]) == \
        {"Erlan Koshonov": "Yerlan Koshanov", "Ерлан Кошанов": "Yerlan Koshanov", "E. Koshanov": "Yerlan Koshanov"}
