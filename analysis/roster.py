"""The speaker roster and the vocabulary of roles, countries and cue verbs.

`load_roster(path)` reads a YAML roster (see ``analysis/data/speakers.yml``),
validates it and returns a `Roster` that matches names across spellings and
transliterations (Yerlan/Erlan, Koshanov/Koshonov, Aleksandr/Alexander): names
are folded to ASCII, then compared with Jaro-Winkler similarity against the
roster only, never against a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import JaroWinkler

from .config import DATA, Checker, ConfigError, load_yaml
from .text import fold

SURNAME_SIMILARITY = 0.9
GIVEN_SIMILARITY = 0.8


def name_tokens(name: str) -> list[str]:
    """Folded tokens of a name: 'Kassym-Jomart Tokayev' -> ['kassym', 'jomart', 'tokayev']."""
    return list(_name_tokens(name))


@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"[^a-z0-9]+", fold(name)) if t)


@dataclass(frozen=True)
class Title:
    role: str                  # role group, e.g. "president", "chairman"
    qualifiers: frozenset      # other folded words of the title ("mazhilis")
    country: str | None
    start: int | None = None
    end: int | None = None

    def held_in(self, year: int | None) -> bool:
        if year is None:
            return True
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


@dataclass
class Person:
    name: str
    variants: list[str] = field(default_factory=list)
    gender: str | None = None
    country: str | None = None
    role: str = ""
    titles: list[Title] = field(default_factory=list)

    @property
    def spellings(self) -> list[tuple[str, ...]]:
        return [t for t in (_name_tokens(n) for n in [self.name, *self.variants]) if t]


@dataclass
class Vocabulary:
    """Cue verbs, role phrases and country words of one language (its pack's cues.yml and countries.yml)."""
    cues: list[str]
    roles: dict[str, str]        # folded phrase -> role group
    pronouns: dict[str, str]     # pronoun -> gender
    countries: dict[str, str]    # folded name or demonym -> country
    institutions: set[str] = field(default_factory=set)   # words that make a capitalised phrase a body, not a person
    cluster_threshold: float = 0.6   # similarity at which two quotes are the same statement
    not_names: set[str] = field(default_factory=set)      # capitalised words that are never part of a name
    object_markers: list[str] = field(default_factory=list)   # words before a person who is not the subject
    title_words: set[str] = field(default_factory=set)    # capitalised title words besides roles and countries
    speaker_after: list[str] = field(default_factory=list)    # cues followed by their speaker ("according to")
    lang: str = "en"

    def role_of(self, phrase: str) -> tuple[str | None, set[str]]:
        """Role group of a title phrase and its other content words."""
        words = name_tokens(phrase)
        best, best_len, at = None, 0, -1
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                cand = " ".join(words[i:j])
                if cand in self.roles and j - i > best_len:
                    best, best_len, at = self.roles[cand], j - i, i
        if best is None:
            return None, set()
        rest = set(words[:at] + words[at + best_len:]) - _FILLER
        rest -= {w for w in rest if w in self.countries}
        return best, rest

    def country_of(self, phrase: str) -> str | None:
        if not hasattr(self, "_country_re"):
            alt = "|".join(re.escape(k) for k in sorted(self.countries, key=len, reverse=True))
            self._country_re = re.compile(rf"\b(?:{alt})\b")
        m = self._country_re.search(" ".join(name_tokens(phrase)))
        return self.countries[m.group()] if m else None


_FILLER = {"the", "of", "a", "an", "s", "and", "republic", "parliament", "s"}


@dataclass
class Roster:
    people: list[Person]
    vocab: Vocabulary
    source: Path | None = None
    description: str = ""          # which roster files were used, for the briefing's methodology

    def match_name(self, name: str) -> Person | None:
        cache = self.__dict__.setdefault("_match_cache", {})
        if name not in cache:
            cache[name] = self._match_name(name)
        return cache[name]

    def _match_name(self, name: str) -> Person | None:
        """The roster person a written name refers to, or None.

        The surname (last token) must match with Jaro-Winkler >= 0.9; given
        names, when written, must agree (>= 0.8 or the same initial).
        A lone surname must point to one person only.
        """
        toks = name_tokens(name)
        if not toks:
            return None
        best, best_score, hits = None, 0.0, set()
        for person in self.people:
            for spelling in person.spellings:
                score = JaroWinkler.similarity(toks[-1], spelling[-1])
                if score < SURNAME_SIMILARITY:
                    continue
                if len(toks) > 1 and len(spelling) > 1:
                    given = max(JaroWinkler.similarity(toks[0], spelling[0]),
                                1.0 if toks[0][0] == spelling[0][0] and len(toks[0]) <= 2 else 0.0)
                    if given < GIVEN_SIMILARITY:
                        continue
                    score += given
                hits.add(person.name)
                if score > best_score:
                    best, best_score = person, score
        if len(toks) == 1 and len(hits) > 1:
            return None
        return best

    def by_title(self, role: str, country: str | None, qualifiers: set[str], year: int | None) -> list[Person]:
        """Roster people holding an office of this role (and country, if given) in `year`."""
        out = []
        for person in self.people:
            for title in person.titles:
                if title.role != role or not title.held_in(year):
                    continue
                if country and title.country and title.country != country:
                    continue
                if qualifiers and title.qualifiers and not _qualifiers_agree(qualifiers, title.qualifiers):
                    continue
                out.append(person)
                break
        return out

    def vocabulary(self, lang: str | None) -> Vocabulary:
        """The vocabulary of a language pack (the roster's own titles are read with `vocab`, English)."""
        return load_vocabulary(lang or "en")

    def get(self, name: str) -> Person | None:
        return next((p for p in self.people if p.name == name), None)


def _qualifiers_agree(a: set[str], b: frozenset) -> bool:
    for x in a:
        for y in b:
            if JaroWinkler.similarity(x, y) >= 0.85:
                return True
    return False


@lru_cache(maxsize=None)
def load_vocabulary(lang: str = "en") -> Vocabulary:
    """The quote vocabulary of a language pack (``cues.yml``, ``countries.yml``; see `analysis.lang`)."""
    from .lang import pack
    p = pack(lang)
    cues_path = p.file("cues")
    if cues_path is None:
        raise ConfigError(f"{p.path / 'cues.yml'}: the {p.name} language pack has no cue file")
    data = p.section("cues")
    check = Checker(cues_path)
    check.mapping(data, "", allowed={"verbs", "roles", "pronouns", "institutions", "not_names", "object_markers",
                                     "title_words", "speaker_after"}, required={"verbs", "roles"})
    cues = check.texts(data["verbs"], "verbs", optional=False)
    roles: dict[str, str] = {}
    for group, phrases in check.mapping(data["roles"], "roles").items():
        for phrase in check.texts(phrases, f"roles.{group}", optional=False):
            roles[" ".join(name_tokens(phrase))] = group
    pronouns = {str(k).lower(): v for k, v in check.mapping(data.get("pronouns") or {}, "pronouns").items()}
    for k, v in pronouns.items():
        if v not in ("m", "f", None):
            check.fail(f"pronouns.{k}", f"expected m or f, got {v!r}")
    countries: dict[str, str] = {}
    countries_path = p.file("countries")
    if countries_path is not None:
        cdata = p.section("countries")
        ccheck = Checker(countries_path)
        ccheck.mapping(cdata, "")
        for country, words in cdata.items():
            countries[" ".join(name_tokens(country))] = country
            for w in ccheck.texts(words, country):
                countries[" ".join(name_tokens(w))] = country
    lower = lambda key: {w.lower() for w in check.texts(data.get(key), key)}  # noqa: E731
    return Vocabulary(cues=cues, roles=roles, pronouns=pronouns, countries=countries,
                      institutions=lower("institutions"), cluster_threshold=_cluster_threshold(),
                      not_names=lower("not_names"), object_markers=check.texts(data.get("object_markers"), "object_markers"),
                      title_words=lower("title_words"), speaker_after=check.texts(data.get("speaker_after"), "speaker_after"),
                      lang=p.code)


@lru_cache(maxsize=1)
def _cluster_threshold() -> float:
    path = DATA / "quotes.yml"
    data = load_yaml(path) or {}
    check = Checker(path)
    check.mapping(data, "", allowed={"cluster_threshold"})
    threshold = check.number(data.get("cluster_threshold", 0.6), "cluster_threshold")
    if not 0 < threshold <= 1:
        check.fail("cluster_threshold", f"expected a number between 0 and 1, got {threshold}")
    return threshold


def load_roster(path: str | Path | None = None) -> Roster:
    """Read and validate a roster (default: the shipped analysis/data/speakers.yml).

    Another file extends the shipped roster: a person of the same name (any
    case) replaces the shipped entry, new people are added; ``replace: true``
    at the top of the file uses that file alone.
    """
    from .config import is_shipped, merge_entries

    path = Path(path) if path else DATA / "speakers.yml"
    own, replace = _read_roster(path)
    if is_shipped(path, "speakers.yml"):
        return Roster(people=own, vocab=load_vocabulary(), source=path,
                      description=f"shipped roster ({len(own)} people)")
    shipped = {} if replace else {p.name.casefold(): p for p in _read_roster(DATA / "speakers.yml")[0]}
    merged, account = merge_entries(shipped, {p.name.casefold(): p for p in own}, replace)
    how = "alone" if replace else "with the shipped roster"
    return Roster(people=list(merged.values()), vocab=load_vocabulary(), source=path,
                  description=f"{path.name} {how}: {account} people")


def _read_roster(path: Path) -> tuple[list[Person], bool]:
    """The people of one roster file and its `replace` flag."""
    vocab = load_vocabulary()
    data = load_yaml(path)
    check = Checker(path)
    if data is None:
        data = {"people": []}
    check.mapping(data, "", allowed={"people", "replace"})
    replace = check.flag(data.get("replace"), "replace")
    entries = data.get("people") or []
    if not isinstance(entries, list):
        check.fail("people", "expected a list of people")
    people = []
    for i, entry in enumerate(entries):
        key = f"people[{i}]"
        check.mapping(entry, key, allowed={"name", "variants", "aliases", "gender", "country", "role", "titles"},
                      required={"name"})
        gender = entry.get("gender")
        if gender is not None and gender not in ("m", "f"):
            check.fail(f"{key}.gender", f"expected m or f, got {gender!r}")
        titles = []
        raw_titles = entry.get("titles") or []
        if not isinstance(raw_titles, list):
            check.fail(f"{key}.titles", "expected a list")
        for j, t in enumerate(raw_titles):
            tkey = f"{key}.titles[{j}]"
            check.mapping(t, tkey, allowed={"title", "country", "from", "to"}, required={"title"})
            text = check.text(t["title"], f"{tkey}.title")
            role, quals = vocab.role_of(text)
            if role is None:
                check.fail(f"{tkey}.title", f"'{text}' names no known role (roles are listed in analysis/data/lang/en/cues.yml)")
            start, end = check.year(t.get("from"), f"{tkey}.from"), check.year(t.get("to"), f"{tkey}.to")
            if start and end and end < start:
                check.fail(f"{tkey}.to", f"ends ({end}) before it starts ({start})")
            country = check.text(t.get("country"), f"{tkey}.country", optional=True) or entry.get("country")
            titles.append(Title(role, frozenset(quals), country, start, end))
        people.append(Person(
            name=check.text(entry["name"], f"{key}.name"),
            variants=check.texts(entry.get("variants"), f"{key}.variants") + check.texts(entry.get("aliases"), f"{key}.aliases"),
            gender=gender,
            country=check.text(entry.get("country"), f"{key}.country", optional=True),
            role=check.text(entry.get("role"), f"{key}.role", optional=True) or "",
            titles=titles,
        ))
    seen: dict[str, int] = {}
    for i, person in enumerate(people):
        first = seen.setdefault(person.name.casefold(), i)
        if first != i:
            check.fail(f"people[{i}].name", f"'{person.name}' appears twice (also people[{first}])")
    return people, replace
