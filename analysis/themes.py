"""Theme frequency from an analyst-editable lexicon, counted the way media researchers count.

`extract_themes(articles, lexicon, quotes=None)` returns (mentions, themes):

``theme_mentions`` (one row per mention): article_id, theme, term, surface,
start, end (``surface == text[start:end]``), sentence_id, in_quote, speaker.

``themes`` (one row per article and theme with at least one hit):
article_id, theme, hits, per_1k_words (hits per 1,000 words of the article,
all words counted), sentence_share (share of the article's sentences that
mention the theme), narrative_hits, quoted_hits.

The lexicon is language-neutral where it can be: theme keys, labels and
descriptions live in ``analysis/data/themes.yml``; the terms of each theme in
each language live in that language's pack (``analysis/data/lang/<code>/
themes.yml``). A corpus ``themes.yml`` may give a theme's terms itself, as one
list (matched in articles of every language) or per language code
(``terms: {en: [...], ru: [...]}``); a theme without ``terms`` takes them from
the packs.

Matching: each word is lower-cased and normalised by the article language's
normaliser (a Snowball stem or a pymorphy3 lemma: ``machinery``/``machines``,
``машиностроения``/``машиностроение``), hyphen and space are the same, and the
longest term wins where terms overlap. A term listed under two themes
("agricultural machinery") is one mention that counts once for each theme.
Terms written "=word" match that word form only. A term written "~word" is
weak: it counts only in an article that uses the theme's weak terms at least
twice or names the theme with another term too ("regions" once, in an article
about something else, is not interregional cooperation). Exclusions are
phrases matched the same way; a mention inside one is not counted.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Callable

import pandas as pd

from .config import DATA, Checker, ConfigError, load_yaml
from .text import sentences

MENTION_COLUMNS = ["article_id", "theme", "term", "surface", "start", "end", "sentence_id", "in_quote", "speaker",
                   "sentence"]
THEME_COLUMNS = ["article_id", "theme", "hits", "per_1k_words", "sentence_share", "narrative_hits", "quoted_hits"]

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_JOINER = re.compile(r"[\s\-‐‑]+")   # what may stand between the words of one term (not a dash)
_NEXT = re.compile(f"{_JOINER.pattern}({_TOKEN.pattern})")   # the next word of a phrase, if only joiners come before it
ANY = "*"   # terms listed without a language: matched in every language


@lru_cache(maxsize=None)
def _key_function(lang: str, kind: str | None = None) -> Callable[[str], str]:
    """token -> matching key for `lang`: the pack's normaliser (or `kind`), after
    folding case, curly apostrophes and the possessive 's."""
    from .lang import _normaliser
    normalise = _normaliser(kind or theme_normaliser(lang))

    @lru_cache(maxsize=1 << 18)
    def key(word: str) -> str:
        w = word.lower().replace("’", "'").replace("ё", "е")
        if w.endswith("'s"):
            w = w[:-2]
        return normalise(w)
    return key


def _exact(word: str) -> str:
    return "=" + word.lower().replace("’", "'").replace("ё", "е").removesuffix("'s")


@lru_cache(maxsize=None)
def theme_normaliser(lang: str) -> str:
    """The normaliser theme terms of `lang` use: the pack's ``themes.yml`` may set
    its own (``normaliser:``), else the pack's."""
    from .lang import pack
    p = pack(lang)
    spec = p.section("themes") or {}
    return str(spec.get("normaliser") or p.normaliser) if isinstance(spec, dict) else p.normaliser


def _norm(word: str, exact: bool = False, lang: str = "en") -> str:
    return _exact(word) if exact else _key_function(lang)(word)


@dataclass
class Theme:
    key: str
    label: str
    description: str
    terms: dict[str, list[str]] = field(default_factory=dict)     # language code (or "*") -> terms
    exclude: dict[str, list[str]] = field(default_factory=dict)
    from_packs: bool = False   # no terms of its own: each language pack's terms for this key


class _Matcher:
    """A trie over normalised token sequences for one language.

    `match` is one pass over the article. The text is cut at white space
    (`str.split`, much cheaper than a regular expression) and each distinct
    piece is looked up once in a table (filled as new pieces are met) that
    gives the words of that piece which can start a term or an exclusion,
    with their offsets in the piece and the trie nodes they lead to; a C-level
    `map` then keeps the pieces that have any. Each such piece is found in the
    text from where the previous one ended (no piece in between can be the
    same string, so the first occurrence standing between white space is the
    one), and the trie is walked on only from its words, one word at a time,
    across spaces and hyphens. Each term's hits are resolved to one (theme,
    term) per theme when the trie is built, not at every mention. The whole
    match is linear in the article's length.
    """

    WORD_TABLE_MAX = 1 << 20     # distinct pieces remembered per language before the table starts afresh

    def __init__(self, lang: str, terms: list[tuple[str, str]], excludes: list[tuple[str, str]]):
        self.lang = lang
        self.key = _key_function(lang)
        self.weak: set[tuple[str, str]] = set()   # (theme, term) of the terms written "~term"
        self.trie: dict = self._trie(terms)
        self.ex_trie: dict = self._trie(excludes)
        self._pieces: dict[str, tuple] = {}   # piece -> ((start, end, term node, exclusion node), ...) of its words
        self._keys: dict[str, tuple[str, str]] = {}   # word -> (exact key, normalised key)

    def _trie(self, items: list[tuple[str, str]]) -> dict:
        root: dict = {}
        for theme, term in items:
            weak = term.startswith("~")
            term = term.removeprefix("~")
            exact = term.startswith("=")
            toks = _TOKEN.findall(term.lstrip("="))
            if not toks:
                continue
            node = root
            for t in toks:
                node = node.setdefault(_exact(t) if exact else self.key(t), {})
            node.setdefault(None, set()).add((theme, term.lstrip("=")))
            if weak:
                self.weak.add((theme, term.lstrip("=")))
        self._resolve(root)
        return root

    @classmethod
    def _resolve(cls, node: dict) -> None:
        """Each end of a term: its (theme, term) pairs, one per theme (ties: not set order)."""
        for k, child in node.items():
            if k is None:
                by_theme: dict[str, str] = {}
                for theme, term in sorted(child, key=lambda h: (h[0], len(h[1]), h[1])):
                    by_theme.setdefault(theme, term)  # one mention per theme, however many terms share the key
                node[None] = tuple(by_theme.items())
            else:
                cls._resolve(child)

    def _keys_of(self, word: str) -> tuple[str, str]:
        got = self._keys.get(word)
        if got is None:
            if len(self._keys) >= self.WORD_TABLE_MAX:
                self._keys.clear()
            got = self._keys[word] = (_exact(word), self.key(word))
        return got

    def _starts_in(self, piece: str) -> tuple:
        """(start, end, term node, exclusion node) of each word of `piece` that can start a term or an exclusion."""
        out = []
        for m in _TOKEN.finditer(piece):
            exact, key = self._keys_of(m.group())
            t = self.trie.get(exact) or self.trie.get(key)
            x = self.ex_trie.get(exact) or self.ex_trie.get(key)
            if t is not None or x is not None:
                out.append((m.start(), m.end(), t, x))
        return tuple(out)

    def _walk(self, node: dict, text: str, pos: int):
        """Longest term through `node` (the trie node of the word ending at `pos`): (end offset, hits) or None."""
        best = (pos, node[None]) if None in node else None
        if len(node) == (best is not None):
            return best                        # a leaf: the term ends with this word
        keys, step = self._keys_of, _NEXT.match
        while True:
            m = step(text, pos)                # the next word, if only spaces and hyphens come before it
            if m is None:
                break  # a phrase never runs over punctuation
            exact, key = keys(m.group(1))
            nxt = node.get(exact) or node.get(key)
            if nxt is None:
                break
            node = nxt
            pos = m.end()
            if None in node:
                best = (pos, node[None])
        return best

    def match(self, text: str) -> list[tuple[int, int, str, str]]:
        pieces = text.split()
        table = self._pieces
        new = set(pieces).difference(table)
        if new:
            if len(table) + len(new) > self.WORD_TABLE_MAX:
                table.clear()
                new = set(pieces)
            for p in new:
                table[p] = self._starts_in(p)
        found = list(compress(pieces, map(table.__getitem__, pieces)))
        if not found:
            return []
        # where each of those pieces stands: the first occurrence between white space after the previous one
        words = []         # (start, end, term node, exclusion node) of each word that can start something
        pos, size = 0, len(text)
        for p in found:
            k = text.find(p, pos)
            while (k > 0 and not text[k - 1].isspace()) or (k + len(p) < size and not text[k + len(p)].isspace()):
                k = text.find(p, k + 1)
            pos = k + len(p)
            words += [(k + a, k + b, t, x) for a, b, t, x in table[p]]
        # exclusion phrases first: (start, end, theme) of each
        blocked: list[tuple[int, int, str]] = []
        if self.ex_trie:
            for s, e, _, x in words:
                if x is not None:
                    got = self._walk(x, text, e)
                    if got:
                        blocked += [(s, got[0], theme) for theme, _ in got[1]]
        out = []
        after = 0          # where the next mention may start
        for s, e, node, _ in words:
            if node is None or s < after:
                continue                       # inside the previous mention
            best = self._walk(node, text, e)
            if best is None:
                continue
            end, hits = best
            for theme, term in hits:
                if blocked and any(th == theme and a < end and s < b for a, b, th in blocked):
                    continue
                out.append((s, end, theme, term))
            after = end
        return self._without_lone_weak(out) if self.weak else out

    def _without_lone_weak(self, found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        """Drop the mentions of a theme that the article names only once, with a weak term: a lone "regions"
        in an article about something else is not interregional cooperation; twice, or beside another term
        of the theme, it is."""
        weak, strong = Counter(), set()
        for _, _, theme, term in found:
            if (theme, term) in self.weak:
                weak[theme] += 1
            else:
                strong.add(theme)
        lone = {theme for theme, n in weak.items() if n < 2 and theme not in strong}
        return [m for m in found if m[2] not in lone] if lone else found


@dataclass
class Lexicon:
    themes: dict[str, Theme]
    source: Path | None = None
    description: str = ""          # which lexicon files were used, for the briefing's methodology
    _matchers: dict[str, _Matcher] = field(default_factory=dict, repr=False)

    def __getstate__(self) -> dict:
        """Pickled without its matchers (they hold per-process tables and the normaliser functions, which
        do not pickle): a lexicon that has matched articles can still be sent to worker processes."""
        return {**self.__dict__, "_matchers": {}}

    def terms_for(self, theme: Theme, lang: str) -> tuple[list[str], list[str]]:
        """(terms, exclusions) of `theme` in articles of language `lang`."""
        if theme.from_packs:
            spec = _pack_terms(_pack_code(lang)).get(theme.key, {})
            return spec.get("terms", []), spec.get("exclude", [])
        return ([*theme.terms.get(ANY, []), *theme.terms.get(lang, [])],
                [*theme.exclude.get(ANY, []), *theme.exclude.get(lang, [])])

    def matcher(self, lang: str = "en") -> _Matcher:
        lang = _pack_code(lang)
        if lang not in self._matchers:
            terms, excludes = [], []
            for theme in self.themes.values():
                t, x = self.terms_for(theme, lang)
                terms += [(theme.key, w) for w in t]
                excludes += [(theme.key, w) for w in x]
            self._matchers[lang] = _Matcher(lang, terms, excludes)
        return self._matchers[lang]

    @property
    def trie(self) -> dict:
        return self.matcher("en").trie

    def match(self, text: str, lang: str = "en") -> list[tuple[int, int, str, str]]:
        """(start, end, theme, term) for every mention in text, longest match first."""
        return self.matcher(lang).match(text)

    def languages(self) -> list[str]:
        """Language codes with at least one term (packs included)."""
        from .lang import available
        return [c for c in available() if any(self.terms_for(t, c)[0] for t in self.themes.values())]


def _pack_code(lang: str | None) -> str:
    from .lang import pack
    return pack(lang).code


@lru_cache(maxsize=None)
def _pack_terms(code: str) -> dict[str, dict[str, list[str]]]:
    """The validated ``themes.yml`` of a language pack: {theme key: {terms, exclude}}."""
    from .lang import pack
    p = pack(code)
    path = p.file("themes")
    if path is None:
        return {}
    try:
        return _read_pack_terms(p.section("themes"), Checker(path))
    except ConfigError as exc:   # name the pack: lang/ru/themes.yml, not just themes.yml
        raise ConfigError(f"lang/{code}/{exc}") from None


def _read_pack_terms(section, check: Checker) -> dict[str, dict[str, list[str]]]:
    data = check.mapping(section, "", allowed={"normaliser", "themes", "stop_words"}, required={"themes"})
    check.texts(data.get("stop_words"), "stop_words")
    out = {}
    for key, spec in check.mapping(data["themes"], "themes").items():
        k = f"themes.{key}"
        _check_key(check, key, k)
        check.mapping(spec, k, allowed={"terms", "exclude"}, required={"terms"})
        out[key] = {"terms": check.texts(spec["terms"], f"{k}.terms", optional=False),
                    "exclude": check.texts(spec.get("exclude"), f"{k}.exclude")}
    return out


@lru_cache(maxsize=None)
def _stop_words(code: str) -> frozenset[str]:
    """Function words of a language that `suggest_terms` never proposes (``stop_words`` in the pack's themes.yml)."""
    from .lang import pack
    spec = pack(code).section("themes")
    return frozenset(w.lower() for w in (spec.get("stop_words") or [])) if isinstance(spec, dict) else frozenset()


def _check_key(check: Checker, key, k: str) -> None:
    if not isinstance(key, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        check.fail(k, "theme keys are lower-case words joined by underscores, e.g. joint_ventures")


def _by_language(check: Checker, value, key: str, languages: list[str], optional: bool) -> dict[str, list[str]]:
    """A list of terms (every language) or {language code: [terms]}."""
    if isinstance(value, dict):
        out = {}
        for code, terms in value.items():
            if str(code).lower() not in languages:
                check.fail(f"{key}.{code}", f"no language pack '{code}' (available: {', '.join(languages)})")
            out[str(code).lower()] = check.texts(terms, f"{key}.{code}", optional=False)
        return out
    terms = check.texts(value, key, optional=optional)
    return {ANY: terms} if terms else {}


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and validate a theme lexicon (default: the shipped analysis/data/themes.yml).

    Another file extends the shipped lexicon: a theme with the same key replaces
    the shipped one, new themes are added after it; ``replace: true`` at the top
    of the file uses that file alone.
    """
    from .config import is_shipped, merge_entries

    path = Path(path) if path else DATA / "themes.yml"
    own, replace = _read_lexicon(path)
    if is_shipped(path, "themes.yml"):
        return Lexicon(own, path, description=f"shipped lexicon ({len(own)} themes)")
    shipped = {} if replace else _read_lexicon(DATA / "themes.yml")[0]
    merged, account = merge_entries(shipped, own, replace)
    how = "alone" if replace else "with the shipped lexicon"
    return Lexicon(merged, path, description=f"{path.name} {how}: {account} themes")


def _read_lexicon(path: Path) -> tuple[dict[str, "Theme"], bool]:
    """The themes of one lexicon file and its `replace` flag."""
    from .lang import available
    data = load_yaml(path)
    check = Checker(path)
    check.mapping(data, "", allowed={"themes", "replace"}, required={"themes"})
    replace = check.flag(data.get("replace"), "replace")
    languages = available()
    for code in languages:
        _pack_terms(code)   # every pack's term file is checked now, not when its first article comes
    themes = {}
    for key, spec in check.mapping(data["themes"], "themes").items():
        k = f"themes.{key}"
        _check_key(check, key, k)
        check.mapping(spec, k, allowed={"label", "description", "terms", "exclude"})
        terms = _by_language(check, spec.get("terms"), f"{k}.terms", languages, optional=True)
        from_packs = "terms" not in spec
        if from_packs and not any(key in _pack_terms(c) for c in languages):
            check.fail(f"{k}.terms", "required (no language pack has terms for this theme)")
        if not from_packs and not any(terms.values()):
            check.fail(f"{k}.terms", "needs at least one term")
        themes[key] = Theme(key, check.text(spec.get("label") or key.replace("_", " ").capitalize(), f"{k}.label"),
                            check.text(spec.get("description"), f"{k}.description", optional=True) or "",
                            terms, _by_language(check, spec.get("exclude"), f"{k}.exclude", languages, optional=True),
                            from_packs)
    if not themes:
        check.fail("themes", "at least one theme is needed")
    return themes, replace


def extract_themes(articles: pd.DataFrame, lexicon: Lexicon | None = None,
                   quotes: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Theme mentions and per-article measures (columns in the module docstring)."""
    lexicon = lexicon or load_lexicon()
    by_article = {}
    if quotes is not None and not quotes.empty:
        from .quotes import direct_spans
        by_article = {a: direct_spans(g) for a, g in quotes.groupby("article_id")}
    mention_rows, theme_rows = [], []
    has_lang = "language" in articles.columns
    for a in articles.itertuples(index=False):
        m, t = theme_rows_of(a.article_id, a.text, a.n_words, lexicon, by_article.get(a.article_id, []),
                             lang=a.language if has_lang else "en")
        mention_rows += m
        theme_rows += t
    return theme_frames(mention_rows, theme_rows, lexicon)


def theme_frames(mention_rows: list[dict], theme_rows: list[dict], lexicon: Lexicon) -> tuple[pd.DataFrame, pd.DataFrame]:
    mentions = pd.DataFrame(mention_rows, columns=MENTION_COLUMNS)
    return mentions, sort_themes(pd.DataFrame(theme_rows, columns=THEME_COLUMNS), lexicon)


def sort_themes(themes: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    """Rows by article, then themes in lexicon order."""
    order = {k: i for i, k in enumerate(lexicon.themes)}
    return themes.sort_values(["article_id", "theme"], key=lambda c: c.map(order) if c.name == "theme" else c,
                              ignore_index=True, kind="stable")


def theme_rows_of(article_id: str, text: str, n_words: int, lexicon: Lexicon,
                  quote_spans: list[tuple[int, int, str]], lang: str = "en") -> tuple[list[dict], list[dict]]:
    """Mention rows and per-theme rows of one article; `quote_spans` are (start, end, speaker).

    `lang` is the article's language code: its pack's terms and normaliser are used."""
    found = lexicon.match(text, lang)
    if not found:
        return [], []
    sents = sentences(text)
    starts = [s.start for s in sents]
    q_starts = [s for s, _, _ in quote_spans]
    mention_rows = []
    per_theme: dict[str, list] = {}      # theme -> [hits, sentence ids, quoted hits]
    right = bisect.bisect_right
    for s, e, theme, term in found:
        sid = right(starts, s) - 1
        if sid < 0:
            sid = 0
        k = right(q_starts, s) - 1 if q_starts else -1
        who, inq = (quote_spans[k][2], True) if k >= 0 and s < quote_spans[k][1] else ("", False)
        mention_rows.append({"article_id": article_id, "theme": theme, "term": term, "surface": text[s:e],
                             "start": s, "end": e, "sentence_id": sid, "in_quote": inq, "speaker": who,
                             "sentence": sents[sid].text if sents else ""})
        t = per_theme.get(theme)
        if t is None:
            t = per_theme[theme] = [0, set(), 0]
        t[0] += 1
        t[1].add(sid)
        t[2] += inq
    n_sents = max(len(sents), 1)
    theme_rows = [{"article_id": article_id, "theme": theme, "hits": hits,
                   "per_1k_words": round(1000 * hits / max(n_words, 1), 2),
                   "sentence_share": round(len(sids) / n_sents, 3),
                   "narrative_hits": hits - quoted, "quoted_hits": quoted}
                  for theme, (hits, sids, quoted) in per_theme.items()]
    return mention_rows, theme_rows


# --------------------------------------------------------------------------- corpus measures


def article_share(themes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per theme: number and share of articles that mention it, and total hits."""
    n = max(len(articles), 1)
    g = themes.groupby("theme").agg(articles=("article_id", "nunique"), hits=("hits", "sum"))
    g["article_share"] = (g["articles"] / n).round(3)
    return g.sort_values("hits", ascending=False).reset_index()


def by_language(themes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per theme and article language: articles that mention it, their share of that language's
    articles, hits, all words of that language's articles and hits per 1,000 of them (one scale
    for every language).

    Columns: theme, language, articles, article_share, hits, words, per_1k_words.
    """
    cols = ["theme", "language", "articles", "article_share", "hits", "words", "per_1k_words"]
    a = articles[["article_id", "language", "n_words"]].copy()
    a["language"] = a["language"].fillna("").astype(str)
    totals = a.groupby("language").agg(n_articles=("article_id", "nunique"), words=("n_words", "sum"))
    t = themes.merge(a[["article_id", "language"]], on="article_id")
    if t.empty:
        return pd.DataFrame(columns=cols)
    g = t.groupby(["theme", "language"]).agg(articles=("article_id", "nunique"), hits=("hits", "sum")).reset_index()
    g = g.join(totals, on="language")
    g["article_share"] = (g["articles"] / g["n_articles"]).round(3)
    g["per_1k_words"] = (1000 * g["hits"] / g["words"].clip(lower=1)).round(2)
    return g[cols].sort_values(["theme", "language"], ignore_index=True)


def languages_read(articles: pd.DataFrame) -> str:
    """The languages of the corpus for a methodology note: 'Russian (12 articles), English (3 articles)'."""
    from .lang import available, pack
    counts = articles["language"].fillna("").astype(str).value_counts()
    names = {c: pack(c).name for c in available()}
    return ", ".join(f"{names.get(code, code or 'unknown')} ({n} article{'s' if n != 1 else ''})"
                     for code, n in counts.items())


def by_speaker(mentions: pd.DataFrame) -> pd.DataFrame:
    """Theme x speaker mention counts (quoted speech only)."""
    q = mentions[mentions["in_quote"] & (mentions["speaker"] != "")]
    if q.empty:
        return pd.DataFrame()
    return q.pivot_table(index="speaker", columns="theme", values="start", aggfunc="count", fill_value=0)


def by_month(themes: pd.DataFrame, articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Hits per theme and month of publication, plus the articles left out for want of a dated year."""
    a = articles[["article_id", "published", "year_known"]]
    t = themes.merge(a, on="article_id")
    dated = t[t["year_known"] & t["published"].notna()].copy()
    dated["month"] = dated["published"].str[:7]
    table = dated.pivot_table(index="month", columns="theme", values="hits", aggfunc="sum", fill_value=0)
    undated = articles.loc[~articles["year_known"], ["article_id", "published"]]
    return table, undated


def cooccurrence(mentions: pd.DataFrame) -> pd.DataFrame:
    """Number of sentences in which two themes are both mentioned."""
    pairs: Counter = Counter()
    for _, g in mentions.groupby(["article_id", "sentence_id"]):
        ts = sorted(set(g["theme"]))
        for i, a in enumerate(ts):
            for b in ts[i + 1:]:
                pairs[(a, b)] += 1
    rows = [{"theme_a": a, "theme_b": b, "sentences": n} for (a, b), n in pairs.most_common()]
    return pd.DataFrame(rows, columns=["theme_a", "theme_b", "sentences"])


def suggest_terms(articles: pd.DataFrame, lexicon: Lexicon, mentions: pd.DataFrame | None = None,
                  top: int = 20) -> pd.DataFrame:
    """Words and two-word phrases frequent in the corpus but in no theme, ranked by TF-IDF.

    A suggestion list for the lexicon, not a finding: the analyst decides.
    """
    langs = sorted(set(articles["language"])) if "language" in articles.columns and len(articles) else ["en"]
    stop = set().union(*(_stop_words(_pack_code(c)) for c in langs))
    known: set = set()
    for code in langs:
        known |= set(lexicon.matcher(code).trie)   # first words of the terms
    docs = []
    caps: Counter = Counter()
    seen: Counter = Counter()
    for text in articles["text"]:
        for t in _TOKEN.findall(text):
            seen[t.lower()] += 1
            caps[t.lower()] += t[:1].isupper()
    proper = {w for w, n in seen.items() if caps[w] > n / 2}   # names and places: not theme vocabulary
    for text in articles["text"]:
        toks = [t.lower() for t in _TOKEN.findall(text)]
        toks = [t if t not in proper else "" for t in toks]
        grams = [t for t in toks if t and len(t) > 3 and t not in stop and not t.isdigit()]
        grams += [f"{a} {b}" for a, b in zip(toks, toks[1:])
                  if a not in stop and b not in stop and len(a) > 2 and len(b) > 2 and not (a.isdigit() or b.isdigit())]
        docs.append(Counter(grams))
    df = Counter()
    for d in docs:
        df.update(set(d))
    n = len(docs)
    scores: Counter = Counter()
    tf_total: Counter = Counter()
    for d in docs:
        for g, c in d.items():
            scores[g] += c * (math.log((1 + n) / (1 + df[g])) + 1)
            tf_total[g] += c
    rows = []
    for g, s in scores.most_common():
        parts = g.split()
        if any(_norm(p, lang=c) in known for p in parts for c in langs) or any("=" + p in known for p in parts) \
                or tf_total[g] < 2:
            continue
        rows.append({"term": g, "count": tf_total[g], "articles": df[g], "score": round(s, 2)})
        if len(rows) >= top:
            break
    return pd.DataFrame(rows, columns=["term", "count", "articles", "score"])
