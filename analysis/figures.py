"""Money and trade amounts, with qualifier, range, period, subject and claimant.

`extract_figures(articles, quotes=None, rates=None)` returns two DataFrames.

``figures`` (one row per money amount):

==============  ===============================================================
article_id      the article
figure_id       ``<article_id>#f<n>``
surface         the words of the amount, qualifier included: ``text[start:end]``
value_usd       point value in US dollars: the amount, or the middle of a range
                or vague amount; empty when the currency has no rate
low_usd         lower end of a range or vague amount (USD)
high_usd        upper end (USD)
amount          the amount in the currency's own units (always filled): the point
                value, or the lower end of a range ("KZT 550–600 billion": 550e9)
currency        ISO 4217 code; inferred from the article's last explicit
                currency when the text leaves it out ("a billion and more")
qualifier       exact | approx | at_least | more_than | at_most | less_than | range
vague           True for "several billion", "billions", "a few million"
claim           actual | target | aspiration
metric          trade turnover | exports | imports | investment | contract value | other
year            the year the figure is about (explicit, "last year", or the
                article's year for present-tense facts); empty when unknown
period          the words that set the period ("in 2012", "in the next few years")
relative_to     figure_id of the figure this one is stated against ("double it")
speaker         who said it, when it stands in a direct quote
in_quote        True when inside a direct quote
start, end      offsets of the surface in the article text
sentence        the sentence, for the reader
==============  ===============================================================

``quantities``: other numbers a trade briefing needs (counts, areas, ranks,
percentages, ratios) with ``kind, value, low, high, unit`` instead of the
money columns.

Vague words are turned into ranges from ``figures.yml`` (several = 2 to 9 of
the scale word, a few = 2 to 4, billions = 2 to 9 billion, ...). No exchange
rate is ever invented: amounts in other currencies get ``value_usd`` only
from a rates file the analyst supplies.
"""
from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress, product
from pathlib import Path

import numpy as np
import pandas as pd

from .config import DATA, Checker, load_yaml
from .corpus import article_year
from .quotes import direct_spans
from .text import sentences

FIGURE_COLUMNS = ["article_id", "figure_id", "surface", "value_usd", "low_usd", "high_usd", "amount", "currency",
                  "currency_inferred", "qualifier", "vague", "claim", "metric", "flow", "parties", "exporter",
                  "importer", "year", "period", "period_start", "period_end", "relative_to", "speaker", "reporter",
                  "in_quote", "start", "end", "sentence"]
QUANTITY_COLUMNS = ["article_id", "quantity_id", "surface", "kind", "value", "low", "high", "unit", "qualifier",
                    "vague", "speaker", "in_quote", "start", "end", "sentence"]

SECTIONS_EXPANDED = ("numbers", "scales", "vague", "metrics", "not_money", "currencies")


@dataclass
class Vocab:
    """Everything the money grammar knows about one language (its pack) and the shared currency symbols."""
    lang: str
    currency_pre: list[tuple[str, str]]     # (written form, code), longest first
    currency_post: list[tuple[str, str]]
    qualifiers: list[tuple[str, str]]       # (phrase, qualifier), longest first
    trailing: list[tuple[str, str]]
    vague: dict[str, tuple[float, float]]
    metrics: list[tuple[str, str]]
    claims: dict[str, list[str]]
    relative: dict[str, float]
    not_money: set[str]
    numbers: dict[str, float] = field(default_factory=dict)   # number word form -> value
    articles: dict[str, float] = field(default_factory=dict)  # "a", "an": numbers only before a scale word
    scales: dict[str, float] = field(default_factory=dict)    # scale word form -> factor
    plural: set[str] = field(default_factory=set)             # plural scale forms ("billions")
    short: dict[str, float] = field(default_factory=dict)     # abbreviations after digits
    bare: set[str] = field(default_factory=set)               # scale forms that alone make an amount
    joiners: list[str] = field(default_factory=list)
    joiner_needs: dict[str, list[str]] = field(default_factory=dict)   # "and" -> ["between"]
    change_from: list[str] = field(default_factory=list)
    change_verbs: list[str] = field(default_factory=list)
    currency_link: list[str] = field(default_factory=list)
    target_after: list[str] = field(default_factory=list)
    year_words: list[str] = field(default_factory=list)
    relative_years: dict[str, int] = field(default_factory=dict)
    years_ahead: str = ""
    relative_words: dict = field(default_factory=dict)
    conversion: list[str] = field(default_factory=list)   # "120 billion tenge, or $250 million"
    decimal_comma: bool = False
    form_of: dict[str, str] = field(default_factory=dict)     # inflected form -> listed word (lower case)
    forms: dict[str, list[str]] = field(default_factory=dict)  # listed word (lower case) -> its written forms
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # "rubles" -> [RUB, BYN]
    hints: dict[str, list[str]] = field(default_factory=dict)      # BYN -> [National Bank of Belarus, ...]
    home: dict[str, str] = field(default_factory=dict)             # BYN -> Belarus

    def key(self, phrase: str) -> str:
        """Lookup key of a matched phrase: each inflected word back to the word the pack lists."""
        words = " ".join(phrase.lower().replace("\u00a0", " ").split()).split(" ")
        return " ".join(self.form_of.get(w, w) for w in words)

    def alt(self, phrases) -> str:
        """Regex alternation of phrases, each word standing for all its forms, longest phrase first."""
        pieces = []
        for p in sorted(set(phrases), key=lambda p: (-len(p), p)):
            choices = []
            for w in p.split():
                fs = self.forms.get(w.lower(), [w])
                choices.append([fs[0]] if len(fs) == 1 else sorted(fs, key=len, reverse=True))
            pieces.append(_piece(choices))
        return _alternation(pieces) or _NEVER


_NEVER = "(?!x)x"       # the alternation of no phrases: matches nothing (an empty one would match everywhere)
_TRIE_LIMIT = 20_000     # written phrases at most in one `_trie`
_TRIE_LEAF = 4           # phrases that go on alike written one after another rather than as a tree
_OTHER_SPACE = re.compile(r"[^\S ]")


class _Raw(str):
    """A piece of an alternation that `_trie` keeps as it is (a phrase whose later words vary)."""


def _literal(phrase: str) -> str:
    return re.escape(phrase).replace(r"\ ", r"\s+")


def _forms_regex(forms: list[str]) -> str:
    """One word's forms tried in the given order: as written, or as a `_trie` (the same matches)."""
    if len(forms) == 1:
        return re.escape(forms[0])
    plain = "(?:" + "|".join(re.escape(f) for f in forms) + ")"
    if any(not f or " " in f for f in forms):
        return plain
    tree = _trie(forms)
    return "(?:" + tree + ")" if tree is not None else plain


def _piece(choices: list[list[str]]) -> tuple[str, str | list[str]]:
    """A phrase of words in a row, each a choice of forms tried in order: (its regex as the plain
    alternation writes it, what `_alternation` takes for it: the phrases it spells when only its first
    word varies ("(?:a|b)\\s+c": a c, b c), else a `_Raw` regex with each word's forms as a tree)."""
    plain = r"\s+".join(re.escape(fs[0]) if len(fs) == 1 else "(?:" + "|".join(re.escape(f) for f in fs) + ")"
                        for fs in choices)
    if all(len(fs) == 1 for fs in choices[1:]) and not any(not f or any(c.isspace() for c in f)
                                                           for fs in choices for f in fs):
        rest = " ".join(fs[0] for fs in choices[1:])
        return plain, [f + " " + rest if rest else f for f in choices[0]]
    return plain, _Raw(r"\s+".join(_forms_regex(fs) for fs in choices))


def _alternation(pieces: list[tuple[str, str | list[str] | None]]) -> str:
    """``regex1|regex2|...`` of (regex, what it stands for) in order: written as one `_trie` of the
    phrases the pieces spell (a `_Raw` piece kept in its place), else as given (a piece with None)."""
    items: list[str] = []
    for rx, sp in pieces:
        if sp is None or len(items) > _TRIE_LIMIT:
            return "|".join(rx for rx, _ in pieces)
        if isinstance(sp, _Raw):
            items.append(sp)
        else:
            items += sp
    return (_trie(items) if items else None) or "|".join(rx for rx, _ in pieces)


def _trie(phrases: list[str]) -> str | None:
    """The regex ``phrase1|phrase2|...`` (a space standing for ``\\s+``, matched with re.I) written as a
    tree of shared beginnings, trying the phrases in the same order, so it matches exactly what the
    plain alternation matches, with the same groups, but tries far fewer branches at each character.

    Two phrases whose next characters differ (case aside) cannot both go on at one place in the text,
    so only the order of phrases that go on alike matters; it is kept, and a phrase that ends where
    others go on stays between those before it and those after it, as does a `_Raw` piece among the
    phrases. A run of spaces goes on alike only to its end (what follows it is not a space). None
    when a phrase does not fit that reading (an empty one, a space at either end or two together,
    another white-space character, a character whose lower case is two): the caller writes the plain
    alternation.
    """
    return _trie_of(tuple((isinstance(p, _Raw), p) for p in phrases))


@lru_cache(maxsize=256)
def _trie_of(phrases: tuple[tuple[bool, str], ...]) -> str | None:
    seqs: list[tuple[str, str]] = []
    for raw, p in phrases:
        if raw:
            seqs.append((_Raw(p), ""))
            continue
        if not p or p[0] == " " or p[-1] == " " or "  " in p or _OTHER_SPACE.search(p):
            return None
        f = fold(p)
        if len(f) != len(p):
            return None
        seqs.append((p, f))

    def branches(members: list[tuple[str, str]], at: int) -> list[str]:
        out: list[str] = []
        run: list[tuple[str, str]] = []

        def close() -> None:
            groups: dict[str, list[tuple[str, str]]] = {}
            for m in run:
                groups.setdefault(m[1][at], []).append(m)
            for ms in groups.values():
                p = ms[0][0]
                if len(ms) == 1:               # one phrase goes on here: the rest of it as written
                    out.append(_literal(p[at:]))
                elif len(ms) <= _TRIE_LEAF:    # a few: their rests in order (fewer groups to compile)
                    out.append("(?:" + "|".join(_literal(m[0][at:]) for m in ms) + ")")
                else:
                    head = r"\s+" if p[at] == " " else re.escape(p[at])
                    rest = branches(ms, at + 1)
                    if rest == [""]:
                        out.append(head)
                    elif len(rest) == 1:     # one branch: a sequence, its own choices already grouped
                        out.append(head + rest[0])
                    else:
                        out.append(head + "(?:" + "|".join(rest) + ")")
            run.clear()
        ended = False
        for m in members:
            if isinstance(m[0], _Raw):      # (only at the top: kept in its place among the others)
                close()
                out.append(m[0])
            elif len(m[0]) == at:
                if not ended:               # (a repeated phrase adds nothing: it fails as the first did)
                    close()
                    out.append("")
                    ended = True
            else:
                run.append(m)
        close()
        return out
    return "|".join(branches(seqs, 0))


def _lexeme(kind: str):
    """word -> its inflected forms, for packs whose normaliser is a morphological analyser."""
    if kind != "pymorphy3":
        return None
    import pymorphy3
    morph = pymorphy3.MorphAnalyzer()

    def forms(word: str) -> list[str]:
        if not word.isalpha():
            return [word]
        p = next((p for p in morph.parse(word) if p.normal_form == word.lower()), None)
        out = {word.lower()} | ({x.word for x in p.lexeme} if p is not None else set())
        return sorted(out | {f.replace("ё", "е") for f in out})
    return forms


def _words_of(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


@lru_cache(maxsize=8)
def load_vocab(lang: str = "en", currencies_path: str = str(DATA / "currencies.yml")) -> Vocab:
    """The money vocabulary of one language pack (``figures.yml``, ``currencies.yml``) and the shared symbols.

    Raises ConfigError naming the file and key of anything malformed.
    """

    from .lang import pack
    pk = pack(lang)
    cur = load_yaml(Path(currencies_path))
    c = Checker(Path(currencies_path))
    c.mapping(cur, "")
    pre, post = [], []
    for code, spec in cur.items():
        c.mapping(spec, code, allowed={"symbols", "home"})
        if not re.fullmatch(r"[A-Z]{3}", code):
            c.fail(code, "currency keys must be ISO 4217 codes such as USD")
        pre += [(s, code) for s in c.texts(spec.get("symbols"), f"{code}.symbols")]
        post.append((code, code))
    home: dict[str, str] = {}
    for code, spec in cur.items():
        if spec.get("home"):
            home[code] = c.text(spec["home"], f"{code}.home")
    words_file = pk.file("currencies")
    ambiguous: dict[str, list[str]] = {}
    hints: dict[str, list[str]] = {}
    if words_file:
        wc = Checker(words_file)
        for code, words in wc.mapping(pk.section("currencies"), "").items():
            if code == "ambiguous":        # words that name more than one currency: resolved from the article
                for w, codes in wc.mapping(words, code).items():
                    ambiguous[str(w).lower()] = wc.texts(codes, f"ambiguous.{w}")
                continue
            if code == "hints":            # words that tell which of those currencies an article means
                hints = {k: wc.texts(v_, f"hints.{k}") for k, v_ in wc.mapping(words, code).items()}
                continue
            if not re.fullmatch(r"[A-Z]{3}", code):
                wc.fail(code, "currency keys must be ISO 4217 codes such as USD (or ambiguous, hints)")
            post += [(w, code) for w in wc.texts(words, code)]
    ffile = pk.file("figures") or (pk.path or Path(pk.code)) / "figures.yml"   # a pack without one has no words
    fig = pk.section("figures")
    f = Checker(ffile)
    f.mapping(fig, "", allowed={"inflect", "numbers", "scales", "range_joiners", "range_openers", "change_from",
                                "change_verbs", "currency_link", "qualifiers", "trailing_qualifiers", "vague",
                                "metrics", "claims", "target_after", "relative", "relative_words", "period",
                                "not_money", "context", "rates", "conversion", "quantities", "clause",
                                "qualifier_after_verbs", "per_unit"})
    expanded = f.texts(fig.get("inflect") or [], "inflect")
    lexeme = _lexeme(pk.normaliser) if expanded else None
    form_of: dict[str, str] = {}
    forms: dict[str, list[str]] = {}

    def expand(section: str, phrase: str) -> None:
        if lexeme is None or section not in expanded:
            return
        for w in phrase.lower().split():
            if w not in forms:
                forms[w] = lexeme(w)
                for x in forms[w]:
                    form_of.setdefault(x, w)

    def section_pairs(key: str) -> list[tuple[str, str]]:
        pairs = [(p, q) for q, ps in f.mapping(fig.get(key) or {}, key).items() for p in f.texts(ps, f"{key}.{q}")]
        for p, _ in pairs:
            expand(key, p)
        return pairs

    for w, _ in post:
        expand("currencies", w)
    nums = f.mapping(fig.get("numbers") or {}, "numbers", allowed={"units", "tens", "hundreds", "articles", "phrases"})
    numbers: dict[str, float] = {}
    for group in ("units", "tens", "hundreds", "phrases"):
        for w, v in f.mapping(nums.get(group) or {}, f"numbers.{group}").items():
            numbers[str(w).lower()] = f.number(v, f"numbers.{group}.{w}")
            expand("numbers", str(w))
    articles = {str(w).lower(): f.number(v, f"numbers.articles.{w}")
                for w, v in f.mapping(nums.get("articles") or {}, "numbers.articles").items()}
    sc = f.mapping(fig.get("scales") or {}, "scales", allowed={"words", "short", "plural_suffix", "plural", "bare"})
    scales = {}
    plural = set()
    suffix = str(sc.get("plural_suffix") or "")
    for w, v in f.mapping(sc.get("words") or {}, "scales.words").items():
        scales[str(w).lower()] = f.number(v, f"scales.words.{w}")
        expand("scales", str(w))
        if suffix:
            plural.add(str(w).lower() + suffix)
    plural |= {w.lower() for w in f.texts(sc.get("plural") or [], "scales.plural")}
    short = {str(w).lower(): f.number(v, f"scales.short.{w}") for w, v in f.mapping(sc.get("short") or {}, "scales.short").items()}
    bare = {w.lower() for w in f.texts(sc.get("bare") or [], "scales.bare")}
    quals = section_pairs("qualifiers")
    trailing = section_pairs("trailing_qualifiers")
    vague = {}
    for k, v in f.mapping(fig.get("vague") or {}, "vague").items():
        if not (isinstance(v, list) and len(v) == 2):
            f.fail(f"vague.{k}", "expected [low, high]")
        vague[k.lower()] = (f.number(v[0], f"vague.{k}[0]"), f.number(v[1], f"vague.{k}[1]"))
        if k != "plural":
            expand("vague", k)
    metrics = section_pairs("metrics")
    claims = {k: [w.lower() for w in f.texts(v, f"claims.{k}")] for k, v in f.mapping(fig.get("claims") or {}, "claims").items()}
    relative = {k.lower(): f.number(v, f"relative.{k}") for k, v in f.mapping(fig.get("relative") or {}, "relative").items()}
    not_money = {w.lower() for w in f.texts(fig.get("not_money") or [], "not_money")}
    for w in list(not_money):
        expand("not_money", w)
        not_money |= set(forms.get(w, []))
    openers = f.mapping(fig.get("range_openers") or {}, "range_openers")
    per = f.mapping(fig.get("period") or {}, "period", allowed={"year_words", "relative_years", "years_ahead", "months",
                                                               "ordinals", "counts", "quarter", "half", "month_words",
                                                               "year", "of", "through", "article", "point_on",
                                                               "point_end", "point_start", "day_suffixes"})
    for rx_key, rx in (("years_ahead", per.get("years_ahead") or ""), *((f"target_after[{i}]", r) for i, r in enumerate(f.texts(fig.get("target_after") or [], "target_after")))):
        try:
            re.compile(rx)
        except re.error as e:
            f.fail(rx_key, f"not a regular expression: {e}")
    by_len = lambda pairs: sorted(pairs, key=lambda x: len(x[0]), reverse=True)  # noqa: E731
    return Vocab(
        lang=pk.code, currency_pre=by_len(pre), currency_post=by_len(post), qualifiers=by_len(quals),
        trailing=by_len(trailing), vague=vague, metrics=by_len(metrics), claims=claims, relative=relative,
        not_money=not_money, numbers=numbers, articles=articles, scales=scales, plural=plural, short=short,
        bare=bare, joiners=f.texts(fig.get("range_joiners") or [], "range_joiners"),
        joiner_needs={k.lower(): [w.lower() for w in f.texts(v, f"range_openers.{k}")] for k, v in openers.items()},
        change_from=f.texts(fig.get("change_from") or [], "change_from"),
        change_verbs=f.texts(fig.get("change_verbs") or [], "change_verbs"),
        currency_link=f.texts(fig.get("currency_link") or [], "currency_link"),
        target_after=f.texts(fig.get("target_after") or [], "target_after"),
        year_words=f.texts(per.get("year_words") or [], "period.year_words"),
        relative_years={k.lower(): int(f.number(v, f"period.relative_years.{k}"))
                        for k, v in f.mapping(per.get("relative_years") or {}, "period.relative_years").items()},
        years_ahead=str(per.get("years_ahead") or ""),
        relative_words=f.mapping(fig.get("relative_words") or {}, "relative_words"),
        conversion=f.texts(fig.get("conversion") or [], "conversion"),
        decimal_comma=pk.decimal_comma, form_of=form_of, forms=forms, ambiguous=ambiguous, hints=hints, home=home)


# --------------------------------------------------------------------------- one pass over an article

# Several word lists (place names, currency words, the words that can open a relative figure …) are
# alternations tried case-insensitively at every word start; in a long article that is most of the
# extractor's time. Instead the article is case-folded once, each list's possible first words are
# looked up in one pass (a set of words, or an Aho-Corasick automaton for words that may begin
# inside another), and the full regex is tried only where one can start. The regexes still decide
# what matches, so the matches are the same.

def _fold_table() -> dict[int, str]:
    """Characters that `re.I` takes as equal although their lower cases differ (ſ and s, ς and σ, the
    Cyrillic variants ᲀ and в …), each to one of its class."""
    try:
        from re._casefix import _EXTRA_CASES      # the table `re` itself compiles IGNORECASE with
    except ImportError:                           # pragma: no cover - older or other Pythons
        _EXTRA_CASES = {}
    out: dict[int, str] = {}
    for k, alts in _EXTRA_CASES.items():
        cls = {chr(k).lower(), *(chr(a).lower() for a in alts)}
        rep = min(cls)
        for c in cls | {chr(k), *(chr(a) for a in alts)}:
            if c != rep:
                out[ord(c)] = rep
    return out


_FOLD = _fold_table()
_FOLD_NEEDED = re.compile("[" + re.escape("".join(chr(k) for k in _FOLD)) + "]") if _FOLD else None


def fold(s: str) -> str:
    """`s` lower-cased so that two strings `re.I` takes as equal are equal (when it keeps the length)."""
    low = s.lower()
    return low.translate(_FOLD) if _FOLD_NEEDED is not None and _FOLD_NEEDED.search(low) else low


_RUN = re.compile(r"\w+")


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"      # what `\w` means in a str pattern


@dataclass(frozen=True)
class Firsts:
    """Where the matches of a regex can begin, for `Folded.starts` (all strings folded)."""
    words: frozenset[str] = frozenset()   # whole words (a word character neither before nor after)
    prefixes: tuple[str, ...] = ()        # beginnings of words ("usd" of "USD5")
    inside: object | None = None          # Aho-Corasick automaton of strings that may begin inside a word too
    chars: str = ""                       # signs ("$", "~")
    digits: bool = False                  # a digit that begins a word
    slot: int = field(default=-1, compare=False, repr=False)   # its place in `_Chunks.firsts`

    def __post_init__(self):
        _register(self)

    def takes(self, word: str) -> bool:
        """True when a match can begin at this word of the text (a whole run of word characters)."""
        return (word in self.words or (bool(self.prefixes) and word.startswith(self.prefixes))
                or (self.digits and word[0].isdecimal()))


class _Chunks(dict):
    """The text between two spaces (folded) -> ((offset, bits), ...) of its words at which a match of
    some `Firsts` can begin: bit ``1 << f.slot`` for each such `f`. News repeats its words, so a chunk is
    judged once per process, not once per article; the table forgets everything past `LIMIT` entries,
    and holds no chunk longer than `LONGEST`. A new `Firsts` gets a new table (`_register`)."""
    LIMIT = 100_000
    LONGEST = 64

    def __init__(self, firsts: tuple[Firsts, ...]):
        super().__init__()
        self.firsts = firsts
        self._judge: tuple[dict[str, int], list[tuple[int, dict[str, int]]], int] | None = None

    def _judges(self) -> tuple[dict[str, int], list[tuple[int, dict[str, int]]], int]:
        """Every `Firsts` at once: whole word -> bits, (prefix length, prefix -> bits), bits of the digits."""
        if self._judge is None:
            words: dict[str, int] = {}
            prefixes: dict[int, dict[str, int]] = {}
            digits = 0
            for f in self.firsts:
                bit = 1 << f.slot
                for w in f.words:
                    words[w] = words.get(w, 0) | bit
                for p in f.prefixes:
                    table = prefixes.setdefault(len(p), {})
                    table[p] = table.get(p, 0) | bit
                if f.digits:
                    digits |= bit
            self._judge = words, sorted(prefixes.items()), digits
        return self._judge

    def __missing__(self, chunk: str) -> tuple[tuple[int, int], ...]:
        out = []
        words, prefixes, digits = self._judges()
        for m in _RUN.finditer(chunk):
            w = m.group()
            bits = words.get(w, 0)            # = the bits of every f with f.takes(w)
            if digits and w[0].isdecimal():
                bits |= digits
            for n, table in prefixes:
                if n > len(w):
                    break
                bits |= table.get(w[:n], 0)
            if bits:
                out.append((m.start(), bits))
        found = tuple(out)
        if len(chunk) <= self.LONGEST:
            if len(self) >= self.LIMIT:
                self.clear()
            self[chunk] = found
        return found


_CHUNKS = _Chunks(())
_REGISTER = threading.Lock()


def _register(firsts: Firsts) -> None:
    global _CHUNKS
    with _REGISTER:
        object.__setattr__(firsts, "slot", len(_CHUNKS.firsts))
        _CHUNKS = _Chunks(_CHUNKS.firsts + (firsts,))


def firsts_of(words=(), prefixes=(), inside=(), digits: bool = False) -> Firsts:
    """`Firsts` of written phrase forms. ``words``: the phrase's first run of word characters is a
    whole word of the text (the regex puts a space or a sign after it); ``prefixes``: the text's
    word may go on after it, unless the form itself goes on with a sign or a space ("A$", "US $": the
    word of the text is then that run, whole); ``inside``: the phrase's first word may also begin
    inside a word of the text (a regex with no word boundary before it). A phrase that begins with a
    sign adds the sign."""
    ws: set[str] = set()
    ps: set[str] = set()
    chars: set[str] = set()
    for forms, out in ((words, ws), (prefixes, ps)):
        for form in forms:
            f = fold(form.strip())
            m = _RUN.match(f)
            if m:
                (out if m.end() == len(f) else ws).add(m.group())
            elif f:
                chars.add(f[0])
    # a prefix another one begins with adds no word ("billion" after "b"); nor does a whole word one begins
    ps = {p for p in ps if not any(p != q and p.startswith(q) for q in ps)}
    ws = {w for w in ws if not w.startswith(tuple(ps))}
    automaton = None
    ins = {f.split()[0] for f in (fold(x.strip()) for x in inside) if f}
    if ins:
        import ahocorasick
        automaton = ahocorasick.Automaton()
        for w in ins:
            automaton.add_word(w, len(w))
        automaton.make_automaton()
    return Firsts(frozenset(ws), tuple(sorted(ps)), automaton, "".join(sorted(chars)), digits)


class Folded:
    """One article case-folded once, its words listed once, and where the matches of a regex can begin
    in it (`starts`).

    ``folded`` is None when folding would move offsets (a dotted capital I lower-cases to two
    characters) or change word boundaries (a combining iota): callers then scan the text with
    their regex as before.
    """

    def __init__(self, text: str):
        self.text = text
        f = fold(text)
        self.folded = f if len(f) == len(text) and "\u0345" not in text else None
        self._words: tuple[_Chunks, list[int], list[int]] | None = None
        self._starts: dict[int, list[int] | None] = {}

    def _candidates(self, firsts: Firsts) -> tuple[list[int], list[int]]:
        """Where a word of the text begins at which a match of some `Firsts` can begin, and the bits of
        those `Firsts` (`_Chunks`), in text order."""
        if self._words is None or firsts.slot >= len(self._words[0].firsts):
            table = _CHUNKS
            chunks = self.folded.split(" ")
            found = list(map(table.__getitem__, chunks))
            at, bits = [], []
            hits = list(compress(range(len(chunks)), found))
            if hits:
                ends = list(accumulate(map(len, chunks)))
                for i in hits:           # chunk i begins after i spaces and the chunks before it
                    base = ends[i] - len(chunks[i]) + i
                    for off, b in found[i]:
                        at.append(base + off)
                        bits.append(b)
            self._words = table, at, bits
        return self._words[1], self._words[2]

    def starts(self, firsts: Firsts) -> list[int] | None:
        """Sorted offsets where a match described by `firsts` can begin; None if the text is not folded."""
        key = id(firsts)
        if key not in self._starts:
            self._starts[key] = self._find(firsts)
        return self._starts[key]

    def finditer(self, rx: re.Pattern, firsts: Firsts, part: str, offset: int):
        """`rx.finditer(part)` for ``part = text[offset:offset + len(part)]``: tried where `firsts` can
        begin, and where the part's edges cut a word (a cut word is a whole word to the regex)."""
        starts = self.starts(firsts) if firsts is not None else None
        text, end = self.text, offset + len(part)
        if starts is None or text[offset:end] != part:
            return rx.finditer(part)
        here = [p - offset for p in starts[bisect.bisect_left(starts, offset):bisect.bisect_left(starts, end)]]
        if offset > 0 and end > offset and _is_word_char(text[offset - 1]) and _is_word_char(text[offset]):
            here.insert(0, 0)
        if 0 < end < len(text) and end > offset and _is_word_char(text[end]) and _is_word_char(text[end - 1]):
            i = end - 1
            while i > offset and _is_word_char(text[i - 1]):
                i -= 1
            k = bisect.bisect_left(here, i - offset)
            if k == len(here) or here[k] != i - offset:
                here.insert(k, i - offset)
        return matches_at(rx, part, here)

    def _find(self, firsts: Firsts) -> list[int] | None:
        f = self.folded
        if f is None:
            return None
        out: list[int] = []
        if firsts.words or firsts.prefixes or firsts.digits:
            at, bits = self._candidates(firsts)
            out = list(compress(at, map((1 << firsts.slot).__and__, bits)))     # sorted, one per word
        more = firsts.inside is not None or firsts.chars
        if firsts.inside is not None:
            out += [end - n + 1 for end, n in firsts.inside.iter(f)]
        for c in firsts.chars:
            i = f.find(c)
            while i >= 0:
                out.append(i)
                i = f.find(c, i + 1)
        return sorted(set(out)) if more else out


def search_at(rx: re.Pattern, text: str, starts: list[int], pos: int, endpos: int) -> re.Match | None:
    """`rx.search(text, pos, endpos)` when every match of `rx` begins at one of `starts` (sorted) or, as
    `endpos` ends the string there, at the word it cuts ("millionth" cut after "million")."""
    cut = -1
    if 0 < endpos < len(text) and _is_word_char(text[endpos]) and _is_word_char(text[endpos - 1]):
        cut = endpos - 1
        while cut > pos and _is_word_char(text[cut - 1]):
            cut -= 1
        if _is_word_char(text[cut - 1]) if cut > 0 else False:
            cut = -1                     # the cut word begins before pos: no match can begin at its start
    k = bisect.bisect_left(starts, pos)
    while True:
        p = starts[k] if k < len(starts) and starts[k] < endpos else None
        if 0 <= cut and (p is None or cut < p):
            p, cut = cut, -1
        elif p is None:
            return None
        else:
            k += 1
            if p == cut:
                cut = -1
        m = rx.match(text, p, endpos)
        if m is not None:
            return m


def matches_at(rx: re.Pattern, text: str, starts: list[int]):
    """`rx.finditer(text)` when every match of `rx` starts at one of `starts` (sorted): the regex is
    tried only there, and a match hides the starts it covers, as in `finditer`."""
    last = 0
    for p in starts:
        if p < last:
            continue
        m = rx.match(text, p)
        if m is not None:
            last = max(m.end(), p + 1)      # (the word lists' regexes never match the empty string)
            yield m


# --------------------------------------------------------------------------- grammar


def _alt(forms: list[str]) -> str:
    ordered = sorted(forms, key=len, reverse=True)
    return (_trie(ordered) if ordered else None) or "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered) or _NEVER


def _abbrev_alt(forms: list[str]) -> str:
    """Like `_alt`, but an abbreviation's full stop belongs to it only when the sentence goes on
    ("1 млрд. долларов"), not when it ends the sentence ("... 800 млн. Это ...")."""
    out = []
    for f in sorted(forms, key=len, reverse=True):
        e = re.escape(f).replace(r"\ ", r"\s+")
        out.append(e[:-2] + r"\.(?=\s+(?-i:[a-zа-яё]))" if f.endswith(".") and len(f) > 1 else e)
    return "|".join(out) or _NEVER


@dataclass
class Grammar:
    money: re.Pattern
    anchor: re.Pattern
    digits: str
    scale_any: re.Pattern       # a scale word or abbreviation written in a number expression
    token: re.Pattern           # one token of a number expression
    wordnum: str
    joiner: re.Pattern
    pre_alt: str
    vague: re.Pattern | None = None    # a vague word at the start of a number expression
    joiner_word: re.Pattern | None = None   # the joiner alone, without a currency sign after it
    firsts: Firsts = Firsts()          # where a match of `money` can begin (`Folded`)
    signs: str = ""                    # the currency signs of `anchor`
    anchor_words: re.Pattern | None = None   # the scale and bare words of `anchor`
    anchor_firsts: Firsts = Firsts()   # where they can begin


@lru_cache(maxsize=8)
def _grammar(lang: str = "en") -> Grammar:
    v = load_vocab(lang)
    if v.decimal_comma:      # 1,2 = one point two; 1 200 = one thousand two hundred
        digits = r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d])|\d+(?:[.,]\d+)?)"
    else:
        digits = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])|\d+(?:[.,]\d+)?)"
    words_of = lambda d: [w for w in d]  # noqa: E731
    scale_words = "(?:" + v.alt(words_of(v.scales) + sorted(v.plural)) + ")"
    scale_short = "(?:" + _abbrev_alt(list(v.short)) + r")(?![\w])" if v.short else "(?!x)x"
    num_words = v.alt([w for w in v.numbers])
    wordnum = (rf"(?:(?:{num_words})(?:[-\s]+(?:{num_words})){{0,3}}|(?:{_alt(list(v.articles))}))" if v.articles
               else rf"(?:(?:{num_words})(?:[-\s]+(?:{num_words})){{0,3}})")
    vague_alt = v.alt([k for k in v.vague if k != "plural"]) or "(?!x)x"
    pre_alt = _alt([s for s, _ in v.currency_pre])
    # a sign after the number ("500 млн $", "1,5 млрд €"), but not one that opens the next amount ("in 2023 $5 bn")
    post_signs = "".join(re.escape(s_) for s_, _ in v.currency_pre if len(s_) == 1 and not s_.isalnum())
    post_alt = v.alt([w for w, _ in v.currency_post]) + (rf"|[{post_signs}](?!\s?\d)" if post_signs else "")
    link = rf"(?:(?:{_alt(v.currency_link)})\s+)?" if v.currency_link else ""
    one = (rf"(?:{digits}(?:(?:\s*|-)(?:{scale_words}(?:\s+{scale_words})?|{scale_short}))?"
           rf"|(?:(?:{vague_alt})\s+)?(?:{wordnum}\s+)?{scale_words}(?:\s+{scale_words})?"
           rf"|(?:{vague_alt})\s+{scale_words})")
    # compound amounts: "3 trillion 200 billion", "2 миллиарда 300 миллионов"
    number = rf"(?:{one}(?:\s+(?:{digits}|{wordnum})(?:\s*|-)(?:{scale_words}|{scale_short}))*)"
    joiners = _alt(v.joiners)
    rng = rf"(?:\s*(?:{joiners})\s*(?:{pre_alt})?\s*(?=\d|(?:{wordnum})\s)(?:{number}))?"
    bare = (v.alt(sorted(w for w in v.bare | {p for p in v.plural if any(p.startswith(b) for b in v.bare)} if w not in v.short))
            + "|" + _abbrev_alt([w for w in v.bare if w in v.short]))
    bare_words = (v.alt([w for w in v.bare if w in v.scales] + [p for p in v.plural if any(p.startswith(b) for b in v.bare)])
                  + "|" + _abbrev_alt([w for w in v.bare if w in v.short]))
    sign_chars = "".join(re.escape(s_) for s_, _ in v.currency_pre if len(s_) == 1 and not s_.isalnum())
    money = re.compile(
        rf"(?<![\w{sign_chars}])(?:(?P<pre>{pre_alt})\s?(?P<n1>{number})(?P<r1>{rng})(?:\s+(?P<post1>{post_alt})(?![\w]))?"
        rf"|(?P<n2>{number})(?P<r2>{rng})(?:\s*|-(?=[^\W\d_])){link}(?P<post2>{post_alt})(?![\w])"
        rf"|(?P<n3>(?:(?:{vague_alt})\s+)?(?:{digits}\s*|(?:{wordnum})\s+)?(?:{scale_words}\s+)?(?:{bare_words})|(?:{vague_alt})\s+(?:{bare_words})|(?:{bare}))(?![\w]))",
        re.I)
    symbols = "".join(re.escape(s) for s, _ in v.currency_pre if len(s) == 1 and not s.isalnum())
    # (a run of digits or signs is one anchor: the windows around its characters would merge into one)
    anchor = re.compile(rf"\d+|[{symbols}]+|(?<![\w])(?:{scale_words}|{bare})(?![\w])", re.I)
    token = re.compile(rf"\s*({digits}|(?:{v.alt(list(v.numbers) + list(v.articles) + list(v.scales) + sorted(v.plural))})(?![\w])|{scale_short}|[-–]+)", re.I)
    def first_forms(phrases) -> list[str]:     # the forms `Vocab.alt` writes for each phrase's first word
        return [f for p in phrases for f in v.forms.get(p.split()[0].lower(), [p.split()[0]])]
    # an amount begins with a currency sign or code, a digit, an article, a vague or number word (each
    # followed by a space), or a scale word or a bare one (which a currency code may follow unspaced); an
    # abbreviation that is not a bare word ("k", "m") only ever follows a number
    firsts = firsts_of(words=list(v.articles) + first_forms([k for k in v.vague if k != "plural"])
                       + first_forms(list(v.numbers)),
                       prefixes=[s_ for s_, _ in v.currency_pre] + first_forms(list(v.scales) + sorted(v.plural))
                       + first_forms(sorted(v.bare)), digits=True)
    return Grammar(money=money, anchor=anchor, digits=digits, firsts=firsts,
                   signs="".join(sorted({s_ for s_, _ in v.currency_pre if len(s_) == 1 and not s_.isalnum()})),
                   anchor_words=re.compile(rf"(?<![\w])(?:{scale_words}|{bare})(?![\w])", re.I),
                   anchor_firsts=firsts_of(words=first_forms(list(v.scales) + sorted(v.plural) + sorted(v.bare))
                                           + sorted(v.bare)),
                   scale_any=re.compile(rf"(?:{scale_words}|\d\s*{scale_short})(?![\w])", re.I),
                   token=token, wordnum=wordnum, joiner=re.compile(rf"\s*(?:{joiners})\s*(?:{pre_alt})?\s*", re.I),
                   pre_alt=pre_alt, joiner_word=re.compile(rf"\s*(?:{joiners})\s*", re.I),
                   vague=re.compile(rf"(?:{vague_alt})(?=\s|$)", re.I) if len(v.vague) > 1 else None)


def _digits_value(num: str, decimal_comma: bool) -> float:
    num = num.replace("\u00a0", " ").replace("\u202f", " ")
    if decimal_comma:
        return float(num.replace(" ", "").replace(",", "."))
    if re.fullmatch(r"\d+,\d{1,2}", num):
        return float(num.replace(",", "."))       # 1,5 billion (decimal comma)
    return float(num.replace(",", "").replace(" ", ""))


def parse_number(s: str, lang: str = "en") -> tuple[float, float, bool]:
    """(low, high, vague) of a number expression: '1.2 bn' -> 1.2e9; 'several billion' -> 3e9..7e9.

    Groups of (number, scale words) add up: '3 trillion 200 billion' -> 3.2e12.
    """
    return _parse_number(s, lang)


@lru_cache(maxsize=8192)
def _parse_number(s: str, lang: str) -> tuple[float, float, bool]:
    """`parse_number`, remembered: a corpus writes the same amounts again and again."""
    v = load_vocab(lang)
    g = _grammar(lang)
    s = " ".join(s.replace("\u202f", " ").replace("\u00a0", " ").split())
    factor_lo = factor_hi = None
    vm = g.vague.match(s) if g.vague is not None else None
    if vm:
        w = " ".join(vm.group().lower().split())
        factor_lo, factor_hi = v.vague[w] if w in v.vague else v.vague[v.key(w)]
        s = s[vm.end():].strip()
    total = 0.0
    base: float | None = None      # the number of the current group
    scale = None                   # product of its scale words
    plural = False
    have_number = False
    range_low: float | None = None   # "два-три", "полтора-два": the first number of a range of number words
    prev = ""                        # the token before
    pos = 0
    while pos < len(s):
        m = g.token.match(s, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        tok = m.group(1)
        low = " ".join(tok.lower().split())
        before, prev = prev, low
        if re.fullmatch(g.digits, tok):
            if scale is not None:
                total += (base if base is not None else 1.0) * scale
                base, scale = None, None
            base = _digits_value(tok, v.decimal_comma)
            have_number = True
            continue
        k = v.key(low)
        if low in v.numbers or k in v.numbers or low in v.articles:
            if scale is not None:
                total += (base if base is not None else 1.0) * scale
                base, scale = None, None
            val = v.numbers.get(low, v.numbers.get(k, v.articles.get(low)))
            if before in ("-", "–", "—") and base is not None and scale is None and range_low is None \
                    and not (base >= 20 and base % 10 == 0 and val < 10):
                # a dash between two number words that do not make a compound ("twenty-five"): a range
                range_low, base = base, val
                have_number = True
                continue
            base = (base or 0.0) + val
            have_number = True
            continue
        sc = v.scales.get(low) or v.scales.get(k) or v.short.get(low)
        if sc is None and low in v.plural:
            sc = next((val for w, val in v.scales.items() if low.startswith(w) or v.key(low) == w), None)
        if sc is None and low.endswith("s") and low[:-1] in v.scales:
            sc = v.scales[low[:-1]]
        if sc is None:
            continue                    # a joiner or dash inside the expression
        plural = plural or (low in v.plural)
        scale = (scale or 1.0) * sc
    if scale is not None or base is not None:
        total += (base if base is not None else 1.0) * (scale or 1.0)
    if range_low is not None and base is not None and range_low < base:
        return total - (base - range_low) * (scale or 1.0), total, False
    if factor_lo is not None:
        b = total if have_number else (scale or 1.0)
        return factor_lo * b, factor_hi * b, True
    if not have_number and plural:
        lo, hi = v.vague.get("plural", (2, 9))
        return lo * (scale or 1.0), hi * (scale or 1.0), True
    return total, total, False


def _word_value(w: str, lang: str = "en") -> float:
    v = load_vocab(lang)
    total = 0.0
    for part in re.split(r"[-\s]+", " ".join(w.lower().split())):
        total += v.numbers.get(part, v.numbers.get(v.key(part), v.articles.get(part, 0)))
    phrase = " ".join(w.lower().split())
    return v.numbers.get(phrase, total)


# --------------------------------------------------------------------------- helpers


_CODE_TABLES: dict[int, tuple[list, dict[str, tuple[int, str]]]] = {}


def _code(form: str, pairs: list[tuple[str, str]], vocab: Vocab | None = None) -> str | None:
    """The code of the first pair whose written form is `form` (or its lookup key)."""
    f = " ".join(form.split()).lower()
    k = vocab.key(f) if vocab else f
    held = _CODE_TABLES.get(id(pairs))
    if held is None or held[0] is not pairs:
        table: dict[str, tuple[int, str]] = {}
        for i, (written, code) in enumerate(pairs):
            table.setdefault(" ".join(written.split()).lower(), (i, code))
        held = _CODE_TABLES[id(pairs)] = (pairs, table)
    hits = [x for x in (held[1].get(f), held[1].get(k)) if x is not None]
    return min(hits)[1] if hits else None


@lru_cache(maxsize=64)
def _phrase_regex(lang: str, phrases: tuple[tuple[str, str], ...], where: str) -> tuple[re.Pattern, dict[str, str]]:
    """One compiled alternation for a phrase list (longest first) and a map from phrase to value."""
    v = load_vocab(lang)
    alt = v.alt([p for p, _ in phrases])
    values = {" ".join(p.lower().split()): val for p, val in phrases}
    if where == "before":
        rx = re.compile(rf"(?<![\w])(?:{alt})\s*$", re.I)
    elif where == "after":
        rx = re.compile(rf"\s*(?:{alt})(?![\w])", re.I)
    else:
        rx = re.compile(rf"(?<![\w])(?:{alt})(?![\w])", re.I)
    return rx, values


_PHRASE_TABLES: dict[tuple[int, str], tuple[object, tuple[re.Pattern, dict[str, str]]]] = {}


def _phrases(vocab: Vocab, phrases: list[tuple[str, str]], where: str) -> tuple[re.Pattern, dict[str, str]]:
    """`_phrase_regex` of a list the vocabulary holds, found by the list itself (not by hashing it anew)."""
    held = _PHRASE_TABLES.get((id(phrases), where))
    if held is None or held[0] is not phrases:
        held = _PHRASE_TABLES[(id(phrases), where)] = (phrases, _phrase_regex(vocab.lang, tuple(phrases), where))
    return held[1]


def _value(vocab: Vocab, values: dict[str, str], matched: str) -> str:
    m = " ".join(matched.lower().split())
    return values[m] if m in values else values[vocab.key(m)]


def _phrase_before(text: str, pos: int, phrases: list[tuple[str, str]], vocab: Vocab) -> tuple[str, int] | None:
    """(value, start) of a phrase that ends right before `pos` (only spaces between)."""
    rx, values = _phrases(vocab, phrases, "before")
    window = text[max(0, pos - 40):pos]
    m = rx.search(window)
    if not m:
        return None
    return _value(vocab, values, m.group().strip()), pos - len(window) + m.start()


def _phrase_after(text: str, pos: int, phrases: list[tuple[str, str]], vocab: Vocab) -> tuple[str, int] | None:
    rx, values = _phrases(vocab, phrases, "after")
    m = rx.match(text, pos, pos + 30)
    if not m:
        return None
    return _value(vocab, values, m.group().strip()), m.end()


@lru_cache(maxsize=8)
def _metric_firsts(lang: str) -> Firsts:
    v = load_vocab(lang)
    return firsts_of(words=[f for p, _ in v.metrics for f in v.forms.get(p.split()[0].lower(), [p.split()[0]])])


def _metric(sentence: str, rel: int, vocab: Vocab, others: list[int] = (), folded: Folded | None = None,
            offset: int = 0) -> str:
    """The metric word nearest to the amount (at position `rel` of the sentence). A word nearer to
    another amount (`others`: their positions in the sentence) is that amount's ("exports were $2.1bn
    and imports 1.3bn"), unless no word is left. With `folded`, the sentence is the article's text from
    `offset` on."""
    rx, values = _phrases(vocab, vocab.metrics, "any")
    best, dist = "other", 10 ** 9
    found = rx.finditer(sentence) if folded is None else folded.finditer(rx, _metric_firsts(vocab.lang), sentence, offset)
    for m in found:
        d = abs(m.start() - rel)
        if any(abs(m.start() - o) < d for o in others):
            d += 10 ** 6
        if d < dist:
            best, dist = _value(vocab, values, m.group()), d
    return best


@lru_cache(maxsize=8)
def _claim_regexes(lang: str) -> tuple[list[tuple[str, re.Pattern]], list[re.Pattern]]:
    """The pack's aspiration and target words (before an amount), and its ``target_after`` patterns."""
    v = load_vocab(lang)
    before = []
    for kind in ("aspiration", "target"):
        words = tuple((w, kind) for w in v.claims.get(kind, []))
        if words:
            before.append((kind, _phrase_regex(lang, words, "any")[0]))
    return before, [re.compile(r"(?<![\w])" + rx, re.I) for rx in v.target_after]


def _claim(before: str, after: str, vocab: Vocab) -> str:
    words, after_rx = _claim_regexes(vocab.lang)
    for kind, rx in words:
        if rx.search(before):
            return kind
    if any(rx.search(after) for rx in after_rx):
        return "target"
    return "actual"


@lru_cache(maxsize=8)
def _clause_break(lang: str) -> re.Pattern:
    """Where a clause ends: ';', ':', a comma, a comma and a conjunction ('but', 'а'), or a conjunction
    before a new subject ('and we'); the words are the pack's ``clause`` section."""
    from .lang import pack
    pk = pack(lang)
    spec = pk.section("figures").get("clause") or {}
    f = Checker(pk.file("figures") or Path(f"{pk.code}/figures.yml"))
    f.mapping(spec, "clause", allowed={"after_comma", "joiners", "subjects"})
    after = f.texts(spec.get("after_comma") or [], "clause.after_comma")
    joiners = f.texts(spec.get("joiners") or [], "clause.joiners")
    subjects = f.texts(spec.get("subjects") or [], "clause.subjects")
    parts = [r"[;:]"]
    if after:
        parts.append(rf",\s+(?:{_alt(after)})(?![\w])")
    parts.append(r",(?=\s)")
    if joiners and subjects:
        parts.append(rf"\s(?:{_alt(joiners)})\s+(?=(?:{_alt(subjects)}))")
    return re.compile("|".join(parts))


def _clause(sentence: str, start: int, end: int, lang: str = "en") -> tuple[int, int]:
    """Bounds of the clause holding sentence[start:end] (commas, 'and', 'but' separate clauses)."""
    rx = _clause_break(lang)
    c0 = 0
    for m in rx.finditer(sentence, 0, start):
        c0 = m.end()
    m = rx.search(sentence, end)
    return c0, (m.start() if m else len(sentence))


@lru_cache(maxsize=8)
def _year_regex(lang: str) -> re.Pattern:
    v = load_vocab(lang)
    words = _alt(v.year_words) if v.year_words else "(?!x)x"
    return re.compile(rf"(?<![\w])(?:{words})\s+((?:19|20)\d\d)(?![\d])|(?<![\w])((?:19|20)\d\d)(?![\d])", re.I)


def _period(sentence: str, rel: int, year: int | None, rel_end: int | None = None,
            vocab: Vocab | None = None) -> tuple[int | None, str]:
    """Year and period words of a figure from its sentence (and the article's year).

    The year nearest to the amount wins, counted from the amount's edges, so in
    "from $800 million in 2022 to $1.1 billion in 2023" each amount gets its own.
    """
    vocab = vocab or load_vocab()
    rel_end = rel if rel_end is None else rel_end
    best = None
    for m in _year_regex(vocab.lang).finditer(sentence):
        y = int(m.group(1) or m.group(2))
        d = m.start() - rel_end if m.start() >= rel_end else rel - m.end()
        d = d * 0.8 if m.start() >= rel_end else d      # "$1 billion in 2023": a following year binds closer
        if ";" in sentence[min(m.start(), rel):max(m.end(), rel_end)]:
            d += 10_000                                   # a year beyond a semicolon belongs to the next statement
        if best is None or d < best[0]:
            best = (d, y, m.group().strip())
    if best:
        return best[1], best[2]
    low = sentence.lower()
    for w, off in vocab.relative_years.items():
        if w in low:
            return (year + off if year else None), w
    if vocab.years_ahead:
        m = re.search(vocab.years_ahead, low)
        if m:
            return None, m.group()
    return None, ""


# --------------------------------------------------------------------------- extraction


SENTENCE_WINDOW = 600   # characters either side of an amount searched for its context words
BARE_REACH = 400        # a bare amount ("a billion and more") takes the currency of an amount this close before it


def _scan(pattern: re.Pattern, text: str, anchor: re.Pattern, before: int = 80, after: int = 120,
          resume: list | None = None, starts: list[int] | None = None, spans: list[tuple[int, int]] | None = None):
    """`pattern.finditer(text)`, but only around anchors (digits, currency, scale words).

    The grammar's big alternations are slow to try at every character; money
    and quantities cannot occur far from an anchor, so windows around the
    anchors give the same matches in a fraction of the time. A caller that
    keeps only the head of a match ("$500,000" of "$500,000 and $12,000", not a
    range) puts the position to go on from in ``resume[0]``, so the rest is
    scanned again. With `starts` (`Folded.starts` of the pattern's `Firsts`)
    the pattern is tried only where a match can begin; `spans` are the anchors' when the caller has
    them (`_anchor_spans`).
    """
    windows: list[list[int]] = []
    for a in anchor.finditer(text) if spans is None else spans:
        s, e = (max(0, a.start() - before), min(len(text), a.end() + after)) if spans is None else \
            (max(0, a[0] - before), min(len(text), a[1] + after))
        if windows and s <= windows[-1][1]:
            windows[-1][1] = e
        else:
            windows.append([s, e])
    last = 0
    for s, e in windows:
        pos = max(s, last)
        while pos < e:
            m = pattern.search(text, pos, e) if starts is None else search_at(pattern, text, starts, pos, e)
            if m is None:
                break
            if m.end() == e and e < len(text):     # the match may run on past the window: redo it unbounded
                m = pattern.match(text, m.start()) or m
            last = m.end()
            yield m
            if resume and resume[0] is not None:
                last, resume[0] = max(resume[0], m.start() + 1), None
            pos = last


_DIGIT_RUN = re.compile(r"\d+")


def _anchor_spans(text: str, g: Grammar, folded: Folded | None) -> list[tuple[int, int]] | None:
    """The spans of ``g.anchor.finditer(text)``, found without trying its alternation of scale words at
    every character: runs of digits, runs of currency signs, and the scale words tried only where one
    can begin (the three never touch: a scale word follows no word character and holds no digit or
    sign). None when the text is not folded."""
    starts = folded.starts(g.anchor_firsts) if folded is not None else None
    if starts is None or g.anchor_words is None:
        return None
    out = [m.span() for m in _DIGIT_RUN.finditer(text)]
    at = []
    for c in g.signs:
        i = text.find(c)
        while i >= 0:
            at.append(i)
            i = text.find(c, i + 1)
    if at:
        at.sort()
        a = at[0]
        for prev, i in zip(at, at[1:]):
            if i != prev + 1:
                out.append((a, prev + 1))
                a = i
        out.append((a, at[-1] + 1))
    out += [m.span() for m in matches_at(g.anchor_words, text, starts)]
    out.sort()
    return out


@dataclass
class _Fig:
    start: int
    end: int
    low: float
    high: float
    currency: str | None
    inferred: bool
    qualifier: str
    vague: bool
    relative_to: int | None = None
    extra: dict = field(default_factory=dict)


@lru_cache(maxsize=8)
def _change_regex(lang: str) -> re.Pattern | None:
    v = load_vocab(lang)
    if not (v.change_verbs and v.change_from):
        return None
    return re.compile(rf"(?<![\w])(?:{_alt(v.change_verbs)})\s+(?:[\w-]+\s+){{0,3}}?(?:{_alt(v.change_from)})\s*$", re.I)


@lru_cache(maxsize=8)
def _opener_regex(lang: str) -> re.Pattern | None:
    v = load_vocab(lang)
    words = sorted({w for ws in v.joiner_needs.values() for w in ws})
    return re.compile(rf"(?<![\w])({_alt(words)})\s+$", re.I) if words else None


QUOTED_REACH = 1e6     # a bare amount in a quote, far from any currency, counts from a million up


def _money_in(text: str, vocab: Vocab, folded: Folded | None = None,
              quotes: list[tuple[int, int, str]] = ()) -> list[_Fig]:
    """The money amounts of one article. `quotes` are the direct quotes (start, end, speaker), sorted: a
    bare amount of a million or more in one ("we agreed on three billion"), however far from a currency,
    takes the currency of the last amount written out before it when that is the currency the article
    writes most often."""
    g = _grammar(vocab.lang)
    money = g.money
    out: list[_Fig] = []
    far: list[_Fig] = []                 # bare amounts in quotes, far from a currency: settled at the end
    quote_starts = [q[0] for q in quotes]
    last_currency: str | None = None
    last_end = 0
    last_ambiguous: list[str] | None = None
    opener_rx = _opener_regex(vocab.lang)
    change_rx = _change_regex(vocab.lang)
    resume: list = [None]
    starts = folded.starts(g.firsts) if folded is not None else None
    spans = _anchor_spans(text, g, folded) if starts is not None else None
    infix_rx = _infix_regex(vocab.lang)
    for m in _scan(money, text, g.anchor, resume=resume, starts=starts, spans=spans):
        gd = m.groupdict()
        n = gd["n1"] or gd["n2"] or gd["n3"]
        rng = gd["r1"] or gd["r2"] or ""
        infix = None
        if infix_rx is not None and not rng and not any(c.isdigit() for c in n):
            # "300 с лишним миллионов тенге", "300-odd million dollars": the number stands before a trailing
            # qualifier put inside the amount; the scale word alone is not "a million"
            infix = infix_rx.search(text, max(0, m.start() - 40), m.start())
        code = None
        if gd["pre"]:
            code = _code(gd["pre"], vocab.currency_pre)
        post = gd["post1"] or gd["post2"]
        ambiguous = None
        if post and not code:
            code = _code(post, vocab.currency_post, vocab) or _code(post, vocab.currency_pre)
            ambiguous = vocab.ambiguous.get(vocab.key(" ".join(post.split())))
        s, e = m.start(), m.end()
        if gd["post2"] and code and not g.scale_any.search(n) and re.match(r"\s?\d", text[e:e + 2]) \
                and _code(gd["post2"], vocab.currency_pre):
            resume[0] = m.start("post2")
            continue            # "dividends for 2025 of KZT 130 billion": the code opens the next amount
        remote = False
        if gd["n3"]:
            # a bare large number: money only in a money context and not a count of things
            if _counts_things(text, e, vocab) or _counted_before(text, s, vocab) \
                    or _unit_of_the_number_before(text, s, max(last_end, 0), n, vocab):
                continue
            if n.strip().lower() in vocab.short:
                continue
            if last_currency is None or s - last_end > BARE_REACH or "\n\n" in text[last_end:s]:
                # a bare "20 million" far from any amount, or in another paragraph, is not money, unless it is
                # said in a quote of an article whose amounts are all in one currency (settled below)
                if last_currency is None or not _speaker(quotes, s, quote_starts)[1]:
                    continue
                remote = True
            code, inferred = last_currency, True
            ambiguous = last_ambiguous
        else:
            inferred = False
        if code is None and not remote:
            continue
        lo, hi, vague = parse_number(n, vocab.lang)
        if infix is not None:
            lo2, hi2, _ = parse_number(infix.group("num") + " " + n.strip(), vocab.lang)
            if lo2 > lo:
                lo, hi, s = lo2, hi2, infix.start()
            else:
                infix = None
        if not lo and not hi:
            continue            # a sign or a word with no number in it never gives an amount
        if remote and lo < QUOTED_REACH:
            continue
        if gd["pre"] and not rng and not g.scale_any.search(n):
            foreign = _foreign_scale(text, e, vocab.lang)
            if foreign:         # "$1 млрд" read with another language's pack: the scale word still counts
                lo, hi, e = lo * foreign[0], hi * foreign[0], foreign[1]
        qualifier = "exact"
        opener = opener_rx.search(text, max(0, s - 16), s) if opener_rx else None
        if rng and rng.strip():
            jm = g.joiner.match(rng)
            second = rng[jm.end():] if jm else rng
            joiner = jm.group().strip().lower() if jm else ""
            for p, _ in vocab.currency_pre:
                if joiner.endswith(p.lower()):
                    joiner = joiner[: -len(p)].strip()
            lo2, hi2, v2 = parse_number(second, vocab.lang)
            needs = vocab.joiner_needs.get(joiner)
            if needs and not (opener and opener.group(1).lower() in needs):
                # "$500,000 and $12,000", "на $300 млн до $1,5 млрд": not a range; the second amount is read anew
                e = m.start("r1") if gd["r1"] else m.start("r2")
                resume[0] = e
                if gd["r2"] and not g.scale_any.search(n):
                    continue    # "agreed in 2023 and 1.2 billion RMB": the first number is not money
            else:
                if gd["r2"] and not g.scale_any.search(n) and re.fullmatch(r"(?:19|20)\d\d", n.strip()) \
                        and g.scale_any.search(second):
                    resume[0] = m.start("r2")
                    continue    # "from 1.1 billion dollars in 2021 to 1.5 billion dollars": a year, then the amount
                if not g.scale_any.search(n):
                    # "$1-2 billion": the scale of the second number applies to the first
                    m2 = re.match(g.digits, second.strip())
                    if m2 and _digits_value(m2.group(), vocab.decimal_comma):
                        scale = lo2 / _digits_value(m2.group(), vocab.decimal_comma)
                        lo, hi = lo * scale, hi * scale
                hi, qualifier, vague = max(hi2, hi), "range", vague or v2
        if vague and qualifier == "exact":
            qualifier = "approx"
        worded = not rng and qualifier == "exact" and lo < hi     # "два-три миллиарда": a range of number words
        q = _phrase_before(text, s, vocab.qualifiers, vocab)
        if q and out and _second_end(text, out[-1], q, vocab, change_rx):
            q = None            # "вырос с 640 млн долларов в 2021 году до 912 млн": 'до' ends a change
        if q and _plain_to(text, q[1], s, e, vocab):
            q = None            # "довести товарооборот до $2 млрд": 'до' after a change or target verb is 'to'
        opened = False
        if q:
            s = q[1]
            if qualifier != "range":
                qualifier = q[0]
        elif qualifier == "range" and opener and opener.end() == s:
            s, opened = opener.start(), True
        trail = _phrase_after(text, e, vocab.trailing, vocab)
        if trail:
            qualifier, e = trail[0], trail[1]
        elif infix is not None:
            qualifier = _value(vocab, _phrases(vocab, vocab.trailing, "after")[1], infix.group("q").strip())
        if remote:
            far.append(_Fig(s, e, lo, hi, code, True, qualifier, vague,
                            extra={"ambiguous": ambiguous} if ambiguous else {}))
            continue
        last_currency, last_ambiguous, last_end = code, ambiguous, e
        extra = {"ambiguous": ambiguous} if ambiguous else {}
        if qualifier == "range" and _is_change(text, m, vocab, change_rx, opener):
            # "grew from $1.1 billion to $1.5 billion": a change between two amounts, not a range
            r_start = m.start("r1") if gd["r1"] else m.start("r2")
            lead = g.joiner_word.match(text, r_start).end() - r_start    # "to $1.5 billion": the sign is kept
            first_lo, _, first_vague = parse_number(n, vocab.lang)
            if not g.scale_any.search(n):
                first_lo = lo
            if opened:
                s = m.start()
            out.append(_Fig(s, r_start, first_lo, first_lo, code, inferred, "exact", first_vague, extra=dict(extra)))
            out.append(_Fig(r_start + lead, e, lo2, hi2, code, inferred, "exact", v2, extra=dict(extra)))   # its own value
            continue
        out.append(_Fig(s, e, lo, hi, code, inferred, "range" if worded and qualifier == "exact" else qualifier, vague,
                        extra=extra))
    if far:
        written: dict[str | None, int] = {}
        for f in out:
            if not f.inferred:
                written[f.currency] = written.get(f.currency, 0) + 1
        most = max(written.values(), default=0)
        kept = []
        for f in far:
            # the amount written out before it with the same value ("a $3 billion target … “Three billion is
            # not a dream”") says its currency; else the currency of the last amount before it, unless the
            # article writes another currency more often
            same = [w for w in out if not w.inferred and w.start < f.start and w.low == f.low and w.low > 0]
            if same:
                f.currency = same[-1].currency
                kept.append(f)
            elif f.currency in written and written[f.currency] == most:
                kept.append(f)
        if kept:
            out = sorted(out + kept, key=lambda f: f.start)
    return out


@lru_cache(maxsize=8)
def _infix_regex(lang: str) -> re.Pattern | None:
    """A number, then one of the pack's trailing qualifiers, right before a scale word ("300 с лишним",
    "300-odd "): the amount's own number, put before its qualifier."""
    v = load_vocab(lang)
    g = _grammar(lang)
    words = sorted((p for p, _ in v.trailing if p[:1].isalpha()), key=len, reverse=True)
    if not words:
        return None
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w.,])(?P<num>{g.digits})(?:\s+|-)(?P<q>{alt})\s+$", re.I)


@lru_cache(maxsize=8)
def _plain_to_regex(lang: str) -> tuple[dict[str, re.Pattern], re.Pattern]:
    """Per qualifier word of the pack's ``qualifier_after_verbs``, the verbs that make it a plain 'to'."""
    from .lang import pack
    v = load_vocab(lang)
    pk = pack(lang)
    fig = pk.section("figures")
    spec = fig.get("qualifier_after_verbs") or {}
    f = Checker(pk.file("figures") or (pk.path or Path(lang)) / "figures.yml")
    lexeme = _lexeme(pk.normaliser) if "qualifier_after_verbs" in (fig.get("inflect") or []) else None
    out = {}
    for word, verbs in f.mapping(spec, "qualifier_after_verbs").items():
        forms = set()
        for verb in f.texts(verbs, f"qualifier_after_verbs.{word}"):
            forms |= set(lexeme(verb)) if lexeme and verb.isalpha() else {verb}
        out[" ".join(str(word).lower().split())] = re.compile(rf"(?<![\w])(?:{_alt(sorted(forms))})(?![\w])", re.I)
    return out, re.compile(r"[.!?;]")


def _plain_to(text: str, q_start: int, s: int, e: int, vocab: Vocab) -> bool:
    """True when the qualifier word at q_start (before the amount s..e) follows or precedes, in the same
    sentence, a verb that makes it a preposition ("вырос до 900 млн", "до 900 млн вырос экспорт")."""
    verbs, stop = _plain_to_regex(vocab.lang)
    if not verbs:
        return False
    word = " ".join(text[q_start:s].lower().split())
    rx = verbs.get(word) or verbs.get(vocab.key(word))
    if rx is None:
        return False
    before = text[max(0, q_start - 60):q_start]
    cut = [m.end() for m in stop.finditer(before)]
    before = before[cut[-1]:] if cut else before
    after = text[e:e + 40]
    cut = stop.search(after)
    after = after[:cut.start()] if cut else after
    return bool(rx.search(before) or rx.search(after))


@lru_cache(maxsize=8)
def _per_unit_regex(lang: str) -> tuple[re.Pattern | None, re.Pattern | None, set[str]]:
    from .lang import pack
    v = load_vocab(lang)
    pk = pack(lang)
    fig = pk.section("figures")
    spec = fig.get("per_unit") or {}
    f = Checker(pk.file("figures") or (pk.path or Path(lang)) / "figures.yml")
    f.mapping(spec, "per_unit", allowed={"per", "articles", "not_units"})
    per = f.texts(spec.get("per") or [], "per_unit.per")
    arts = f.texts(spec.get("articles") or [], "per_unit.articles")
    lexeme = _lexeme(pk.normaliser) if "per_unit" in (fig.get("inflect") or []) else None
    not_units = set()
    for w in f.texts(spec.get("not_units") or [], "per_unit.not_units"):
        not_units |= set(lexeme(w)) if lexeme and w.isalpha() else {w.lower()}
    word = r"\s*([^\W\d_][\w-]*)"
    return (re.compile(rf"\s*(?:{_alt(per)}){word}", re.I) if per else None,
            re.compile(rf"\s+(?:{_alt(arts)})\s+([^\W\d_][\w-]*)", re.I) if arts else None, not_units)


def _per_unit(text: str, end: int, vocab: Vocab) -> bool:
    """True when the amount is a price per unit: "per tonne", "/bbl", "a barrel" (a unit the pack counts
    in ``not_money``), "за тонну"; never per a stretch of time ("a year", "per month", "за год")."""
    per, arts, not_units = _per_unit_regex(vocab.lang)
    m = per.match(text, end, end + 40) if per is not None else None
    if m:
        return m.group(1).lower() not in not_units
    m = arts.match(text, end, end + 40) if arts is not None else None
    if m:
        w = m.group(1).lower()
        return (w in vocab.not_money or vocab.form_of.get(w) in vocab.not_money) and w not in not_units
    return False


_BULLET = re.compile(r"[ \t]*(?:[-–—•*·▪►]|\d{1,2}[.)])\s")


def _list_lead(text: str, pos: int, reach: int = 12) -> str | None:
    """The line that introduces the list holding `pos` ("Belarus-Kazakhstan trade in 2023:" above "- Turnover:
    $1.12bn"): the nearest line above ending with a colon, with only list items or blank lines between."""
    start = text.rfind("\n", 0, pos) + 1
    if not _BULLET.match(text, start):
        return None
    for _ in range(reach):
        if start == 0:
            return None
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev:start - 1]
        if line.rstrip().endswith(":"):
            return line
        if line.strip() and not _BULLET.match(line):
            return None
        start = prev
    return None


def _counts_things(text: str, end: int, vocab: Vocab) -> bool:
    """True when one of the (at most three) words after a bare number names what it counts
    ("20 million people", "1.5 million Kazakh tourists", "3 млн новых рабочих мест"); a noun after
    another number counts that one ("half a billion in two years")."""
    pos = end
    for _ in range(3):
        w = _WORD_AFTER.match(text, pos, pos + 40)
        if w is None:
            break
        word = w.group(1).lower()
        if word in vocab.not_money or vocab.form_of.get(word) in vocab.not_money:
            return True
        if word[0].isdigit() or word in vocab.numbers or vocab.form_of.get(word) in vocab.numbers:
            break
        pos = w.end()
    return False


def _counted_before(text: str, start: int, vocab: Vocab) -> bool:
    """True when one of the two words before a bare number names what it counts ("a population of 20 million",
    "численность населения 20 млн"); a stretch of time (the pack's ``per_unit.not_units``) never does ("в 2019
    году — 850 млн", "over the years exceeded 6 billion")."""
    times = _per_unit_regex(vocab.lang)[2]
    for w in text[max(0, start - 40):start].split()[-2:]:
        w = w.strip(",:;()").lower()
        if w in times:
            continue
        if w in vocab.not_money or vocab.form_of.get(w) in vocab.not_money:
            return True
    return False


_NUMBER_AND_WORDS = re.compile(r"\d(?:[\d\s.,]*\d)?\s+([^\W\d_][\w.]*)(?:\s+([^\W\d_][\w-]*))?")


def _unit_of_the_number_before(text: str, start: int, floor: int, number: str, vocab: Vocab) -> bool:
    """True when the last number before a bare one, in its sentence and past the last amount of money, counts
    things of the same order ("Мы выпускаем 1,2 млн тонн в год, а заявок у нас на полтора миллиона": tonnes
    again; "8 million tonnes, and expect 3 billion" is money). Years and stretches of time are passed over."""
    window = text[max(floor, start - 150):start]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("! "), window.rfind("? "))
    times = _per_unit_regex(vocab.lang)[2]
    last = None
    for m in _NUMBER_AND_WORDS.finditer(window, cut + 1):
        words = [(w or "").strip(",:;()").lower() for w in m.groups()]
        if not any(w in times for w in words):
            last = m
    if last is None:
        return False
    if not any(w and (w in vocab.not_money or vocab.form_of.get(w) in vocab.not_money)
               for w in ((x or "").strip(",:;()").lower() for x in last.groups())):
        return False
    before, _, _ = parse_number(window[last.start():last.end()], vocab.lang)
    here, _, _ = parse_number(number, vocab.lang)
    return bool(before and here) and 1 / 100 <= here / before <= 100


_WORD_AFTER = re.compile(r"[^\S\n]*([\w-]+)")


@lru_cache(maxsize=8)
def _foreign_scales(lang: str) -> tuple[re.Pattern | None, dict[str, float]]:
    """Scale words and abbreviations of every other pack (a Russian 'млрд' in an article read as English)."""
    from .lang import available
    table: dict[str, float] = {}
    for code in available():
        if code == lang:
            continue
        v = load_vocab(code)
        table.update({k: val for k, val in v.short.items()})
        for w, val in v.scales.items():
            for form in v.forms.get(w, [w]):
                table.setdefault(form.lower(), val)
    if not table:
        return None, {}
    return re.compile(r"\s?(" + _abbrev_alt(list(table)) + r")(?![\w])", re.I), table


def _foreign_scale(text: str, end: int, lang: str) -> tuple[float, int] | None:
    rx, table = _foreign_scales(lang)
    m = rx.match(text, end) if rx is not None else None
    return (table[m.group(1).lower()], m.end()) if m else None


def _second_end(text: str, prev: _Fig, q: tuple[str, int], vocab: Vocab, change_rx: re.Pattern | None) -> bool:
    """True when the qualifier word before an amount is the joiner of a change begun by the previous amount."""
    word = text[q[1]:q[1] + 12].split()[0].lower() if text[q[1]:q[1] + 12].split() else ""
    if word not in {j.lower() for j in vocab.joiners} or q[1] - prev.end > 60 or re.search(r"[.;!?]", text[prev.end:q[1]]):
        return False
    before = text[max(0, prev.start - 60):prev.start]
    starts = ({w.lower() for w in vocab.change_from} | {w for ws in vocab.joiner_needs.values() for w in ws}
              | {w.lower() for w in vocab.relative_words.get("by") or []})
    lead = re.search(r"([\w-]+)\s*$", before)
    return bool(lead and lead.group(1).lower() in starts)


def _is_change(text: str, m: re.Match, vocab: Vocab, change_rx: re.Pattern | None, opener: re.Match | None) -> bool:
    """A 'from X to Y' pair is a change over time when a change verb leads it, its opening word says
    so (Russian "с X до Y"), or a year sits between X and Y. Two numbers joined by a dash alone
    ("на 10–15 млрд", "by $1-2 billion") are one range, whatever leads them."""
    r = "r1" if m.group("r1") else "r2"
    if re.match(r"\s*[-–—]\s*[^\W\d_]{0,3}\$?\s*\d", m.group(r) or ""):
        return False
    if change_rx is not None and change_rx.search(text, max(0, m.start() - 60), m.start()):
        return True
    if opener is not None and opener.group(1).lower() in {w.lower() for w in vocab.change_from}:
        return True
    lead = re.search(r"([\w-]+)\s*$", text[max(0, m.start() - 20):m.start()])
    if lead and lead.group(1).lower() in {w.lower() for w in vocab.relative_words.get("by") or []}:
        return True             # "grew by $300 million to $1.5 billion": the change, then the new amount
    return bool(re.search(r"(?<![\d])(?:19|20)\d\d(?![\d])", text[m.start():m.start(r) + 6]))


@dataclass
class _RelativeGrammar:
    exceed: re.Pattern | None          # "exceeded that by <amount>"
    exceed_firsts: Firsts
    times: re.Pattern | None           # "(nearly) double it"
    times_firsts: Firsts
    quals: dict[str, str]
    percent: re.Pattern | None         # "increased by 20%"
    percent_firsts: Firsts
    downs: set[str]


@lru_cache(maxsize=8)
def _relative_grammar(lang: str) -> _RelativeGrammar:
    """The regexes of `_relative_in` from the pack's ``relative_words`` and ``relative``, compiled once."""
    vocab = load_vocab(lang)
    rw = vocab.relative_words
    objects = rw.get("objects") or []
    subjects = rw.get("subjects") or []
    by = rw.get("by") or []
    subj = (rf"(?:(?:{_alt(rw.get('subject_modifiers') or ['the'])})\s+)*(?:{_alt(subjects)})"
            rf"(?:\s+(?:{_alt(rw.get('subject_tails') or ['turnover'])}))?") if subjects else "(?!x)x"
    exceed = times = percent = None
    if rw.get("exceed") and rw.get("exceed_objects") and by:
        exceed = re.compile(rf"(?<![\w])(?P<v>{_alt(rw['exceed'])})\s+(?P<obj>{_alt(rw['exceed_objects'])})(?P<gap>\s*[—–-]*\s*,?\s*)(?:{_alt(by)})\s+", re.I)
    quals = {" ".join(k.lower().split()): q for q, ks in (rw.get("qualifiers") or {}).items() for k in ks}
    if vocab.relative and objects:
        verbs = _alt(list(vocab.relative))
        qalt = _alt(list(quals)) if quals else "(?!x)x"
        times = re.compile(rf"(?<![\w])(?P<q>(?:{qalt})\s+)?(?P<v>{verbs})\s+(?P<obj>{_alt(objects)}|{subj})(?![\w])", re.I)
    up, down, pct = rw.get("increase") or [], rw.get("decrease") or [], rw.get("percent") or []
    if (up or down) and by and pct:
        percent = re.compile(rf"(?<![\w])(?P<v>{_alt(up + down)})\s+(?:(?:{_alt(objects)}|{subj})\s+)?"
                             rf"(?:{_alt(by)})\s+(?P<pct>\d+(?:[.,]\d+)?)\s*(?:{_alt(pct)})", re.I)
    # each begins with one of its words, followed by a space
    return _RelativeGrammar(exceed=exceed, exceed_firsts=firsts_of(words=rw.get("exceed") or []),
                            times=times, times_firsts=firsts_of(words=list(quals) + list(vocab.relative)),
                            quals=quals, percent=percent, percent_firsts=firsts_of(words=up + down),
                            downs={w.lower() for w in down})


def _relative_in(text: str, figs: list[_Fig], vocab: Vocab,
                 folded: Folded | None = None) -> tuple[list[_Fig], list[_Fig]]:
    """Figures stated against an earlier one: 'exceeded that by several billion', then 'double it'.

    Returns (kept plain figures, relative figures): the amount inside an
    "exceeded that by ..." clause becomes part of the relative figure. The
    words come from the pack's ``relative_words``; a pack without them skips
    these forms.
    """
    out: list[_Fig] = []
    rg = _relative_grammar(vocab.lang)
    money = _grammar(vocab.lang).money

    def found(rx: re.Pattern, firsts: Firsts):
        starts = folded.starts(firsts) if folded is not None else None
        return rx.finditer(text) if starts is None else matches_at(rx, text, starts)
    if rg.exceed is not None:
        for m in found(rg.exceed, rg.exceed_firsts):
            after = money.match(text, m.end())
            if not after:
                continue
            base = _base([f for f in figs if f.end <= m.start()], m.start())
            if base is None:
                continue
            n = after.group("n1") or after.group("n2") or after.group("n3")
            lo, hi, vague = parse_number(n, vocab.lang)
            out.append(_Fig(m.end(), after.end(), base.low + lo, base.high + hi, base.currency, True, "more_than",
                            vague or base.vague, extra={"base": base}))
    spans = [(f.start, f.end) for f in out]
    figs = [f for f in figs if not any(s <= f.start and f.end <= e for s, e in spans)]
    if rg.times is not None:
        quals = rg.quals
        for m in found(rg.times, rg.times_firsts):
            base = _base(sorted(figs + out, key=lambda f: f.start), m.start())
            if base is None:
                continue
            if any(m.end() <= f.start <= m.end() + 25 for f in figs):
                continue          # "double trade to $2 billion": the amount is stated outright
            factor = vocab.relative[m.group("v").lower()]
            qual = quals.get(" ".join((m.group("q") or "").lower().split()), "exact")
            out.append(_Fig(m.start(), m.end(), base.low * factor, base.high * factor, base.currency, True, qual,
                            base.vague, extra={"base": base}))
    # "(it) increased by 20%": a change in percent of the amount just before, in the same paragraph
    if rg.percent is not None:
        downs = rg.downs
        for m in found(rg.percent, rg.percent_firsts):
            here = sorted(figs + out, key=lambda f: f.start)
            base = _base(here, m.start())
            if base is None or m.start() - base.end > 300 or "\n" in text[base.end:m.start()]:
                continue
            if any(m.end() <= f.start <= m.end() + 40 for f in figs) or _in_same_clause(text, base.end, m.start()):
                continue          # "rose by 12% to $1.2 billion" / "$1.2 billion, up by 12%": no new amount
            sign = -1 if m.group("v").lower() in downs else 1
            factor = 1 + sign * float(m.group("pct").replace(",", ".")) / 100
            out.append(_Fig(m.start(), m.end(), base.low * factor, base.high * factor, base.currency, True, "exact",
                            base.vague, extra={"base": base}))
    return figs, out


ELLIPSIS_REACH = 150     # characters after an amount in which a bare number can stand for another of the same kind


@lru_cache(maxsize=8)
def _ellipsis_regex(lang: str) -> tuple[re.Pattern, re.Pattern, set[str]]:
    """A bare number (digits only); the words that may follow it ("and", "или"); the pack's month words."""
    v = load_vocab(lang)
    g = _grammar(lang)
    signs = "".join(re.escape(s_) for s_, _ in v.currency_pre if len(s_) == 1 and not s_.isalnum())
    joiners = [j for j in v.joiners if j[0].isalpha()] + list(v.conversion)
    after = re.compile(rf"[^\S\n]*(?:[.,;:!?»”\")]|$|(?:{_alt(joiners)})\s+\d)" if joiners else r"[^\S\n]*(?:[.,;:!?»”\")]|$)",
                       re.I | re.M)
    pg = _period_grammar(lang)
    return (re.compile(rf"(?<![\w.,{signs}%/-])({g.digits})(?![\w%/-]|[.,]\d)"), after, set(pg.months) if pg else set())


def _elliptical(text: str, figs: list[_Fig], vocab: Vocab, sents=()) -> list[_Fig]:
    """Bare numbers that stand for amounts of the kind just stated: "lamb 750 som a kilogram; beef, 820",
    "продаем за 350 тысяч тенге вместо 450", "экспорт — 82 млрд долларов, импорт — около 63". Each takes the
    currency and scale of the amount before it in its sentence (at most ELLIPSIS_REACH characters back),
    when it ends its clause or list item, is not a year, a date or a count, and is within a factor of three of
    that amount's number. `sents` are the article's sentences."""
    if not figs:
        return []
    g = _grammar(vocab.lang)
    rx, after, months = _ellipsis_regex(vocab.lang)
    taken = sorted((f.start, f.end) for f in figs)
    ends = [x.end for x in sents]
    out: list[_Fig] = []
    for base in figs:
        if base.currency is None:
            continue
        k = bisect.bisect_right(ends, base.start)
        sentence_end = ends[k] if k < len(ends) else len(text)
        d = re.search(g.digits, text[base.start:base.end])
        first = _digits_value(d.group(), vocab.decimal_comma) if d else 0.0
        if not first or not base.low:
            continue
        factor = base.low / first
        prev_end, prev_value = base.end, first
        for m in rx.finditer(text, base.end, min(len(text), base.end + 2 * ELLIPSIS_REACH)):
            if m.start() - prev_end > ELLIPSIS_REACH or m.start() >= sentence_end or "\n" in text[prev_end:m.start()]:
                break
            k = bisect.bisect_right(taken, (m.start(), float("inf"))) - 1
            if k >= 0 and taken[k][0] >= base.end:
                break               # another amount comes first: the run of the base amount is over
            value = _digits_value(m.group(1), vocab.decimal_comma)
            word_before = text[max(0, m.start() - 20):m.start()].split()[-1:] or [""]
            if (not value or (value.is_integer() and 1900 <= value <= 2100) or not 1 / 3 <= value / prev_value <= 3
                    or not after.match(text, m.end()) or word_before[0].strip(".,").lower() in months):
                break               # a number of another kind ends the run ("доли сторон — 50 на 50")
            s, qual = m.start(), "exact"
            q = _phrase_before(text, s, vocab.qualifiers, vocab)
            if q:
                s, qual = q[1], q[0]
            out.append(_Fig(s, m.end(), value * factor, value * factor, base.currency, True, qual, False,
                            extra=dict(base.extra)))
            prev_end, prev_value = m.end(), value
    seen: set[int] = set()
    kept = []
    for f in sorted(out, key=lambda f: f.start):
        if f.start not in seen:
            seen.add(f.start)
            kept.append(f)
    return kept


def _in_same_clause(text: str, a: int, b: int) -> bool:
    """True when nothing but a comma-free stretch separates positions a and b in a sentence."""
    between = text[a:b]
    return len(between) < 40 and not re.search(r"[.;!?]", between)


def _base(figs: list[_Fig], pos: int) -> _Fig | None:
    before = [f for f in figs if f.end <= pos]
    return before[-1] if before else None



# --------------------------------------------------------------------------- context: parties, flow, period, reporter

# metric label (shared by every pack) -> flow
_FLOW = {"trade turnover": "turnover", "exports": "exports", "imports": "imports", "investment": "investment",
         "contract value": "contract", "loan": "loan", "budget": "budget", "price": "price"}
_TRADE_FLOWS = {"turnover", "exports", "imports", "investment", "contract"}


@dataclass
class Places:
    """Country, bloc and statistics-office names of one pack, as one regex each."""
    rx: re.Pattern | None
    canon: dict[str, str]             # form or lookup key -> canonical name
    reporters: re.Pattern | None
    reporter_canon: dict[str, str]
    reporter_words: re.Pattern | None
    pair_words: re.Pattern | None
    to_words: set[str]
    from_words: set[str]
    partner_words: set[str] = field(default_factory=set)   # "trade with Kazakhstan": a partner of the subject
    total_words: re.Pattern | None = None                  # "foreign trade": one country with the world
    firsts: Firsts = Firsts(frozenset())                   # where a name of `rx` can start (`Folded`)


@lru_cache(maxsize=8)
def _places(lang: str) -> Places:
    from .lang import pack
    v = load_vocab(lang)
    pk = pack(lang)
    countries = pk.section("countries") or {}
    fig = pk.section("figures")
    ctx = fig.get("context") or {}
    f = Checker(pk.file("figures") or (pk.path or Path(pk.code)) / "figures.yml")
    if ctx:
        f.mapping(ctx, "context", allowed={"blocs", "reporters", "reporter_words", "pair_words", "to_words",
                                           "from_words", "partner_words", "total_words"})
    lexeme = _lexeme(pk.normaliser) if "countries" in (fig.get("inflect") or []) else None
    canon: dict[str, str] = {}
    forms: list[str] = []
    first_forms: list[str] = []

    def add(name: str, written: str, table: dict, out: list) -> None:
        words = written.split()
        if out is forms:
            first_forms.extend(lexeme(words[0]) if lexeme is not None and all(w.isalpha() for w in words)
                               else [written])
        if lexeme is not None and all(w.isalpha() for w in words):
            alts = [lexeme(w) for w in words]
            choices = [sorted(a, key=len, reverse=True) for a in alts]
            out.append((r"\s+".join("(?:" + "|".join(re.escape(x) for x in c) + ")" for c in choices),
                        _piece(choices)[1]))
            for w, a in zip(words, alts):
                for x in a:
                    v.form_of.setdefault(x, w.lower())
        else:
            out.append((re.escape(written).replace(r"\ ", r"\s+"), [written]))
        table[" ".join(w.lower() for w in words)] = name

    places = {**{k: v_ for k, v_ in countries.items()}, **(ctx.get("blocs") or {})}
    for name, written in places.items():
        for w in [name, *(_words_of(written))]:
            add(name, str(w), canon, forms)
    rep_canon: dict[str, str] = {}
    rep_forms: list[str] = []
    for name, written in (ctx.get("reporters") or {}).items():
        for w in _words_of(written):
            add(name, str(w), rep_canon, rep_forms)

    def rx(alts: list[tuple[str, list[str] | None]]) -> re.Pattern | None:
        return re.compile(r"(?<![\w])(?:" + _alternation(sorted(alts, key=lambda x: len(x[0]), reverse=True))
                          + r")(?![\w])", re.I) if alts else None
    word_canon: dict[str, str] = {}
    word_forms: list[str] = []
    for label, written in (ctx.get("reporter_words") or {}).items():
        for w in _words_of(written):
            add(label, str(w), word_canon, word_forms)
    rep_canon.update({f"\0{k}": val for k, val in word_canon.items()})
    return Places(rx=rx(forms), canon=canon, reporters=rx(rep_forms), reporter_canon=rep_canon,
                  reporter_words=rx(word_forms),
                  pair_words=rx([(v.alt(_words_of(ctx.get("pair_words"))), None)]) if ctx.get("pair_words") else None,
                  to_words={w.lower() for w in _words_of(ctx.get("to_words"))},
                  from_words={w.lower() for w in _words_of(ctx.get("from_words"))},
                  partner_words={w.lower() for w in _words_of(ctx.get("partner_words"))},
                  total_words=rx([(v.alt(_words_of(ctx.get("total_words"))), None)]) if ctx.get("total_words") else None,
                  firsts=firsts_of(words=first_forms))


def _canon_of(places: Places, table: dict[str, str], vocab: Vocab, written: str) -> str | None:
    w = " ".join(written.lower().split())
    return table.get(w) or table.get(vocab.key(w))


@dataclass
class _Mention:
    start: int
    end: int
    name: str


def _mentions(text: str, places: Places, vocab: Vocab, folded: Folded | None = None) -> list[_Mention]:
    if places.rx is None:
        return []
    out = []
    starts = folded.starts(places.firsts) if folded is not None else None
    for m in places.rx.finditer(text) if starts is None else matches_at(places.rx, text, starts):
        name = _canon_of(places, places.canon, vocab, m.group())
        if name:
            out.append(_Mention(m.start(), m.end(), name))
    return out


@lru_cache(maxsize=8)
def _currency_words(lang: str) -> tuple[re.Pattern, Firsts]:
    """The pack's currency words (a match may begin inside a word), and their first words for `Folded`."""
    v = load_vocab(lang)
    phrases = [w for w, _ in v.currency_post]
    firsts = [f for p in phrases for f in v.forms.get(p.split()[0].lower(), [p.split()[0]])]
    return re.compile(rf"(?:{v.alt(phrases)})(?![\w])", re.I), firsts_of(inside=firsts)


def _not_in_currency(text: str, mentions: list[_Mention], vocab: Vocab,
                     folded: Folded | None = None) -> list[_Mention]:
    """Mentions that are not part of a currency's name ("Russian rubles", "Kazakh tenge", "долларов США")."""
    rx, firsts = _currency_words(vocab.lang)
    starts = folded.starts(firsts) if folded is not None else None
    if starts is None:
        search = rx.search
    else:                              # no currency word starts elsewhere: try the regex only there
        def search(text: str, pos: int, endpos: int) -> re.Match | None:
            return search_at(rx, text, starts, pos, endpos)
    out = []
    for m in mentions:
        if starts is not None:
            k = bisect.bisect_left(starts, m.start - 30)
            if k == len(starts) or starts[k] >= m.end + 30:
                out.append(m)          # no currency word can begin near it (nor in a word the window cuts:
                continue               # its automaton finds the words inside others too)
        w = search(text, max(0, m.start - 30), m.end + 30)
        inside = False
        while w is not None and w.start() <= m.start:
            if w.end() >= m.end:
                inside = True          # the country word is inside a currency phrase
                break
            w = search(text, w.end(), m.end + 30)
        if not inside and w is not None and w.start() >= m.end and not text[m.end:w.start()].strip():
            inside = True              # an adjective right before a currency word
        if not inside:
            out.append(m)
    return out


def _dominant(mentions: list[_Mention], title_end: int) -> list[str]:
    """The article's two most-mentioned places (a headline mention counts twice)."""
    counts: dict[str, float] = {}
    first: dict[str, int] = {}
    for m in mentions:
        counts[m.name] = counts.get(m.name, 0) + (2 if m.start < title_end else 1)
        first.setdefault(m.name, m.start)
    ranked = sorted(counts, key=lambda k: (-counts[k], first[k]))
    return sorted(ranked[:2])


def _distinct(ms: list[_Mention]) -> list[str]:
    out: list[str] = []
    for m in ms:
        if m.name not in out:
            out.append(m.name)
    return out


def _in(ms: list[_Mention], a: int, b: int, skip: list[tuple[int, int]]) -> list[_Mention]:
    """Mentions inside [a, b) that no span of `skip` (sorted, not overlapping) covers; log time to find them."""
    i = bisect.bisect_left(ms, a, key=lambda m: m.start)
    out = []
    while i < len(ms) and ms[i].start < b:
        m = ms[i]
        k = bisect.bisect_right(skip, (m.start, float("inf"))) - 1
        if m.end <= b and not (k >= 0 and skip[k][0] <= m.start < skip[k][1]):
            out.append(m)
        i += 1
    return out


def _direction(text: str, ms: list[_Mention], places: Places) -> tuple[str, str, str]:
    """(owner, destination, origin) among the mentions: 'exports to X' / 'imports from Y' / "X's exports"."""
    owner = dest = origin = ""
    for m in ms:
        prev = re.search(r"([\w-]+)\s+$", text[max(0, m.start - 20):m.start])
        w = prev.group(1).lower() if prev else ""
        if w in places.to_words and not dest:
            dest = m.name
        elif w in places.from_words and not origin:
            origin = m.name
        elif not owner:
            owner = m.name
    return owner, dest, origin


def _parties(text: str, mentions: list[_Mention], places: Places, flow: str, clause: tuple[int, int],
             sent: tuple[int, int], skip: list[tuple[int, int]], dominant: list[str], title: list[str],
             previous: tuple[str, ...] | None) -> tuple[list[str], str, str]:
    """Parties (canonical, sorted), exporter and importer of one figure."""
    in_clause = _in(mentions, *clause, skip)
    in_sent = _in(mentions, *sent, skip)
    names = _distinct(in_clause)
    if len(names) == 1 and len(_distinct(in_sent)) > 2:
        # "Kazakhstan's trade with Russia fell ..., while trade with the EU was up": the sentence's subject
        # and the clause's country
        names = _distinct(in_sent[:1] + in_clause)
        if len(names) < 2:
            names = _distinct(in_clause + in_sent)
    elif len(names) < 2:
        names = _distinct(in_clause + in_sent) if len(_distinct(in_sent)) >= 2 else names
    pair_word = bool(places.pair_words and places.pair_words.search(text, *sent))
    if not names:
        if pair_word and len(dominant) == 2:
            names = list(dominant)
        elif previous:
            names = list(previous)
        elif flow in _TRADE_FLOWS:
            names = title if len(title) >= 2 else list(dominant) if len(dominant) == 2 else title
    elif len(names) == 1 and flow in _TRADE_FLOWS and len(dominant) == 2 and names[0] in dominant \
            and not (places.total_words and places.total_words.search(text, *clause)):
        # "trade with Kazakhstan" in a Belarus-Kazakhstan article is the pair's; "Kazakhstan's foreign trade"
        # (the pack's total_words) and a country named alone outside an article about the pair are its own
        m = next(x for x in in_clause + in_sent if x.name == names[0])
        prev = re.search(r"([\w-]+)\s+$", text[max(0, m.start - 20):m.start])
        partner = bool(prev and prev.group(1).lower() in places.partner_words | places.to_words | places.from_words)
        if partner or pair_word or set(dominant) <= set(title) or (previous and set(previous) == set(dominant)):
            names = list(dominant)
    exporter = importer = ""
    if flow in ("exports", "imports") and names:
        owner, dest, origin = _direction(text, in_clause or in_sent, places)
        if flow == "exports":
            exporter, importer = (origin or owner), dest
        else:
            importer, exporter = (dest or owner), origin
        if len(names) == 2:
            if exporter and not importer and exporter in names:
                importer = next(n for n in names if n != exporter)
            elif importer and not exporter and importer in names:
                exporter = next(n for n in names if n != importer)
        if exporter == importer:
            exporter = importer = ""
    return sorted(names[:3]), exporter, importer


def _reporter(text: str, sent: tuple[int, int], mentions: list[_Mention], places: Places,
              vocab: Vocab) -> tuple[str, list[tuple[int, int]]]:
    """Whose statistics the sentence cites, and the spans of those words (not parties)."""
    if places.reporters is not None:
        m = places.reporters.search(text, *sent)
        if m:
            name = _canon_of(places, places.reporter_canon, vocab, m.group())
            if name:
                return name, [(m.start(), m.end())]
    if places.reporter_words is not None:
        for m in places.reporter_words.finditer(text, *sent):
            before = [x for x in _in(mentions, sent[0], m.start(), []) if m.start() - x.end <= 3]
            if before:
                w = " ".join(m.group().lower().split())
                label = places.reporter_canon.get("\0" + w) or places.reporter_canon.get("\0" + vocab.key(w), w)
                return f"{before[-1].name} {label}", [(before[-1].start, m.end())]
    return "", []


@lru_cache(maxsize=8)
def _hint_regex(lang: str) -> dict[str, re.Pattern]:
    v = load_vocab(lang)
    return {code: re.compile(rf"(?<![\w])(?:{v.alt(words)})(?![\w])", re.I) for code, words in v.hints.items() if words}


@lru_cache(maxsize=8)
def _rate_regex(lang: str) -> re.Pattern | None:
    v = load_vocab(lang)
    from .lang import pack
    pk = pack(lang)
    spec = (pk.section("figures") or {}).get("rates") if pk.file("figures") else None
    if not spec:
        return None
    g = _grammar(lang)
    cur = rf"(?:{v.alt([w for w, _ in v.currency_post])}|{_alt([s_ for s_, _ in v.currency_pre])})"
    before, per = _alt(_words_of(spec.get("before"))), _alt(_words_of(spec.get("per")))
    return re.compile(
        rf"(?<![\w])(?:(?:(?:{before})\s+)?(?P<n>{g.digits})\s*(?P<c>{cur})\s*(?:{per})\s*(?:1\s*|one\s+)?(?P<base>{cur})(?![\w])"
        rf"|1\s*(?P<base2>{cur})\s*=\s*(?P<n2>{g.digits})\s*(?P<c2>{cur})(?![\w]))", re.I)


@lru_cache(maxsize=8)
def _rate_firsts(lang: str) -> Firsts:
    """A stated rate begins with a digit or one of the pack's words before it ("at")."""
    from .lang import pack
    pk = pack(lang)
    spec = (pk.section("figures") or {}).get("rates") if pk.file("figures") else None
    return firsts_of(words=_words_of((spec or {}).get("before")), digits=True)


def _rates_in(text: str, vocab: Vocab, folded: Folded | None = None) -> tuple[dict[str, float], list[tuple[int, int]]]:
    """Exchange rates the article states ("at 450 tenge per dollar", "1 USD = 470.15 KZT"): USD per unit of each
    currency, and the spans they cover (a rate is not two amounts)."""
    rx = _rate_regex(vocab.lang)
    rates: dict[str, float] = {}
    spans: list[tuple[int, int]] = []
    if rx is None or not any(ch.isdigit() for ch in text):
        return rates, spans
    starts = folded.starts(_rate_firsts(vocab.lang)) if folded is not None else None
    for m in rx.finditer(text) if starts is None else matches_at(rx, text, starts):
        n, c, base = (m.group("n"), m.group("c"), m.group("base")) if m.group("n") else (m.group("n2"), m.group("c2"), m.group("base2"))
        code = _code(c, vocab.currency_post, vocab) or _code(c, vocab.currency_pre)
        base_code = _code(base, vocab.currency_post, vocab) or _code(base, vocab.currency_pre)
        value = _digits_value(n, vocab.decimal_comma)
        if not value or not code or not base_code or code == base_code:
            continue
        if base_code == "USD":
            # a word naming several currencies ("3.5 manat per dollar") gives the rate of each; the article's
            # amounts in that word are resolved to one of them
            for cc in vocab.ambiguous.get(vocab.key(" ".join(c.split())), [code]):
                rates.setdefault(cc, 1.0 / value)
        elif code == "USD":
            for cc in vocab.ambiguous.get(vocab.key(" ".join(base.split())), [base_code]):
                rates.setdefault(cc, value)
        else:
            continue
        spans.append((m.start(), m.end()))
    return rates, spans


@lru_cache(maxsize=8)
def _conversion_regex(lang: str) -> re.Pattern:
    """What may stand between an amount and the same amount in dollars: a bracket, maybe with one of the
    pack's ``conversion`` words inside ("(эквивалент $130 млн)"), or those words alone."""
    v = load_vocab(lang)
    words = _alt(v.conversion) if v.conversion else "(?!x)x"
    # a bracket alone; or a conversion phrase among at most a few words, maybe in a bracket ("(по курсу Нацбанка —
    # около $76 млн)", ", что по текущему курсу эквивалентно $220 млн"); never a digit or a sentence's end
    few = r"(?:[^\W\d_][\w-]*[\s,—–-]*){0,6}"
    return re.compile(rf"[\s,]*(?:[(\[][\s—–-]*|[(\[]?[\s—–-]*{few}(?<![\w-])(?:{words})(?![\w])[\s,—–-]*{few})$",
                      re.I)


def _conversions(text: str, figs: list[_Fig], vocab: Vocab) -> dict[int, float]:
    """Amounts the article converts to dollars itself: "3.2 trillion tenge ($6.8 billion)", "120 billion
    tenge, or about $250 million". Both stay figures (each is written in the text); the first takes its
    dollar value from the second: {id(first): USD per unit}."""
    between = _conversion_regex(vocab.lang)
    out: dict[int, float] = {}
    for n, (a, b) in enumerate(zip(figs, figs[1:])):
        if a.currency in (None, "USD") or b.currency != "USD" or b.inferred or b.start - a.end > 60:
            continue
        if between.match(text[a.end:b.start]) and a.low and a.high:
            out[id(a)] = ((b.low + b.high) / 2) / ((a.low + a.high) / 2)
            if b.relative_to is None:
                b.relative_to = n                  # the dollar amount restates the first: relative_to names it
    # the same amount written again elsewhere (in the headline: "кредит на 110 млрд тенге") is the same dollars
    same = {(a.currency, a.low, a.high): out[id(a)] for a in figs if id(a) in out}
    for a in figs:
        rate = same.get((a.currency, a.low, a.high))
        if rate is not None and id(a) not in out:
            out[id(a)] = rate
    return out


def _resolve_currencies(text: str, figs: list[_Fig], mentions: list[_Mention], vocab: Vocab) -> None:
    """Give a word that names several currencies ("rubles") the one the article means, and mark it inferred.

    Evidence, strongest first: amounts in the article written with one of the
    candidates explicitly (Belarusian rubles, BYN, Br); words that point to one
    (the national bank named, pack ``hints``); the candidates' home countries
    among the places the article names (Belarus but not Russia). Else the first
    candidate the pack lists.
    """
    todo = [f for f in figs if f.extra.get("ambiguous")]
    if not todo:
        return
    cache: dict[tuple[str, ...], str] = {}
    for f in todo:
        cands = tuple(f.extra["ambiguous"])
        if cands not in cache:
            explicit = {f2.currency for f2 in figs if not f2.extra.get("ambiguous") and f2.currency in cands}
            pick = next(iter(explicit)) if len(explicit) == 1 else None
            if pick is None:
                hinted = {c for c, rx in _hint_regex(vocab.lang).items() if c in cands and rx.search(text)}
                pick = next(iter(hinted)) if len(hinted) == 1 else None
            if pick is None:
                named = {m.name for m in mentions}
                homes = {c for c in cands if vocab.home.get(c) in named}
                pick = next(iter(homes)) if len(homes) == 1 else cands[0]
            cache[cands] = pick
        f.currency, f.inferred = cache[cands], True


@dataclass
class PeriodGrammar:
    rx: re.Pattern
    months: dict[str, int]
    ordinals: dict[str, int]
    counts: dict[str, int]
    vocab: Vocab
    firsts: Firsts | None = None       # where a match of `rx` can begin (`Folded`)


@lru_cache(maxsize=8)
def _period_grammar(lang: str) -> PeriodGrammar | None:
    from .lang import pack
    v = load_vocab(lang)
    pk = pack(lang)
    fig = pk.section("figures") if pk.file("figures") else {}
    spec = (fig.get("period") or {})
    if not spec.get("months"):
        return None
    f = Checker(pk.file("figures"))
    lexeme = _lexeme(pk.normaliser) if "period" in (fig.get("inflect") or []) else None

    def table(key: str) -> tuple[dict[str, int], str]:
        out: dict[str, int] = {}
        for w, n in f.mapping(spec.get(key) or {}, f"period.{key}").items():
            n = int(f.number(n, f"period.{key}.{w}"))
            for x in (lexeme(str(w)) if lexeme and str(w).isalpha() else [str(w)]):
                out.setdefault(x.lower(), n)
        ordered = sorted(out, key=len, reverse=True)
        return out, _alternation([(re.escape(x), None if " " in x else [x]) for x in ordered])

    def words(key: str) -> str:
        ws = []
        for w in f.texts(spec.get(key) or [], f"period.{key}"):
            choices = [sorted(lexeme(p), key=len, reverse=True) if lexeme and p.isalpha() else [p] for p in w.split()]
            parts = [("(?:" + "|".join(re.escape(x) for x in c) + ")") if lexeme and p.isalpha() else re.escape(p)
                     for p, c in zip(w.split(), choices)]
            ws.append((r"\s+".join(parts), _piece(choices)[1]))
        return _alternation(sorted(ws, key=lambda x: len(x[0]), reverse=True)) or "(?!x)x"

    months, mon = table("months")
    ordinals, ordn = table("ordinals")
    counts, cnt = table("counts")
    of = words("of")
    the = rf"(?:(?:{words('article')})\s+)?"
    yr = r"(?:19|20)\d\d(?![\d])"
    tail = rf"(?:\s+(?:(?:{of})\s+)?{the}(?P<{{y}}>{yr}))?"
    dash = r"\s*(?:[-–—]|\s(?:" + words("through") + r")\s)\s*"
    quarter, half, month_word, year_word = words("quarter"), words("half"), words("month_words"), words("year")
    # a point in time: "as of 1 January 2024", "as of Dec. 31", "at the end of 2023", "на начало года"
    suffix = words("day_suffixes")
    day = rf"\d{{1,2}}(?:{suffix})?"
    date = (rf"(?:(?P<pd>{day})\s+(?P<pm>{mon})\.?(?:,?\s+(?P<py>{yr}))?"
            rf"|(?P<pm2>{mon})\.?\s+(?P<pd2>{day})(?![\d])(?:,?\s+(?P<py2>{yr}))?)")
    edge = rf"(?:{the}(?:{year_word})(?![\w])|(?P<{{y}}>{yr})|(?P<{{m}}>{mon})(?:\s+(?P<{{my}}>{yr}))?)"
    rx = re.compile(
        rf"(?<![\w])(?:"
        rf"(?:{words('point_on')})\s+{date}"
        rf"|(?P<pe>{words('point_end')})\s*{edge.format(y='pey', m='pem', my='pemy')}"
        rf"|(?P<ps>{words('point_start')})\s*{edge.format(y='psy', m='psm', my='psmy')}"
        rf"|(?P<qo>{ordn})[\s-]+(?:{quarter}){tail.format(y='qy')}"
        rf"|(?P<qs>[Qq][1-4]|[1-4][Qq]|[IV]{{1,3}}\s+(?:{quarter})){tail.format(y='qsy')}"
        rf"|(?P<ho>{ordn})[\s-]+(?:{half})(?:\s+(?:{of})\s+{the}(?:{year_word}))?{tail.format(y='hy')}"
        rf"|(?P<hs>[Hh][12]){tail.format(y='hsy')}"
        rf"|(?:{the}(?:{ordn})\s+)?(?P<mc>{cnt}|\d{{1,2}})\s+(?:{month_word}){tail.format(y='mcy')}"
        rf"|(?P<m1>{mon}){dash}(?P<m2>{mon}){tail.format(y='my')}"
        rf"|(?P<y1>{yr}){dash}(?P<y2>(?:19|20)?\d\d)(?![\d])"
        rf"|(?P<m>{mon})\s+(?:(?:{of})\s+)?(?P<msy>{yr})"
        rf")(?![\w])", re.I)
    def first_forms(key: str) -> list[str]:     # the forms `words` writes for each phrase's first word
        return [x for w in f.texts(spec.get(key) or [], f"period.{key}") for p in [w.split()[0]]
                for x in (lexeme(p) if lexeme and p.isalpha() else [p])]
    # a month, ordinal, count or article word followed by a space or a dash; the point words (maybe
    # followed by a year with no space); Q1, 1Q, IV quarter, H1; a digit
    roman = ["".join(x) for n in (1, 2, 3) for x in product("iv", repeat=n)]
    firsts = firsts_of(words=[*months, *ordinals, *counts, *first_forms("article"),
                              "q1", "q2", "q3", "q4", "h1", "h2", *roman],
                       prefixes=[*first_forms("point_on"), *first_forms("point_end"), *first_forms("point_start")],
                       digits=True)
    return PeriodGrammar(rx=rx, months=months, ordinals=ordinals, counts=counts, vocab=v, firsts=firsts)


def _point(g: "PeriodGrammar", gd: dict, year: int) -> tuple[str, str, str] | None:
    """A point in time (period_start == period_end): a date, or the end or start of a year or month."""
    import calendar
    key = lambda k: " ".join(gd[k].lower().split())  # noqa: E731
    if gd["pd"] or gd["pd2"]:
        mo = g.months.get(key("pm") if gd["pd"] else key("pm2"))
        d = int(re.match(r"\d+", gd["pd"] or gd["pd2"]).group())
        if not mo or not 1 <= d <= calendar.monthrange(year, mo)[1]:
            return None
        day = f"{year:04d}-{mo:02d}-{d:02d}"
    else:
        end = bool(gd["pe"])
        mk = "pem" if end else "psm"
        mo = g.months.get(key(mk)) if gd[mk] else None
        if gd[mk] and not mo:
            return None
        if mo:
            day = _last_day(year, mo) if end else f"{year:04d}-{mo:02d}-01"
        else:
            day = f"{year:04d}-12-31" if end else f"{year:04d}-01-01"
    return day, day, day


def _last_day(y: int, m: int) -> str:
    import calendar
    return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


def _span(y: int, m1: int, m2: int) -> tuple[str, str]:
    return f"{y:04d}-{m1:02d}-01", _last_day(y, m2)


def _period_of(sentence: str, rel: int, rel_end: int, fy: int | None, lang: str,
               claim: str, folded: Folded | None = None, offset: int = 0) -> tuple[str, str, str] | None:
    """(label, start, end) of the sub-year or multi-year period nearest the amount, if the sentence names one.

    With `folded`, the sentence is the article's text from `offset` on (the regex is tried only where a
    period can begin)."""
    g = _period_grammar(lang)
    if g is None:
        return None
    best = None
    for m in g.rx.finditer(sentence) if folded is None else folded.finditer(g.rx, g.firsts, sentence, offset):
        d = m.start() - rel_end if m.start() >= rel_end else rel - m.end()
        if best is None or d < best[0]:
            best = (d, m)
    if best is None:
        return None
    m = best[1]
    gd = m.groupdict()
    year = next((int(gd[k]) for k in ("qy", "qsy", "hy", "hsy", "mcy", "my", "msy", "py", "py2", "pey", "pemy",
                                      "psy", "psmy") if gd.get(k)), None) or fy
    low = lambda k: " ".join(gd[k].lower().split())  # noqa: E731
    if year is not None and (gd["pd"] or gd["pd2"] or gd["pe"] or gd["ps"]):
        return _point(g, gd, year)
    if gd["y1"]:
        y1, y2 = int(gd["y1"]), gd["y2"]
        y2 = int(y2) if len(y2) == 4 else int(gd["y1"][:2] + y2)
        if y2 <= y1:
            return None
        return f"{y1}/{y2}", f"{y1:04d}-01-01", f"{y2:04d}-12-31"
    if year is None:
        return None
    if gd["qo"] or gd["qs"]:
        if gd["qo"]:
            q = g.ordinals.get(low("qo"))
        else:
            t = gd["qs"].split()[0].upper().replace("Q", "")
            q = {"I": 1, "II": 2, "III": 3, "IV": 4}.get(t) or int(t)
        if not q or q > 4:
            return None
        a, b = _span(year, 3 * q - 2, 3 * q)
        return f"{year}-Q{q}", a, b
    if gd["ho"] or gd["hs"]:
        h = g.ordinals.get(low("ho")) if gd["ho"] else int(gd["hs"][1])
        if h not in (1, 2):
            return None
        a, b = _span(year, 6 * h - 5, 6 * h)
        return f"{year}-H{h}", a, b
    if gd["mc"]:
        n = g.counts.get(low("mc")) or (int(gd["mc"]) if gd["mc"].isdigit() else 0)
        if not 1 <= n <= 12:
            return None
        if n == 12:
            return str(year), f"{year:04d}-01-01", f"{year:04d}-12-31"
        a, b = _span(year, 1, n)
        return f"{year}-01/{year}-{n:02d}", a, b
    if gd["m1"]:
        m1, m2 = g.months.get(low("m1")), g.months.get(low("m2"))
        if not (m1 and m2 and m1 < m2):
            return None
        a, b = _span(year, m1, m2)
        return f"{year}-{m1:02d}/{year}-{m2:02d}", a, b
    if gd["m"]:
        mo = g.months.get(low("m"))
        if not mo:
            return None
        a, b = _span(year, mo, mo)
        return f"{year}-{mo:02d}", a, b
    return None



def figures_in_text(text: str, article_id: str = "", year: int | None = None, quote_spans: pd.DataFrame | None = None,
                    rates: dict | None = None, lang: str = "en") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Figures and quantities of one article (see the module docstring for the columns)."""
    fig_rows, qty_rows = figure_rows(text, article_id, year, direct_spans(quote_spans), rates, lang=lang)
    return _figure_frame(fig_rows), _quantity_frame(qty_rows)


def _figure_frame(rows: list[dict], extra: list[str] = ()) -> pd.DataFrame:
    figures = pd.DataFrame(rows, columns=[*FIGURE_COLUMNS, *extra])
    for col in ("value_usd", "low_usd", "high_usd", "amount"):
        figures[col] = pd.to_numeric(figures[col], errors="coerce").astype("float64")
    figures["year"] = pd.to_numeric(figures["year"], errors="coerce").astype("Int64")
    return figures


def _quantity_frame(rows: list[dict], extra: list[str] = ()) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=[*QUANTITY_COLUMNS, *extra])
    for col in ("value", "low", "high"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
    return out


def figure_rows(text: str, article_id: str, year: int | None, spans: list[tuple[int, int, str]],
                rates: dict | None = None, attribute=None, lang: str = "en") -> tuple[list[dict], list[dict]]:
    """Rows of figures and quantities as dicts; `spans` are (start, end, speaker) of direct quotes.

    `attribute(pos, sentence_start, sentence_end)`, when given, names who a narrative
    sentence attributes an amount to ("according to X, ...").
    """
    vocab = load_vocab(lang)
    rates = rates or {}
    folded = Folded(text)
    spans = sorted(spans)
    figs = _money_in(text, vocab, folded, spans)
    stated_rates, rate_spans = _rates_in(text, vocab, folded)
    if rate_spans:           # spans sorted and apart: only the last starting before an amount's end can hold it
        r_starts = [a for a, _ in rate_spans]
        figs = [f for f in figs if not ((k := bisect.bisect_left(r_starts, f.end) - 1) >= 0
                                        and rate_spans[k][1] > f.start)]
    figs = sorted(figs + _elliptical(text, figs, vocab, sentences(text)), key=lambda f: f.start)
    figs, rel = _relative_in(text, figs, vocab, folded)
    allf = sorted(figs + rel, key=lambda f: f.start)
    position = {id(f): n for n, f in enumerate(allf)}
    for f in rel:
        f.relative_to = position.get(id(f.extra["base"]))    # None when its base was itself dropped
    sents = sentences(text)
    starts = [x.start for x in sents]
    places = _places(vocab.lang)
    mentions = _mentions(text, places, vocab, folded)
    # A country inside an amount, a rate or a currency's name ("US$300 mln", "Russian rubles", "долларов США")
    # is never a figure's party; it still tells what the article is about when the currency is that
    # country's own (150 млн белорусских рублей: a Belarusian article), not when it is the dollar's.
    if mentions and (allf or rate_spans):
        cover = sorted([(f.start, f.end, f.currency) for f in allf] + [(a, b, "") for a, b in rate_spans])
        firsts = [c[0] for c in cover]

        def holder(m):
            k = bisect.bisect_right(firsts, m.start) - 1
            return cover[k] if k >= 0 and cover[k][0] <= m.start < cover[k][1] else None
        held = [holder(m) for m in mentions]
        about = [m for m, h in zip(mentions, held) if h is None or vocab.home.get(h[2]) == m.name]
        mentions = [m for m, h in zip(mentions, held) if h is None]
    else:
        about = mentions
    if mentions:
        mentions = _not_in_currency(text, mentions, vocab, folded)
    title_end = text.find("\n") if "\n" in text else len(text)
    dominant = _dominant(about, title_end)
    title = _distinct([m for m in about if m.end <= title_end])
    money_spans = sorted((f.start, f.end) for f in allf)
    _resolve_currencies(text, allf, about, vocab)
    converted = _conversions(text, allf, vocab)
    spans = sorted(spans)
    span_starts = [sp[0] for sp in spans]
    rows = []
    metrics: list[str] = []
    parties_of: list[tuple[str, ...]] = []

    def same_paragraph_as_previous(n: int) -> bool:
        return n > 0 and allf[n].start - allf[n - 1].end < 300 and "\n" not in text[allf[n - 1].end:allf[n].start]

    for n, f in enumerate(allf):
        k = bisect.bisect_right(starts, f.start) - 1
        sent = sents[k] if k >= 0 and sents[k].start <= f.start < sents[k].end else None
        s0, s1 = (sent.start, sent.end) if sent else (max(0, f.start - 100), min(len(text), f.end + 100))
        # Context words are looked for within SENTENCE_WINDOW characters of the amount, so a run-on
        # "sentence" of thousands of amounts costs linear, not quadratic, time (real sentences fit whole).
        s0, s1 = max(s0, f.start - SENTENCE_WINDOW), min(s1, f.end + SENTENCE_WINDOW)
        sent_text = text[s0:s1]
        rel_pos = f.start - s0
        rel_end = rel_pos + (f.end - f.start)
        c0, c1 = _clause(sent_text, rel_pos, rel_end, vocab.lang)
        claim = _claim(sent_text[c0:rel_end], sent_text[rel_pos:], vocab)
        if claim == "actual":
            # the clause's own year or relative year ("..., and trade reached GBP 1.5 billion last year") first
            fy, period = _period(sent_text[c0:c1], rel_pos - c0, year, rel_end - c0, vocab)
            own_year = fy is not None
            if fy is None:
                fy, period = _period(sent_text, rel_pos, year, rel_end, vocab)
        else:   # a target's year is its own ("by 2030"), never the year of a fact in another clause
            fy, period = _period(sent_text[c0:c1], rel_pos - c0, year, rel_end - c0, vocab)
        lead = _list_lead(text, f.start) if fy is None and claim == "actual" else None
        if lead is not None:     # "Trade in 2023:\n- Turnover: $1.12bn": a list item's period is its lead line's
            fy, period = _period(lead, len(lead), None, len(lead), vocab)
        if fy is None and claim == "actual" and year and not period:
            fy, period = year, "article date"
        span = _period_of(sent_text[c0:c1], rel_pos - c0, rel_end - c0, fy, vocab.lang, claim, folded, s0 + c0)
        if span is None and lead is not None and fy is not None:
            span = _period_of(lead, len(lead), len(lead), fy, vocab.lang, claim)
        if span is None and claim == "actual":
            span = _period_of(sent_text, rel_pos, rel_end, fy, vocab.lang, claim, folded, s0)
            y0, y1 = (int(span[1][:4]), int(span[2][:4])) if span is not None else (0, 0)
            if span is not None and fy is not None and period != "article date" \
                    and (not y0 <= fy <= y1 or (own_year and y0 != y1)):
                span = None                 # a period of another year elsewhere in the sentence ("X in 2023, and Y
                                            # in the first nine months of 2024"), or years around the clause's own
            elif span is not None and span[1] == span[2]:
                span = None                 # a point in time ("as of Dec. 31") is its own clause's
        if span is None and period in ("article date", "") and same_paragraph_as_previous(n) and rows \
                and rows[-1]["period_start"] and (rows[-1]["claim"] == claim or not period):
            prev = rows[-1]                 # no period of its own: the paragraph's period continues
            fy, span = prev["year"], (prev["period"], prev["period_start"], prev["period_end"])
        if span is None and fy is not None:
            span = (str(fy), f"{fy:04d}-01-01", f"{fy:04d}-12-31")
        speaker, in_quote = _speaker(spans, f.start, span_starts)
        if not in_quote and attribute is not None:
            speaker = attribute(f.start, s0, s0 + len(sent_text))
        own = {f.currency: converted[id(f)]} if id(f) in converted else stated_rates
        value_lo, value_hi = (_to_usd(f.low, f.currency, fy or year, rates, own),
                              _to_usd(f.high, f.currency, fy or year, rates, own))
        ranged = f.low != f.high
        point = (f.low + f.high) / 2
        others = [a - s0 for a, _ in money_spans[max(0, n - 8):n + 8] if s0 <= a < s0 + len(sent_text) and a != f.start]
        metric = _metric(sent_text[c0:c1], rel_pos - c0, vocab, [o - c0 for o in others], folded, s0 + c0)
        if metric == "other":
            metric = _metric(sent_text, rel_pos, vocab, others, folded, s0)
        same_paragraph = same_paragraph_as_previous(n)
        if metric == "other" and f.relative_to is not None and f.relative_to < len(metrics):
            metric = metrics[f.relative_to]            # "double it": what "it" counts
        elif metric == "other" and metrics and same_paragraph:
            metric = metrics[-1]                       # same paragraph, no subject word: the topic continues
        if _per_unit(text, f.end, vocab):
            metric = "price"                           # "$250 per tonne", "$82 a barrel", "$250 за тонну"
        metrics.append(metric)
        flow = _FLOW.get(metric, "other")
        reporter, rep_spans = _reporter(text, (s0, s0 + len(sent_text)), mentions, places, vocab)
        previous = parties_of[f.relative_to] if f.relative_to is not None and f.relative_to < len(parties_of) else (
            parties_of[-1] if parties_of and same_paragraph else None)
        parties, exporter, importer = _parties(text, mentions, places, flow, (s0 + c0, s0 + c1),
                                               (s0, s0 + len(sent_text)), sorted(money_spans + rep_spans) if rep_spans
                                               else money_spans, dominant, title, previous)
        parties_of.append(tuple(parties))
        rows.append({
            "article_id": article_id, "figure_id": f"{article_id}#f{n}", "surface": text[f.start:f.end],
            "value_usd": _to_usd(point, f.currency, fy or year, rates, own),
            "low_usd": value_lo if ranged else None, "high_usd": value_hi if ranged else None,
            "amount": f.low if f.qualifier == "range" else point, "currency": f.currency or "",
            "currency_inferred": f.inferred,
            "qualifier": f.qualifier, "vague": bool(f.vague), "claim": claim,
            "metric": metric, "flow": flow, "parties": "|".join(parties), "exporter": exporter, "importer": importer,
            "year": fy, "period": span[0] if span else period,
            "period_start": span[1] if span else "", "period_end": span[2] if span else "",
            "relative_to": f"{article_id}#f{f.relative_to}" if f.relative_to is not None else "",
            "speaker": speaker, "reporter": reporter, "in_quote": in_quote, "start": f.start, "end": f.end,
            "sentence": sent_text,
        })
    return rows, quantity_rows(text, article_id, [(f.start, f.end) for f in allf], spans, sents, vocab.lang, folded)


def _to_usd(amount: float | None, currency: str | None, year: int | None, rates: dict,
            stated: dict | None = None) -> float | None:
    """USD value from the analyst's rates (currency, year), else from a rate the article itself states."""
    if amount is None or not currency:
        return None
    if currency == "USD":
        return amount
    rate = (rates.get((currency, year)) if year else None) or (stated or {}).get(currency)
    return amount * rate if rate else None


def _speaker(spans: list[tuple[int, int, str]], pos: int, starts: list[int] | None = None) -> tuple[str, bool]:
    """(speaker, True) when `pos` lies in a direct quote; `spans` sorted by start (`starts` their starts)."""
    if starts is not None:               # quotes do not overlap: only the last one starting before pos can hold it
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and spans[i][0] <= pos < spans[i][1]:
            return spans[i][2], True
        return "", False
    for s, e, who in spans:
        if s <= pos < e:
            return who, True
    return "", False


# --------------------------------------------------------------------------- quantities

@dataclass
class QtyGrammar:
    rx: re.Pattern
    kinds: list[str]                   # unit kinds, in the order of their groups u0, u1, ...
    qualifiers: dict[str, str]         # phrase -> qualifier
    ratios: dict[str, float]           # phrase -> value
    skip_kinds: set[str]               # kinds that are not quantities ("years": a duration)
    references: re.Pattern | None      # "the two countries": a reference, not a quantity
    firsts: Firsts = Firsts()          # where a match of `rx` can begin (`Folded`)


@lru_cache(maxsize=8)
def _qty_grammar(lang: str = "en") -> QtyGrammar | None:
    """The quantity grammar of one pack (``figures.yml``, section ``quantities``); None when it has none."""
    from .lang import pack
    v = load_vocab(lang)
    g = _grammar(lang)
    pk = pack(lang)
    fig = pk.section("figures") if pk.file("figures") else {}
    spec = fig.get("quantities") or {}
    if not spec:
        return None
    f = Checker(pk.file("figures"))
    f.mapping(spec, "quantities", allowed={"qualifiers", "units", "skip", "percent", "rank", "ratio", "ratio_next",
                                           "vague", "references"})
    lexeme = _lexeme(pk.normaliser) if "quantities" in (fig.get("inflect") or []) else None

    def alt(phrases: list[str]) -> str:
        out = []
        for p in sorted(set(phrases), key=lambda p: (-len(p), p)):
            choices = [sorted(lexeme(w), key=len, reverse=True) if lexeme and w.isalpha() else [w] for w in p.split()]
            parts = [("(?:" + "|".join(re.escape(x) for x in c) + ")") if lexeme and w.isalpha() else re.escape(w)
                     for w, c in zip(p.split(), choices)]
            out.append((r"\s+".join(parts), _piece(choices)[1]))
        return _alternation(out) or "(?!x)x"

    quals = {" ".join(p.lower().split()): q for q, ps in f.mapping(spec.get("qualifiers") or {}, "quantities.qualifiers").items()
             for p in f.texts(ps, f"quantities.qualifiers.{q}")}
    units = f.mapping(spec.get("units") or {}, "quantities.units")
    kinds = []
    unit_alts = []
    for n, (kind, words) in enumerate(units.items()):
        kinds.append(str(kind))
        unit_alts.append(rf"(?P<u{n}>{alt(f.texts(words, f'quantities.units.{kind}'))})")
    ratios = {" ".join(str(p).lower().split()): f.number(val, f"quantities.ratio.{p}")
              for p, val in f.mapping(spec.get("ratio") or {}, "quantities.ratio").items()}
    multi = [p for p in ratios if " " in p]
    single = [p for p in ratios if " " not in p]
    ratio_next = alt(f.texts(spec.get("ratio_next") or [], "quantities.ratio_next"))
    ratio = "|".join(x for x in (alt(multi) if multi else "", rf"(?:{alt(single)})(?=\s+(?:{ratio_next})(?![\w]))" if single else "") if x) or "(?!x)x"
    vague = f.texts(spec.get("vague") or [], "quantities.vague")
    for w in vague:
        if " ".join(w.lower().split()) not in v.vague and v.key(w) not in v.vague:
            f.fail("quantities.vague", f"{w!r} is not a word of the vague section")
    scale = "(?:" + v.alt(list(v.scales)) + (("|" + _abbrev_alt(list(v.short))) if v.short else "") + r")(?![\w])"
    refs = f.texts(spec.get("references") or [], "quantities.references")
    rank = f.texts(spec.get("rank") or [], "quantities.rank")
    rx = re.compile(
        rf"(?<![\w])(?P<q>(?:{alt(list(quals))})\s+)?"
        rf"(?:(?P<top>{alt(rank) if rank else '(?!x)x'})[\s-]+(?P<rank>\d+|{g.wordnum})(?=\s+[^\W\d_])"
        rf"|(?P<pct>\d+(?:[.,]\d+)?)\s*(?:{alt(f.texts(spec.get('percent') or [], 'quantities.percent'))})(?![\w])"
        rf"|(?P<half>{ratio})"
        rf"|(?P<num>(?:{alt(vague) if vague else '(?!x)x'})(?:\s+{scale})?|{g.digits}(?:\s+{scale})?|(?:{g.wordnum})(?:\s+{scale})?)"
        rf"\s+(?P<unit>(?:[^\W\d_][\w-]*\s+){{0,2}}?(?:{'|'.join(unit_alts) or '(?!x)x'}))(?![\w]))",
        re.I)
    def first_forms(phrases) -> list[str]:     # the forms `alt` writes for each phrase's first word
        return [f for p in phrases for w in [p.split()[0]] for f in (lexeme(w) if lexeme and w.isalpha() else [w])]
    # each alternative begins with a digit or a word followed by a space or a hyphen
    firsts = firsts_of(words=first_forms(list(quals)) + first_forms(rank) + first_forms(list(ratios))
                       + first_forms(vague) + [f for p in v.numbers for f in v.forms.get(p.split()[0].lower(), [p.split()[0]])]
                       + list(v.articles), digits=True)
    return QtyGrammar(rx=rx, kinds=kinds, qualifiers=quals, ratios=ratios, firsts=firsts,
                      skip_kinds={str(k) for k in f.texts(spec.get("skip") or [], "quantities.skip")},
                      references=re.compile(rf"(?<![\w])(?:{alt(refs)})\s+$", re.I) if refs else None)


def quantity_rows(text: str, article_id: str, money_spans: list[tuple[int, int]],
                  quote_spans: list[tuple[int, int, str]], sents, lang: str = "en",
                  folded: Folded | None = None) -> list[dict]:
    """Counts, areas, masses, ranks, percentages and ratios of one article (the pack's ``quantities``)."""
    qg = _qty_grammar(lang)
    if qg is None:
        return []
    vocab = load_vocab(lang)
    rows = []
    cover = sorted(money_spans)
    firsts = [a for a, _ in cover]
    starts = [x.start for x in sents]
    quote_spans = sorted(quote_spans)
    quote_starts = [sp[0] for sp in quote_spans]
    times = _per_unit_regex(lang)[2]       # stretches of time (weeks, месяцев): a number before one counts it
    begins = folded.starts(qg.firsts) if folded is not None else None
    for m in qg.rx.finditer(text) if begins is None else matches_at(qg.rx, text, begins):
        s, e = m.start(), m.end()
        k = bisect.bisect_left(firsts, e) - 1      # money spans starting before e: the last may overlap
        if k >= 0 and cover[k][1] > s or any(a < e and s < b for a, b in cover[max(0, k - 3):k]):
            continue
        g = m.groupdict()
        if g["num"] and qg.references is not None and qg.references.search(text, max(0, s - 12), s):
            continue  # "the two countries": a reference, not a quantity
        qtext = " ".join((g["q"] or "").lower().split())
        qual = qg.qualifiers.get(qtext) or qg.qualifiers.get(vocab.key(qtext), "exact") if qtext else "exact"
        vague = False
        if g["top"]:
            kind, unit = "rank", "top"
            lo = hi = _word_value(g["rank"], lang) if not g["rank"].isdigit() else float(g["rank"])
        elif g["pct"]:
            kind, unit = "percent", "%"
            lo = hi = float(g["pct"].replace(",", "."))
        elif g["half"]:
            kind, unit = "ratio", "share"
            w = " ".join(g["half"].lower().split())
            lo = hi = qg.ratios.get(w, qg.ratios.get(vocab.key(w), 0.5))
        else:
            unit = " ".join(g["unit"].split())
            if any(w.lower() in times for w in unit.split()[:-1]):
                continue  # "within two weeks companies signed": the number counts the weeks, not the companies
            kind = next((qg.kinds[i] for i in range(len(qg.kinds)) if g.get(f"u{i}")), "count")
            lo, hi, vague = parse_number(" ".join(g["num"].split()), lang)
            if kind in qg.skip_kinds or (lo == hi and 1900 <= lo <= 2100 and not g["q"]):
                continue
        i = bisect.bisect_right(starts, s) - 1
        sent = sents[i] if i >= 0 and sents[i].start <= s < sents[i].end else None
        who, inq = _speaker(quote_spans, s, quote_starts)
        rows.append({"article_id": article_id, "quantity_id": f"{article_id}#n{len(rows)}", "surface": text[s:e],
                     "kind": kind, "value": (lo + hi) / 2, "low": lo if lo != hi else None, "high": hi if lo != hi else None,
                     "unit": unit, "qualifier": qual, "vague": vague, "speaker": who, "in_quote": inq,
                     "start": s, "end": e, "sentence": sent.text if sent else ""})
    return rows


# --------------------------------------------------------------------------- corpus level


def extract_figures(articles: pd.DataFrame, quotes: pd.DataFrame | None = None,
                    rates: dict | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Figures and quantities of every article (columns in the module docstring)."""
    figs, qtys = [], []
    by_article = {}
    if quotes is not None and not quotes.empty:
        by_article = {a: direct_spans(g) for a, g in quotes.groupby("article_id")}
    for a in articles.itertuples(index=False):
        f, n = figure_rows(a.text, a.article_id, article_year(a.published), by_article.get(a.article_id, []), rates,
                           lang=getattr(a, "language", None) or "en")
        figs += f
        qtys += n
    return _figure_frame(figs), _quantity_frame(qtys)


# values, lows and highs are numbers in `unit` (USD, or the one currency of a pair with no rate); the
# text to show is the surface as written, never a formatted amount in a data column
DISCREPANCY_COLUMNS = ["parties", "flow", "period", "metric", "year", "unit", "article_a", "figure_a", "surface_a",
                       "value_a", "low_a", "high_a", "article_b", "figure_b", "surface_b", "value_b", "low_b", "high_b",
                       "ratio", "scope"]
GROUP_COLUMNS = ["parties", "flow", "exporter", "importer", "period", "unit", "n_sources", "low", "high", "spread", "sources", "figure_ids"]


def _comparable(figures: pd.DataFrame) -> pd.DataFrame:
    """Actual figures that can be set against each other, with the key that says what is like for like.

    The key is (parties, flow, period, unit, basis): the same countries or bloc,
    the same flow, the same period, the same unit (USD, or one other currency
    when no rate converts it), and the same basis: a period the text states
    (a year, a half-year, "last year") is never set against the article's own
    date standing in for a present-tense statement.
    """
    need = {"parties", "flow", "period_start"}
    if figures.empty or not need <= set(figures.columns):
        return figures.iloc[0:0].assign(_unit="", _basis="", _lo=0.0, _hi=0.0, _exporter="", _importer="", _scope="")
    f = figures[(figures["claim"] == "actual") & (figures["parties"].fillna("") != "")
                & (figures["period_start"].fillna("") != "") & (figures["flow"] != "other")].copy()
    if f.empty:
        return f.assign(_unit="", _basis="", _lo=0.0, _hi=0.0, _exporter="", _importer="", _scope="")
    usd = f["value_usd"].notna()
    f["_unit"] = f["currency"].where(~usd, "USD")
    f = f[f["_unit"].fillna("") != ""]

    def basis(r) -> str:
        """'stated' when the figure's own sentence names its period's first year; else the period was
        inherited or is the article's date, and such figures are compared only among themselves."""
        label = str(r["period"])
        first = re.match(r"\d{4}", label)
        if first and re.search(rf"(?<!\d){first.group()}(?!\d)", str(r["sentence"])):
            return "stated"
        return "article" if re.fullmatch(r"\d{4}", label) else "inherited"
    f["_basis"] = [basis(r) for r in _records(f, ["period", "sentence"])] if len(f) else []
    if "sentence" in f and len(f):
        seen: dict[str, str] = {}        # figures of one sentence share its scope
        f["_scope"] = [seen[x] if x in seen else seen.setdefault(x, _scope_of(x))
                       for x in map(str, f["sentence"].tolist())]
    else:
        f["_scope"] = ""
    f["_exporter"] = f["exporter"].fillna("") if "exporter" in f else ""
    f["_importer"] = f["importer"].fillna("") if "importer" in f else ""
    bounds = [_interval(r, usd=u == "USD") for r, u in zip(_records(f, _INTERVAL_COLUMNS), f["_unit"])]
    f["_lo"] = [b[0] for b in bounds]
    f["_hi"] = [b[1] for b in bounds]
    return f


def _records(df: pd.DataFrame, columns: list[str] | None = None) -> list[dict]:
    """``df.to_dict("records")``, built from each column's ``tolist()`` (many times faster on Arrow text);
    with `columns`, only those of them the frame has."""
    names = list(df.columns) if columns is None else [c for c in columns if c in df.columns]
    return [dict(zip(names, values)) for values in zip(*(df[c].tolist() for c in names))]


_INTERVAL_COLUMNS = ["low_usd", "high_usd", "value_usd", "amount", "qualifier"]


@lru_cache(maxsize=1)
def _scope_words() -> dict[str, list[str]]:
    """Per scope (agriculture, energy …), the word starts of every pack's ``scopes.yml``, in lower case."""
    from .lang import packs_with
    words: dict[str, list[str]] = {}
    for p, path in packs_with("scopes"):
        check = Checker(path)
        for name, starts in check.mapping(p.section("scopes"), "").items():
            words.setdefault(str(name), []).extend(w.lower() for w in check.texts(starts, str(name), optional=False))
    return {name: sorted(set(ws)) for name, ws in words.items() if ws}


@lru_cache(maxsize=1)
def _scope_finder():
    """One automaton of every scope's word starts (each word with the scopes it belongs to): one pass over
    a sentence finds them all, where a regex per scope would try each of its words at every word start."""
    import ahocorasick
    owners: dict[str, list[str]] = {}
    for name, ws in _scope_words().items():
        for w in ws:
            owners.setdefault(w, []).append(name)
    automaton = ahocorasick.Automaton()
    for w, names in owners.items():
        automaton.add_word(w, (len(w), tuple(names)))
    if owners:
        automaton.make_automaton()
    return automaton if owners else None


def _scope_of(sentence: str) -> str:
    """The goods or sectors a figure's sentence names ("agricultural trade"), '' for the whole flow: the
    scopes one of whose word starts begins a word of the sentence, in any case."""
    finder = _scope_finder()
    if finder is None:
        return ""
    low = sentence.lower()
    found: set[str] = set()
    for end, (n, names) in finder.iter(low):
        at = end - n + 1
        if at == 0 or not _is_word_char(low[at - 1]):
            found.update(names)
    return "|".join(sorted(found))


def find_discrepancies(figures: pd.DataFrame, articles: pd.DataFrame | None = None, tolerance: float = 0.25,
                       max_pairs: int = 40) -> pd.DataFrame:
    """Pairs of actual figures about the same thing, from different articles, that disagree.

    Like for like only: the same parties, flow and period (see `_comparable`),
    both actual. Two figures disagree when their ranges (low..high, or the point
    widened by its qualifier) do not overlap within `tolerance` (relative). A
    group with many figures reports at most `max_pairs` pairs, the furthest
    apart first, so the table stays readable on large corpora; the briefing
    reads `disagreements` (one finding per group) instead.
    """
    return pd.DataFrame(discrepancy_rows(figures, tolerance, max_pairs), columns=DISCREPANCY_COLUMNS)


def discrepancy_rows(figures: pd.DataFrame, tolerance: float = 0.25, max_pairs: int = 40) -> list[dict]:
    """The rows of `find_discrepancies`, in its order. Figures of different parties are never compared, so
    the figures can be split by parties and their rows joined in the order of the parties."""
    f = _comparable(figures).reset_index(drop=True)
    every = _records(f, ["article_id", "figure_id", "surface", "metric", "year", "value_usd", "amount", "_lo", "_hi"])
    rows = []
    for (parties, flow, period, unit, _, _, _, _s), g in f.groupby(["parties", "flow", "period", "_unit", "_basis",
                                                                    "_exporter", "_importer", "_scope"], sort=True):
        if _ == "inherited":
            continue
        recs = [every[k] for k in g.index]
        if len({r["article_id"] for r in recs}) < 2:
            continue
        iv = [(r["_lo"], r["_hi"]) for r in recs]
        order = sorted(range(len(recs)), key=lambda k: iv[k][1])          # by upper bound
        lows = order[: max_pairs]
        highs = sorted(range(len(recs)), key=lambda k: -iv[k][0])[: max_pairs]   # by lower bound, descending
        pairs = _disagreeing(lows, highs, iv, [r["article_id"] for r in recs], tolerance)
        seen = set()
        for gap, i, j in sorted(pairs, reverse=True):
            if (i, j) in seen or len(seen) >= max_pairs:
                continue
            seen.add((i, j))
            a, b = recs[i], recs[j]
            va, vb = _unit_value(a, unit), _unit_value(b, unit)
            if va > vb:
                a, b, i, j, va, vb = b, a, j, i, vb, va
            rows.append({"parties": parties, "flow": flow, "period": period, "metric": a["metric"], "year": a["year"],
                         "unit": unit, "article_a": a["article_id"], "figure_a": a["figure_id"], "surface_a": a["surface"],
                         "value_a": va, "low_a": float(iv[i][0]), "high_a": float(iv[i][1]),
                         "article_b": b["article_id"], "figure_b": b["figure_id"], "surface_b": b["surface"],
                         "value_b": vb, "low_b": float(iv[j][0]), "high_b": float(iv[j][1]),
                         "ratio": round(vb / max(va, 1), 2), "scope": _s})
    return rows


def disagreements(figures: pd.DataFrame, discrepancies: pd.DataFrame | None = None, tolerance: float = 0.25,
                  limit: int | None = None) -> pd.DataFrame:
    """One finding per (parties, flow, period) whose sources disagree: the spread of values and every source.

    ``sources`` is a list of dicts (article_id, figure_id, surface, value, unit,
    reporter), lowest value first; ``spread`` is high / low. Findings are ranked
    by spread, then by the number of sources; `limit` keeps the first ones.
    """
    d = find_discrepancies(figures, tolerance=tolerance) if discrepancies is None else discrepancies
    if d.empty or "parties" not in d.columns:
        return pd.DataFrame(columns=GROUP_COLUMNS)
    f = _comparable(figures).set_index("figure_id")
    out = []
    if "scope" not in d.columns:
        d = d.assign(scope="")
    for (parties, flow, period, _s), g in d.groupby(["parties", "flow", "period", d["scope"].fillna("")], sort=False):
        ids = sorted(set(g["figure_a"]) | set(g["figure_b"]))
        unit = f.loc[ids[0], "_unit"] if ids[0] in f.index else "USD"
        basis = f.loc[ids[0], "_basis"] if ids[0] in f.index else ""
        # every figure of the group, not only those in a disagreeing pair: the reader sees all sources
        exporter = f.loc[ids[0], "_exporter"] if ids[0] in f.index else ""
        importer = f.loc[ids[0], "_importer"] if ids[0] in f.index else ""
        scope = f.loc[ids[0], "_scope"] if ids[0] in f.index else ""
        same = f[(f["parties"] == parties) & (f["flow"] == flow) & (f["period"] == period) & (f["_unit"] == unit)
                 & (f["_basis"] == basis) & (f["_exporter"] == exporter) & (f["_importer"] == importer)
                 & (f["_scope"] == scope)]
        srcs = []
        for fid, r in same.iterrows():
            srcs.append({"article_id": r["article_id"], "figure_id": fid, "surface": r["surface"],
                         "value": _unit_value(r, unit), "unit": unit, "reporter": r.get("reporter") or ""})
        srcs.sort(key=lambda x: x["value"])
        low, high = srcs[0]["value"], srcs[-1]["value"]
        out.append({"parties": parties, "flow": flow, "exporter": exporter, "importer": importer, "period": period,
                    "unit": unit,
                    "n_sources": len({x["article_id"] for x in srcs}), "low": low, "high": high,
                    "spread": round(high / max(low, 1e-9), 2), "sources": srcs, "figure_ids": [x["figure_id"] for x in srcs]})
    res = pd.DataFrame(out, columns=GROUP_COLUMNS)
    res = res.sort_values(["spread", "n_sources"], ascending=[False, False], kind="stable").reset_index(drop=True)
    return res.head(limit) if limit else res


def _disagreeing(lows: list[int], highs: list[int], iv: list[tuple[float, float]], articles: list,
                 tolerance: float) -> list[tuple[float, int, int]]:
    """(gap, i, j) with i < j for each figure i of `lows` and j of `highs` from different articles whose
    intervals do not overlap within `tolerance`, in the order of `lows` then `highs`: every pair at once
    in numpy, with the comparisons written so that they give what Python's `max` and `<=` give."""
    L, H = np.asarray(lows, dtype=np.int64), np.asarray(highs, dtype=np.int64)
    lo = np.array([x[0] for x in iv], dtype=np.float64)
    hi = np.array([x[1] for x in iv], dtype=np.float64)
    art = pd.factorize(pd.Series(articles, dtype=object))[0]
    alo, ahi = lo[L][:, None], hi[L][:, None]
    blo, bhi = lo[H][None, :], hi[H][None, :]
    keep = (L[:, None] != H[None, :]) & (art[L][:, None] != art[H][None, :])
    keep &= ~((alo <= bhi * (1 + tolerance)) & (blo <= ahi * (1 + tolerance)))
    # max(x, 1) and max(a, b) as Python computes them: the first argument unless the second is greater
    first = blo / np.where(1 > ahi, 1.0, ahi)
    second = alo / np.where(1 > bhi, 1.0, bhi)
    gap = np.where(second > first, second, first)
    rows, cols = np.nonzero(keep)                   # row-major: the order of the loops over lows, then highs
    i, j = L[rows], H[cols]
    return list(zip(gap[rows, cols].tolist(), np.minimum(i, j).tolist(), np.maximum(i, j).tolist()))


def _unit_value(r, unit: str) -> float:
    return float(r["value_usd"]) if unit == "USD" else float(r["amount"])


def _interval(r: dict, usd: bool = True) -> tuple[float, float]:
    lo_k, hi_k, v_k = ("low_usd", "high_usd", "value_usd") if usd else ("_none", "_none", "amount")
    lo = r[lo_k] if pd.notna(r.get(lo_k)) else r[v_k]
    hi = r[hi_k] if pd.notna(r.get(hi_k)) else r[v_k]
    q = r["qualifier"]
    if q in ("at_least", "more_than"):
        hi = max(hi, lo * 1.5)   # "a billion and more": open above, but not without limit
    elif q in ("at_most", "less_than"):
        lo = 0.0
    elif q == "approx":
        lo, hi = lo * 0.9, hi * 1.1
    return lo, hi


def format_amount(v: float | None, unit: str = "USD") -> str:
    """$1.2 bn for dollars, 'KZT 3.2 tn' for an amount in another currency."""
    if unit == "USD":
        return format_usd(v)
    if v is None or pd.isna(v):
        return ""
    for scale, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " m")):
        if abs(v) >= scale:
            return f"{unit} " + f"{v / scale:,.1f}".rstrip("0").rstrip(".") + suffix
    return f"{unit} {v:,.0f}"


def format_usd(v: float | None) -> str:
    """$1.2 bn / $845.3 m / $12,000 for tables."""
    if v is None or pd.isna(v):
        return ""
    for scale, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " m")):
        if abs(v) >= scale:
            return f"${v / scale:,.1f}".rstrip("0").rstrip(".") + suffix
    return f"${v:,.0f}"
