"""Collect the corpus: news feeds and web pages into the corpus folder.

``fetch_sources(corpus_dir)`` reads ``CORPUS/sources.yml``, polls every feed
(RSS or Atom, parsed by feedparser) and page, extracts each article's main
text and metadata with trafilatura (``corpus.html_to_text``, the same
extractor the loader uses for saved ``.html`` files) and writes each new
article as ``CORPUS/<source>/<date>-<slug>.md`` with front matter, the format
the loader reads. Nothing already in the corpus is modified or removed; a new
file never replaces an existing one.

On the web it behaves like a polite crawler: a User-Agent naming the tool and
its version, robots.txt (RFC 9309) obeyed, a minimum delay between two
requests to one host (or the host's Crawl-delay, if longer), timeouts,
retries with exponential backoff on timeouts, 429 and 5xx (Retry-After
honoured), conditional requests (ETag / Last-Modified) so an unchanged feed
costs one 304, redirects followed by hand (each hop checked against
robots.txt, loops refused) and a size limit on every response, read as a
stream.

Articles are deduplicated by URL (the feed link, the address after redirects
and the page's canonical URL, tracking parameters removed), by a hash of the
text and by a similarity hash that recognises a syndicated copy whose text
differs in a few words. What was fetched is remembered in a state file
``CORPUS/.fetch-state.json`` (hidden, so the loader ignores it).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin, urlsplit

from .config import Checker, ConfigError, load_yaml

log = logging.getLogger(__name__)

SOURCES_NAME = "sources.yml"
STATE_NAME = ".fetch-state.json"
LOCK_NAME = ".fetch.lock"
STATE_VERSION = 1
# Shorter texts are compared by exact hash only: a few sentences of boilerplate
# would otherwise look alike.
NEAR_DUPLICATE_MIN_WORDS = 80
NEAR_DUPLICATE_SIMILARITY = 0.94   # simhash: at most 3 of 64 bits differ
ROBOTS_MAX_BYTES = 500_000
FALLBACK_MIN_WORDS = 60            # a feed's own full text, used when the page cannot be had
PENDING_ATTEMPTS = 3               # runs in which a page that timed out or failed is tried


class FetchError(Exception):
    """A request or a source failed; the message says why."""


class _Gone(FetchError):
    """The page will not become an article by asking again (404, too large, not HTML, no text)."""


class _Disallowed(_Gone):
    """robots.txt forbids the page."""


class FetchBusy(Exception):
    """Another fetch holds the corpus folder's lock."""


# --------------------------------------------------------------------------- sources.yml


@dataclass(frozen=True)
class Settings:
    """How to behave on the web; `sources.yml: settings` or keyword arguments set them."""
    timeout: float = 20.0          # seconds to connect, and between two bytes read
    retries: int = 2               # further attempts after a timeout, 429 or 5xx
    backoff: float = 2.0           # seconds before the first retry, doubled each time
    rate_limit: float = 2.0        # seconds between two requests to the same host
    max_bytes: int = 3_000_000     # largest page or feed read (after decompression)
    max_redirects: int = 5
    contact: str | None = None     # URL or e-mail added to the User-Agent

    def user_agent(self) -> str:
        from . import __version__

        extra = f"; +{self.contact}" if self.contact else ""
        return f"briefing/{__version__} (news corpus fetcher{extra})"


@dataclass(frozen=True)
class Source:
    name: str
    feeds: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    language: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    interval: float = 0.0          # seconds; a source polled more recently is not due

    @property
    def folder(self) -> str:
        return _slug(self.name, 40) or "source"


SOURCE_KEYS = {"name", "feed", "pages", "language", "include", "exclude", "interval"}
SETTING_KEYS = {"timeout", "retries", "backoff", "rate_limit", "max_bytes", "max_redirects", "contact"}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)\s*$", re.I)
_UNIT = {"s": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, "w": 604800}


def load_sources(path: str | os.PathLike) -> tuple[list[Source], Settings]:
    """Read and validate a sources file; errors name the file and the key."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: file not found (write a sources.yml; see analysis/examples/sources.yml)")
    data = load_yaml(path)
    c = Checker(path)
    c.mapping(data, "", allowed={"sources", "settings"}, required={"sources"})
    raw = data["sources"]
    if not isinstance(raw, list) or not raw:
        c.fail("sources", "expected a non-empty list of sources, each with a name and a feed or pages")
    sources, names = [], set()
    for i, item in enumerate(raw):
        key = f"sources[{i}]"
        c.mapping(item, key, allowed=SOURCE_KEYS, required={"name"})
        name = c.text(item["name"], f"{key}.name")
        if name.casefold() in names:
            c.fail(f"{key}.name", f"'{name}' is used by an earlier source; names must be unique")
        names.add(name.casefold())
        feeds = [_url(c, u, f"{key}.feed" + (f"[{j}]" if isinstance(item.get("feed"), list) else ""))
                 for j, u in enumerate(c.texts(item.get("feed"), f"{key}.feed", single=True))]
        pages = [_url(c, u, f"{key}.pages[{j}]") for j, u in enumerate(c.texts(item.get("pages"), f"{key}.pages", single=True))]
        if not feeds and not pages:
            c.fail(key, f"source '{name}' needs a 'feed' (RSS/Atom URL) or 'pages' (a list of article URLs)")
        language = c.text(item.get("language"), f"{key}.language", optional=True)
        if language is not None and not re.fullmatch(r"[a-z]{2,3}", language):
            c.fail(f"{key}.language", f"expected a language code such as en or ru, got {language!r}")
        sources.append(Source(name=name, feeds=tuple(feeds), pages=tuple(pages), language=language,
                              include=tuple(c.texts(item.get("include"), f"{key}.include")),
                              exclude=tuple(c.texts(item.get("exclude"), f"{key}.exclude")),
                              interval=_duration(c, item.get("interval"), f"{key}.interval")))
    settings = Settings()
    if data.get("settings") is not None:
        s = c.mapping(data["settings"], "settings", allowed=SETTING_KEYS)
        values = {}
        for k, v in s.items():
            if k == "contact":
                values[k] = c.text(v, f"settings.{k}")
            elif k in ("retries", "max_bytes", "max_redirects"):
                if isinstance(v, bool) or not isinstance(v, int) or v < (1 if k == "max_bytes" else 0):
                    c.fail(f"settings.{k}", f"expected a whole number, got {v!r}")
                values[k] = v
            else:
                n = c.number(v, f"settings.{k}")
                if n < 0 or (k == "timeout" and n == 0):
                    c.fail(f"settings.{k}", f"expected a positive number of seconds, got {v!r}")
                values[k] = n
        settings = Settings(**values)
    return sources, settings


def _url(c: Checker, value: str, key: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        c.fail(key, f"expected an http(s) URL, got {value!r}")
    return value


def _duration(c: Checker, value, key: str) -> float:
    if value is None:
        return 0.0
    m = _DURATION.match(str(value)) if isinstance(value, str) else None
    if not m:
        c.fail(key, f"expected a duration such as 30m, 6h or 1d, got {value!r}")
    return float(m.group(1)) * _UNIT[m.group(2).lower()]


# --------------------------------------------------------------------------- report


@dataclass
class SourceReport:
    """What one source gave: files written, duplicates, entries skipped, problems."""
    name: str
    status: str = "ok"             # ok | not_modified | not_due | failed
    error: str = ""
    new: list[str] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)    # {url, of}
    skipped: list[dict] = field(default_factory=list)       # {url, reason}
    problems: list[dict] = field(default_factory=list)      # {url, problem}
    requests: int = 0

    @property
    def polled(self) -> bool:
        return self.status != "not_due"

    def as_dict(self) -> dict:
        return {"name": self.name, "status": self.status, "error": self.error, "articles": len(self.new),
                "new": self.new, "duplicates": self.duplicates, "skipped": self.skipped,
                "problems": self.problems, "requests": self.requests}


@dataclass
class FetchReport:
    corpus: Path
    sources: list[SourceReport]
    started_utc: str
    seconds: float = 0.0

    @property
    def new_files(self) -> list[str]:
        return [f for s in self.sources for f in s.new]

    @property
    def failed(self) -> list[SourceReport]:
        return [s for s in self.sources if s.status == "failed"]

    @property
    def exit_code(self) -> int:
        """0 when something or nothing new was fetched, 1 when every polled source failed."""
        polled = [s for s in self.sources if s.polled]
        return 1 if polled and all(s.status == "failed" for s in polled) else 0

    def as_dict(self) -> dict:
        return {"started_utc": self.started_utc, "seconds": round(self.seconds, 2),
                "polled": [s.name for s in self.sources if s.polled],
                "articles": len(self.new_files), "sources": [s.as_dict() for s in self.sources]}

    def summary(self) -> list[str]:
        lines = []
        for s in self.sources:
            if s.status == "not_due":
                lines.append(f"{s.name}: not due (interval)")
                continue
            if s.status == "failed":
                lines.append(f"{s.name}: FAILED: {s.error}")
                continue
            bits = [f"{len(s.new)} new"]
            if s.status == "not_modified":
                bits.append("feed unchanged (304)")
            if s.duplicates:
                bits.append(f"{len(s.duplicates)} duplicate(s)")
            if s.skipped:
                bits.append(f"{len(s.skipped)} skipped")
            if s.problems:
                bits.append(f"{len(s.problems)} problem(s)")
            lines.append(f"{s.name}: " + ", ".join(bits))
        return lines


# --------------------------------------------------------------------------- HTTP


@dataclass
class _Response:
    url: str
    status: int
    headers: dict
    content: bytes


class _Http:
    """One polite HTTP client: robots.txt, per-host delay, retries, size limit, manual redirects."""

    def __init__(self, settings: Settings, sleep: Callable[[float], None] = time.sleep):
        import httpx

        self.httpx = httpx
        self.s = settings
        self.sleep = sleep
        self.client = httpx.Client(
            headers={"User-Agent": settings.user_agent(),
                     "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                               "application/xml;q=0.9,*/*;q=0.5"},
            timeout=httpx.Timeout(settings.timeout), follow_redirects=False)   # HTTPS_PROXY & co. honoured
        self.robots: dict[str, object] = {}
        self.last: dict[str, float] = {}
        self.count = 0

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, headers: dict | None = None, max_bytes: int | None = None) -> _Response:
        """GET with redirects followed by hand; raises FetchError with a readable reason."""
        seen: set[str] = set()
        for _ in range(self.s.max_redirects + 1):
            if url in seen:
                raise _Gone(f"redirect loop ({url} again)")
            seen.add(url)
            if not self.allowed(url):
                raise _Disallowed("disallowed by the site's robots.txt")
            resp = self._request(url, headers or {}, max_bytes or self.s.max_bytes)
            if resp.status in (301, 302, 303, 307, 308) and resp.headers.get("location"):
                url = urljoin(url, resp.headers["location"])
                continue
            return resp
        raise _Gone(f"more than {self.s.max_redirects} redirects")

    def _wait(self, host: str, delay: float) -> None:
        last = self.last.get(host)
        if last is not None and delay > 0:
            pause = last + delay - time.monotonic()
            if pause > 0:
                self.sleep(pause)
        self.last[host] = time.monotonic()

    def _request(self, url: str, headers: dict, max_bytes: int) -> _Response:
        host = urlsplit(url).netloc.lower()
        delay = max(self.s.rate_limit, self._crawl_delay(url))
        attempt, why = 0, ""
        while True:
            self._wait(host, delay)
            self.count += 1
            try:
                resp = self._read(url, headers, max_bytes)
            except (self.httpx.TimeoutException, self.httpx.TransportError) as exc:
                kind = "timed out" if isinstance(exc, self.httpx.TimeoutException) else "connection failed"
                why, retry_after = f"{kind} ({type(exc).__name__})", None
            else:
                if resp.status != 429 and resp.status < 500:
                    return resp
                why, retry_after = f"HTTP {resp.status}", _retry_after(resp.headers.get("retry-after"))
            if attempt >= self.s.retries:
                raise FetchError(why + (f" after {attempt + 1} attempts" if attempt else ""))
            wait = self.s.backoff * (2 ** attempt)
            if retry_after is not None:
                wait = max(wait, min(retry_after, 300.0))
            log.info("%s: %s; retrying in %.1f s", url, why, wait)
            if wait > 0:
                self.sleep(wait)
            attempt += 1

    def _read(self, url: str, headers: dict, max_bytes: int) -> _Response:
        deadline = time.monotonic() + max(60.0, 6 * self.s.timeout)   # a server dripping bytes
        with self.client.stream("GET", url, headers=headers) as r:
            hdrs = {k.lower(): v for k, v in r.headers.items()}
            length = hdrs.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise _Gone(f"too large: {int(length) / 1e6:.1f} MB announced, limit {max_bytes / 1e6:g} MB")
            buf = bytearray()
            for chunk in r.iter_bytes():
                buf += chunk
                if len(buf) > max_bytes:
                    raise _Gone(f"too large: over the {max_bytes / 1e6:g} MB limit")
                if time.monotonic() > deadline:
                    raise FetchError("too slow: the server kept sending for over a minute")
            return _Response(str(r.url), r.status_code, hdrs, bytes(buf))

    # robots.txt (RFC 9309): 4xx = no rules; 5xx or unreachable = everything disallowed
    def _robots(self, url: str):
        from urllib.robotparser import RobotFileParser

        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin in self.robots:
            return self.robots[origin]
        rp = RobotFileParser(origin + "/robots.txt")
        self.robots[origin] = rp
        try:
            resp = self._get_robots(origin + "/robots.txt")
        except FetchError as exc:
            log.warning("%s/robots.txt unreachable (%s): not fetching from this site now", origin, exc)
            rp.disallow_all = True
            return rp
        if resp.status >= 500:
            rp.disallow_all = True
        elif resp.status >= 400:
            rp.allow_all = True
        else:
            rp.parse(resp.content.decode("utf-8", errors="replace").splitlines())
        return rp

    def _get_robots(self, url: str) -> _Response:
        for _ in range(self.s.max_redirects + 1):
            resp = self._request(url, {}, ROBOTS_MAX_BYTES)
            if resp.status in (301, 302, 303, 307, 308) and resp.headers.get("location"):
                url = urljoin(url, resp.headers["location"])
                continue
            return resp
        return _Response(url, 404, {}, b"")

    def allowed(self, url: str) -> bool:
        rp = self._robots(url)
        return rp.can_fetch(self.s.user_agent(), url) and rp.can_fetch("briefing", url)

    def _crawl_delay(self, url: str) -> float:
        parts = urlsplit(url)
        rp = self.robots.get(f"{parts.scheme}://{parts.netloc}")
        if rp is None or url.endswith("/robots.txt"):
            return 0.0
        delay = rp.crawl_delay("briefing") or rp.crawl_delay("*")
        return min(float(delay), 60.0) if delay else 0.0


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
        return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------- text helpers


def canonical_url(url: str) -> str:
    """The URL as a dedupe key: lower-case host, no fragment, no tracking parameters."""
    from courlan import normalize_url

    try:
        return normalize_url(url, strict=True)
    except Exception:   # noqa: BLE001 - courlan raises various errors on malformed URLs
        return url.split("#", 1)[0]


def _content_key(text: str) -> str:
    return hashlib.sha256(" ".join(text.casefold().split()).encode("utf-8")).hexdigest()


def _simhash(text: str) -> int:
    from trafilatura.deduplication import Simhash

    return Simhash(" ".join(text.split())).hash


def _similarity(a: int, b: int) -> float:
    return (64 - (a ^ b).bit_count()) / 64


def _slug(text: str, limit: int = 60) -> str:
    from unidecode import unidecode

    s = re.sub(r"[^a-z0-9]+", "-", unidecode(text or "").lower()).strip("-")
    if len(s) > limit:
        s = s[:limit].rsplit("-", 1)[0] or s[:limit]
    return s


_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)


def decode_page(content: bytes, content_type: str = "") -> str:
    """Page bytes to text: the HTTP charset, else the page's <meta> charset, else detection."""
    import codecs

    from .corpus import ArticleError, decode

    candidates = []
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    if m:
        candidates.append(m.group(1))
    m = _CHARSET.search(content[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii"))
    for name in candidates:
        try:
            codecs.lookup(name)
            return content.decode(name, errors="replace")
        except LookupError:
            continue
    try:
        return decode(content)[0]
    except ArticleError:
        return content.decode("utf-8", errors="replace")


def _matches(text: str, words: tuple[str, ...]) -> str | None:
    low = text.casefold()
    for w in words:
        if w.casefold() in low:
            return w
    return None


def _iso_day(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, time.struct_time):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
        except ValueError:
            return None
    from .corpus import parse_date

    got = parse_date(str(value)[:40])
    return got.iso if got and got.year_known else None


# --------------------------------------------------------------------------- state


class _State:
    """What was fetched before: URLs and content hashes -> file, feed validators, last polls."""

    def __init__(self, root: Path):
        self.path = root / STATE_NAME
        self.data = {"version": STATE_VERSION, "urls": {}, "hashes": {}, "simhashes": [], "feeds": {},
                     "polled": {}, "old": {}, "pending": {}, "totals": {}, "last_run": {}}
        if self.path.is_file():
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
                if isinstance(loaded, dict) and loaded.get("version") == STATE_VERSION:
                    for k in self.data:
                        if isinstance(loaded.get(k), type(self.data[k])):
                            self.data[k] = loaded[k]
            except (OSError, ValueError) as exc:
                log.warning("%s unreadable (%s); starting from the corpus folder's own files", self.path, exc)
        self.near = [(int(h, 16), f) for h, f in self.data["simhashes"]]

    def __getattr__(self, name):
        try:
            return self.__dict__["data"][name]
        except KeyError:
            raise AttributeError(name) from None

    def add_near(self, h: int, file: str) -> None:
        self.near.append((h, file))
        self.data["simhashes"].append([f"{h:016x}", file])

    def save(self) -> None:
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(self.data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)


_FRONT_URL = re.compile(r"^url:\s*['\"]?(\S+?)['\"]?\s*$", re.M)


def _known_urls(root: Path, state: _State) -> None:
    """URLs of .md articles already in the corpus (saved by hand or by an earlier fetch)."""
    known = set(state.urls.values())
    for path in root.rglob("*.md"):
        rel = path.relative_to(root).as_posix()
        if rel in known or any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        try:
            with open(path, "rb") as fh:
                head = fh.read(8192).decode("utf-8", errors="replace")
        except OSError:
            continue
        if head.startswith("---"):
            end = head.find("\n---", 3)
            m = _FRONT_URL.search(head[:end if end > 0 else len(head)])
            if m:
                state.urls.setdefault(canonical_url(m.group(1)), rel)


class _Lock:
    def __init__(self, root: Path):
        self.path = root / LOCK_NAME
        self.fh = None

    def __enter__(self):
        self.fh = open(self.path, "a")
        try:
            import fcntl

            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:   # not POSIX: no lock
            pass
        except OSError:
            self.fh.close()
            raise FetchBusy(f"another 'briefing fetch' is running on {self.path.parent}") from None
        return self

    def __exit__(self, *exc):
        self.fh.close()


# --------------------------------------------------------------------------- fetching


@dataclass
class _Entry:
    link: str
    title: str = ""
    date: str | None = None
    summary: str = ""
    content: str = ""     # full text the feed carries, if any (HTML)
    feed: str | None = None


class _Fetcher:
    def __init__(self, root: Path, state: _State, http: _Http, since: str | None, progress: bool):
        self.root, self.state, self.http, self.since, self.progress = root, state, http, since, progress

    def run_source(self, src: Source) -> SourceReport:
        rep = SourceReport(src.name)
        before = self.http.count
        entries: list[_Entry] = []
        failures, unchanged, validators = [], 0, {}
        for feed in src.feeds:
            try:
                got = self.poll_feed(feed, rep, validators)
            except FetchError as exc:
                failures.append(f"feed {feed}: {exc}")
                continue
            if got is None:
                unchanged += 1
            else:
                entries.extend(got)
        # entries that failed for a passing reason last time are tried again, even behind a 304
        for key, item in list(self.state.pending.items()):
            if item.get("source") == src.name:
                entries.append(_Entry(**item["entry"]))
        entries.extend(_Entry(link=u) for u in src.pages)
        failures += self.handle_entries(src, entries, rep)
        units = len(src.feeds) + len(src.pages)     # a source fails when every feed and page failed
        if failures:
            rep.error = "; ".join(failures)
            if len(failures) >= units:
                rep.status = "failed"
        elif src.feeds and unchanged == len(src.feeds) and not src.pages and not rep.new:
            rep.status = "not_modified"
        self.state.feeds.update(validators)
        rep.requests = self.http.count - before
        return rep

    def poll_feed(self, url: str, rep: SourceReport, validators: dict) -> list[_Entry] | None:
        import feedparser

        old = self.state.feeds.get(url, {})
        headers = {}
        if old.get("etag"):
            headers["If-None-Match"] = old["etag"]
        if old.get("last_modified"):
            headers["If-Modified-Since"] = old["last_modified"]
        resp = self.http.get(url, headers)
        if resp.status == 304:
            return None
        if resp.status != 200:
            raise FetchError(f"HTTP {resp.status}")
        parsed = feedparser.parse(resp.content, response_headers={"content-type": resp.headers.get("content-type", ""),
                                                                   "content-location": resp.url})
        if not parsed.entries:
            why = getattr(parsed, "bozo_exception", None)
            raise FetchError(f"not an RSS/Atom feed or no entries ({_short(why) if why else 'empty'})")
        if parsed.bozo:
            rep.problems.append({"url": url, "problem": f"feed is not well-formed ({_short(parsed.bozo_exception)}); "
                                                       f"{len(parsed.entries)} entries read"})
        validators[url] = {k: v for k, v in (("etag", resp.headers.get("etag")),
                                             ("last_modified", resp.headers.get("last-modified"))) if v}
        entries = []
        for n, e in enumerate(parsed.entries, start=1):
            link = (e.get("link") or "").strip()
            title = " ".join(str(e.get("title") or "").split())
            if not link or urlsplit(link).scheme not in ("http", "https"):
                rep.problems.append({"url": url, "problem": f"entry {n} ({title[:60] or 'no title'}) has no article link; skipped"})
                continue
            content = ""
            if e.get("content"):
                content = max((c.get("value") or "" for c in e["content"]), key=len)
            entries.append(_Entry(link=urljoin(resp.url, link), title=title,
                                  date=_iso_day(e.get("published_parsed") or e.get("updated_parsed")),
                                  summary=str(e.get("summary") or ""), content=content, feed=url))
        return entries

    def handle_entries(self, src: Source, entries: list[_Entry], rep: SourceReport) -> list[str]:
        """Fetch and write each new entry; returns the failures of the source's own `pages`."""
        from tqdm import tqdm

        failures, todo, queued = [], [], set()
        for e in entries:
            key = canonical_url(e.link)
            if key in queued:
                continue
            queued.add(key)
            if key in self.state.urls:
                continue
            old = self.state.old.get(key)
            if old and self.since and old < self.since:
                continue
            if e.date and self.since and e.date < self.since:
                rep.skipped.append({"url": e.link, "reason": f"published {e.date}, before --since {self.since}"})
                continue
            hit = _matches(f"{e.title}\n{e.summary}", src.exclude) if e.title or e.summary else None
            if hit:
                rep.skipped.append({"url": e.link, "reason": f"excluded keyword '{hit}' in title or summary"})
                self.state.urls[key] = None
                continue
            todo.append((key, e))
        bar = tqdm(todo, desc=src.name, unit="page", leave=False, disable=not self.progress, file=sys.stderr)
        for key, e in bar:
            pending = self.state.pending.pop(key, None)
            try:
                self.handle_entry(src, key, e, rep)
            except _Gone as exc:
                if isinstance(exc, _Disallowed) and e.content and self.from_feed_text(src, key, e, rep, str(exc)):
                    continue
                self.state.urls[key] = None         # not asked for again
                rep.problems.append({"url": e.link, "problem": f"{exc}; not tried again"})
                if e.feed is None:
                    failures.append(f"page {e.link}: {exc}")
            except FetchError as exc:
                if e.content and self.from_feed_text(src, key, e, rep, str(exc)):
                    continue
                attempts = (pending or {}).get("attempts", 0) + 1
                if attempts < PENDING_ATTEMPTS:
                    self.state.pending[key] = {"source": src.name, "attempts": attempts, "entry": e.__dict__}
                    rep.problems.append({"url": e.link, "problem": f"{exc}; will be tried again on the next run"})
                else:
                    self.state.urls[key] = None
                    rep.problems.append({"url": e.link, "problem": f"{exc}; given up after {attempts} runs"})
                if e.feed is None:
                    failures.append(f"page {e.link}: {exc}")
            except Exception as exc:   # noqa: BLE001 - one odd page must not stop the others
                log.exception("unexpected error on %s", e.link)
                self.state.urls[key] = None
                rep.problems.append({"url": e.link, "problem": f"unexpected {type(exc).__name__}: {_short(exc)}; "
                                                               f"not tried again"})
                if e.feed is None:
                    failures.append(f"page {e.link}: {exc}")
        return failures

    def handle_entry(self, src: Source, key: str, e: _Entry, rep: SourceReport) -> None:
        from .corpus import html_to_text

        resp = self.http.get(e.link)
        if resp.status in (404, 410):
            raise _Gone(f"HTTP {resp.status} (page not found)")
        if resp.status != 200:
            raise FetchError(f"HTTP {resp.status}")
        ctype = resp.headers.get("content-type", "")
        if ctype and not re.search(r"html|xml", ctype, re.I):
            raise _Gone(f"not a web page ({ctype.split(';')[0]})")
        text, meta = html_to_text(decode_page(resp.content, ctype), url=resp.url)
        if not text.strip():
            raise _Gone("no article text found on the page")
        self.keep(src, key, e, rep, text, meta, final_url=resp.url)

    def from_feed_text(self, src: Source, key: str, e: _Entry, rep: SourceReport, why: str) -> bool:
        from .corpus import html_to_text

        text, meta = html_to_text(f"<html><body><article><h1>{_escape(e.title)}</h1>{e.content}</article></body></html>")
        if len(text.split()) < FALLBACK_MIN_WORDS:
            return False
        rep.problems.append({"url": e.link, "problem": f"page not fetched ({why}); the feed's own full text kept"})
        self.keep(src, key, e, rep, text, {"title": e.title}, final_url=e.link)
        return True

    def keep(self, src: Source, key: str, e: _Entry, rep: SourceReport, text: str, meta: dict,
             final_url: str) -> None:
        from .lang import detect_language

        st = self.state
        keys = {key, canonical_url(final_url)}
        if meta.get("url"):
            keys.add(canonical_url(urljoin(final_url, meta["url"])))
        body = text.split("\n", 1)[1] if "\n" in text else text    # without the headline
        title = meta.get("title") or e.title or (text.split("\n", 1)[0][:160])
        date = _iso_day(meta.get("published")) or e.date   # the page's date is local; a feed's is UTC
        if date and self.since and date < self.since:
            for k in keys:
                st.old[k] = date
            rep.skipped.append({"url": e.link, "reason": f"published {date}, before --since {self.since}"})
            return
        seen = next((st.urls[k] for k in keys if st.urls.get(k)), None)
        digest = _content_key(body)
        seen = seen or st.hashes.get(digest)
        near = None
        if seen is None and len(body.split()) >= NEAR_DUPLICATE_MIN_WORDS:
            h = _simhash(body)
            near = h
            seen = next((f for other, f in st.near if _similarity(h, other) >= NEAR_DUPLICATE_SIMILARITY), None)
        if seen:
            rep.duplicates.append({"url": e.link, "of": seen})
            for k in keys:
                st.urls[k] = seen
            return
        if src.include and not _matches(f"{title}\n{text}", src.include):
            rep.skipped.append({"url": e.link, "reason": "none of the include keywords"})
            for k in keys:
                st.urls[k] = None
            return
        hit = _matches(f"{title}\n{text}", src.exclude)
        if hit:
            rep.skipped.append({"url": e.link, "reason": f"excluded keyword '{hit}'"})
            for k in keys:
                st.urls[k] = None
            return
        language = src.language or meta.get("language") or detect_language(text)
        front = {"title": title, "date": date, "source": src.name, "url": meta.get("url") or final_url,
                 "language": language,
                 "fetched_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
                 "feed": e.feed, "site": meta.get("source"), "author": meta.get("author")}
        rel = self.write(src, date, title, front, text)
        rep.new.append(rel)
        for k in keys:
            st.urls[k] = rel
        st.hashes[digest] = rel
        if near is not None:
            st.add_near(near, rel)

    def write(self, src: Source, date: str | None, title: str, front: dict, text: str) -> str:
        import yaml

        folder = self.root / src.folder
        folder.mkdir(exist_ok=True)
        stem = f"{date or 'undated'}-{_slug(title) or 'article'}"
        doc = ("---\n" + yaml.safe_dump({k: v for k, v in front.items() if v not in (None, "")},
                                         allow_unicode=True, sort_keys=False, width=1000)
               + "---\n" + text)
        for n in range(1, 1000):
            path = folder / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
            try:
                with open(path, "x", encoding="utf-8", newline="\n") as fh:   # never replaces a file
                    fh.write(doc)
            except FileExistsError:
                continue
            return path.relative_to(self.root).as_posix()
        raise FetchError(f"no free file name for {stem}.md in {folder}")


def _escape(text: str) -> str:
    import html

    return html.escape(text or "")


def _short(exc) -> str:
    return " ".join(str(exc).split())[:160]


def fetch_sources(corpus_dir: str | os.PathLike, sources: str | os.PathLike | None = None, *,
                  since: str | dt.date | None = None, progress: bool | None = None,
                  settings: dict | None = None, sleep: Callable[[float], None] = time.sleep) -> FetchReport:
    """Poll every due source of `sources` (default CORPUS/sources.yml) into `corpus_dir`.

    `since` (an ISO date) skips articles published before it. `settings`
    override the file's settings (timeout, retries, backoff, rate_limit,
    max_bytes, max_redirects, contact). Raises ConfigError for a bad sources
    file and FetchBusy when another fetch runs on the same folder; a failing
    feed or page is reported in the FetchReport, never raised.
    """
    root = Path(corpus_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {root}")
    src_list, file_settings = load_sources(Path(sources) if sources else root / SOURCES_NAME)
    if settings:
        unknown = set(settings) - SETTING_KEYS
        if unknown:
            raise ValueError(f"unknown fetch setting(s): {', '.join(sorted(unknown))}")
        file_settings = Settings(**{**file_settings.__dict__, **settings})
    if isinstance(since, (dt.date, dt.datetime)):
        since = since.isoformat()[:10]
    if since is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(since)):
        raise ValueError(f"since: expected a date such as 2026-01-31, got {since!r}")
    show = sys.stderr.isatty() if progress is None else progress
    started = time.perf_counter()
    stamp = dt.datetime.now(dt.timezone.utc)
    reports: list[SourceReport] = []
    with _Lock(root):
        state = _State(root)
        _known_urls(root, state)
        http = _Http(file_settings, sleep=sleep)
        fetcher = _Fetcher(root, state, http, since, show)
        try:
            for src in src_list:
                last = state.polled.get(src.name)
                if src.interval and last and not since:
                    age = (stamp - dt.datetime.fromisoformat(last)).total_seconds()
                    if 0 <= age < src.interval:
                        reports.append(SourceReport(src.name, status="not_due"))
                        continue
                try:
                    rep = fetcher.run_source(src)
                except Exception as exc:   # noqa: BLE001 - a source that breaks is reported; the others go on
                    log.exception("source %s", src.name)
                    rep = SourceReport(src.name, status="failed", error=f"unexpected {type(exc).__name__}: {_short(exc)}")
                if rep.status != "failed":
                    state.polled[src.name] = stamp.replace(microsecond=0).isoformat()
                state.totals[src.name] = state.totals.get(src.name, 0) + len(rep.new)
                reports.append(rep)
                if show:
                    print(FetchReport(root, [rep], "").summary()[0], file=sys.stderr)
                state.save()     # after each source: an interrupted run keeps what it wrote
            state.data["last_run"] = {
                "at": stamp.replace(microsecond=0).isoformat(), "since": since,
                "sources": [{"name": r.name, "status": r.status, "articles": len(r.new),
                             "duplicates": len(r.duplicates), "error": r.error} for r in reports]}
            state.save()
        finally:
            http.close()
    return FetchReport(root, reports, stamp.strftime("%Y%m%dT%H%M%SZ"), time.perf_counter() - started)


def collection_note(corpus_dir: str | os.PathLike) -> str | None:
    """One sentence for a briefing's methodology: the last fetch into this corpus and what each source gave.

    None when the corpus was never fetched into (its articles were saved by hand).
    """
    path = Path(corpus_dir) / STATE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        run = data.get("last_run") or {}
        when = dt.datetime.fromisoformat(run["at"]).strftime("%Y-%m-%d %H:%M UTC")
        sources = list(run["sources"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    parts = []
    for s in sources:
        if s.get("status") == "not_due":
            parts.append(f"{s['name']} (not due)")
        elif s.get("status") == "failed":
            parts.append(f"{s['name']} (failed: {str(s.get('error') or '')[:120]})")
        else:
            extra = f", {s['duplicates']} duplicate(s) left out" if s.get("duplicates") else ""
            unchanged = ", feed unchanged" if s.get("status") == "not_modified" else ""
            parts.append(f"{s['name']} ({s.get('articles', 0)} new{extra}{unchanged})")
    totals = data.get("totals") or {}
    total = "; ".join(f"{k} {v}" for k, v in totals.items() if v)
    return (f"Collection: the articles were fetched from news feeds and web pages (briefing fetch); the last run, "
            f"{when}, polled " + (", ".join(parts) or "no source") + "."
            + (f" Articles fetched per source so far: {total}." if total else ""))
