"""Money amounts: the seed gold, a table of real-world phrases, and what must not be money."""
import csv
import json
import math
from pathlib import Path

import pandas as pd
import pytest

from analysis.figures import FIGURE_COLUMNS, extract_figures, figure_rows, figures_in_text, find_discrepancies, parse_number
from score import read_rows, score_money

PHRASES = list(csv.DictReader(open(Path(__file__).parent / "data" / "money_phrases.csv", encoding="utf-8")))


def test_phrase_table_is_large_enough():
    assert len(PHRASES) >= 60


def _close(got, want):
    if want == "":
        return got is None or (isinstance(got, float) and math.isnan(got))
    return got is not None and not math.isnan(float(got)) and abs(float(got) - float(want)) <= 1e-6 * abs(float(want))


@pytest.mark.parametrize("row", PHRASES, ids=[r["surface"] for r in PHRASES])
def test_money_phrase(row):
    figs, _ = figures_in_text(row["sentence"], "t", lang=row["lang"])
    hit = figs[figs["surface"] == row["surface"]]
    assert not hit.empty, f"{row['surface']!r} not found in {list(figs['surface'])}"
    f = hit.iloc[-1]
    for col in ("value_usd", "low_usd", "high_usd", "amount"):
        assert _close(f[col], row[col]), (col, f[col], row[col])
    assert (f["currency"], f["qualifier"], str(bool(f["vague"]))) == (row["currency"], row["qualifier"], row["vague"])


@pytest.mark.parametrize("sentence", [
    "In 2012 the summit took place on 29 May.",
    "Kazakhstan ranks among the top ten exporters of wheat.",
    "Over 3 billion people live in Asia, and trade matters to them.",
    "The country harvested 20 million tonnes of grain, a trade record.",
    "One of the leaders said trade is the foundation.",
    "Belarus is ready to demonstrate on several thousand hectares.",
    "The plant employs 1,200 workers.",
])
def test_not_money(sentence):
    figs, _ = figures_in_text(sentence, "t")
    assert figs.empty, list(figs["surface"])


def test_seed_gold_scores(extracted):
    from conftest import GOLD
    gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in GOLD.glob("*.json")}
    misses = []
    s = score_money(gold, read_rows(extracted / "figures.csv"), misses)
    assert s["detection"]["f1"] >= 0.97, misses
    assert s["value"]["f1"] >= 0.95, misses


def test_seed_figures_in_context(seed_results):
    f = seed_results.figures.set_index("surface")
    assert list(seed_results.figures.columns) == FIGURE_COLUMNS
    assert f.loc["close to $1 billion", "year"] == 2012 and f.loc["close to $1 billion", "qualifier"] == "approx"
    assert f.loc["approach $1 billion", "claim"] == "aspiration"
    d = f.loc["at least double it"]
    assert (d["value_usd"], d["qualifier"], d["claim"], d["speaker"]) == (2e9, "at_least", "target", "Serik Akhmetov")
    assert d["relative_to"] == f.loc["$1 billion", "figure_id"]
    assert d["period"] == "in the next few years"
    s = f.loc["several billion"]
    assert s["vague"] and (s["low_usd"], s["high_usd"]) == (3e9, 10e9) and s["qualifier"] == "more_than"
    assert f.loc["a billion and more", "currency_inferred"] and f.loc["a billion and more", "qualifier"] == "at_least"
    assert set(f["metric"]) == {"trade turnover"}


def test_every_row_slices_its_article(seed_results):
    texts = dict(zip(seed_results.articles["article_id"], seed_results.articles["text"]))
    for r in seed_results.figures.itertuples():
        assert texts[r.article_id][r.start:r.end] == r.surface
    for r in seed_results.quantities.itertuples():
        assert texts[r.article_id][r.start:r.end] == r.surface


def test_sources_that_disagree_are_flagged(seed_results):
    d = seed_results.discrepancies
    assert len(d) == 1
    r = d.iloc[0]
    assert {r["surface_a"], r["surface_b"]} == {"a billion and more", "several billion"}
    assert r["metric"] == "trade turnover" and r["year"] == 2026


def test_quantities_of_a_trade_briefing(seed_results):
    q = seed_results.quantities.set_index("surface")
    assert q.loc["nearly a dozen joint manufacturing enterprises", "value"] == 12
    assert q.loc["nearly a dozen joint manufacturing enterprises", "qualifier"] == "approx"
    assert q.loc["several thousand hectares", "kind"] == "area" and q.loc["several thousand hectares", "vague"]
    assert q.loc["top ten", "kind"] == "rank" and q.loc["top ten", "value"] == 10
    assert q.loc["over half again more", "value"] == 1.5


def test_no_rate_no_dollars_and_a_supplied_rate_converts():
    t = "Trade reached 500 billion tenge in 2023."
    f, _ = figures_in_text(t, "t")
    assert f.iloc[0]["currency"] == "KZT" and f.iloc[0]["amount"] == 5e11 and math.isnan(f.iloc[0]["value_usd"])
    f, _ = figures_in_text(t, "t", rates={("KZT", 2023): 0.0022})
    assert abs(f.iloc[0]["value_usd"] - 1.1e9) < 1


def test_rates_file_is_validated(tmp_path):
    from analysis.config import ConfigError, load_rates
    p = tmp_path / "rates.csv"
    p.write_text("currency,year,usd_per_unit\nKZT,2023,abc\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="rates.csv: line 2"):
        load_rates(p)


def test_vague_words_become_ranges():
    assert parse_number("several billion") == (2e9, 9e9, True)
    assert parse_number("several hundred million") == (2e8, 9e8, True)
    assert parse_number("hundreds of millions") == (2e8, 9e8, True)
    assert parse_number("tens of millions") == (2e7, 9e7, True)
    assert parse_number("несколько сотен миллионов", "ru") == (2e8, 9e8, True)
    assert parse_number("сотни миллионов", "ru") == (2e8, 9e8, True)
    assert parse_number("несколько миллиардов", "ru") == (2e9, 9e9, True)
    assert parse_number("десятки миллионов", "ru") == (2e7, 9e7, True)
    assert parse_number("a few million") == (2e6, 4e6, True)
    assert parse_number("1.2 bn") == (1.2e9, 1.2e9, False)
    assert parse_number("twenty-five million") == (25e6, 25e6, False)


def test_relative_amounts_chain_on_the_right_base():
    t = "Trade reached $1 billion in 2020. It then exceeded that by $500 million, and we should double it."
    f, _ = figures_in_text(t, "t")
    rows = f.set_index("surface")
    assert list(f["surface"]) == ["$1 billion", "$500 million", "double it"]
    assert rows.loc["$500 million", "value_usd"] == 1.5e9
    assert rows.loc["$500 million", "relative_to"] == rows.loc["$1 billion", "figure_id"]
    assert rows.loc["double it", "value_usd"] == 3e9
    assert rows.loc["double it", "relative_to"] == rows.loc["$500 million", "figure_id"]


def test_a_change_between_two_amounts_is_two_figures_not_a_range():
    f, _ = figures_in_text("Trade increased from $1.1 billion in 2022 to $1.5 billion in 2023.", "t")
    assert list(zip(f["surface"], f["value_usd"], f["year"])) == [("$1.1 billion", 1.1e9, 2022), ("$1.5 billion", 1.5e9, 2023)]


def test_an_amount_in_an_attributed_narrative_sentence_has_its_claimant(tmp_path):
    from analysis.pipeline import analyse
    (tmp_path / "a.txt").write_text(
        "Talks\nKazakh Trade Minister Arman Shakkaliyev met the delegation.\n"
        "According to Shakkaliyev, trade reached $1.4 billion in 2024.\n"
        "The minister said that investment exceeded $300 million.\n"
        "Exports totalled $900 million, the statistics office reported.\n", encoding="utf-8")
    f = analyse(tmp_path).figures
    assert list(zip(f["surface"], f["speaker"], f["in_quote"])) == [
        ("$1.4 billion", "Arman Shakkaliyev", False), ("exceeded $300 million", "Arman Shakkaliyev", False),
        ("$900 million", "statistics office", False)]


def test_a_closing_attribution_names_the_claimant_in_either_language(tmp_path):
    from analysis.pipeline import analyse
    (tmp_path / "en.txt").write_text(
        "Rail\nBISHKEK, Oct 3 (Reuters) - Kyrgyzstan and China agreed on the financing of a $4.7 billion railway, "
        "Kyrgyz Cabinet Chairman Adylbek Kasymaliev said.\n", encoding="utf-8")
    (tmp_path / "ru.txt").write_text(
        "Торговля\nМинистр торговли Казахстана Арман Шаккалиев провел встречу.\nТоварооборот достиг 4 млрд "
        "долларов, сообщил министр.\nЭкспорт вырос на 300 млн долларов, — отметил Арман Шаккалиев.\n"
        "По словам Шаккалиева, инвестиции составили 2 млрд долларов.\n", encoding="utf-8")
    f = analyse(tmp_path).figures
    assert list(zip(f["surface"], f["speaker"])) == [
        ("$4.7 billion", "Adylbek Kasymaliev"), ("4 млрд долларов", "Арман Шаккалиев"),
        ("300 млн долларов", "Арман Шаккалиев"), ("2 млрд долларов", "Арман Шаккалиев")]


@pytest.mark.parametrize("text,expected", [
    ("Trade reached $1 billion in 2023. This year it increased by 20%.",
     [("$1 billion", 1e9, "actual"), ("increased by 20%", 1.2e9, "actual")]),
    ("Trade rose by 12% to $1.2 billion.", [("$1.2 billion", 1.2e9, "actual")]),
    ("Trade turnover reached $902.3 million, up 12.4% year-on-year.", [("$902.3 million", 902.3e6, "actual")]),
    ("Trade reached $1 billion. We plan to double trade to $2 billion.",
     [("$1 billion", 1e9, "actual"), ("$2 billion", 2e9, "target")]),
    ("Trade should reach $3 billion by 2030.", [("$3 billion", 3e9, "target")]),
])
def test_percent_changes_and_stated_targets(text, expected):
    f, _ = figures_in_text(text, "t", year=2024)
    assert list(zip(f["surface"], f["value_usd"], f["claim"])) == expected


def test_reference_series_is_validated(tmp_path):
    from analysis.config import ConfigError, load_reference
    p = tmp_path / "ref.csv"
    p.write_text("year,value,source\n2012,1e9,Office\n2013,lots,Office\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ref.csv: line 3: value must be a number"):
        load_reference(p)
    p.write_text("yr,val\n2012,1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="needs the columns year and value"):
        load_reference(p)
    p.write_text("year,value\n2013,1.1e9\n2012,1e9\n", encoding="utf-8")
    assert list(load_reference(p)["year"]) == [2012, 2013]


LIKE_FOR_LIKE = {
    "a.txt": "Trade up\n\nTrade between Belarus and Kazakhstan reached $1.2 billion in 2019.\n",
    "b.txt": "China\n\nTrade between Kazakhstan and China reached $20 billion in 2019.\n",
    "c.txt": "Half-year\n\nIn the first half of 2019, trade between Belarus and Kazakhstan was $500 million.\n",
    "d.txt": "Exports\n\nBelarus' exports to Kazakhstan were $800 million in 2019.\n",
    "e.txt": "Statistics\n\nTrade between Belarus and Kazakhstan was $600 million in 2019, according to Kazakh statistics.\n",
    "f.txt": "Plans\n\nBelarus and Kazakhstan plan to bring trade to $3 billion in 2019.\n",
    "g.txt": "Tenge\n\nTrade between Belarus and Kazakhstan hit 500 billion tenge in 2019.\n",
    "h.txt": "Another source\n\nBelarus-Kazakhstan trade totalled $1.25 billion in 2019.\n",
}


@pytest.fixture(scope="module")
def like_for_like(tmp_path_factory):
    from analysis.corpus import load_corpus
    d = tmp_path_factory.mktemp("l4l")
    for name, text in LIKE_FOR_LIKE.items():
        (d / name).write_text(text, encoding="utf-8")
    figs, _ = extract_figures(load_corpus(d).articles)
    return figs


def test_disagreements_are_like_for_like_only(like_for_like):
    d = find_discrepancies(like_for_like)
    assert set(zip(d["parties"], d["flow"], d["period"])) == {("Belarus|Kazakhstan", "turnover", "2019")}
    pairs = {tuple(sorted((a[:1], b[:1]))) for a, b in zip(d["article_a"], d["article_b"])}
    assert pairs == {("a", "e"), ("e", "h")}      # not the half-year, the exports, China, the target or tenge


def test_a_group_of_sources_is_one_finding_with_every_source(like_for_like):
    from analysis.figures import disagreements
    g = disagreements(like_for_like)
    assert len(g) == 1
    r = g.iloc[0]
    assert (r["parties"], r["flow"], r["period"], r["unit"], r["n_sources"]) == ("Belarus|Kazakhstan", "turnover", "2019", "USD", 3)
    assert [s["value"] for s in r["sources"]] == [6e8, 1.2e9, 1.25e9]
    assert r["sources"][0]["reporter"] == "Kazakhstan statistics"
    assert r["spread"] == round(1.25e9 / 6e8, 2)


def test_amounts_in_another_currency_disagree_only_with_that_currency(tmp_path):
    from analysis.corpus import load_corpus
    (tmp_path / "a.txt").write_text("A\n\nKazakhstan's budget for 2024 is 23 trillion tenge.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B\n\nKazakhstan's budget for 2024 is 15 trillion tenge.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("C\n\nKazakhstan's budget for 2024 is $40 billion.\n", encoding="utf-8")
    d = find_discrepancies(extract_figures(load_corpus(tmp_path).articles)[0])
    assert len(d) == 1 and {d.iloc[0]["surface_a"], d.iloc[0]["surface_b"]} == {"23 trillion tenge", "15 trillion tenge"}
    assert d.iloc[0]["unit"] == "KZT" and d.iloc[0]["low_b"] == d.iloc[0]["high_b"] == 23e12


def test_claims_chart_draws_one_series_per_pair_and_flow_and_leaves_out_unconverted_amounts(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    from analysis import charts
    from analysis.corpus import load_corpus
    pairs = ["Belarus and Kazakhstan", "Kazakhstan and China", "Russia and China", "Belarus and Russia",
             "Kazakhstan and Uzbekistan", "Belarus and Uzbekistan", "Russia and Kazakhstan", "China and Belarus"]
    for i, pair in enumerate(pairs):
        for j in range(len(pairs) - i):          # the first pairs are reported most
            (tmp_path / f"a{i}_{j}.txt").write_text(
                f"T\n\nTrade between {pair} reached ${(i + 1) * 10 ** (i % 3)} million in {2015 + j}.\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("T\n\nTrade between Belarus and Kazakhstan reached 500 billion tenge in 2019.\n",
                                    encoding="utf-8")
    figs, _ = extract_figures(load_corpus(tmp_path).articles)
    fig = charts.figures_over_time(figs)
    ax = fig.axes[0]
    labels = ax.get_legend_handles_labels()[1]
    assert labels[:2] == ["Belarus–Kazakhstan, turnover", "China–Kazakhstan, turnover"] and len(labels) == 6
    assert ax.get_yscale() == "log"                       # $1 million to $800 million
    note = fig.texts[-1].get_text()
    assert "Belarus–China, turnover" in note and "1 amount in other currencies" in note


def test_plain_rubles_take_the_currency_the_article_means():
    cases = [("Belarusian enterprises received 2 billion rubles in subsidies in 2023.", "en", "BYN"),
             ("Belarus and Russia traded goods worth 4 trillion rubles, the Bank of Russia said.", "en", "RUB"),
             ("Exports reached 3 billion Belarusian rubles, imports 2 billion rubles.", "en", "BYN"),
             ("The budget is 5 billion rubles.", "en", "RUB"),
             ("Белорусские предприятия получили 2 млрд рублей субсидий.", "ru", "BYN"),
             ("Объем составил 5 млрд рублей, сообщили в Банке России.", "ru", "RUB")]
    for text, lang, code in cases:
        f, _ = figures_in_text("T\n\n" + text, "t", lang=lang)
        last = f.iloc[-1]
        assert (last["currency"], bool(last["currency_inferred"])) == (code, True), text


def test_an_amount_written_as_one_hyphenated_adjective_is_an_amount():
    cases = [("They will build a 45-million-euro plant.", "45-million-euro", "EUR", 45e6),
             ("A 1.2-billion-dollar deal was signed.", "1.2-billion-dollar", "USD", 1.2e9),
             ("The 300-million-yuan loan was approved.", "300-million-yuan", "CNY", 300e6)]
    for text, surface, code, amount in cases:
        f, _ = figures_in_text("T\n\n" + text, "t", lang="en")
        assert list(zip(f["surface"], f["currency"], f["amount"])) == [(surface, code, amount)], text


def test_russian_dram_and_lira_in_any_case_are_their_currencies():
    cases = [("Объем инвестиций составил 12 млрд драмов.", "12 млрд драмов", "AMD", 12e9),
             ("Армения получила 5 млрд драм кредита.", "5 млрд драм", "AMD", 5e9),
             ("Выручка достигла 40 млрд армянских драмов.", "40 млрд армянских драмов", "AMD", 40e9),
             ("Экспорт составил примерно 330 млрд лир.", "примерно 330 млрд лир", "TRY", 330e9)]
    for text, surface, code, amount in cases:
        f, _ = figures_in_text("T\n\n" + text, "t", lang="ru")
        assert list(zip(f["surface"], f["currency"], f["amount"])) == [(surface, code, amount)], text


def test_a_rate_stated_in_the_article_converts_and_is_not_an_amount():
    for text, lang in [("At the exchange rate of 450 tenge per dollar, exports of 45 billion tenge came to about $100 million.", "en"),
                       ("1 USD = 450 KZT. Exports reached 45 billion tenge.", "en"),
                       ("По курсу 450 тенге за доллар экспорт на 45 млрд тенге составил около 100 млн долларов.", "ru")]:
        f, _ = figures_in_text("T\n\n" + text, "t", lang=lang)
        tenge = f[f["currency"] == "KZT"]
        assert len(tenge) == 1 and abs(tenge.iloc[0]["value_usd"] - 1e8) < 1, list(f["surface"])
        assert not f["surface"].str.contains("450").any()


def test_a_scale_word_of_another_language_after_the_sign_is_not_one_dollar():
    f, _ = figures_in_text("Trade reached $1 млрд in 2023.", "t", lang="en")
    assert list(zip(f["surface"], f["value_usd"])) == [("$1 млрд", 1e9)]
    f, _ = figures_in_text("The sign $ alone, or $ and a word, is no amount.", "t", lang="en")
    assert f.empty


def test_exports_in_opposite_directions_and_inherited_periods_are_not_compared(tmp_path):
    from analysis.corpus import load_corpus
    texts = {"a.txt": "A\n\nBelarus' exports to Kazakhstan reached $912 million in 2023.\n",
             "b.txt": "B\n\nKazakhstan's exports to Belarus reached $100 million in 2023.\n",
             "c.txt": "C\n\nChina invested more than $20 billion in Kazakhstan in 2005-2020. "
                      "Several hundred million dollars more arrive every year.\n",
             "d.txt": "D\n\nChinese companies invested $21 billion in Kazakhstan in 2005-2020.\n",
             "e.txt": "E\n\nЭкспорт Беларуси в Казахстан вырос с 640 млн долларов в 2021 году до 912 млн долларов в 2023 году.\n"}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    figs, _ = extract_figures(load_corpus(tmp_path).articles)
    assert find_discrepancies(figs).empty
    e = figs[figs["article_id"].str.startswith("e")]
    assert list(e["qualifier"]) == ["exact", "exact"] and list(e["value_usd"]) == [640e6, 912e6]


def test_a_figure_for_part_of_the_trade_is_not_set_against_the_whole(tmp_path):
    from analysis.pipeline import analyse
    (tmp_path / "a.txt").write_text("Farm trade\n\nAgricultural trade between China and Kazakhstan exceeded $1.5 billion "
                                    "in 2024, the ministry said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Trade\n\nTrade between China and Kazakhstan reached $43.8 billion in 2024, customs "
                                    "said.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Торговля\n\nТоварооборот Казахстана и Китая в 2024 году составил $30 млрд, "
                                    "сообщили в бюро статистики.\n", encoding="utf-8")
    d = analyse(tmp_path).discrepancies
    assert len(d) == 1 and {d.loc[0, "article_a"], d.loc[0, "article_b"]} == {"b.txt", "c.txt"}
    assert d.loc[0, "scope"] == ""


def test_a_fall_from_one_amount_to_another_keeps_the_second_amounts_own_value():
    for text, lang in [("Trade fell from $2 billion to $1.5 billion in 2024.", "en"),
                       ("If the leasing budget is cut from KZT 450bn to KZT 300bn, farmers will suffer.", "en"),
                       ("Товарооборот снизился с 2 млрд долларов в 2023 году до 1,5 млрд долларов в 2024 году.", "ru")]:
        rows, _ = figure_rows(text, "a", 2026, [], lang=lang)
        assert len(rows) == 2, text
        assert rows[1]["amount"] < rows[0]["amount"], text


def test_fractions_of_a_scale_word_are_read():
    cases = [("The plant will cost a quarter of a billion dollars.", "en", "a quarter of a billion dollars", 2.5e8),
             ("The banks pledged another three quarters of a billion dollars.", "en",
              "three quarters of a billion dollars", 7.5e8),
             ("Trade reached half a billion dollars.", "en", "half a billion dollars", 5e8),
             ("Завод обойдется в четверть миллиарда долларов.", "ru", "четверть миллиарда долларов", 2.5e8),
             ("Фонд составит полтора миллиарда долларов.", "ru", "полтора миллиарда долларов", 1.5e9)]
    for text, lang, surface, usd in cases:
        f, _ = figures_in_text("T\n\n" + text, "t", 2024, lang=lang)
        assert list(zip(f["surface"], f["value_usd"])) == [(surface, usd)], text


def test_a_year_before_to_is_not_the_first_end_of_a_range():
    # "in 2021 to 1.5 billion dollars" is a year, then the second amount; each amount keeps its own year
    for text, lang, want in [
            ("Trade rose from 1.1 billion dollars in 2021 to 1.5 billion dollars in 2024.", "en",
             [("1.1 billion dollars", 1.1e9, 2021), ("1.5 billion dollars", 1.5e9, 2024)]),
            ("Exports fell from about 400 million dollars in 2022 to 350 million dollars in 2023.", "en",
             [("about 400 million dollars", 4e8, 2022), ("350 million dollars", 3.5e8, 2023)]),
            ("Товарооборот вырос с 1,1 млрд долларов в 2021 году до 1,5 млрд долларов в 2024 году.", "ru",
             [("1,1 млрд долларов", 1.1e9, 2021), ("1,5 млрд долларов", 1.5e9, 2024)])]:
        f, _ = figures_in_text("T\n\n" + text, "t", 2025, lang=lang)
        assert list(zip(f["surface"], f["value_usd"], f["year"])) == want, text


def test_a_currency_code_that_opens_the_next_amount_is_not_the_year_s_currency():
    f, _ = figures_in_text("T\n\nThe Board recommended dividends for 2025 of KZT 130 billion, or KZT 501 per share.",
                           "t", 2026, lang="en")
    assert list(f["surface"]) == ["KZT 130 billion", "KZT 501"]


def test_a_range_in_a_currency_with_no_rate_has_its_lower_end_as_amount():
    for text, lang, surface, low in [("Capex will be KZT 550–600 billion next year.", "en", "KZT 550–600 billion", 550e9),
                                     ("The programme needs between 30 and 40 billion tenge.", "en",
                                      "between 30 and 40 billion tenge", 30e9),
                                     ("Выпуск облигаций может достигнуть 6–7 трлн тенге.", "ru", "6–7 трлн тенге", 6e12)]:
        f, _ = figures_in_text("T\n\n" + text, "t", 2024, lang=lang)
        r = f.iloc[0]
        assert (r["surface"], r["amount"], r["currency"], r["qualifier"]) == (surface, low, "KZT", "range"), text
        assert pd.isna(r["value_usd"])
    f, _ = figures_in_text("T\n\nThe project will cost $2-3 billion.", "t", 2024, lang="en")
    assert (f.iloc[0]["low_usd"], f.iloc[0]["high_usd"], f.iloc[0]["value_usd"]) == (2e9, 3e9, 2.5e9)


def _quoted(text: str, lang: str):
    """Figures of `text` with every «…» or "…" span as a direct quote of 'X'."""
    import re as _re
    spans = pd.DataFrame([{"start": m.start(), "end": m.end(), "speaker": "X", "kind": "direct"}
                          for m in _re.finditer(r"«[^»]*»|\"[^\"]*\"", text)])
    return figures_in_text(text, "t", 2024, spans, lang=lang)[0]


def test_a_bare_amount_in_a_quote_far_from_its_currency_takes_the_article_s_currency():
    para = "\n\nThe governor presented plans for assembly lines, grain, timber and buses for the city.\n\n"
    text = ("T\n\nTrade between Belarus and the region reached $395 million last year." + para
            + '"Four hundred million would be good," Lukashenko said. "We can reach half a billion in two years. '
              'The region has 1.3 million people."')
    f = _quoted(text, "en")
    assert list(zip(f["surface"], f["value_usd"])) == [("$395 million", 3.95e8), ("Four hundred million", 4e8),
                                                       ("half a billion", 5e8)]
    ru = ("T\n\nТоварооборот с областью достиг $310 млн.\n\nГубернатор рассказал о планах.\n\n"
          "«Мы с вами договаривались о трех миллиардах. В области живут 1,3 миллиона человек», — сказал он.")
    f = _quoted(ru, "ru")
    assert list(zip(f["surface"], f["value_usd"])) == [("$310 млн", 3.1e8), ("трех миллиардах", 3e9)]
    # not in a quote, or in an article written mostly in another currency: not money
    assert list(_quoted(ru.replace("«", "").replace("»", ""), "ru")["surface"]) == ["$310 млн"]
    mixed = ru.replace("Товарооборот", "Экспорт составил 2 млрд рублей, импорт — 5 млрд рублей. Товарооборот")
    assert list(_quoted(mixed, "ru")["surface"]) == ["2 млрд рублей", "5 млрд рублей", "$310 млн"]


def test_a_stretch_of_time_before_a_bare_amount_is_not_what_it_counts():
    for text, surface in [("Торговля составила 1,16 млрд долларов, а в 2019 году — 850 млн.", "850 млн"),
                          ("Товарооборот составил 6 409,5 млн долларов. Инвестиции за все годы превысили 6 млрд.",
                           "превысили 6 млрд")]:
        f, _ = figures_in_text("T\n\n" + text, "t", 2024, lang="ru")
        assert surface in list(f["surface"]), text
    f, _ = figures_in_text("T\n\nExports were $2 billion; the population of 20 million grew.", "t", 2024, lang="en")
    assert list(f["surface"]) == ["$2 billion"]


def test_a_number_before_a_stretch_of_time_counts_the_time_not_what_follows():
    for text, lang in [("В течение двух недель компании подписали контракты.", "ru"),
                       ("Within two weeks companies signed contracts.", "en")]:
        _, q = figures_in_text("T\n\n" + text, "t", 2024, lang=lang)
        assert q.empty, text
    _, q = figures_in_text("T\n\nВ проекте участвуют семь крупных предприятий.", "t", 2024, lang="ru")
    assert list(zip(q["surface"], q["value"])) == [("семь крупных предприятий", 7.0)]


def test_a_bare_number_after_an_amount_in_its_sentence_is_an_amount_of_the_same_kind():
    for text, lang, want in [
            ("Beef costs 750 som a kilogram; lamb, 820.", "en", [("750 som", 750, "KGS"), ("820", 820, "KGS")]),
            ("A ram that sold for 8,000 som now sells for 13,000, a farmer said.", "en",
             [("8,000 som", 8000, "KGS"), ("13,000", 13000, "KGS")]),
            ("Фермеры продают бычка за 350 тысяч тенге вместо 450.", "ru",
             [("350 тысяч тенге", 350e3, "KZT"), ("450", 450e3, "KZT")]),
            ("Экспорт составил около 82 млрд долларов, импорт — около 63.", "ru",
             [("около 82 млрд долларов", 82e9, "USD"), ("около 63", 63e9, "USD")])]:
        f, _ = figures_in_text("T\n\n" + text, "t", 2024, lang=lang)
        assert list(zip(f["surface"], f["amount"], f["currency"])) == want, text


def test_numbers_of_another_kind_after_an_amount_are_not_amounts():
    for text, lang in [("Exports reached $74 million. The number of joint ventures has exceeded 60, and more.", "en"),
                       ("Exports reached $74 million on 12 May, and $80 million in 2023.", "en"),
                       ("Exports reached $74 million, 12% more, and 30 companies took part.", "en"),
                       ("Уставный фонд СП составит 18 млн долларов, доли сторон — 50 на 50.", "ru"),
                       ("Экспорт составил 18 млн долларов, а в 2019 году — 2 млрд рублей.", "ru")]:
        f, _ = figures_in_text("T\n\n" + text, "t", 2024, lang=lang)
        assert all(any(c.isalpha() or c in "$€" for c in s) for s in f["surface"]), (text, list(f["surface"]))


@pytest.mark.parametrize("text, lang, surface, currency, value", [
    # the same value written out before, however far and in whatever currency the article writes most
    ("Talks\n\nThe sides set a target of $3 billion in trade. Belarus sends 12 million Belarusian rubles of parts and "
     "Kazakhstan 2.3 trillion tenge of grain.\n\nHe described the target as realistic. “Three billion is not a "
     "dream. It is arithmetic,” he said.\n", "en", "Three billion", "USD", 3e9),
    # else the nearest amount before it of the same order of magnitude
    ("Встреча\n\nТоварооборот в прошлом году составил около $1,1 млрд.\n\n«Я вам скажу откровенно: полтора "
     "миллиарда — это минимум, на который мы должны выйти», — подчеркнул Президент.\n\nБелорусская сторона "
     "вложит 12 млн белорусских рублей, область — 2,3 млрд российских рублей.\n", "ru", "полтора миллиарда",
     "USD", 1.5e9),
])
def test_a_bare_amount_in_a_quote_takes_the_currency_of_the_amount_it_echoes(text, lang, surface, currency, value):
    starts = [i for i, c in enumerate(text) if c in "“«"]
    ends = [i + 1 for i, c in enumerate(text) if c in "”»"]
    quotes = [(s, e, "X") for s, e in zip(starts, ends)]
    figs, _ = figure_rows(text, "t", 2025, quotes, {}, lang=lang)
    hit = [f for f in figs if f["surface"] == surface]
    assert hit and hit[0]["currency"] == currency and hit[0]["value_usd"] == value, [f["surface"] for f in figs]
