"""Interviews and transcripts: speech that carries no quote marks.

Two layouts are read, both common in news:

* speaker labels at the start of a paragraph — ``Q:`` / ``A:``,
  ``Вопрос:`` / ``Ответ:``, ``Kazinform:``, ``В.Путин:``, ``Aleksei Bogdanov:``.
  A paragraph without a label continues the turn before it.
* a question-and-answer interview set off by dashes (``— Как …?`` /
  ``— Мы …``), in languages whose pack sets ``dialogue_dash``.

`transcript_turns` finds the turns; the quote extractor turns every answer or
named turn into direct quotes of its speaker. The words (question and answer
labels, byline words) come from each language pack's ``interview.yml``; a
pack without that file still reads name labels.

An article is read as a transcript only when its labels look like one: at
least two labelled paragraphs, and either a question/answer pair or a label
that recurs or names a person. So "Photo: …" and "Source: …" lines stay prose.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .lang import pack
from .text import paragraphs

_LABEL = re.compile(
    r"(?P<label>(?:[^\W\d_]\.\s?){0,2}[^\W\d_][\w’'.-]*(?:[ \t]+[^\W\d_][\w’'.-]*){0,3})[ \t]*:[ \t]+(?=\S)")
_DASH = re.compile(r"[—–-][ \t\u00a0]+(?=\S)")
_MAX_LABEL = 40
_MAX_QUESTION = 400     # characters: a longer paragraph that ends with a question is prose, not an interviewer's


@dataclass
class Turn:
    start: int          # first character of the speech (after the label or dash)
    end: int
    para: int
    label: str          # the label as written ("В.Путин", "A"); "" for dash turns and continuations
    role: str           # question | answer | named
    speaker_label: str  # the label of the turn this paragraph belongs to


@dataclass(frozen=True)
class InterviewWords:
    questions: frozenset[str]
    answers: frozenset[str]
    bylines: tuple[str, ...]
    not_labels: frozenset[str]
    marks: tuple[str, ...] = ()     # words that open a line of the lead of an interview ("Беседовала", "Interview by")


@lru_cache(maxsize=None)
def interview_words(lang: str | None) -> InterviewWords:
    data = pack(lang).section("interview") or {}
    low = lambda key: frozenset(str(w).casefold() for w in (data.get(key) or []))  # noqa: E731
    return InterviewWords(low("questions"), low("answers"), tuple(str(w) for w in (data.get("bylines") or [])),
                          low("not_labels"), tuple(sorted(low("interview_marks"), key=len, reverse=True)))


def _label_at(text: str, p, words: InterviewWords) -> re.Match | None:
    if ":" not in p.text:
        return None      # every label ends with a colon
    m = _LABEL.match(text, p.start, p.end)
    if m is None or len(m.group("label")) > _MAX_LABEL:
        return None
    label = m.group("label")
    folded = label.casefold()
    if folded in words.questions or folded in words.answers:
        return m
    if folded in words.not_labels:
        return None
    if not all(t[:1].isupper() for t in label.replace(".", ". ").split()) and folded not in _outlet_labels():
        return None      # a sentence's words before a colon, not a name (an outlet may be written in lower case)
    return m


@lru_cache(maxsize=1)
def _outlet_labels() -> frozenset[str]:
    """The outlets `data/outlets.yml` knows, case-folded: an interviewer's outlet as a label (“bne IntelliNews:”)."""
    from .corpus import _outlets
    found = _outlets()
    return frozenset(a.casefold() for a in found[1]) if found else frozenset()


def _is_question(body: str) -> bool:
    return body.rstrip().rstrip("»”\"").endswith("?")


def _asks_before_answer(paras, n: int) -> bool:
    """True when paragraph `n` is short and asks, and the paragraph after it does not (an interviewer's
    question printed as a paragraph of its own, then its answer)."""
    return 0 < n < len(paras) - 1 and len(paras[n].text) <= _MAX_QUESTION and _is_question(paras[n].text) \
        and not _is_question(paras[n + 1].text)


def transcript_turns(text: str, lang: str | None = None, dash: bool = False, paras=None,
                     attributed=None, is_person=None, reported=None, narrated=None) -> list[Turn]:
    """The turns of an interview or transcript in `text` ([] when it is ordinary prose).

    `attributed(paragraph)` tells a dash paragraph that names its speaker
    (“— Мы готовы, — сказал он.”): such dialogue is reportage, not an interview.
    `is_person(label)` tells a label that names a person; without a question
    and answer pair, name labels make a transcript only when one of them does
    (so "Kazakhstan: $2.1 billion" lines stay a list). `reported(n)` tells a
    paragraph that quotes someone in marks with a cue («…», — сказал он): in a
    dash interview it ends the answer before it, as reportage after the talk.
    `narrated(paragraph)` tells one that reports speech in the third person
    ("The minister added that …"): it ends a turn it would otherwise continue.
    """
    paras = paras if paras is not None else paragraphs(text)
    words = interview_words(lang)
    labelled = [(n, m) for n, p in enumerate(paras) if n > 0 and (m := _label_at(text, p, words))]
    turns = _labelled_turns(text, paras, labelled, words, is_person, narrated) if len(labelled) >= 2 else []
    if not turns and dash:
        turns = _dash_turns(text, paras, attributed, reported)
    if not turns and words.marks:
        turns = _plain_turns(text, paras, words, reported, narrated)
    return turns


_LEAD = 6    # paragraphs, headline included, where an interview says it is one


def _plain_turns(text: str, paras, words: InterviewWords, reported=None, narrated=None) -> list[Turn]:
    """An interview printed with neither labels nor dashes (its questions were bold in the paper): a lead line
    that opens with one of the pack's `interview_marks` ("Беседовала Анна Ким", "Interview by …",
    "INTERVIEW: …"), then at least two short paragraphs that ask, each followed by one that does not. The
    paragraphs after a question, up to the next one, are its answer."""
    marked = next((n for n, p in enumerate(paras[:_LEAD]) for w in words.marks
                   if p.text.casefold().startswith(w) and not p.text[len(w):len(w) + 1].isalnum()), None)
    if marked is None:
        return []
    asks = [n for n in range(max(1, marked), len(paras) - 1) if _asks_before_answer(paras, n)]
    if len(asks) < 2:
        return []
    questions = set(asks)
    turns: list[Turn] = []
    current: Turn | None = None
    for n in range(asks[0], len(paras)):
        p = paras[n]
        if n in questions:
            current = Turn(p.start, p.end, n, "", "question", "")
            turns.append(current)
        elif (reported is not None and reported(n)) or (
                narrated is not None and current is not None and current.role == "answer" and narrated(p)):
            current = None       # reportage again: an answer does not run on past a quote the article attributes
        elif current is not None:
            dash = _DASH.match(text, p.start, p.end)
            current = Turn(dash.end() if dash else p.start, p.end, n, "", "answer", "")
            turns.append(current)
    return turns


def _labelled_turns(text: str, paras, labelled, words: InterviewWords, is_person=None, narrated=None) -> list[Turn]:
    labels = [m.group("label") for _, m in labelled]
    folded = [x.casefold() for x in labels]
    has_q = any(x in words.questions for x in folded)
    has_a = any(x in words.answers for x in folded)
    counts = Counter(folded)
    qa = has_q and has_a
    named = [x for x in folded if x not in words.questions and x not in words.answers]
    recurring = any(counts[x] >= 2 for x in named)
    # Q/A labels; a question label answered by a recurring name label (`Q:` … `Nurmagambetova:`); or several names
    if not (qa or (has_q and recurring) or (len(set(named)) >= 2 and (recurring or len(named) >= 3))):
        return []
    # a name label whose turns mostly ask something, or who the lead names as the presenter, is the interviewer
    asks: dict[str, list[bool]] = {}
    for n, m in labelled:
        asks.setdefault(m.group("label").casefold(), []).append("?" in paras[n].text)
    interviewer = {x for x, qs in asks.items() if x not in words.answers and sum(qs) * 2 > len(qs)}
    presenters = _presenters(text, paras[:labelled[0][0]], words)
    interviewer |= {x for x in asks if x not in words.answers and _surname(x) in presenters}
    # without Q/A labels, an interviewer facing someone else, or a label naming a known person, makes it a transcript
    if not qa and not (interviewer and set(asks) - interviewer) and is_person is not None \
            and not any(is_person(x) for x in list(dict.fromkeys(labels))[:20]):
        return []
    turns: list[Turn] = []
    first = labelled[0][0]
    at = dict(labelled)
    current: Turn | None = None
    for n in range(first, len(paras)):
        p = paras[n]
        m = at.get(n)
        if m is not None:
            label = m.group("label")
            x = label.casefold()
            role = "question" if (x in words.questions or x in interviewer) else \
                "answer" if x in words.answers else "named"
            current = Turn(m.end(), p.end, n, label, role, label)
            turns.append(current)
        elif narrated is not None and narrated(p):
            current = None       # the article tells of the talk again ("The minister added that …")
        elif current is not None:
            turns.append(Turn(p.start, p.end, n, "", current.role, current.speaker_label))
    return turns


def _surname(label: str) -> str:
    tokens = re.findall(r"[^\W\d_][\w’'-]*", label.casefold())
    return tokens[-1] if tokens else ""


def _presenters(text: str, intro, words: InterviewWords) -> set[str]:
    """Surnames of the people the lead names as presenter or interviewer (`Presenter: Zhanna Kairatova`,
    `Беседовала Ольга Ким`)."""
    cues = sorted({*words.questions, *(w.casefold() for w in words.bylines)} - {"q", "в"}, key=len, reverse=True)
    if not cues:
        return set()
    rx = re.compile(r"(?:^|\b)(?:" + "|".join(re.escape(c) for c in cues) + r")\s*[:,—–-]?\s*"
                    r"((?:[^\W\d_][\w’'-]*\.?\s+){0,2}[^\W\d_][\w’'-]*)", re.I)
    out = set()
    for p in intro:
        for m in rx.finditer(p.text):
            name = m.group(1)
            if name[:1].isupper():
                out.add(_surname(name))
    return out


def _asks_first(body: str) -> bool:
    """True when a short turn's first sentence is a question ("— А Иран? Это рынок с рисками.")."""
    q = body.find("?")
    return 0 <= q and len(body) <= 200 and not any(c in body[:q] for c in ".!…")


def _dash_turns(text: str, paras, attributed=None, reported=None) -> list[Turn]:
    """A dash interview: dash paragraphs that ask, answered by the dash paragraphs after them; or questions
    printed as paragraphs of their own (bold in the paper, no dash), each answered by a dash paragraph."""
    dashed = [(n, m) for n, p in enumerate(paras) if n > 0 and (m := _DASH.match(text, p.start, p.end))]
    if attributed is not None and sum(1 for n, _ in dashed if attributed(paras[n])) * 4 > len(dashed):
        return []
    at = dict(dashed)
    questions = [n for n, _ in dashed if _is_question(paras[n].text)]
    answers = [n for n, _ in dashed if not _is_question(paras[n].text)]
    # a short paragraph with no dash that asks, right before a dash paragraph that does not: a question
    plain = {n for n in range(len(paras)) if n not in at and n + 1 in at and _asks_before_answer(paras, n)}
    if len(plain) >= 2 and len(plain) > len(questions):
        questions = sorted(plain)
    else:
        plain = set()
    if len(questions) < 2 or len(answers) < 2:
        return []
    turns: list[Turn] = []
    current: Turn | None = None
    for n in range(min(dashed[0][0], questions[0]), len(paras)):
        p = paras[n]
        m = at.get(n)
        if n in plain:
            current = Turn(p.start, p.end, n, "", "question", "")
            turns.append(current)
        elif m is not None and plain:
            current = Turn(m.end(), p.end, n, "", "answer", "")    # every dash paragraph answers
            turns.append(current)
        elif m is not None:
            # turns alternate: after an answer, a short turn that asks something first is the next question
            # ("— А Иран? Это рынок с санкционными рисками.")
            asks = _is_question(p.text) or (current is not None and current.role == "answer"
                                            and _asks_first(p.text))
            role = "question" if asks else "answer"
            current = Turn(m.end(), p.end, n, "", role, "")
            turns.append(current)
        elif reported is not None and reported(n):
            current = None       # reportage again: an answer does not run on past a quote the article attributes
        elif current is not None and current.role == "answer":
            turns.append(Turn(p.start, p.end, n, "", "answer", ""))
    return turns


def byline_paragraph(lang: str | None) -> re.Pattern | None:
    """The words that open a byline paragraph (`By …`, `Беседовала …`), None when the pack has none."""
    words = interview_words(lang).bylines
    if not words:
        return None
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
