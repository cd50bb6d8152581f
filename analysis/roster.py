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

from rapidfuzz.distance import JaroWinkler, Levenshtein

from .config import DATA, Checker, ConfigError, load_yaml
from .text import fold

SURNAME_SIMILARITY = 0.9
GIVEN_SIMILARITY = 0.8


SPELLING_CLOSENESS = 0.75
_MEMO_SIZE = 1 << 16     # bound of the per-phrase memos (cleared when full)


@lru_cache(maxsize=1)
def _spelling_variants() -> tuple[tuple[str, str], ...]:
    from .lang import packs_with
    pairs: list[tuple[str, str]] = []
    for p, path in packs_with("names"):
        check = Checker(path)
        data = check.mapping(p.section("names"), "", allowed={"spelling_variants"})
        for k, pair in enumerate(data.get("spelling_variants") or []):
            written = check.texts(pair, f"spelling_variants[{k}]")
            if len(written) != 2:
                check.fail(f"spelling_variants[{k}]", "expected a pair of spellings, such as [kh, h]")
            pairs.append((written[0].lower(), written[1].lower()))
    return tuple(pairs)


@lru_cache(maxsize=65536)
def _skeleton(token: str) -> str:
    for a, b in _spelling_variants():
        token = token.replace(a, b)
    return token


def surnames_match(a: str, b: str) -> bool:
    """Two folded surnames are spellings of one name: Jaro-Winkler >= 0.9, and close once the packs'
    transliteration variants are levelled (Koshanov = Koshonov, Khodjayev = Khodzhaev; Nazarov is not
    Nazarbaev, whose shared start fools Jaro-Winkler), with the same first sound (Saparov is not Japarov)."""
    if a == b:
        return True
    raw = JaroWinkler.similarity(a, b)
    if raw < SURNAME_SIMILARITY - 0.1:
        return False
    sa, sb = _skeleton(a), _skeleton(b)
    if raw < SURNAME_SIMILARITY and JaroWinkler.similarity(sa, sb) < SURNAME_SIMILARITY:
        return False      # (levelled first: Zhaparov and Japarov are one name)
    if sa[:1] != sb[:1] and sa[1:2] != sb[:1] and sb[1:2] != sa[:1]:
        return False       # spellings keep the first sound (Japarov is not Saparov), but for an opening Y (Yerlan)
    return Levenshtein.normalized_similarity(sa, sb) >= SPELLING_CLOSENESS


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
    role_forms: list[str]        # the role phrases as written, every form (for matching text)
    pronouns: dict[str, str]     # pronoun -> gender
    countries: dict[str, str]    # folded name or demonym -> country
    institutions: set[str] = field(default_factory=set)   # words that make a capitalised phrase a body, not a person
    cluster_threshold: float = 0.6   # similarity at which two quotes are the same statement
    not_names: set[str] = field(default_factory=set)      # capitalised words that are never part of a name
    object_markers: list[str] = field(default_factory=list)   # words before a person who is not the subject
    title_words: set[str] = field(default_factory=set)    # capitalised title words besides roles and countries
    speaker_after: list[str] = field(default_factory=list)    # cues followed by their speaker ("according to")
    dialogue_dash: bool = False   # a paragraph opened by a dash is direct speech; a dash sets off an attribution
    determiners: list[str] = field(default_factory=list)   # words before a role in running prose ("the")
    indefinites: set[str] = field(default_factory=set)     # words that bring in someone new ("a farmer", "an analyst")
    unnamed: set[str] = field(default_factory=set)         # nouns for a speaker left unnamed ("a senior official")
    # words after which a headline's speaker ends and its subject begins ("«…»: Токаев о переговорах", "“…”:
    # Mirziyoyev on talks")
    topic_words: set[str] = field(default_factory=set)
    # words of the first person (I, we, our; я, мы, наш): a paragraph with a cue and none of them tells of speech
    first_person: set[str] = field(default_factory=set)
    # phrases that keep a speaker anonymous ("familiar with the matter", "пожелавший остаться неизвестным"),
    # every form: whoever they describe is someone unnamed
    anonymity: tuple[str, ...] = ()
    documents: set[str] = field(default_factory=set)       # documents that "say" things (statement, declaration)
    joiners: list[str] = field(default_factory=list)       # lower-case words inside an organisation's name (of, the)
    complementizers: list[str] = field(default_factory=list)   # "said that “…”": words between a cue and its quote
    document_pronouns: set[str] = field(default_factory=set)   # "…,” it reads: a document named just before
    person_nouns: set[str] = field(default_factory=set)   # nouns for people that are no office (member, farmer)
    # a generic word for a body named before ("в ведомстве", "the company") -> the head words that body's name
    # may be built on (министерство, МИД; company, JSC), every form
    referring_bodies: dict[str, set[str]] = field(default_factory=dict)
    # words that open a sentence before a body that speaks with no person named ("В Минфине сообщили")
    body_prepositions: set[str] = field(default_factory=set)
    # verbs whose subject only passes someone's words on: the speaker is their object ("Interfax quoted X as
    # saying", "приводит пресс-служба слова X", "цитирует министра ТАСС"), every form
    relays: list[str] = field(default_factory=list)
    # endings of family names (-ов, -ева, -енко): a capitalised word the dictionary does not know, right by a
    # cue ("— сказал Такиев"), is a surname when it ends so
    surname_endings: tuple[str, ...] = ()
    # words before a surname that make it a person's (Mr, г-н) -> the person's gender (m, f or none)
    honorifics: dict[str, str | None] = field(default_factory=dict)
    lang: str = "en"

    def role_of(self, phrase: str) -> tuple[str | None, set[str]]:
        """Role group of a title phrase and its other content words."""
        memo = self.__dict__.setdefault("_role_memo", {})
        known = memo.get(phrase)
        if known is None:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            role, rest = self._role_of(phrase)
            known = memo[phrase] = (role, frozenset(rest))
        return known[0], set(known[1])

    def _role_of(self, phrase: str) -> tuple[str | None, set[str]]:
        words = name_tokens(phrase)
        if len(words) > 2:
            words = [w for w in words if w not in self.countries] or words
        best, best_len, at = None, 0, -1
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                cand = " ".join(words[i:j])
                if cand in self.roles and j - i > best_len:
                    best, best_len, at = self.roles[cand], j - i, i
                # one word inside a role phrase ("председатель гродненского облисполкома", "head of the state")
                if j - i >= 3 and j - i - 1 > best_len:
                    cand = " ".join([words[i], *words[i + 2:j]])
                    if cand in self.roles:
                        best, best_len, at = self.roles[cand], j - i - 1, i
        if best is None:
            return None, set()
        rest = set(words[:at] + words[at + best_len:]) - _FILLER
        rest -= {w for w in rest if w in self.countries}
        return best, rest

    def country_of(self, phrase: str) -> str | None:
        memo = self.__dict__.setdefault("_country_memo", {})
        if phrase in memo:
            return memo[phrase]
        if not hasattr(self, "_country_re"):
            alt = "|".join(re.escape(k) for k in sorted(self.countries, key=len, reverse=True))
            self._country_re = re.compile(rf"\b(?:{alt})\b")
        m = self._country_re.search(" ".join(name_tokens(phrase)))
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[phrase] = found = self.countries[m.group()] if m else None
        return found


_FILLER = {"the", "of", "a", "an", "s", "and", "republic", "parliament", "s"}


@dataclass
class Roster:
    people: list[Person]
    vocab: Vocabulary
    source: Path | None = None
    description: str = ""          # which roster files were used, for the briefing's methodology

    def match_name(self, name: str) -> Person | None:
        cache = self.__dict__.get("_match_cache")
        if cache is None:
            cache = self.__dict__["_match_cache"] = {}
        try:
            return cache[name]
        except KeyError:
            if len(cache) >= _MEMO_SIZE:
                cache.clear()
            found = cache[name] = self._match_name(name)
            return found

    def _match_name(self, name: str) -> Person | None:
        """The roster person a written name refers to, or None.

        The surname (last token) must match (`surnames_match`); given
        names, when written, must agree (>= 0.8 or the same initial).
        A lone surname must point to one person only.
        """
        toks = name_tokens(name)
        if not toks:
            return None
        best, best_score, hits = None, 0.0, set()
        for person in self.people:
            for spelling in person.spellings:
                if not surnames_match(toks[-1], spelling[-1]):
                    continue
                score = JaroWinkler.similarity(toks[-1], spelling[-1])
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
        memo = self.__dict__.get("_title_memo")
        if memo is None or memo[0] is not self.people or memo[1] != len(self.people) or len(memo[2]) >= _MEMO_SIZE:
            memo = self.__dict__["_title_memo"] = (self.people, len(self.people), {})
        key = (role, country, frozenset(qualifiers), year)
        found = memo[2].get(key)
        if found is None:
            found = memo[2][key] = tuple(self._by_title(role, country, qualifiers, year))
        return list(found)

    def _by_title(self, role: str, country: str | None, qualifiers: set[str], year: int | None) -> list[Person]:
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
        index = self.__dict__.get("_by_name")
        if index is None or index[0] is not self.people or index[1] != len(self.people):
            by_name: dict[str, Person] = {}
            for p in self.people:
                by_name.setdefault(p.name, p)
            index = self.__dict__["_by_name"] = (self.people, len(self.people), by_name)
        return index[2].get(name)


def _qualifiers_agree(a: set[str], b: frozenset) -> bool:
    for x in a:
        for y in b:
            if JaroWinkler.similarity(x, y) >= 0.85:
                return True
    return False


_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_CUE_POS = frozenset({"VERB", "INFN", "GRND", "ADJS", "PRTS", "NOUN", "PREP", "CONJ", "ADVB", "PRCL"})


class Morphology:
    """Inflection for a pack whose normaliser is a morphological dictionary (pymorphy3).

    Engines use it for two things: every form of a cue, role or country word
    (so the data files list dictionary forms only), and people's names in the
    nominative (Бахыта Султанова -> Бахыт Султанов), with their gender.
    """

    def __init__(self):
        import pymorphy3
        self.morph = pymorphy3.MorphAnalyzer()
        self.parse = lru_cache(maxsize=1 << 16)(self.morph.parse)
        self._name_parses = lru_cache(maxsize=1 << 16)(self._name_parses_uncached)
        self._person_noun_parses = lru_cache(maxsize=1 << 16)(self._person_noun_parses_uncached)
        self.nominative = lru_cache(maxsize=1 << 16)(self.nominative)
        self.is_name = lru_cache(maxsize=1 << 16)(self.is_name)

    def forms(self, phrase: str, verb: bool = False) -> list[str]:
        """The phrase as written and with its head inflected (first word, or adjective + noun)."""
        words = phrase.split()
        out = {phrase}
        if not words:
            return []
        first = self.morph.parse(words[0])
        head = next((q for q in first if {"ADJF", "NOUN"} & q.tag.grammemes), first[0]) if not verb else first[0]
        if verb:
            for q in first[:2]:
                for f in q.lexeme:
                    if f.tag.POS in _CUE_POS:
                        out.add(" ".join([f.word, *words[1:]]))
            return sorted(out)
        second = self.morph.parse(words[1])[0] if len(words) > 1 else None
        agree = head.tag.POS == "ADJF" and second is not None and second.tag.POS == "NOUN"
        # an adjective alone (казахстанский) agrees with any noun: every gender and the plural
        kinds = [{"sing", g} for g in ("masc", "femn", "neut")] + [{"plur"}] \
            if head.tag.POS == "ADJF" and len(words) == 1 else [{"sing"}]
        for case in _CASES:
            for kind in kinds:
                h = head.inflect({case} | kind | ({second.tag.gender} if agree and second.tag.gender else set()))
                if h is None:
                    continue
                rest = words[1:]
                if agree:
                    n = second.inflect({case, "sing"})
                    if n is None:
                        continue
                    rest = [n.word, *words[2:]]
                out.add(" ".join([_like(words[0], h.word), *rest]))
        return sorted(out)

    def _name_parses_uncached(self, token: str):
        # a person is one: a plural reading of a name (Сауранбаев as "of the Сауранбаи") is never meant
        return tuple(q for q in self.parse(token) if _NAME_TAGS & q.tag.grammemes and "plur" not in q.tag.grammemes)

    def _person_noun_parses_uncached(self, token: str):
        """Singular animate-noun readings of a capitalised word with no name reading (a foreign surname)."""
        return tuple(q for q in self.parse(token) if q.tag.POS == "NOUN" and "anim" in q.tag.grammemes
                     and "plur" not in q.tag.grammemes and not ({"Geox", "Orgn", "Abbr"} & q.tag.grammemes))

    def is_name(self, token: str) -> bool:
        """True when the dictionary knows the word as a given name, surname or patronymic."""
        return all(self._name_parses(part) and not ({"Geox", "Orgn", "Abbr"} & self.parse(part)[0].tag.grammemes)
                   for part in token.split("-") if part)

    def first_case(self, token: str) -> str | None:
        """The case of the dictionary's first singular reading of the word (None for a word with no case): a
        person is one, so "of the Исмаилы" is never meant."""
        q = next((q for q in self.parse(token) if "plur" not in q.tag.grammemes), None)
        return next((c for c in _CASES if c in q.tag.grammemes), None) if q is not None else None

    def first_reading_is_name(self, token: str) -> bool:
        """True when the dictionary's first reading of the word is a person's name of any kind (Шавката, not
        Росстата, which it reads as a name only far down)."""
        parses = self.parse(token)
        return bool(parses) and bool(_NAME_TAGS & parses[0].tag.grammemes)

    def is_given_name(self, token: str) -> bool:
        """True when the dictionary's first reading of the word is a given name (Виталий, Ержан)."""
        parses = self.parse(token)
        return bool(parses) and "Name" in parses[0].tag.grammemes

    def nominative(self, name: str, prefer: str | None = None) -> tuple[str, str | None]:
        """(the name in the nominative, 'm' / 'f' / None), reading all its words in one case and gender.

        Readings are ranked by the number of words they fit (a given name
        first, a surname last), then by the case `prefer`red by the context
        (the case of a role noun just before the name), then by dictionary
        frequency. In a hyphenated given name only the last
        part inflects (Касым-Жомарта -> Касым-Жомарт).
        """
        words = name.split()
        # a word the dictionary does not know as a name (Йылдызом, Хаканом, Фиданом: foreign names) is read by
        # its readings as an animate noun, which decline the same way
        lasts = [self._name_parses(w.split("-")[-1]) or self._person_noun_parses(w.split("-")[-1]) for w in words]
        if len(words) > 1:
            # a given name first, a surname last, a patronymic between, where the dictionary allows it
            want = ["Name"] + ["Patr"] * (len(words) - 2) + ["Surn"]
            lasts = [tuple(q for q in parses if tag in q.tag.grammemes) or parses for parses, tag in zip(lasts, want)]
            # a surname the dictionary reads only as another case of some other name, though the dictionary also
            # has the word as written in the nominative (Саидзода, read as the genitive of "Саидзод"): it may
            # stand as written, in either gender
            last = words[-1].split("-")[-1]
            if lasts[-1] and not any("nomn" in q.tag.grammemes for q in lasts[-1]) \
                    and any("nomn" in q.tag.grammemes for q in self.parse(last)):
                lasts[-1] = (*lasts[-1], _AS_WRITTEN)
        if len(words) > 1 and not all(lasts):
            # a word with no reading as a person (Рошка, Тэнасе: foreign names that do not decline) leaves the
            # case unknown: changing the other words alone would give a name no one has (Василе -> Васила)
            return name, None
        best, best_key = None, None
        for case in _CASES:
            for gender in ("masc", "femn"):
                fit = [max((q.score for q in parses if case in q.tag.grammemes and (
                    gender in q.tag.grammemes or "ms-f" in q.tag.grammemes)), default=-1.0) for parses in lasts]
                key = (sum(f >= 0 for f in fit), case == prefer, sum(max(f, 0) for f in fit), case == "nomn")
                if key[0] and (best_key is None or key > best_key):
                    best, best_key = (case, gender), key
        if best is None:
            return name, None
        case, gender = best
        out = []
        for w, parses in zip(words, lasts):
            q = next((q for q in parses if case in q.tag.grammemes and (
                gender in q.tag.grammemes or "ms-f" in q.tag.grammemes)), None)
            form = q.inflect({"nomn", "sing"}) if q is not None and case != "nomn" else None
            if form is not None:
                head, _, last = w.rpartition("-")
                w = (head + "-" if head else "") + _like(last, form.word)
            out.append(w)
        return " ".join(out), "m" if gender == "masc" else "f"

    def nominative_phrase(self, phrase: str) -> str:
        """A noun phrase with its first noun in the nominative (в пресс-службе министерства -> пресс-служба министерства)."""
        words = phrase.split()
        for i, w in enumerate(words):
            q = self.parse(w)[0]
            if q.tag.POS == "NOUN":
                form = q.inflect({"nomn"}) if "nomn" not in q.tag.grammemes else None
                if form is not None:
                    words[i] = _like(w, form.word)
                # the adjectives right before it agree with it (Евразийской экономической комиссии ->
                # Евразийская экономическая комиссия); words before them (в, по) are not part of the name
                noun = form or q
                agree = {"nomn", noun.tag.number} | ({noun.tag.gender} if noun.tag.number == "sing" and noun.tag.gender
                                                     else set())
                first = i
                while first > 0:
                    a = next((r for r in self.parse(words[first - 1]) if r.tag.POS in ("ADJF", "PRTF")), None)
                    made = a.inflect(agree) if a is not None and None not in agree else None
                    if made is None:
                        break
                    words[first - 1] = _like(words[first - 1], made.word)
                    first -= 1
                return " ".join(words[first:])
        return phrase

    def lemma(self, word: str) -> str:
        """The word's dictionary form as most often read (источника -> источник)."""
        return self.parse(word)[0].normal_form

    def is_verb(self, word: str) -> bool:
        """True when the word reads first as a verb or adverb (a sentence's first word before a name:
        «Выступает Никол Пашинян»)."""
        return self.parse(word)[0].tag.POS in ("VERB", "INFN", "GRND", "ADVB")

    def genitive(self, word: str) -> bool:
        """True when the word reads first as a noun or adjective in the genitive (a complement: министерства торговли)."""
        q = self.parse(word)[0]
        return q.tag.POS in ("NOUN", "ADJF") and "gent" in q.tag.grammemes

    def case_of(self, word: str) -> str | None:
        """The case of a noun as most often read (for the case a name after it takes)."""
        q = self.parse(word)[0]
        return next((c for c in _CASES if c in q.tag.grammemes), None) if q.tag.POS == "NOUN" else None


class _AsWritten:
    """A reading of a word as it is written, in the nominative, of either gender (see `Morphology.nominative`)."""
    class tag:                                   # noqa: N801 (shaped like a pymorphy3 reading)
        grammemes = frozenset({"nomn", "ms-f"})
    score = 0.0

    @staticmethod
    def inflect(_grammemes):
        return None


_AS_WRITTEN = _AsWritten()


def _like(model: str, word: str) -> str:
    """`word` with the capitalisation of `model`."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


@lru_cache(maxsize=None)
def morphology(lang: str | None) -> Morphology | None:
    """The morphology of a language pack, or None when its words do not inflect in the data's sense."""
    from .lang import pack
    return Morphology() if pack(lang).normaliser == "pymorphy3" else None


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
                                     "title_words", "speaker_after", "dialogue_dash", "determiners", "documents",
                                     "joiners", "complementizers", "document_pronouns", "person_nouns",
                                     "body_prepositions", "indefinites", "unnamed", "regions", "topic_words", "first_person", "anonymity",
                                     "referring_bodies", "relays", "surname_endings", "honorifics"},
                  required={"verbs", "roles"})
    morph = morphology(p.code)
    forms = morph.forms if morph else (lambda phrase, verb=False: [phrase])
    cues = sorted({f for c in check.texts(data["verbs"], "verbs", optional=False) for f in forms(c, verb=True)})
    roles: dict[str, str] = {}
    role_forms: set[str] = set()
    for group, phrases in check.mapping(data["roles"], "roles").items():
        for phrase in check.texts(phrases, f"roles.{group}", optional=False):
            for f in forms(phrase):
                roles.setdefault(" ".join(name_tokens(f)), group)
                role_forms.add(f.lower())
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
                for f in forms(w):
                    countries.setdefault(" ".join(name_tokens(f)), country)
    # regions read like countries in names and titles ("the Central Asian states" is no person), though
    # they are no party to a trade figure
    for region, words in check.mapping(data.get("regions") or {}, "regions").items():
        countries.setdefault(" ".join(name_tokens(region)), region)
        for w in check.texts(words, f"regions.{region}"):
            for f in forms(w):
                countries.setdefault(" ".join(name_tokens(f)), region)
    lower = lambda key: {w.lower() for w in check.texts(data.get(key), key)}  # noqa: E731
    honorifics = {str(k).lower().rstrip("."): v for k, v in check.mapping(data.get("honorifics") or {}, "honorifics").items()}
    for k, v in honorifics.items():
        if v not in ("m", "f", None):
            check.fail(f"honorifics.{k}", f"expected m, f or nothing, got {v!r}")
    institutions = {f.lower() for w in lower("institutions") for f in forms(w)}
    referring: dict[str, set[str]] = {}
    bodies = check.mapping(data.get("referring_bodies") or {}, "referring_bodies")
    for word, heads in bodies.items():
        if isinstance(heads, str) and " " not in heads.strip() and isinstance(bodies.get(heads.strip()), list):
            heads = bodies[heads.strip()]       # "firm: company": the same head words as that entry
        allowed = {f.lower() for h in check.texts(heads, f"referring_bodies.{word}", optional=False) for f in forms(h)}
        for f in forms(str(word)):
            referring.setdefault(f.lower(), set()).update(allowed)
    return Vocabulary(cues=cues, roles=roles, role_forms=sorted(role_forms), pronouns=pronouns, countries=countries,
                      institutions=institutions, cluster_threshold=_cluster_threshold(),
                      not_names=lower("not_names"), object_markers=check.texts(data.get("object_markers"), "object_markers"),
                      title_words={f for w in lower("title_words") for f in forms(w)},
                      speaker_after=sorted({f for w in check.texts(data.get("speaker_after"), "speaker_after")
                                            for f in forms(w, verb=True)}),
                      dialogue_dash=bool(data.get("dialogue_dash", False)),
                      determiners=check.texts(data.get("determiners"), "determiners"),
                      documents={f.lower() for w in lower("documents") for f in forms(w)},
                      joiners=[w.lower() for w in check.texts(data.get("joiners"), "joiners")],
                      complementizers=check.texts(data.get("complementizers"), "complementizers"),
                      document_pronouns=lower("document_pronouns"),
                      person_nouns={f.lower() for w in lower("person_nouns") for f in forms(w)},
                      body_prepositions=lower("body_prepositions"), indefinites=lower("indefinites"),
                      unnamed={f.lower() for w in lower("unnamed") for f in forms(w)},
                      topic_words=lower("topic_words"),
                      first_person=lower("first_person"),
                      anonymity=tuple(sorted({f.lower() for w in check.texts(data.get("anonymity"), "anonymity")
                                              for f in forms(w)}, key=len, reverse=True)),
                      referring_bodies=referring,
                      relays=sorted({f.lower() for w in check.texts(data.get("relays"), "relays") for f in forms(w, verb=True)}),
                      surname_endings=tuple(sorted(lower("surname_endings"), key=len, reverse=True)),
                      honorifics=honorifics,
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
