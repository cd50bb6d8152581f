"""Interviews and transcripts: speech without quote marks, told apart from lists and reportage."""
from analysis.quotes import quote_rows


def direct(text, lang="en"):
    return [(r["speaker"], r["text"]) for r in quote_rows(text, "a", lang=lang) if r["kind"] == "direct"]


QA_EN = """Uzbek minister sees cotton textiles as export driver

By Kamila Rakhimova

Uzbekistan's Minister of Investment Nodir Sultanov told our correspondent about textile exports and new plants.

Q: How much did textile exports bring last year?

A: Textile exports reached $3.1 billion. We no longer sell raw cotton abroad at all.

Q: Which markets are growing?

A: Russia and Kazakhstan remain the largest buyers. Turkey is growing fastest.

This year we open four new spinning mills in the Fergana valley.
"""


def test_answers_of_a_qa_interview_are_quotes_of_the_interviewee_not_the_byline():
    rows = direct(QA_EN)
    assert [t[:30] for _, t in rows] == ["Textile exports reached $3.1 b", "Russia and Kazakhstan remain t"]
    assert rows[1][1].endswith("four new spinning mills in the Fergana valley.")   # the answer runs on
    assert {s for s, _ in rows} == {"Nodir Sultanov"}


def test_questions_are_not_quotes():
    assert not any("?" in t for _, t in direct(QA_EN))


TRANSCRIPT_RU = """Переговоры с Президентом Узбекистана

Владимир Путин провёл переговоры с Президентом Узбекистана Шавкатом Мирзиёевым в Кремле.

В.Путин: Уважаемый Шавкат Миромонович! Рады видеть вас в Москве. Товарооборот растёт уже третий год подряд.

Рассчитываем, что межрегиональный форум в Ташкенте даст новые проекты.

Ш.Мирзиёев: Спасибо, Владимир Владимирович. Наши регионы уже подписали десятки соглашений.

В.Путин: Давайте начнём с промышленной кооперации.
"""


def test_transcript_labels_with_initials_name_the_speakers_of_every_turn():
    rows = direct(TRANSCRIPT_RU, "ru")
    # both are in the shipped roster: its names, matched from the initials and the Cyrillic spellings
    assert [(s, t[:20]) for s, t in rows] == [
        ("Vladimir Putin", "Уважаемый Шавкат Мир"), ("Shavkat Mirziyoyev", "Спасибо, Владимир Вл"),
        ("Vladimir Putin", "Давайте начнём с про")]
    assert "Рассчитываем, что межрегиональный форум" in rows[0][1]     # a paragraph with no label continues the turn


DASH_RU = """Асель Жумабаева: «Мы хотим продавать муку, а не зерно»

Председатель правления зернового холдинга Асель Жумабаева в интервью агентству рассказала об экспорте.

— Асель Маратовна, сколько зерна холдинг отправил за рубеж в прошлом году?

— Около двух миллионов тонн. Но главное не объём: мы хотим продавать муку, а не зерно.

— Какие рынки самые перспективные?

— Афганистан и Китай. В Китай мы пока поставляем в основном ячмень.

Беседовала Ольга Ким
"""


def test_dash_interview_answers_belong_to_the_interviewee():
    rows = direct(DASH_RU, "ru")
    texts = [t for _, t in rows]
    assert any(t.startswith("Около двух миллионов тонн") for t in texts)
    assert any(t.startswith("Афганистан и Китай") for t in texts)
    assert not any(t.endswith("?") for t in texts)
    assert {s for s, t in rows if not t.startswith("Мы хотим")} == {"Асель Жумабаева"}


def test_labelled_lines_that_are_not_speech_stay_prose():
    text = """Trade with neighbours, first half

Kazakhstan's trade with its Central Asian neighbours grew in the first half.

Uzbekistan: $2.1 billion, up 14 percent.

Kyrgyzstan: $0.9 billion, up 3 percent.

Tajikistan: $0.4 billion, down 2 percent.

Photo: Kazinform. Source: Bureau of National Statistics.
"""
    assert direct(text) == []


def test_reportage_dialogue_with_attributions_keeps_its_own_speakers():
    text = """На заводе в Костанае

Директор завода Пётр Соколов показал новый цех.

— Сколько машин вы выпускаете? — спросил губернатор Ерлан Сапаров.

— Три тысячи в год, — ответил Соколов. — В следующем году будет пять.

— А комплектующие откуда? — уточнил губернатор.

— Половина уже местная, — сказал директор.
"""
    rows = direct(text, "ru")
    assert ("Пётр Соколов", "Три тысячи в год") in rows
    assert not any(t.startswith("Сколько машин") and s == "Пётр Соколов" for s, t in rows)


def test_the_presenter_named_in_the_lead_is_the_interviewer_even_when_she_states_things():
    text = """Energy minister on tariffs

Transcript of the programme "Week", Channel 7, 3 March. Presenter: Dana Serikova.

Serikova: Minister, tariffs went up twice this year.

Zhaksylykov: They went up once, by 9 percent. The second increase was postponed to autumn.

Serikova: People say bills doubled.

Zhaksylykov: Bills rose because it was a cold winter, not because of the tariff.

Serikova: Thank you, Minister.
"""
    rows = direct(text)
    assert [t[:20] for _, t in rows] == ["They went up once, b", "Bills rose because i"]
    assert {s for s, _ in rows} == {"Zhaksylykov"}


QUESTION_AND_SURNAME_EN = """Interview: Georgia wants more Kazakh grain through Poti, says deputy minister

By Nino Beridze

Georgia's Deputy Minister of Economy Levan Kvaratskhelia spoke to Business Media about transit and grain.

Q: How much Kazakh grain passed through Poti last year?

Kvaratskhelia: About 1.2 million tonnes, a record for the port. We expect more this season.

Q: What holds it back?

Kvaratskhelia: Wagons. We need about 600 more grain hoppers on the line.

Q: Anything else for shippers?

Kvaratskhelia: Book early.
"""

QUESTION_AND_SURNAME_RU = """Интервью: Кыргызстан рассчитывает удвоить экспорт молока

Беседовала Айгуль Осмонова

Министр водных ресурсов, сельского хозяйства и перерабатывающей промышленности Кыргызстана Бакыт Торобаев ответил на вопросы нашего корреспондента.

Вопрос: Сколько молока Кыргызстан продал в Казахстан в прошлом году?

Торобаев: Около 40 тысяч тонн. В этом году мы хотим выйти на 80 тысяч.

Вопрос: Что для этого нужно?

Торобаев: Лаборатории и холодильники. Без них молоко не пройдёт контроль.
"""


def test_question_labels_answered_by_the_interviewees_surname_are_an_interview():
    rows = direct(QUESTION_AND_SURNAME_EN)
    assert [t[:12] for _, t in rows] == ["About 1.2 mi", "Wagons. We n", "Book early."]
    assert {s for s, _ in rows} == {"Levan Kvaratskhelia"}
    rows = direct(QUESTION_AND_SURNAME_RU, "ru")
    assert [t[:12] for _, t in rows] == ["Около 40 тыс", "Лаборатории "]
    assert {s for s, _ in rows} == {"Бакыт Торобаев"}


PLAIN_QUESTIONS_RU = """Айгуль Нурпеисова: Экспорт — это рабочие места

Беседовала Жанна Омарова

О планах на год мы поговорили с главой АО «KazExport Hub» Айгуль Нурпеисовой.

Айгуль Сериковна, за счет чего вырос экспорт в этом году?

— Прежде всего за счет продовольствия и металлопродукции. Экспорт муки вырос на $1,1 млрд.

Какие рынки сегодня самые перспективные?

— Китай, безусловно. Но я бы не стала недооценивать страны ЕАЭС.

Сколько государство тратит на поддержку экспортеров?

— Около 160 млрд тенге в год.
"""


def test_questions_printed_as_paragraphs_of_their_own_are_answered_by_the_dash_lines_after_them():
    rows = direct(PLAIN_QUESTIONS_RU, lang="ru")
    assert [t[:19] for _, t in rows] == ["Прежде всего за сче", "Китай, безусловно. ", "Около 160 млрд тенг"]
    assert {s for s, _ in rows} == {"Айгуль Нурпеисова"}


def test_a_rhetorical_question_before_dialogue_that_names_its_speakers_is_no_interview():
    text = ("Переговоры\n\nЧто дальше?\n\n— Мы готовы, — сказал министр Иван Петров.\n\nА что партнеры?\n\n"
            "— Они тоже, — ответил Петров.\n")
    assert [s for s, _ in direct(text, lang="ru")] == ["Иван Петров", "Иван Петров"]


OUTLET_LABEL_EN = """INTERVIEW: Mongolia's economy minister on Japan and Korea

Interview by Thomas Wexler

bne IntelliNews spoke to Chuluunbaatar Enkhjargal, Mongolia's Minister of Economy and Development.

bne IntelliNews: Japan has just approved a new loan package. What is it for?

Enkhjargal: The package is $800 million over three years, and most of it will go to the new power plant.

bne IntelliNews: What about Russia?

Enkhjargal: We are ready; the route through Mongolia is agreed.
"""


def test_an_outlet_written_in_lower_case_is_a_label_of_the_interviewer():
    rows = direct(OUTLET_LABEL_EN)
    assert [(s, t[:20]) for s, t in rows] == [("Chuluunbaatar Enkhjargal", "The package is $800 "),
                                               ("Chuluunbaatar Enkhjargal", "We are ready; the ro")]


PLAIN_QA_RU = """«Халяль — это не только мясо»: глава QazTrade о рынках Залива

Беседовала Анна Ким

О том, что покупают арабские партнеры, Vesti.kz рассказал председатель правления QazTrade Ерлан Жаксылыков.

Ерлан Маратович, каков сегодня объем экспорта в страны Залива?

По итогам прошлого года экспорт составил около $640 млн. Это пока немного.

Цель — выйти на $1,5 млрд к 2028 году.

Почему казахстанское мясо проигрывает по цене бразильскому?

Логистика. Мы не имеем выхода к морю.
"""


def test_an_interview_whose_questions_carry_no_label_or_dash_gives_the_answers_to_the_interviewee():
    rows = direct(PLAIN_QA_RU, lang="ru")
    answers = [t for _, t in rows if not t.startswith("Халяль")]
    assert [t[:13] for t in answers] == ["По итогам про", "Логистика. Мы"]
    assert answers[0].endswith("к 2028 году.")       # the answer runs on over the paragraph after it
    assert {s for s, _ in rows} == {"Ерлан Жаксылыков"}


def test_questions_in_an_article_that_does_not_say_it_is_an_interview_stay_prose():
    text = PLAIN_QA_RU.replace("Беседовала Анна Ким", "Автор: Анна Ким")
    assert [t[:6] for _, t in direct(text, lang="ru")] == ["Халяль"]


def test_a_paragraph_that_tells_of_the_talk_in_the_third_person_ends_the_answer_before_it():
    text = OUTLET_LABEL_EN + ("\nWe also signed an agreement on agricultural cooperation with Tokyo.\n\n"
                              "The minister added that the government plans a sovereign wealth fund of $2bn.\n")
    rows = direct(text)
    assert rows[-1][1].endswith("with Tokyo.")          # the answer runs on over a paragraph in the first person
    assert not any("sovereign wealth fund" in t for _, t in rows)


def test_a_label_of_initials_alone_is_the_one_person_the_article_names_with_them():
    text = ("Navoi Machinery on its Shymkent plant\n\nInterview by Timur Akhmetov\n\nIts chief executive Dilnoza "
            "Karimova spoke to Forbes Kazakhstan about the bus plant.\n\nForbes Kazakhstan: How much will the plant "
            "cost?\n\nD.K.: The first stage is $75m. That covers the building and the welding line.\n\n"
            "Forbes Kazakhstan: Why Shymkent?\n\nD.K.: Because the market is there.\n")
    assert [s for s, _ in direct(text)] == ["Dilnoza Karimova", "Dilnoza Karimova"]
