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
amount          point value in the currency's own units (always filled)
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

Vague words are turned into ranges from ``figures.yml`` (several = 3 to 7 of
the scale word, a few = 2 to 4, billions = 2 to 9 billion, ...). No exchange
rate is ever invented: amounts in other currencies get ``value_usd`` only
from a rates file the analyst supplies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from .config import DATA, Checker, load_yaml
from .corpus import article_year
from .quotes import direct_spans
from .text import sentences

FIGURE_COLUMNS = ["article_id", "figure_id", "surface", "value_usd", "low_usd", "high_usd", "amount", "currency",
                  "currency_inferred", "qualifier", "vague", "claim", "metric", "year", "period", "relative_to",
                  "speaker", "in_quote", "start", "end", "sentence"]
QUANTITY_COLUMNS = ["article_id", "quantity_id", "surface", "kind", "value", "low", "high", "unit", "qualifier",
                    "vague", "speaker", "in_quote", "start", "end", "sentence"]

_UNITS = {"zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "mio": 1e6, "m": 1e6,
           "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "tln": 1e12}
_SHORT_SCALES = {"k", "m", "b", "mn", "bn", "tn", "mln", "bln", "trn", "tln", "mio"}


@dataclass
class Vocab:
    currency_pre: list[tuple[str, str]]     # (written form, code), longest first
    currency_post: list[tuple[str, str]]
    qualifiers: list[tuple[str, str]]       # (phrase, qualifier), longest first
    trailing: list[tuple[str, str]]
    vague: dict[str, tuple[float, float]]
    metrics: list[tuple[str, str]]
    claims: dict[str, list[str]]
    relative: dict[str, float]
    not_money: set[str]


@lru_cache(maxsize=4)
def load_vocab(figures_path: str = str(DATA / "figures.yml"), currencies_path: str = str(DATA / "currencies.yml")) -> Vocab:
    from pathlib import Path
    cur = load_yaml(Path(currencies_path))
    c = Checker(Path(currencies_path))
    c.mapping(cur, "")
    pre, post = [], []
    for code, spec in cur.items():
        c.mapping(spec, code, allowed={"symbols", "words"})
        if not re.fullmatch(r"[A-Z]{3}", code):
            c.fail(code, "currency keys must be ISO 4217 codes such as USD")
        pre += [(s, code) for s in c.texts(spec.get("symbols"), f"{code}.symbols")]
        post += [(w, code) for w in c.texts(spec.get("words"), f"{code}.words")]
    fig = load_yaml(Path(figures_path))
    f = Checker(Path(figures_path))
    f.mapping(fig, "", allowed={"qualifiers", "trailing_qualifiers", "vague", "metrics", "claims", "relative", "not_money"})
    quals = [(p, q) for q, ps in f.mapping(fig.get("qualifiers") or {}, "qualifiers").items()
             for p in f.texts(ps, f"qualifiers.{q}")]
    trailing = [(p, q) for q, ps in f.mapping(fig.get("trailing_qualifiers") or {}, "trailing_qualifiers").items()
                for p in f.texts(ps, f"trailing_qualifiers.{q}")]
    vague = {}
    for k, v in f.mapping(fig.get("vague") or {}, "vague").items():
        if not (isinstance(v, list) and len(v) == 2):
            f.fail(f"vague.{k}", "expected [low, high]")
        vague[k.lower()] = (f.number(v[0], f"vague.{k}[0]"), f.number(v[1], f"vague.{k}[1]"))
    metrics = [(w, m) for m, ws in f.mapping(fig.get("metrics") or {}, "metrics").items() for w in f.texts(ws, f"metrics.{m}")]
    claims = {k: [w.lower() for w in f.texts(v, f"claims.{k}")] for k, v in f.mapping(fig.get("claims") or {}, "claims").items()}
    relative = {k.lower(): f.number(v, f"relative.{k}") for k, v in f.mapping(fig.get("relative") or {}, "relative").items()}
    by_len = lambda pairs: sorted(pairs, key=lambda x: len(x[0]), reverse=True)  # noqa: E731
    return Vocab(by_len(pre), by_len(post), by_len(quals), by_len(trailing), vague, by_len(metrics), claims,
                 relative, {w.lower() for w in f.texts(fig.get("not_money"), "not_money")})


# --------------------------------------------------------------------------- grammar

_WORDNUM = (r"(?:(?:" + "|".join(sorted(_TENS, key=len, reverse=True)) + r")(?:[-\s](?:" +
            "|".join(k for k in _UNITS if k not in ("a", "an", "zero")) + r"))?|"
            + r"a\s+dozen|one\s+and\s+a\s+half|half\s+a|a\s+half|dozen|"
            + "|".join(sorted((k for k in _UNITS if k not in ("a", "an")), key=len, reverse=True)) + r"|an?)")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u202f]\d{3})+(?![\d])|\d+(?:[.,]\d+)?)"
_SCALE_WORDS = r"(?:hundred|thousand|million|billion|trillion)"
_SCALE_SHORT = r"(?:mln|bln|trn|tln|mio|mn|bn|tn|k|m|b)"


def _alt(forms: list[str]) -> str:
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)


@lru_cache(maxsize=4)
def _grammar(vocab_key: int = 0):
    v = load_vocab()
    vague_alt = _alt([k for k in v.vague if k != "plural"])
    pre_alt = _alt([s for s, _ in v.currency_pre])
    post_alt = _alt([w for w, _ in v.currency_post])
    number = (rf"(?:{_DIGITS}(?:(?:\s*|-)(?:{_SCALE_WORDS}(?:\s+{_SCALE_WORDS})?|{_SCALE_SHORT}\b))?"
              rf"|(?:{vague_alt}\s+)?(?:{_WORDNUM}\s+)?{_SCALE_WORDS}s?(?:\s+{_SCALE_WORDS})?"
              rf"|(?:{vague_alt})\s+{_SCALE_WORDS}s?)")
    rng = rf"(?:\s*(?:-|–|—|to|and)\s*(?:{pre_alt})?\s*(?=\d|(?:{_WORDNUM})\s)(?:{number}))?"
    money = re.compile(
        rf"(?<![\w$€£¥₽₸])(?:(?P<pre>{pre_alt})\s?(?P<n1>{number})(?P<r1>{rng})(?:\s+(?P<post1>{post_alt})\b)?"
        rf"|(?P<n2>{number})(?P<r2>{rng})\s*(?:of\s+)?(?P<post2>{post_alt})\b"
        rf"|(?P<n3>(?:{vague_alt}\s+)?(?:{_DIGITS}\s*|(?:{_WORDNUM})\s+)?(?:million|billion|trillion)s?|(?:{vague_alt})\s+(?:million|billion|trillion)s?|(?:bn|mln|billion|million)s?)\b)",
        re.I)
    return money


def parse_number(s: str) -> tuple[float, float, bool]:
    """(low, high, vague) of a number expression: '1.2 bn' -> 1.2e9; 'several billion' -> 3e9..7e9."""
    v = load_vocab()
    s = " ".join(s.lower().replace("\u202f", " ").split())
    vague = False
    factor_lo = factor_hi = None
    for k in sorted((k for k in v.vague if k != "plural"), key=len, reverse=True):
        if s.startswith(k + " "):
            factor_lo, factor_hi = v.vague[k]
            s = s[len(k):].strip()
            vague = True
            break
    m = re.match(rf"({_DIGITS})\s*(.*)$", s)
    if m:
        num = m.group(1)
        if re.fullmatch(r"\d+,\d{1,2}", num):
            base = float(num.replace(",", "."))       # 1,5 billion (decimal comma)
        else:
            base = float(num.replace(",", "").replace(" ", "").replace("\u202f", ""))
        rest = m.group(2).replace("-", " ")
    else:
        base, rest = None, s
        wm = re.match(rf"({_WORDNUM})\b\s*(.*)$", s)
        if wm and wm.group(1):
            base, rest = _word_value(wm.group(1)), wm.group(2)
    scale = 1.0
    plural = False
    for w in rest.split():
        w = w.strip(".,")
        if w.rstrip("s") in _SCALES and w not in ("ms", "bs", "ks"):
            plural = plural or (w.endswith("s") and w.rstrip("s") in ("million", "billion", "trillion", "thousand", "hundred"))
            scale *= _SCALES[w.rstrip("s")] if w.rstrip("s") in _SCALES else 1
        elif w in _SCALES:
            scale *= _SCALES[w]
    if factor_lo is not None:
        b = base or 1.0
        return factor_lo * b * scale, factor_hi * b * scale, True
    if base is None:
        if plural:
            lo, hi = v.vague.get("plural", (2, 9))
            return lo * scale, hi * scale, True
        base = 1.0
    return base * scale, base * scale, vague


def _word_value(w: str) -> float:
    w = " ".join(w.lower().split())
    if w in ("a dozen", "dozen"):
        return 12.0
    if w in ("half a", "a half"):
        return 0.5
    if w == "one and a half":
        return 1.5
    total = 0.0
    for part in re.split(r"[-\s]", w):
        total += _TENS.get(part, 0) + _UNITS.get(part, 0)
    return total


# --------------------------------------------------------------------------- helpers


def _code(form: str, pairs: list[tuple[str, str]]) -> str | None:
    f = " ".join(form.split()).lower()
    for written, code in pairs:
        if " ".join(written.split()).lower() == f:
            return code
    return None


@lru_cache(maxsize=32)
def _phrase_regex(phrases: tuple[tuple[str, str], ...], where: str) -> tuple[re.Pattern, dict[str, str]]:
    """One compiled alternation for a phrase list (longest first) and a map from phrase to value."""
    alt = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p, _ in sorted(phrases, key=lambda x: -len(x[0])))
    values = {" ".join(p.lower().split()): v for p, v in phrases}
    if where == "before":
        rx = re.compile(rf"(?<![\w])(?:{alt})\s*$", re.I)
    elif where == "after":
        rx = re.compile(rf"\s*(?:{alt})(?![\w])", re.I)
    else:
        rx = re.compile(rf"(?<![\w])(?:{alt})(?![\w])", re.I)
    return rx, values


def _value(values: dict[str, str], matched: str) -> str:
    return values[" ".join(matched.lower().split())]


def _phrase_before(text: str, pos: int, phrases: list[tuple[str, str]]) -> tuple[str, int] | None:
    """(value, start) of a phrase that ends right before `pos` (only spaces between)."""
    rx, values = _phrase_regex(tuple(phrases), "before")
    window = text[max(0, pos - 40):pos]
    m = rx.search(window)
    if not m:
        return None
    return _value(values, m.group().strip()), pos - len(window) + m.start()


def _phrase_after(text: str, pos: int, phrases: list[tuple[str, str]]) -> tuple[str, int] | None:
    rx, values = _phrase_regex(tuple(phrases), "after")
    m = rx.match(text, pos, pos + 30)
    if not m:
        return None
    return _value(values, m.group().strip()), m.end()


def _metric(sentence: str, rel: int, vocab: Vocab) -> str:
    """The metric word nearest to the amount (at position `rel` of the sentence)."""
    rx, values = _phrase_regex(tuple(vocab.metrics), "any")
    best, dist = "other", 10 ** 9
    for m in rx.finditer(sentence):
        d = abs(m.start() - rel)
        if d < dist:
            best, dist = _value(values, m.group()), d
    return best


def _claim(before: str, after: str, vocab: Vocab) -> str:
    for kind in ("aspiration", "target"):
        words = tuple((w, kind) for w in vocab.claims.get(kind, []))
        if words and _phrase_regex(words, "any")[0].search(before):
            return kind
    if re.search(r"\b(?:in|within|over)\s+the\s+(?:next|coming)\b|\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b", after, re.I):
        return "target"
    return "actual"


_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|whereas|although)\b|,(?=\s)|\s(?:and|but|while|whereas)\s+(?=we|they|it|he|she|the|our|trade|this)")


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause holding sentence[start:end] (commas, 'and', 'but' separate clauses)."""
    c0 = 0
    for m in _CLAUSE_BREAK.finditer(sentence, 0, start):
        c0 = m.end()
    m = _CLAUSE_BREAK.search(sentence, end)
    return c0, (m.start() if m else len(sentence))


def _period(sentence: str, rel: int, year: int | None, rel_end: int | None = None) -> tuple[int | None, str]:
    """Year and period words of a figure from its sentence (and the article's year).

    The year nearest to the amount wins, counted from the amount's edges, so in
    "from $800 million in 2022 to $1.1 billion in 2023" each amount gets its own.
    """
    rel_end = rel if rel_end is None else rel_end
    best = None
    for m in re.finditer(r"\b(?:in|for|during|of|by|since|from|as of|at the end of|end of)\s+((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\b", sentence):
        y = int(m.group(1) or m.group(2))
        d = m.start() - rel_end if m.start() >= rel_end else rel - m.end()
        d = d * 0.8 if m.start() >= rel_end else d      # "$1 billion in 2023": a following year binds closer
        if best is None or d < best[0]:
            best = (d, y, m.group().strip())
    if best:
        return best[1], best[2]
    low = sentence.lower()
    rel_words = {"last year": -1, "previous year": -1, "past year": -1, "this year": 0, "next year": 1,
                 "current year": 0}
    for w, off in rel_words.items():
        if w in low:
            return (year + off if year else None), w
    m = re.search(r"\b(?:in|within|over)\s+(?:the\s+)?(?:next|coming)?\s*(?:few|several|\w+)\s+years\b", low)
    if m:
        return None, m.group()
    return None, ""


# --------------------------------------------------------------------------- extraction


_MONEY_ANCHOR = re.compile(r"\d|[$€£¥₽₸]|(?:hundred|thousand|million|billion|trillion)s?\b|\b(?:bn|mln|bln|tn)\b", re.I)
def _scan(pattern: re.Pattern, text: str, anchor: re.Pattern, before: int = 80, after: int = 120):
    """`pattern.finditer(text)`, but only around anchors (digits, currency, scale words).

    The grammar's big alternations are slow to try at every character; money
    and quantities cannot occur far from an anchor, so windows around the
    anchors give the same matches in a fraction of the time.
    """
    windows: list[list[int]] = []
    for a in anchor.finditer(text):
        s, e = max(0, a.start() - before), min(len(text), a.end() + after)
        if windows and s <= windows[-1][1]:
            windows[-1][1] = e
        else:
            windows.append([s, e])
    last = 0
    for s, e in windows:
        for m in pattern.finditer(text, max(s, last), e):
            if m.end() == e and e < len(text):     # the match may run on past the window: redo it unbounded
                m = pattern.match(text, m.start()) or m
            last = m.end()
            yield m


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


_CHANGE_VERBS = r"(?:grew|grow|grows|increased|increase|rose|rise|rises|fell|fall|falls|decreased|decrease|declined|dropped|jumped|went up|went down|climbed|soared|surged)"


def _money_in(text: str, vocab: Vocab) -> list[_Fig]:
    money = _grammar()
    out: list[_Fig] = []
    last_currency: str | None = None
    for m in _scan(money, text, _MONEY_ANCHOR):
        g = m.groupdict()
        n = g["n1"] or g["n2"] or g["n3"]
        rng = g["r1"] or g["r2"] or ""
        code = None
        if g["pre"]:
            code = _code(g["pre"], vocab.currency_pre)
        post = g["post1"] or g["post2"]
        if post and not code:
            code = _code(post, vocab.currency_post)
        s, e = m.start(), m.end()
        if g["n3"]:
            # a bare large number: money only in a money context and not a count of things
            nxt = re.match(r"\s*(?:of\s+)?([\w-]+)", text[e:e + 30])
            if nxt and nxt.group(1).lower() in vocab.not_money:
                continue
            if re.fullmatch(r"(?:bn|mln)s?", n.strip(), re.I):
                continue
            if last_currency is None:
                continue
            code, inferred = last_currency, True
        else:
            inferred = False
        if code is None:
            continue
        lo, hi, vague = parse_number(n)
        qualifier = "exact"
        if rng and rng.strip():
            r = re.match(r"\s*(?:-|–|—|to|and)\s*(?:" + _alt([x for x, _ in vocab.currency_pre]) + r")?\s*(.*)$", rng, re.I)
            lo2, hi2, v2 = parse_number(r.group(1)) if r else (lo, hi, False)
            if not re.search(rf"(?:{_SCALE_WORDS}|\d\s*{_SCALE_SHORT})\b", n, re.I):
                # "$1-2 billion": the scale of the second number applies to the first
                m2 = re.match(_DIGITS, r.group(1).strip()) if r else None
                if m2 and float(m2.group().replace(",", "")):
                    scale = lo2 / float(m2.group().replace(",", ""))
                    lo, hi = lo * scale, hi * scale
            if rng.strip().lower().startswith("and") and not re.search(r"\bbetween\s*$", text[max(0, s - 12):s], re.I):
                e = s + len(m.group()) - len(rng)
            else:
                hi, qualifier, vague = max(hi2, hi), "range", vague or v2
        if vague and qualifier == "exact":
            qualifier = "approx"
        q = _phrase_before(text, s, vocab.qualifiers)
        if q:
            s = q[1]
            if qualifier != "range":
                qualifier = q[0]
            if re.search(r"\bbetween\s*$", text[max(0, s - 10):s], re.I):
                pass
        elif re.search(r"\bbetween\s+$", text[max(0, s - 10):s], re.I) and qualifier == "range":
            s = text.rindex("between", max(0, s - 10), s)
        trail = _phrase_after(text, e, vocab.trailing)
        if trail:
            qualifier, e = trail[0], trail[1]
        last_currency = code
        if qualifier == "range" and re.search(rf"\b{_CHANGE_VERBS}\s+(?:\w+\s+){{0,3}}?from\s*$", text[max(0, s - 50):s], re.I):
            # "grew from $1.1 billion to $1.5 billion": a change between two amounts, not a range
            r_start = m.start("r1") if g["r1"] else m.start("r2")
            lead = re.match(r"\s*(?:-|–|—|to|and)\s*", text[r_start:]).end()
            first_lo, _, first_vague = parse_number(n)
            if not re.search(rf"(?:{_SCALE_WORDS}|\d\s*{_SCALE_SHORT})\b", n, re.I):
                first_lo = lo
            out.append(_Fig(s, r_start, first_lo, first_lo, code, inferred, "exact", first_vague))
            out.append(_Fig(r_start + lead, e, hi, hi, code, inferred, "exact", vague))
            continue
        out.append(_Fig(s, e, lo, hi, code, inferred, qualifier, vague))
    return out


def _relative_in(text: str, figs: list[_Fig], vocab: Vocab) -> tuple[list[_Fig], list[_Fig]]:
    """Figures stated against an earlier one: 'exceeded that by several billion', then 'double it'.

    Returns (kept plain figures, relative figures): the amount inside an
    "exceeded that by ..." clause becomes part of the relative figure.
    """
    out: list[_Fig] = []
    money = _grammar()
    for m in re.finditer(r"(?<![\w])(?P<v>exceeded|exceeds|surpassed|surpasses|outstripped|topped|beat)\s+(?P<obj>it|that|this|the\s+figure|the\s+mark|the\s+target)(?P<gap>\s*[—–-]*\s*,?\s*)by\s+", text, re.I):
        after = money.match(text, m.end())
        if not after:
            continue
        base = _base([f for f in figs if f.end <= m.start()], m.start())
        if base is None:
            continue
        n = after.group("n1") or after.group("n2") or after.group("n3")
        lo, hi, vague = parse_number(n)
        out.append(_Fig(m.end(), after.end(), base.low + lo, base.high + hi, base.currency, True, "more_than",
                        vague or base.vague, extra={"base": base}))
    spans = [(f.start, f.end) for f in out]
    figs = [f for f in figs if not any(s <= f.start and f.end <= e for s, e in spans)]
    verbs = _alt(list(vocab.relative))
    for m in re.finditer(rf"(?<![\w])(?P<q>(?:at\s+least|more\s+than|almost|nearly|about)\s+)?(?P<v>{verbs})\s+(?P<obj>it|that|this|them|the\s+figure|the\s+volume|(?:the\s+|our\s+|bilateral\s+|mutual\s+)*(?:trade|turnover|exports|imports|investment)(?:\s+turnover)?)\b", text, re.I):
        base = _base(sorted(figs + out, key=lambda f: f.start), m.start())
        if base is None:
            continue
        if any(m.end() <= f.start <= m.end() + 25 for f in figs):
            continue          # "double trade to $2 billion": the amount is stated outright
        factor = vocab.relative[m.group("v").lower()]
        qual = {"at least": "at_least", "more than": "more_than"}.get(" ".join((m.group("q") or "").lower().split()), "approx" if m.group("q") else "exact")
        out.append(_Fig(m.start(), m.end(), base.low * factor, base.high * factor, base.currency, True, qual, base.vague,
                        extra={"base": base}))
    # "(it) increased by 20%": a change in percent of the amount just before, in the same paragraph
    for m in re.finditer(rf"(?<![\w])(?P<v>increase|increased|increases|grew|grow|grows|rose|rise|rises|raise|boost|"
                         rf"decreased|decrease|fell|fall|dropped|declined|decline)\s+(?:(?:it|that|this|the\s+figure|"
                         rf"(?:the\s+|our\s+|bilateral\s+|mutual\s+)*(?:trade|turnover|exports|imports|investment)"
                         rf"(?:\s+turnover)?)\s+)?by\s+(?P<pct>\d+(?:[.,]\d+)?)\s*(?:%|per\s*cent|percent)", text, re.I):
        here = sorted(figs + out, key=lambda f: f.start)
        base = _base(here, m.start())
        if base is None or m.start() - base.end > 300 or "\n" in text[base.end:m.start()]:
            continue
        if any(m.end() <= f.start <= m.end() + 40 for f in figs) or _in_same_clause(text, base.end, m.start()):
            continue          # "rose by 12% to $1.2 billion" / "$1.2 billion, up by 12%": no new amount
        sign = -1 if m.group("v").lower().startswith(("decreas", "fell", "fall", "drop", "declin")) else 1
        factor = 1 + sign * float(m.group("pct").replace(",", ".")) / 100
        out.append(_Fig(m.start(), m.end(), base.low * factor, base.high * factor, base.currency, True, "exact",
                        base.vague, extra={"base": base}))
    return figs, out


def _in_same_clause(text: str, a: int, b: int) -> bool:
    """True when nothing but a comma-free stretch separates positions a and b in a sentence."""
    between = text[a:b]
    return len(between) < 40 and not re.search(r"[.;!?]", between)


def _base(figs: list[_Fig], pos: int) -> _Fig | None:
    before = [f for f in figs if f.end <= pos]
    return before[-1] if before else None


def figures_in_text(text: str, article_id: str = "", year: int | None = None, quote_spans: pd.DataFrame | None = None,
                    rates: dict | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Figures and quantities of one article (see the module docstring for the columns)."""
    fig_rows, qty_rows = figure_rows(text, article_id, year, direct_spans(quote_spans), rates)
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

    `attribute(pos, sentence_start)`, when given, names who a narrative
    sentence attributes an amount to ("according to X, ...").
    """
    vocab = load_vocab()
    rates = rates or {}
    figs = _money_in(text, vocab)
    figs, rel = _relative_in(text, figs, vocab)
    allf = sorted(figs + rel, key=lambda f: f.start)
    position = {id(f): n for n, f in enumerate(allf)}
    for f in rel:
        f.relative_to = position.get(id(f.extra["base"]))    # None when its base was itself dropped
    sents = sentences(text)
    rows = []
    metrics: list[str] = []
    for n, f in enumerate(allf):
        sent = next((s for s in sents if s.start <= f.start < s.end), None)
        sent_text = sent.text if sent else text[max(0, f.start - 100):f.end + 100]
        rel_pos = f.start - (sent.start if sent else max(0, f.start - 100))
        rel_end = rel_pos + (f.end - f.start)
        c0, c1 = _clause(sent_text, rel_pos, rel_end)
        claim = _claim(sent_text[c0:rel_end], sent_text[rel_pos:], vocab)
        if claim == "actual":
            fy, period = _period(sent_text, rel_pos, year, rel_end)
        else:   # a target's year is its own ("by 2030"), never the year of a fact in another clause
            fy, period = _period(sent_text[c0:c1], rel_pos - c0, year, rel_end - c0)
        if fy is None and claim == "actual" and year and not period:
            fy, period = year, "article date"
        speaker, in_quote = _speaker(spans, f.start)
        if not in_quote and attribute is not None:
            speaker = attribute(f.start, sent.start if sent else max(0, f.start - 100))
        value_lo, value_hi = _to_usd(f.low, f.currency, fy or year, rates), _to_usd(f.high, f.currency, fy or year, rates)
        ranged = f.low != f.high
        point = (f.low + f.high) / 2
        metric = _metric(sent_text, rel_pos, vocab)
        if metric == "other" and f.relative_to is not None and f.relative_to < len(metrics):
            metric = metrics[f.relative_to]            # "double it": what "it" counts
        elif metric == "other" and metrics and f.start - allf[n - 1].end < 300 and "\n" not in text[allf[n - 1].end:f.start]:
            metric = metrics[-1]                       # same paragraph, no subject word: the topic continues
        metrics.append(metric)
        rows.append({
            "article_id": article_id, "figure_id": f"{article_id}#f{n}", "surface": text[f.start:f.end],
            "value_usd": _to_usd(point, f.currency, fy or year, rates),
            "low_usd": value_lo if ranged else None, "high_usd": value_hi if ranged else None,
            "amount": point, "currency": f.currency or "", "currency_inferred": f.inferred,
            "qualifier": f.qualifier, "vague": bool(f.vague), "claim": claim,
            "metric": metric, "year": fy, "period": period,
            "relative_to": f"{article_id}#f{f.relative_to}" if f.relative_to is not None else "",
            "speaker": speaker, "in_quote": in_quote, "start": f.start, "end": f.end, "sentence": sent_text,
        })
    return rows, quantity_rows(text, article_id, [(f.start, f.end) for f in allf], spans, sents)


def _to_usd(amount: float | None, currency: str | None, year: int | None, rates: dict) -> float | None:
    if amount is None or not currency:
        return None
    if currency == "USD":
        return amount
    rate = rates.get((currency, year)) if year else None
    return amount * rate if rate else None


def _speaker(spans: list[tuple[int, int, str]], pos: int) -> tuple[str, bool]:
    for s, e, who in spans:
        if s <= pos < e:
            return who, True
    return "", False


# --------------------------------------------------------------------------- quantities

_QTY = re.compile(
    r"(?<![\w])(?P<q>(?:nearly|almost|about|around|roughly|some|over|more\s+than|less\s+than|at\s+least|up\s+to|close\s+to|approximately)\s+)?"
    r"(?:(?P<top>top)[\s-]+(?P<rank>\d+|" + _WORDNUM + r")(?=\s+[a-z])"
    r"|(?P<pct>\d+(?:[.,]\d+)?)\s*(?:%(?!\w)|per\s*cent\b|percent\b)"
    r"|(?P<half>half\s+again\s+(?:more|as\s+much)|half(?=\s+(?:of|again|more|as|the)\b))"
    r"|(?P<num>(?:several|a\s+few|dozens\s+of|hundreds\s+of|thousands\s+of|tens\s+of)\s+(?:thousand|hundred|million)?|"
    r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+(?:thousand|million|billion))?|(?:" + _WORDNUM + r")(?:\s+(?:thousand|hundred|million|billion))?)"
    r"\s+(?P<unit>(?:[a-z][\w-]*\s+){0,2}?(?:hectares?|acres?|tons?|tonnes?|square\s+kilomet(?:er|re)s|km|kilomet(?:er|re)s|enterprises|companies|firms|ventures|projects|agreements|contracts|documents|countries|regions|people|jobs|units|vehicles|trucks|tractors|combines|harvesters|machines|plants|factories|delegations|visits|years|percent))\b)",
    re.I)


def quantity_rows(text: str, article_id: str, money_spans: list[tuple[int, int]],
                  quote_spans: list[tuple[int, int, str]], sents) -> list[dict]:
    rows = []
    for m in _QTY.finditer(text):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in money_spans):
            continue
        if re.search(r"\b(?:the|these|those|our|both)\s+$", text[max(0, s - 8):s], re.I) and m.group("num"):
            continue  # "the two countries": a reference, not a quantity
        g = m.groupdict()
        qual = {"nearly": "approx", "almost": "approx", "about": "approx", "around": "approx", "roughly": "approx",
                "some": "approx", "close to": "approx", "approximately": "approx", "over": "more_than",
                "more than": "more_than", "less than": "less_than", "at least": "at_least", "up to": "at_most"}.get(
            " ".join((g["q"] or "").lower().split()), "exact")
        vague = False
        if g["top"]:
            kind, unit = "rank", "top"
            lo = hi = _word_value(g["rank"]) if not g["rank"].isdigit() else float(g["rank"])
        elif g["pct"]:
            kind, unit = "percent", "%"
            lo = hi = float(g["pct"].replace(",", "."))
        elif g["half"]:
            kind, unit = "ratio", "share"
            lo = hi = 1.5 if "again" in g["half"].lower() else 0.5
        else:
            unit = " ".join(g["unit"].split())
            kind = "area" if re.search(r"hectare|acre|square|km|kilomet", unit, re.I) else (
                "mass" if re.search(r"\bton", unit, re.I) else ("duration" if unit.lower() == "years" else "count"))
            numtxt = " ".join(g["num"].split()).lower()
            if re.match(r"(several|a few|dozens of|hundreds of|thousands of|tens of)", numtxt):
                vague = True
                lo, hi, _ = parse_number(numtxt.replace("thousands of", "several thousand") if numtxt.startswith("thousands") else numtxt)
                if numtxt.startswith(("hundreds of", "dozens of", "tens of")) and not re.search("thousand|million", numtxt):
                    lo, hi = {"hundreds of": (200, 999), "dozens of": (24, 99), "tens of": (20, 99)}[numtxt.split(" of")[0] + " of"]
            else:
                lo, hi, vague = parse_number(numtxt)
            if kind == "duration" or (lo == hi and 1900 <= lo <= 2100 and not g["q"]):
                continue
        sent = next((x for x in sents if x.start <= s < x.end), None)
        who, inq = _speaker(quote_spans, s)
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
        f, n = figure_rows(a.text, a.article_id, article_year(a.published), by_article.get(a.article_id, []), rates)
        figs += f
        qtys += n
    return _figure_frame(figs), _quantity_frame(qtys)


DISCREPANCY_COLUMNS = ["metric", "year", "article_a", "figure_a", "surface_a", "value_a", "range_a",
                       "article_b", "figure_b", "surface_b", "value_b", "range_b", "ratio"]


def find_discrepancies(figures: pd.DataFrame, articles: pd.DataFrame | None = None, tolerance: float = 0.25,
                       max_pairs: int = 40) -> pd.DataFrame:
    """Pairs of actual figures for the same metric and year, from different articles, that disagree.

    Two figures disagree when their USD ranges (low..high, or the point widened
    by its qualifier) do not overlap within `tolerance` (relative). A group
    (metric, year) with many figures reports at most `max_pairs` pairs, the
    furthest apart first, so the table stays readable on large corpora.
    """
    f = figures[(figures["claim"] == "actual") & figures["value_usd"].notna() & figures["year"].notna()]
    rows = []
    for (metric, year), g in f.groupby(["metric", "year"], sort=True):
        recs = g.to_dict("records")
        if len({r["article_id"] for r in recs}) < 2:
            continue
        iv = [_interval(r) for r in recs]
        order = sorted(range(len(recs)), key=lambda k: iv[k][1])          # by upper bound
        lows = order[: max_pairs]
        highs = sorted(range(len(recs)), key=lambda k: -iv[k][0])[: max_pairs]   # by lower bound, descending
        pairs = []
        for i in lows:
            for j in highs:
                a, b = recs[i], recs[j]
                if i == j or a["article_id"] == b["article_id"]:
                    continue
                (alo, ahi), (blo, bhi) = iv[i], iv[j]
                if alo <= bhi * (1 + tolerance) and blo <= ahi * (1 + tolerance):
                    continue
                gap = max(blo / max(ahi, 1), alo / max(bhi, 1))
                pairs.append((gap, min(i, j), max(i, j)))
        seen = set()
        for gap, i, j in sorted(pairs, reverse=True):
            if (i, j) in seen or len(seen) >= max_pairs:
                continue
            seen.add((i, j))
            a, b = recs[i], recs[j]
            if pd.notna(a["value_usd"]) and pd.notna(b["value_usd"]) and a["value_usd"] > b["value_usd"]:
                a, b, i, j = b, a, j, i
            rows.append({"metric": metric, "year": year, "article_a": a["article_id"], "figure_a": a["figure_id"],
                         "surface_a": a["surface"], "value_a": a["value_usd"], "range_a": _fmt_range(iv[i]),
                         "article_b": b["article_id"], "figure_b": b["figure_id"], "surface_b": b["surface"],
                         "value_b": b["value_usd"], "range_b": _fmt_range(iv[j]),
                         "ratio": round(max(a["value_usd"], b["value_usd"]) / max(min(a["value_usd"], b["value_usd"]), 1), 2)})
    return pd.DataFrame(rows, columns=DISCREPANCY_COLUMNS)


def _interval(r: dict) -> tuple[float, float]:
    lo = r["low_usd"] if pd.notna(r.get("low_usd")) else r["value_usd"]
    hi = r["high_usd"] if pd.notna(r.get("high_usd")) else r["value_usd"]
    q = r["qualifier"]
    if q in ("at_least", "more_than"):
        hi = max(hi, lo * 1.5)   # "a billion and more": open above, but not without limit
    elif q in ("at_most", "less_than"):
        lo = 0.0
    elif q == "approx":
        lo, hi = lo * 0.9, hi * 1.1
    return lo, hi


def _fmt_range(r: tuple[float, float]) -> str:
    return f"{format_usd(r[0])} – {format_usd(r[1])}"


def format_usd(v: float | None) -> str:
    """$1.2 bn / $845.3 m / $12,000 for tables."""
    if v is None or pd.isna(v):
        return ""
    for scale, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " m")):
        if abs(v) >= scale:
            return f"${v / scale:,.1f}".rstrip("0").rstrip(".") + suffix
    return f"${v:,.0f}"
