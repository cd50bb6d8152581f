"""Text helpers shared by the loader and the extractors.

Every helper that splits text returns character offsets into the string it was
given, so that whatever an extractor finds can be traced back to its sentence.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# Characters replaced one-for-one, so that normalisation keeps offsets stable
# for everything but line endings and invisible characters.
_SAME_LENGTH = str.maketrans({
    "\u00a0": " ",   # no-break space
    "\u2007": " ",   # figure space
    "\u202f": " ",   # narrow no-break space
    "\u2009": " ",   # thin space
    "\u2002": " ", "\u2003": " ", "\u3000": " ",
    "\u2010": "-",   # hyphen
    "\u2011": "-",   # non-breaking hyphen
    "\t": " ",
})
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SAME_LENGTH_MAP = {chr(k): v for k, v in _SAME_LENGTH.items() if chr(k) != "\t"}
_SPECIAL = re.compile("[" + "".join(_SAME_LENGTH_MAP) + "]")


def normalise(raw: str) -> str:
    """Text as the extractors see it: NFC, LF line ends, plain spaces and hyphens.

    Soft hyphens, zero-width characters and byte-order marks are removed.
    Article offsets everywhere in the package refer to this normalised text.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        text = _SPECIAL.sub(lambda m: _SAME_LENGTH_MAP[m.group()], text)
    return text.replace("\t", " ")


_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_JOINERS = "-'’"


def code_points(text: str) -> np.ndarray:
    """The code points of `text` as an array (lone surrogates kept): one vectorised pass in place of a
    Python step per character."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


@lru_cache(maxsize=1)
def _word_classes() -> np.ndarray:
    """Per character of the Basic Multilingual Plane: 1 for a letter or digit (str.isalnum, what `[^\\W_]`
    matches), 2 for a joiner inside a word (- ' ’), else 0."""
    table = np.zeros(0x10000, dtype=np.uint8)
    table[[i for i in range(0x10000) if chr(i).isalnum()]] = 1
    table[[ord(c) for c in _JOINERS]] = 2
    return table


def count_words(text: str) -> int:
    """Number of words (letters or digits, inner hyphens and apostrophes kept): the matches of `_WORD`.

    Counted on the array of code points: a word starts at a letter or digit that follows neither another
    one nor a joiner that follows one. Five times faster than `_WORD.findall` on news text; a text with
    characters beyond the Basic Multilingual Plane is counted by the regex."""
    cps = code_points(text)
    if not len(cps) or int(cps.max()) > 0xFFFF:
        return len(_WORD.findall(text))
    kind = _word_classes()[cps]
    word = kind == 1
    start = word.copy()
    start[1:] &= ~word[:-1]
    start[2:] &= ~((kind[1:-1] == 2) & word[:-2])
    return int(np.count_nonzero(start))


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines: news text puts one paragraph on a line."""
    out = []
    for m in _LINE.finditer(text):
        line = m.group()
        body = line.strip()
        if body:
            s = m.start() + len(line) - len(line.lstrip())
            out.append(Span(s, s + len(body), body))
    return out


def _sentence_words(p, path, key: str) -> list[str]:
    """The words under `key` of pack `p`'s ``sentences.yml`` (at `path`), its keys checked."""
    from .config import Checker
    check = Checker(path)
    data = check.mapping(p.section("sentences"), "", allowed={"abbreviations", "boilerplate"})
    return check.texts(data.get(key), key)


@lru_cache(maxsize=8)
def _boilerplate_re(lang: str) -> re.Pattern | None:
    """A line that is the site's, not the article's, in language `lang`: the phrases of the pack's
    ``sentences.yml`` ``boilerplate`` at the start of a line, as whole words."""
    from .lang import pack
    p = pack(lang)
    path = p.file("sentences")
    phrases = _sentence_words(p, path, "boilerplate") if path else []
    if not phrases:
        return None
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(phrases, key=len, reverse=True))
    return re.compile(r"^[^\S\n]*(?:" + alt + r")(?!\w)([^\n]*)", re.I | re.M)


def without_boilerplate(text: str, lang: str | None) -> str:
    """`text` with the lines a site adds around an article ("Read also: …", "Читайте также: …", "Tags: …")
    blanked out by spaces: the same length, so every offset still points into the article as read."""
    rx = _boilerplate_re(lang) if lang else None
    if rx is None:
        return text
    out = None
    for m in rx.finditer(text):
        out = out if out is not None else list(text)
        end = m.end()
        if not m.group(1).strip(" :—–-|»›"):
            # a heading alone ("Read Next", "Читайте также:"): the headlines under it go too, up to a line
            # that reads as the article's (long, or ending a sentence)
            while end < len(text):
                line_end = text.find("\n", end + 1)
                line_end = len(text) if line_end < 0 else line_end
                line = text[end + 1:line_end].strip()
                if line and (len(line) > 150 or line.endswith((".", "!", "?", "»", "”", "\"", ":"))):
                    break
                end = line_end
        out[m.start():end] = re.sub(r"[^\n]", " ", text[m.start():end])    # line breaks stay
    return "".join(out) if out is not None else text


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Abbreviations after which a full stop does not end a sentence: the union of every
    language pack's ``sentences.yml`` (an article in one language quotes words of another)."""
    from .lang import packs_with
    out: set[str] = set()
    for p, path in packs_with("sentences"):
        out.update(w.lower().rstrip(".") for w in _sentence_words(p, path, "abbreviations"))
    return frozenset(out)

_LINE = re.compile(r"[^\n]+")
# the word before a full stop (at most 40 characters back: abbreviations and initials are short)
_LAST_WORD = re.compile(r"([\w.]+)\.?$")
_CLOSERS = "\"'”’»“)]"
# a sentence end inside a line: stops (and closing marks) followed by space and a character in the same line
_STOP_IN_LINE = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=[^\S\n]+(\S))")


def sentences(text: str, start: int = 0, end: int | None = None) -> tuple[Span, ...]:
    """Sentences of text[start:end] with offsets into text.

    Memoised for the last few texts: quotes, figures and themes all split the
    same article, and splitting it once is enough.

    Splits after . ! ? … (and any closing quote or bracket) followed by space
    and an upper-case letter, digit or opening quote; never inside a line
    break-free abbreviation such as "Mr." or "U.S.", and always at a line break.
    """
    return _sentences(text, start, len(text) if end is None else end)


@lru_cache(maxsize=8)
def _sentences(text: str, start: int, end: int) -> tuple[Span, ...]:
    abbrev = abbreviations()
    out: list[Span] = []
    # every stop followed, in its line, by space and a character: one pass over the whole text
    stops = _STOP_IN_LINE.finditer(text, start, end)
    m = next(stops, None)
    for para in _LINE.finditer(text, start, end):
        p0, p1 = para.span()
        s = p0
        while m is not None and m.start() < p1:
            c = text[m.start(1)]      # the first character after the space
            if c.isupper() or c.isdigit() or c in "\"“«„‘'(":
                at = m.start()
                if text[at] == ".":
                    # the word the stop ends: only the last space-separated chunk can hold it (a regex
                    # search over the whole window would try every start in it)
                    word = _LAST_WORD.search(text[max(s, at - 40):at + 1].rsplit(None, 1)[-1])
                    if word:
                        token = word.group(1).rstrip(".").lower()
                        if token in abbrev or (len(token) == 1 and token.isalpha()):
                            m = next(stops, None)
                            continue
                e = m.end()
                out.append(_trimmed(text, s, e))
                s = e
            m = next(stops, None)
        part = text[s:p1]
        body = part.strip()
        if body:
            s += len(part) - len(part.lstrip())
            out.append(Span(s, s + len(body), body))
    return tuple(out)


def _trimmed(text: str, s: int, e: int) -> Span:
    part = text[s:e]
    body = part.strip()
    if len(body) != len(part):
        s += len(part) - len(part.lstrip())
    return Span(s, s + len(body), body)


def fold(text: str) -> str:
    """Lower-case ASCII form for matching names across spellings (Mäjilis -> majilis)."""
    from unidecode import unidecode
    return unidecode(text).lower()
