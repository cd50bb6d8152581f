"""Direct quotes and who said them.

`extract_quotes(articles, roster)` returns one row per quote span:

==================  ==========================================================
article_id          the article (path relative to the corpus folder)
quote_id            ``<article_id>#q<n>``
utterance_id        spans of one statement share it (“A,” she said. “B.”)
cluster_id          the same statement across articles (see `cluster_quotes`)
kind                direct | partial (a phrase inside narrative) | title
text                the quoted words: exactly ``article.text[start:end]``
speaker             canonical name (roster) or the fullest name the article
                    gives; the noun for an unnamed speaker; empty when unresolved
speaker_mention     the words that named the speaker (“the head of state”)
speaker_in_roster   True when the speaker is a roster person
confidence          roster | name | coreference | organization | header |
                    nearest | unnamed (`speaker` is the noun for someone the
                    article leaves unnamed: source, official, источник) | none
start, end          offsets of the quoted words (inside the marks)
paragraph           0-based index of the paragraph
==================  ==========================================================

The parser works paragraph by paragraph, so one stray quote mark costs at most
the quote it belongs to. Cue verbs, roles, pronouns and countries come from the
language pack of the article (``analysis/data/lang/<code>/cues.yml`` and
``countries.yml``, see `analysis.lang`), people from the roster.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from operator import attrgetter
from dataclasses import dataclass, field

import pandas as pd

from .roster import Roster, _name_tokens, load_roster, morphology, name_tokens, surnames_match
from .corpus import article_year
from .text import Span as TextSpan, abbreviations, paragraphs, sentences
from .transcripts import Turn, byline_paragraph, transcript_turns

QUOTE_COLUMNS = ["article_id", "quote_id", "utterance_id", "cluster_id", "kind", "text", "speaker",
                 "speaker_mention", "speaker_in_roster", "confidence", "start", "end", "paragraph"]

# opener -> closers it accepts
_PAIRS = {"“": "”“", "„": "“”", "«": "»", "‹": "›", "‘": "’", "‚": "‘’", '"': '"', "'": "'"}
_DOUBLE = set("“”„«»\"")
_SENT_END = re.compile(r"[.!?…]")


@dataclass
class Span:
    start: int                 # inner start (after the mark)
    end: int                   # inner end (before the mark)
    open_at: int
    close_at: int | None       # None: the quote runs on past the paragraph
    para: int
    continued: bool = False    # carries on a quote from the previous paragraph
    kind: str = "partial"
    utterance: int = -1
    pre: str = ""
    post: str = ""
    pre_start: int = 0
    end_para: int = -1         # paragraph where it closes (a quote broken by a hard line break closes later)
    dash: bool = False         # dialogue speech opened by a dash, or a part split off by a dash attribution
    # (start, end, open_at) -> (number of words, a name in marks): asked by the context and the kind of a span
    _facts: tuple = field(default=(), repr=False, compare=False)

    def __post_init__(self):
        if self.end_para < 0:
            self.end_para = self.para


# --------------------------------------------------------------------------- marks


def _is_word(c: str) -> bool:
    return c.isalnum()


def _opener_shape(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (not _is_word(before) and before not in ".,;!?") and not after.isspace()


def _closer_shape(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not _is_word(after)


_MARK = re.compile("[" + re.escape("".join(_PAIRS) + "”»›’") + "]")


def _spans_in_paragraph(text: str, p0: int, p1: int, para: int, carried: str | None) -> tuple[list[Span], str | None]:
    """Quote spans of one paragraph; returns them and the mark still open at its end."""
    spans: list[Span] = []
    open_mark: str | None = None
    open_at = start = -1
    depth = 0
    if carried:
        # A quote carried over from the previous paragraph: this paragraph opens with the same mark.
        lead = len(text[p0:p1]) - len(text[p0:p1].lstrip())
        if text[p0 + lead:p0 + lead + 1] == carried:
            open_mark, open_at, start = carried, p0 + lead, p0 + lead + 1
    i = p0 if open_mark is None else start
    find = _MARK.search
    while i < p1:
        m = find(text, i, p1)      # the next quote mark: nothing else matters to this scan
        if m is None:
            break
        i = m.start()
        c = text[i]
        if open_mark is None:
            if c in _PAIRS and c not in "’" and _opener_shape(text, i):
                if c in "'‘" and i > p0 and _is_word(text[i - 1]):
                    i += 1
                    continue
                open_mark, open_at, start = c, i, i + 1
            elif c == "”" and _opener_shape(text, i) and i + 1 < p1 and text[i + 1].isupper():
                open_mark, open_at, start = c, i, i + 1  # ”…” (Scandinavian / typo) style
        else:
            closers = _PAIRS.get(open_mark, "”")
            if open_mark in "'‘’" and c in _DOUBLE:
                i += 1
                continue  # a single-quoted span never holds double marks: ignore them
            if open_mark in _DOUBLE and c in "'‘’‚":
                i += 1
                continue  # nested single quotes
            if c in closers and _closer_shape(text, i):
                if open_mark in "'‘" and i + 1 < p1 and _is_word(text[i + 1]):
                    i += 1
                    continue  # an apostrophe (it’s), not a closing mark
                if depth:
                    depth -= 1
                    i += 1
                    continue
                spans.append(Span(start, i, open_at, i, para))
                open_mark = None
            elif c == open_mark and _opener_shape(text, i) and c not in "'‘":
                if c in "“«" and _closers_after(text, i, p1, closers) >= depth + 2:
                    depth += 1      # a quote or title in the same marks inside the statement
                else:
                    # A second opener while one is open: the first was stray; it costs only its own span.
                    open_at, start = i, i + 1
        i += 1
    if open_mark is not None:
        spans.append(Span(start, p1, open_at, None, para))
        return spans, open_mark
    return spans, None


def _closers_after(text: str, i: int, p1: int, closers: str) -> int:
    return sum(text.count(c, i + 1, p1) for c in set(closers) if c != text[i])


_GAP = r"(?:\s+[^\W\d_]+)?\s+"   # between the words of a cue phrase: maybe one more word
GENERIC_ROLE = "head"   # the role group that stands for any office held by a person named before
_DASH = "—–-"
# inside a statement: "A, — said he. — B" / "A, — said he." (the attribution set off by dashes; web text often
# has a hyphen between spaces for the dash)
# (a name in marks may stand in it: "— говорит гендиректор «КазАвтоПрома» Ерлан Сагинов. — …")
_DASH_ATTR = re.compile(r"([,.!?…])\s+[—–-]\s+((?:[^—–«»“”„\n]|«[^«»—\n]{1,60}»){1,160}?)"
                        r"(?:([.,:])\s+[—–-]\s+|[.!?…]?\s*$)")
_DASH_OPEN = re.compile(r"[—–]\s+|-\s+(?=\w)")


def _dash_attribution(text: str, at: int, end: int, cue_re) -> re.Match | None:
    """The first dash-set attribution clause in text[at:end] that holds a cue near its start."""
    for m in _DASH_ATTR.finditer(text, at, end):
        cue = cue_re.search(m.group(2)) if cue_re is not None else None
        if cue and _words(m.group(2)[:cue.start()]) <= 6:
            return m
    return None


def _dash_split(text: str, s: Span, cue_re) -> list[Span]:
    """«A, — подчеркнул он. — B»: one statement split by its attribution into two spans."""
    m = _dash_attribution(text, s.start, s.end, cue_re)
    if m is None or m.group(3) is None:
        return [s]
    cut = m.start(1) + (1 if m.group(1) in "!?…" else 0)
    first = Span(s.start, cut, s.open_at, m.start(1), s.para, s.continued)
    dash_at = m.end() - 1
    while dash_at > m.start(3) and text[dash_at] not in _DASH:
        dash_at -= 1
    second = Span(m.end(), s.end, dash_at, s.close_at, s.para, dash=True, end_para=s.end_para)
    return [first, *_dash_split(text, second, cue_re)]


def _dialogue_spans(text: str, p, n: int, cue_re, follows_dialogue: bool) -> list[Span]:
    """Spans of a paragraph opened by a dash (— Мы готовы…, — сказал он. — …)."""
    lead = _DASH_OPEN.match(text, p.start)
    if lead is None:
        return []
    start = lead.end()
    m = _dash_attribution(text, start, p.end, cue_re)
    if m is None:
        # no attribution: speech only inside a dialogue, and only if it reads like a sentence (a list item
        # after "В программе:" — "— выставка техники;" — does not)
        body = text[start:p.end].rstrip()
        if not follows_dialogue or not body[:1].isupper() or body[-1:] not in ".!?…»\"" or _words(body) < 5:
            return []
        return [Span(start, p.end, p.start, p.end, n, dash=True)]
    whole = Span(start, p.end, p.start, p.end, n, dash=True)
    parts = _dash_split(text, whole, cue_re)
    if len(parts) == 1:
        cut = m.start(1) + (1 if m.group(1) in "!?…" else 0)
        parts = [Span(start, cut, p.start, m.start(1), n, dash=True)]
    parts[0].dash = True
    return parts


_MID_DASH = re.compile(r"[.!?…]\s+([—–])\s+(?=[^\W\d_])")
_ANY_MARK = re.compile(r"[«»“”„\"]")


def _mid_paragraph_dialogue(text: str, p, n: int, cue_re) -> list[Span]:
    """Speech set off by a dash after the narrative of its own paragraph, with no quote marks in it ("Ким
    предупредил, что … . — Мы открыты для всех, — сказал он. — Кто даст лучшую цену…"): the spans from the
    dash on, as in a paragraph opened by one."""
    if cue_re is None or _MID_DASH.search(text, p.start, p.end) is None:
        return []
    if _ANY_MARK.search(text, p.start, p.end):
        # nothing in marks but names of a few words («Известий»)
        bare = _NAME_IN_MARKS.sub(lambda m: "" if _words(m.group()) <= 3 else m.group(), text[p.start:p.end])
        if _ANY_MARK.search(bare):
            return []
    for m in _MID_DASH.finditer(text, p.start, p.end):
        if not text[m.end()].isupper():
            continue
        attribution = _dash_attribution(text, m.end(), p.end, cue_re)
        if attribution is None or (attribution.group(3) is None and text[attribution.end():p.end].strip()):
            continue
        sub = TextSpan(m.start(1), p.end, text[m.start(1):p.end])
        return _dialogue_spans(text, sub, n, cue_re, False)
    return []


def find_spans(text: str, cue_re: re.Pattern | None = None, dash: bool = False, paras=None) -> list[Span]:
    """Every quoted span of the text, paragraph by paragraph, with continuations joined.

    With `dash` (languages that set speech off with dashes), a paragraph opened
    by a dash is direct speech, and a statement split by a dash attribution
    («A, — said he. — B») gives two spans; `cue_re` recognises the attribution.
    """
    paras = paragraphs(text) if paras is None else paras
    out: list[Span] = []
    carried: str | None = None
    resume: int | None = None       # a quote broken by a line break closed here, in this paragraph
    dialogue = False
    for n, p in enumerate(paras):
        if dash and carried is None and resume is None and _DASH_OPEN.match(text, p.start):
            spans = _dialogue_spans(text, p, n, cue_re, dialogue)
            if spans:
                dialogue = True
                out.extend(spans)
                continue
            if text[p.start:p.end].rstrip().endswith("?"):
                dialogue = True       # a question set off by a dash (no statement): the next dash line answers it
                continue
        if dash and carried is None and resume is None:
            mid = _mid_paragraph_dialogue(text, p, n, cue_re)
            if mid:
                out.extend(mid)
                dialogue = False
                continue
        dialogue = dash and text[p.start:p.end].rstrip().endswith(":")
        p0 = resume if resume is not None else p.start
        resume = None
        spans, still_open = _spans_in_paragraph(text, p0, p.end, n, carried)
        if carried and spans and spans[0].open_at == p.start + (len(text[p.start:p.end]) - len(text[p.start:p.end].lstrip())):
            spans[0].continued = True
        carried = None
        if still_open:
            last = spans[-1]
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            closer = _line_break_closer(text, p, nxt, still_open) if nxt is not None else None
            if nxt is not None and nxt.text.lstrip().startswith(still_open):
                carried = still_open
            elif closer is not None:
                resume = closer + 1
                if text[p.end - 1] in ".!?…:;" and not nxt.text[:1].islower():
                    # a quote running on over a paragraph break without a new opening mark: two spans, one statement
                    spans.append(Span(nxt.start, closer, nxt.start, closer, n + 1, continued=True))
                else:
                    # a hard line break in mid-sentence: one span that closes in the next line
                    last.end, last.close_at, last.end_para = closer, closer, n + 1
            else:
                # Never closed and not continued: keep it only if it reads like a quote start.
                before = text[p.start:last.open_at].rstrip()
                if not (before == "" or before.endswith((":", ","))) or len(text[last.start:last.end].split()) < 4:
                    spans.pop()
        out.extend(spans)
    if dash:
        out = [part for s in out for part in (_dash_split(text, s, cue_re) if s.close_at is not None and not s.dash else [s])]
    for s in out:
        if s.close_at is None:
            narrative = re.search(r"[.!?…]\s+(?=(?:He|She|They|It|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+"
                                  r"(?:also\s+)?(?:said|added|noted|stressed|told|explained|continued)\b)", text[s.start:s.end])
            if narrative:
                s.end = s.start + narrative.start() + 1
        while s.end > s.start and text[s.end - 1].isspace():
            s.end -= 1
        while s.start < s.end and text[s.start].isspace():
            s.start += 1
    return [s for s in out if s.end > s.start]


def _line_break_closer(text: str, p, nxt, mark: str) -> int | None:
    """Where a quote left open at the end of line `p` closes in the next line (before any new opening mark)."""
    closers = _PAIRS.get(mark, "”")
    for i in range(nxt.start, nxt.end):
        c = text[i]
        if c in closers and _closer_shape(text, i):
            return i
        if c == mark and _opener_shape(text, i):
            return None
    return None


# --------------------------------------------------------------------------- context


def _context(text: str, spans: list[Span], paras, institutions: set[str] = frozenset()) -> None:
    """Fill each span's `pre` (narrative before it in its sentence) and `post` (after it).

    Linear in the number of spans: the last close before a span and the next clause-ending span
    after it are kept per paragraph in one pass each way (a paragraph of thousands of quotes
    made this quadratic)."""
    # the nearest later span that ends a clause (not a name in marks), per paragraph: one backward pass
    next_open: list[int | None] = [None] * len(spans)
    first_after: dict[int, int] = {}
    a_name = [False] * len(spans)       # a name in marks («Известия», “MAZ”): part of the narrative around it
    for k in range(len(spans) - 1, -1, -1):
        o = spans[k]
        next_open[k] = first_after.get(o.end_para)
        n_words, named = _span_facts(text, o, institutions)
        a_name[k] = (n_words <= 3 and _looks_title(text[o.start:o.end])) or named
        if not a_name[k]:
            first_after[o.para] = min(o.open_at, first_after.get(o.para, o.open_at))
    last_close: dict[int, int] = {}
    for k, s in enumerate(spans):
        p = paras[s.para]
        prev_close = last_close.get(s.para, p.start)
        # the narrative before a span runs back over names in marks ("В докладе ЕЭК, с которым ознакомились
        # «Известия», говорится: «…»"), as the narrative after it does
        if s.close_at is not None and not a_name[k]:
            last_close[s.end_para] = max(s.close_at + 1, last_close.get(s.end_para, s.close_at + 1))
        seg = text[prev_close:s.open_at]
        cut = 0
        for m in _SENT_END.finditer(seg):
            if m.end() < len(seg) and (seg[m.end():].strip() == "" or seg[m.end()].isspace()):
                cut = m.end()
        s.pre_start = prev_close + cut
        s.pre = text[s.pre_start:s.open_at]
        if s.close_at is None:
            s.post = ""
            continue
        # the next quote ends the clause, unless it is a name in marks (агентству «Казинформ» директор …)
        nxt_open = next_open[k] if next_open[k] is not None else paras[s.end_para].end
        tail = text[s.close_at + 1:nxt_open]
        lead = len(tail) - len(tail.lstrip(" ,.!?…"))
        stop = next((e for e in _CLAUSE_STOP.finditer(tail, lead) if not _abbreviation_stop(tail, e)), None)
        s.post = tail[:stop.start()] if stop else tail


_NAME_IN_MARKS = re.compile(r"[«“\"][^«»“”\"\n.!?]{1,60}[»”\"]")


def _unquoted(gap: str) -> str:
    """Words between a title and a name with any name in marks kept as a plain word
    ("генеральный директор «КазАвтоПрома» Ерлан Сагинов", "председатель правления АО «KTZ» X")."""
    return _NAME_IN_MARKS.sub("name", gap) if len(gap) < 200 else gap


def _span_facts(text: str, s: Span, institutions: set[str]) -> tuple:
    """(words in the span, `_named_thing`), kept on the span while its bounds stay the same."""
    key = (s.start, s.end, s.open_at)
    if not s._facts or s._facts[0] != key:
        n = _words(text[s.start:s.end])
        s._facts = (key, n, _named_thing(text, s, institutions, n))
    return s._facts[1:]


def _named_thing(text: str, s: Span, institutions: set[str], n_words: int | None = None) -> bool:
    """A short quoted name right after an organisation word or a legal form (ТОО «КазАвтоПром», the company
    “MAZ”, АО «Қазақстан темір жолы»): the name of a body, never a statement."""
    inner = text[s.start:s.end]
    if (_words(inner) if n_words is None else n_words) > 5 or _CLAUSE_END.search(inner):
        return False
    before = _WORD_BEFORE.search(text[max(0, s.open_at - 40):s.open_at])
    if before is None:
        return False
    word = before.group(1)
    return word.lower() in institutions or (word.isupper() and 2 <= len(word) <= 4)


_CLAUSE_STOP = re.compile(r"[.!?…](?=\s|$)")


def _abbreviation_stop(text: str, stop: re.Match) -> bool:
    """True when the full stop closes an abbreviation (Mr., Dr., Gen.) or an initial, not the sentence."""
    if stop.group() != ".":
        return False
    word = _ABBREVIATION_WORD.search(text[max(0, stop.start() - 12):stop.start()])
    if word is None:
        return False
    token = word.group(1).lower()
    return token in abbreviations() or (len(token) == 1 and token.isalpha() and token.upper() == word.group(1))


def _words(s: str) -> int:
    return len(_WORD_RUN.findall(s))


def _looks_title(inner: str) -> bool:
    toks = _NAME_TOKEN.findall(inner)
    if not toks or len(toks) > 8 or _FINAL_STOP.search(inner.strip()):
        return False
    caps = sum(1 for t in toks if t[0].isupper())
    return caps >= max(1, len(toks) * 0.6)


def _classify(text: str, s: Span, cue_re: re.Pattern, intro_re: re.Pattern | None = None,
              institutions: set[str] = frozenset(), complementizer_re: re.Pattern | None = None) -> str:
    inner = text[s.start:s.end]
    if s.continued or s.dash:
        return "direct"
    n, named = _span_facts(text, s, institutions)
    if named:
        return "title"
    pre = s.pre.strip()
    if complementizer_re is not None and complementizer_re.search(pre):
        return "partial"     # "подчеркнул, что «…»", "said that “…”": the words are the reporter's sentence's
    intro_re = intro_re or re.compile(r"(?:" + cue_re.pattern + r")\s*$", re.I)
    intro = pre == "" or pre.endswith((":", ",", "—", "–")) or bool(intro_re.search(pre))
    if pre == "" and n <= 5 and (_looks_title(inner) or (inner[:1].isupper() and not _CLAUSE_END.search(inner))) \
            and re.match(r" +[^\W\d_A-ZА-ЯЁ]", s.post) and not cue_re.match(s.post.strip()):
        # a name in marks that opens a sentence going on after it («Согд Агро Экспорт» и …, «Грузинская железная
        # дорога» построит …), not a statement its cue follows («Мы готовы» заявил он)
        return "title"
    if intro and n >= 2 and not (n <= 5 and _looks_title(inner) and pre != "" and not pre.endswith(":")):
        # a short lower-case phrase is a fragment, unless an attribution clause ends with a comma before it
        # (По словам министра, «…» / Как отметил Х, «…»)
        if inner[:1].islower() and pre and not pre.endswith(":") and n < 6 and not (
                pre.endswith(",") and cue_re.search(pre)):
            return "partial"
        return "direct"
    post = s.post.lstrip(" ,—–")
    # a statement's end: a comma (or ! ?) at the close, before its attribution (…our choice,” Putin said)
    ends = inner.rstrip()[-1:] in ",!?" or s.post.lstrip()[:1] == ","
    cue = cue_re.search(post) if n >= 8 and post and ends else None
    if cue and _words(post[:cue.start()]) <= 5 and not re.search(r"[.!?;]", post[:cue.start()]):
        return "direct"      # a long quoted clause with its own attribution: Russia must “…,” Putin said.
    if _looks_title(inner) or n <= 2:
        return "title"       # names of things and scare quotes
    return "partial"


# --------------------------------------------------------------------------- people in the article


@dataclass
class Mention:
    start: int
    end: int
    surface: str
    key: str | None            # person key (roster name or fullest written name)
    kind: str                  # name | title | pronoun
    subject: bool = True       # not the object of a preposition
    in_roster: bool = False
    title_start: int | None = None   # where a title before a name starts ("President John Roe")


@dataclass
class ArticlePeople:
    """People met so far in one article: names, bound titles, genders."""
    roster: Roster
    year: int | None
    persons: dict[str, dict] = field(default_factory=dict)   # key -> {in_roster, gender, titles}
    mentions: list[Mention] = field(default_factory=list)
    text: str = ""             # the article
    sentence_starts: list[int] = field(default_factory=list)
    quoted: "_Intervals | None" = None   # the article's quoted stretches (speech, not narrative)
    # answers about a surname, each valid while the article's persons stay as many (they only grow)
    _owners: dict = field(default_factory=dict, repr=False, compare=False)

    def starts_sentence(self, at: int) -> bool:
        """True when a sentence of the article starts at `at` (abbreviations and initials do not end one)."""
        k = bisect.bisect_left(self.sentence_starts, at)
        return k < len(self.sentence_starts) and self.sentence_starts[k] == at

    def add_person(self, key: str, in_roster: bool, gender: str | None = None) -> None:
        self.persons.setdefault(key, {"in_roster": in_roster, "gender": gender, "titles": []})

    def name_tokens(self) -> list[tuple[str, list[str]]]:
        """(key, folded name tokens) of each person so far, in the order they were met."""
        cached = self.__dict__.get("_tokens")
        if cached is None or len(cached) != len(self.persons):
            cached = self.__dict__["_tokens"] = [(k, name_tokens(k)) for k in self.persons]
        return cached

    def bind(self, key: str, role: str | None, country: str | None, words: set[str] = frozenset()) -> None:
        """Tie a role to a person; `words` are the title's own words as the article wrote them (normalised)."""
        if role:
            self.persons[key]["titles"].append((role, country))
            self.persons[key].setdefault("role_words", set()).update(words)

    def surname_owner(self, token: str) -> str | None:
        tok = _name_tokens(token)
        if not tok:
            return None
        memo_key = ("owner", tok[-1], len(self.persons))
        if memo_key in self._owners:
            return self._owners[memo_key]
        # the family name is usually last (Serik Akhmetov) but first in some names (Xi Jinping)
        known = self.name_tokens()
        hits = [k for k, toks in known if toks and surnames_match(toks[-1], tok[-1])]
        if not hits:
            hits = [k for k, toks in known if len(toks) > 1 and toks[0] == tok[-1]]
        found = self._owners[memo_key] = hits[-1] if len(set(hits)) == 1 else None
        return found

    def full_name_with_surname(self, surname: str) -> str | None:
        """The one person of the article whose last name is exactly this folded word, if only one."""
        memo_key = ("surname", surname, len(self.persons))
        if memo_key not in self._owners:
            hits = {k for k, toks in self.name_tokens() if len(toks) > 1 and toks[-1] == surname}
            self._owners[memo_key] = hits.pop() if len(hits) == 1 else None
        return self._owners[memo_key]


_MEMO_SIZE = 1 << 16
_START = attrgetter("start")
_NOT_WORDY = re.compile(r"[^\w\s’'-]")
_INITIALS = re.compile(r"(?:[^\W\d_]\.\s?){1,2}[^\W\d_]\.?")   # "D.K.", "Т. К": a transcript label of initials
_COLON_QUOTE = re.compile(r"[ \t]*:[ \t]*[\"“«„‘'‹]")     # "Name: “…”": the name introduces the quote
_WORD_RUN = re.compile(r"\w+")
_CLAUSE_END = re.compile(r"[.!?,;:…]\s*$")
_FINAL_STOP = re.compile(r"[.!?]$")
_STOP_MARK = re.compile(r"[.!?]")
_ABBREVIATION_WORD = re.compile(r"([\w.]+)$")
_TITLE_LEAD = re.compile(r"(?:\b(?:the|The)\s+(?:[a-z][\w’'-]*\s+){0,2}?)?(?:([A-Z][\w’'-]+?)(?:’s|'s)?\s+)?$")
_THE = re.compile(r"(?:the|The)\s")
_WORD_BEFORE = re.compile(r"(?<![\w’'-])([^\W\d_][\w’'-]*)[ \t]+$")
_AGE = re.compile(r",\s*\d{1,3},")


def _past_age(after: str) -> str:
    """The words after a name, past an age in apposition ("Zhumangarin, 52, said")."""
    m = _AGE.match(after)
    return after[m.end():] if m else after


_TITLE_OF = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?(?:the\s+)?[A-Z][\w’'-]*)*")
_TWO_WORDS = re.compile(r"\s+([^\W\d_])[\w’'-]+\s+([^\W\d_])")
_APPOSITION_NOUN = re.compile(r",\s+((?:[^\W\d_][\w’'-]*\s+){0,3}[^\W\d_][\w’'-]*)")   # the first words after ", "
_APPOSITION = re.compile(r",\s+[^,.!?;:“”«»\"\n]{1,100},\s+")
# ", " + maybe a short lower-case word + k words, before a role: "Maria Lopez, CEO of …" / ", a deputy minister"
_APPOSITION_LEAD = {(lead, k): re.compile(r",\s+%s(?:[^\W\d_][\w’'-]*\s+){%d}" % (lead, k))
                    for lead in (r"", r"[^\W\d_A-ZА-ЯЁ][\w’'-]{0,3}\s+") for k in range(4)}
_POSSESSIVE = re.compile(r"[’']s$")
_NAME_TOKEN = re.compile(r"[^\W\d_][\w’'-]*")


def _case_unsafe_chars() -> str:
    """A character class of the letters whose lower case is not what ``re.I`` compares: more than one
    character (İ), a form that depends on the letters around it (Σ), or a letter ``re.I`` takes for
    another one (ſ for s, ı for i). A text without them lower-cases letter for letter as ``re.I`` reads it."""
    out = []
    for cp in range(0x20000):       # planes 0 and 1 hold every cased letter
        c = chr(cp)
        low, up = c.lower(), c.upper()
        if low == c and up == c:
            continue
        if len(low) != 1 or up.lower() != low or ("a" + c).lower()[1:] != low:
            out.append(re.escape(c))
    return "[" + "".join(out) + "]"


_CASE_UNSAFE = re.compile(_case_unsafe_chars())


def _lowered(text: str) -> str | None:
    """The text in lower case, letter for letter as ``re.I`` compares it; None when no such form exists."""
    return None if _CASE_UNSAFE.search(text) else text.lower()


class _PhraseFinder:
    """The matches of a case-insensitive regex over a whole text, tried only where one of its phrases
    can begin.

    `regex` matches one of `phrases` (written in lower case; a space inside a phrase may stand for a
    longer gap, so only the words up to the first space are looked for). An Aho-Corasick automaton
    finds those first words in the lower-cased text in one pass; the regex is tried at each place,
    in text order, exactly as ``regex.finditer`` would meet them, so the matches are the same. A text
    with a letter whose lower case ``re.I`` reads otherwise (`_CASE_UNSAFE`) is scanned with the
    regex alone.
    """

    def __init__(self, regex: re.Pattern, phrases):
        self.regex = regex
        heads = {p.lower().split(" ")[0] for p in phrases}
        self.automaton = None
        if heads and all(heads) and not any(_CASE_UNSAFE.search(h) for h in heads):
            import ahocorasick
            self.automaton = ahocorasick.Automaton()
            for h in heads:
                self.automaton.add_word(h, len(h))
            self.automaton.make_automaton()
        # every match opens with \b before a word character: a word character just before a place rules it out
        self.bounded = regex.pattern.startswith(r"\b") and all(h[0].isalnum() or h[0] == "_" for h in heads)

    def places(self, text: str, lowered: str | None = None) -> list[int] | None:
        """Sorted offsets where a phrase's first word stands (inside words too); None: no fast path for this text.

        `lowered` is `lowered(text)` when the caller has it already."""
        if self.automaton is None:
            return None
        if lowered is None:
            lowered = _lowered(text)
            if lowered is None:
                return None
        return sorted({end - n + 1 for end, n in self.automaton.iter(lowered)})

    def finditer(self, text: str, places: list[int] | None = None, lowered: str | None = None) -> list[re.Match]:
        """``regex.finditer(text)`` as a list; `places` as `places(text)` gave them, if known."""
        if places is None:
            places = self.places(text, lowered)
            if places is None:
                return list(self.regex.finditer(text))
        out: list[re.Match] = []
        last = 0
        match = self.regex.match
        bounded = self.bounded
        for s in places:
            if s < last:
                continue
            if bounded and s:
                c = text[s - 1]
                if c.isalnum() or c == "_":
                    continue
            m = match(text, s)
            if m is not None:
                out.append(m)
                last = m.end()
        return out


def _trie_pattern(phrases, gap: str) -> str:
    """One regular expression for many phrases, as a character trie (fast with thousands of inflected forms).

    Longer phrases are tried first; a space inside a phrase matches `gap`.
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def serialise(node: dict) -> str:
        alts = [(gap if ch == " " else re.escape(ch)) + serialise(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return serialise(trie) if trie else "(?!)"


class Annotator:
    """Finds person mentions (names, titles, pronouns) in one article and resolves them."""

    def __init__(self, roster: Roster, lang: str = "en"):
        self.roster = roster
        self.vocab = v = roster.vocabulary(lang)
        self.lang = v.lang
        self._others: dict[str, Annotator] = {self.lang: self}
        # a role phrase may have one word inside it ("главы белорусского государства", "head of the state")
        self.role_re = re.compile(r"\b" + _trie_pattern(v.role_forms, r"(?:[\s-]+[^\W\d_]+)?[\s-]+") + r"\b", re.I)
        # a phrase may hold one more word: "по его словам", "pointed it out"
        self.cue_re = re.compile(r"\b" + _trie_pattern(v.cues, _GAP) + r"\b", re.I)
        # a cue, maybe with its complementizer, right before a quote: said “…” / said that “…” / заявил, что «…»
        that = "|".join(map(re.escape, v.complementizers))
        # a cue, then its complementizer, right before a quote: the quote finishes the reporter's sentence
        self.complementizer_re = re.compile(r"(?:" + self.cue_re.pattern + rf")\s*,?\s+(?:{that})$", re.I) \
            if that else None
        self.intro_re = re.compile(r"(?:" + self.cue_re.pattern + r")" + (rf"(?:,?\s+(?:{that}))?" if that else "")
                                   + r"\s*$", re.I)
        self.pronoun_re = re.compile(r"\b(" + "|".join(map(re.escape, v.pronouns)) + r")\b", re.I)
        # a relaying verb; the words of the body that relays may stand inside a phrase ("приводит пресс-служба
        # министерства слова")
        self.relay_re = re.compile(r"\b" + _trie_pattern(v.relays, r"(?:\s+[^\W\d_][\w-]*){0,3}\s+") + r"\b",
                                   re.I) if v.relays else None
        self._roles = _PhraseFinder(self.role_re, v.role_forms)
        self._pronouns = _PhraseFinder(self.pronoun_re, v.pronouns)
        self._role_places: list[int] | None = None     # where a role can begin in the current article
        self.country_words = set(v.countries)
        self.not_names = v.not_names
        self.morph = morphology(self.lang)
        self.organisation_words = v.institutions | v.documents
        self.joiners = set(v.joiners)
        from .lang import pack
        self._normalise = pack(self.lang).normalise
        self.determiners = frozenset(d.lower() for d in v.determiners)
        dets = "|".join(map(re.escape, v.determiners))
        self.determiner_re = re.compile(rf"(?:{dets})\b", re.I) if dets else None
        self.title_words = v.title_words
        self._lower_words: set[str] | None = set()     # words the current article writes in lower case
        self._credits_of: str | None = None             # the article whose credit lines `_credits` holds
        self._credits: list[tuple[int, int]] = []
        self._lower_text = ""
        objects = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in v.object_markers), key=len, reverse=True))
        self.object_re = re.compile(rf"\b(?:{objects})\s+(?:the\s+)?$", re.I) if objects else None
        after = "|".join(sorted((re.escape(w).replace(r"\ ", _GAP) for w in v.speaker_after),
                                key=len, reverse=True))
        self.speaker_after_re = re.compile(rf"(?:{after})$", re.I) if after else None
        joiners = "|".join(map(re.escape, self.joiners))
        self.joiner_before_re = re.compile(r"\b(?:of|and|" + joiners + r")\s+$", re.I)
        # the list of a body's name between a role and a name: "министр инвестиций, промышленности и торговли"
        item = r"[^\W\d_][\w’'-]*(?: [^\W\d_][\w’'-]*)?"
        last = r"[^\W\d_][\w’'-]*(?: [^\W\d_][\w’'-]*){0,2}"     # "… и легкой промышленности Монголии"
        self.name_list_re = re.compile(rf"(?:{item}, )+{item} (?:and|{joiners}) {last}", re.I)
        self.cue_honorific_re = re.compile(r"(?:" + self.cue_re.pattern + r")[ \t]+(?:(?P<hon>[^\W\d_]{1,4})\.?[ \t]+)?$",
                                           re.I)    # on one line: "— пояснил он.\nАмурский блогер" is no "said Mr. X"
        # per-word answers, the same in every article (bounded: cleared when full)
        self._title_word_memo: dict[str, bool] = {}
        self._not_name_memo: dict[str, bool] = {}
        self._lone_memo: dict[str, bool] = {}      # a one-word run that cannot hold a name
        self._country_memo: dict[str, bool] = {}
        self._name_word_memo: dict[str, bool] = {}   # a capitalised word that may be part of a name

    def normalise(self, word: str) -> str:
        return self._normalise(word)

    def for_language(self, lang: str | None) -> "Annotator":
        """The annotator of another language pack, sharing this one's roster (built once)."""
        code = self.roster.vocabulary(lang).lang
        if code not in self._others:
            other = Annotator(self.roster, code)
            other._others = self._others
            self._others[code] = other
        return self._others[code]

    def speaker_follows(self, cue: str) -> bool:
        """True for cues whose speaker comes after them ("according to the minister")."""
        return bool(self.speaker_after_re and self.speaker_after_re.match(cue))

    # ---- names
    def _is_title_word(self, tok: str) -> bool:
        known = self._title_word_memo.get(tok)
        if known is None:
            if len(self._title_word_memo) >= _MEMO_SIZE:
                self._title_word_memo.clear()
            f = " ".join(name_tokens(_POSSESSIVE.sub("", tok)))
            known = self._title_word_memo[tok] = (f in self.vocab.roles or f in self.country_words
                                                   or f.rstrip("s") in self.country_words or f in self.title_words)
        return known

    def scan(self, text: str, year: int | None, quoted: list[tuple[int, int]]) -> ArticlePeople:
        """All person mentions outside quotes, in text order."""
        people = ArticlePeople(self.roster, year, text=text, sentence_starts=[sp.start for sp in sentences(text)])
        inside = people.quoted = _Intervals(quoted)
        lowered = _lowered(text)
        self._role_places = self._roles.places(text, lowered) if lowered is not None else None
        self._lower_words = None     # words the article writes in lower case: found when first needed
        self._lower_text = text
        mentions: list[Mention] = []
        credits = _Intervals(self._credit_lines(text))   # "Автор: …", "Фото: …", "By …": no one who speaks
        # capitalised runs (names, with titles before them)
        lone = self._lone_memo
        for run_start, run in _capitalised_runs(text):
            if credits.spans and credits.contains(run_start):
                continue
            if " " not in run and "\t" not in run:
                skip = lone.get(run)
                if skip is None:
                    if len(lone) >= _MEMO_SIZE:
                        lone.clear()
                    skip = lone[run] = self._not_name(run) or self._is_title_word(run)
                if skip:
                    continue     # one word that cannot be a name ("The", "Minister"): nothing to find
            if not inside.contains(run_start):
                self._names_in_run(text, run_start, run, people, mentions)
        named = _Intervals([(x.start, x.end) for x in mentions])   # names found so far, in text order
        for m in self._title_mentions(text):
            if not inside.contains(m.start) and not named.overlaps(m.start, m.end):
                mentions.append(m)
        for m in self._pronouns.finditer(text, lowered=lowered):
            if not inside.contains(m.start()):
                mentions.append(Mention(m.start(), m.end(), m.group(), None, "pronoun"))
        mentions.sort(key=lambda x: x.start)
        # a title that introduces the name after it ("Deputy head of the … Administration Olga Chupris") is
        # part of that name's mention, not a person of its own
        kept: list[Mention] = []
        for k, x in enumerate(mentions):
            # (over the titles between: "Полномочный представитель президента в … области Нурбек Абдыкеримов")
            nxt = next((y for y in mentions[k + 1:k + 4] if y.kind != "title"), None) if x.kind == "title" else None
            gap = text[x.end:nxt.start] if nxt is not None else ""
            if x.kind == "title" and nxt is not None and nxt.kind == "name" and gap.endswith(", ") \
                    and 2 <= gap.count(",") <= 3 and all(w[:1].isupper() or w.lower() in self.joiners
                                                          for w in _NAME_TOKEN.findall(gap)) \
                    and not _NOT_WORDY.search(gap.replace(",", "")):
                # the rest of a ministry's name, then the name in apposition ("Deputy Minister of Investment,
                # Industry and Trade, Jasur Kholmatov, noted")
                gap = gap.replace(",", " ")
            comma = gap.find(", ")
            if comma >= 0 and gap.count(",") == 1 and self.role_re.match(gap, comma + 2):
                # one title in apposition to the next ("The head of the Turkish delegation, Deputy Minister of
                # Trade Murat Köseoğlu"): the comma between them does not part them
                gap = gap[:comma] + " " + gap[comma + 1:]
            if nxt is not None and k + 1 < len(mentions) and nxt is not mentions[k + 1] and self.cue_re.search(gap):
                nxt = None       # over another title, but past a cue: "Президент заявил на встрече с губернатором X"
            if x.kind == "title" and nxt is not None and nxt.kind == "name" and nxt.start - x.end <= 90 \
                    and not _NOT_WORDY.search(_unquoted(_INITIAL_TAIL.sub(" ", gap))) \
                    and _words(gap) <= 8:
                if nxt.title_start is None or x.start < nxt.title_start:
                    nxt.title_start = x.start
                continue
            kept.append(x)
        mentions = kept
        sent_starts = people.sentence_starts
        first_in_sentence: set[int] = set()
        for x in mentions:
            # the subject of a sentence is its first person mention, unless a preposition governs it
            # ("Lukashenko thanked Tokayev. “…,” he said." -> Lukashenko)
            at = x.title_start if x.title_start is not None else x.start
            sentence = bisect.bisect_right(sent_starts, at)
            x.subject = sentence not in first_in_sentence and not (
                self.object_re and self.object_re.search(text[max(0, at - 25):at])
                and not (self.speaker_after_re and self.speaker_after_re.search(text[max(0, at - 30):at].rstrip())))
            if x.kind != "pronoun":
                first_in_sentence.add(sentence)
            if x.kind == "title":
                x.key, x.in_roster = self.resolve_title(x.surface, people, x.start, mentions, x.subject)
            if x.key and x.key not in people.persons:
                person = self.roster.get(x.key)
                people.add_person(x.key, person is not None, person.gender if person else None)
        people.mentions = mentions
        return people

    def _credit_lines(self, text: str) -> list[tuple[int, int]]:
        """Stretches of credit lines: a byline word of the pack (Автор, Фото, By …) at a line's start or after a
        separator, then a capitalised word that is no month or weekday, to the line's end. Kept for the article
        being read (the scan and the quote kinds both ask)."""
        if self._credits_of is text:
            return self._credits
        out = []
        byline = _credit_regex(self.lang)
        if byline is not None:
            for b in byline.finditer(text):
                at = b.start()
                if at and text[at - 1] != "\n" and text[at - 2:at] not in (". ", "| ", "· ", "• "):
                    continue          # at a line's start or after a separator only
                k = b.end()
                while k < len(text) and text[k] in " \t:—–-«“„\"":
                    k += 1
                nxt = _NAME_TOKEN.match(text, k)
                if nxt is None or not nxt.group()[:1].isupper() or nxt.group().lower() in self.not_names:
                    continue
                line_end = text.find("\n", b.start())
                out.append((b.start(), len(text) if line_end < 0 else line_end))
        self._credits_of, self._credits = text, out
        return out

    def lower_words(self) -> set[str]:
        """The words the current article writes in lower case."""
        if self._lower_words is None:
            self._lower_words = {t for t in set(_NAME_TOKEN.findall(self._lower_text)) if t[0].islower()}
        return self._lower_words

    def _names_in_run(self, text: str, at: int, run: str, people: ArticlePeople, out: list[Mention]) -> None:
        toks = [(at + t.start(), at + t.end(), t.group()) for t in _NAME_TOKEN.finditer(run)]
        # split the run at lower-case words ("of", "the") and title words
        i = 0
        title_at = seg_at = at     # where the title before a name starts; where the words after the last name start
        title_before: list[str] = []
        names = self._name_word_memo
        if len(names) >= _MEMO_SIZE:
            names.clear()
        honorific = None
        for _, _, tok in toks:
            if tok not in names:
                names[tok] = tok[0].isupper() and not self._not_name(tok) and not self._is_title_word(tok)
        while i < len(toks):
            s, e, tok = toks[i]
            if not names[tok]:
                if tok[0].isupper() and (self._is_title_word(tok) or (title_before and self._not_name(tok))):
                    if not title_before:
                        title_at = min(s, seg_at)
                    title_before.append(tok)
                elif tok.lower() not in ("of", "the") and tok.lower() not in self.joiners:
                    title_before = []
                    seg_at = toks[i + 1][0] if i + 1 < len(toks) else e
                # "Mr Zhumangarin": a person's name follows, maybe of the gender the honorific tells
                honorific = tok.lower() if tok.lower() in self.vocab.honorifics else None
                i += 1
                continue
            j = i
            while j < len(toks) and names[toks[j][2]] and j - i < 4 and (
                    j == i or (toks[j][2][0] < "\u0400") == (toks[j - 1][2][0] < "\u0400")):   # one script
                j += 1
            if j < len(toks) and names[toks[j][2]] and (toks[j][2][0] < "\u0400") != (toks[j - 1][2][0] < "\u0400") \
                    and text[toks[j - 1][1]:toks[j][0]] == " ":
                # a name keeps to one script: the words before it in another one qualify it ("Представитель
                # Shandong Heavy Machinery Ван Цзюнь", "аналитик Halyk Finance Кирилл Волков")
                if not title_before:
                    title_at = min(toks[i][0], seg_at)
                title_before.extend(t for _, _, t in toks[i:j])
                i = j
                continue
            if j < len(toks) and text[toks[j - 1][1]:toks[j][0]] == " " and self._is_title_word(toks[j][2]):
                k = j
                while k < len(toks) and toks[k][2][0].isupper() and self._is_title_word(toks[k][2]):
                    k += 1
                if k < len(toks) and toks[k][2][0].isupper() and not self._not_name(toks[k][2]):
                    # "Economic Development Minister Maxim Reshetnikov": capitalised words right before a title
                    # that introduces a name qualify the title; they are not a person
                    if not title_before:
                        title_at = min(toks[i][0], seg_at)
                    title_before.extend(t for _, _, t in toks[i:j])
                    i = j
                    continue
            if j - i >= 3 and self.joiner_before_re.search(text[max(0, toks[i][0] - 6):toks[i][0]]):
                # "Minister of Economy and Finance Jamshid Kuchkarov": the first word completes the title;
                # "Special Representative for Central Asia Terhi Hakala": all but the last two do
                while j - i >= 3:
                    title_before.append(toks[i][2])
                    i += 1
            if j < len(toks) and toks[j][2].lower() in self.vocab.institutions and text[toks[j - 1][1]:toks[j][0]] == " " \
                    and not (_outlet_at(text, toks[j][0]) and self._named_before(toks[j - 1][2], people)):
                # "Eurasian Development Bank": the name of an institution, part of any title around it (but a
                # person named before, then the outlet: "— цитирует Абдуллаеву ТАСС")
                if title_before:
                    title_before.extend(t for _, _, t in toks[i:j + 1])
                i = j + 1
                continue
            if self.morph is not None:
                # a verb that opens the sentence before a name ("Выступает Никол Пашинян")
                while j - i > 2 and self.morph.is_verb(toks[i][2]):
                    i += 1
                # the object of a preposition before a name ("водитель из Жаркента Даурен Исмаилов")
                if j - i > 2 and self.morph.first_case(toks[i][2]) != self.morph.first_case(toks[j - 1][2]):
                    prep = _WORD_BEFORE.search(text, max(0, toks[i][0] - 12), toks[i][0])
                    if prep is not None and prep.group(1)[:1].islower() and prep.group(1) in self.not_names:
                        i += 1
                # a place or body before a name the dictionary knows ("Алматы Ерболат Досаев")
                while j - i > 2 and not self.morph.is_name(toks[i][2]) and all(
                        self.morph.is_name(t) for _, _, t in toks[i + 1:j]):
                    title_before.append(toks[i][2])
                    i += 1
            if j - i == 2 and _outlet_word(toks[j - 1][2]):
                # a person the article named, then the outlet told ("сказала Сапарова Азаттыку", "said
                # Petrov Interfax"): the person alone
                owner = people.surname_owner(toks[i][2])
                told = _name_tokens(toks[j - 1][2])
                if owner and not (told and any(surnames_match(t, told[-1]) for t in _name_tokens(owner))):
                    j -= 1
            # a word the article also writes in lower case is a headline's or sentence's word, not a
            # given name ("Grain Exports Reach Record High Saule Abenov said": High)
            while j - i > 2 and toks[i][2].lower() in self.lower_words():
                i += 1
            if j - i >= 2 and len(toks[j - 1][2]) == 1 and text[toks[j - 1][1]:toks[j - 1][1] + 1] == ".":
                # an initial that opens the next name ("Development B. Enkhtuya"): not this name's
                j -= 1
                if j - i == 1 and (self._is_title_word(toks[i][2]) or toks[i][2].lower() in self.vocab.institutions):
                    i = j
                    continue
            if title_before and self.role_re.fullmatch(" ".join([*title_before, *(t for _, _, t in toks[i:j])])):
                # the words complete a title ("Chief Commercial Officer"): no name
                title_before.extend(t for _, _, t in toks[i:j])
                i = j
                continue
            if all(len(t) == 1 for _, _, t in toks[i:j]):
                # letters alone ("U.S.", "U.K.", the S of "U.S. administration"): an abbreviation, no person's name
                title_before = []
                i = j
                continue
            name_s, name_e = toks[i][0], toks[j - 1][1]
            surface = text[name_s:name_e].rstrip("’'s").rstrip("’'") if text[name_s:name_e].endswith(("’s", "'s")) else text[name_s:name_e]
            name_e = name_s + len(surface)
            title_role = self.vocab.role_of(" ".join(title_before))[0] if title_before else None
            # one word without a morphology: the role before it matters only once it names someone
            later = self.morph is None and not title_role and len(surface.split()) == 1
            role_before = None if title_role or later else self._role_before(text, name_s)
            written, gender = surface, None
            if self.morph is not None:
                prefer = None
                if role_before is not None:
                    prefer = self.morph.case_of(role_before.group().split()[0])
                elif not title_before and name_s > 1 and text[name_s - 1] == " " and text[name_s - 2].islower():
                    # a name right after a common noun is its complement ("по словам Нурлана Ногаева", "заявление
                    # Ерлана Кошанова"): the genitive, where a nominative reading would fit as well
                    noun = _WORD_BEFORE.search(text, max(0, name_s - 30), name_s)
                    if noun is not None and noun.group(1)[:1].islower() and self.morph.case_of(noun.group(1)):
                        prefer = "gent"
                written, gender = self.morph.nominative(surface, prefer)
            key, in_roster = self._resolve_name(written, text, name_s, name_e,
                                                bool(title_before) or role_before is not None or bool(honorific),
                                                people, alone=len(toks) == j - i, honorific=bool(honorific))
            if honorific and gender is None:
                gender = self.vocab.honorifics[honorific]
            honorific = None
            if key:
                if later:
                    role_before = self._role_before(text, name_s)
                person = self.roster.get(key)
                people.add_person(key, in_roster, person.gender if person else gender)
                if title_role:
                    country = self.vocab.country_of(" ".join(title_before))
                    people.bind(key, title_role, country, self._role_words(" ".join(title_before)))
                    self._bind_more_roles(self._title_window(text, name_s, out), key, title_role, country, people)
                elif role_before is not None:
                    phrase = text[max(0, name_s - 90) + role_before.start():name_s]   # the match is on a window
                    role, _ = self.vocab.role_of(role_before.group())
                    people.bind(key, role, self.vocab.country_of(phrase), self._role_words(role_before.group()))
                    self._bind_more_roles(self._title_window(text, name_s, out), key, role, self.vocab.country_of(phrase),
                                          people)
                after = self._role_after(text, name_e)
                if after is not None:
                    # apposition: "Marat Karabayev, Minister of Transport, said" -> a later "the minister" is him
                    role, _ = self.vocab.role_of(after.group())
                    if role:
                        people.bind(key, role, self.vocab.country_of(text[after.start():after.end() + 40]),
                                    self._role_words(after.group()))
                out.append(Mention(name_s, name_e, surface, key, "name", in_roster=in_roster,
                                   title_start=title_at if title_before else None))
                title_before = []
                seg_at = toks[j][0] if j < len(toks) else name_e
            elif title_before:
                title_before.extend(t for _, _, t in toks[i:j])   # "Chairman of the Board of ...": still the title
            i = j

    def oblique(self, pronoun: str) -> bool:
        """A pronoun the dictionary reads in no nominative (его, ему, её): an object, not the subject."""
        if self.morph is None:
            return False
        parses = [q for q in self.morph.parse(pronoun) if q.tag.POS == "NPRO"]
        return bool(parses) and not any("nomn" in q.tag.grammemes for q in parses)

    def _person_noun_before(self, text: str, s: int) -> bool:
        """A noun for people right before the name, or before a short phrase that says where the person is from
        ("фермер Ерболат Сейткали", "водитель из Жаркента Даурен Исмаилов")."""
        if not self.vocab.person_nouns:
            return False
        window = text[max(0, s - 60):s]
        toks = list(_NAME_TOKEN.finditer(window))
        for k in range(len(toks) - 1, max(-1, len(toks) - 6), -1):
            word = toks[k].group()
            if word[:1].islower() and word.lower() in self.vocab.person_nouns:
                gap = window[toks[k].end():]
                return not gap.strip() or (
                    k + 1 < len(toks) and toks[k + 1].group() in self.not_names and not _NOT_WORDY.search(gap))
        return False

    def _cue_then_quote(self, after: str) -> bool:
        """True when the words after a name reach a cue that a colon ties to a quote ("Lusine Hakobyan of
        CivilNet then asked: “…”"), within the sentence."""
        if ":" not in after:
            return False     # no colon, no quote tied to the cue (a cheap look before the cue search)
        cue = self.cue_re.search(after)
        return cue is not None and not _SENT_END.search(after[:cue.start()]) \
            and _COLON_QUOTE.match(after, cue.end()) is not None

    def _cue_after_apposition(self, text: str, e: int) -> bool:
        """True when a cue follows the apposition after a name ("Saparov, who took office in March, told")."""
        app = _APPOSITION.match(text, e, e + 160)
        return bool(app and self.cue_re.match(text, app.end()))

    def _surname_like(self, word: str) -> bool:
        """A word with a family name's ending (the pack's `surname_endings`) that the dictionary reads as no
        organisation or abbreviation (Такиев, Бейсембаев: names it does not know)."""
        low = word.lower()
        if not (word[:1].isupper() and low.endswith(self.vocab.surname_endings)):
            return False
        parses = self.morph.parse(word) if self.morph is not None else ()
        return not (parses and {"Orgn", "Abbr"} & parses[0].tag.grammemes)

    def _named_before(self, word: str, people: ArticlePeople) -> bool:
        """True when the word is the surname of someone the article named, in any case (Абдуллаеву)."""
        written = self.morph.nominative(word)[0] if self.morph is not None else word
        return bool(people.surname_owner(written) or people.surname_owner(word))

    def _cue_just_before(self, before: str) -> bool:
        """True when `before` ends with a cue, maybe followed by an honorific (said Mr. Takiyev)."""
        m = self.cue_honorific_re.search(before)
        return m is not None and (m.group("hon") is None or (m.group("hon").lower() in self.not_names
                                                              and m.group("hon").lower() not in self.vocab.pronouns))

    @staticmethod
    def _article_surname(surface: str, people: ArticlePeople) -> str | None:
        """The person of the article whose last name is exactly this word (folded), if only one."""
        tok = _name_tokens(surface)
        if len(tok) != 1:
            return None
        return people.full_name_with_surname(tok[0])

    def _not_name(self, tok: str) -> bool:
        """Words that never belong to a person's name: stop words, institutions, abbreviations (MAZ, BelTA)."""
        known = self._not_name_memo.get(tok)
        if known is None:
            if len(self._not_name_memo) >= _MEMO_SIZE:
                self._not_name_memo.clear()
            low = tok.lower()
            known = self._not_name_memo[tok] = (low in self.not_names or low in self.vocab.institutions
                                                 or _ABBREVIATION.search(tok) is not None)
        return known

    def _country_or_body(self, tok: str) -> bool:
        """A word of a country (Kazakhstan's, Belarusian) or of an institution: no part of a person's name."""
        known = self._country_memo.get(tok)
        if known is None:
            if len(self._country_memo) >= _MEMO_SIZE:
                self._country_memo.clear()
            known = self._country_memo[tok] = (" ".join(name_tokens(_POSSESSIVE.sub("", tok))) in self.country_words
                                               or tok.lower() in self.vocab.institutions)
        return known

    def _bind_more_roles(self, phrase: str, key: str, first: str | None, country: str | None,
                         people: ArticlePeople) -> None:
        """Every office of a joint title ("Deputy Prime Minister and Minister of Economy X"), not only one."""
        for m in self.role_re.finditer(phrase):
            role, _ = self.vocab.role_of(m.group())
            if role and role != first and (role, country) not in people.persons[key]["titles"]:
                people.bind(key, role, country, self._role_words(m.group()))

    @staticmethod
    def _title_window(text: str, name_s: int, out: list) -> str:
        """The words before a name back to the start of its clause or line, or to the name before it
        (at most 120 characters): "Посол X встретился с губернатором Y" gives Y only "губернатором"."""
        floor = max(0, name_s - 120)
        if out and floor <= out[-1].end <= name_s:
            floor = out[-1].end
        window = text[floor:name_s]
        cut = max(window.rfind("\n"), *(window.rfind(p + " ") for p in ".,;:!?\"“”«»"))
        return window[cut + 1:] if cut >= 0 else window

    def _role_after(self, text: str, at: int) -> re.Match | None:
        """A role in apposition right after a name: "X, Minister of Transport," / "X, the akim of Almaty,"."""
        if not text.startswith(", ", at):
            return None
        p = at + 2
        for d in self.vocab.determiners:
            if text[p:p + len(d) + 1].lower() == d.lower() + " ":
                p += len(d) + 1
                break
        m = self.role_re.match(text, p)
        if m is None:
            return None
        # the apposition ends at a comma, a full stop or a cue; never a new sentence's role
        return m

    def _role_before(self, text: str, at: int) -> re.Match | None:
        """A role a few words before a name, with nothing but words between ("trade minister of X Ivan Petrov")."""
        places = self._role_places
        if places is not None and self._lower_text is text and \
                bisect.bisect_left(places, at - 90) == bisect.bisect_left(places, at):
            return None     # no role begins in the window
        window = text[max(0, at - 90):at]
        last = None
        for m in self.role_re.finditer(window):
            last = m
        if last is None:
            return None
        gap = _INITIAL_TAIL.sub(" ", window[last.end():])      # "… Development B. Enkhtuya": the initial is the name's
        if gap.endswith(", "):     # apposition: "Belarus's ambassador, X", "The Ambassador of Kyrgyzstan to Belarus, X"
            gap = gap[:-2]
        if "," in gap and (all(w[:1].isupper() or w.lower() in self.vocab.joiners for w in _NAME_TOKEN.findall(gap))
                           or self.name_list_re.fullmatch(gap.strip())):
            # a ministry's name with commas: "Minister of Investment, Industry and Trade X", "министр
            # инвестиций, промышленности и торговли X"
            gap = gap.replace(",", " ")
        if _NOT_WORDY.search(_unquoted(gap)) or _words(gap) > 8:
            return None
        return last

    def _resolve_name(self, surface: str, text: str, s: int, e: int, titled: bool,
                      people: ArticlePeople, alone: bool = False, honorific: bool = False) -> tuple[str | None, bool]:
        if len(surface.split()) == 1:
            # a surname of someone the article named in full wins over a look-alike in the roster
            # (Smadiyarov, named before, is not the roster's Smailov)
            own = self._article_surname(surface, people)
            if own:
                return own, people.persons[own]["in_roster"]
        person = self.roster.match_name(surface)
        if person:
            return person.name, True
        toks = surface.split()
        if len(toks) == 1:
            owner = people.surname_owner(surface)
            if owner:
                return owner, people.persons[owner]["in_roster"]
            # a surname the article never gave in full, right next to a cue ("…,” Putin said): as written;
            # not a place after a preposition ("an activist in Shymkent, said")
            # without a dictionary of names, a capital letter is the only evidence, and a sentence's first
            # word has one anyway ("Economists say", "Total declared investment"): no evidence there
            if alone and (self.morph is not None or not people.starts_sentence(s)) \
                    and " ".join(name_tokens(surface)) not in self.country_words and not (
                    self.object_re and self.object_re.search(text[max(0, s - 25):s])) and (
                    self.morph is None or self.morph.is_name(surface) or self._surname_like(surface)) and (
                    self.cue_re.match(_past_age(text[e:e + 48]).lstrip(" ,"))
                    or self._cue_just_before(text[max(0, s - 40):s]) or self._cue_after_apposition(text, e)):
                return surface, False
            if not honorific and self.vocab.honorifics and s > 1 and text[s - 1] == " ":
                word = text[max(0, s - 12):s - 1].rsplit(None, 1)[-1:]        # "г-н Жумангарин", lower case
                honorific = bool(word) and word[0].lower().rstrip(".") in self.vocab.honorifics
            if honorific and " ".join(name_tokens(surface)) not in self.country_words:
                return surface, False       # "Mr Zhumangarin", "г-н Жумангарин": a person's surname
            initial = _INITIAL_BEFORE.search(text, max(0, s - 4), s)
            if initial and initial.group(1)[0].isupper() and " ".join(name_tokens(surface)) not in self.country_words \
                    and not self._country_or_body(surface):
                # an initial before it ("Б. Болормаа", "B. Enkhtuya"): a name, with the initial
                return text[initial.start(1):e], False
            noun = _WORD_BEFORE.search(text, max(0, s - 30), s)
            if alone and noun is not None and noun.group(1)[:1].islower() \
                    and noun.group(1).lower() in self.vocab.person_nouns \
                    and " ".join(name_tokens(surface)) not in self.country_words and not self._country_or_body(surface) \
                    and (self.morph is None or self.morph.first_reading_is_name(surface) or self._surname_like(surface)) \
                    and (self.cue_re.match(text[e:e + 40].lstrip(" ,"))
                         or self._cue_just_before(text[max(0, noun.start(1) - 40):noun.start(1)])):
                return surface, False       # "— жалуется водитель Асхат": a person known by one name
            return None, False
        # the same full name as a person the article already named ("Ли Минхао" again, in a sentence of its own)
        folded = list(_name_tokens(surface))
        same = next((k for k, t in people.name_tokens() if t == folded), None)
        if same is not None:
            return same, people.persons[same]["in_roster"]
        if any(self._country_or_body(t) for t in toks):
            return None, False
        after = text[e:e + 60]
        before = text[max(0, s - 40):s]
        appositive = self.role_in_apposition(after) or self.person_in_apposition(after)
        cue_near = self.cue_re.match(_past_age(after).lstrip(" ,")) or self.cue_re.search(before[-20:])
        if not cue_near:
            # the subject of a cue after an apposition ("Aigerim Tleuzhan, an activist in Shymkent, said"), or a
            # name that a colon ties to the quote after it (a headline: 'Dilnoza Karimova: "Kazakhstan is …"')
            cue_near = self._cue_after_apposition(text, e) or _COLON_QUOTE.match(text, e) or self._cue_then_quote(after)
        # every word a name the dictionary knows, or a given name followed by a surname it does not know
        # (Виталий Вовк): a person, whatever words stand around it
        known = self.morph is not None and (all(self.morph.is_name(t) for t in toks) or (
            len(toks) in (2, 3) and self.morph.is_given_name(toks[0]) and all(t[:1].isupper() for t in toks)))
        # a noun for a person right before the name ("agronomist Gulnara Abenova", "фермер Ерболат Сейткали")
        if titled or appositive or cue_near or known or self._person_noun_before(text, s):
            # an earlier, fuller form of the same person wins ("Igor Sergeenko" over "Sergeenko")
            owner = people.surname_owner(surface)
            if owner and len(owner.split()) >= len(toks) and _same_given_name(owner.split()[0], toks[0]):
                return owner, people.persons[owner]["in_roster"]
            return surface, False
        return None, False

    # ---- titles
    def role_in_apposition(self, after: str) -> bool:
        """True when the words after a name open with a role in apposition ("Maria Lopez, CEO of TradeCo",
        ", the Kazakh Foreign Minister", ", a deputy minister"); `after` starts right after the name."""
        for k in range(4 if after.startswith(",") else 0):
            for lead in (r"", r"[^\W\d_A-ZА-ЯЁ][\w’'-]{0,3}\s+"):
                m = _APPOSITION_LEAD[lead, k].match(after)
                if m and self.role_re.match(after[m.end():]):
                    return True
        return False

    def person_in_apposition(self, after: str) -> bool:
        """True when the words after a name open with a noun for a person in apposition ("Kudratillo Nazarov, a
        member of the budget committee, …", "Gulnara Abenova, a trader in Almaty, said", "Mehmet Yıldız, a
        Turkish truck driver"): within four words, past words in lower case and country words."""
        m = _APPOSITION_NOUN.match(after) if self.vocab.person_nouns else None
        if not m:
            return False
        words = m.group(1).split()
        return any(w.lower() in self.vocab.person_nouns
                   and all(v[:1].islower() or v.lower() in self.country_words for v in words[:k])
                   for k, w in enumerate(words))

    def _title_mentions(self, text: str):
        places = self._role_places if self._lower_text is text else None
        for m in self._roles.finditer(text, places):
            s, e = m.start(), m.end()
            # "the Belarusian leader", "Kazakhstan's Prime Minister": a country word before the role belongs
            # to the title; any other capitalised word ("Trade Minister") only after "the"
            pre = _TITLE_LEAD.search(text[max(0, s - 50):s])   # "the economy minister", "the Belarusian leader"
            start = s - (len(pre.group()) if pre else 0)
            if pre and pre.group(1) and " ".join(name_tokens(pre.group(1))) not in self.country_words \
                    and not _THE.match(pre.group()):
                start = s
            if start == s:
                # a country's adjective in any script or case ("азербайджанский вице-премьер", "таджикский
                # лидер") says whose office it is
                prev = _WORD_BEFORE.search(text, max(0, s - 40), s)
                if prev and self.vocab.country_of(prev.group(1)):
                    start = prev.start(1)
            of = _TITLE_OF.match(text[e:e + 80])
            end = e + (of.end() if of else 0)
            if not of:
                # a country word among the next few words belongs to the title ("президент Казахстана")
                for k, w in enumerate(_NAME_TOKEN.finditer(text, end, min(len(text), end + 80))):
                    if k >= 4 or _NOT_WORDY.search(text[end:w.start()]) or (
                            self.morph is not None and w.group()[:1].islower() and self.morph.is_verb(w.group())):
                        break      # never past a verb: "Глава государства предложил российскому региону"
                    if " ".join(name_tokens(w.group())) in self.country_words:
                        end = w.end()
                        break
            nxt = _TWO_WORDS.match(text[end:end + 40])
            if nxt and nxt.group(1).isupper() and nxt.group(2).isupper():
                continue  # a title introducing a name ("President Aleksandr Lukashenko"): the name is the mention
            surface = text[start:end]
            if self.determiner_re and not self.determiner_re.match(surface) and not surface[:1].isupper():
                continue  # "a president", "leader" in running prose is not a person reference
            yield Mention(start, end, surface, None, "title")

    def resolve_title(self, surface: str, people: ArticlePeople, at: int, mentions: list[Mention],
                      subject: bool = True) -> tuple[str | None, bool]:
        role, quals = self.vocab.role_of(surface)
        if role is None:
            return None, False
        country = self.vocab.country_of(surface)
        # mentions are in text order: look back from `at` without a scan of the whole list
        upto = bisect.bisect_left(mentions, at, key=_START)
        window = mentions[max(0, upto - 400):upto]
        recent = [m.key for m in reversed(window) if m.key]
        # 1. roster: office holders in the article's year, narrowed to those the article names; of two, the
        # last one named as a subject ("Lukashenko said at talks with President Mirziyoyev. “…,” the head of
        # state said": Lukashenko)
        holders = [p.name for p in self.roster.by_title(role, country, quals, people.year)]
        named = [k for k in recent if k in holders]
        if len(set(named)) > 1:
            named = [m.key for m in reversed(window) if m.key in holders and m.subject] or named
        if named:
            return named[0], True
        if country and len(holders) == 1:
            return holders[0], True
        # 2. in-article binding ("Kazakhstan Prime Minister Serik Akhmetov" -> "the Prime Minister"); the
        # generic role "head" ("глава Минпрома", "the head of the ministry") fits any office
        # "the Chinese leader": someone bound with China before anyone bound with no country; the role itself before
        # a narrower one that ends with it ("the minister" for a foreign minister)
        # of two people in one role group, the one introduced with the very word ("аким области" is the akim,
        # not the governor named after him)
        said = self.role_re.search(surface)
        head = self._role_words(said.group().split()[0]) if said else set()
        for same_role in (True, False):
            for exact in (True, False):
                for word in ((True, False) if head else (False,)):
                    for key in recent:
                        person = people.persons.get(key, {})
                        if word and not head & person.get("role_words", set()):
                            continue
                        for brole, bcountry in person.get("titles", []):
                            fits = brole == role or role == GENERIC_ROLE if same_role else brole.endswith(" " + role)
                            if fits and ((bool(country) and bcountry == country) if exact else (not country or not bcountry)):
                                return key, people.persons[key]["in_roster"]
        # 3. an office no one named so far holds: the subject just before, in this paragraph or the one before
        # ("Первый заместитель председателя комитета Марина Кудрявцева-Линдт поддержала документ. — …, —
        # подчеркнула депутат.")
        if subject and not any(brole == role for k in set(recent)
                               for brole, _ in people.persons.get(k, {}).get("titles", [])) and (
                self.morph is None or self.morph.first_case(surface.split()[0]) in (None, "nomn")):
            text = people.text or ""
            floor = text.rfind("\n", 0, max(0, text.rfind("\n", 0, at))) + 1 if text else 0
            last = next((m for m in reversed(window) if m.key and m.kind == "name" and m.subject), None)
            if last is not None and last.start >= floor:
                return last.key, people.persons[last.key]["in_roster"]
        return None, False

    def resolve_title_ahead(self, surface: str, people: ArticlePeople) -> str | None:
        """The one person of the article bound to the office a title names (its country, when it says one);
        None when there are none or several."""
        role, _ = self.vocab.role_of(surface)
        if role is None:
            return None
        country = self.vocab.country_of(surface)
        found = {key for key, person in people.persons.items()
                 if any((brole == role or brole.endswith(" " + role) or role == GENERIC_ROLE)
                        and (not country or not bcountry or bcountry == country)
                        for brole, bcountry in person.get("titles", []))}
        return found.pop() if len(found) == 1 else None

    def _role_words(self, phrase: str) -> set[str]:
        """The words of a title phrase, normalised (case and inflection levelled by the pack)."""
        return {self.normalise(w.lower()) for w in _NAME_TOKEN.findall(phrase)}

    def resolve_pronoun(self, pronoun: str, people: ArticlePeople, before: int) -> str | None:
        gender = self.vocab.pronouns.get(pronoun.lower())
        upto = _mentions_before(people, before)
        # the paragraph's own people first (its subject, then anyone it names: "For Rakhimov in Syrdarya, the
        # debate feels remote. He has applied … “…,” he said"), then the subjects before it, then anyone
        floor = people.text.rfind("\n", 0, before) + 1 if pronoun and people.text else 0
        passes = ((True, floor), (False, floor), (True, 0), (False, 0)) if floor else ((True, 0), (False, 0))
        for subjects_only, start in passes:
            for m in reversed(people.mentions[max(0, upto - 400):upto]):   # a bounded look back: linear articles
                if m.start < start:
                    break
                if not m.key or m.kind == "pronoun" or (subjects_only and not m.subject):
                    continue
                person = people.persons.get(m.key, {})
                if gender and person.get("gender") and person["gender"] != gender:
                    continue
                if gender and person and person.get("gender") is None:
                    person["gender"] = gender      # "she said": learnt for the rest of the article
                return m.key
        return None


def _upper_letters(end: int = 0x20000) -> str:
    """A character class of the upper-case letters below `end` (planes 0 and 1 hold every cased letter)."""
    letter = re.compile(r"[^\W\d_]")
    chars = [c for c in map(chr, range(end)) if c.isupper() and letter.match(c)]
    ranges, k = [], 0
    while k < len(chars):
        m = k
        while m + 1 < len(chars) and ord(chars[m + 1]) == ord(chars[m]) + 1:
            m += 1
        ranges.append(re.escape(chars[k]) + ("-" + re.escape(chars[m]) if m > k else ""))
        k = m + 1
    return "[" + "".join(ranges) + "]"


# two capitals in a row: MAZ, BelTA, KTZ, ҚТЖ (not McDonald, and not two lower-case letters outside a-z and
# а-я, as in Yalçın, Işık, Жұмабек)
_ABBREVIATION = re.compile(_upper_letters() + "{2}")


# a stretch of capitalised words joined by single spaces, or by "of" / "the" between them ("Ministry of the
# Interior"); a word starts at the first letter of its run of word characters (as _NAME_TOKEN finds it)
_RUN_WORDS = r"U[\w’'-]*(?:[ \t](?:of )?(?:the )*U[\w’'-]*)*"
_RUN = re.compile(r"(?<![\w’'-])[\d_’'-]*+(?P<run>" + _RUN_WORDS.replace("U", _upper_letters()) + ")")
# the same run from its first capital; a class of capitals of plane 0 only is tested with one table look-up,
# with plane 1 in it character by character (ten times slower): used for texts without plane-1 characters
_RUN_FROM_CAPITAL = re.compile(_RUN_WORDS.replace("U", _upper_letters()))
_RUN_FROM_CAPITAL_BMP = re.compile(_RUN_WORDS.replace("U", _upper_letters(0x10000)))
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _capitalised_runs(text: str):
    """(start, run) for each stretch of capitalised words, joined by single spaces or 'of (the)'.

    The same runs as `_RUN` finds, found faster: the search jumps from capital to capital (a
    pattern that opens with a look-behind is tried at every character), and a capital is kept
    when only digits, underscores, apostrophes and hyphens stand between it and the start of its word.
    """
    runs = _RUN_FROM_CAPITAL if _ASTRAL.search(text) else _RUN_FROM_CAPITAL_BMP
    pos = 0
    while pos is not None:
        restart, pos = pos, None
        for m in runs.finditer(text, restart):
            q = r = m.start()
            while r > 0 and (text[r - 1] in "_’'-" or text[r - 1].isdecimal()):
                r -= 1
            if r > 0 and (text[r - 1].isalnum() or text[r - 1] in "_’'-"):
                pos = q + 1      # a capital inside a word (iPhone): no run starts there; look again after it
                break
            yield q, m.group()


class _Intervals:
    def __init__(self, spans):
        self.spans = sorted(spans)

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) meets any interval (intervals that do not overlap each other)."""
        i = bisect.bisect_left(self.spans, (end, -1)) - 1
        return i >= 0 and self.spans[i][1] > start

    def contains(self, pos: int) -> bool:
        i = bisect.bisect_right(self.spans, (pos, float("inf"))) - 1
        return i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]


# --------------------------------------------------------------------------- attribution


@dataclass
class Attribution:
    speaker: str = ""
    mention: str = ""
    in_roster: bool = False
    confidence: str = "none"


def _starts(people: ArticlePeople) -> list[int]:
    starts = people.__dict__.get("_starts")
    if starts is None or len(starts) != len(people.mentions):
        starts = people.__dict__["_starts"] = [m.start for m in people.mentions]
    return starts


def _mentions_before(people: ArticlePeople, pos: int) -> int:
    """How many of the article's mentions (in text order) start before `pos`."""
    return bisect.bisect_left(_starts(people), pos)


def _mention_in(segment: str, offset: int, people: ArticlePeople, pick: str) -> Mention | None:
    starts = _starts(people)
    end = offset + len(segment)
    lo, hi = bisect.bisect_left(starts, offset), bisect.bisect_left(starts, end)
    inside = [m for m in people.mentions[lo:hi] if m.end <= end]   # mentions are in text order
    if not inside:
        return None
    return inside[-1] if pick == "last" else inside[0]


def _last_cue(ann: Annotator, text: str, start: int = 0, end: int | None = None) -> re.Match | None:
    """The last cue in text[start:end] (the one nearest what follows), or None."""
    cue = None
    for cue in ann.cue_re.finditer(text, start, len(text) if end is None else end):
        pass
    return cue


def _sentences_before(text: str, at: int, n: int) -> list:
    """The (at most) `n` sentences that end before `at`, within the 600 characters before it."""
    sents = sentences(text)
    upto = bisect.bisect_right(sents, at, key=lambda sp: sp.end)
    return [sp for sp in sents[max(0, upto - n):upto] if sp.start >= at - 600]


def _after_preposition(words: str, at: int, ann: Annotator) -> bool:
    """True when a lower-case word the pack never reads as a name (на, в, at, in) stands right before `at`."""
    before = _WORD_BEFORE.search(words, max(0, at - 20), at)
    return before is not None and before.group(1)[:1].islower() and before.group(1) in ann.not_names


def _relayed(clause: str, offset: int, ann: Annotator, people: ArticlePeople) -> Mention | None:
    """The person whose words a body relays in this clause ("Interfax quoted Trade Minister X as saying",
    "— приводит пресс-служба слова Жанны Абдуллаевой", "Zheldibay quoted the president as saying"): the first
    person after the relaying verb, unless a cue of its own comes before it ("Ivanov said, quoting Petrov":
    Ivanov speaks)."""
    r = ann.relay_re.search(clause) if ann.relay_re is not None else None
    if r is None or _words(clause[:r.start()]) > 8 or ann.cue_re.search(clause, 0, r.start()):
        return None
    tail = clause[r.end():]
    stop = _SENT_END.search(tail)
    m = _mention_in(tail[:stop.start()] if stop else tail, offset + r.end(), people, "first")
    if m is None or _words(text_between := tail[:m.start - offset - r.end()]) > 6 or _NOT_WORDY.search(text_between):
        return None
    return m


def _relay_attribution(clause: str, offset: int, ann: Annotator, people: ArticlePeople, text: str,
                       at: int) -> Attribution | None:
    """The speaker of a relayed quote (see `_relayed`). A pronoun after the verb is never the person who relays
    ("her aide Ivan Ivanov quoted her as saying": someone named before him)."""
    m = _relayed(clause, offset, ann, people)
    if m is None:
        return None
    starts = _starts(people)
    lo, hi = bisect.bisect_left(starts, offset), bisect.bisect_left(starts, m.start)
    relayer = next((x for x in reversed(people.mentions[lo:hi]) if x.end <= m.start and x.kind != "pronoun"),
                   None) if m.kind == "pronoun" else None
    if relayer is not None and relayer.key:
        key = ann.resolve_pronoun(m.surface, people, relayer.title_start if relayer.title_start is not None
                                  else relayer.start)
        if key and key != relayer.key:
            return Attribution(key, m.surface, people.persons[key]["in_roster"], "coreference")
    return _resolved(m, ann, people, at, text)


def _attribute(text: str, spans: list[Span], ann: Annotator, people: ArticlePeople, paras) -> Attribution:
    """Speaker of one utterance (its spans in order)."""
    first = spans[0]
    # a cue after a span: “…,” the head of state said / said Aleksandr Lukashenko
    for s in spans:
        if s.close_at is None or not s.post.strip():
            continue
        clause_start = s.close_at + 1
        relayed = _relay_attribution(s.post, clause_start, ann, people, text, s.open_at)
        if relayed is not None:
            return relayed
        cue = ann.cue_re.search(s.post)
        if not cue or _words(s.post[:cue.start()]) > 12:
            continue
        inside = _mention_in(cue.group(), clause_start + cue.start(), people, "first")
        if inside is not None and inside.kind != "pronoun":
            return _resolved(inside, ann, people, s.open_at, text)   # “…,” the press service quoted X as saying
        before_cue = _mention_in(s.post[:cue.start()], clause_start, people, "last")
        lead_words = s.post[:cue.start()].strip(" ,.-–—")
        if before_cue is not None and _someone_new(lead_words, ann) and ann.object_re \
                and ann.object_re.search(text[max(0, before_cue.start - 25):before_cue.start]):
            return Attribution("", lead_words, False, "none")    # “…,” an analyst at Halyk Finance said
        if before_cue is not None:
            before_cue = _described(s.post[:cue.start()], clause_start, people, ann, text) or before_cue
            # a body named in the cue's own clause, after a name in a clause before ("In a written response to
            # Forbes Kazakhstan, the company said"): the body
            comma = s.post.rfind(",", 0, cue.start())
            if comma >= 0 and before_cue.end <= clause_start + comma:
                tail = s.post[comma + 1:cue.start()].strip()
                org = _organisation(tail, ann, text, s.open_at) if tail and _words(tail) <= 6 else None
                if org is not None:
                    return Attribution(org.speaker, tail, org.in_roster, org.confidence)
        after_cue = _mention_in(s.post[cue.end():], clause_start + cue.end(), people, "first")
        if after_cue is not None and after_cue.kind == "pronoun" and ann.oblique(after_cue.surface):
            # a possessive or object pronoun first ("— сказал «РГ» её исполнительный директор X", "— ответил ему
            # Досаев"): the person named after it
            named = _mention_in(s.post[after_cue.end - clause_start:], after_cue.end, people, "first")
            if named is not None and named.kind != "pronoun":
                after_cue = named
        m = before_cue or (after_cue if after_cue and _title_gap(s.post[cue.end():after_cue.start - clause_start], ann)
                           else None)
        if m is None and after_cue is not None and after_cue.kind != "pronoun" and \
                _words(s.post[cue.end():after_cue.start - clause_start]) <= 8:
            m = after_cue    # "— рассказал в интервью агентству «Казинформ» директор завода Иван Петров"
        if m is not None:
            # the person is the complement of a body that speaks ("сообщает пресс-служба Президента",
            # "the press service of President X said"): the body is the speaker
            lead = s.post[cue.end():m.start - clause_start] if m is after_cue else s.post[:m.start - clause_start]
            body = [t for t in _NAME_TOKEN.finditer(lead) if t.group().lower() in ann.vocab.institutions
                    and lead[t.start() - 1:t.start()] not in _PAIRS    # not a name in marks («Казинформ»)
                    and not _after_preposition(lead, t.start(), ann)]  # nor a place ("сказал на форуме министр")
            # ... unless a role comes first ("директор завода Иван Петров": the director speaks)
            role_after = ann.role_re.match(lead[body[-1].end():].lstrip()) if body and ann.morph is None else None
            if body and not _NOT_WORDY.search(lead[body[-1].end():]) \
                    and not ann.role_re.search(lead[:body[-1].start()]) \
                    and not (role_after and not lead[body[-1].end():].lstrip()[role_after.end():].lower().startswith("of")) \
                    and not any(w.lower() in ann.vocab.person_nouns for w in _NAME_TOKEN.findall(lead[:body[-1].start()])):
                org = _organisation(s.post[cue.end():] if m is after_cue else s.post[:cue.start()], ann, text, s.open_at)
                if org:
                    return org
            return _resolved(m, ann, people, s.open_at, text)
        lone = _LONE_BODY.match(s.post, cue.end()) if not s.post[:cue.start()].strip(" ,.-–—") else None
        if lone is not None and lone.group(1)[:1].isupper() and lone.group(1).lower() not in ann.not_names \
                and not ann.pronoun_re.fullmatch(lone.group(1)) and not _outlet_word(lone.group(1)):
            # one capitalised word after the cue, and nothing more: a body that needs no title ("— сообщил
            # Росстат", "— заявил Кремль")
            return Attribution(lone.group(1), lone.group(1), False, "organization")
        # a cue with no person next to it ("the ministry said", "said a statement"): an organisation or
        # document when the words name one, else keep the words and guess nothing
        said_by = s.post[:cue.start()].strip(" ,.-–—") or " ".join(s.post[cue.end():].split()[:8]).strip(" ,.")
        # an unnamed speaker after the cue ("— рассказал в беседе с корреспондентом источник в правительстве")
        unnamed = next((t for t in _NAME_TOKEN.finditer(said_by) if t.group()[:1].islower()
                        and t.group().lower() in ann.vocab.unnamed), None)
        if unnamed is not None and not s.post[:cue.start()].strip(" ,.-–—"):
            return Attribution("", said_by[unnamed.start():], False, "none")
        # a person described by a noun before the body named ("собеседник агентства"): not the body
        org = None if _led_by_person_noun(said_by, ann) or _someone_new(said_by, ann) \
            else _organisation(said_by, ann, text, s.open_at)
        if org:
            return org
        said_by = s.post[:cue.start()].strip(" ,.-–—") or " ".join(s.post[cue.end():].split()[:4]).strip(" ,.")
        if said_by.lower() in ann.vocab.document_pronouns:
            # "…,” it reads: the document of the sentence before, issued by the body named there
            org = _issuer(text, s.open_at, None, ann, said_by)
            if org:
                return org
        if said_by and not re.fullmatch(r"(?i)it|this|that|there", said_by):
            return Attribution("", said_by, False, "none")
    # a cue before the first span: Aleksandr Lukashenko noted: “…” / according to X, “…”
    pre, pre_at = first.pre, first.pre_start
    if not pre.strip() and first.para > 0:
        pre, pre_at = _header(paras[first.para - 1])
    if pre.strip():
        own = max(pre.rfind(". "), pre.rfind("\n")) + 1    # the sentence's own words
        relayed = _relay_attribution(pre[own:], pre_at + own, ann, people, text, first.open_at)
        if relayed is not None:
            return relayed                                   # Interfax quoted X as saying: “…”
        cue = _last_cue(ann, pre)
        if cue:
            if ann.speaker_follows(cue.group()):
                # "according to X", "по словам министра"; "по его словам": the speaker inside the cue
                m = _mention_in(pre[cue.start():], pre_at + cue.start(), people, "first")
                said_by = pre[cue.end():].strip(" ,")
                if m is None and _someone_new(said_by.lower(), ann):
                    # "по словам источника “Ъ” в правительстве …", "according to a person familiar with …": nobody
                    # named, and not the body after "в"
                    return Attribution("", " ".join(re.split(r"[,;:«“\"]", said_by, maxsplit=1)[0].split()[:6]),
                                       False, "none")
            else:
                m = _mention_in(pre[:cue.start()], pre_at, people, "last") or _mention_in(
                    pre[cue.end():], pre_at + cue.end(), people, "first")
            lead = pre[:cue.start()]
            lead = lead[max(lead.rfind(". "), lead.rfind("\n")) + 1:].strip(" ,")   # the sentence's own words
            if _someone_new(lead, ann) and (m is None or (ann.object_re and ann.object_re.search(
                    text[max(0, m.start - 25):m.start]))):
                # "A senior official, who asked not to be named, told Reuters:", "An analyst at X said:"
                return Attribution("", lead.split(",")[0], False, "none")
            if m:
                return _resolved(m, ann, people, first.open_at, text)
            org = _organisation(pre[cue.end():] if ann.speaker_follows(cue.group()) else pre[:cue.start()],
                                ann, text, first.open_at)
            if org is None and not ann.speaker_follows(cue.group()) and _words(pre[:cue.start()]) <= 2:
                org = _organisation(pre[cue.end():], ann, text, first.open_at)   # как сообщили в министерстве, «…»
            if org:
                return org
        if pre.rstrip().endswith(":"):
            m = _mention_in(pre, pre_at, people, "first")
            if m is not None and m.kind == "pronoun" and ann.oblique(m.surface):
                # the object first: "Его поддержал аким Алматы Ерболат Досаев: «…»" -> the name after it
                m = next((x for x in people.mentions if m.end <= x.start and x.end <= pre_at + len(pre)
                          and x.kind != "pronoun"), m)
            if m:
                a = _resolved(m, ann, people, first.open_at, text)
                if a.speaker and a.confidence in ("roster", "name"):
                    a.confidence = "header"
                return a
    headline = _headline_speaker(text, spans, ann, people, paras)
    if headline is not None:
        return headline
    signed = _signature_line(text, spans, people, paras, ann)
    return signed if signed is not None else Attribution()


def _opens_paragraph(text: str, para_start: int, at: int) -> bool:
    """True when nothing but white space stands between a paragraph's start and `at` (a bounded look: a
    paragraph of thousands of quotes is not sliced for each)."""
    return at - para_start <= 8 and not text[para_start:at].strip()


_DASH_LINE = re.compile(r"[ \t]*[—–-][ \t]+")


def _signature_line(text: str, spans: list[Span], people: ArticlePeople, paras, ann: Annotator) -> Attribution | None:
    """The person a line of its own right after a quote block names after a dash (a pull quote or a press
    release: “…” ⏎ — Aizhan Bekturova, Vice Minister of Trade and Integration); None otherwise."""
    first, last = spans[0], spans[-1]
    if last.close_at is None or last.end_para + 1 >= len(paras):
        return None
    end = paras[last.end_para].end
    if not _opens_paragraph(text, paras[first.para].start, first.open_at) or end - last.close_at > 4 \
            or text[last.close_at + 1:end].strip(" .,"):
        return None       # the quote fills its paragraphs
    nxt = paras[last.end_para + 1]
    dash = _DASH_LINE.match(text, nxt.start, nxt.end)
    if dash is None or _words(text[dash.end():nxt.end]) > 25 or ann.cue_re.search(text, dash.end(), nxt.end):
        return None
    m = _mention_in(text[dash.end():nxt.end], dash.end(), people, "first")
    if m is None or m.kind == "pronoun" or m.start - dash.end() > 3:
        return None       # the line opens with the name (or the title that introduces it)
    return _resolved(m, ann, people, first.open_at, text)


_HEADLINE_SEPARATOR = re.compile(r"[ \t]*(?::|,?[ \t]*[—–])[ \t]+")


def _headline_speaker(text: str, spans: list[Span], ann: Annotator, people: ArticlePeople, paras) -> Attribution | None:
    """The person a headline or sub-heading names after the quote that opens it, past a colon or a dash and
    before what it is about (the pack's `topic_words`): «Мы готовы к любому сценарию»: Токаев о переговорах
    с Китаем; “…”: Mirziyoyev on talks with China; «…», — глава Минпромторга о рынке. None when the line
    goes on otherwise (a cue there was read before)."""
    first, last = spans[0], spans[-1]
    if last.close_at is None or not _opens_paragraph(text, paras[first.para].start, first.open_at):
        return None
    end = paras[last.end_para].end
    sep = _HEADLINE_SEPARATOR.match(text, last.close_at + 1, end)
    if sep is None:
        return None
    who_end = end
    for t in _NAME_TOKEN.finditer(text, sep.end(), end):
        if t.group().lower() in ann.vocab.topic_words:
            who_end = t.start()
            break
    who = text[sep.end():who_end]
    if not who.strip() or _words(who) > 8 or ann.cue_re.search(who) or _NOT_WORDY.search(who.replace(".", "")):
        return None
    m = _mention_in(who, sep.end(), people, "first")
    if m is None or m.kind == "pronoun":
        return None
    return _resolved(m, ann, people, first.open_at, text)


@lru_cache(maxsize=8)
def _credit_regex(lang: str) -> re.Pattern | None:
    """A byline word of the pack as written, capitalised, or in capitals (where it stands is checked after)."""
    from .transcripts import interview_words
    words = interview_words(lang).bylines
    if not words:
        return None
    forms = sorted({f for w in words for f in (w, w[:1].upper() + w[1:], w.upper())}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, forms)) + r")\b")


@lru_cache(maxsize=1)
def _outlet_names() -> tuple[str, ...]:
    """Every way `data/outlets.yml` writes an outlet (Интерфакс, РИА Новости, Forbes Kazakhstan), longest first."""
    from .corpus import _outlets
    found = _outlets()
    return tuple(sorted(found[1], key=len, reverse=True)) if found else ()


@lru_cache(maxsize=1)
def _outlet_words() -> frozenset[str]:
    """The one-word names among them, in lower case (Азаттык, Интерфакс, ТАСС)."""
    return frozenset(a.lower() for a in _outlet_names() if " " not in a and len(a) >= 3)


def _outlet_at(text: str, at: int) -> bool:
    """True when an outlet's name, or a case form of a one-word name, stands at `at` in `text`."""
    for name in _outlet_names():
        if text.startswith(name, at) and not text[at + len(name):at + len(name) + 1].isalnum():
            return True
    m = _NAME_TOKEN.match(text, at)
    return bool(m) and _outlet_word(m.group())


def _outlet_word(word: str) -> bool:
    """An outlet's name, or one of its case forms (a short ending on it: Азаттыку, Интерфаксу)."""
    low = word.lower()
    words = _outlet_words()
    return low in words or any(low[:-k] in words for k in (1, 2) if len(low) - k >= 4)


def _person_noun_phrase(mention: str, ann: Annotator) -> bool:
    """True when the words that said a quote are a definite noun phrase for a person that is no office ("the
    54-year-old farmer, who grows wheat", "фермер"): no name, a person noun among its first words. In a
    language with articles the phrase must open with one ("a farmer" is someone new)."""
    head = mention.split(",")[0]
    words = _NAME_TOKEN.findall(head)
    # up to a name after a lower-case word ("гость из Тегерана", "the guest from Tehran")
    cut = next((k for k in range(1, len(words)) if words[k][:1].isupper() and words[k - 1][:1].islower()
                and not ann.vocab.country_of(words[k])), len(words))     # (not "the Georgian railway chief")
    if not words or cut > 5 or any(w[:1].isupper() and not ann.vocab.country_of(w) for w in words[1:cut]):
        return False
    words = words[:cut]
    if ann.determiners and words[0].lower() not in ann.determiners:
        return False
    return any(w.lower() in ann.vocab.person_nouns for w in words)


def _someone_new(words: str, ann: Annotator) -> bool:
    """True when `words` open with a word that brings in someone new and go on to a person noun or a role
    within five words ("a senior Kyrgyz official", "an analyst at Halyk Finance"), or with a noun for an
    unnamed speaker ("источник в правительстве"): the pack's `indefinites` and `unnamed`."""
    if _anonymous(words, ann):
        return True       # "A senior official, who asked not to be named", "представитель …, пожелавший остаться неназванным"
    toks = _NAME_TOKEN.findall(words)[:8]
    # past a conjunction that opens the clause ("As one MTZ executive put it", "But a senior official said")
    skip = 0
    while skip < 2 and skip < len(toks) and toks[skip].lower() in ann.not_names \
            and toks[skip].lower() not in ann.vocab.indefinites and toks[skip].lower() not in ann.determiners:
        skip += 1
    toks = toks[skip:skip + 6]
    if toks and toks[0][:1].islower() and toks[0].lower() in ann.vocab.unnamed:
        return True       # "источник в правительстве", "officials said"
    if not toks or toks[0].lower() not in ann.vocab.indefinites:
        return False
    return any(t.lower() in ann.vocab.person_nouns or t.lower() in ann.vocab.unnamed or ann.role_re.fullmatch(t)
               for t in toks[1:])


@lru_cache(maxsize=8)
def _anonymity_regex(phrases: tuple[str, ...]) -> re.Pattern | None:
    """The pack's `anonymity` phrases as one case-insensitive pattern (a space matches any run of spaces)."""
    if not phrases:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")(?!\w)", re.I)


def _anonymous(words: str, ann: Annotator) -> bool:
    """True when `words` keep their speaker anonymous (the pack's `anonymity`: "who asked not to be named")."""
    rx = _anonymity_regex(ann.vocab.anonymity)
    return rx is not None and rx.search(words) is not None


def _led_by_person_noun(words: str, ann: Annotator) -> bool:
    """True when `words` open (after a determiner) with a noun for a person that is no role ("собеседник
    агентства", "the farmer from the cooperative"), not with the body or document they go on to name."""
    toks = _NAME_TOKEN.findall(words)[:2]
    if toks and toks[0].lower() in ann.determiners:
        toks = toks[1:]
    return bool(toks) and toks[0][:1].islower() and toks[0].lower() in ann.vocab.person_nouns \
        and not ann.role_re.match(toks[0])


def _described(segment: str, offset: int, people: ArticlePeople, ann: Annotator, text: str) -> Mention | None:
    """The name an apposition describes when the words before a cue are "X, <role> of <body>, " ("Talgat
    Abenov, head of Kazakhstan Temir Zholy (KTZ), told"): X speaks, not a name inside the apposition."""
    if not segment.rstrip().endswith(","):
        return None
    lo = _mentions_before(people, offset)
    for m in people.mentions[lo:lo + 8]:
        if m.end > offset + len(segment):
            break
        if m.kind == "name" and m.key:
            after = text[m.end:m.end + 60]
            return m if ann.role_in_apposition(after) or ann.person_in_apposition(after) else None
    return None


def _title_gap(gap: str, ann: Annotator) -> bool:
    """Words between a cue and the name after it: a few, or a title ("said the Chairman of the Board X")."""
    if _words(gap) <= 3:
        return True
    return _words(gap) <= 14 and not _NOT_WORDY.search(gap) and ann.role_re.search(gap) is not None


def _organisation(words: str, ann: Annotator, text: str, at: int, issuer: bool = True) -> Attribution | None:
    """An organisation or document named in the attribution words, in its fullest form in the article.

    "the ministry said" -> the ministry as the article named it in full before
    ("Ministry of Trade and Integration of Kazakhstan"), `confidence = organization`.
    """
    # a name in marks is whom it was said to, not who said it ("заявил «Интерфаксу» источник")
    toks = [t for t in _NAME_TOKEN.finditer(words) if words[t.start() - 1:t.start()] not in _PAIRS]
    # the document of a body named right after it ("говорится в сообщении КГД", "в ответе ФТС на запрос агентства"):
    # that body
    d = next((i for i in range(len(toks)) if _bare(toks[i].group()) in ann.vocab.documents), None)
    body = _body_after_document(words, toks, d, ann) if d is not None else None
    if body is not None:
        return Attribution(body, words[toks[d].start():toks[d + 1].end()].strip(" ,.-–—"), False, "organization")
    # a body before a document ("in a statement, the embassy said": the embassy; "the ministry's statement")
    k = next((i for i in range(len(toks)) if _bare(toks[i].group()) in ann.vocab.institutions), None)
    if k is None:
        k = next((i for i in range(len(toks)) if _bare(toks[i].group()) in ann.organisation_words), None)
        if k is not None and issuer:
            # a document alone ("the statement reads"): the body that issued it in the sentences before
            issuer = _issuer(text, at, toks[k].group(), ann, words.strip(" ,.-–—"))
            if issuer:
                return issuer
    if k is None:
        return None
    if toks[k].group() != _bare(toks[k].group()) and toks[k].group()[-2:] in ("’s", "'s"):
        words = words[:toks[k].end() - 2]      # "the ministry's statement": the ministry
        toks = [t for t in _NAME_TOKEN.finditer(words) if words[t.start() - 1:t.start()] not in _PAIRS]
    first, last = _org_extent(words, toks, k, ann)
    named = _QUOTED_NAME.match(words, toks[last].end())
    if named and toks[last].group()[:1].islower():
        # a generic body or document word, then the name in marks: "в пресс-службе «Агроэкспорта»",
        # "говорится в сообщении «Газпрома»", "the company “MAZ” said": that name (in the nominative)
        name = " ".join(re.sub(r"[«»“”„\"]", " ", named.group(1)).split())
        if ann.morph is not None:
            name = ann.morph.nominative_phrase(name)
        return Attribution(name, words[toks[first].start():named.end()].strip(" ,.-–—"), False, "organization")
    phrase = words[toks[first].start():toks[last].end()]
    if ann.morph is not None:
        phrase = ann.morph.nominative_phrase(phrase)
    if len(phrase.split()) <= 2:
        phrase = _fuller_organisation(text, at, toks[k].group(), phrase, ann)
    if len(phrase.split()) <= 2 and last == k + 1 and _bare(toks[last].group()) in ann.vocab.institutions:
        # "пресс-служба банка", "the ministry's press service": the body it serves, when the article named it in full
        body = _fuller_organisation(text, at, toks[last].group(), "", ann)
        if len(body.split()) >= 3:
            phrase = body
    if not any(c.isupper() for c in phrase):
        # a generic word for a body named before ("сообщили в ведомстве", "в сообщении компании"): that body
        generic = next((w for w in reversed(_NAME_TOKEN.findall(phrase)) if _bare(w) in ann.vocab.referring_bodies), None)
        if generic is not None:                   # "пресс-служба компании": the company's
            body = _antecedent_body(text, at, _bare(generic), ann)
            if body and body[:1].isupper() and ann.morph is None \
                    and _bare(body.split()[0]) in ann.vocab.referring_bodies[_bare(generic)]:
                # its fullest form ("Bank of Kazakhstan" -> "National Bank of Kazakhstan"); not a name
                # that stood after a generic word ("company KazMunayGas")
                body = _fuller_organisation(text, at, body.split()[0], body, ann)
            if body is None and issuer:
                # no body of that kind named before: the body the sentence before cites ("В пресс-службе
                # Россельхознадзора сообщили, что … «…», — говорится в ответе ведомства")
                cited = _body_cited_before(text, _sentences_before(text, at, 1), ann, at, phrase)
                body = cited.speaker if cited is not None and any(c.isupper() for c in cited.speaker) else None
            phrase = body or phrase
    mention = words[:toks[last].end()].strip(" ,.-–—")
    if len(mention) > len(phrase) + 12:
        mention = words[toks[first].start():toks[last].end()]
    return Attribution(phrase, mention, False, "organization")


_LONE_BODY = re.compile(r"\s+([^\W\d_][\w-]*[^\W\d_])[\s.,;!?…]*$")
_BRACKETED_ABBREVIATION = re.compile(r"\(([^\W\d_a-zа-яё]{2,8})\)")
_QUOTED_NAME = re.compile(r" ?[«“„\"]([^«»“”„\"\n.!?]{1,40}(?:[«“„\"][^«»“”„\"\n.!?]{1,40})?)[»”“\"]")


def _body_after_document(words: str, toks: list, k: int, ann: Annotator) -> str | None:
    """The name of a body right after the document word toks[k], in the genitive ("в релизе ЕАБР", "в сообщении
    Росстата"), in the nominative; None when no such name follows, or it is a person or an office."""
    if k + 1 >= len(toks) or words[toks[k].end():toks[k + 1].start()] != " " or _bare(toks[k].group()) not in \
            ann.vocab.documents:
        return None
    head = toks[k + 1].group()
    if not head[0].isupper() or head.lower() in ann.not_names or ann.role_re.fullmatch(head) \
            or ann.vocab.country_of(head) or (ann.morph is not None and ann.morph.first_reading_is_name(head)):
        return None
    _, last = _org_extent(words, toks, k + 1, ann)
    phrase = words[toks[k + 1].start():toks[last].end()]
    return ann.morph.nominative_phrase(phrase) if ann.morph is not None and not head.isupper() else phrase


def _antecedent_body(text: str, at: int, word: str, ann: Annotator) -> str | None:
    """The body a generic word refers back to: the nearest name before `at` built on one of the head words the
    pack's `referring_bodies` allows for that word ("в ведомстве" after "в пресс-службе Минфина": Минфин; "в
    сообщении компании" after "АО «НАК «Казатомпром»": Казатомпром). None when the pack has no such word
    or the article names no such body in the 4,000 characters before."""
    heads = ann.vocab.referring_bodies.get(word)
    if not heads:
        return None
    window = text[max(0, at - 4000):at]
    toks = list(_NAME_TOKEN.finditer(window))
    joiners = set(ann.joiners or ())
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        if _bare(t.group()) not in heads:
            continue
        named = (t.group()[0].islower() or t.group().isupper() or _bare(t.group()) in ann.vocab.referring_bodies) \
            and _QUOTED_NAME.match(window, t.end())
        if named:       # компания «Казатомпром», АО «KEGOC», the company “MAZ” (not "Минфина «Курсиву» пояснили")
            return " ".join(re.sub(r"[«»“”„\"]", " ", named.group(1)).split())
        if not t.group()[0].isupper():
            # a generic word right before a name ("state oil company KazMunayGas (KMG)", "в компании ADY
            # Container"): that name; else the generic word itself, or another like it
            name = _name_after_noun(window, toks, i, ann) or _name_before_apposition(window, toks, i, ann)
            if name:
                return name
            if i > 0 and toks[i - 1].group()[0].isupper() and window[toks[i - 1].end():t.start()] == " ":
                # a name that opens with a capitalised word before the generic one, with its abbreviation in
                # brackets ("Национальное агентство по регулированию в энергетике (АНРЭ)"): the abbreviation
                short = _BRACKETED_ABBREVIATION.search(window, t.end(), min(len(window), t.end() + 90))
                if short is not None and "." not in window[t.end():short.start()]:
                    return short.group(1)
            continue
        first = i
        if ann.morph is None:
            # a name with words before its head word ("Anadolu Yapı Holding", "National Bank of Kazakhstan")
            while first > 0 and i - first < 5 and window[toks[first - 1].end():toks[first].start()] == " " \
                    and toks[first - 1].group()[:1].isupper() and not toks[first - 1].group().endswith(("’s", "'s")) \
                    and toks[first - 1].group().lower() not in ann.not_names \
                    and not ann.vocab.country_of(toks[first - 1].group()):
                first -= 1
        last = i
        while last + 1 < len(toks) and last - i < 8:
            gap, nxt = window[toks[last].end():toks[last + 1].start()], toks[last + 1].group()
            if gap != " ":
                break
            low = nxt.lower()
            if low in joiners or ann.vocab.country_of(nxt) or (nxt[0].isupper() and (
                    _bare(nxt) in ann.vocab.institutions or toks[last].group().lower() in joiners)) \
                    or (nxt[0].islower() and ann.morph is not None and ann.morph.genitive(nxt)):
                last += 1
            else:
                break
        while last > i and toks[last].group().lower() in joiners:
            last -= 1
        phrase = window[toks[first].start():toks[last].end()]
        return ann.morph.nominative_phrase(phrase) if ann.morph is not None else phrase
    return _impersonal_body(text, at, ann)


def _impersonal_body(text: str, at: int, ann: Annotator) -> str | None:
    """The body a sentence of the two before `at` has speak with no person named: a pack's `body_prepositions`
    word, a capitalised name, maybe the outlet told, then a cue ("В Россельхознадзоре РИА Новости сообщили" ->
    Россельхознадзор), in the nominative."""
    if not ann.vocab.body_prepositions:
        return None
    for sp in reversed(_sentences_before(text, at, 2)):
        cue = ann.cue_re.search(sp.text)
        if cue is None:
            continue
        toks = list(_NAME_TOKEN.finditer(sp.text, 0, cue.start()))
        if len(toks) < 2 or toks[0].group().lower() not in ann.vocab.body_prepositions:
            continue
        quoted = _QUOTED_NAME.match(sp.text, toks[0].end())
        if quoted and quoted.group(1)[:1].isupper() and not _outlet_at(quoted.group(1), 0):
            # a body in marks ("В «Казахстан темир жолы» “Ъ” заявили"): its name, if only an outlet follows
            told = re.sub(r"^\s*\([^()]{1,12}\)", "", sp.text[quoted.end():cue.start()]).strip(" ,")   # (КТЖ)
            if not told or _outlet_at(told, 0) or (told[:1] in _PAIRS and _words(told) <= 2):
                return " ".join(re.sub(r"[«»“”„\"]", " ", quoted.group(1)).split())
            continue
        # the name, up to the outlet told ("РИА Новости", «Курсиву»), which may close the words before the cue
        k = next((k for k in range(1, len(toks)) if _outlet_at(sp.text, toks[k].start())
                  or sp.text[toks[k].start() - 1:toks[k].start()] in _PAIRS), len(toks))
        name, told = toks[1:k], ""
        if k < len(toks):
            told_at = toks[k].start() - (sp.text[toks[k].start() - 1] in _PAIRS)     # from its opening mark
            told = sp.text[told_at:cue.start()]
        outlet_only = not told or ((_outlet_at(told, 0) or told[:1] in _PAIRS) and _words(told) <= 3)
        if not name or not outlet_only or len(name) > 4 or any(not t.group()[:1].isupper() for t in name) \
                or any(sp.text[a.end():b.start()] != " " for a, b in zip(name, name[1:])):
            continue
        phrase = sp.text[name[0].start():name[-1].end()]
        return ann.morph.nominative_phrase(phrase) if ann.morph is not None else phrase
    return None


def _name_after_noun(window: str, toks: list, i: int, ann: Annotator) -> str | None:
    """The capitalised name right after the generic word toks[i], in apposition to it ("company KazMunayGas
    (KMG)" -> KazMunayGas, "компании ADY Container" -> ADY Container); None when a lower-case word, a sign, a
    title or a word that is never a name ("the company Monday", "the company’s CEO") comes first."""
    head = toks[i].group()
    if head.endswith(("’s", "'s")):
        return None
    joiners = set(ann.joiners or ())
    last = before_joiner = None
    k = i + 1
    while k < len(toks) and k - i <= 6 and window[toks[k - 1].end():toks[k].start()] == " ":
        word = toks[k].group()
        piece = window[toks[k].start():].split(None, 1)[0].rstrip(".,;:)»”\"")
        if _outlet_word(word) or _outlet_word(piece):
            break        # the outlet told ("в компании Zhengzhou Lanhai Motors Kun.uz сообщили")
        if piece.endswith(("’s", "'s")) and before_joiner is not None:
            last = before_joiner     # past a joiner, another owner's name: "company KazMunayGas and Abu Dhabi's ADNOC"
            break
        if word[:1].isupper() and word.lower() not in ann.not_names and (
                ann.vocab.country_of(word) or not ann._is_title_word(word)):   # a country's name may open it
            last = k
        elif last is None or word.lower() not in joiners:
            break
        else:
            before_joiner = last
        k += 1
    if last is None:
        return None
    end = toks[last].end()
    if window[end - 2:end] in ("’s", "'s"):
        end -= 2                                 # "company KazMunayGas's plant": KazMunayGas
    return window[toks[i + 1].start():end]


def _name_before_apposition(window: str, toks: list, i: int, ann: Annotator) -> str | None:
    """The capitalised name an apposition that ends with the generic word toks[i] describes ("Kazatomprom, the
    world's largest uranium producer" -> Kazatomprom): a determiner, then at most five words in lower case
    (possessives too), after a comma and the name, and a sign after it. Only in a language with determiners."""
    dets = ann.determiners
    if not dets or window[toks[i].end():toks[i].end() + 1] not in (",", ".", ";", ")"):
        return None      # the apposition closes after its noun ("Forbes Kazakhstan, the company said" is none)
    j = i - 1
    while j > 0 and i - j <= 6 and toks[j].group().lower() not in dets:
        if not toks[j].group()[:1].islower():
            return None
        j -= 1
    if j <= 0 or toks[j].group().lower() not in dets or window[toks[j - 1].end():toks[j].start()] != ", ":
        return None
    k = j - 1
    if not toks[k].group()[:1].isupper() or toks[k].group().endswith(("’s", "'s")):
        return None
    first = k
    while first > 0 and k - first < 5 and window[toks[first - 1].end():toks[first].start()] == " " \
            and toks[first - 1].group()[:1].isupper() and not toks[first - 1].group().endswith(("’s", "'s")) \
            and toks[first - 1].group().lower() not in ann.not_names:
        first -= 1
    return window[toks[first].start():toks[k].end()]


_INITIAL_TAIL = re.compile(r"(?<=\s)[^\W\d_]\.[^\S\n]?$")     # an initial ending the words before a name
_INITIAL_BEFORE = re.compile(r"(?<![\w.])([^\W\d_]\.)[^\S\n]?$")


_GLOSS = re.compile(r" \(([^\W\d_][\w’'-]*(?: [^\W\d_][\w’'-]*){0,2})\)(?= )")   # " (Governor)"
_GLOSSED = re.compile(r"[^\W\d_][\w’'-]*$")                                            # the word before it


def _without_glosses(text: str, ann: Annotator) -> str:
    """`text` with a role's gloss in brackets taken out of the way of the name after it ("Hokim (Governor) of
    Samarkand Region Bakhtiyor Usmonov" is read as "Hokim of Samarkand Region …"): the role moves right over
    the gloss, so every other offset stays. Only the places of " (" are tried (a pattern that opens with a
    word would be tried at every character of the article)."""
    out = None
    at = text.find(" (")
    while at > 0:
        m = _GLOSS.match(text, at)
        w = _GLOSSED.search(text, max(0, at - 60), at) if m else None
        if w and ann.role_re.fullmatch(m.group(1)) and ann.role_re.fullmatch(w.group()):
            out = out if out is not None else list(text)
            out[w.start():m.end()] = " " * (m.end() - w.start() - len(w.group())) + w.group()
        at = text.find(" (", m.end() if m else at + 2)
    return "".join(out) if out is not None else text


def _same_given_name(a: str, b: str) -> bool:
    """True unless two given names plainly differ (Nurlan and Gulnara Abenov(a) are two people); spellings of
    one name (Yerlan, Erlan, Ерлан) and an initial ("N.") agree."""
    from rapidfuzz.distance import Levenshtein
    x, y = (_name_tokens(a) or ("",))[0], (_name_tokens(b) or ("",))[0]
    return not (x and y) or x.startswith(y) or y.startswith(x) or Levenshtein.normalized_similarity(x, y) >= 0.6


def _bare(word: str) -> str:
    """A word in lower case without a possessive ending (ministry's -> ministry)."""
    w = word.lower()
    return w[:-2] if w.endswith(("’s", "'s")) else w


def _issuer(text: str, at: int, document: str | None, ann: Annotator, mention: str) -> Attribution | None:
    """The body that issued the document a quote is attributed to, named in one of the two sentences before it.

    "The Foreign Ministry issued a statement. “…,” it reads." -> the Foreign Ministry. `document` is the
    document word of the attribution (None for a pronoun: any document word counts). None when those
    sentences name a document but no body, or no document.
    """
    key = ann.normalise(document) if document else None
    before = _sentences_before(text, at, 2)
    for sp in reversed(before):
        toks = list(_NAME_TOKEN.finditer(sp.text))
        docs = [t for t in toks if (ann.normalise(_bare(t.group())) == key) if key] if key else \
            [t for t in toks if _bare(t.group()) in ann.vocab.documents]
        if not docs:
            continue
        d = toks.index(docs[0])
        named = _body_after_document(sp.text, toks, d, ann)
        if named is None and d + 1 < len(toks) and _bare(toks[d + 1].group()) in ann.vocab.referring_bodies \
                and toks[d + 1].group()[:1].islower():
            # "Как следует из письма ведомства, …": the body the generic word refers back to
            named = _antecedent_body(text, sp.start + toks[d + 1].start(), _bare(toks[d + 1].group()), ann)
        if named is not None:
            return Attribution(named, mention, False, "organization")      # "… отмечается в релизе ЕАБР."
        bodies = [i for i, t in enumerate(toks) if _bare(t.group()) in ann.vocab.institutions and t.group()[0].isupper()
                  and t.start() < docs[0].start()]
        if not bodies:
            # no body word: the subject of "X said in a statement" issued it ("Azerbaijan Railways (ADY) said in a
            # statement that …"), or the body a generic subject refers to ("The company said in a statement")
            subject = _subject_of_cue(sp.text[:docs[0].start()], ann, mention)
            if subject is None:
                cue = _last_cue(ann, sp.text, 0, docs[0].start())
                lead = sp.text[:cue.start()] if cue is not None else ""
                generic = _organisation(lead, ann, text, at, issuer=False) if lead.strip() and _words(lead) <= 6 else None
                if generic is not None and generic.speaker[:1].isupper():
                    subject = Attribution(generic.speaker, mention, False, "organization")
            return subject
        # the body nearest the document ("trade in the Eurasian Economic Union rose, the Eurasian Economic
        # Commission said in a statement": the commission), in its longest extent
        first, last = max((_org_extent(sp.text, toks, b, ann) for b in bodies), key=lambda fl: (fl[1], -fl[0]))
        while first < last and not toks[first].group()[0].isupper():
            first += 1
        phrase = sp.text[toks[first].start():toks[last].end()]
        if ann.morph is not None:
            phrase = ann.morph.nominative_phrase(phrase)
        return Attribution(phrase, mention, False, "organization")
    return _body_cited_before(text, before, ann, at, mention)


def _body_cited_before(text: str, before: list, ann: Annotator, at: int, mention: str) -> Attribution | None:
    """The body the sentence before attributes its words to ("…, сообщила пресс-служба банка. «…», — говорится
    в сообщении": the press service); `before` holds the sentences before the quote."""
    if before:
        sp = before[-1]
        cue = _last_cue(ann, sp.text)
        if cue is not None and not ann.speaker_follows(cue.group()):
            after = " ".join(sp.text[cue.end():].split()[:8])
            # what follows "сообщили, что …" / "said that …" is what was said, not who said it
            said = after.lstrip(" ,").split(" ", 1)[0].lower() in {c.lower() for c in ann.vocab.complementizers}
            org = (None if said else _organisation(after, ann, text, at, issuer=False)) \
                or _subject_of_cue(sp.text[:cue.end()], ann, mention) \
                or _organisation(sp.text[max(sp.text.rfind(",", 0, cue.start()) + 1, 0):cue.start()], ann, text, at,
                                 issuer=False)
            # the body the words after the cue name, or whoever is named right before it ("В приветствии участникам
            # форума Шавкат Мирзиёев отметил, что … «…», — говорится в обращении": Мирзиёев)
            if org is not None:
                return Attribution(org.speaker, mention, False, "organization")
    return None


def _subject_of_cue(before: str, ann: Annotator, mention: str) -> Attribution | None:
    """The capitalised name right before the last cue of `before` ("Azerbaijan Railways (ADY) said in a"), as
    an organisation; None when there is no cue or no such name."""
    cue = _last_cue(ann, before)
    if cue is None:
        return None
    lead = before[:cue.start()].rstrip()
    lead = re.sub(r"\s*\([^()]{1,20}\)$", "", lead)          # "(ADY)"
    runs = [r for at, r in _capitalised_runs(lead) if at + len(r) == len(lead)]
    if not runs or runs[-1].lower() in ann.not_names:
        return None
    name = runs[-1]
    if ann.morph is not None:
        name = ann.morph.nominative_phrase(name)
    return Attribution(name, mention, False, "organization")


def _org_extent(words: str, toks: list, k: int, ann: Annotator) -> tuple[int, int]:
    """Token range of the organisation name around token k: modifiers before it, its capitalised complement after."""
    def joined(a, b):
        gap = words[toks[a].end():toks[b].start()]
        if gap == ", " and toks[b].group()[0].isupper() and b > k:
            # a list inside a name: "Ministry of Investment, Industry and Trade"
            return re.match(r"[^\W\d_][\w’'-]*\s+(?:" + "|".join(map(re.escape, ann.joiners or ["and"])) + r")\s+[^\W\d_]",
                            words[toks[b].start():], re.I) is not None
        return "\n" not in gap and not _NOT_WORDY.search(gap)    # never over a line break (a headline)
    first = k
    while first > 0 and joined(first - 1, first) and toks[first - 1].group().lower() not in ann.not_names \
            and (_bare(toks[first - 1].group()) not in ann.vocab.documents or _bare(toks[k].group()) in ann.vocab.documents) \
            and k - first < 6:     # a body's name never starts with a document (в заявлении Министерства …)
        first -= 1
    last = k
    while last + 1 < len(toks) and joined(last, last + 1) and last - k < 8 and (
            toks[last + 1].group()[0].isupper() or toks[last + 1].group().lower() in ann.joiners
            or ann.vocab.country_of(toks[last + 1].group())
            or (last > k and " ".join(name_tokens(toks[last + 1].group())) in ann.vocab.roles)   # of the president
            or (ann.morph is not None and ann.morph.genitive(toks[last + 1].group()))):
        last += 1
    while last > k and toks[last].group().lower() in ann.joiners:
        last -= 1
    return first, last


def _fuller_organisation(text: str, at: int, word: str, phrase: str, ann: Annotator) -> str:
    """The longest earlier name in the article built on the same organisation word ("the ministry")."""
    key = ann.normalise(word)
    best = phrase
    window = text[max(0, at - 20000):at]
    toks = list(_NAME_TOKEN.finditer(window))
    placed = None
    for i, t in enumerate(toks):
        if ann.normalise(t.group()) != key:
            continue
        if t.group()[0].isupper():
            first, last = _org_extent(window, toks, i, ann)
            while first < i and not toks[first].group()[0].isupper():
                first += 1
            cand = window[toks[first].start():toks[last].end()]
            if len(cand) > len(best):
                best = cand
        elif ann.morph is not None and i + 1 < len(toks) and toks[i + 1].group()[0].isupper() \
                and window[t.end():toks[i + 1].start()] == " " and ann.morph.genitive(toks[i + 1].group()):
            placed = i
    if best == phrase and placed is not None and len(phrase.split()) <= 1:
        # no capitalised name of it: a generic head with its place in the genitive ("акимата Шымкента")
        _, last = _org_extent(window, toks, placed, ann)
        best = ann.morph.nominative_phrase(window[toks[placed].start():toks[last].end()])
    return best


_INNER_OPENER = re.compile(r"[“„«‹‘‚\"]|(?<=\s)'")


def _inner_quotes(text: str, outer: Span, ann: Annotator, people: ArticlePeople):
    """(span, attribution) of each quote nested in a direct span right after a cue naming its speaker."""
    if outer.close_at is None or outer.end - outer.start < 8 or not _INNER_OPENER.search(text, outer.start, outer.end):
        return
    found, _ = _spans_in_paragraph(text, outer.start, outer.end, outer.para, None)
    for inner in found:
        if inner.close_at is None or _words(text[inner.start:inner.end]) < 2:
            continue
        seg_start = outer.start
        for m in _SENT_END.finditer(text, outer.start, inner.open_at):
            seg_start = m.end()
        seg = text[seg_start:inner.open_at]
        cue = _last_cue(ann, seg)
        if cue is None or _words(seg[cue.end():]) > 3 or not (
                seg.rstrip().endswith((",", ":")) or not seg[cue.end():].strip()):
            continue
        clause = max(seg.rfind(",", 0, cue.start()), seg.rfind(";", 0, cue.start()), seg.rfind(":", 0, cue.start())) + 1
        who = [t for t in _NAME_TOKEN.finditer(seg, clause, cue.start()) if t.group().lower() not in ann.not_names]
        if not who:
            who = [t for t in _NAME_TOKEN.finditer(seg, cue.end()) if t.group().lower() not in ann.not_names]
        if not who:
            # only a pronoun or nothing names the speaker ("they said 'pay us on time'"): a quote, speaker open
            inner.kind = "direct"
            yield inner, Attribution("", seg[clause:cue.start()].strip(), False, "none")
            continue
        mention = seg[who[0].start():who[-1].end()]
        at = seg_start + who[0].start()
        a = Attribution("", mention, False, "none")
        # a name (the capitalised words at the end: "Prime Minister Roman Golovchenko"), else a title, else as written
        k = len(who)
        while k > 0 and who[k - 1].group()[0].isupper() and not ann._is_title_word(who[k - 1].group()):
            k -= 1
        name = seg[who[k].start():who[-1].end()] if k < len(who) else ""
        if ann.morph is not None and name:
            name = ann.morph.nominative(name)[0]
        person = ann.roster.match_name(name) if name else None
        if person is not None:
            a = Attribution(person.name, mention, True, "roster")
        elif len(name.split()) > 1:
            owner = people.surname_owner(name)
            a = Attribution(owner or name, mention, bool(owner and people.persons[owner]["in_roster"]), "name")
        elif ann.role_re.search(mention):
            key, in_roster = ann.resolve_title(mention, people, at, people.mentions)
            if key:
                a = Attribution(key, mention, in_roster, "coreference")
        elif name:
            owner = people.surname_owner(name)
            if owner:
                a = Attribution(owner, mention, people.persons[owner]["in_roster"], "coreference")
        inner.kind = "direct"
        yield inner, a


def _header(prev) -> tuple[str, int]:
    """The previous paragraph, when it is a line ending with ':' that introduces this quote."""
    if prev.text.rstrip().endswith(":") and not any(c in prev.text for c in "“”\"«»„"):
        last = re.split(r"(?<=[.!?])\s+", prev.text)[-1]
        return last, prev.end - len(last)
    return "", 0


def _resolved(m: Mention, ann: Annotator, people: ArticlePeople, at: int, text: str = "") -> Attribution:
    if m.kind == "title" and m.key is None:
        # "the governor, Ivan Petrov": a name in apposition names the person
        # ("председатель правления фонда Айгерим Сейтказы"): so does a name a few words after the title
        k = _mentions_before(people, m.start + 1)
        nxt = next((x for x in people.mentions[k:k + 20] if x.start > m.start and x.kind == "name"), None)
        if nxt is not None and nxt.key and (0 < nxt.start - m.end <= 3 or (
                nxt.start - m.end <= 60 and _words(text[m.end:nxt.start]) <= 4
                and not _NOT_WORDY.search(text[m.end:nxt.start]))):
            m = nxt
        else:
            # "Bakytzhan Sagintayev, the akim of Almaty, said": the name the title stands in apposition to
            prev = people.mentions[k - 2] if k >= 2 and people.mentions[k - 1] is m else None
            if prev is not None and prev.kind == "name" and prev.key and text[prev.end:m.start] == ", ":
                m = prev
            elif not any(x.key for x in people.mentions[:k] if x is not m):
                # a title before anyone is named (a headline: "Georgia's deputy economy minister: ‘…’"): the
                # one person the article goes on to give that office
                key = ann.resolve_title_ahead(m.surface, people)
                if key:
                    return Attribution(key, m.surface, people.persons[key]["in_roster"], "coreference")
    if m.kind == "pronoun":
        key = ann.resolve_pronoun(m.surface, people, m.start)
        if key:
            unnamed = _unnamed_since(text, key, min(m.start, at), ann, people)
            if unnamed is not None:
                return unnamed
            return Attribution(key, m.surface, people.persons[key]["in_roster"], "coreference")
        return Attribution("", m.surface, False, "none")
    if m.key is None:
        return Attribution("", m.surface, False, "none")
    in_roster = people.persons.get(m.key, {}).get("in_roster", False)
    if m.kind == "title":
        # "— сказал собеседник агентства" after a source the article leaves unnamed, or "the spokesperson said"
        # after "A spokesperson for KTZ said": that source
        unnamed = _unnamed_since(text, m.key, min(m.start, at), ann, people)
        head = _NAME_TOKEN.findall(m.surface.lower())[-1:]
        if unnamed is not None and (_led_by_person_noun(m.surface, ann) or (
                head and head[0] in _NAME_TOKEN.findall(unnamed.mention.lower()))):
            return unnamed
        return Attribution(m.key, m.surface, in_roster, "coreference")
    conf = "roster" if in_roster else "name"
    if in_roster and len(m.surface.split()) == 1 and ann.roster.match_name(m.surface) is None:
        conf = "coreference"
    return Attribution(m.key, m.surface, in_roster, conf)


def _unnamed_since(text: str, key: str, upto: int, ann: Annotator, people: ArticlePeople) -> Attribution | None:
    """A speaker the article leaves unnamed, brought in after the last mention of `key` and within the 600
    characters before `upto` (the quote a back-reference such as "он" or "собеседник агентства" attributes;
    `key` is whom the back-reference would otherwise stand for): a sentence that opens with the
    pack's `unnamed` noun or an indefinite and a person noun ("Источник в правительстве сообщил …", "A
    source close to the talks said …"), or such a noun right after a cue the speaker follows ("По словам
    источника в Минэнерго"). None when there is none: the back-reference stays with `key`."""
    if not text or not ann.vocab.unnamed:
        return None
    lo = max(0, upto - 600)
    # the last mention of `key` in the window (mentions in text order: a bounded look back, not the article)
    for x in reversed(people.mentions[_mentions_before(people, lo):_mentions_before(people, upto)]):
        if x.key == key and x.end <= upto:
            lo = max(lo, x.end)
            break
    found = None
    starts = people.sentence_starts
    quoted = people.quoted.contains if people.quoted is not None else (lambda pos: False)
    for at in starts[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, upto)]:
        if not quoted(at) and _someone_new(text[at:at + 80].lower(), ann):
            found = at
    rx = _anonymity_regex(ann.vocab.anonymity)
    for a in (rx.finditer(text, lo, upto) if rx is not None else ()):
        if quoted(a.start()):
            continue
        # the words before the phrase, back to its sentence's start: whom it describes ("Представитель
        # одного из российских трейдеров, пожелавший остаться неназванным")
        k = bisect.bisect_right(starts, a.start()) - 1
        at = max(starts[k] if k >= 0 else 0, lo)
        if found is None or at > found:
            found = at
    for cue in ann.cue_re.finditer(text, lo, upto):
        if ann.speaker_follows(cue.group()) and not quoted(cue.start()):
            after = cue.end() + len(text[cue.end():upto]) - len(text[cue.end():upto].lstrip())
            if _someone_new(text[after:after + 80].lower(), ann) and (found is None or after > found):
                found = after
    if found is None or found >= upto:
        return None
    # the words that bring the source in, to the end of their clause or sentence ("A senior U.S. administration
    # official", "Источник в правительстве Казахстана")
    k = bisect.bisect_right(starts, found)
    stop = min(upto, starts[k]) if k < len(starts) else upto
    words = re.split(r"[,;:!?«»“”\"(]", text[found:stop], maxsplit=1)[0].split()[:6]
    return Attribution("", " ".join(words), False, "none")


# --------------------------------------------------------------------------- public API


def quotes_in_text(text: str, article_id: str = "", roster: Roster | None = None, year: int | None = None,
                   annotator: Annotator | None = None, lang: str = "en") -> pd.DataFrame:
    """Quote rows (QUOTE_COLUMNS) for one text in language `lang` (a language pack code)."""
    return pd.DataFrame(quote_rows(text, article_id, roster, year, annotator, lang=lang), columns=QUOTE_COLUMNS)


def quote_rows(text: str, article_id: str = "", roster: Roster | None = None, year: int | None = None,
               annotator: Annotator | None = None, people_out: list | None = None, lang: str = "en") -> list[dict]:
    """The rows of `quotes_in_text` as dicts (no DataFrame per article: cheaper on large corpora).

    With `people_out` (a list), the article's resolved person mentions are
    appended to it, for `narrative_speaker`.
    """
    roster = roster or load_roster()
    ann = (annotator or Annotator(roster)).for_language(lang)
    paras = paragraphs(text)
    spans = find_spans(text, ann.cue_re, ann.vocab.dialogue_dash, paras)
    _context(text, spans, paras, ann.vocab.institutions)
    credits = _Intervals(ann._credit_lines(text)) if spans else None
    for s in spans:
        s.kind = _classify(text, s, ann.cue_re, ann.intro_re, ann.vocab.institutions, ann.complementizer_re)
        if s.kind != "title" and credits.spans and credits.contains(s.open_at):
            s.kind = "title"          # "Фото: «Хроника Туркменистана»": a credit, never a statement
    _headline_echoes(text, spans)
    for prev, s in zip(spans, spans[1:]):
        # “Our countries,” he said, “are close friends.”: a statement split by its attribution
        if prev.para != s.para or prev.close_at is None:
            continue
        between = text[prev.close_at + 1:s.open_at]
        if not (_words(between) <= 10 and ann.cue_re.search(between) and not _STOP_MARK.search(between)):
            continue
        if s.kind == "title":
            continue        # a name in marks inside the attribution (председатель правления АО «KTZ»)
        if prev.kind == "direct" and s.kind == "partial":
            s.kind = "direct"
        elif prev.kind != "direct" and not prev.pre.strip() and s.kind in ("partial", "direct") \
                and text[s.start:s.start + 1].islower():
            prev.kind = s.kind = "direct"   # “Transit,” she said, “is an economic matter.”
    quoted = [(s.open_at, (s.close_at if s.close_at is not None else s.end) + 1) for s in spans]
    people = ann.scan(_without_glosses(text, ann), year, quoted)
    reported_paras = {s.para for s in spans if s.kind == "direct" and not s.dash}
    turns = transcript_turns(text, ann.vocab.lang, ann.vocab.dialogue_dash, paras,
                             attributed=lambda p: _dash_attribution(text, p.start, p.end, ann.cue_re) is not None,
                             is_person=lambda label: _label_speaker(label, ann, people) is not None
                             or bool(re.match(r"[^\W\d_]\.\s?[^\W\d_]", label)),
                             reported=lambda n: n in reported_paras,
                             narrated=lambda p: _narrated(p.text, ann))
    if turns:
        # speech in an interview or transcript: the turns replace whatever marks their paragraphs hold
        in_turn = {t.para for t in turns}
        spans = [s for s in spans if s.para not in in_turn and s.end_para not in in_turn]
    if people_out is not None:
        people_out.append(people)
    # utterances: direct spans joined by nothing but an attribution clause, or continued paragraphs
    utterances: list[list[Span]] = []
    for s in spans:
        if s.kind != "direct":
            continue
        if utterances:
            prev = utterances[-1][-1]
            between = text[(prev.close_at if prev.close_at is not None else prev.end) + 1:s.open_at]
            same_para = prev.para == s.para and _words(between) <= 12 and "\n" not in between.strip() \
                and (not between.strip() or ann.cue_re.search(between) or between.strip() in ".,") \
                and not (_SENT_END.search(between) and _own_attribution(s, ann))   # “A,” said X. “B,” replied Y.
            if s.continued or same_para:
                utterances[-1].append(s)
                continue
        utterances.append([s])
    rows = []
    attributions: list[Attribution] = []
    for u in utterances:
        a = _attribute(text, u, ann, people, paras)
        attributions.append(a)
    # quotes with no cue in reach: the speaker of the enclosing run of quote paragraphs, else the nearest person
    for k, (u, a) in enumerate(zip(utterances, attributions)):
        if a.speaker and a.confidence == "organization" and not any(c.isupper() for c in a.speaker) \
                and any(_bare(w) in ann.vocab.documents for w in _NAME_TOKEN.findall(a.speaker)):
            # a document of no named body ("говорится в пресс-релизе"): the body an earlier quote's document had
            body = next((b.speaker for b in reversed(attributions[:k]) if b.confidence == "organization"
                         and b.speaker[:1].isupper()), None)
            if body:
                attributions[k] = Attribution(body, a.mention or a.speaker, False, "organization")
            continue
        if a.speaker:
            continue
        prev_u = utterances[k - 1] if k else None
        if a.mention and _someone_new(a.mention, ann):
            continue  # "a senior Kyrgyz official said": someone the article has not named
        described = bool(a.mention) and _person_noun_phrase(a.mention, ann)
        if a.mention and ann.role_re.search(a.mention) and not described:
            continue  # a role named as the speaker ("— заявил аким") that the article never tied to a name
        if described:
            # "said the 54-year-old farmer", "— говорит фермер", "— сказал дипломат": the person the article
            # was just telling of (not the speaker of the quote before, when someone else was named since)
            key = ann.resolve_pronoun("", people, u[0].open_at)
            if key:
                # ... unless a source the article leaves unnamed came in since ("Источник в правительстве
                # сообщил, что … «…», — сказал собеседник агентства")
                attributions[k] = _unnamed_since(text, key, u[0].open_at, ann, people) or Attribution(
                    key, a.mention, people.persons[key]["in_roster"], "coreference")
                continue
        if prev_u and attributions[k - 1].speaker and _adjacent(text, paras, prev_u[-1], u[0]):
            # ... unless a source the article leaves unnamed came in between ("A source in the government, who
            # asked not to be named, said … “…,” the source said.")
            unnamed = _unnamed_since(text, attributions[k - 1].speaker, u[0].open_at, ann, people) \
                if a.mention and attributions[k - 1].speaker in people.persons else None
            attributions[k] = unnamed or Attribution(attributions[k - 1].speaker, a.mention,
                                                     attributions[k - 1].in_roster, "header")
            continue
        if a.mention:
            continue  # a mention we could not resolve stays as written, speaker empty
        key = ann.resolve_pronoun("", people, u[0].open_at)
        if key:
            attributions[k] = Attribution(key, "", people.persons[key]["in_roster"], "nearest")
    # a quote inside a statement whose text says who said it (“As X told me, ‘…’”): its own utterance
    for u in list(utterances):
        for outer in u:
            for inner, a in _inner_quotes(text, outer, ann, people):
                utterances.append([inner])
                attributions.append(a)
                spans.append(inner)
    for u, a in _turn_utterances(text, turns, paras, ann, people):
        utterances.append(u)
        attributions.append(a)
        spans.extend(u)
    spans.sort(key=lambda x: (x.start, -x.end))
    # someone the article leaves unnamed ("a senior official", "источник в правительстве"): the noun that
    # stands for them, marked as such (once per utterance)
    for k, a in enumerate(attributions):
        if not a.speaker and a.mention:
            noun = _unnamed_noun(a.mention, ann)
            if noun:
                attributions[k] = Attribution(noun, a.mention, a.in_roster, UNNAMED)
    n = 0
    aid = article_id
    by_span = {}
    merged: set[int] = set()
    for k, (u, a) in enumerate(zip(utterances, attributions)):
        head = None
        for s in u:
            if head is not None and s.continued and s.para > head.end_para and s.kind == head.kind \
                    and _only_marks(text[head.end:s.start]):
                # the same quote carried on into the next paragraph (its mark repeated, or an interview
                # answer running on): one row from the first opening to the last closing
                head.end, head.close_at, head.end_para = s.end, s.close_at, s.end_para
                merged.add(id(s))
                continue
            head = s
            by_span[id(s)] = (k, a)
    for s in spans:
        if id(s) in merged:
            continue
        k, a = by_span.get(id(s), (None, Attribution()))
        rows.append({
            "article_id": aid, "quote_id": f"{aid}#q{n}", "utterance_id": f"{aid}#u{k}" if k is not None else "",
            "cluster_id": "", "kind": s.kind, "text": text[s.start:s.end], "speaker": a.speaker,
            "speaker_mention": a.mention, "speaker_in_roster": bool(a.in_roster), "confidence": a.confidence,
            "start": s.start, "end": s.end, "paragraph": s.para,
        })
        n += 1
    return rows


UNNAMED = "unnamed"     # the `confidence` of a speaker the article leaves unnamed; `speaker` is the noun for them


def _unnamed_noun(mention: str, ann: Annotator) -> str:
    """The noun that stands for a speaker the words `mention` leave unnamed, in its dictionary form: the
    first of the pack's `unnamed` nouns or person nouns ("a senior Kyrgyz official" -> official,
    "Источник в казахстанской делегации" -> источник, "a farmer from the village" -> farmer), or a role
    that brings in someone new (`_someone_new`) or opens the words ("Представитель одного из банков",
    "аким"); '' otherwise: a title the article may tie to a name it gives ("the minister",
    "Georgia's deputy economy minister") is unresolved, not unnamed, and so is an abbreviation ("KAM")."""
    toks = _NAME_TOKEN.findall(mention)[:8]
    roles = bool(toks) and (bool(ann.role_re.fullmatch(toks[0])) or _someone_new(mention, ann))
    for t in toks:
        low = t.lower()
        lemma = ann.morph.lemma(low) if ann.morph is not None else low     # any case and number: трейдеров
        if low in ann.vocab.unnamed or low in ann.vocab.person_nouns or lemma in ann.vocab.unnamed \
                or lemma in ann.vocab.person_nouns or (roles and ann.role_re.fullmatch(t)):
            return lemma
    return ""


def attributed(quotes: pd.DataFrame) -> pd.Series:
    """True for the quotes whose speaker the article names (a person or a body): not unresolved, nor
    someone unnamed (``confidence`` unnamed), whom no per-speaker count should pool across articles."""
    named = quotes["speaker"].fillna("") != ""
    if "confidence" in quotes:
        named &= quotes["confidence"] != UNNAMED
    return named


_MARKS_AND_SPACE = re.compile(r"[\s\"'“”„«»‘’‚‹›<>…]*")


def _only_marks(between: str) -> bool:
    """Nothing but quote marks, space and elision between two parts of one quote."""
    return _MARKS_AND_SPACE.fullmatch(between) is not None


def _turn_utterances(text: str, turns: list[Turn], paras, ann: Annotator, people: ArticlePeople):
    """Direct quotes from an interview's answers and a transcript's named turns, one utterance per turn."""
    if not turns:
        return []
    interviewee = None
    out: list[tuple[list[Span], Attribution]] = []
    for t in turns:
        if t.role == "question":
            continue
        s = Span(t.start, t.end, t.start, t.end, t.para, continued=not t.label, kind="direct")
        if t.label or not out or out[-1][0][-1].para != t.para - 1:
            if t.role == "answer":
                if interviewee is None:
                    interviewee = _interviewee(text, paras, turns[0].para, ann, people)
                a = interviewee
            else:
                a = _label_speaker(t.speaker_label, ann, people) or Attribution(
                    t.speaker_label, t.speaker_label, False, "name")   # a name the article gives nowhere else
            out.append(([s], a))
        else:
            out[-1][0].append(s)
    return out


def _narrated(paragraph: str, ann: Annotator) -> bool:
    """True when a paragraph reports speech in the third person: a cue and no word of the pack's
    `first_person` ("The minister added that the government plans …", "Asked about X, she said …"), not an
    answer that runs on ("We also signed an agreement …")."""
    if not ann.vocab.first_person or not ann.cue_re.search(paragraph):
        return False
    return not any(w.lower() in ann.vocab.first_person for w in _NAME_TOKEN.findall(paragraph))


def _label_speaker(label: str, ann: Annotator, people: ArticlePeople) -> Attribution | None:
    """The person a transcript label names (“В.Путин”, “Aleksei Bogdanov”); None when the article and
    the roster know no such person."""
    if _INITIALS.fullmatch(label.strip()):
        # initials alone ("D.K.", "Т.К."): the one person the article names with them
        letters = [c.upper() for c in label if c.isalpha()]
        owners = [k for k in people.persons if len(k.split()) >= 2
                  and [w[0].upper() for w in k.split()][-len(letters):] == letters]
        if len(owners) == 1:
            return Attribution(owners[0], label, people.persons[owners[0]]["in_roster"], "coreference")
    key = people.surname_owner(label)
    if key:
        in_roster = people.persons[key]["in_roster"]
        full = len(name_tokens(label)) >= 2 and not re.match(r"[^\W\d_]\.", label)
        return Attribution(key, label, in_roster, "roster" if in_roster else "name" if full else "coreference")
    person = ann.roster.match_name(label)
    if person is not None:
        return Attribution(person.name, label, True, "roster")
    return None


def _interviewee(text: str, paras, first_turn: int, ann: Annotator, people: ArticlePeople) -> Attribution:
    """Who answers in an interview: the person the headline and lead name most (bylines aside)."""
    byline = byline_paragraph(ann.vocab.lang)
    end = paras[first_turn].start
    skip = [(p.start, p.end) for p in paras[:first_turn] if byline is not None and byline.match(p.text)]
    if byline is not None:
        # a byline inside a line ("Forbes Kazakhstan | 28 октября | Беседовала Динара Бекмухамедова"): up to
        # the line's end
        for b in byline.finditer(text, 0, end):
            if b.start() > 0 and text[b.start()].isupper() and not text[b.start() - 1].isalnum():
                line_end = text.find("\n", b.start())
                skip.append((b.start(), len(text) if line_end < 0 else line_end))
    counts: dict[str, int] = {}
    order: dict[str, int] = {}
    given: dict[str, str] = {}      # first word of a name -> the person first named with it
    question_end = paras[first_turn].end if first_turn < len(paras) else end
    for m in people.mentions:
        if m.start >= question_end:
            break
        if m.kind != "name" or not m.key or any(a <= m.start < b for a, b in skip):
            continue
        first = m.key.split()[0]
        if m.start >= end:
            # the first question's address by a given name ("— Тимур Нурланович, …"): the person so named
            if first in given and len(m.key.split()) > 1:
                counts[given[first]] += 1
            continue
        given.setdefault(first, m.key)
        counts[m.key] = counts.get(m.key, 0) + 1
        order.setdefault(m.key, m.start)
    if not counts:
        return Attribution()
    key = max(counts, key=lambda k: (counts[k], -order[k]))
    return Attribution(key, "", people.persons.get(key, {}).get("in_roster", False), "header")


def narrative_speaker(text: str, pos: int, sentence_start: int, people: ArticlePeople, ann: Annotator,
                      sentence_end: int | None = None) -> str:
    """Who a narrative sentence attributes the words at `pos` to, or "".

    "According to X, trade reached $1 bn" and "X said (that) trade reached
    $1 bn" give X (resolved like a quote's speaker); so does a closing clause
    "…, X said." / "…, said X." of the sentence (ending at `sentence_end`);
    anything else gives "".
    """
    clause = text[sentence_start:pos]
    cue = _last_cue(ann, clause)
    m = None
    if cue is not None:
        at = sentence_start + cue.start()
        if ann.speaker_follows(cue.group()):
            m = next((x for x in people.mentions if sentence_start + cue.end() <= x.start < pos), None)
        else:
            m = next((x for x in reversed(people.mentions) if sentence_start <= x.start and x.end <= at), None)
    if m is None:
        return _closing_attribution(text, pos, sentence_end, people, ann) if sentence_end else ""
    return _resolved(m, ann, people, pos, text).speaker


def _closing_attribution(text: str, pos: int, end: int, people: ArticlePeople, ann: Annotator) -> str:
    """The speaker of a sentence's closing clause after `pos` ("…of a $4.7 billion railway, Kyrgyz Cabinet
    Chairman Adylbek Kasymaliev said."): a cue and a person in the words after the last comma, or ""."""
    comma = text.rfind(",", pos, end)
    if comma < 0:
        return ""
    tail = text[comma + 1:end].rstrip(" .!?…").lstrip(" —–-")     # ", — сообщил министр."
    if _words(tail) > 12 or _NOT_WORDY.search(_unquoted(tail)):
        return ""
    cue = ann.cue_re.search(tail)
    if cue is None:
        return ""
    lo = _mentions_before(people, comma)
    m = next((x for x in people.mentions[lo:lo + 6] if comma < x.start and x.end <= end), None)
    if m is None:
        # a body ("…, говорится в сообщении министерства", "…, the ministry said")
        org = None if _led_by_person_noun(tail, ann) else _organisation(tail[cue.end():] if not tail[:cue.start()].strip()
                                                                       else tail[:cue.start()], ann, text, pos)
        return org.speaker if org is not None else ""
    return _resolved(m, ann, people, pos, text).speaker


def _headline_echoes(text: str, spans: list[Span]) -> None:
    """A quote in the headline that the body quotes in full is an echo, not a second statement."""
    def norm(s: Span) -> str:
        return " ".join(_WORD_RUN.findall(text[s.start:s.end].lower()))
    if not any(s.para == 0 and s.kind == "direct" for s in spans):
        return
    body = [norm(s) for s in spans if s.para > 0 and s.kind == "direct"]
    for s in spans:
        if s.para == 0 and s.kind == "direct":
            words = norm(s)
            if words and any(words in b for b in body):
                s.kind = "partial"


def _own_attribution(s: Span, ann: Annotator) -> bool:
    """True when a cue follows the span's closing mark in its clause (“…,” replied Y)."""
    cue = ann.cue_re.search(s.post) if s.close_at is not None else None
    return bool(cue and _words(s.post[:cue.start()]) <= 12)


def _adjacent(text: str, paras, a: Span, b: Span) -> bool:
    """True when only quote text stands between two utterances (a run of quote paragraphs)."""
    if b.para - a.para > 1:
        return False
    if b.pre.strip():
        return False
    if a.para == b.para:
        return True
    tail = text[(a.close_at if a.close_at is not None else a.end) + 1:paras[a.para].end]
    return _words(tail) <= 12


def direct_spans(quotes: pd.DataFrame | None) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of the direct quotes in `quotes`, in text order."""
    if quotes is None or quotes.empty:
        return []
    d = quotes[quotes["kind"] == "direct"]
    return sorted(zip(d["start"].astype(int), d["end"].astype(int), d["speaker"].fillna("")))


def extract_quotes(articles: pd.DataFrame, roster: Roster | None = None, cluster_threshold: float | None = None) -> pd.DataFrame:
    """Quote rows for every article, with cross-article clusters (see module docstring)."""
    roster = roster or load_roster()
    ann = Annotator(roster)
    frames = []
    for a in articles.itertuples(index=False):
        frames.append(quotes_in_text(a.text, a.article_id, roster, article_year(a.published), ann))
    if not frames:
        return pd.DataFrame(columns=QUOTE_COLUMNS)
    quotes = pd.concat(frames, ignore_index=True)
    return cluster_quotes(quotes, threshold=cluster_threshold or roster.vocab.cluster_threshold)


def cluster_quotes(quotes: pd.DataFrame, threshold: float = 0.6, max_postings: int = 200) -> pd.DataFrame:
    """Give the same `cluster_id` to the same statement reported by different articles.

    Two direct spans by the same speaker in different articles are the same
    statement when their normalised words are similar (rapidfuzz token-set
    ratio / 100 >= threshold, and plain ratio >= 0.8 x threshold). Candidates
    are found through shared content words (an inverted index per speaker,
    ignoring words in more than `max_postings` spans), so the cost grows with
    the number of look-alike spans, not with the square of the corpus.
    Every direct span gets a cluster id; singletons keep their own.
    """
    from functools import partial

    import numpy as np
    from rapidfuzz import fuzz

    from .speakers import root

    quotes = quotes.copy()
    is_direct = (quotes["kind"] == "direct").to_numpy(dtype=bool, na_value=False)
    labels = quotes.index[is_direct]
    order = np.argsort(labels.to_numpy(), kind="stable")          # in index order, as the clusters are numbered
    direct = labels[order]
    texts = quotes["text"].to_numpy(dtype=object)[is_direct][order]
    speakers = quotes["speaker"].to_numpy(dtype=object)[is_direct][order]
    # the same words are quoted by many articles: each distinct text is normalised once
    words = re.compile(r"[^\W_]+")         # letters and digits of any script (Cyrillic too)
    text_code, distinct = pd.factorize(texts, use_na_sentinel=False)
    norm_code, norms = pd.factorize(np.array([" ".join(words.findall(str(t).lower())) for t in distinct],
                                             dtype=object), use_na_sentinel=False)
    norm_code = norm_code[text_code]
    # identical wording by the same speaker: one statement, no fuzzy matching needed; the first span of each
    # (speaker, wording) stands for it (`reps`, in index order)
    spoken = np.fromiter((bool(x) for x in speakers), dtype=bool, count=len(speakers))
    speaker_code, _ = pd.factorize(speakers, use_na_sentinel=False)
    same = np.where(spoken, speaker_code.astype(np.int64) * max(len(norms), 1) + norm_code, -1)
    _, first, statement = np.unique(same, return_index=True, return_inverse=True)
    first_spoken = first[spoken[first]]
    reps = np.sort(first_spoken).tolist()
    parent = list(range(len(reps)))
    find = partial(root, parent)
    # candidates: later spans by the same speaker sharing enough content words, counted over the postings
    # (speaker, word) of at most `max_postings` spans, as arrays: one sort, no Python loop per shared word
    word_ids: dict[str, int] = {}
    content = [np.array(sorted({word_ids.setdefault(w, len(word_ids)) for w in norm.split() if len(w) > 3}),
                        dtype=np.int64) for norm in norms]      # of each distinct wording, once
    rep_words = [content[k] for k in norm_code[reps].tolist()]
    sizes = np.array([len(w) for w in rep_words], dtype=np.int64)
    rep_at = np.repeat(np.arange(len(reps), dtype=np.int64), sizes)
    words_at = np.concatenate(rep_words) if rep_words else np.zeros(0, dtype=np.int64)
    key_at = speaker_code[reps].astype(np.int64).repeat(sizes) * max(len(word_ids), 1) + words_at
    for left, right in _sharing_pairs(rep_at, key_at, np.maximum(2, (0.3 * sizes).astype(np.int64)), max_postings):
        if find(left) == find(right):
            continue
        a, b = norms[norm_code[reps[left]]], norms[norm_code[reps[right]]]
        if fuzz.token_set_ratio(a, b) / 100 >= threshold and fuzz.ratio(a, b) / 100 >= threshold * 0.8:
            parent[find(right)] = find(left)
    # one cluster per group of statements, numbered in index order; a span without a speaker is its own
    rep_no = np.full(len(same), -1, dtype=np.int64)
    rep_no[reps] = np.arange(len(reps))
    group = np.arange(len(same), dtype=np.int64)
    group[spoken] = np.array([find(k) for k in range(len(reps))], dtype=np.int64)[rep_no[first[statement[spoken]]]]
    group[~spoken] += len(reps)
    _, seen, which = np.unique(group, return_index=True, return_inverse=True)
    number = np.empty(len(seen), dtype=np.int64)
    number[np.argsort(seen, kind="stable")] = np.arange(len(seen))
    quotes.loc[direct, "cluster_id"] = [f"c{k}" for k in number[which].tolist()]
    return quotes


def _sharing_pairs(rep_at, key, need, max_postings: int):
    """(earlier, later) positions of the spans that share at least `need[earlier]` posting keys.

    `rep_at[k]` is the span (ascending) and `key[k]` the (speaker, word) key of
    its k-th posting; keys held by more than `max_postings` spans are ignored.
    The pairs within each key's postings are made with numpy and counted with
    one sort, so the cost is that of the pairs, not of Python loops over them."""
    import numpy as np
    if not len(rep_at):
        return []
    order = np.lexsort((rep_at, key))
    key, rep = key[order], rep_at[order]
    first = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    size = np.diff(np.r_[first, len(key)])
    end = np.repeat(first + size, size)               # where each posting's key group ends
    later = np.where(np.repeat(size, size) <= max_postings, end - np.arange(len(key)) - 1, 0)
    total = int(later.sum())
    if not total:
        return []
    left = np.repeat(rep, later)
    offset = np.arange(total) - np.repeat(np.cumsum(later) - later, later)
    right = rep[np.repeat(np.arange(len(key)) + 1, later) + offset]
    span = int(rep.max()) + 1
    pairs, shared = np.unique(left * span + right, return_counts=True)
    left, right = pairs // span, pairs % span
    keep = shared >= need[left]
    return zip(left[keep].tolist(), right[keep].tolist())
