"""Theme counts on the seeds, verified by hand, and the lexicon's rules."""
import re

import pytest

from analysis.config import ConfigError
from analysis.themes import (MENTION_COLUMNS, THEME_COLUMNS, article_share, by_month, by_speaker, cooccurrence,
                             load_lexicon, suggest_terms)

# Every mention read off the seed texts by hand (in text order).
HAND = {
    ("000", "trade"): ["trade", "trade", "supply", "goods", "goods", "supplies", "supply", "market", "goods", "market", "export"],
    ("000", "machinery"): ["engineering products", "BelAZ", "trucks", "grain harvesters", "agricultural machinery", "combines",
                           "harvesters", "agricultural equipment", "machinery", "equipment", "machinery", "machine-building"],
    ("000", "agriculture"): ["agricultural machinery", "agricultural site", "grain", "crop", "hectares", "agricultural equipment",
                             "agriculture", "agricultural enterprise", "farm"],
    ("000", "joint_ventures"): ["joint production facilities"],
    ("001", "trade"): ["trade", "goods", "markets", "merchandise", "markets", "bilateral trade", "traded", "merchandise", "markets"],
    ("001", "agriculture"): ["agriculture"],
    ("001", "joint_ventures"): ["industrialization", "industrialization", "joint ventures"],
    ("001", "integration"): ["Single Economic Space", "Single Economic Space", "integration processes"],
    ("003", "trade"): ["trade", "economic agenda", "mutual trade", "trade", "mutual trade", "export", "supply goods", "sales",
                       "exporters", "supplying", "exporting"],
    ("003", "machinery"): ["machine-building", "BELAZ", "machinery", "equipment", "machinery", "BELAZ", "trucks",
                           "grain harvesting machinery", "agricultural equipment", "harvesters", "harvesters",
                           "agricultural machinery", "equipment", "machinery", "equipment"],
    ("003", "agriculture"): ["agricultural sector", "wheat", "agricultural equipment", "agricultural site", "grain fields",
                             "agricultural machinery"],
    ("003", "interregional"): ["interregional cooperation", "thematic forum", "regions", "regional ties", "governors",
                               "local leadership’s", "regional heads", "interregional cooperation", "governors",
                               "interregional cooperation", "thematic forum", "interregional cooperation", "Regions",
                               "governors", "Governors", "mid-level cooperation"],
    ("003", "joint_ventures"): ["joint manufacturing ventures", "joint production facilities", "joint manufacturing enterprises"],
    ("003", "integration"): ["Shanghai Cooperation Organization", "Eurasian Economic Union", "EAEU",
                             "Collective Security Treaty Organization", "CSTO", "Commonwealth of Independent States", "CIS",
                             "United Nations"],
}


def test_seed_mentions_equal_the_hand_count(seed_results):
    m = seed_results.theme_mentions
    got = {(a[:3], t): list(g["surface"]) for (a, t), g in m.groupby(["article_id", "theme"])}
    assert got == HAND
    th = seed_results.themes
    assert list(th.columns) == THEME_COLUMNS and list(m.columns) == MENTION_COLUMNS
    hits = {(a[:3], t): h for a, t, h in zip(th["article_id"], th["theme"], th["hits"])}
    assert hits == {k: len(v) for k, v in HAND.items()}


def test_themes_present_match_the_gold(seed_results):
    import json
    from conftest import GOLD
    th = seed_results.themes
    for p in GOLD.glob("*.json"):
        gold = json.loads(p.read_text(encoding="utf-8"))
        got = set(th.loc[th["article_id"] == gold["file"], "theme"]) - {"integration"}
        assert got == set(gold["themes_present"]), gold["file"]


def test_measures(seed_results):
    th = seed_results.themes.set_index(["article_id", "theme"])
    n_words = dict(zip(seed_results.articles["article_id"], seed_results.articles["n_words"]))
    r = th.loc[("000_6a241dff57038185.txt", "machinery")]
    assert r["per_1k_words"] == round(1000 * 12 / n_words["000_6a241dff57038185.txt"], 2)
    assert 0 < r["sentence_share"] < 1 and r["narrative_hits"] + r["quoted_hits"] == 12
    share = article_share(seed_results.themes, seed_results.articles).set_index("theme")
    assert share.loc["trade", "article_share"] == 1.0 and share.loc["interregional", "articles"] == 1


def test_offsets_slice_the_surface(seed_results):
    texts = dict(zip(seed_results.articles["article_id"], seed_results.articles["text"]))
    for r in seed_results.theme_mentions.itertuples():
        assert texts[r.article_id][r.start:r.end] == r.surface


def test_speaker_split_and_cooccurrence(seed_results):
    sp = by_speaker(seed_results.theme_mentions)
    assert sp.loc["Aleksandr Lukashenko", "machinery"] > 0
    co = cooccurrence(seed_results.theme_mentions)
    assert ("agriculture", "machinery") in set(zip(co["theme_a"], co["theme_b"]))
    table, undated = by_month(seed_results.themes, seed_results.articles)
    assert list(table.index) == ["2013-04", "2026-02"] and undated.empty


def test_inflection_hyphen_case_and_longest_match(tmp_path):
    (tmp_path / "t.yml").write_text(
        "themes:\n  machinery:\n    terms: [machine-building, BelAZ, agricultural machinery, harvester]\n"
        "  agriculture:\n    terms: [agricultural machinery, agricultural, \"=harvest\"]\n", encoding="utf-8")
    lex = load_lexicon(tmp_path / "t.yml")
    text = "Machine building and BELAZ; Harvesters and agricultural machinery; the harvest was agricultural."
    got = [(text[s:e], t) for s, e, t, _ in lex.match(text)]
    assert got == [("Machine building", "machinery"), ("BELAZ", "machinery"), ("Harvesters", "machinery"),
                   ("agricultural machinery", "agriculture"), ("agricultural machinery", "machinery"),
                   ("harvest", "agriculture"), ("agricultural", "agriculture")]


@pytest.mark.parametrize("yaml_text,message", [
    ("themes:\n  trade:\n    terms: trade\n    colour: red\n", "themes.trade.colour: unknown key"),
    ("themes:\n  Trade Things:\n    terms: [x]\n", "themes.Trade Things: theme keys"),
    ("themes:\n  energy:\n    label: Energy\n", "themes.energy.terms: required (no language pack"),
    ("themes:\n  trade:\n    terms: {en: [trade], xx: [handel]}\n", "themes.trade.terms.xx: no language pack 'xx'"),
    ("themes: [unclosed\n", "invalid YAML at line"),
    ("themes:\n  trade:\n    terms: [1, 2]\n", "themes.trade.terms[0]: expected text"),
])
def test_lexicon_errors_name_the_key(tmp_path, yaml_text, message):
    p = tmp_path / "themes.yml"
    p.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_lexicon(p)


def test_suggestions_are_not_already_in_the_lexicon(seed_results):
    s = suggest_terms(seed_results.articles, load_lexicon())
    assert not s.empty
    assert not {"trade", "machinery", "kazakhstan", "lukashenko"} & set(s["term"])


def test_exclusions_drop_look_alike_mentions():
    lex = load_lexicon()
    t = "The central bank governor met the governors of two regions. Medical equipment and mining equipment arrived."
    assert [(t[s:e], th) for s, e, th, _ in lex.match(t)] == [
        ("governors", "interregional"), ("regions", "interregional"), ("equipment", "machinery")]


def test_matches_do_not_depend_on_the_words_met_before(monkeypatch):
    """The matcher remembers which pieces of text can start a term; a full table starts afresh with the same results."""
    t = ("Medical equipment and mining equipment arrived; agricultural machinery, the harvest and "
         "Trade-turnover with regions. Bilateral trade grew, exports too.")
    fresh = load_lexicon().match(t)
    lex = load_lexicon()
    m = lex.matcher("en")
    monkeypatch.setattr(m, "WORD_TABLE_MAX", 3)
    for _ in range(3):     # the word tables fill up and are cleared mid-article
        assert lex.match(t) == fresh
        assert len(m._pieces) <= len(set(t.split()))
    assert [t[s:e] for s, e, _, _ in fresh][:3] == ["equipment", "agricultural machinery", "agricultural machinery"]


def test_a_term_inside_a_longer_word_or_after_punctuation_is_found_at_its_own_place():
    """Pieces of text between spaces are looked up whole: a term inside another word is not a mention,
    one wrapped in punctuation or joined by '.' or '_' is, each at its own offset."""
    t = "Agromachinery and xmachinery: machinery, (machinery) and tractors; machinery.exports machinery_parts"
    got = [(s, t[s:e], th) for s, e, th, _ in load_lexicon().match(t)]
    assert got == [(30, "machinery", "machinery"), (42, "machinery", "machinery"), (57, "tractors", "machinery"),
                   (67, "machinery", "machinery"), (77, "exports", "trade"), (85, "machinery", "machinery")]


def test_a_phrase_runs_over_line_breaks_and_hyphens_but_not_over_a_dash_or_a_comma():
    t = "agricultural\nmachinery, agricultural - machinery; agricultural, machinery; agricultural—machinery"
    got = [t[s:e] for s, e, th, _ in load_lexicon().match(t) if th == "machinery"]
    assert got == ["agricultural\nmachinery", "agricultural - machinery", "machinery", "machinery"]


@pytest.mark.parametrize("text, theme", [
    ("Moldova and Ukraine launched a jointly operated grain terminal on the Danube.", "joint_ventures"),
    ("The plant will be jointly owned by KAMAZ and a Kazakh partner.", "joint_ventures"),
    ("Governors discussed cross-border cooperation between the border regions.", "interregional"),
    ("Delegations from six oblasts signed agreements in Kostanay.", "interregional"),
])
def test_english_terms_for_joint_ownership_and_cross_border_regions(text, theme):
    assert theme in {t for _, _, t, _ in load_lexicon().match(text, "en")}


def test_a_weak_term_counts_only_when_repeated_or_beside_another_term_of_the_theme():
    from analysis.themes import load_lexicon
    lex = load_lexicon()

    def interregional(text, lang):
        return [term.lower() for _, _, theme, term in lex.match(text, lang) if theme == "interregional"]

    once = ("Kazakhstan's exports of zinc rose by a tenth last year, and prices in the regions held steady, "
            "the statistics bureau said.")
    assert interregional(once, "en") == []
    repeated = once + " Fuel was short in several regions as well."
    assert interregional(repeated, "en") == ["regions", "regions"]
    beside = once + " Governors met in Petropavlovsk."
    assert interregional(beside, "en") == ["regions", "governor"]
    ru_once = "В регионах Казахстана выросли цены на бензин, сообщило министерство энергетики."
    assert interregional(ru_once, "ru") == []
    ru_beside = ru_once + " Акимы областей обсудили поставки топлива."
    assert interregional(ru_beside, "ru") == ["регионах", "аким", "областей"]


@pytest.mark.parametrize("text, lang", [
    ("Container traffic from China through the Khorgos crossing hit a record, the railway said.", "en"),
    ("Freight on the Middle Corridor doubled as shippers avoided the northern route.", "en"),
    ("Транзит грузов через Казахстан вырос на треть, сообщили в компании.", "ru"),
    ("Грузоперевозки по Транскаспийскому маршруту выросли в пять раз.", "ru"),
])
def test_freight_and_transit_count_as_trade(text, lang):
    assert "trade" in {t for _, _, t, _ in load_lexicon().match(text, lang)}


def test_traffic_at_a_border_is_not_machinery_but_a_truck_plant_is():
    lex = load_lexicon()

    def themes(text, lang):
        return {t for _, _, t, _ in lex.match(text, lang)}

    assert "machinery" not in themes("The president said trucks now cross the border in minutes rather than hours.", "en")
    assert "machinery" not in themes("Пропускная способность пункта — до 2 тыс. грузовиков в сутки.", "ru")
    assert "machinery" in themes("The plant in Kostanay assembles MAZ trucks; its trucks sell across Central Asia.", "en")
    assert "machinery" in themes("Завод будет собирать грузовики и автобусы.", "ru")


def test_a_lexicon_that_has_matched_text_can_be_sent_to_another_process():
    import pickle
    lex = load_lexicon()
    t = "Agricultural machinery exports to the regions grew; trade turnover too."
    found = lex.match(t)
    copy = pickle.loads(pickle.dumps(lex))
    assert copy.match(t) == found and found
    assert lex.match(t) == found          # the original keeps its matchers
