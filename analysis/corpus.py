"""Read a folder of articles into a DataFrame.

`load_corpus(folder)` walks the folder recursively and reads

* ``.txt`` files: headline on the first line, then an optional date line
  (``12:58, 5 February``, ``date 2026-02-04``, ``25 April 2013``,
  ``April 25, 2013``, ISO ...), then the body;
* ``.md`` files with optional YAML front matter (title, date, source, url,
  language);
* ``.html`` / ``.htm`` saved web pages: the main text found by trafilatura
  (navigation, ads, scripts and comments dropped; nothing is run), with the
  page's metadata (title, date, site name, canonical URL) as front matter;
* an optional manifest (``manifest.csv`` or ``manifest.yml``) whose values win
  over whatever is inferred from the files.

Bad input never stops the run: every file that cannot be read, or is read
with a caveat, gets a one-line reason in ``Corpus.problems``. Nothing in the
folder is ever written to.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import logging
import os
import re
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from .lang import detect_language, language_code
from .text import count_words, normalise

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5_000_000
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
# Files that may live beside the articles without being articles.
CONFIG_SUFFIXES = {".csv", ".yml", ".yaml", ".json", ".tsv"}
MANIFEST_NAMES = ("manifest.csv", "manifest.yml", "manifest.yaml")

ARTICLE_COLUMNS = [
    "article_id", "path", "title", "published", "date_precision", "date_source",
    "year_known", "source", "url", "language", "text", "n_words", "sha256",
]
PROBLEM_COLUMNS = ["file", "action", "problem"]
MANIFEST_FIELDS = ("title", "published", "source", "url", "language")


@dataclass
class Corpus:
    """Articles and the problems met while reading them."""
    root: Path
    articles: pd.DataFrame
    problems: pd.DataFrame
    manifest: Path | None = None
    read_cache: dict = field(default_factory=dict)     # {"hits": n, "misses": n} when a cache was used

    @property
    def date_range(self) -> tuple[str | None, str | None]:
        known = self.articles.loc[self.articles["year_known"], "published"]
        if known.empty:
            return None, None
        return str(known.min()), str(known.max())


@dataclass
class _Problems:
    rows: list = field(default_factory=list)

    def skip(self, file: str, why: str) -> None:
        log.warning("skipped %s: %s", file, why)
        self.rows.append({"file": file, "action": "skipped", "problem": why})

    def warn(self, file: str, why: str) -> None:
        log.info("%s: %s", file, why)
        self.rows.append({"file": file, "action": "read with caveat", "problem": why})

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=PROBLEM_COLUMNS)


class ArticleError(Exception):
    """A file that cannot be used as an article; the message says why."""


# --------------------------------------------------------------------------- bytes


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode article bytes; returns (text, caveat or None).

    UTF-8 (with or without BOM) first; a file that is UTF-8 but for a few
    stray bytes (one pasted run in cp1251, say) is decoded with U+FFFD for
    those bytes and a caveat. Otherwise charset-normalizer's candidates, where
    a language pack's legacy encoding (``encodings.yml``: cp1251, cp1252 ...)
    wins over an exotic code page that fits no better. NUL bytes are binary
    at the start of a file and dropped (with a caveat) further on. Raises
    ArticleError for binary data.
    """
    if not data.strip():
        raise ArticleError("empty file")
    head = data[:8192]
    utf16 = head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")
    if b"\x00" in head and not utf16:
        raise ArticleError("binary file (contains NUL bytes), not text")
    text, caveat = _decode_text(data)
    if "\x00" in text:
        caveat = "; ".join(filter(None, [caveat, f"{text.count(chr(0))} NUL byte(s) dropped"]))
        text = text.replace("\x00", "")
    return text, caveat


def _decode_text(data: bytes) -> tuple[str, str | None]:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, bad = mostly
        return text, f"not valid UTF-8: {bad} byte(s) from offset {first_bad} replaced by \ufffd"
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise ArticleError(f"not valid UTF-8 (bad byte at offset {first_bad}) and no other encoding fits")
    best = matches[0]
    text, encoding = str(best), best.encoding
    preferred = _legacy_encodings()
    if _codec(encoding) not in preferred:
        # an exotic code page: a pack's legacy encoding that reads at least as plausibly wins
        sample = data[:65536]
        tries = []
        for i, enc in enumerate(preferred):
            try:
                tries.append((_implausible(sample.decode(enc)), i, enc))
            except UnicodeDecodeError:
                continue
        if tries:
            score, _, enc = min(tries)
            if score <= _implausible(text[:65536]):
                text, encoding = data.decode(enc), enc
    if _looks_binary(text):
        raise ArticleError("binary file, not text")
    return text, f"not UTF-8 (bad byte at offset {first_bad}); decoded as {encoding}"


_WORDS = re.compile(r"[^\W\d_]+")


def _implausible(text: str) -> int:
    """How many words and signs look mis-decoded: mixed scripts in a word, Latin words made mostly of
    accented letters ("Ìèíñê"), and symbols that are neither letters nor ordinary punctuation."""
    bad = 0
    for w in _WORDS.findall(text):
        if w.isascii():
            continue
        latin = sum(1 for c in w if c < "\u0250")
        if latin and latin < len(w):
            bad += 1                                   # Latin and another script in one word
        elif latin == len(w) and len(w) >= 3 and sum(1 for c in w if not c.isascii()) * 2 > len(w):
            bad += 1
    import unicodedata
    bad += sum(1 for c in text if ord(c) > 0x7f and not c.isalpha()
               and unicodedata.category(c)[0] not in "PZ" and unicodedata.category(c) != "Sc")
    return bad


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, bad bytes) when the data is UTF-8 text with a few stray bytes, else None.

    "A few": the file has valid multi-byte UTF-8 characters and the bad bytes
    are under a tenth of its non-ASCII bytes. A file in one 8-bit code page
    has (almost) no valid multi-byte sequences, so it goes to the detector.
    """
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.decode("utf-8", "ignore").count("\ufffd")
    non_ascii = sum(1 for b in data if b >= 0x80) if len(data) < 1 << 16 else len(data) - len(data.decode("ascii", "ignore"))
    valid_multibyte = sum(1 for c in text if ord(c) >= 0x80 and c != "\ufffd")
    if valid_multibyte and bad * 10 < non_ascii:
        return text, bad
    return None


def _codec(name: str) -> str:
    import codecs
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


@lru_cache(maxsize=1)
def _legacy_encodings() -> tuple[str, ...]:
    """Every pack's legacy encodings (``encodings.yml: legacy``), as codec names."""
    from .lang import available, pack

    out: list[str] = []
    for code in available():
        for enc in (pack(code).section("encodings") or {}).get("legacy", []) or []:
            if _codec(str(enc)) not in out:
                out.append(_codec(str(enc)))
    return tuple(out)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return control / len(sample) > 0.05


# --------------------------------------------------------------------------- dates

_TIME_PREFIX = re.compile(r"^\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\s*[,|–-]?\s*", re.I)
_TIME_SUFFIX = re.compile(r"\s*[,|–-]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?\s*$", re.I)
_NUMERIC_DATE_TOKEN = re.compile(r"^(?:\d{1,4}(?:st|nd|rd|th)?|\d{4}-\d{2}(?:-\d{2})?|\d{1,2}[./]\d{1,2}[./]\d{2,4})[,.]?$",
                                 re.I)
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


@dataclass(frozen=True)
class PartialDate:
    """A publication date, as far as it is known.

    ``iso`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; a day and month
    without a year is ``--MM-DD`` (ISO 8601 truncated form) and has
    ``year_known`` False: its year comes only from a manifest or front matter.
    """
    iso: str
    precision: str  # day | month | year

    @property
    def year_known(self) -> bool:
        return not self.iso.startswith("--")

    def with_year(self, year: int) -> "PartialDate":
        return PartialDate(f"{year:04d}{self.iso[1:]}", self.precision) if not self.year_known else self


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е").rstrip(".,")


@dataclass(frozen=True)
class _DateWords:
    months: dict[str, int]        # folded month form -> 1..12, from every language pack
    year_words: frozenset[str]    # "года", "г": words after a year
    label: re.Pattern             # "Published:", "Опубликовано:" in front of a date line


@lru_cache(maxsize=1)
def _date_words() -> _DateWords:
    """Month names, year words and date-line labels of every language pack (``dates.yml``)."""
    from .config import Checker
    from .lang import available, pack

    months: dict[str, int] = {}
    year_words: set[str] = set()
    labels: set[str] = set()
    for code in available():
        p = pack(code)
        path = p.file("dates")
        if path is None:
            continue
        chk = Checker(path)
        spec = chk.mapping(p.section("dates"), "", allowed={"months", "year_words", "labels"}, required={"months"})
        if not isinstance(spec["months"], list) or len(spec["months"]) != 12:
            chk.fail("months", "expected 12 lists of month names, January first")
        for i, forms in enumerate(spec["months"]):
            for form in chk.texts(forms, f"months[{i}]", optional=False):
                months[_fold(form)] = i + 1
        year_words |= {_fold(w) for w in chk.texts(spec.get("year_words"), "year_words")}
        labels |= {_fold(w) for w in chk.texts(spec.get("labels"), "labels")}
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(labels, key=len, reverse=True))
    label = re.compile(rf"^\s*(?:{alternatives or '(?!)'})\s*[:\s]\s*(\S+(?:\s+\S+){{0,5}})", re.I)
    return _DateWords(months, frozenset(year_words), label)


def _is_date_token(token: str) -> bool:
    words = _date_words()
    return bool(_NUMERIC_DATE_TOKEN.match(token)) or _fold(token) in words.months or _fold(token) in words.year_words


_WORD = r"([^\W\d_]{2,12})\.?"
_FAST_DMY = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+{_WORD},?(?:\s+(\d{{4}}))?$")
_FAST_MDY = re.compile(rf"^{_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?$")
_FAST_MY = re.compile(rf"^{_WORD},?\s+(\d{{4}})$")


def _fast_date(s: str) -> PartialDate | None:
    """Day, month name and year in the common orders, month names from the language packs
    (dateparser stays the fallback for anything else)."""
    months = _date_words().months
    for rx, order in ((_FAST_DMY, "dmy"), (_FAST_MDY, "mdy")):
        m = rx.match(s)
        if m:
            a, b, year = m.groups()
            day, month = (a, b) if order == "dmy" else (b, a)
            mon = months.get(_fold(month))
            if mon is None:
                return None
            try:
                dt.date(int(year or 2000), mon, int(day))
            except ValueError:
                return None
            if year:
                return PartialDate(f"{int(year):04d}-{mon:02d}-{int(day):02d}", "day")
            return PartialDate(f"--{mon:02d}-{int(day):02d}", "day")
    m = _FAST_MY.match(s)
    if m and months.get(_fold(m.group(1))):
        return PartialDate(f"{int(m.group(2)):04d}-{months[_fold(m.group(1))]:02d}", "month")
    return None


@lru_cache(maxsize=4096)
def _parse_date_text(s: str) -> PartialDate | None:
    return _parse_date_uncached(s)


def article_year(published: object) -> int | None:
    """The year of a `published` value, when the year is known ('--02-05' has none)."""
    return int(published[:4]) if isinstance(published, str) and published[:4].isdigit() else None


def parse_date(value: object) -> PartialDate | None:
    """Parse a date string (or date object) without ever borrowing today's year.

    Month names come from every language pack's ``dates.yml`` (``9 октября
    2023``, ``3 Июнь 2015``, ``25 April 2013``); a time of day before or after
    the date is ignored (``12:58, 5 февраля``, ``5 февраля, 12:58``), as is a
    year word after the year (``2023 года``, ``2023 г.``).
    """
    if isinstance(value, str):
        return _parse_date_text(value)
    return _parse_date_uncached(value)


def _strip_year_word(s: str) -> str:
    words = _date_words().year_words
    parts = s.rsplit(None, 1)
    if len(parts) == 2 and _fold(parts[1]) in words and re.search(r"\d{4}$", parts[0]):
        return parts[0]
    m = re.match(r"^(.*\d{4})([^\W\d_]+)\.?$", s)   # "2022г."
    if m and _fold(m.group(2)) in words:
        return m.group(1)
    return s


def _parse_date_uncached(value: object) -> PartialDate | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate(value.isoformat(), "day")
    if isinstance(value, int) and 1000 <= value <= 9999:
        return PartialDate(f"{value:04d}", "year")
    s = _TIME_PREFIX.sub("", str(value).strip()).strip(" ,.")
    if not s or len(s) > 40 or not re.search(r"\d", s):
        return None
    m = _ISO.match(s)
    if m:
        y, mo, d = m.groups()
        try:
            dt.date(int(y), int(mo), int(d or 1))
        except ValueError:
            return None
        return PartialDate(s, "day" if d else "month")
    s = _strip_year_word(_TIME_SUFFIX.sub("", s).strip(" ,."))
    if re.fullmatch(r"\d{4}", s):
        return PartialDate(s, "year")
    months = _date_words().months
    if not any(_fold(w) in months for w in re.findall(r"[^\W\d_]+", s)) \
            and not re.search(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}", s):
        return None
    fast = _fast_date(s)
    if fast:
        return fast
    return _dateparser(s)


def _dateparser(s: str) -> PartialDate | None:
    import dateparser
    from .lang import available

    base = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
            "DATE_ORDER": "DMY", "PARSERS": ["absolute-time"]}
    languages = _dateparser_languages(tuple(available()))
    for parts, precision in ((["day", "month", "year"], "day"), (["month", "year"], "month")):
        got = dateparser.parse(s, languages=languages, settings={**base, "REQUIRE_PARTS": parts})
        if got:
            iso = got.date().isoformat()
            return PartialDate(iso if precision == "day" else iso[:7], precision)
    got = dateparser.parse(s, languages=languages, settings={**base, "REQUIRE_PARTS": ["day", "month"]})
    if got:
        return PartialDate(f"--{got.month:02d}-{got.day:02d}", "day")
    return None


@lru_cache(maxsize=None)
def _dateparser_languages(codes: tuple[str, ...]) -> list[str]:
    """The pack languages dateparser has locale data for (English first)."""
    from dateparser.languages.loader import default_loader
    known = set(default_loader.get_locale_map())
    return sorted((c for c in codes if c in known), key=lambda c: c != "en") or ["en"]


# --------------------------------------------------------------------------- files


def _read_txt(text: str) -> dict:
    """Headline, date line and body of a plain-text article."""
    lines = text.split("\n")
    info: dict = {"title": None, "date": None}
    nonblank = [i for i, line in enumerate(lines) if line.strip()][:4]
    label = _date_words().label
    for n, i in enumerate(nonblank):
        line = lines[i].strip()
        m = label.match(line)
        if m:
            # "date 2026-02-04 The lead paragraph ..." (a date stamped before the text)
            tokens = m.group(1).split()
            k = 0
            while k < len(tokens) and _is_date_token(tokens[k]):
                k += 1
            cand = " ".join(tokens[:k])
            got = parse_date(cand) if k else None
            if got:
                info["date"] = got
                rest = line[m.start(1) + len(cand):].strip()
                if n == 0 and rest:
                    info["title"] = _headline(rest)
                break
        if n > 0 and len(line) <= 40:
            got = parse_date(line)
            if got:
                info["date"] = got
                break
        if n > 0 and len(line) > 40:
            got = _dateline(line)
            if got:
                info["date"] = got
                break
    if info["title"] is None and nonblank:
        first = lines[nonblank[0]].strip()
        info["title"] = _headline(first)
    return info


_DATELINE_PLACE = re.compile(r"^[^\W\d_][^\W\d_.\- ]*(?:[ -][^\W\d_]+){0,2},\s+")


def _dateline(line: str) -> PartialDate | None:
    """The date of a news dateline opening the lead paragraph: "MINSK, 5 June (BelTA) –",
    "Астана, 3 июня 2015. Посол …", "4 сентября 2025, Минск." A place of at most three words and a comma
    may stand before the date; the date is the run of date words right after it, of at least a day and
    a month, ending at punctuation."""
    place = _DATELINE_PLACE.match(line)
    tokens = line[place.end() if place else 0:].split(maxsplit=5)
    run = []
    for k, tok in enumerate(tokens[:4]):
        word = tok.rstrip(".,:;")
        if not _is_date_token(word):
            break
        run.append(word)
        if word != tok:
            year = tokens[k + 1].rstrip(".,:;") if tok.endswith(",") and k + 1 < len(tokens) else ""
            if re.fullmatch(r"\d{4}", year):
                run.append(year)    # "June 5, 2025"
            break
    if len(run) < 2:
        return None
    got = parse_date(" ".join(run))
    return got if got and got.precision == "day" else None


def _headline(line: str) -> str:
    """The first line as a headline; a lead paragraph is cut to its opening words."""
    line = line.strip().lstrip("#").strip()
    if len(line) <= 160:
        return line
    cut = line[:120].rsplit(" ", 1)[0].rstrip(",;:—-")
    return cut + " …"


YAML_MAX_DEPTH = 50


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (no 'billion laughs' front matter) and deep nesting.

    Dates and times stay text (``2026-02-30`` is not turned into a date object
    that cannot exist): the callers parse and check them themselves.
    """

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

    def compose_node(self, parent, index):  # noqa: D401 - yaml API
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "YAML aliases are not allowed here", event.start_mark)
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > YAML_MAX_DEPTH:
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {YAML_MAX_DEPTH} levels deep", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def safe_yaml(text: str):
    """Parse YAML without aliases, timestamps or deep nesting; raises yaml.YAMLError."""
    try:
        return yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - safe loader subclass
    except yaml.YAMLError:
        raise
    except (ValueError, RecursionError, OverflowError) as exc:   # a value the constructors cannot build
        raise yaml.YAMLError(f"{type(exc).__name__}: {exc}") from None


def _read_md(text: str, problems: _Problems, file: str) -> tuple[str, int, dict]:
    """Front matter and body of a Markdown article; returns (body, body offset, meta)."""
    meta: dict = {}
    m = re.match(r"---[ ]*\n(.*?)\n(?:---|\.\.\.)[ ]*(?:\n|$)", text, re.S)
    if not m:
        return text, 0, meta
    body_start = m.end()
    if len(m.group(1)) > 65536:
        problems.warn(file, "front matter over 64 KB ignored")
        return text[body_start:], body_start, meta
    try:
        data = safe_yaml(m.group(1))
    except yaml.YAMLError as exc:
        problems.warn(file, f"front matter is not valid YAML, ignored ({_one_line(exc)})")
        return text[body_start:], body_start, meta
    if data is None:
        return text[body_start:], body_start, meta
    if not isinstance(data, dict):
        problems.warn(file, f"front matter is a {type(data).__name__}, not a mapping; ignored")
        return text[body_start:], body_start, meta
    for key in ("title", "date", "published", "source", "url", "language"):
        if key not in data or data[key] is None:
            continue
        value = data[key]
        if isinstance(value, (dict, list)):
            problems.warn(file, f"front matter key '{key}' should be a single value, got a {type(value).__name__}; ignored")
            continue
        meta["published" if key == "date" else key] = value
    return text[body_start:], body_start, meta


# Above this size a page skips trafilatura's second opinion (readability and
# jusText) and goes through its main extractor only: the comparison roughly
# doubles the cost, and pages this large are rarely a single article.
HTML_FAST_BYTES = 500_000


def html_to_text(html: str | bytes, url: str | None = None) -> tuple[str, dict]:
    """Main text of a web page (one paragraph a line) and its metadata.

    trafilatura (lxml) finds the article body and drops navigation, scripts,
    styles, ads, share buttons and comments; nothing in the page is ever run.
    The headline becomes the first line, as in a .txt article. The metadata
    (``title``, ``published``, ``source``, ``url``, ``author``, ``language``)
    comes from the page's meta tags, JSON-LD and canonical link; a date is
    taken only from the page's own metadata, never from today.
    """
    from trafilatura import bare_extraction

    size = len(html)
    opts = dict(url=url, with_metadata=True, include_comments=False, include_tables=True,
                include_images=False, include_links=False, fast=size > HTML_FAST_BYTES,
                date_extraction_params={"extensive_search": False, "original_date": True})
    for name in ("trafilatura", "htmldate", "courlan"):   # their parse errors become our "no text" problem
        logging.getLogger(name).setLevel(logging.CRITICAL)
    doc = None
    try:
        doc = bare_extraction(html, favor_precision=True, **opts)
    except (ValueError, TypeError, RecursionError) as exc:   # pathological markup
        log.info("html extraction failed: %s", exc)
    if doc is None:
        return "", {}
    lines = [" ".join(line.split()) for line in (doc.text or "").split("\n")]
    lines = [line for line in lines if line]
    headline = " ".join((doc.title or "").split())
    if headline and (not lines or lines[0] != headline):
        lines = [headline, *lines]
    meta = {"title": headline, "published": doc.date, "source": doc.sitename, "url": doc.url,
            "author": doc.author, "language": doc.language}
    meta = {k: v for k, v in meta.items() if isinstance(v, str) and v.strip()}
    return (normalise("\n".join(lines) + "\n") if lines else ""), meta


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]


def _load_manifest(root: Path, problems: _Problems) -> tuple[Path | None, dict[str, dict]]:
    for name in MANIFEST_NAMES:
        path = root / name
        if path.is_file():
            break
    else:
        return None, {}
    try:
        raw = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".csv":
            rows = list(csv.DictReader(io.StringIO(raw)))
        else:
            data = safe_yaml(raw)
            rows = data.get("articles", data) if isinstance(data, dict) else data
            if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
                raise ValueError("expected a list of entries (or 'articles:' holding one), each a mapping")
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError, csv.Error) as exc:
        problems.warn(name, f"manifest unreadable, ignored: {_one_line(exc)}")
        return path, {}
    out: dict[str, dict] = {}
    for n, row in enumerate(rows, start=2 if path.suffix == ".csv" else 1):
        file = str(row.get("file") or "").strip()
        if not file:
            problems.warn(name, f"entry {n} has no 'file'; ignored")
            continue
        unknown = {k for k in row if k is not None} - {"file", *MANIFEST_FIELDS, "date", "notes"}
        if unknown:
            problems.warn(name, f"entry {n} ({file}): unknown key(s) {', '.join(sorted(map(str, unknown)))} ignored")
        entry = {k: row[k] for k in MANIFEST_FIELDS if row.get(k) not in (None, "")}
        if row.get("date") not in (None, "") and "published" not in entry:
            entry["published"] = row["date"]
        if file in out:
            problems.warn(name, f"entry {n} ({file}) repeats an earlier entry for the same file; "
                                "the later entry is used")
        out[file] = entry
    return path, out


def _walk(root: Path, problems: _Problems, exclude: tuple[Path, ...] = ()):
    """Article files under root, sorted, without following directory symlinks: (path, relative
    name, stat result or None when the file cannot be examined).

    Only regular files are taken: FIFOs, devices and sockets are reported, and
    so is a symbolic link whose target lies outside the corpus folder (it is
    not followed). Folders in `exclude` (the reports and cache folders, when
    they lie inside the corpus) and the corpus's own ``reports/`` are not read.
    """
    found = []
    real_root = root.resolve()
    skip_dirs = {Path(p).resolve() for p in exclude} | {real_root / "reports"}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=lambda e: problems.skip(
            _rel(Path(e.filename), root) if e.filename else str(root), f"folder unreadable ({e.strerror})")):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and (here / d).resolve() not in skip_dirs)
        folder = here.relative_to(root).as_posix()     # once per folder, not per file
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = here / name
            raw = name if folder == "." else f"{folder}/{name}"
            rel = _display(raw)
            suffix = path.suffix.lower()
            if suffix not in ARTICLE_SUFFIXES:
                if suffix not in CONFIG_SUFFIXES:
                    problems.skip(rel, f"not an article: unsupported file type '{_display(suffix or name)}' "
                                       "(use .txt, .md or .html)")
                continue
            try:
                st = os.lstat(path)
                if stat.S_ISLNK(st.st_mode):
                    target = Path(os.path.realpath(path))
                    if target != real_root and real_root not in target.parents:
                        problems.skip(rel, "symbolic link to a file outside the corpus folder; not followed")
                        continue
                    st = os.stat(path)
            except OSError:
                found.append((path, rel, None))          # reported as unreadable when it is read
                continue
            if not stat.S_ISREG(st.st_mode):
                problems.skip(rel, f"not a regular file ({_file_kind(st.st_mode)}); not read")
                continue
            if rel != raw:
                problems.warn(rel, "file name is not valid UTF-8; shown with \ufffd for the bad bytes")
            found.append((path, rel, st))
    return found


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return "not a plain file"


def _display(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _rel(path: Path, root: Path) -> str:
    try:
        return _display(path.relative_to(root).as_posix())
    except ValueError:
        return _display(str(path))


def load_corpus(folder: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES,
                progress: bool = False, cache_dir: str | os.PathLike | None = None,
                exclude: tuple[str | os.PathLike, ...] = (), on_article=None, on_files=None) -> Corpus:
    """Read every article under `folder` into a Corpus (articles + problems).

    Columns of ``articles``: article_id (path relative to the folder), path,
    title, published (ISO, possibly partial, see PartialDate), date_precision
    (day|month|year|none), date_source (manifest|front_matter|text|none),
    year_known, source, url, language, text (normalised; all offsets refer to
    it), n_words, sha256 (of the file's bytes).

    With `cache_dir`, a file whose size, modification time, status-change
    time and inode are unchanged since the last run is taken from the cache
    instead of being read again (see `_ReadCache`). Folders in `exclude` (an
    output or cache folder inside the corpus) are not read, nor is the
    corpus's own ``reports/`` folder. `on_article`, when given, is called
    with each article's row (a dict of the columns above) as soon as it is
    read, in corpus order, so that work on it can start before the whole
    corpus is read; `on_files`, with the number of files found, before the
    first is read.
    """
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {root}")
    problems = _Problems()
    manifest_path, manifest = _load_manifest(root, problems)
    exclude = tuple(exclude) + ((Path(cache_dir),) if cache_dir else ())
    files = _walk(root, problems, exclude)
    if on_files is not None:
        on_files(len(files))
    cache = _ReadCache(cache_dir, root) if cache_dir else None
    seen: dict[str, str] = {}
    matched: set[str] = set()
    rows = []
    iterator = files
    if progress:
        from tqdm import tqdm
        iterator = tqdm(files, desc="reading", unit="file", leave=False)
    for path, rel, st in iterator:
        try:
            row = cache.get(path, rel, max_bytes, problems, st) if cache else None
            if row is None:
                before = len(problems.rows)
                row = _read_article(path, rel, max_bytes, problems)
                if cache:
                    cache.put(path, rel, row, [r["problem"] for r in problems.rows[before:] if r["file"] == rel])
        except ArticleError as exc:
            problems.skip(rel, str(exc))
            continue
        if row["sha256"] in seen:
            problems.skip(rel, f"duplicate of {seen[row['sha256']]} (same content)")
            continue
        seen[row["sha256"]] = rel
        key = rel if rel in manifest else path.name
        if key in manifest:
            matched.add(key)
            _apply_manifest(row, manifest[key], problems)
        rows.append(row)
        if on_article is not None:
            on_article(row)
    if cache:
        cache.save()
    for file in sorted(set(manifest) - matched):
        problems.warn(manifest_path.name, f"names '{file}', which is not in the corpus (missing or skipped)")
    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    articles["n_words"] = articles["n_words"].astype("int64")
    articles["year_known"] = articles["year_known"].astype(bool)
    return Corpus(root=root, articles=articles, problems=problems.frame(), manifest=manifest_path,
                  read_cache={"hits": cache.hits, "misses": cache.misses} if cache else {})


@lru_cache(maxsize=1)
def _reader_fingerprint() -> str:
    """Hash of what turns a file into an article row: this module, the language code
    and detection rules, the outlets list, and the packs' pack.yml, dates.yml and encodings.yml."""
    from . import lang
    from .config import DATA
    h = hashlib.sha256(Path(__file__).read_bytes() + Path(lang.__file__).read_bytes())
    if (DATA / "outlets.yml").is_file():
        h.update((DATA / "outlets.yml").read_bytes())
    for f in sorted(lang.PACKS.glob("*/*.yml")):
        if f.name in ("pack.yml", "dates.yml", "encodings.yml"):
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


class _ReadCache:
    """Articles as read last time, keyed by relative path and the file's identity.

    The identity is size, modification time, status-change time (ctime) and
    inode, all in nanoseconds where the file system has them. Editing a file
    in place always moves its ctime, even when the editor (or ``touch -d``)
    restores the modification time and the size stays the same; ctime cannot
    be set back by a user. Hashing every file on every run would be the only
    stronger key, at the price of reading the whole corpus each time; the
    trade-off chosen here reads nothing that has not changed. Copying a corpus
    elsewhere (new inodes and ctimes) reads it again once.
    """

    def __init__(self, cache_dir, root: Path):
        # the folder and the reader: a new reader or new pack data (month names, language names) reads again
        scope = hashlib.sha256(f"{root.resolve()}\0{_reader_fingerprint()}".encode("utf-8", "surrogateescape")
                               ).hexdigest()[:12]
        self.path = Path(cache_dir) / f"corpus-{scope}.parquet"
        self.rows: dict[tuple, int] = {}         # identity -> position in the cached columns
        self.columns: dict[str, list] = {}
        self.used: dict[tuple, dict] = {}
        self.changed = False
        self.hits = self.misses = 0
        try:
            df = pd.read_parquet(self.path)
            if {"_ctime", "_ino"} <= set(df.columns):     # caches from before the ctime key are read again
                # column lists, and a row dict only for the files asked for (no per-cell boxing of the whole table)
                self.columns = {c: df[c].tolist() for c in df.columns}
                c = self.columns
                keys = zip(c["article_id"], map(int, c["_size"]), map(int, c["_mtime"]), map(int, c["_ctime"]),
                           map(int, c["_ino"]))
                self.rows = dict(zip(keys, range(len(df))))
        except FileNotFoundError:
            pass
        except Exception as exc:   # damaged cache: read everything again
            log.warning("corpus cache %s unreadable (%s); reading the files again", self.path, exc)

    @staticmethod
    def _stat(path: Path) -> tuple[int, int, int, int]:
        st = path.stat()
        return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino

    def get(self, path: Path, rel: str, max_bytes: int, problems: "_Problems", st: os.stat_result | None = None
            ) -> dict | None:
        """The cached row of `path` when its identity (from `st`, the file's stat, when given) is unchanged."""
        try:
            ident = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino) if st is not None else self._stat(path)
        except OSError:
            return None
        at = self.rows.get((rel, *ident))
        if at is None or ident[0] > max_bytes:
            self.misses += 1
            return None
        self.hits += 1
        hit = {c: values[at] for c, values in self.columns.items()}
        self.used[(rel, *ident)] = hit
        for caveat in filter(None, str(hit.get("_caveats") or "").split("\n")):
            problems.warn(rel, caveat)
        row = {k: hit[k] for k in ARTICLE_COLUMNS}
        row["path"] = _display(str(path))
        return row

    def put(self, path: Path, rel: str, row: dict, caveats: list[str]) -> None:
        try:
            size, mtime, ctime, ino = self._stat(path)
        except OSError:
            return
        self.used[(rel, size, mtime, ctime, ino)] = {**row, "_size": size, "_mtime": mtime, "_ctime": ctime,
                                                     "_ino": ino, "_caveats": "\n".join(caveats)}
        self.changed = True

    def save(self) -> None:
        if not (self.changed or len(self.used) != len(self.rows)):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            pd.DataFrame(list(self.used.values())).to_parquet(tmp, index=False)
            os.replace(tmp, self.path)
        except OSError as exc:
            log.warning("could not write the corpus cache %s: %s", self.path, exc)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, never more than `max_bytes` (the limit holds on the read itself).

    Opened without blocking, so a named pipe or device that slipped past the
    folder walk is refused instead of waited on.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                 | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ArticleError(f"not a regular file ({_file_kind(st.st_mode)}); not read")
        if st.st_size > max_bytes:
            raise ArticleError(_too_big(st.st_size, max_bytes))
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise ArticleError(f"file grew past the {max_bytes / 1e6:g} MB limit (--max-bytes) while being read")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_big(size: int, max_bytes: int) -> str:
    if max_bytes < 100_000:
        return f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)"
    return f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit (--max-bytes)"


@lru_cache(maxsize=1)
def _outlets() -> tuple[re.Pattern, dict[str, str]] | None:
    """The credit patterns of `data/outlets.yml` and alias -> outlet (None when the file lists none)."""
    from .config import DATA, Checker, load_yaml

    path = DATA / "outlets.yml"
    if not path.is_file():
        return None
    check = Checker(path)
    data = check.mapping(load_yaml(path) or {}, "")
    names: dict[str, str] = {}
    for outlet, aliases in data.items():
        for alias in check.texts(aliases, str(outlet)):
            names[alias] = names[alias.upper()] = str(outlet)
    if not names:
        return None
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    a = rf"(?:{alt})(?![\w])"
    b = r"(?<![\w])"
    credit = re.compile("|".join([
        rf"\(\s*{b}{a}\s*[)/]",                         # (Reuters)  (Xinhua/Photographer)
        rf"/[^/\n]{{0,15}}?{b}{a}\s*/",                  # /ТАСС/  /Корр. БЕЛТА/
        rf"(?:^|[.,]\s+){a}\s*[-–—:]",                  # KAZINFORM –   Москва. 8 июля. ИНТЕРФАКС -
        rf"[-–—]\s*{b}{a}\s*[.:,]",                      # – Sputnik.   - Trend:
        rf"(?:^|\.\s+){a}[.,]\s",                       # АКИpress, Бишкек   Бишкек, 26 февраля. 24.kg.
        rf"^(?:By\s+)?{a}(?:['’]s\b|\s{{2,}}|\s*\|)",     # By RFE/RL's Kyrgyz Service   bne IntelliNews  April 16
    ]), re.M)
    # which outlet a credit names: the alias inside the matched credit
    alias = re.compile(rf"{b}(?P<o>{alt})(?![\w])")
    return (credit, alias), names


def outlet_in_text(text: str, paragraphs: int = 3, width: int = 200) -> str:
    """The outlet an article credits in its first lines ("(Reuters)", "/ТАСС/", "KAZINFORM –"), or "".

    Only the first `paragraphs` non-empty lines after the headline are read, each up to `width`
    characters, and only names set off as a credit count: "told Reuters" or "a Kazinform
    correspondent" do not. The outlets are listed in `analysis/data/outlets.yml`.
    """
    found = _outlets()
    if found is None:
        return ""
    (credit, alias), names = found
    lines, at = [], 0
    while len(lines) <= paragraphs and at <= len(text):     # the headline and the lines after it, no more
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if line := text[at:end].strip():
            lines.append(line)
        at = end + 1
    for line in lines[1:]:
        m = credit.search(line[:width])
        if m:
            hit = alias.search(m.group())
            if hit:
                return names[hit.group("o")]
    return ""


def _read_article(path: Path, rel: str, max_bytes: int, problems: _Problems) -> dict:
    try:
        data = _read_bytes(path, max_bytes)
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror or exc}") from None
    raw, caveat = decode(data)
    if caveat:
        problems.warn(rel, caveat)
    text = normalise(raw)
    meta: dict = {}
    date_source = "none"
    if path.suffix.lower() in (".md", ".markdown"):
        body, _, meta = _read_md(text, problems, rel)
        text = body
        info = _read_txt(text)
    elif path.suffix.lower() in (".html", ".htm"):
        text, meta = html_to_text(text)
        info = _read_txt(text)
    else:
        info = _read_txt(text)
    if not text.strip():
        raise ArticleError("no text (only front matter or white space)")
    title = str(meta.get("title") or info["title"] or Path(rel).stem)
    date = None
    if "published" in meta:
        date = parse_date(meta["published"])
        if date is None:
            problems.warn(rel, f"front matter date '{meta['published']}' not understood; ignored")
        else:
            date_source = "front_matter"
    if date is None and info["date"] is not None:
        date, date_source = info["date"], "text"
    return {
        "article_id": rel,
        "path": _display(str(path)),
        "title": title,
        "published": date.iso if date else None,
        "date_precision": date.precision if date else "none",
        "date_source": date_source,
        "year_known": bool(date and date.year_known),
        "source": str(meta.get("source") or "") or outlet_in_text(text),
        "url": str(meta.get("url") or ""),
        "language": language_code(meta.get("language")) or detect_language(text),
        "text": text,
        "n_words": count_words(text),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def _apply_manifest(row: dict, entry: dict | None, problems: _Problems) -> None:
    """Manifest values win over what was inferred from the file."""
    if not entry:
        return
    for key in ("title", "source", "url"):
        if key in entry:
            row[key] = str(entry[key])
    if "language" in entry:
        row["language"] = language_code(entry["language"]) or row["language"]
    if "published" in entry:
        date = parse_date(entry["published"])
        if date is None:
            problems.warn(row["article_id"], f"manifest date '{entry['published']}' not understood; ignored")
        elif not date.year_known and row["published"] and not row["published"].startswith("--"):
            pass  # the file knows more than the manifest
        else:
            row["published"], row["date_precision"] = date.iso, date.precision
            row["date_source"], row["year_known"] = "manifest", date.year_known
