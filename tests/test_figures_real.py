"""Amounts in the styles of real news (tests/dev/figures_real_en, figures_real_ru): wire copy, national agencies'
English and Russian services, business press and press releases, with the forms and traps of real text
(US$300 mln, KZT 3.2 trillion, Br1.5 billion, 1,2 млрд долл, a converted pair in brackets, per-unit prices,
counts, years and phone numbers that are not money). Written by make_real_en.py / make_real_ru.py."""
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import load_corpus
from analysis.figures import extract_figures, figures_in_text
from score import score_money

DEV = Path(__file__).parent / "dev"


def _rows(figures):
    return [{k: ("" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)) for k, v in r.items()}
            for r in figures.to_dict("records")]


@pytest.fixture(scope="module", params=["figures_real_en", "figures_real_ru"])
def real_set(request):
    folder = DEV / request.param
    figures, _ = extract_figures(load_corpus(folder).articles)
    gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "gold").glob("*.json"))}
    return request.param, figures, gold


def test_real_style_set_is_large_enough(real_set):
    name, _, gold = real_set
    assert len(gold) >= (30 if name.endswith("en") else 15)
    assert sum(len(g["money"]) for g in gold.values()) >= (120 if name.endswith("en") else 60)


def test_real_style_amounts_are_found_and_valued(real_set):
    _, figures, gold = real_set
    misses = []
    s = score_money(gold, _rows(figures), misses)
    assert s["detection"]["f1"] >= 0.97, misses
    assert s["value"]["f1"] >= 0.97, misses


def _one(text, lang="en"):
    f, _ = figures_in_text(text, "a", 2024, lang=lang)
    return f


def test_an_amount_after_a_rejected_range_is_still_read():
    f = _one("He paid $500,000 and $12,000 and $1.5m and $500K.")
    assert f["surface"].tolist() == ["$500,000", "$12,000", "$1.5m", "$500K"]
    assert f["amount"].tolist() == [5e5, 1.2e4, 1.5e6, 5e5]
    r = _one("Экспорт вырос на $300 млн до $1,5 млрд, выделено USD 1,5 млрд и 1,5 млрд долларов США.", "ru")
    assert r["surface"].tolist() == ["$300 млн", "$1,5 млрд", "USD 1,5 млрд", "1,5 млрд долларов США"]
    assert r["qualifier"].tolist()[1] == "exact"


def test_change_by_an_amount_to_an_amount_gives_two_figures():
    f = _one("Exports grew by $300 million to $1.5 billion in 2023.")
    assert f["surface"].tolist() == ["$300 million", "$1.5 billion"]
    assert f["amount"].tolist() == [3e8, 1.5e9]


def test_a_year_before_and_is_not_money():
    f = _one("A credit line agreed in 2023 and 1.2 billion RMB of earlier loans.")
    assert f["surface"].tolist() == ["1.2 billion RMB"]


def test_a_bare_amount_that_counts_people_or_shares_is_not_money():
    f = _one("Trade reached $2 billion. About 1.5 million Kazakh tourists came; its 20 million shares were sold.")
    assert f["surface"].tolist() == ["$2 billion"]


def test_a_rate_without_a_lead_phrase_is_a_rate_not_an_amount():
    f = _one("It was 450 tenge per US dollar. The plant cost 45 billion tenge.")
    assert f["surface"].tolist() == ["45 billion tenge"]
    assert f["value_usd"].iloc[0] == pytest.approx(1e8)
    r = _one("Курс составил 470 тенге за доллар.", "ru")
    assert r.empty


def test_manat_is_turkmen_or_azerbaijani_as_the_article_says():
    assert _one("Turkmenistan's budget is 103.5 billion manat.")["currency"].tolist() == ["TMT"]
    assert _one("Azerbaijan will invest 150 million manat in Aktau.")["currency"].tolist() == ["AZN"]
    assert _one("Бюджет Туркменистана составит 103,5 млрд манатов.", "ru")["currency"].tolist() == ["TMT"]


def test_a_currency_country_is_not_a_party():
    f = _one("Kazakhstan and China signed a loan of US$300 mln.")
    assert f["parties"].iloc[0] == "China|Kazakhstan"
    f = _one("The deal is worth US$300 mln.")
    assert f["parties"].iloc[0] == ""


def test_the_metric_word_of_another_amount_is_not_taken():
    f = _one("Exports were $2.1bn and imports 1.3bn.")
    assert f["flow"].tolist() == ["exports", "imports"]


@pytest.mark.parametrize("text, lang, periods", [
    ("Assets stood at $59.9 billion as of 1 January 2024. At the end of 2022 they were $55.7 billion.", "en",
     ["2024-01-01", "2022-12-31"]),
    ("Reserves were $36 billion at the end of June 2023 and $35 billion at the start of the year.", "en",
     ["2023-06-30", "2023-01-01"]),
    ("Reserves were $35 billion at the start of the year.", "en", ["2024-01-01"]),
    ("Debt was USD 16.9 billion as of October 1, 2023.", "en", ["2023-10-01"]),
    ("Внешний долг на 1 октября 2023 года составил 16,9 млрд долларов. На конец 2022 года он составлял "
     "15,5 млрд долларов. На начало года – $17 млрд.", "ru", ["2023-10-01", "2022-12-31", "2024-01-01"]),
    ("Резервы по состоянию на 1 июня составили $36,5 млрд.", "ru", ["2024-06-01"]),
])
def test_a_stock_at_a_point_in_time_has_a_point_period(text, lang, periods):
    f = _one(text, lang)
    assert f["period"].tolist() == periods
    assert (f["period_start"] == f["period_end"]).all() and f["period_start"].tolist() == periods


def test_a_period_of_months_is_not_a_point():
    f = _one("Trade in January-September 2023 was $3 billion; in March 2024 it was $1 billion.")
    assert f["period"].tolist() == ["2023-01/2023-09", "2024-03"]


def test_quantities_are_read_with_the_article_language_words():
    text = "Казахстан экспортировал 12,3 млн тонн зерна. В стране работают более 600 совместных предприятий."
    _, q = figures_in_text(text, "a", 2024, lang="ru")
    q = q.set_index("surface")
    assert (q.loc["12,3 млн тонн", "kind"], q.loc["12,3 млн тонн", "value"]) == ("mass", 12.3e6)
    row = q.loc["более 600 совместных предприятий"]
    assert (row["kind"], row["value"], row["qualifier"]) == ("count", 600, "more_than")
    _, q = figures_in_text("Nearly a dozen joint enterprises work on several thousand hectares.", "a", 2024)
    assert q["kind"].tolist() == ["count", "area"] and q["vague"].tolist() == [False, True]


def test_a_pack_without_figure_words_reads_only_the_shared_signs(tmp_path, monkeypatch):
    import shutil

    import analysis.figures as F
    from analysis import lang
    for code in ("en", "ru"):
        shutil.copytree(lang.PACKS / code, tmp_path / code)
    (tmp_path / "kk").mkdir()
    (tmp_path / "kk" / "pack.yml").write_text("name: Kazakh\nscript: cyrillic\nmarker_letters: әғқңөұүһі\n"
                                              "normaliser: lower\n", encoding="utf-8")
    caches = [lang.pack] + [v for v in vars(F).values() if hasattr(v, "cache_clear")]

    def clear():
        for c in caches:
            c.cache_clear()
    monkeypatch.setattr(lang, "PACKS", tmp_path)
    clear()
    try:
        f, q = figures_in_text("Тауар айналымы $1,2 млрд және 500 теңге болды, 2023 жылы 12 компания.", "a", 2024,
                               lang="kk")
        assert f["surface"].tolist() == ["$1,2 млрд"] and f["amount"].tolist() == [1.2e9]
        assert q.empty
    finally:
        monkeypatch.undo()
        clear()


def _article(title, body, lang="en"):
    f, _ = figures_in_text(f"{title}\n\n{body}\n", "a", 2024, lang=lang)
    return f.set_index("surface")


def test_a_country_total_is_not_the_article_pair():
    f = _article("Belarus and Kazakhstan expand trade",
                 "Trade between Belarus and Kazakhstan reached $1.2 billion. Belarus exported tractors to Kazakhstan. "
                 "Kazakhstan's foreign trade turnover reached $139.8 billion, Kazakh statistics said.")
    assert f.loc["$1.2 billion", "parties"] == "Belarus|Kazakhstan"
    assert f.loc["$139.8 billion", "parties"] == "Kazakhstan"
    r = _article("Внешнеторговый оборот Казахстана",
                 "Внешнеторговый оборот Казахстана в 2023 году составил 139,8 млрд долларов. Доля стран ЕАЭС "
                 "составила 20%, торговля со странами ЕАЭС выросла.", "ru")
    assert r.loc["139,8 млрд долларов", "parties"] == "Kazakhstan"


def test_a_partner_after_with_is_the_article_pair_and_a_second_clause_keeps_its_subject():
    f = _article("Belarus, Kazakhstan trade", "Belarus is a key partner. Trade with Kazakhstan reached $1.2 billion.")
    assert f.loc["$1.2 billion", "parties"] == "Belarus|Kazakhstan"
    f = _article("Kazakhstan-Russia trade slows",
                 "Kazakhstan's trade with Russia fell 2.4% to $26.4 billion in 2023, while trade with the EU was up "
                 "12% to $41.4 billion year-on-year.")
    assert f.loc["$26.4 billion", "parties"] == "Kazakhstan|Russia"
    assert f.loc["$41.4 billion", "parties"] == "EU|Kazakhstan"


def test_a_country_in_a_currency_name_is_not_a_party():
    f = _article("Trade in roubles", "Trade between Belarus and Russia exceeded $50 billion in 2023. "
                 "Settlements in Russian rubles exceeded 3 trillion Russian rubles.")
    assert f.loc["exceeded 3 trillion Russian rubles", "parties"] == "Belarus|Russia"


def test_do_after_a_verb_of_change_or_target_is_to_not_up_to():
    r = _article("Торговля", "Стороны намерены довести взаимную торговлю до $2 млрд. ЕБРР предоставит кредит в "
                 "размере до 50 млн евро. Почти в два раза — до 900 млн долларов — вырос экспорт зерна.", "ru")
    assert r.loc["$2 млрд", "qualifier"] == "exact"
    assert r.loc["до 50 млн евро", "qualifier"] == "at_most"
    assert r.loc["900 млн долларов", "qualifier"] == "exact"


def test_a_price_per_unit_is_a_price_and_a_sum_per_year_is_not():
    f = _article("Oil", "Oil exports earned $46.1 billion with Brent at about $82 per barrel; wheat sold at $250 a "
                 "tonne, and exports brought $2 billion a year.")
    assert f.loc["about $82", "flow"] == "price" and f.loc["$250", "flow"] == "price"
    assert f.loc["$2 billion", "flow"] == "exports"
    r = _article("Цены", "Экспорт пшеницы принес 2,8 млрд долларов при цене $250 за тонну; экспорт за год – $2 млрд.",
                 "ru")
    assert r.loc["$250", "flow"] == "price" and r.loc["$2 млрд", "flow"] == "exports"


def test_a_clause_relative_year_beats_a_year_in_another_clause():
    f = _article("UK and Kazakhstan", "British investments have totaled $18.6 billion since 2005, and bilateral "
                 "trade reached GBP 1.5 billion last year.")
    assert f.loc["GBP 1.5 billion", "period"] == "2023"


def test_list_items_take_the_period_of_their_lead_line():
    f = _article("Belarus-Kazakhstan trade: key figures", "Belarus-Kazakhstan trade in 2023:\n\n- Turnover: $1.12bn "
                 "(+4.5%)\n- Belarusian exports: $874.6mn\n- Imports from Kazakhstan: $245.7mn\n\nSource: Belstat")
    assert f["period"].tolist() == ["2023"] * 3
    assert f["flow"].tolist() == ["turnover", "exports", "imports"]


def test_other_currencies_and_a_sign_after_the_number():
    f = _one("The UAE fund invested AED 1.1 billion and 500 million dirhams; Korea KRW 1.3 trillion; 2.3 trln tenge.")
    assert f["currency"].tolist() == ["AED", "AED", "KRW", "KZT"]
    assert f["amount"].tolist() == [1.1e9, 5e8, 1.3e12, 2.3e12]
    r = _one("Сумма составила 500 млн $, а в 2023 году $1,2 млрд; 5 млрд руб без НДС.", "ru")
    assert r["surface"].tolist() == ["500 млн $", "$1,2 млрд", "5 млрд руб"]
    f = _one("In 2023 $1.2 billion was invested.")
    assert f["surface"].tolist() == ["$1.2 billion"]


def test_a_bare_number_far_from_money_or_counting_people_is_not_money():
    f = _one("Trade reached $2 billion in 2023. Kazakhstan has a population of 20 million.")
    assert f["surface"].tolist() == ["$2 billion"]
    f = _one("Trade reached $2 billion.\n\nThe new plant in Almaty will have 1.2 million square metres and a staff "
             "of 3,000. " + "Its design is modern. " * 30 + "It will make 1.5 million a year.")
    assert f["surface"].tolist() == ["$2 billion"]
    f = _one("We already have $1 billion of trade, and a billion and more is possible.")
    assert f["surface"].tolist() == ["$1 billion", "a billion and more"]


def test_a_converted_pair_is_two_figures_and_the_first_takes_the_stated_dollars():
    f = _one("The fund paid 3.2 trillion tenge ($6.8 billion) in taxes; the plant costs 120 billion tenge, or about "
             "$250 million. Another 5 billion tenge and $2 million were spent.")
    assert f["surface"].tolist() == ["3.2 trillion tenge", "$6.8 billion", "120 billion tenge", "about $250 million",
                                     "5 billion tenge", "$2 million"]
    assert f["value_usd"].round(-3).tolist()[:4] == [6.8e9, 6.8e9, 2.5e8, 2.5e8]
    assert pd.isna(f["value_usd"].iloc[4])
    assert f["relative_to"].tolist() == ["", "a#f0", "", "a#f2", "", ""]
    r = _one("Фонд перечислил 3,2 трлн тенге ($6,8 млрд), а завод обойдется в 120 млрд тенге, или около $250 млн.", "ru")
    assert r["value_usd"].round(-3).tolist() == [6.8e9, 6.8e9, 2.5e8, 2.5e8]
    # a conversion word inside the bracket, or a longer phrase of the pack's between the two
    r = _one("Сумма контракта — 12 млрд рублей (эквивалент 130 млн долларов). Компания вложила 3 млрд тенге, что по "
             "текущему курсу составляет около 6,5 млн долларов.", "ru")
    assert r["value_usd"].round(-3).tolist() == [1.3e8, 1.3e8, 6.5e6, 6.5e6]
    # a conversion phrase among a few more words, maybe in a bracket; the same amount again takes the same dollars;
    # a bracket with other words and no conversion phrase converts nothing
    r = _one("Кредит на 110 млрд тенге. Заводу выдадут около 110 млрд тенге, что по текущему курсу эквивалентно "
             "$220 млн. Инвестиции составят 38 млрд тенге (по курсу Нацбанка — около $76 млн). Экспорт составил "
             "10 млрд рублей (годом ранее — $120 млн).", "ru")
    assert r["value_usd"].round(-3).tolist()[:5] == [2.2e8, 2.2e8, 2.2e8, 7.6e7, 7.6e7]
    assert pd.isna(r["value_usd"].iloc[5]) and r["value_usd"].iloc[6] == 1.2e8


@pytest.mark.parametrize("text, lang, periods", [
    ("Mutual trade amounted to USD 1.12 bln. in 2023, and 870.5 mln USD in the first nine months of 2024.", "en",
     ["2023", "2024-01/2024-09"]),
    ("Trade in 2005-2020 totalled $10 billion, and $2 billion in 2015.", "en", ["2005/2020", "2015"]),
    ("Взаимная торговля в 2023 году составила 1,12 млрд долл., а за девять месяцев 2024 года – 870,5 млн долл.",
     "ru", ["2023", "2024-01/2024-09"]),
])
def test_a_clause_with_its_own_year_does_not_take_another_clause_period(text, lang, periods):
    assert _one(text, lang)["period"].tolist() == periods


def test_the_equivalent_of_is_a_conversion():
    f = _one("The government allocated KZT 1 trillion, the equivalent of about $2.2 billion, to the programme.")
    assert f["value_usd"].tolist() == [2.2e9, 2.2e9]


def test_a_stated_rate_in_an_ambiguous_currency_word_converts_the_resolved_amounts():
    r = _one("Бюджет Туркменистана составит 103,5 млрд манатов. Курс составил 3,5 маната за доллар.", "ru")
    assert r["currency"].tolist() == ["TMT"] and r["value_usd"].iloc[0] == pytest.approx(103.5e9 / 3.5)
    f = _one("Turkmenistan's budget is 103.5 billion manat, at 3.5 manat per dollar.")
    assert f["currency"].tolist() == ["TMT"] and f["value_usd"].iloc[0] == pytest.approx(103.5e9 / 3.5)


def test_a_bare_number_after_a_count_of_things_of_its_order_counts_the_same_things():
    r = _one("Цена выросла до $5 млн. Мы выпускаем 1,2 млн тонн в год, а заявок у нас на полтора миллиона.", "ru")
    assert r["surface"].tolist() == ["$5 млн"]
    # a year between, or another order of magnitude, leaves the bare amount money
    r = _one("Экспорт достиг $2 млрд, а к 2030 году — 3 млрд.", "ru")
    assert r["value_usd"].tolist() == [2e9, 3e9]
    f = _one("We sold $2 billion of wheat, or 8 million tonnes, and expect 3 billion next year.")
    assert f["value_usd"].tolist() == [2e9, 3e9]
