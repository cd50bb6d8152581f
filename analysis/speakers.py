"""One name per person across the corpus, whatever the script or spelling of each article.

The quote extractor names a speaker from their own article: the roster's name
when the roster knows them, else the fullest name the article gives, in the
article's script. Across a mixed corpus one person outside the roster then
appears as "Алексей Оверчук" in Russian articles and "Alexei Overchuk" in
English ones, or as "Elchin Hasanov" and "Эльчин Гасанов". `unify_speakers`
gives every spelling of one person the same `speaker`, in every table that
names speakers, so counts per speaker, per-speaker themes and the same
statement across sources add up.

Two spellings are one person when, folded to ASCII (Cyrillic transliterated),
their surnames match as the roster matches them (`roster.surnames_match`:
Jaro-Winkler and the packs' transliteration variants, so Gasanov = Hasanov,
Mirziioev = Mirziyoyev) and their first given names are spellings of one
name or an initial of it (Aleksei = Alexei = A., but not Alexander). Only
person-like names count: two to four capitalised words, not in the roster
(the roster already gives its people one name), not an organisation. The name
kept is the first by a rule that does not depend on counts, so a run over the
whole corpus and one that adds articles to a cache agree: a Latin spelling
before others (the briefings are in English, like the roster's names), then
the one with most words, the longest, and the first in alphabetical order.
`speaker_mention` keeps the words as the article wrote them.

Cost: distinct names, not quotes, are compared, and only within the group
of the first letters of their given name and surname (letters that
transliteration swaps, such as G/H and Ye/E, in one group); rapidfuzz finds
each name's look-alike surnames there in C, and only those are tested
further.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import partial

import pandas as pd
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from .roster import GIVEN_SIMILARITY, SURNAME_SIMILARITY, _skeleton, surnames_match
from .text import fold

# tables whose `speaker` column names people, and are rewritten with the same names
SPEAKER_TABLES = ("quotes", "figures", "quantities", "theme_mentions")
_PERSON_CONFIDENCE = {"name", "coreference", "header", "nearest"}
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")


def _tokens(name: str) -> list[str]:
    """Folded name tokens; the apostrophe that a soft sign becomes (Эльчин -> El'chin) does not split a word."""
    return [t for t in re.split(r"[^a-z0-9]+", fold(name).replace("'", "")) if t]


def _given_match(a: str, b: str) -> bool:
    """Given names of one person: the same, or spellings of one name (Aleksei = Alexei, Aleksandr =
    Alexander), but not two names with a shared start (Alexander, Alexei; Vladimir, Vladislav)."""
    if a == b:
        return True
    return JaroWinkler.similarity(a, b) >= GIVEN_SIMILARITY and \
        Levenshtein.normalized_similarity(_skeleton(a), _skeleton(b)) >= 0.6


# first letters that transliteration swaps (Гасанов Gasanov / Hasanov, Ерлан Erlan / Yerlan): one group
_INITIAL_CLASS = str.maketrans({"g": "h", "y": "e", "i": "e", "j": "z"})


def _initial(token: str) -> str:
    return _skeleton(token)[:1].translate(_INITIAL_CLASS)


def _person_like(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and all(_WORD.fullmatch(w) and w[:1].isupper() for w in words)


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 for c in name if c.isalpha())


def _preference(name: str) -> tuple:
    return (not _latin(name), -len(name.split()), -len(name), name)


def root(parent: dict, n):
    """The representative of n's group in a union-find `parent` map (halving the path on the way)."""
    while parent[n] != n:
        parent[n] = parent[parent[n]]
        n = parent[n]
    return n


def canonical_names(names) -> dict[str, str]:
    """Map each person-like spelling in `names` to the one spelling kept for its person (only those that change)."""
    folded: dict[str, tuple[str, str]] = {}
    for name in dict.fromkeys(n for n in names if isinstance(n, str) and _person_like(n)):
        tokens = _tokens(name)
        if len(tokens) >= 2:
            folded[name] = (tokens[0], tokens[-1])
    # full given names first; a name given only by an initial (A. Overchuk) then joins the one person it fits,
    # and never links two people (Alexei and Alexander Overchuk)
    initials = [n for n, (given, _) in folded.items() if len(given) == 1]
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, (given, surname) in folded.items():
        if len(given) > 1:
            groups[(_initial(given), _initial(surname))].append(name)
    parent = {n: n for n in folded}
    find = partial(root, parent)

    for members in groups.values():
        members.sort(key=_preference)
        surnames = [folded[m][1] for m in members]
        for i, a in enumerate(members):
            ga, sa = folded[a]
            # candidates in C: surnames alike by Jaro-Winkler (the first test of surnames_match), then the full tests
            for _, _, j in process.extract(sa, surnames, scorer=JaroWinkler.similarity, limit=None,
                                           score_cutoff=SURNAME_SIMILARITY):
                b = members[j]
                if j <= i or not (_given_match(ga, folded[b][0]) and surnames_match(sa, folded[b][1])):
                    continue
                ra, rb = find(a), find(b)
                if ra != rb:
                    keep, drop = sorted((ra, rb), key=_preference)
                    parent[drop] = keep
    for name in initials:
        initial, surname = folded[name]
        fits = {find(b) for (g, _), members in groups.items() if g == _initial(initial)
                for b in members if folded[b][0].startswith(initial) and surnames_match(surname, folded[b][1])}
        if len(fits) == 1:
            parent[name] = fits.pop()
    return {n: find(n) for n in folded if find(n) != n}


def unify_speakers(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """`frames` with every spelling of one person outside the roster under one `speaker` name.

    Spellings come from the quotes' person speakers (`confidence` name,
    coreference, header or nearest, not in the roster); the same names are
    replaced in the `speaker` column of figures, quantities and theme mentions.
    """
    quotes = frames.get("quotes")
    if quotes is None or quotes.empty:
        return frames
    person = quotes["confidence"].isin(_PERSON_CONFIDENCE) & ~quotes["speaker_in_roster"].fillna(False).astype(bool)
    mapping = canonical_names(quotes.loc[person, "speaker"].dropna().unique().tolist())
    if not mapping:
        return frames
    out = dict(frames)
    for table in SPEAKER_TABLES:
        df = out.get(table)
        if df is None or df.empty or "speaker" not in df:
            continue
        hit = df["speaker"].isin(list(mapping))
        if hit.any():
            df = df.copy()
            df.loc[hit, "speaker"] = df.loc[hit, "speaker"].map(mapping).astype(df["speaker"].dtype)
            out[table] = df
    return out
