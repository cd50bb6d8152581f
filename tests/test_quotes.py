"""Quote spans and speakers: the seed gold, and layouts from other outlets."""
import pandas as pd
import pytest

from analysis.quotes import QUOTE_COLUMNS, extract_quotes, find_spans, quotes_in_text
from analysis.roster import load_roster
from score import read_rows, score_quotes

GOLD_MIN_FOUND, GOLD_MIN_ATTRIBUTED = 0.97, 0.95


def test_seed_gold_scores(extracted):
    import json
    from conftest import GOLD
    gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in GOLD.glob("*.json")}
    misses = []
    s = score_quotes(gold, read_rows(extracted / "quotes.csv", kind="direct"), misses)
    assert s["detection"]["f1"] >= GOLD_MIN_FOUND, misses
    assert s["attribution"]["f1"] >= GOLD_MIN_ATTRIBUTED, misses


def test_every_row_slices_its_article(seed_results):
    texts = dict(zip(seed_results.articles["article_id"], seed_results.articles["text"]))
    q = seed_results.quotes
    assert list(q.columns) == QUOTE_COLUMNS + ["published", "title", "source"]   # the article's, appended
    for r in q.itertuples():
        assert texts[r.article_id][r.start:r.end] == r.text


def test_titles_pronouns_and_spellings_resolve_to_roster_names(seed_results):
    q = seed_results.quotes
    direct = q[q["kind"] == "direct"]
    by_mention = dict(zip(direct["speaker_mention"], direct["speaker"]))
    assert by_mention["the head of state"] == "Aleksandr Lukashenko"
    assert by_mention["the Belarusian leader"] == "Aleksandr Lukashenko"
    assert by_mention["the Prime Minister of Kazakhstan"] == "Serik Akhmetov"
    koshonov = direct[direct["text"].str.startswith("Every time I visit")].iloc[0]
    assert koshonov["speaker"] == "Yerlan Koshanov" and koshonov["speaker_in_roster"]
    assert set(direct["speaker"]) == {"Aleksandr Lukashenko", "Serik Akhmetov", "Yerlan Koshanov"}


def test_the_first_floor_is_a_partial_quote_not_a_statement(seed_results):
    q = seed_results.quotes.set_index("text")
    assert q.loc["the first floor", "kind"] == "partial"


def test_a_header_line_with_no_quote_after_it_yields_nothing(seed_results):
    assert not seed_results.quotes["text"].str.contains("Sergeenko").any()
    assert "Igor Sergeenko" not in set(seed_results.quotes["speaker"])


def test_two_spans_around_an_attribution_are_one_utterance(seed_results):
    q = seed_results.quotes
    a = q[q["text"].str.startswith("I strongly urge")].iloc[0]
    b = q[q["text"].str.startswith("No country, not even America")].iloc[0]
    assert a["utterance_id"] == b["utterance_id"]


def test_same_statement_in_two_translations_shares_a_cluster(seed_results):
    q = seed_results.quotes
    a = q[q["text"].str.startswith("I strongly urge")].iloc[0]
    b = q[q["text"].str.startswith("I kindly urge you")].iloc[0]
    assert a["article_id"] != b["article_id"] and a["cluster_id"] == b["cluster_id"] != ""
    c = q[q["text"].str.startswith("Every time I visit")].iloc[0]
    assert c["cluster_id"] not in (a["cluster_id"], "")


def one(text, **kw):
    q = quotes_in_text(text, "t", **kw)
    return q[q["kind"] == "direct"].reset_index(drop=True)


def test_straight_quotes_said_after_and_first_name_surname():
    t = ('Putin meets Xi\n\nChinese President Xi Jinping met Russian President Vladimir Putin on Thursday. '
         '"China is willing to work with Russia," Xi said.\n'
         'Putin said trade had reached a record. "Our cooperation is not directed against anyone," he told reporters.\n'
         '"It\'s a good day," said Dmitry Peskov, the Kremlin spokesman.\n')
    q = one(t)
    assert list(q["speaker"]) == ["Xi Jinping", "Vladimir Putin", "Dmitry Peskov"]
    # Xi and Putin are in the shipped roster (heads of state), the Kremlin spokesman is not
    assert list(q["speaker_in_roster"]) == [True, True, False] and q.loc[2, "confidence"] == "name"


def test_low_double_quote_and_title_bound_to_a_name():
    q = one("Scholz visits\nGerman Chancellor Olaf Scholz arrived on Monday. The chancellor said: „We want to expand "
            "our cooperation.“ He added that energy was key.\n")
    assert (q.loc[0, "text"], q.loc[0, "speaker"], q.loc[0, "confidence"]) == (
        "We want to expand our cooperation.", "Olaf Scholz", "coreference")


def test_guillemets_and_according_to():
    q = one("Talks\nAccording to Foreign Minister Murat Nurtleu, «the talks were constructive and forward-looking».\n")
    assert q.loc[0, "speaker"] == "Murat Nurtleu" and q.loc[0, "text"].startswith("the talks were")


def test_quote_running_over_paragraphs():
    t = ('Minister speaks\nTrade Minister Anna Kowalska outlined the plan on Monday.\n'
         '"We will open three new offices this year.\n"We will also double our exports to Asia.\n'
         '"This is only the beginning," Kowalska said.\nThe plan was welcomed.\n')
    q = one(t)
    # one quote from the first opening mark to the last closing one, as the paragraphs carry it on
    assert len(q) == 1 and q.loc[0, "speaker"] == "Anna Kowalska"
    assert q.loc[0, "text"].startswith("We will open") and q.loc[0, "text"].endswith("only the beginning,")


def test_header_line_then_quote_paragraphs():
    t = 'Interview\nMaria Lopez, CEO of TradeCo:\n"Our exports have grown fast."\n"We will invest more next year."\nThe end.\n'
    q = one(t)
    assert list(q["speaker"]) == ["Maria Lopez", "Maria Lopez"] and set(q["confidence"]) == {"header"}


def test_pronouns_follow_gender():
    t = ('Meeting\nPrime Minister Jane Doe met with President John Roe. She said the meeting was productive.\n'
         '"We agreed on many things," she said.\n"And we will meet again," he added.\n')
    assert list(one(t)["speaker"]) == ["Jane Doe", "John Roe"]


def test_unresolved_title_keeps_the_mention_and_no_guess():
    q = one("UK style\nThe minister said: ‘We are ready to sign the deal’. Analysts were sceptical.\n")
    assert q.loc[0, "speaker"] == "" and q.loc[0, "speaker_mention"] == "The minister" and q.loc[0, "confidence"] == "none"


def test_a_stray_mark_costs_only_its_own_quote():
    t = ('Broken\nThe governor said “the harvest was good this year. He added that prices were stable.\n'
         '“We expect growth,” said the governor, Ivan Petrov.\n“Exports will rise,” Petrov said.\n')
    q = quotes_in_text(t, "t")
    assert "He added" not in " ".join(q["text"])
    assert q[q["text"] == "Exports will rise,"].iloc[0]["speaker"] == "Ivan Petrov"
    assert q[q["text"] == "We expect growth,"].iloc[0]["speaker"] == "Ivan Petrov"


def test_odd_number_of_marks_never_raises_and_keeps_the_good_quotes():
    t = 'Odd\nThe countries’ leaders met. "We will win," he said. A stray " mark. "Trade grows," said Ann Lee.\n'
    q = quotes_in_text(t, "t")
    assert "Trade grows," in set(q["text"]) and "We will win," in set(q["text"])


def test_names_of_things_are_titles():
    q = quotes_in_text("Expo\nThe “Made in Belarus” exhibition opened, a ‘historic’ event.\n", "t")
    assert set(q["kind"]) == {"title"}


def test_transliterated_spellings_match_the_roster():
    r = load_roster()
    assert r.match_name("Erlan Koshonov").name == "Yerlan Koshanov"
    assert r.match_name("Alexander Lukashenko").name == "Aleksandr Lukashenko"
    assert r.match_name("Kassym-Jomart Kemelevich Tokayev").name == "Kassym-Jomart Tokayev"
    assert r.match_name("Ерлан Кошанов").name == "Yerlan Koshanov"
    assert r.match_name("Aleksandr Kozlov") is None


def test_roster_titles_respect_years():
    t = ("Talks\nThe President of Kazakhstan met investors. “We are open,” the President of Kazakhstan said.\n")
    q2013 = quotes_in_text(t, "t", year=2013)
    q2024 = quotes_in_text(t, "t", year=2024)
    assert q2013.iloc[0]["speaker"] == "Nursultan Nazarbayev"
    assert q2024.iloc[0]["speaker"] == "Kassym-Jomart Tokayev"


def test_an_analyst_roster_replaces_the_default(tmp_path):
    (tmp_path / "r.yml").write_text("people:\n  - name: Ann Lee\n    variants: [Anne Li]\n    gender: f\n", encoding="utf-8")
    q = one('X\n"Trade will grow," said Anne Li.\n', roster=load_roster(tmp_path / "r.yml"))
    assert (q.loc[0, "speaker"], q.loc[0, "speaker_in_roster"], q.loc[0, "confidence"]) == ("Ann Lee", True, "roster")


def test_spans_handle_every_mark_kind():
    t = 'A "straight" b “curly” c «guillemet» d „low“ e ‘single’ f\n'
    assert [t[s.start:s.end] for s in find_spans(t)] == ["straight", "curly", "guillemet", "low", "single"]


def test_empty_corpus_gives_an_empty_table():
    q = extract_quotes(pd.DataFrame(columns=["article_id", "text", "published"]))
    assert q.empty and list(q.columns) == QUOTE_COLUMNS


def test_an_institution_as_speaker_is_the_organisation_not_a_person():
    t = "Talks\nMinister Ann Lee arrived on Monday.\n“The talks were useful,” the ministry said in a statement.\n"
    q = one(t)
    assert (q.loc[0, "speaker"], q.loc[0, "speaker_mention"], q.loc[0, "confidence"], q.loc[0, "speaker_in_roster"]) == (
        "ministry", "the ministry", "organization", False)


def test_an_organisation_speaker_takes_its_fullest_name_in_the_article():
    t = ("Exports\nThe Ministry of Trade and Integration of Kazakhstan published new data on Friday.\n"
         "“Exports to Belarus rose by a fifth,” the ministry said.\n"
         "“Grain shipments will double,” the press service of the Kazakh Ministry of Trade said.\n")
    q = one(t)
    assert list(q["speaker"]) == ["Ministry of Trade and Integration of Kazakhstan",
                                  "press service of the Kazakh Ministry of Trade"]
    assert set(q["confidence"]) == {"organization"}


def test_participle_cues():
    q = one("Talks\nMinister Ann Lee praised the deal, adding: “Trade will double within five years.”\n")
    assert q.loc[0, "speaker"] == "Ann Lee"


def test_a_statement_split_by_its_attribution_is_one_utterance():
    q = one("Talks\nKazakh Foreign Minister Murat Nurtleu met his counterpart.\n"
            "“Our countries,” he said, “are close friends.”\n")
    assert list(q["text"]) == ["Our countries,", "are close friends."]
    assert q["utterance_id"].nunique() == 1 and set(q["speaker"]) == {"Murat Nurtleu"}


def test_a_quoted_headline_with_its_speaker():
    q = one("Lukashenko: “We must not lose each other”\n5 February 2026\n\nThe Belarusian leader met guests.\n")
    assert (q.loc[0, "speaker"], q.loc[0, "confidence"]) == ("Aleksandr Lukashenko", "header")


def test_a_headline_quote_repeated_in_the_body_counts_once():
    t = ("Tokayev: “Belarus is a reliable partner”\n\nPresident Kassym-Jomart Tokayev met guests.\n"
         "“Belarus is a reliable partner. We trust each other,” Tokayev said.\n")
    q = quotes_in_text(t, "t")
    assert list(q["kind"]) == ["partial", "direct"]
    assert one(t).loc[0, "speaker"] == "Kassym-Jomart Tokayev"


def test_he_is_the_subject_of_the_last_sentence_not_its_object():
    q = one("Talks\nLukashenko thanked Tokayev for the invitation. “We are grateful,” he said.\n")
    assert q.loc[0, "speaker"] == "Aleksandr Lukashenko"


def test_a_nested_quote_keeps_the_outer_speaker_and_gets_the_one_the_text_names():
    t = ("Forum\nPresident Kassym-Jomart Tokayev met Chinese President Xi Jinping on Tuesday.\n"
         "Tokayev recalled: “As the Chinese leader told me, ‘nobody will be left alone’. We must act together.”\n")
    q = one(t).set_index("text")
    outer = q.index[q.index.str.startswith("As the Chinese leader")][0]
    assert q.loc[outer, "speaker"] == "Kassym-Jomart Tokayev"
    assert q.loc["nobody will be left alone", "speaker"] == "Xi Jinping"
    assert q.loc[outer, "utterance_id"] != q.loc["nobody will be left alone", "utterance_id"]


def test_a_title_in_the_same_marks_inside_a_statement_does_not_cut_it():
    q = one("Plant\nDirector Gulnara Bekova spoke.\n“The project “Assembly of Zubr trucks” is on schedule,” she said.\n")
    assert list(q["text"]) == ["The project “Assembly of Zubr trucks” is on schedule,"]
    assert q.loc[0, "speaker"] == "Gulnara Bekova"


def test_a_hard_line_break_inside_a_sentence_keeps_one_quote_and_its_speaker():
    q = one("Trade\nAmbassador Nguyen Van Hai met business leaders.\n“We want to double trade in machinery\n"
            "within three years,” Nguyen Van Hai said.\n")
    assert list(q["text"]) == ["We want to double trade in machinery\nwithin three years,"]
    assert q.loc[0, "speaker"] == "Nguyen Van Hai"


def test_an_agency_or_company_abbreviation_before_a_name_is_not_part_of_it():
    q = one("Buses\nThe plant will assemble buses.\n“The line will produce 500 buses a year,” MAZ Sergei Ivanov said.\n")
    assert q.loc[0, "speaker"] == "Sergei Ivanov"


def test_a_long_quoted_clause_with_its_own_attribution_is_a_statement_a_short_one_is_not():
    q = quotes_in_text("Talks\nVladimir Putin met Aleksandr Lukashenko.\nRussia and Belarus must “keep the union state open "
                       "to every partner that respects our choice,” Putin said. Lukashenko called the talks “useful”.\n", "t")
    kinds = dict(zip(q["text"], q["kind"]))
    assert kinds["keep the union state open to every partner that respects our choice,"] == "direct"
    assert kinds["useful"] != "direct"


@pytest.mark.parametrize("intro, surname", [
    ("Об этом сообщил генеральный директор ОАО «МТЗ» Виталий Вовк.", "Вовк"),
    ("Об этом рассказал руководитель компании «Агросервис» Ержан Тлеубердин.", "Тлеубердин"),
    ("Такие данные привел глава холдинга «Белагро» Остап Гнатюк.", "Гнатюк"),
])
def test_a_russian_name_the_dictionary_half_knows_after_a_company_in_marks_speaks_later(intro, surname):
    # a given name the dictionary knows, a surname it does not: still a person, and the bare
    # surname with a cue later in the article is that person
    text = f"Новости\n\n{intro}\n\n«Мы поставили партнерам почти полторы тысячи машин», — заявил {surname}.\n"
    q = quotes_in_text(text, "t", lang="ru")
    direct = q[q["kind"] == "direct"]
    assert len(direct) == 1
    assert direct.iloc[0]["speaker"].split()[-1] == surname


def test_a_role_in_apposition_after_a_name_binds_a_later_role_noun():
    t = ('Rail tariffs\nMarat Karabayev, Minister of Transport, spoke at the meeting. Analysts were cautious.\n'
         'Nurlan Sauranbayev, the company chairman, presented the plan.\n'
         '"Tariff growth will be capped at 9.5%," the minister said.\n')
    q = one(t)
    assert q.loc[0, "speaker"] == "Marat Karabayev"


def test_every_office_of_a_joint_title_binds_its_role_noun():
    t = ('Budget\nDeputy Prime Minister and Minister of Finance Jamshid Kuchkarov presented the draft.\n'
         'Tax Committee head Dilnoza Yusupova also spoke.\n'
         '"We borrow only for projects that pay back," the deputy prime minister said.\n')
    assert one(t).loc[0, "speaker"] == "Jamshid Kuchkarov"


def test_a_vice_minister_is_not_the_minister():
    t = ('Exports\nMinister of Trade Arman Shakkaliyev opened the briefing. Vice-Minister of Trade Aizhan Bizhanova '
         'presented the figures.\n"Exports to Uzbekistan can grow by $1 billion," the vice-minister added.\n')
    assert one(t).loc[0, "speaker"] == "Aizhan Bizhanova"


def test_a_surname_that_only_begins_like_a_roster_surname_is_not_that_person():
    r = load_roster()
    assert r.match_name("Nazarov") is None                     # not Nazarbayev
    assert r.match_name("Nazarbaev").name == "Nursultan Nazarbayev"
    assert r.match_name("Erlan Koshonov").name == "Yerlan Koshanov"


def test_a_role_before_another_name_in_the_sentence_is_not_that_names_role():
    t = ('Visit\nThe Ambassador of Uzbekistan to Belarus, Timur Rasulov, met the governor of the Brest region, '
         'Pyotr Shamko.\n“Our regions should trade directly,” the ambassador said.\n')
    assert one(t).loc[0, "speaker"] == "Timur Rasulov"
    ru = ('Визит\nПосол Узбекистана в Беларуси Тимур Расулов встретился с губернатором Брестской области Петром Шамко.\n'
          '«Наши регионы должны торговать напрямую», — подчеркнул дипломат.\n')
    q = quotes_in_text(ru, "r", lang="ru")
    assert q.loc[0, "speaker"] == "Тимур Расулов"


def _texts_with_every_case():
    from conftest import ROOT
    files = [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "dev" / "quotes_en").glob("*.txt"),
             *(ROOT / "tests" / "dev" / "quotes_real_ru").glob("*.txt")]
    texts = [p.read_text(encoding="utf-8") for p in sorted(files)]
    # letters whose lower case re.I reads otherwise: a dotted capital I, a long s, a capital sigma
    return texts + [t.replace("I", "İ", 3) for t in texts[:3]] + ["Σ the head of ſtate said he would come. " + texts[0]]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_roles_and_pronouns_are_found_where_their_regular_expressions_find_them(lang):
    from analysis.quotes import Annotator
    ann = Annotator(load_roster()).for_language(lang)
    for text in _texts_with_every_case():
        for finder in (ann._roles, ann._pronouns):
            assert [m.span() for m in finder.finditer(text)] == [m.span() for m in finder.regex.finditer(text)]


def test_a_dotted_capital_i_does_not_move_titles_or_speakers():
    t = ("Azerbaijani President İlham Aliyev met the Kazakh president in Baku.\n"
         "“We will build the corridor together,” the Azerbaijani president said.\n")
    q = quotes_in_text(t, "a", load_roster(), 2025)
    assert q.iloc[0]["speaker"] == "Ilham Aliyev"           # the roster's name for him, matched from İlham
    assert q.iloc[0]["speaker_mention"] == "the Azerbaijani president"


@pytest.mark.parametrize("text, speaker", [
    ("Скот\n\nЗапрет на вывоз скота продлен еще на полгода. Об этом сообщили в пресс-службе Минсельхоза.\n\n"
     "«Мера направлена на сохранение маточного поголовья», — говорится в сообщении ведомства.\n", "Минсельхоз"),
    ("Долг\n\nВ пресс-службе Минфина «Курсиву» пояснили, что долг на 1 октября составил 31 трлн тенге. "
     "«Уровень долга остается умеренным», — сообщили в ведомстве.\n", "Минфин"),
    ("Транзит\n\nГлава МИД Максим Рыженков заявил, что экспортеры перестраивают логистику.\n\n"
     "Во внешнеполитическом ведомстве отметили: «Под запрет попали молочная продукция и мясо».\n", "МИД"),
    ("Уран\n\nАО «НАК «Казатомпром» объявило результаты за полугодие. Выручка компании выросла на 12%.\n\n"
     "«Компания сохраняет прогноз производства на 2026 год», — говорится в сообщении компании.\n", "Казатомпром"),
    ("Газ\n\nКомпания «Узбекнефтегаз» подвела итоги года.\n\n"
     "«Выручка составила 67 трлн сумов», — сообщила пресс-служба компании.\n", "Узбекнефтегаз"),
])
def test_a_generic_word_for_a_body_goes_to_the_body_named_before(text, speaker):
    q = one(text, lang="ru")
    assert list(q["speaker"]) == [speaker] and q.loc[0, "confidence"] == "organization"


def test_a_generic_word_with_no_body_named_before_stays_as_written():
    q = one("Скот\n\n«Мера направлена на сохранение поголовья», — говорится в сообщении ведомства.\n", lang="ru")
    assert list(q["speaker"]) == ["ведомство"]


RUN_PIECES = ["a", "A", "Ж", "ж", "İ", "’", "'", "-", "_", "5", "٣", " ", "\t", "\n", ".", " of ", " the ", "Mc", "BelTA",
              "iPhone", "\U00010400", "\U0001D400", "\U0001D41A"]


@pytest.mark.parametrize("seed", range(3))
def test_capitalised_runs_are_those_of_the_word_start_pattern(seed):
    import random

    from analysis.quotes import _RUN, _capitalised_runs
    rnd = random.Random(seed)
    for _ in range(3000):
        t = "".join(rnd.choice(RUN_PIECES) for _ in range(rnd.randint(0, 30)))
        assert list(_capitalised_runs(t)) == [(m.start("run"), m.group("run")) for m in _RUN.finditer(t)], repr(t)


@pytest.mark.parametrize("text, speaker", [
    ("Встреча\n\nПосол провел встречу с министром торговли Турции Омером Йылдызом.\n\n"
     "Министр Йылдыз заявил: «Мы хотим вернуть наших экспортеров на российский рынок».\n", "Омер Йылдыз"),
    ("Переговоры\n\nЛавров встретился с главой МИД Турции Хаканом Фиданом.\n\n"
     "«Мы обсудили транзит и зерно», — сказал Фидан.\n", "Хакан Фидан"),
])
def test_a_foreign_name_met_in_the_instrumental_is_named_in_the_nominative(text, speaker):
    q = one(text, lang="ru")
    assert list(q["speaker"]) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a surname with lower-case letters outside a-z is not an abbreviation (Yalçın, Işık)
    ("Rail\n\nMehmet Yalçın, deputy general manager of Turkish State Railways, told journalists that the centre "
     "would open in May.\n\n\"Kars will be the dry port of the corridor,\" Yalçın stressed.\n", "Mehmet Yalçın"),
    # a country's adjective before a title, lower case and inflected, says whose office it is
    ("Коридор\n\nВице-премьер РФ Михаил Кравцов сообщил, что работы завершат в 2028 году.\n\n"
     "Заместитель премьер-министра Азербайджана Самир Гасанов отметил, что участок готов.\n\n"
     "Азербайджанский вице-премьер сообщил также, что грузооборот вырос на 9%. «Это показывает, что бизнес "
     "верит в этот маршрут», — сказал он.\n", "Самир Гасанов"),
    # a ministry's name with commas between a role and a name, in lower case
    ("Комиссия\n\nДелегацию возглавил вице-премьер Ерлан Касымбеков, узбекскую – министр инвестиций, "
     "промышленности и торговли Жасур Ташкентбаев.\n\n«Мы договорились о рабочих группах», – сказал Касымбеков.\n\n"
     "Министр добавил, что земли выделят. «Речь идет о проектах стоимостью от 300 до 500 млн долларов», "
     "– пояснил министр.\n", "Жасур Ташкентбаев"),
    # the full name of someone the article named before, again in a sentence of its own
    ("Завод\n\nДелегацию возглавил председатель совета директоров Ли Минхао.\n\nПо словам Джапарова, льготы "
     "будут.\n\nЛи Минхао в ответ сообщил, что завод запустят в 2027 году. «Мы рассматриваем Кыргызстан как "
     "площадку для выхода на рынки», — сказал он.\n", "Ли Минхао"),
    ("Регионы\n\nКак отметила хоким Самаркандской области Дилноза Холматова, регионы заключили 12 соглашений. "
     "«Самарканд и Согд — это по сути один экономический район», — отметила она.\n", "Дилноза Холматова"),
])
def test_speakers_named_in_the_ways_other_outlets_name_them(text, speaker):
    q = one(text, lang="ru" if "«" in text else "en")
    assert q.iloc[-1]["speaker"] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Зерно\n\n«Программа будет продлена как минимум до конца 2027 года», — сообщили в пресс-службе "
     "«Агроэкспорта».\n", "Агроэкспорт"),
    ("Газ\n\n«Стороны будут владеть долями в СП на паритетной основе», — говорится в сообщении «Газпрома».\n",
     "Газпром"),
    # the narrative before the quote runs back over a name in marks; the body's adjectives agree in the nominative
    ("Станки\n\nВ докладе Евразийской экономической комиссии (ЕЭК), с которым ознакомились «Известия», "
     "говорится: «Без кооперации производителей конкурировать по цене не получится».\n",
     "Евразийская экономическая комиссия"),
    ("Trucks\n\n\"We will ship 300 trucks to Uzbekistan this year,\" the company \"MAZ\" said in a statement.\n",
     "MAZ"),
])
def test_a_body_named_in_marks_after_a_generic_word_is_the_speaker(text, speaker):
    q = one(text, lang="ru" if "«" in text else "en")
    assert list(q["speaker"]) == [speaker] and q.loc[0, "confidence"] == "organization"


def test_a_country_adjective_is_a_country_word_in_every_gender_and_case():
    from analysis.roster import load_vocabulary
    v = load_vocabulary("ru")
    for word, country in [("казахстанская", "Kazakhstan"), ("узбекской", "Uzbekistan"), ("белорусским", "Belarus"),
                          ("Азербайджанский", "Azerbaijan"), ("российские", "Russia")]:
        assert v.country_of(word) == country, word


@pytest.mark.parametrize("text, speakers", [
    # "According to X" makes X the one the next "he said" refers back to
    ("Forum\n\nThe co-chairs met in Baku. Tural Mammadov said trade grew. According to Arman Seitkaliyev, the regions "
     "agreed on 14 projects.\n\n\"The regions must become the main drivers of our cooperation,\" he said.\n",
     ["Arman Seitkaliyev"]),
    # a noun for a person before a name is evidence of a name, in a language without a dictionary of names
    ("Drought\n\nKarabanov said prices rose. On a neighboring farm, agronomist Gulnara Abenova showed a new "
     "variety.\n\n\"It survives a bad year,\" she said.\n", ["Gulnara Abenova"]),
    # "говорит фермер" after the farmer was named; a person, then the outlet the words were said to
    ("Зерно\n\nЕрболат Сейткали обрабатывает 1 200 гектаров. Он показывает склады.\n\n— Продать некому, элеваторы "
     "забиты, — говорит фермер.\n\nЭкономист Айнур Сапарова считает, что денег мало. «Продкорпорация купит "
     "максимум пятую часть урожая», — сказала Сапарова Азаттыку.\n", ["Ерболат Сейткали", "Айнур Сапарова"]),
])
def test_speakers_referred_to_by_what_they_do_or_after_according_to(text, speakers):
    q = one(text, lang="ru" if "—" in text else "en")
    assert list(q["speaker"]) == speakers


def test_someone_new_described_by_a_noun_is_not_the_person_before():
    q = one("Drought\n\nYevgeny Karabanov said prices rose.\n\n\"We cannot pay the loans,\" said a farmer from "
            "the village.\n", lang="en")
    # someone unnamed: the noun for them, marked unnamed, so no count pools them with other farmers
    assert list(q["speaker"]) == ["farmer"] and list(q["confidence"]) == ["unnamed"]


def test_a_title_with_a_country_reaches_the_head_of_state_the_article_never_titled():
    q = one("Вода\n\nЭмомали Рахмон, в свою очередь, сообщил Мирзиёеву, что работы начались.\n\n«Мы не будем ждать, "
            "пока будут готовы все документы», — сказал таджикский лидер.\n", lang="ru")
    assert list(q["speaker"]) == ["Emomali Rahmon"] and q.loc[0, "speaker_in_roster"]


def test_of_two_heads_of_state_named_the_head_of_state_is_the_subject():
    q = one("Trade\n\nBelarusian President Aleksandr Lukashenko said at talks with President of Uzbekistan Shavkat "
            "Mirziyoyev that trade must grow.\n\n“We have done a lot, but we are still far from where we should be,” "
            "the head of state said.\n")
    assert list(q["speaker"]) == ["Aleksandr Lukashenko"]


def test_a_title_in_a_headline_goes_to_the_one_person_the_article_gives_that_office():
    text = ("INTERVIEW\nGeorgia's deputy economy minister: 'We want to be the warehouse of the Black Sea'\n\n"
            "By Tamar Beridze\n\nThe Diplomat spoke with Georgia's Deputy Minister of Economy Nino Gelashvili about "
            "the port.\n\n\"We expect about $1.2 billion of investment,\" Gelashvili said.\n")
    q = one(text)
    assert list(q["speaker"]) == ["Nino Gelashvili", "Nino Gelashvili"]
    # two people with that office: no guess
    two = text.replace("about the port.", "about the port, and with Deputy Minister of Economy Levan Davitashvili.")
    assert one(two)["speaker"].iloc[0] == ""


@pytest.mark.parametrize("text, speaker", [
    # "глава ведомства" is the head of whatever body the person before it heads, not only a ministry
    ("Граница\n\nОб этом сообщил председатель Государственной таможенной службы Кыргызстана Алмаз Сагынбаев.\n\n"
     "По словам Сагынбаева, простой фуры сократится.\n\n«Мы убрали двойной контроль», – пояснил глава ведомства.\n",
     "Алмаз Сагынбаев"),
    # the visitor the article was telling of, also "from" a place
    ("Парк\n\nСюй Куньлинь отметил, что предприятия провинции вложили в парк свыше $300 млн.\n\n«Мы видим в Беларуси "
     "не только рынок, но и ворота в ЕАЭС», – заявил гость.\n", "Сюй Куньлинь"),
    ("Мегри\n\nЗаместитель министра промышленности Ирана Мохаммад-Реза Карими предложил создать СП.\n\n«Иранские "
     "компании готовы принести туда и капитал, и технологии», — заявил гость из Тегерана.\n", "Мохаммад-Реза Карими"),
    # a title joined with "deputy" is one office ("the deputy khokim" is the deputy governor, not a lawmaker)
    ("Trucks\n\nThe Deputy Khokim of Samarkand Region, Farrukh Abdullayev, said the project was on time.\n\n"
     "\"Minsk region is our most active partner,\" the deputy khokim said.\n", "Farrukh Abdullayev"),
])
def test_the_head_of_the_agency_a_guest_and_a_deputy_governor(text, speaker):
    q = one(text, lang="ru" if "«" in text else "en")
    assert list(q["speaker"]) == [speaker]


@pytest.mark.parametrize("text, speaker, lang", [
    # a document whose issuer is the subject of "X said in a statement" in the sentence before
    ("Rail\n\nAzerbaijan Railways (ADY) said in a statement that transit cargo grew by 22 percent. \"ADY has "
     "allocated 150 million manats for new rolling stock this year,\" the statement reads.\n",
     "Azerbaijan Railways", "en"),
    # "the regulator" is the bank, agency or commission named before, in its fullest form
    ("Rates\n\nALMATY – The National Bank of Kazakhstan kept its base rate unchanged on Friday.\n\n“Inflation risks "
     "remain tilted to the upside,” the regulator said in a press release.\n", "National Bank of Kazakhstan", "en"),
    ("Торговля\n\nТоварооборот сократился на $3,2 млрд, сообщает Бюро национальной статистики.\n\n«Несырьевой экспорт "
     "продолжает расти», — говорится в сообщении бюро.\n", "Бюро национальной статистики", "ru"),
])
def test_a_document_or_a_generic_word_goes_to_the_body_that_issued_it(text, speaker, lang):
    q = one(text, lang=lang)
    assert list(q["speaker"]) == [speaker] and q.loc[0, "confidence"] == "organization"


@pytest.mark.parametrize("text, speaker, lang", [
    # a generic word stood right before the name ("state oil company KazMunayGas (KMG)"), a country's name opening it
    ("Oil\n\nKazakhstan's state oil company KazMunayGas (KMG) signed a deal with Uzbekneftegaz.\n\n\"The agreement "
     "opens a new chapter,\" the company said in a statement.\n", "KazMunayGas", "en"),
    ("Rail\n\nNational rail company Kazakhstan Temir Zholy (KTZ) said it had signed contracts. \"The first flatcars will "
     "be assembled in Ekibastuz,\" the company said.\n", "Kazakhstan Temir Zholy", "en"),
    # an apposition that ends with the generic word describes the name before it
    ("Uranium\n\nKazatomprom, the world's largest uranium producer, signed a supply deal with CGN. The company's chief "
     "executive was in Beijing.\n\n\"This contract secures our sales until 2030,\" the company said.\n",
     "Kazatomprom", "en"),
    # "the airline" is the nearest airline or company named before; "the company" the nearest one
    ("Flights\n\nKazakh flag carrier Air Astana will add ten weekly flights. \"Demand has doubled,\" the airline said.\n\n"
     "Uzbekistan Airways also plans more flights.\n", "Air Astana", "en"),
    ("Контейнеры\n\nВ азербайджанской компании ADY Container настроены оптимистично. «Мы ожидаем, что объемы вырастут "
     "на 30%», — сообщили в пресс-службе компании.\n", "ADY Container", "ru"),
])
def test_the_company_is_the_name_a_generic_word_stood_before_or_described(text, speaker, lang):
    q = one(text, lang=lang)
    assert list(q["speaker"]) == [speaker] and q.loc[0, "confidence"] == "organization"


def test_the_company_followed_by_a_word_that_is_no_name_or_a_possessive_is_not_a_name():
    q = one("Profit\n\nThe company Monday reported a profit. The company's CEO Ivan Petrov was upbeat.\n\n"
            "\"Profit grew by a third,\" the company said.\n", lang="en")
    assert list(q["speaker"]) == ["company"]


@pytest.mark.parametrize("text, speaker", [
    # a role that is also a noun for anyone ("дипломат", "эксперт") goes to the person just named, not to the
    # speaker of the quote before
    ("Зерно\n\nГендиректор терминала Константин Лапин отметил рост. «Мы получаем юани», — пояснил он.\n\n"
     "Торговый советник посольства КНР Чжан Лэй сообщил, что список расширят. «В этом году доступ получили еще шесть "
     "регионов», — сказал дипломат.\n", "Чжан Лэй"),
    ("Станки\n\nГенеральный директор ассоциации Кирилл Ветров считает, что сроки реалистичны.\n\n«Потребность "
     "промышленности — 15 тыс. станков в год», — сказал эксперт.\n", "Кирилл Ветров"),
    # a country's adjective inside the description ("the Georgian railway chief")
    ("Rail\n\nLevan Khurtsidze said Georgia was completing the line.\n\n\"Our bottleneck was the Rikoti pass,\" the "
     "Georgian railway chief said.\n", "Levan Khurtsidze"),
])
def test_a_descriptive_role_goes_to_the_person_the_article_was_telling_of(text, speaker):
    q = one(text, lang="en" if "\"" in text else "ru")
    assert list(q["speaker"])[-1] == speaker


def test_the_author_of_an_address_is_the_speaker_of_the_sentence_before():
    q = one("Форум\n\nВ приветствии участникам форума хоким Бахтиёр Турсунов отметил, что регионы стали двигателем "
            "сотрудничества. «Наши области напрямую торгуют друг с другом», — говорится в обращении.\n", lang="ru")
    assert list(q["speaker"]) == ["Бахтиёр Турсунов"]


def test_a_dash_interview_ends_where_the_article_quotes_someone_with_a_cue():
    text = ("Торговля\n\nМинистр торговли Арман Шаккалиев ответил на вопросы.\n\n— Как вы оцениваете итоги года?\n\n"
            "— Товарооборот вырос на 12%.\n\n— А какие планы?\n\n— Довести товарооборот до 10 млрд долларов.\n\n"
            "Ранее компания «КазМунайГаз» подписала соглашение. «Это важный шаг», — говорится в заявлении компании.\n\n"
            "Хоким области Бахтиёр Турсунов выступил на форуме. «Мы открыты для инвесторов», — сказал он.\n")
    q = one(text, lang="ru")
    q = q[q["kind"] == "direct"]
    assert list(q["speaker"]) == ["Арман Шаккалиев", "Арман Шаккалиев", "КазМунайГаз", "Бахтиёр Турсунов"]


def test_the_interviewee_is_not_the_byline_inside_a_line_and_is_the_one_the_first_question_addresses():
    text = ("Глава «Кызылжар Агро» — об экспорте зерна\n"
            "Forbes Kazakhstan | 28 октября 2025 | Беседовала Динара Бекмухамедова\n"
            "Председатель правления компании Тимур Есенжолов рассказал, сколько на этом можно заработать.\n"
            "— Тимур Нурланович, насколько выгоден китайский рынок?\n"
            "— Выгоднее, чем Россия, примерно на 20 долларов за тонну.\n"
            "— Что мешает отгружать больше?\n"
            "— Вагоны и фитосанитария.\n")
    q = one(text, lang="ru")
    assert set(q["speaker"]) == {"Тимур Есенжолов"} and len(q) == 2


@pytest.mark.parametrize("text, speaker", [
    # a verb that opens the sentence is no part of the name after it
    ("Совет\n\n12:10 Выступает Никол Арутюнян: «Нам нужен доступ к общему рынку электроэнергии».\n",
     "Никол Арутюнян"),
    # a person described by a noun before the body named ("собеседник агентства") is that person, not the agency
    ("Экспорт\n\nУзбекистан рассчитывает нарастить экспорт, сообщил РИА Новости первый заместитель министра "
     "Бахтиёр Абдуллаев.\n— Мы поставили в Россию 870 тысяч тонн, — сказал собеседник агентства.\n",
     "Бахтиёр Абдуллаев"),
    # полпред is the полномочный представитель named before, titled over the words between
    ("Нарын\n\nПо словам полномочного представителя правительства в Нарынской области Нурбека Абдыкалыкова, "
     "область договорилась о СП.\n«С Кашгаром у нас работает торговый дом», — отметил полпред.\n", "Нурбек Абдыкалыков"),
    ("Дорога\n\nПосол Китая в Кыргызстане Ли Мин заявил, что техника завезена.\n\nПолномочный представитель президента "
     "в Джалал-Абадской области Нурбек Абдыкеримов рассказал о планах. «Наши фермеры уже спрашивают», — сказал он.\n",
     "Нурбек Абдыкеримов"),
    # two people of one surname with different given names are two people; a trader in apposition speaks
    ("Hub\n\n\"We will not raise tariffs,\" Nurlan Abenov told Reuters.\n\n\"We welcome any project,\" Ms. Gulnara "
     "Abenova, a trader in Almaty, said.\n", "Gulnara Abenova"),
])
def test_who_speaks_past_a_verb_a_descriptive_noun_a_chain_of_titles_or_a_namesake(text, speaker):
    q = one(text, lang="en" if "\"" in text else "ru")
    assert list(q["speaker"])[-1] == speaker


@pytest.mark.parametrize("text, speaker, lang", [
    # a body word that qualifies a role ("Zhambyl region akim") leaves the role holder speaking
    ("Plant\n\n“Our farmers import fertiliser from Russia,” Zhambyl region akim Yerzhan Baibolov said.\n",
     "Yerzhan Baibolov", "en"),
    # the body of the cue's own clause, not the outlet named in the clause before; a name ending in its head word
    ("Plant\n\nTurkish construction group Anadolu Yapı Holding is in talks to build a plant.\n\nIn a written response "
     "to Forbes Kazakhstan, the company said: “We see Kazakhstan as a production base.”\n", "Anadolu Yapı Holding", "en"),
    # a company's legal form in Latin letters ends its name, and the person after it speaks
    ("Сухофрукты\n\n„Для нас Таджикистан — это рынок“, — заявил генеральный директор Pars Dried Fruit Co. "
     "Мохаммад Карими.\n", "Мохаммад Карими", "ru"),
    # an outlet's name after the company's is not part of it
    ("Электробусы\n\nВ компании Zhengzhou Lanhai Motors Kun.uz сообщили, что рассматривают Джизак. «Узбекистан станет "
     "для нас базой», — говорится в ответе компании.\n", "Zhengzhou Lanhai Motors", "ru"),
])
def test_who_speaks_around_bodies_outlets_and_legal_forms(text, speaker, lang):
    q = one(text, lang=lang)
    assert list(q["speaker"]) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a generic word goes back to the body a sentence before has speak with no person named (В … сообщили),
    # past the outlet told and a name in marks with its abbreviation
    ("Экспорт\n\nВ Россельхознадзоре РИА Новости сообщили, что качество продукции улучшилось. «Количество нарушений "
     "снизилось вдвое», — говорится в ответе ведомства на запрос агентства.\n", "Россельхознадзор"),
    ("Зерно\n\nВ “Казахстан темир жолы” (КТЖ) “Ъ” заявили, что тарифы не завышены. «Мы предоставляем те же условия», "
     "— сообщили в пресс-службе компании.\n", "Казахстан темир жолы"),
])
def test_a_generic_word_goes_back_to_the_body_that_spoke_with_no_person_named(text, speaker):
    q = one(text, lang="ru")
    assert list(q["speaker"]) == [speaker] and q.loc[0, "confidence"] == "organization"


@pytest.mark.parametrize("text", [
    "Talks\n\nEconomist Kubat Rakhimov was cautious. \"The debt is a risk,\" he said.\n\"The talks were hard,\" a senior "
    "Kyrgyz official said.\n",
    "Talks\n\nEconomist Kubat Rakhimov was cautious. \"The debt is a risk,\" he said.\nA senior Kyrgyz official, who asked not "
    "to be named, told Reuters: \"The talks were hard.\"\n",
    "Talks\n\nEconomist Kubat Rakhimov was cautious. \"The debt is a risk,\" he said.\n\"Prices will rise,\" an analyst at "
    "Halyk Finance said.\n",
])
def test_someone_new_and_unnamed_is_neither_the_person_before_nor_the_body_after_at(text):
    q = one(text, lang="en")
    assert q.loc[0, "speaker"] == "Kubat Rakhimov" and q.loc[1, "confidence"] == "unnamed"
    assert q.loc[1, "speaker"] in ("official", "analyst")
    assert q.loc[1, "speaker_mention"].lower().startswith(("a senior", "an analyst"))


def test_an_unnamed_source_after_the_cue_is_nobody_but_the_official_is_the_one_just_quoted():
    q = one("Торговля\n\nМинистр финансов Ерулан Жамаубаев выступил на форуме. «Бюджет сбалансирован», — сказал он.\n"
            "«Переговоры идут трудно», — рассказал в беседе с корреспондентом источник в правительстве.\n", lang="ru")
    assert list(q["speaker"]) == ["Ерулан Жамаубаев", "источник"] and q.loc[1, "confidence"] == "unnamed"
    assert q.loc[1, "speaker_mention"] == "источник в правительстве"
    q = one("Транзит\n\n«Мы впервые получили сквозной тариф», — пояснил «Ъ» заместитель министра транспорта Дмитрий "
            "Зайцев.\n«Партнеры называют этот маршрут „дорогой жизни“», — добавил чиновник.\n", lang="ru")
    assert list(q["speaker"]) == ["Дмитрий Зайцев", "Дмитрий Зайцев"]


@pytest.mark.parametrize("text, speaker, lang", [
    # an initial before a name the dictionary does not know; a long ministry's name with commas before it
    ("Торговля\n\nМинистр продовольствия, сельского хозяйства и легкой промышленности Монголии Б. Болормаа отметила "
     "рост. «Монголия заинтересована в экспорте», — сказала глава ведомства.\n", "Б. Болормаа", "ru"),
    ("Talks\n\nVice Minister of Economy and Development B. Enkhtuya attended. \"We agreed on the list,\" the Vice "
     "Minister added.\n", "B. Enkhtuya", "en"),
    # заместитель председателя правительства is a deputy prime minister; the country's adjective picks him
    ("Комиссия\n\nУзбекскую делегацию возглавила вице-премьер Нодира Алимова, российскую – заместитель председателя "
     "правительства РФ Андрей Колесов.\n«Узбекистан для нас – ключевой партнер», – подчеркнул российский "
     "вице-премьер.\n", "Андрей Колесов", "ru"),
    # a passive cue with the body's name in the genitive; a later document of no body is that body's
    ("Валюты\n\n«Расчеты растут», – отмечается в сообщении Центрального банка.\n\nКурсы публикуются на сайте.\n\n"
     "«Работа продолжится», – говорится в пресс-релизе.\n", "Центральный банк", "ru"),
])
def test_initials_long_titles_deputy_premiers_and_documents_of_a_body(text, speaker, lang):
    q = one(text, lang=lang)
    assert list(q["speaker"])[-1] == speaker


@pytest.mark.parametrize("text, speaker", [
    # "глава Минэнерго" is the minister the article named; "такое заявление сделал" is a cue
    ("Энергия\n\nМинистр энергетики Алмасадам Саткалиев провел брифинг.\n«Экспорт вырастет». Об этом заявил "
     "официальный представитель МИД Айбек Смадьяров.\n«Поставки будут стабильными» — такое заявление сделал глава "
     "Минэнерго.\n", "Алмасадам Саткалиев"),
    # "по данным ведомства, «…»": the body the generic word refers back to
    ("Нефть\n\nВ пресс-службе Минэнерго сообщили о планах.\n\nПо данным ведомства, «экспорт вырастет до 70 млн "
     "тонн».\n", "Минэнерго"),
])
def test_the_head_of_a_ministry_by_its_short_name_and_according_to_its_data(text, speaker):
    q = one(text, lang="ru")
    assert list(q["speaker"])[-1] == speaker


def test_a_title_in_apposition_to_the_title_of_a_name_is_that_persons():
    q = one("Rail\n\nMinister Tamar Beridze said Georgia would invest. She added that revenue would grow.\n\nThe head of "
            "the Turkish delegation, Deputy Minister of Trade Murat Köseoğlu, said exporters were ready.\n\n\"A third "
            "of our cargo can move to rail,\" he said.\n", lang="en")
    assert list(q["speaker"]) == ["Murat Köseoğlu"]


def test_a_region_adjective_before_a_noun_that_reads_as_a_cue_is_no_person():
    from analysis.quotes import Annotator
    from analysis.roster import load_roster
    text = ("Rail\n\nDeputy Minister of Trade Murat Köseoğlu spoke. Turkey's trade with Azerbaijan and the Central "
            "Asian states stood at $22.6 billion last year.\n")
    people = Annotator(load_roster()).for_language("en").scan(text, 2025, [])
    assert "Central Asian" not in people.persons and "Murat Köseoğlu" in people.persons


def test_a_dash_turn_that_asks_first_after_an_answer_is_the_next_question():
    text = ("Зерно\n\nПредседатель правления Тимур Есенжолов рассказал о планах.\n— Куда вы везете зерно?\n"
            "— В Китай и Иран, примерно поровну.\n— А Иран? Это рынок с санкционными рисками.\n"
            "— Риски есть, но иранцы платят.\n— Что мешает расти?\n— Вагоны.\n")
    q = one(text, lang="ru")
    assert [t[:10] for t in q["text"]] == ["В Китай и ", "Риски есть", "Вагоны."]


def test_a_name_in_marks_that_opens_a_sentence_going_on_after_it_is_no_quote():
    q = quotes_in_text("«Согд Агро Экспорт» и Pars Dried Fruit создадут СП\nХуджанд. Стороны подписали соглашение.\n",
                       "t", lang="ru")
    assert list(q["kind"]) == ["title"]


def test_a_surname_read_only_as_another_names_case_stays_as_written_where_the_nominative_is_expected():
    q = one("Сухофрукты\n\n«Мы готовы к сотрудничеству» — заявил директор Фаррух Саидзода.\n"
            "По словам Фарруха Саидзоды, «сырье будут поставлять четыре тысячи хозяйств».\n", lang="ru")
    assert list(q["speaker"]) == ["Фаррух Саидзода", "Фаррух Саидзода"]


@pytest.mark.parametrize("text, speaker, lang", [
    ("Machinery\n\nMINSK, 14 May (BelTA) - Lukashenko met with Hokim (Governor) of Samarkand Region Bakhtiyor Usmonov "
     "in Minsk.\nBakhtiyor Usmonov said the region needs tractors. \"Our farmers need 2,000 tractors,\" the hokim "
     "said.\n", "Bakhtiyor Usmonov", "en"),
    ("Машины\n\nАким (глава) Костанайской области Кумар Аксакалов провел встречу. «Мы купим комбайны», — сказал "
     "аким.\n", "Кумар Аксакалов", "ru"),
])
def test_a_roles_gloss_in_brackets_does_not_part_the_role_from_its_name(text, speaker, lang):
    q = one(text, lang=lang)
    assert list(q["speaker"]) == [speaker] and q.loc[0, "confidence"] == "coreference"


def test_a_title_that_speaks_before_a_cue_is_not_the_title_of_the_name_after_it():
    q = one("Союз\n\nПрезидент Беларуси Александр Лукашенко провел совещание.\n«Мы никому не позволим разрушить наш "
            "союз». Об этом Президент Беларуси заявил в ходе встречи с губернатором Псковской области Михаилом "
            "Ведерниковым.\n", lang="ru")
    assert list(q["speaker"]) == ["Aleksandr Lukashenko"]


@pytest.mark.parametrize("text, speakers, lang", [
    # the relaying body is the subject; the person after the verb spoke (any title or pronoun between)
    ("Trade\n\nTrade Minister Zhanna Abdullayeva met investors.\n“We are ready,” Interfax quoted her as saying.\n"
     "“Exports will grow,” Reuters quoted Deputy Minister Pavel Petrov as saying.\n"
     "Interfax quoted Abdullayeva as saying: “The plant opens in May.”\n",
     ["Zhanna Abdullayeva", "Pavel Petrov", "Zhanna Abdullayeva"], "en"),
    # a person who quotes someone, after a cue of his own, still speaks for himself; without one he relays
    ("Trade\n\n“We are ready,” Ivan Ivanov said, quoting a minister.\n", ["Ivan Ivanov"], "en"),
    ("Trade\n\nTrade Minister Zhanna Abdullayeva met investors.\n“We are ready,” her aide Ivan Ivanov quoted her as "
     "saying.\n", ["Zhanna Abdullayeva"], "en"),
    ("Торговля\n\nМинистр торговли Жанна Абдуллаева провела встречу.\n«Мы готовы», — приводит пресс-служба "
     "министерства слова Абдуллаевой.\n«Экспорт вырастет», — цитирует Абдуллаеву ТАСС.\n«Завод откроется в мае», "
     "— сказала Абдуллаева РИА Новости.\n«Цены стабильны», — цитирует пресс-служба заместителя министра Павла "
     "Петрова.\n",
     ["Жанна Абдуллаева", "Жанна Абдуллаева", "Жанна Абдуллаева", "Павел Петров"], "ru"),
])
def test_a_body_that_relays_someones_words_is_not_their_speaker(text, speakers, lang):
    assert list(one(text, lang=lang)["speaker"]) == speakers


@pytest.mark.parametrize("text, speakers", [
    # a surname the dictionary does not know, right after the cue, in either gender
    ("«Рост будет высоким», — сказал Такиев, выступая на пленарном заседании.\n«Цены стабильны», — сказала "
     "Бейсембаева.\n", ["Такиев", "Бейсембаева"]),
    # short adjectives of certainty are cues in every gender
    ("«Рост будет», — уверена председатель комитета Сауле Абенова.\n«Цены стабильны», — убежден эксперт Арман "
     "Бейсембаев.\n", ["Сауле Абенова", "Арман Бейсембаев"]),
    # an object pronoun between the cue and the name, or before the name of a header
    ("Вице-премьер Серик Жумангарин сообщил: «Рост будет высоким».\nЕго поддержал аким Алматы Ерболат Досаев: "
     "«Город готов к этому».\n«Цены стабильны», — ответил ему Досаев.\n",
     ["Серик Жумангарин", "Ерболат Досаев", "Ерболат Досаев"]),
    # one capitalised word after the cue and nothing more: a body that needs no title
    ("«Рост будет высоким», — сообщил Росстат.\n«Цены стабильны», — заявил Кремль.\n", ["Росстат", "Кремль"]),
])
def test_russian_attributions_by_a_bare_surname_an_adjective_an_object_pronoun_or_a_bare_body(text, speakers):
    assert list(one("Новости\n\n" + text, lang="ru")["speaker"]) == speakers


@pytest.mark.parametrize("text, speakers", [
    # the body named right after the document word, as written (an abbreviation) or in the nominative
    ("Банк развития Казахстана (БРК) одобрил кредиты.\n«Общий объем займов составит 172 млрд тенге», — отмечается "
     "в релизе БРК.\n«Экспорт вырос на треть», — говорится в сообщении Росстата.\n", ["БРК", "Росстат"]),
    # the document of the sentence before, with its body after it, or a generic word for a body named earlier
    ("Евразийский банк развития выдал кредит, отмечается в релизе ЕАБР.\n«Это крупнейшая сделка банка», — "
     "говорится в релизе.\n", ["ЕАБР"]),
    ("В Минпромторге РФ признают проблему. Как следует из письма ведомства в правительство, министерство предлагает "
     "субсидии. «Без этого доля техники будет снижаться», — говорится в письме.\n", ["Минпромторг РФ"]),
])
def test_a_document_speaks_for_the_body_named_after_it(text, speakers):
    assert list(one("Новости\n\n" + text, lang="ru")["speaker"]) == speakers


def test_an_office_no_one_named_so_far_holds_is_the_subject_just_before():
    q = one("Пломбы\n\nСтатс-секретарь Ростислав Беленький представил соглашение.\nПервый заместитель председателя "
            "комитета Марина Кудрявцева-Линдт поддержала документ.\n— Пломба стоит денег, ее аренда — тоже, — "
            "подчеркнула депутат.\nДепутат фракции ЛДПР Артём Гаврилюк напомнил о Казахстане.\n", lang="ru")
    assert list(q["speaker"]) == ["Марина Кудрявцева-Линдт"]


@pytest.mark.parametrize("text, speakers, lang", [
    # an honorific makes the word after it a surname, and may tell the gender a pronoun needs
    ("Mr Zhumangarin met Ms Abenova in Astana.\n“Prices will stabilise by spring,” she said.\n“We expect growth,” "
     "Mr Zhumangarin said.\n", ["Abenova", "Zhumangarin"], "en"),
    ("Встреча прошла в Астане.\n«Цены стабилизируются к весне», — сказал г-н Жумангарин.\n", ["Жумангарин"], "ru"),
    # an age or a relative clause in apposition between a surname and its cue
    ("“Prices will stabilise by spring,” Zhumangarin, 52, said.\n", ["Zhumangarin"], "en"),
    ("“Prices will stabilise by spring,” Saparov, who took office in March, told reporters.\n", ["Saparov"], "en"),
])
def test_an_honorific_or_an_age_around_a_bare_surname(text, speakers, lang):
    assert list(one("News\n\n" + text, lang=lang)["speaker"]) == speakers


@pytest.mark.parametrize("text, speaker, lang", [
    ("«Мы увеличим поставки зерна в Китай», — сказал замглавы МИД РФ Андрей Руденко.\n", "Андрей Руденко", "ru"),
    ("“We will ship more grain to China,” said Deputy Chairman of the Board of KTZ Marat Nurgaliyev.\n",
     "Marat Nurgaliyev", "en"),
    # a bare surname the roster has a look-alike of, with another first sound (Жапаров)
    ("«Мы увеличим поставки зерна в Китай и Иран», — сказал Сапаров.\n", "Сапаров", "ru"),
])
def test_a_deputy_head_before_a_body_is_a_person_and_a_look_alike_is_not_the_roster_one(text, speaker, lang):
    assert list(one("News\n\n" + text, lang=lang)["speaker"]) == [speaker]


@pytest.mark.parametrize("text, speaker, lang", [
    ("«Цены на зерно низкие», — жалуется водитель Асхат.\n", "Асхат", "ru"),
    ("«Цены на зерно низкие», — говорит фермер Асхат из Костаная.\n", "Асхат", "ru"),
    ("“Prices are low,” said farmer Askhat.\n", "Askhat", "en"),
])
def test_a_person_known_by_one_name_after_a_noun_for_people(text, speaker, lang):
    assert list(one("News\n\n" + text, lang=lang)["speaker"]) == [speaker]


def test_a_name_keeps_to_one_script_so_a_latin_body_before_it_is_not_part_of_it():
    q = one("Дорога\n\nАналитики настроены осторожно. \"Такие проекты часто задерживаются\", - считает аналитик Halyk "
            "Finance Кирилл Волков.\n", lang="ru")
    assert list(q["speaker"]) == ["Кирилл Волков"]


def test_a_name_after_a_common_noun_is_read_in_the_genitive():
    # "Нурлана Ногаева" reads as a woman's name in the nominative too; after "по словам" it is his genitive
    q = one("Тарифы\n\nПо словам Нурлана Ногаева, «тарифы вырастут».\n", lang="ru")
    assert list(q["speaker"]) == ["Нурлан Ногаев"]
    q = one("Тарифы\n\n«Тарифы вырастут», — сказала Нурлана Ногаева.\n", lang="ru")
    assert list(q["speaker"]) == ["Нурлана Ногаева"]


def test_the_statement_of_a_generic_subject_is_the_body_it_refers_to_and_sultan_is_a_given_name():
    q = one("Deal\n\nNational company KazMunayGas and Abu Dhabi's ADNOC signed an agreement.\nADNOC's chief executive "
            "Sultan Al Jaber welcomed the deal. \"Kazakhstan is a natural partner for us,\" he said.\nThe company said in "
            "a statement that the deal could be worth $2 billion.\n\"We expect first oil in 2029,\" the statement said.\n",
            lang="en")
    assert list(q["speaker"]) == ["Sultan Al Jaber", "KazMunayGas"]


def test_a_body_after_a_preposition_is_where_the_person_spoke_not_who():
    q = one("Форум\n\n\"Китай является крупнейшим торговым партнером Узбекистана\", -- сказал на форуме министр "
            "инвестиций, промышленности и торговли Узбекистана Лазиз Кудратов.\n«Мы рады», — сообщает пресс-служба "
            "министерства.\n", lang="ru")
    assert list(q["speaker"]) == ["Лазиз Кудратов", "пресс-служба министерства"]


@pytest.mark.parametrize("text, speaker", [
    # a capitalised title in apposition is no name, however many words it has
    ("Askar Batyrbayev, Chief Commercial Officer, said: \"Demand from utilities remains strong this year.\"\n",
     "Askar Batyrbayev"),
    # a family name first: the surname alone later is the person named in full
    ("Wang Jian, the plant's Chinese general manager, is realistic about the market. \"Tajikistan alone buys maybe "
     "1,500 trucks a year,\" Wang said.\n", "Wang Jian"),
])
def test_company_titles_in_apposition_and_a_family_name_first(text, speaker):
    assert list(one("Plant\n\n" + text, lang="en")["speaker"]) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a body in Latin letters before a name in Cyrillic, however long, qualifies it
    ("Представитель Shandong Heavy Machinery Ван Цзюнь на встрече говорил через переводчика. «Мы пришли в "
     "Казахстан не на год», — заявил он.\n", "Ван Цзюнь"),
    # a noun for people, then where the person is from, then the name
    ("«Зимой стоим по двое суток», — рассказал водитель из Жаркента Даурен Исмаилов.\n", "Даурен Исмаилов"),
    ("«Кластер платит вовремя», — говорит фермер из Бешарыкского района Тохир Аминов.\n", "Тохир Аминов"),
    # a possessive pronoun between the cue and the name
    ("«Мы покупали японскую технику», — сказал «РГ» её исполнительный директор Батбаяр Ганзориг.\n",
     "Батбаяр Ганзориг"),
    # a rector is the head of his university
    ("Ректор Карагандинского технического университета Серик Омаров подтвердил планы. «Мы отправим лучших на "
     "стажировку», — сказал ректор.\n", "Серик Омаров"),
])
def test_russian_speakers_behind_a_latin_body_a_place_a_possessive_or_a_rectors_title(text, speaker):
    assert list(one("Новости\n\n" + text, lang="ru")["speaker"]) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # the body right after the document, before any other body word of the clause
    ("В ФТС России сообщили о новых полосах. «Пропускная способность пункта выросла», — говорится в ответе ФТС на "
     "запрос агентства.\n", "ФТС"),
    # a generic word for a body no name of that kind stands for: the body the sentence before cites
    ("В пресс-службе Россельхознадзора «Известиям» сообщили, что Китай аккредитовал 14 предприятий. «Число "
     "элеваторов выросло до 62», — говорится в ответе ведомства.\n", "пресс-служба Россельхознадзора"),
    # what follows "сообщили, что" is what was said, not who said it
    ("В пресс-службе акимата Шымкента уточнили, что в центре будут работать 1 800 человек. «Первая очередь будет "
     "введена в 2027 году», — говорится в сообщении акимата.\n", "акимат Шымкента"),
])
def test_a_document_speaks_for_the_body_that_issued_it(text, speaker):
    assert list(one("Новости\n\n" + text, lang="ru")["speaker"]) == [speaker]


def test_a_title_never_runs_past_a_verb_and_an_object_title_is_nobody_new():
    q = one("Лукашенко — губернатору Омской области: «Давайте делать комбайны вместе»\n\nАлександр Лукашенко "
            "встретился с губернатором Омской области Сергеем Фоминым. Глава государства предложил российскому региону "
            "расширить сборку техники.\n«Давайте делать комбайны вместе, а не конкурировать», — сказал Президент.\n",
            lang="ru")
    assert list(q["speaker"])[-1] == "Aleksandr Lukashenko"


def test_a_cue_that_ended_the_sentence_before_does_not_make_the_next_sentences_first_word_a_name():
    q = one("Мост\n\n«Раньше стоял сутки, теперь пять-шесть часов» — пояснил он.\nАмурский блогер Денис Сорокин, который "
            "ведёт канал о торговле, считает, что мост изменил город. «В Благовещенске теперь половина магазинов — "
            "китайские бренды», — написал он в своём Telegram-канале.\n", lang="ru")
    assert list(q["speaker"])[-1] == "Денис Сорокин"


def test_speech_set_off_by_a_dash_after_the_narrative_of_its_own_paragraph():
    q = one("Завод\n\nДиректор завода Виталий Ким провел экскурсию.\nВиталий Ким, впрочем, предупредил, что выбор "
            "поставщиков будет определяться ценой. — Мы открыты для всех, — сказал он. — Кто даст лучшую цену и "
            "сервис, тот и будет работать с нами.\nСтороны договорились о поставках. — Об этом сообщил министр.\n",
            lang="ru")
    assert list(q["text"]) == ["Мы открыты для всех", "Кто даст лучшую цену и сервис, тот и будет работать с нами."]
    assert set(q["speaker"]) == {"Виталий Ким"}


def test_a_name_on_a_credit_line_is_nobody_a_pronoun_can_stand_for():
    q = one("МАЗ и Yutong\nАвтор: Никита Бельский. Фото: Александр Ружечка, Onliner\nМы поговорили с заместителем "
            "генерального директора МАЗа Сергеем Лапицким.\n— Первые машины соберем уже весной, — рассказывает он. — "
            "Сначала это будет крупноузловая сборка.\n", lang="ru")
    assert set(q["speaker"]) == {"Сергей Лапицкий"}


def test_a_generic_body_word_refers_to_the_abbreviation_of_its_full_name_and_foreign_names_keep_their_form():
    q = one("АНРЭ оштрафовало импортера\n\nНациональное агентство по регулированию в энергетике (АНРЭ) оштрафовало "
            "импортера на 2,5 млн леев.\n«Компания три месяца завышала цены», — говорится в сообщении агентства.\n"
            "«Рынок топлива должен быть прозрачным», — заявил глава агентства Василе Рошка.\n", lang="ru")
    assert list(q["speaker"]) == ["АНРЭ", "Василе Рошка"]


def test_a_title_whose_ministry_name_runs_over_commas_still_introduces_the_name_in_apposition():
    q = one("Trade\n\nAzerbaijan's Deputy Economy Minister Rauf Aliyarli said exports grew. He praised the fund.\n"
            "Uzbekistan's Deputy Minister of Investment, Industry and Trade, Jasur Kholmatov, noted that cargo grew.\n"
            "“Our exporters want predictability,” he said.\n", lang="en")
    assert list(q["speaker"]) == ["Jasur Kholmatov"]


@pytest.mark.parametrize("text", [
    "ТБИЛИСИ, 12 июн — Sputnik. «Грузинская железная дорога» построит в порту Поти новый терминал.\n",
    "Правозащитники отмечают, что система сохраняется.\nФото: «Хроника Туркменистана»\n",
])
def test_a_company_name_in_marks_opening_a_sentence_or_on_a_credit_line_is_no_statement(text):
    q = quotes_in_text("Новости\n\n" + text, "t", lang="ru")
    assert list(q["kind"]) == ["title"]
    assert list(one("Новости\n\n«Мы готовы» заявил он.\n", lang="ru")["text"]) == ["Мы готовы"]


@pytest.mark.parametrize("text, lang", [
    ("Гильмутдинов подчеркнул, что «экспорт в Центральную Азию компенсирует спад на внутреннем рынке».\n", "ru"),
    ("Karabayev said that “the line will cut transit times by a third and bring new cargo”.\n", "en"),
])
def test_a_quote_after_a_cue_and_its_complementizer_finishes_the_reporters_sentence(text, lang):
    q = quotes_in_text("News\n\n" + text, "t", lang=lang)
    assert list(q["kind"]) == ["partial"]


def test_a_dash_line_that_answers_a_dash_question_in_a_report_is_the_interviewees():
    q = one("Электробусы\n\nМы поговорили с заместителем генерального директора МАЗа Сергеем Лапицким.\n— Первые машины "
            "соберем уже весной, — рассказывает он.\nПо словам Лапицкого, объем — до 600 электробусов в год.\n— А кто "
            "будет делать батареи?\n— Пока китайские партнеры. Но мы ведем переговоры, чтобы модули собирались в "
            "Минске.\nВ Минпроме сообщили, что государство выделит кредит.\n", lang="ru")
    assert [t[:10] for t in q["text"]] == ["Первые маш", "Пока китай"]
    assert set(q["speaker"]) == {"Сергей Лапицкий"}


@pytest.mark.parametrize("text, lang, speaker", [
    ("«Мы готовы к любому сценарию»: Токаев о переговорах с Китаем\n20 мая 2026\nПрезидент Касым-Жомарт Токаев "
     "провел встречу с премьером Госсовета КНР в Астане.\n", "ru", "Kassym-Jomart Tokayev"),
    ("«Без кооперации не выжить», — глава Минпромторга Беларуси о рынке Казахстана\n20 мая 2026\nМинистр "
     "промышленности Беларуси Александр Рогожник рассказал о планах на рынке Казахстана.\n", "ru", "Александр Рогожник"),
    ("«Это исторический день» — Н. Назарбаев о запуске завода\n20 мая 2026\nНурсултан Назарбаев открыл завод.\n", "ru",
     "Nursultan Nazarbayev"),
    ("“We are ready for any scenario”: Mirziyoyev on talks with China\nMay 20 2026\nPresident Shavkat Mirziyoyev met "
     "the Chinese premier in Tashkent.\n", "en", "Shavkat Mirziyoyev"),
])
def test_a_headline_quote_is_the_persons_the_headline_names_after_it(text, lang, speaker):
    q = quotes_in_text(text, "t", lang=lang)
    assert (q.loc[0, "kind"], q.loc[0, "speaker"]) == ("direct", speaker)


@pytest.mark.parametrize("text, lang", [
    # a description that names nobody, a cue, or a sentence that goes on: nobody from the headline rule
    ("‘We do not sell grain, we sell reliability’: Ukrainian grain trader on Turkish market\nMay 20 2026\nWe spoke "
     "to a trader.\n", "en"),
    ("«Рынок растет»: такой вывод сделали аналитики о торговле\n20 мая 2026\nАналитики подвели итоги.\n", "ru"),
])
def test_a_headline_quote_with_no_person_after_it_stays_unattributed(text, lang):
    q = quotes_in_text(text, "t", lang=lang)
    assert q.loc[0, "speaker"] == ""


@pytest.mark.parametrize("text, lang, named", [
    ("Зерно\n\nВице-премьер Алексей Оверчук провел переговоры в Астане.\nИсточник в правительстве Казахстана, "
     "знакомый с ходом переговоров, сообщил агентству, что вопрос о квотах не решен.\n«Позиции сблизились, но "
     "документа пока нет», — сказал собеседник агентства.\n", "ru", "Алексей Оверчук"),
    ("Грузовики\n\nЗаместитель министра Бекзод Турсунов рассказал о проекте.\nИсточник «Ъ» в правительстве "
     "подтвердил, что механизм прорабатывается.\n«Это не благотворительность», — говорит он.\n", "ru",
     "Бекзод Турсунов"),
    ("Grain\n\nDeputy Trade Minister Yerlan Baimukhanov spoke to Reuters.\nA spokesperson for KTZ, the national "
     "railway, said the company had ordered wagons. \"Deliveries start in May,\" the spokesperson said.\n", "en",
     "Yerlan Baimukhanov"),
])
def test_a_back_reference_after_an_unnamed_source_is_that_source_not_the_person_named_before(text, lang, named):
    q = one(text, lang=lang)
    assert q.loc[0, "confidence"] == "unnamed" and q.loc[0, "speaker"] in ("источник", "собеседник", "spokesperson")
    assert q.loc[0, "speaker_mention"] != "" and named not in set(q["speaker"])


def test_a_back_reference_with_no_unnamed_source_since_keeps_the_person_named_before():
    q = one("Грузовики\n\nИсточник в отрасли сообщил о переговорах.\nЗаместитель министра Бекзод Турсунов "
            "рассказал о проекте.\n«Это не благотворительность», — говорит он.\n", lang="ru")
    assert q.loc[0, "speaker"] == "Бекзод Турсунов"


def test_a_name_a_colon_ties_to_the_quote_after_it_is_its_speaker_though_no_roster_knows_it():
    q = one('Dilnoza Karimova: "Kazakhstan is not an export market for us, it is a second home base"\n\n'
            "The head of Navoi Machinery Group on the bus plant near Shymkent.\n")
    assert q.loc[0, "speaker"] == "Dilnoza Karimova"


def test_someone_new_after_a_conjunction_is_nobody_named_and_not_the_place_before():
    q = one("Minsk\n\nA $120 million venture to build buses in Tashkent, announced in 2024, has produced nothing.\n\n"
            "As one MTZ executive put it to me: “We can sell anything in Central Asia, as long as someone else "
            "pays.”\n")
    assert q.loc[0, "speaker"] == "executive" and q.loc[0, "confidence"] == "unnamed"
    assert "MTZ executive" in q.loc[0, "speaker_mention"]


def test_words_inside_a_quote_bring_in_no_unnamed_source_for_the_pronoun_after_it():
    q = one("Talks\n\nPresident Aleksandr Lukashenko met the governor.\n«We know our partners. But as an experienced "
            "person, I always say: keep old friends.»\n«Trade is the foundation,» he added.\n")
    assert list(q["speaker"]) == ["Aleksandr Lukashenko", "Aleksandr Lukashenko"]


@pytest.mark.parametrize("text, body", [
    ("Trucks\n\nSany Heavy Industry, which will build mining trucks in the Karaganda region, said localisation "
     "would reach half of the components.\n“The Karaganda plant is designed to serve customers in Kazakhstan,” the "
     "company told Reuters in an email.\n", "Sany Heavy Industry"),
    ("Cars\n\nAzerbaijan Railways said in a statement that it had cut waiting times.\nMeanwhile, Turkish carmaker "
     "Anadolu Otomotiv plans an assembly line in Samarkand. “We will start in May,” the company said.\n",
     "Anadolu Otomotiv"),
])
def test_the_company_is_the_nearest_company_named_before_by_the_word_its_name_ends_with_or_a_noun_before_it(
        text, body):
    assert one(text).loc[0, "speaker"] == body


@pytest.mark.parametrize("text, lang, speaker", [
    ("EU\n\nThe meeting was chaired by Vice Minister Aizhan Bekturova and Ambassador Johanna Lindqvist.\n\n“Europe "
     "is already our second-largest trading partner.”\n— Aizhan Bekturova, Vice Minister of Trade\n\nThe EU side "
     "confirmed a programme.\n", "en", "Aizhan Bekturova"),
    ("Новости\n\nМинистр Иван Петров и посол Анна Ли провели встречу.\n\n«Мы готовы расширять поставки техники».\n"
     "— Иван Петров, министр промышленности\n", "ru", "Иван Петров"),
])
def test_a_line_after_a_quote_block_that_opens_with_a_dash_and_a_name_signs_it(text, lang, speaker):
    assert one(text, lang=lang).loc[0, "speaker"] == speaker


def test_a_name_whose_cue_a_colon_ties_to_the_quote_speaks_though_words_stand_between():
    q = one("Press\n\nDeputy Minister Anahit Grigoryan spoke to reporters.\nLusine Hakobyan of CivilNet then asked: "
            "\"Will Moscow not see this as a step away from the Union?\"\n\"We are not choosing between markets,\" the "
            "deputy minister replied.\n")
    assert list(q["speaker"]) == ["Lusine Hakobyan", "Anahit Grigoryan"]


def test_letters_alone_such_as_us_are_no_persons_name():
    text = ("Briefing\n\nA senior U.S. administration official briefed reporters on condition of anonymity.\n\n"
            "\"We are not asking anyone to choose,\" the official said, adding that the U.S. International Development "
            "Finance Corporation would set up a fund.\n")
    q = one(text)
    assert q.loc[0, "speaker"] == "official" and q.loc[0, "confidence"] == "unnamed" and "U.S" not in set(q["speaker"])


@pytest.mark.parametrize("text, lang", [
    ("Союз\n\nМонгольское направление называют «стратегическим»: по словам источника «Ъ» в правительстве одной из "
     "стран ЕАЭС, «Монголия хочет гарантированный доступ к рынкам».\n", "ru"),
    ("Deal\n\nAccording to a person familiar with the matter, “nothing is signed on Navoiyazot yet”.\n", "en"),
])
def test_according_to_an_unnamed_source_is_nobody_named_and_not_the_body_after_it(text, lang):
    q = one(text, lang=lang)
    assert q.loc[0, "speaker"] in ("источник", "person") and q.loc[0, "confidence"] == "unnamed"
    assert q.loc[0, "speaker_mention"]


@pytest.mark.parametrize("text, lang, named", [
    ("Зерно\n\nГлава союза Евгений Ибраев рассказал о планах.\nПредставитель одного из российских трейдеров, "
     "пожелавший остаться неназванным, отметил, что цена опустилась.\n«Казахстан — не главный наш рынок», — сказал "
     "он.\n", "ru", "Евгений Ибраев"),
    ("Coal\n\nMinister Bat-Erdene Enkhbold spoke on Monday.\n“The rail link is good news,” said a coal trader in "
     "Tianjin who asked not to be named because he was not authorised to speak.\n", "en", "Bat-Erdene Enkhbold"),
])
def test_a_speaker_the_article_keeps_anonymous_is_nobody_named(text, lang, named):
    q = one(text, lang=lang)
    assert q.loc[0, "speaker"] in ("представитель", "трейдер", "trader") and q.loc[0, "confidence"] == "unnamed"
    assert named not in set(q["speaker"])


@pytest.mark.parametrize("who", ["a Turkish truck driver", "a long-haul truck driver", "an Uzbek cotton farmer"])
def test_a_person_noun_in_apposition_after_country_words_makes_a_name_a_person(who):
    q = one("Ferry\n\nThe analyst Levan Kapanadze spoke first. \"The route is slow,\" he said.\n\nNot everyone waits. "
            f"Mehmet Yıldız, {who} from Mersin, now takes the ferry every month. \"Five years ago nobody went this "
            "way,\" he said.\n")
    assert list(q["speaker"]) == ["Levan Kapanadze", "Mehmet Yıldız"]


def test_a_quote_right_after_another_goes_to_the_unnamed_source_brought_in_between():
    q = one("Hub\n\n\"It is good,\" said Minister Arman Zhaksylykov.\n\nA source in the Kazakh government, who asked not "
            "to be named, said the terminal could open in 2026. “The concrete is already being poured,” the source "
            "said.\n")
    assert q.loc[0, "speaker"] == "Arman Zhaksylykov"
    assert q.loc[1, "speaker"] == "source" and q.loc[1, "confidence"] == "unnamed"
