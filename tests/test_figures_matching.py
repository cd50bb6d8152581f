"""The figures extractor's one-pass matching (`Folded`, `Firsts`, `search_at`, `matches_at`) finds exactly
what its case-insensitive regexes find when they are tried at every position."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis import figures as F
from analysis.text import normalise, sentences

ROOT = Path(__file__).resolve().parent.parent

TRICKY_EN = (
    "KAZAKHSTAN and kazakhstan, Kazakhstani and Kazakh tenge; Russia, Russian rubles, Russians, RUSSIA's trade.\n"
    "Belarus-Kazakhstan turnover reached $1.2bn; U.S.-China talks, the US$ 300 mln deal and USD5bn loans.\n"
    "The European Union (EU) and the EAEU; Belarusians in Minsk; petrodollars from Russia and 5 millionth visitor.\n"
    "ſome ſtrange ſpelling; a ΣΟΦΟΣ word; a half of it, about a billion and more, 20 million people, top-5 partners."
)
TRICKY_RU = (
    "Товарооборот Беларуси и Казахстана (КАЗАХСТАНОМ, казахстанской) вырос до 1,2 млрд долларов США.\n"
    "Белорусских рублей стало больше: 150 млн белорусских рублей; российский рубль и Российской Федерации.\n"
    "ЕС и ЕАЭС, Ёлка и елка; Республика Беларусь — двух стран; около полутора миллиардов, 20 млн человек.\n"
    "ᲀ Казахстане ᲂдин (старые варианты букв) и Россией; 3 млрд. долларов и 5 млрд руб."
)


def _real_texts() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "dev").glob("figures_*/*.txt"))
    return [normalise(p.read_text(encoding="utf-8")) for p in files]


def test_fold_equates_what_ignorecase_equates():
    # every character that re.I matches to a letter must fold to the same character as that letter
    letters = [chr(c) for c in range(0x20, 0x2000) if chr(c).isalpha()] + ["ᲀ", "ᲁ", "ᲂ", "ᲃ", "ᲄ", "ᲅ", "ᲆ", "K", "Å"]
    for a in letters:
        rx = re.compile(re.escape(a), re.I)
        for b in {a.lower(), a.upper(), a.casefold(), *F._FOLD.values()}:
            if len(b) == 1 and rx.fullmatch(b) and len(a.lower()) == 1:
                assert F.fold(a) == F.fold(b), (a, b)


def test_fold_keeps_offsets_or_declines():
    folded = F.Folded("Kazakhstan, ΣΟΦΟΣ, σοφος").folded
    assert folded[:11] == "kazakhstan," and folded[12:17] == folded[19:]    # final and medial sigma fold alike
    assert F.Folded("İstanbul and Kazakhstan").folded is None     # İ lower-cases to two characters


@pytest.mark.parametrize("lang, text", [("en", TRICKY_EN), ("ru", TRICKY_RU)])
def test_place_names_found_in_one_pass_are_those_the_regex_finds(lang, text):
    places, vocab = F._places(lang), F.load_vocab(lang)
    one_pass = [(m.start, m.end, m.name) for m in F._mentions(text, places, vocab, F.Folded(text))]
    regex = [(m.start, m.end, m.name) for m in F._mentions(text, places, vocab)]
    assert one_pass == regex
    assert len(regex) >= 8          # the tricky text does name places (inflected, upper case, hyphenated)


@pytest.mark.parametrize("lang, text", [("en", TRICKY_EN), ("ru", TRICKY_RU)])
def test_currency_names_hide_the_same_place_mentions(lang, text):
    places, vocab = F._places(lang), F.load_vocab(lang)
    ms = F._mentions(text, places, vocab)
    kept = F._not_in_currency(text, ms, vocab, F.Folded(text))
    assert [(m.start, m.end) for m in kept] == [(m.start, m.end) for m in F._not_in_currency(text, ms, vocab)]
    assert len(kept) < len(ms)      # "Russian rubles", "белорусских рублей": a currency's name, not a place


@pytest.mark.parametrize("lang, text", [("en", TRICKY_EN), ("ru", TRICKY_RU)])
def test_money_search_in_any_window_matches_the_regex_search(lang, text):
    g = F._grammar(lang)
    starts = F.Folded(text).starts(g.firsts)
    for pos in range(0, len(text), 7):
        for endpos in range(pos, min(len(text), pos + 160) + 1, 5):
            want = g.money.search(text, pos, endpos)
            got = F.search_at(g.money, text, starts, pos, endpos)
            assert (got and got.span()) == (want and want.span()), (pos, endpos)


def test_a_window_that_cuts_a_word_still_finds_the_cut_match():
    # with endpos the string ends there: "ab" of "abc" is then a whole word for the regex
    rx = re.compile(r"(?<![\w])(?:ab)(?![\w])", re.I)
    text = "xx ABC yy ab"
    starts = F.Folded(text).starts(F.firsts_of(words=["ab"]))
    assert starts == [10]                       # the whole word "ab" stands only at the end
    for pos in range(len(text)):
        for endpos in range(pos, len(text) + 1):
            want = rx.search(text, pos, endpos)
            got = F.search_at(rx, text, starts, pos, endpos)
            assert (got and got.span()) == (want and want.span()), (pos, endpos)
    assert F.search_at(rx, text, starts, 0, 5).span() == (3, 5)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_matcher_gives_the_same_rows_on_real_articles(lang):
    vocab = F.load_vocab(lang)
    texts = _real_texts() + [TRICKY_EN, TRICKY_RU]
    found = 0
    for text in texts:
        folded = F.Folded(text)
        figs = F._money_in(text, vocab)
        key = lambda fs: [(f.start, f.end, f.low, f.high, f.currency, f.qualifier) for f in fs]  # noqa: E731
        assert key(F._money_in(text, vocab, folded)) == key(figs)
        plain, rel = F._relative_in(text, list(figs), vocab)
        plain2, rel2 = F._relative_in(text, list(figs), vocab, folded)
        assert (key(plain2), key(rel2)) == (key(plain), key(rel))
        assert F._rates_in(text, vocab, folded) == F._rates_in(text, vocab)
        spans = [(f.start, f.end) for f in figs]
        assert (F.quantity_rows(text, "a", spans, [], sentences(text), lang, folded)
                == F.quantity_rows(text, "a", spans, [], sentences(text), lang))
        found += len(figs)
    assert found > 20


def test_matches_at_is_finditer_when_matches_begin_only_at_the_starts():
    rx = re.compile(r"(?<![\w])(?:ab|abc|b)(?![\w])", re.I)
    text = "ab abc xabc B b-ab"
    firsts = F.firsts_of(words=["ab", "abc", "b"])
    starts = F.Folded(text).starts(firsts)
    assert [m.span() for m in F.matches_at(rx, text, starts)] == [m.span() for m in rx.finditer(text)]
    assert len(list(rx.finditer(text))) == 5


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_periods_and_metrics_in_any_part_of_an_article_match_the_regex(lang):
    # a part may begin or end inside a word ("…ths of 2023" of "months"): the cut word is whole to the regex
    vocab, g = F.load_vocab(lang), F._period_grammar(lang)
    metric_rx, _ = F._phrase_regex(lang, tuple(vocab.metrics), "any")
    text = ("In the first nine months of 2023, exports in Q3 2024 and H1 2022 grew; trade in January-March 2023, "
            "at the end of 2023 and as of 1 January 2024 reached $1 bn; IV quarter imports; traders, tradesmen.\n"
            "В январе-марте 2023 года экспорт и товарооборот за первое полугодие 2024 года, на конец 2023 года, "
            "в III квартале импорт вырос; экспортный импортный.")
    folded = F.Folded(text)
    checked = 0
    for a in range(0, len(text), 3):
        for b in range(a, min(len(text), a + 120) + 1, 11):
            part = text[a:b]
            assert ([m.span() for m in folded.finditer(g.rx, g.firsts, part, a)]
                    == [m.span() for m in g.rx.finditer(part)]), (a, b)
            assert ([m.span() for m in folded.finditer(metric_rx, F._metric_firsts(lang), part, a)]
                    == [m.span() for m in metric_rx.finditer(part)]), (a, b)
            checked += bool(list(g.rx.finditer(part)))
    assert checked > 100


EDGES = ("USD5bn A$3 and Australia, as a US$ deal: U.S.$7 — HK$ 2\tbillion\u00a0dollars\n\nmillion-strong "
         "Q3 q4 IV квартал ii iv v h1 H2 hk cn CN¥ 10\n1Q 2Q billion. МЛН. млн.\u00a0рублей, 5млрд и $$5 €€ 7")


def _word_starts(text: str, firsts: F.Firsts) -> list[int]:
    """Reference: every run of word characters of the folded text tested on its own."""
    f = F.fold(text)
    out = [m.start() for m in F._RUN.finditer(f) if firsts.takes(m.group())]
    if firsts.inside is not None:
        out += [end - n + 1 for end, n in firsts.inside.iter(f)]
    out += [i for i, c in enumerate(f) if c in firsts.chars]
    return sorted(set(out))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_word_starts_from_the_chunk_table_are_those_of_each_word(lang):
    # words at the text's edges, after tabs, newlines and no-break spaces, hyphenated, Cyrillic, upper case
    texts = [EDGES, TRICKY_EN, TRICKY_RU, "billion", " 5", "", "A$", *_real_texts()[:6]]
    grammar, places, periods = F._grammar(lang), F._places(lang), F._period_grammar(lang)
    for text in texts:
        folded = F.Folded(text)
        for firsts in (grammar.firsts, grammar.anchor_firsts, places.firsts, periods.firsts,
                       F._currency_words(lang)[1], F._qty_grammar(lang).firsts):
            assert folded.starts(firsts) == _word_starts(text, firsts), (text[:40], firsts)


def test_a_firsts_made_after_an_article_was_indexed_still_finds_its_words(monkeypatch):
    text = "Zebra crossings and zebras; a ZEBRA."
    folded = F.Folded(text)
    assert folded.starts(F.firsts_of(words=["and"])) == [16]
    late = F.firsts_of(words=["zebra"], prefixes=["zebr"])      # registered after the index was built
    assert folded.starts(late) == [0, 20, 30]
    monkeypatch.setattr(F._Chunks, "LIMIT", 2)                     # a full table forgets, and still answers
    again = F.Folded("zebra1 zebra2 Zebra3 zebra4 zebra5")
    assert again.starts(late) == [0, 7, 14, 21, 28] and len(F._CHUNKS) <= 2


def test_a_sign_or_space_after_a_prefix_makes_it_a_whole_word():
    firsts = F.firsts_of(prefixes=["A$", "US $", "USD", "Br"])
    assert firsts.words == {"a", "us"} and firsts.prefixes == ("br", "usd")
    # "Australia" can no longer open "A$"; "Bread" still may open "Br" (a word that goes on: "Br7")
    assert F.Folded("A$5, Australia, US $3, USD5, Bread, Br7").starts(firsts) == [0, 16, 23, 29, 36]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_anchors_found_by_parts_are_the_anchor_regex_spans(lang):
    g = F._grammar(lang)
    for text in [EDGES, TRICKY_EN, TRICKY_RU, "5", "$", "million", *_real_texts()]:
        assert F._anchor_spans(text, g, F.Folded(text)) == [m.span() for m in g.anchor.finditer(text)], text[:40]
    assert F._anchor_spans("İstanbul 5", g, F.Folded("İstanbul 5")) is None     # not folded: the caller scans


def _plain(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


def test_a_trie_of_phrases_matches_what_their_alternation_matches_in_any_context():
    import random
    rnd = random.Random(7)
    pieces = ["дв", "а", "ух", "adцать", "US", "D", "$", "S", ".", "more", " ", "th", "an", "A", "Б", "ё", "е", "-"]
    for _ in range(300):
        phrases = []
        for _ in range(rnd.randint(1, 12)):
            p = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 4))).strip()
            if p and "  " not in p:
                phrases.append(p)
        if not phrases:
            continue
        if rnd.random() < 0.5:
            phrases.sort(key=len, reverse=True)
        tree = F._trie(phrases)
        assert tree is not None
        words = phrases + [p.upper() for p in phrases] + ["x", "1", "\n", "  ", "  th", "ДВА"]
        for tail in (r"", r"(?![\w])", r"\s*(?P<t>x|[a-z]+)", r"(?:\s+|-)?D", r"\w*?y?$"):
            want, got = re.compile(f"(?:{_plain(phrases)}){tail}", re.I), re.compile(f"(?:{tree}){tail}", re.I)
            for _ in range(10):
                text = "".join(rnd.choice(words) + rnd.choice(["", " ", "  ", "\t"]) for _ in range(4))
                assert ([m.span() for m in got.finditer(text)] == [m.span() for m in want.finditer(text)]
                        ), (phrases, tail, text)


def test_a_trie_declines_phrases_it_cannot_read_as_the_alternation_does():
    assert F._trie(["a  b"]) is None and F._trie([" a"]) is None and F._trie(["a\tb"]) is None
    assert F._trie(["İstanbul"]) is None          # lower-cases to two characters
    assert F._alt(["a\tb", "ab"]) == "a\\\tb|ab"  # the plain alternation instead
    assert F._trie(["more than", "more", "an", "a", "ab"]) == r"(?:more\s+than|more)|(?:an|a|ab)"
    assert F._trie(["ab", "ac", "ad", "ae", "a", "af"]) == "a(?:b|c|d|e||f)"     # a phrase ends between others


def test_phrases_whose_later_words_vary_keep_their_place_in_the_tree():
    # "(?:a|b)\\s+c" spells its phrases; "x\\s+(?:y|z)" stays a piece of its own, tried in its turn
    choices = [[["ab", "a"], ["c"]], [["x"], ["yy", "y"]], [["a"]], [["xa", "x"], ["yy"]], [["ab"], ["cd", "c"]]]
    pieces = [F._piece(c) for c in choices]
    assert isinstance(pieces[1][1], F._Raw) and pieces[0][1] == ["ab c", "a c"]
    plain = re.compile("|".join(rx for rx, _ in pieces), re.I)
    tree = re.compile(F._alternation(pieces), re.I)
    for text in ["ab c", "AB  cd", "a c", "x y", "x yy", "xa yy", "x\nyyy", "a", "ab cdx", "xa  yy"]:
        for tail in ("", r"(?![\w])", r"\s*d"):
            want, got = re.compile(f"(?:{plain.pattern}){tail}", re.I), re.compile(f"(?:{tree.pattern}){tail}", re.I)
            assert [m.span() for m in got.finditer(text)] == [m.span() for m in want.finditer(text)], (text, tail)
