"""Files -> corpus -> extractors -> tables, in one call.

`analyse(corpus_dir)` loads the corpus, runs every extractor and returns a
`Results` with one DataFrame per table; `write_tables(results, out)` writes
the CSV files that `briefing extract` promises (UTF-8, header row,
`article_id` column): articles, problems, quotes, figures, quantities,
themes, theme_mentions.
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .config import ConfigError, load_rates, locate
from .corpus import DEFAULT_MAX_BYTES, Corpus, article_year, load_corpus

log = logging.getLogger(__name__)


@dataclass
class Results:
    corpus: Corpus
    quotes: pd.DataFrame
    figures: pd.DataFrame
    quantities: pd.DataFrame
    themes: pd.DataFrame
    theme_mentions: pd.DataFrame
    discrepancies: pd.DataFrame = field(default_factory=pd.DataFrame)
    config: dict = field(default_factory=dict)
    cache_dir: str | None = None     # the cache of the run: `write_tables` skips files that are already up to date
    pending: "_Writes | None" = None  # cache files still being written (`analyse(..., defer_cache=True)`)

    def finish(self) -> None:
        """Wait until the run's cache files are written (raises what writing them raised)."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            pending.join()

    @property
    def articles(self) -> pd.DataFrame:
        return self.corpus.articles

    @property
    def problems(self) -> pd.DataFrame:
        return self.corpus.problems


def analyse(corpus_dir: str | os.PathLike, *, roster: str | os.PathLike | None = None,
            lexicon: str | os.PathLike | None = None, rates: str | os.PathLike | None = None,
            max_bytes: int = DEFAULT_MAX_BYTES, progress: bool = False, cache_dir: str | os.PathLike | None = None,
            jobs: int = 1, scheduler: str | None = None, exclude: tuple = (),
            stats: dict | None = None, defer_cache: bool = False) -> Results:
    """Load `corpus_dir` and run every extractor. Configs are validated before any work starts.

    With `cache_dir` (default: the BRIEFING_CACHE environment variable, if set),
    per-article results are kept in Parquet files keyed by the article's
    content, id, year and the configuration, so a rerun only extracts what
    changed. `jobs` > 1 extracts large corpora in that many processes;
    `scheduler` (a Dask scheduler address such as ``tcp://10.0.0.5:8786``, or
    ``local``) runs the per-article extraction on a Dask cluster instead.
    Folders in `exclude` (an output folder inside the corpus) are not read.
    `stats`, when given, receives the cache hits and misses. With
    `defer_cache`, the cache's last files may still be being written when the
    results come back, on a thread of their own: `write_tables` (or
    `Results.finish`) waits for them, so that they are written while the
    tables are.
    """
    roster_path, lexicon_path, rates_path, the_rates, the_roster, the_lexicon = load_configs(
        corpus_dir, roster, lexicon, rates)
    if cache_dir is None and os.environ.get("BRIEFING_CACHE"):
        cache_dir = os.environ["BRIEFING_CACHE"]
    cache_scope = str(Path(corpus_dir).resolve())
    prepared = _prepare(roster_path, lexicon_path, the_rates, cache_dir, cache_scope)
    # articles go to the worker processes (--jobs N) or the Dask cluster while the corpus is still being read
    stream = _DaskStream(prepared, scheduler, jobs, the_roster, the_lexicon, the_rates) if scheduler else \
        _Stream(prepared, jobs, the_roster, the_lexicon, the_rates) if jobs > 1 else None
    writes = _Writes()      # the cache's files, written on a thread while the run goes on
    done = False
    try:
        corpus = load_corpus(corpus_dir, max_bytes=max_bytes, progress=progress, cache_dir=cache_dir, exclude=exclude,
                             on_article=stream.feed if stream else None,
                             on_files=stream.expect if isinstance(stream, _Stream) else None)
        late: list[dict] = []
        tables = extract_tables(corpus.articles, roster_path, lexicon_path, the_rates, cache_dir=cache_dir, jobs=jobs,
                                progress=progress, roster=the_roster, lexicon=the_lexicon, cache_scope=cache_scope,
                                scheduler=scheduler, stats=stats, problems=late, prepared=prepared, stream=stream,
                                writes=writes)
        if late:
            skipped = {p["file"] for p in late}
            corpus.articles = corpus.articles[~corpus.articles["article_id"].isin(skipped)].reset_index(drop=True)
            corpus.problems = pd.concat([corpus.problems, pd.DataFrame(late, columns=corpus.problems.columns)],
                                        ignore_index=True)
        if stats is not None and corpus.read_cache:
            stats["files_read_from_cache"] = corpus.read_cache["hits"]
            stats["files_read"] = corpus.read_cache["misses"]
        # each quote carries its article's date, title and source (appended after the extractor's columns)
        meta = corpus.articles[["article_id", *QUOTE_ARTICLE_COLUMNS]]
        tables["quotes"] = tables["quotes"].merge(meta, on="article_id", how="left", validate="many_to_one")
        discrepancies = _discrepancies(tables["figures"], corpus.articles, cache_dir, corpus_dir,
                                       pending=stream.discrepancies if stream else None, writes=writes)
        done = True
    finally:
        try:
            if not (done and defer_cache):
                writes.join()        # the cache is complete when the results are returned
        finally:
            if stream:
                stream.close()
    return Results(corpus=corpus, quotes=tables["quotes"], figures=tables["figures"], quantities=tables["quantities"],
                   themes=tables["themes"], theme_mentions=tables["theme_mentions"], discrepancies=discrepancies,
                   config={"roster": str(roster_path), "lexicon": str(lexicon_path),
                           "rates": str(rates_path) if the_rates else "",
                           "roster_used": the_roster.description, "lexicon_used": the_lexicon.description},
                   cache_dir=str(cache_dir) if cache_dir else None, pending=writes if writes.futures else None)


def table_digest(df: pd.DataFrame, *extra: str) -> str:
    """Content hash of a table: its columns, their types and every value (plus `extra` strings).

    Used to tell whether a table is the same as last time without comparing it
    cell by cell; the versions of the code and of pandas are part of it, so an
    upgrade that could change a table or its CSV form changes the digest.
    """
    h = hashlib.sha256(f"{code_fingerprint()}\0{pd.__version__}".encode())
    for x in extra:
        h.update(x.encode("utf-8", "surrogateescape") + b"\0")
    h.update(repr([(str(c), str(t)) for c, t in df.dtypes.items()]).encode("utf-8", "surrogateescape"))
    h.update(str(len(df)).encode())
    if not (len(df.columns) and len(df)):
        return h.hexdigest()
    # text, numbers and flags: their Arrow form, written as an IPC stream straight into the hash (no Python
    # object per cell; hashing releases the GIL); any other column (objects) through pandas' row hashes
    hashable = [_arrow_hashable(t) for t in df.dtypes]
    arrow = [i for i, ok in enumerate(hashable) if ok]
    rest = [i for i, ok in enumerate(hashable) if not ok]
    if arrow:
        try:
            _hash_arrow(h, df.iloc[:, arrow])
        except (ImportError, TypeError, ValueError, ArithmeticError) as exc:    # Arrow's errors are of these kinds
            log.debug("table digest: Arrow refused the columns (%s); hashing them with pandas", exc)
            rest = list(range(len(df.columns)))
    if rest:
        part = df.iloc[:, rest]
        try:
            rows = pd.util.hash_pandas_object(part, index=False)
        except TypeError:          # cells holding lists or dicts: hashed by their text
            rows = pd.util.hash_pandas_object(part.astype(str), index=False)
        h.update(rows.values.tobytes())
    return h.hexdigest()


def _arrow_hashable(dtype) -> bool:
    """Columns whose Arrow form holds exactly what their CSV cells show: text, and numbers or flags of one type."""
    if isinstance(dtype, pd.StringDtype):
        return True
    if isinstance(dtype, np.dtype):
        return dtype.kind in "biuf"
    # nullable numbers and flags (Int64, boolean, Float64): values and a mask
    return isinstance(getattr(dtype, "numpy_dtype", None), np.dtype) and dtype.kind in "biuf"


class _HashSink:
    """A file-like object that feeds what is written to it into a hash."""

    def __init__(self, h):
        self.h, self.closed = h, False

    def write(self, data) -> int:
        view = memoryview(data)
        self.h.update(view)
        return view.nbytes

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True


def _hash_arrow(h, df: pd.DataFrame) -> None:
    """Hash the columns of `df` as one Arrow record batch in the IPC stream format: contiguous columns (the
    same bytes however the table was chunked), sliced buffers cut to their rows, NaN kept as a value, and
    a nullable column as its values (0 where missing, whatever the memory held) and its mask."""
    import pyarrow as pa
    names, arrays = [], []
    for k in range(len(df.columns)):
        col = df.iloc[:, k]
        if isinstance(col.dtype, pd.StringDtype):
            arr = pa.array(col.array)
            arrays.append(arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr)
        elif isinstance(col.dtype, np.dtype):
            arrays.append(pa.array(col.to_numpy(), from_pandas=False))
        else:                       # a nullable column
            values = col.array
            data = values.to_numpy(dtype=col.dtype.numpy_dtype, na_value=0)
            arrays += [pa.array(data, from_pandas=False), pa.array(np.asarray(values.isna(), dtype=bool))]
            names += [str(k), f"{k}.mask"]
            continue
        names.append(str(k))
    batch = pa.RecordBatch.from_arrays(arrays, names=names)
    sink = pa.PythonFile(_HashSink(h), mode="w")
    with pa.ipc.new_stream(sink, batch.schema) as writer:
        writer.write_batch(batch)


class _Writes:
    """Cache files written on one background thread: Parquet writing releases the GIL, so the client goes on
    with the run's last steps meanwhile. `join` waits for every write and raises the first error."""

    def __init__(self):
        self.pool = None
        self.futures: list = []

    def submit(self, fn, *args) -> None:
        if self.pool is None:
            from concurrent.futures import ThreadPoolExecutor
            self.pool = ThreadPoolExecutor(1, thread_name_prefix="briefing-cache")
        self.futures.append(self.pool.submit(fn, *args))

    def join(self) -> None:
        if self.pool is None:
            return
        try:
            for fut in self.futures:
                fut.result()
        finally:
            self.pool.shutdown(wait=True)
            self.pool, self.futures = None, []


def _discrepancies(figures: pd.DataFrame, articles: pd.DataFrame, cache_dir, corpus_dir, pending=None,
                   writes: _Writes | None = None) -> pd.DataFrame:
    """`find_discrepancies`, kept in the cache with a digest of its inputs: an unchanged corpus
    reads the table back instead of comparing every figure again.

    `pending`, when given, is the same comparison already under way in a worker
    process (a future of `find_discrepancies(figures)`); it is used instead of
    comparing again here."""
    from .figures import find_discrepancies

    def compute():
        if pending is not None:
            try:
                return pending.result()
            except Exception as exc:      # a worker that died: compare here
                log.warning("comparing the figures in a worker failed (%s); comparing them here", exc)
        return find_discrepancies(figures, articles)

    if not cache_dir:
        return compute()
    path = Path(cache_dir) / f"discrepancies-{_scope(corpus_dir)}.parquet"
    digest = None
    try:
        import pyarrow.parquet as pq
        table = pq.read_table(path)
        digest = _discrepancy_inputs(figures, articles)
        if (table.schema.metadata or {}).get(b"briefing_inputs") == digest.encode():
            return table.to_pandas()
    except FileNotFoundError:
        pass
    except Exception as exc:       # a damaged or foreign file: compute again
        log.warning("cached discrepancies %s unreadable (%s); comparing the figures again", path, exc)
    found = compute()
    if writes is not None:         # the inputs' digest too is taken on the thread (the frames are not changed after)
        writes.submit(_write_discrepancies, found.copy(deep=False), path, digest,
                      figures.copy(deep=False), articles.copy(deep=False))
    else:
        _write_discrepancies(found, path, digest, figures, articles)
    return found


def _discrepancy_inputs(figures: pd.DataFrame, articles: pd.DataFrame) -> str:
    """The digest of what the discrepancies are computed from: the figures and the articles' metadata."""
    return table_digest(figures, "discrepancies") + table_digest(articles.drop(columns="text"))


def _write_discrepancies(found: pd.DataFrame, path: Path, digest: str | None, figures: pd.DataFrame,
                         articles: pd.DataFrame) -> None:
    if digest is None:
        digest = _discrepancy_inputs(figures, articles)
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
        table = pa.Table.from_pandas(found, preserve_index=False)
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), b"briefing_inputs": digest.encode()})
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("could not write the discrepancies cache %s: %s", path, exc)


def load_configs(corpus_dir, roster=None, lexicon=None, rates=None):
    """Find and validate every configuration file; raises ConfigError naming file and key."""
    from .figures import load_vocab
    from .roster import load_roster
    from .themes import load_lexicon

    roster_path = locate("speakers.yml", roster, corpus_dir)
    lexicon_path = locate("themes.yml", lexicon, corpus_dir)
    if rates and not Path(rates).is_file():
        raise ConfigError(f"{rates}: file not found")
    rates_path = Path(rates) if rates else Path(corpus_dir) / "rates.csv"
    the_rates = load_rates(rates_path) if rates_path.is_file() else {}
    the_roster = load_roster(roster_path)
    the_lexicon = load_lexicon(lexicon_path)
    load_vocab()
    return roster_path, lexicon_path, rates_path, the_rates, the_roster, the_lexicon


TABLES = ("quotes", "figures", "quantities", "theme_mentions", "themes")
QUOTE_ARTICLE_COLUMNS = ["published", "title", "source"]


def extract_article(article_id: str, text: str, n_words: int, year: int | None, roster, annotator, lexicon,
                    rates: dict, language: str = "en") -> dict[str, list[dict]]:
    """Every extractor on one article; rows as dicts, quotes not yet clustered across articles.

    `language` is the article's pack code (``articles.language``): each
    extractor reads the vocabulary of that language pack (`analysis.lang`).
    """
    from .figures import figure_rows
    from .quotes import UNNAMED, narrative_speaker, quote_rows
    from .text import without_boilerplate
    from .themes import theme_rows_of

    text = without_boilerplate(text, language)    # "Read also: …" lines are another article's
    people: list = []
    quotes = quote_rows(text, article_id, roster, year, annotator, people_out=people, lang=language)
    annotator = annotator.for_language(language)     # the article's cues for who claims a figure
    _check_deadline()
    # the speakers of figures and theme mentions inside quotes; someone unnamed is nobody to count them for
    spans = sorted((q["start"], q["end"], q["speaker"] if q["confidence"] != UNNAMED else "")
                   for q in quotes if q["kind"] == "direct")
    figures, quantities = figure_rows(
        text, article_id, year, spans, rates,
        attribute=lambda pos, sent_start, sent_end: narrative_speaker(text, pos, sent_start, people[0], annotator,
                                                                    sent_end),
        lang=language)
    _check_deadline()
    mentions, themes = theme_rows_of(article_id, text, n_words, lexicon, spans, lang=language)
    return {"quotes": quotes, "figures": figures, "quantities": quantities, "theme_mentions": mentions, "themes": themes}


ARTICLE_SECONDS = 20.0     # default time budget of one article (BRIEFING_ARTICLE_SECONDS overrides)


class ArticleTimeout(Exception):
    """An article took longer than its time budget to extract."""


_DEADLINE: list[float] = []


def article_budget() -> float:
    """Seconds one article may take to extract: BRIEFING_ARTICLE_SECONDS, else ARTICLE_SECONDS (0 = no limit)."""
    raw = os.environ.get("BRIEFING_ARTICLE_SECONDS", "")
    try:
        return max(0.0, float(raw)) if raw.strip() else ARTICLE_SECONDS
    except ValueError:
        log.warning("BRIEFING_ARTICLE_SECONDS=%r is not a number; using %g s", raw, ARTICLE_SECONDS)
        return ARTICLE_SECONDS


def _check_deadline() -> None:
    if _DEADLINE and _DEADLINE[-1] and time.monotonic() > _DEADLINE[-1]:
        raise ArticleTimeout()


def _on_alarm(signum, frame):
    raise ArticleTimeout()


def extract_within_budget(seconds: float, *args) -> dict | None:
    """`extract_article(*args)`, or None when it takes longer than `seconds`.

    In a main thread on POSIX an interval timer interrupts the extractor where
    it stands (workers of --jobs are processes, so each has one); elsewhere the
    budget is checked between the extractors. Inside `alarm_handler()` the
    signal handler is already in place and only the timer is set.
    """
    import signal

    use_timer = seconds > 0 and hasattr(signal, "setitimer") and _on_main_thread()
    _DEADLINE.append(time.monotonic() + seconds if seconds > 0 else 0.0)
    try:
        if use_timer:
            with alarm_handler():
                signal.setitimer(signal.ITIMER_REAL, seconds)
                try:
                    return extract_article(*args)
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
        return extract_article(*args)
    except ArticleTimeout:
        return None
    finally:
        _DEADLINE.pop()


def _on_main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()


_HANDLER: list[int] = [0]     # depth of `alarm_handler` blocks around the current code


class alarm_handler:
    """Within this block SIGALRM raises `ArticleTimeout` (the handler before it is restored after).

    Nested blocks install it once: a batch of articles sets the handler once and
    each article only its timer (setting a handler is slow in Python's signal module)."""

    def __enter__(self):
        import signal
        self.previous = None
        if _HANDLER[0] == 0 and hasattr(signal, "SIGALRM") and _on_main_thread():
            self.previous = signal.signal(signal.SIGALRM, _on_alarm)
            self.installed = True
        else:
            self.installed = False
        _HANDLER[0] += self.installed
        return self

    def __exit__(self, *exc):
        import signal
        if self.installed:
            _HANDLER[0] -= 1
            signal.signal(signal.SIGALRM, self.previous)
        return False


_WORKER: dict = {}


def _extract_batch(token: str, code: str, roster, lexicon, rates: dict, items: list) -> list[tuple[str, dict]]:
    """Extract a batch of articles in a worker (a spawned process or a Dask worker).

    `items` are (key, article_id, text, n_words, year, language) tuples. The
    annotator is built once per worker and configuration (`token`). `code` is
    the client's `code_fingerprint()`: a worker whose briefing code or data
    differ would give other results, so it refuses the batch.
    """
    if _WORKER.get("token") != token:
        mine = code_fingerprint()
        if mine != code:
            import socket
            raise WorkerMismatch(f"worker {socket.gethostname()} (pid {os.getpid()}) runs other briefing code or data "
                                 f"than the client ({mine} != {code}); install the same version on every worker")
        from .quotes import Annotator
        _WORKER.update(token=token, ann=Annotator(roster), roster=roster, lexicon=lexicon)
    # the first copies of this configuration's roster and lexicon are kept: their lookup tables, filled
    # by the articles before, are not rebuilt for every batch (`token` fingerprints the configuration)
    ann, roster, lexicon = _WORKER["ann"], _WORKER["roster"], _WORKER["lexicon"]
    budget = article_budget()
    with alarm_handler():
        return [(key, extract_within_budget(budget, aid, text, n, year, roster, ann, lexicon, rates, language))
                for key, aid, text, n, year, language in items]


def _worker_imports() -> None:
    """A worker process's first step: the extractors' modules, imported once it has started rather than
    with its first batch of articles."""
    import importlib
    for name in ("figures", "quotes", "themes"):
        importlib.import_module(f"{__package__}.{name}")


def _worker_ready() -> bool:
    """Nothing: sent to start a worker process (`_Stream.expect`)."""
    return True


def _table_columns() -> dict[str, list[str]]:
    from .figures import FIGURE_COLUMNS, QUANTITY_COLUMNS
    from .quotes import QUOTE_COLUMNS
    from .themes import MENTION_COLUMNS, THEME_COLUMNS
    return {"quotes": QUOTE_COLUMNS, "figures": FIGURE_COLUMNS, "quantities": QUANTITY_COLUMNS,
            "theme_mentions": MENTION_COLUMNS, "themes": THEME_COLUMNS}


class _Batch:
    """The rows of a batch of articles as columns: what a worker sends back to the client.

    Built in the worker from `_extract_batch`'s (key, rows) pairs: per table,
    the number of rows of each article and one list per column; a column of
    text only (no missing value) travels as an Arrow string array, the form
    the client's table keeps it in, so the client neither unpickles a dict
    per row nor converts the strings itself. A table whose rows do not all
    have every column travels as rows (`rows`), to be built as before.
    """

    def __init__(self, parts: list[tuple[str, dict | None]]):
        import pyarrow as pa
        done = [(k, p) for k, p in parts if p is not None]
        self.keys = [k for k, _ in done]
        self.timed_out = [k for k, p in parts if p is None]
        self.counts: dict[str, list[int]] = {}
        self.columns: dict[str, dict | None] = {}
        self.rows: dict[str, list[dict]] = {}
        for t, names in _table_columns().items():
            self.counts[t] = [len(p[t]) for _, p in done]
            rows = [r for _, p in done for r in p[t]]
            try:
                cols = {c: [r[c] for r in rows] for c in names}
            except KeyError:
                self.columns[t], self.rows[t] = None, rows
                continue
            for c, values in cols.items():
                if values and type(values[0]) is str:
                    try:
                        arr = pa.array(values, type=pa.large_string())
                    except (pa.ArrowException, TypeError, ValueError):
                        continue
                    if arr.null_count == 0:
                        cols[c] = arr
            self.columns[t] = cols

    def articles(self) -> list[tuple[str, dict | None]]:
        """The (key, rows) pairs the batch was made of (rows as `extract_article` returns them)."""
        out: list[tuple[str, dict | None]] = [(k, {}) for k in self.keys]
        for t in TABLES:
            if self.columns[t] is None:
                rows = self.rows[t]
            else:
                cols = {c: v.to_pylist() if not isinstance(v, list) else v for c, v in self.columns[t].items()}
                rows = [dict(zip(cols, values)) for values in zip(*cols.values())]
            at = 0
            for (_, part), n in zip(out, self.counts[t]):
                part[t] = rows[at:at + n]
                at += n
        return out + [(k, None) for k in self.timed_out]


def _extract_columns(token: str, code: str, roster, lexicon, rates: dict, items: list) -> _Batch:
    """`_extract_batch`, its rows sent back as columns (`_Batch`)."""
    return _Batch(_extract_batch(token, code, roster, lexicon, rates, items))


def _frame_columns(batches: list[_Batch], table: str):
    """The rows of `table` in `batches` (in that order) as one mapping of columns, or a list of row dicts
    when some batch sent that table as rows; and the cache key of each row."""
    import pyarrow as pa
    counts = np.fromiter((n for b in batches for n in b.counts[table]), dtype=np.int64)
    if not counts.sum():
        return [], []
    # each article's key repeated over its rows, taken in Arrow (no Python string per row)
    at = np.repeat(np.arange(len(counts)), counts)
    keys = pa.array([k for b in batches for k in b.keys], type=pa.large_string()).take(pa.array(at))
    keys = pd.arrays.ArrowStringArray(keys, dtype=_STR) if isinstance(_STR, pd.StringDtype) else keys.to_pylist()
    if any(b.columns[table] is None for b in batches):
        return [r for b in batches for _, part in b.articles() if part is not None for r in part[table]], keys
    names = _table_columns()[table]
    out = {}
    for c in names:
        chunks = [x for b in batches if not (isinstance(x := b.columns[table][c], list) and not x)]
        if chunks and isinstance(_STR, pd.StringDtype) and all(not isinstance(x, list) for x in chunks):
            out[c] = pd.arrays.ArrowStringArray(pa.chunked_array(chunks, type=pa.large_string()), dtype=_STR)
        else:
            out[c] = [v for x in chunks for v in (x if isinstance(x, list) else x.to_pylist())]
    return out, keys


_STR = pd.Series(["x"]).dtype      # pandas' default dtype for text: what a column of strings becomes


class WorkerMismatch(RuntimeError):
    """A worker's briefing code or data differ from the client's."""


class SchedulerError(RuntimeError):
    """The Dask scheduler cannot be used (not installed, unreachable, or a batch failed there)."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the extractor code and the shipped data files: what a worker must share with the client."""
    from . import __version__
    from .config import DATA

    h = hashlib.sha256(__version__.encode())
    for path in sorted(DATA.rglob("*.yml")):
        h.update(path.relative_to(DATA).as_posix().encode())
        h.update(path.read_bytes())
    for module in sorted(Path(__file__).parent.glob("*.py")):   # every module: extractors import helpers freely
        h.update(module.name.encode())
        h.update(module.read_bytes())
    return h.hexdigest()[:20]


def config_fingerprint(roster_path: Path, lexicon_path: Path, rates: dict) -> str:
    """Hash of everything besides the article that changes extraction results."""
    h = hashlib.sha256(code_fingerprint().encode())
    for path in [roster_path, lexicon_path]:
        h.update(Path(path).read_bytes())
    h.update(repr(sorted(rates.items())).encode())
    return h.hexdigest()[:20]


def extract_tables(articles: pd.DataFrame, roster_path: Path, lexicon_path: Path, rates: dict, *,
                   cache_dir: str | os.PathLike | None = None, jobs: int = 1, progress: bool = False,
                   roster=None, lexicon=None, cache_scope: str = "", scheduler: str | None = None,
                   stats: dict | None = None, problems: list | None = None, prepared: tuple | None = None,
                   stream: "_Stream | None" = None, writes: _Writes | None = None) -> dict[str, pd.DataFrame]:
    """Run the extractors over `articles`, reusing cached results; returns the five tables.

    Per-article extraction runs here (`jobs` = 1), in `jobs` spawned processes,
    or, with `scheduler` (a Dask scheduler address, or ``local`` for a
    LocalCluster of `jobs` workers), on a Dask cluster; the cross-article steps
    (quote clusters) and the cache always run here, on the client. An article
    over its time budget (`article_budget`) yields no rows and, when
    `problems` is given, a problem row there.

    `prepared` is what `_prepare` returned for the same arguments (read once
    by `analyse`); `stream`, the `_Stream` that `load_corpus` fed while reading:
    the articles it sent to its workers are not sent again, and it starts the
    comparison of figures (discrepancies) in a worker while the quotes are
    clustered here. With `writes` (a `_Writes`), the cache's tables are
    written on its thread; the caller joins it.
    """
    from .figures import _figure_frame, _quantity_frame
    from .quotes import QUOTE_COLUMNS, Annotator, cluster_quotes
    from .roster import load_roster
    from .speakers import unify_speakers
    from .themes import MENTION_COLUMNS, THEME_COLUMNS, load_lexicon, sort_themes

    roster = roster or load_roster(roster_path)
    lexicon = lexicon or load_lexicon(lexicon_path)
    fp, corpus_key, cached, done, have = prepared or _prepare(roster_path, lexicon_path, rates, cache_dir, cache_scope)
    ids, texts, langs = (articles[c].tolist() for c in ("article_id", "text", "language"))
    years = [article_year(p) for p in articles["published"].tolist()]
    keys = [_article_key(fp, aid, year, lang, text) for aid, year, lang, text in zip(ids, years, langs, texts)]
    todo = [(k, aid, text, int(n), year, lang)
            for k, aid, text, n, year, lang in zip(keys, ids, texts, articles["n_words"].tolist(), years, langs)
            if k not in have]
    log.info("extracting %d of %d articles (%d cached)", len(todo), len(keys), len(keys) - len(todo))
    if stats is not None:
        stats.update(articles_extracted=len(todo), articles_from_cache=len(keys) - len(todo))
    fresh_rows: dict[str, list] = {t: [] for t in TABLES}
    fresh_keys: dict[str, list] = {t: [] for t in TABLES}
    timed_out: set[str] = set()
    if todo:
        if scheduler and isinstance(stream, _DaskStream) and stream.prepared[0] == fp:
            parts = stream.collect(todo, progress=progress)
        elif scheduler:
            parts = _extract_on_dask(todo, scheduler, roster, lexicon, rates, jobs=jobs, progress=progress, token=fp)
        elif jobs > 1 and (len(todo) >= POOL_MIN_ARTICLES or (stream is not None and stream.pool is not None)):
            own = stream is None or stream.prepared[0] != fp
            if own:
                stream = _Stream((fp, corpus_key, cached, done, have), jobs, roster, lexicon, rates)
            try:
                parts = stream.collect(todo, progress=progress, columns=True)
            finally:
                if own:
                    stream.close()
        else:
            ann = Annotator(roster)
            items = todo
            if progress:
                from tqdm import tqdm
                items = tqdm(todo, desc="extracting", unit="article", leave=False)
            budget = article_budget()
            with alarm_handler():
                parts = [(key, extract_within_budget(budget, aid, text, n, year, roster, ann, lexicon, rates,
                                                     language))
                         for key, aid, text, n, year, language in items]
        ids = {t[0]: t[1] for t in todo}
        batches = parts if parts and isinstance(parts[0], _Batch) else None   # from workers: rows as columns
        late = [k for b in batches for k in b.timed_out] if batches else [k for k, part in parts if part is None]
        for key in late:             # over its time budget: reported, skipped, never cached as done
            timed_out.add(key)
            log.warning("skipped %s: extraction took longer than %g s", ids[key], article_budget())
            if problems is not None:
                problems.append({"file": ids[key], "action": "skipped",
                                 "problem": f"extraction took longer than the {article_budget():g} s budget "
                                            "per article (BRIEFING_ARTICLE_SECONDS); nothing extracted"})
        if batches:
            for t in TABLES:
                fresh_rows[t], fresh_keys[t] = _frame_columns(batches, t)
        else:
            parts = [(key, part) for key, part in parts if part is not None]
            for t in TABLES:        # one column of keys per table, beside the rows (no per-row update)
                fresh_rows[t] = [row for _, part in parts for row in part[t]]
                fresh_keys[t] = [key for key, part in parts for _ in part[t]]
    builders = {"quotes": lambda r: pd.DataFrame(r, columns=QUOTE_COLUMNS),
                "figures": _figure_frame,
                "quantities": _quantity_frame,
                "theme_mentions": lambda r: pd.DataFrame(r, columns=MENTION_COLUMNS),
                "themes": lambda r: pd.DataFrame(r, columns=THEME_COLUMNS)}
    same_articles = bool(cached) and not todo and done == keys
    frames = {}
    for t in TABLES:
        if same_articles:      # the cached tables are already in article order, clusters included
            frames[t] = cached[t]
            continue
        fresh = builders[t](fresh_rows[t])
        # (the workers' keys come as an array of text, the client's own as a list)
        fresh["_key"] = pd.Series(fresh_keys[t], index=fresh.index).astype(fresh["article_id"].dtype) if len(fresh) \
            else fresh["article_id"]
        both = pd.concat([cached[t], fresh], ignore_index=True) if cached and len(cached[t]) else fresh
        pos = _positions(both["_key"], keys)          # article order; -1 for articles no longer in the corpus
        keep = np.flatnonzero(pos >= 0)
        frames[t] = both.iloc[keep[np.argsort(pos[keep], kind="stable")]].reset_index(drop=True)
        if t == "figures" and not same_articles and stream is not None and stream.pool is not None:
            # the figures are final but for their speakers' names, which the comparison does not read: the
            # workers compare them (discrepancies) while the other tables are built and the quotes clustered here
            stream.discrepancies = _compare_in_parts(stream, frames[t].drop(columns="_key"))
    # one name per person across scripts and spellings (`analysis.speakers`), from the articles there are now
    unified = unify_speakers(frames)
    if not same_articles:
        # clusters span articles: recomputed whenever the set of articles changed, over one name per person
        clustered = cluster_quotes(unified["quotes"], threshold=roster.vocab.cluster_threshold)
        frames["quotes"] = frames["quotes"].assign(cluster_id=clustered["cluster_id"].to_numpy())
        unified["quotes"] = clustered
        if cache_dir:       # speakers as each article names them: the names across articles depend on the corpus
            done_keys = [k for k in keys if k not in timed_out]
            if writes is not None:       # frames of its own for the thread: no frame is read by two threads
                writes.submit(_write_cache, cache_dir, fp, corpus_key,
                              {t: df.copy(deep=False) for t, df in frames.items()}, done_keys)
            else:
                _write_cache(cache_dir, fp, corpus_key, frames, done_keys)
    frames = unified
    out = {t: frames[t].drop(columns="_key") for t in TABLES}
    out["themes"] = sort_themes(out["themes"], lexicon)
    return out


class _Parts:
    """Futures of `discrepancy_rows` over parts of the figures; `result()` is `find_discrepancies`' table."""

    def __init__(self, futures: list):
        self.futures = futures

    def result(self) -> pd.DataFrame:
        from .figures import DISCREPANCY_COLUMNS
        return pd.DataFrame([row for fut in self.futures for row in fut.result()], columns=DISCREPANCY_COLUMNS)


def _compare_in_parts(stream, figures: pd.DataFrame) -> _Parts:
    """`find_discrepancies(figures)` on the stream's workers, one part per worker: figures of different
    parties are never compared, so each part is a run of parties in sorted order (the order of the
    table's groups) holding about as many figures as the others, and the parts' rows are joined in order."""
    from .figures import discrepancy_rows
    parts = max(1, min(stream.jobs, 8))
    if parts == 1 or "parties" not in figures.columns or figures.empty:
        return _Parts([stream.run(discrepancy_rows, figures)])
    known = figures["parties"].notna()
    parties = figures["parties"].astype(object).where(known, None)
    counts = parties.value_counts(dropna=True)
    names = sorted(counts.index.tolist())
    total, done, cuts = int(counts.sum()), 0, []
    for name in names:            # where each part's run of parties ends
        done += int(counts[name])
        if done >= total * (len(cuts) + 1) / parts and len(cuts) < parts - 1:
            cuts.append(name)
    futures, low = [], None
    for high in [*cuts, None]:
        inside = known.copy()
        if low is not None:
            inside &= parties > low
        if high is not None:
            inside &= parties <= high
        if inside.any():
            futures.append(stream.run(discrepancy_rows, figures[inside.to_numpy()]))
        low = high
    return _Parts(futures)


def _article_key(fp: str, article_id: str, year, language: str, text: str) -> str:
    """Cache key of one article's extraction: the configuration, its id, year, language and text."""
    return hashlib.sha256(f"{fp}\0{article_id}\0{year}\0{language}\0{text}".encode()).hexdigest()


def _prepare(roster_path: Path, lexicon_path: Path, rates: dict, cache_dir, cache_scope: str) -> tuple:
    """The configuration's fingerprint, the cache folder's key, the cached tables and the keys already extracted."""
    fp = config_fingerprint(roster_path, lexicon_path, rates)
    corpus_key = hashlib.sha256(str(cache_scope).encode()).hexdigest()[:12]
    cached = _read_cache(cache_dir, fp, corpus_key) if cache_dir else {}
    # a key is cached when the article was extracted before, even if it produced no rows
    done = cached["_done"]["_key"].tolist() if cached else []
    return fp, corpus_key, cached, done, set(done)


POOL_MIN_ARTICLES = 200    # fewer articles to extract are done in the client process: starting workers costs more
STREAM_BATCH = 50          # articles per task sent to a worker process (~0.5 s of work)


def _queue(stream, row: dict) -> bool:
    """Put an article just read on `stream`'s list to send, unless the cache has it; True when queued."""
    fp, have = stream.prepared[0], stream.prepared[4]
    year = article_year(row["published"])
    key = _article_key(fp, row["article_id"], year, row["language"], row["text"])
    if key in have:
        return False
    stream.pending.append((key, row["article_id"], row["text"], int(row["n_words"]), year, row["language"]))
    stream.waiting += 1
    return True


class _Stream:
    """Worker processes for ``--jobs N``, fed while the corpus is still being read.

    `feed` (called by `load_corpus` for each article read) sends the articles
    that are not in the cache to the workers in small batches, once there are
    `POOL_MIN_ARTICLES` of them; the workers start then, so their start-up and
    their extraction overlap the reading of the rest. `collect` sends whatever
    was not sent yet and returns every result in the order asked for. Small
    batches keep both workers busy to the end.
    """

    def __init__(self, prepared: tuple, jobs: int, roster, lexicon, rates: dict):
        self.prepared, self.jobs = prepared, jobs
        self.roster, self.lexicon, self.rates = roster, lexicon, rates
        self.pool = None
        self.pending: list[tuple] = []
        self.futures: list = []
        self.sent: set[str] = set()
        self.waiting = 0           # articles to extract seen so far
        self.discrepancies = None  # a future of find_discrepancies, once the figures are final

    def expect(self, n_files: int) -> None:
        """Told how many files the corpus has before they are read: when nothing of this corpus and
        configuration is in the cache and there are enough of them, the workers start now, so that their
        start-up (a Python process, its imports) overlaps the reading of the first files."""
        if self.pool is None and n_files >= POOL_MIN_ARTICLES and not self.prepared[4]:
            self._start()
            for _ in range(self.jobs):      # a process is started for each task sent while none is idle
                self.pool.submit(_worker_ready)

    def feed(self, row: dict) -> None:
        if not _queue(self, row):
            return
        if self.pool is None and self.waiting >= POOL_MIN_ARTICLES:
            self._start()
        if self.pool is not None:
            while len(self.pending) >= STREAM_BATCH:
                self._submit(self.pending[:STREAM_BATCH])
                del self.pending[:STREAM_BATCH]

    def _start(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        # spawn, not fork: a forked child can inherit a lock held by one of pandas'/arrow's threads
        self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_worker_imports)
        self.code = code_fingerprint()

    def _submit(self, batch: list) -> None:
        self.sent.update(t[0] for t in batch)
        self.futures.append(self.pool.submit(_extract_columns, self.prepared[0], self.code, self.roster, self.lexicon,
                                             self.rates, batch))

    def collect(self, todo: list, progress: bool = False, columns: bool = False) -> list:
        """(key, rows) of every item of `todo`, in its order; items not sent yet are sent now.

        With `columns`, the workers' batches (`_Batch`) as they came, in the order they were sent."""
        if self.pool is None:
            self._start()
        self.pending = []
        missing = [t for t in todo if t[0] not in self.sent]
        for i in range(0, len(missing), STREAM_BATCH):
            self._submit(missing[i:i + STREAM_BATCH])
        futures = self.futures
        if progress:
            from tqdm import tqdm
            futures = tqdm(futures, desc="extracting", unit="batch", leave=False)
        batches = [fut.result() for fut in futures]
        self.futures = []
        if columns:
            return batches
        got = dict(p for b in batches for p in b.articles())
        return [(t[0], got[t[0]]) for t in todo]

    def run(self, fn, *args):
        """`fn(*args)` in a worker process, as a future."""
        return self.pool.submit(fn, *args)

    def close(self) -> None:
        # not waited for: the workers exit on their own (in a few tenths of a second) while the client writes
        # the tables; the interpreter joins them before it exits
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None


CONNECT_TIMEOUT = "20s"     # how long to wait for a remote Dask scheduler


class _DaskStream:
    """A Dask cluster for ``--scheduler``, fed while the corpus is still being read, as `_Stream` feeds the
    worker processes of ``--jobs N``.

    The client connects (or starts the `LocalCluster`) at the first article that
    is not in the cache, so the cluster's start-up overlaps the reading. Batches
    grow with the articles seen so far (`batch_size`), and at most a few per
    worker thread are in flight: when the window is full, `feed` waits for one
    to finish, so the client never has more than a window of article texts on
    the wire and the reading keeps pace with the cluster.
    """

    def __init__(self, prepared: tuple, scheduler: str, jobs: int, roster, lexicon, rates: dict):
        import contextlib
        self.prepared, self.scheduler, self.jobs = prepared, scheduler, jobs
        self.roster, self.lexicon, self.rates = roster, lexicon, rates
        self.pool = None            # the dask Client, once connected
        self.pending: list[tuple] = []
        self.sent: set[str] = set()
        self.waiting = 0
        self.discrepancies = None
        self.inflight: dict = {}    # future -> its batch number
        self.results: dict[int, "_Batch"] = {}
        self.n_sent = 0
        self.bar = None
        self._stack = contextlib.ExitStack()

    def feed(self, row: dict) -> None:
        if not _queue(self, row):
            return
        if self.pool is None:
            self._start()
        size = batch_size(self.waiting, self.threads)
        while len(self.pending) >= size:
            self._submit(self.pending[:size])
            del self.pending[:size]

    def _start(self) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise SchedulerError("--scheduler needs dask.distributed: pip install 'briefing[dask]'") from None
        import uuid
        import warnings

        if not log.isEnabledFor(logging.INFO):     # distributed logs every worker start at INFO: only with -v
            logging.getLogger("distributed").setLevel(logging.WARNING)
            logging.getLogger("distributed.nanny").setLevel(logging.ERROR)   # "still alive after 4 s, killing"
        if self.scheduler == "local":
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")        # "dashboard needs bokeh" and similar notices
                cluster = self._stack.enter_context(LocalCluster(
                    n_workers=max(1, self.jobs), threads_per_worker=1, processes=True, dashboard_address=None,
                    silence_logs=logging.ERROR))
            client = self._stack.enter_context(Client(cluster))
        else:
            try:
                client = self._stack.enter_context(Client(self.scheduler, timeout=CONNECT_TIMEOUT))
            except (OSError, TimeoutError, ValueError) as exc:
                raise SchedulerError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None
        self.pool = client
        self.threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()) or 1
        self.window = 3 * self.threads
        self.code = code_fingerprint()
        self.run_id = uuid.uuid4().hex[:8]
        [self.roster_f, self.lexicon_f] = client.scatter([self.roster, self.lexicon], broadcast=True)
        log.info("dask: extracting on %d worker threads (%s)", self.threads, client.scheduler.address)

    def _submit(self, batch: list) -> None:
        self.sent.update(t[0] for t in batch)
        fut = self.pool.submit(_extract_columns, self.prepared[0], self.code, self.roster_f, self.lexicon_f, self.rates,
                               batch, key=f"briefing-batch-{self.prepared[0]}-{self.run_id}-{self.n_sent}", pure=False)
        self.inflight[fut] = self.n_sent
        self.n_sent += 1
        while len(self.inflight) > self.window:
            self._take()

    def _take(self) -> None:
        """Wait for a batch in flight to finish and keep its result."""
        from distributed import wait
        done, _ = wait(list(self.inflight), return_when="FIRST_COMPLETED")
        for fut in done:
            i = self.inflight.pop(fut)
            try:
                self.results[i] = fut.result()
            except WorkerMismatch as exc:
                raise SchedulerError(str(exc)) from None
            fut.release()
            if self.bar is not None:
                self.bar.update()

    def collect(self, todo: list, progress: bool = False) -> list["_Batch"]:
        """Every batch's result (`_Batch`, rows as columns) in the order sent; items of `todo` not sent yet
        are sent now."""
        if self.pool is None:
            self._start()
        self.pending = []
        missing = [t for t in todo if t[0] not in self.sent]
        size = batch_size(len(todo), self.threads)
        if progress:
            from tqdm import tqdm
            self.bar = tqdm(total=self.n_sent + -(-len(missing) // size), initial=len(self.results),
                            desc="extracting", unit="batch", leave=False)
        for i in range(0, len(missing), size):
            self._submit(missing[i:i + size])
        while self.inflight:
            self._take()
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        batches = [self.results[i] for i in range(self.n_sent)]
        self.results = {}
        return batches

    def run(self, fn, *args):
        """`fn(*args)` on the cluster, as a future."""
        return self.pool.submit(fn, *args, pure=False)

    def close(self) -> None:
        self._stack.close()
        self.pool = None


def _extract_on_dask(todo: list, scheduler: str, roster, lexicon, rates: dict, *, jobs: int = 1,
                     progress: bool = False, token: str = "") -> list["_Batch"]:
    """Per-article extraction on a Dask cluster, in batches sized for it; the batches' results
    (`_Batch`, rows as columns) in `todo` order (the articles known at once: `_DaskStream` with nothing
    fed while reading)."""
    stream = _DaskStream((token, "", {}, [], set()), scheduler, jobs, roster, lexicon, rates)
    try:
        return stream.collect(todo, progress=progress)
    finally:
        stream.close()


def batch_size(n_articles: int, threads: int) -> int:
    """Articles per batch: about eight batches per worker thread, within 10..500 articles.

    Big enough that scheduling overhead (a few ms per task) stays small against
    the work (~10 ms per article), small enough to balance the load at the end.
    """
    return max(10, min(500, -(-n_articles // (8 * max(1, threads)))))


def _positions(column: pd.Series, keys: list[str]):
    """For each value of `column`, its index in `keys` (-1 when absent); vectorised through factorize."""
    codes, uniques = pd.factorize(column)
    where = pd.Index(keys).get_indexer(pd.Index(uniques))
    return np.where(codes >= 0, where[codes], -1)


def _cache_file(cache_dir, fp: str, corpus_key: str, table: str) -> Path:
    return Path(cache_dir) / f"{corpus_key}-{fp}" / f"{table}.parquet"


def _read_cache(cache_dir, fp: str, corpus_key: str) -> dict[str, pd.DataFrame]:
    """The cached tables (each with a `_key` column); empty when missing or unreadable."""
    try:
        out = {t: pd.read_parquet(_cache_file(cache_dir, fp, corpus_key, t)) for t in (*TABLES, "_done")}
    except FileNotFoundError:
        return {}
    except Exception as exc:  # a truncated or foreign file: start again
        log.warning("extraction cache in %s unreadable (%s); extracting again", cache_dir, exc)
        return {}
    return out


def _write_cache(cache_dir, fp: str, corpus_key: str, frames: dict[str, pd.DataFrame], keys: list[str]) -> None:
    """Write the cache folder atomically: a temporary folder, then one rename; older configs are dropped."""
    import shutil
    final = _cache_file(cache_dir, fp, corpus_key, "x").parent
    tmp = final.parent / f".{final.name}.{os.getpid()}.tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    for t, df in frames.items():
        df.to_parquet(tmp / f"{t}.parquet", index=False)
    pd.DataFrame({"_key": keys}).to_parquet(tmp / "_done.parquet", index=False)
    if final.exists():
        shutil.rmtree(final, ignore_errors=True)
    try:
        os.replace(tmp, final)
    except OSError:        # another process published the same cache a moment ago: theirs is as good
        shutil.rmtree(tmp, ignore_errors=True)
    for other in final.parent.glob(f"{corpus_key}-*"):
        if other != final:
            shutil.rmtree(other, ignore_errors=True)
    import time
    for stale in final.parent.glob(".*.tmp"):     # left by a run that was killed while writing
        if time.time() - stale.stat().st_mtime > 600:
            shutil.rmtree(stale, ignore_errors=True)


TABLE_ORDER = ("articles", "problems", "quotes", "figures", "quantities", "themes", "theme_mentions", "discrepancies")


def output_tables(results: Results) -> dict[str, pd.DataFrame]:
    """The tables of `briefing extract`, in file order, as written (articles without their text)."""
    return {
        "articles": results.articles.drop(columns=["text"]),
        "problems": results.problems,
        "quotes": results.quotes,
        "figures": results.figures,
        "quantities": results.quantities,
        "themes": results.themes,
        "theme_mentions": results.theme_mentions,
        "discrepancies": results.discrepancies,
    }


def write_tables(results: Results, out: str | os.PathLike, *, formats=("csv",), excel_safe: bool = False) -> list[Path]:
    """Write the tables of `briefing extract` into `out`; returns the paths written.

    `formats`: any of csv, parquet, xlsx (one workbook ``tables.xlsx``);
    `excel_safe`: CSVs for Excel (BOM, formula-like cells neutralised), see `analysis.export`.

    When the results come from a run with a cache (`Results.cache_dir`), a
    table whose content, format and code are those of the files this function
    wrote into `out` last time, and whose files still have the SHA-256 recorded
    then, is not written again (CSV and Parquet; a workbook is always written).
    Cache files the run still writes (`analyse(..., defer_cache=True)`) are
    waited for before it returns.
    """
    try:
        return _write_tables(results, out, formats=formats, excel_safe=excel_safe)
    finally:
        results.finish()


def _write_tables(results: Results, out, *, formats, excel_safe: bool) -> list[Path]:
    from .export import in_threads, parse_formats, write_frames

    tables = output_tables(results)
    readme = _workbook_readme(results, tables)
    formats = parse_formats(formats)
    if not results.cache_dir or "xlsx" in formats:
        return write_frames(tables, out, formats=formats, excel_safe=excel_safe, readme=readme)
    # files written by an earlier run from the same table, and unchanged on disk since, are left alone
    record_path = Path(results.cache_dir) / f"written-{_scope(out)}.json"
    record = _load_record(record_path)
    how = f"{','.join(formats)}\0{excel_safe}"
    names = list(tables)
    weight = lambda name: tables[name].size       # noqa: E731 - the biggest tables start first
    digests = dict(zip(names, in_threads(lambda name: table_digest(tables[name], name, how), names, weight)))
    files = {name: [Path(out) / f"{name}.{f}" for f in ("csv", "parquet") if f in formats] for name in tables}
    # the files of the tables whose content is as recorded: still the bytes written then?
    check = [name for name in names if record.get(name, {}).get("digest") == digests[name]]
    intact = in_threads(lambda name: all(_file_sha256(p) == record[name]["files"].get(p.name)
                                         for p in files[name]), check, weight)
    same = [name for name, ok in zip(check, intact) if ok]
    written = write_frames({k: v for k, v in tables.items() if k not in same}, out, formats=formats,
                           excel_safe=excel_safe, readme=readme)
    log.info("tables unchanged since the last run, not written again: %s", ", ".join(same) or "none")
    fresh = [name for name in names if name not in same]
    hashes = in_threads(lambda name: {p.name: _file_sha256(p) for p in files[name]}, fresh, weight)
    new_record = {name: {"digest": digests[name], "files": got} for name, got in zip(fresh, hashes)}
    _save_record(record_path, {**{k: record[k] for k in same}, **new_record})
    return [p for name in tables for p in files[name] if name in same or p in written]


def _scope(folder) -> str:
    return hashlib.sha256(str(Path(folder).resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:12]


def _file_sha256(path: Path) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def _load_record(path: Path) -> dict:
    import json
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _save_record(path: Path, record: dict) -> None:
    import json
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(record, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("could not record the written tables in %s: %s", path, exc)


def _workbook_readme(results: Results, tables: dict[str, pd.DataFrame]) -> str:
    from . import __version__

    lines = [f"briefing {__version__}: tables extracted from {Path(results.corpus.root).name}",
             "One sheet per table; the columns are those of the CSV files described in the README of the package.",
             "Text cells that begin with = + - @ carry a leading apostrophe so that they are never run as formulas.",
             ""]
    for key in ("roster", "lexicon", "rates"):
        if results.config.get(key):
            lines.append(f"{key}: {results.config.get(key + '_used') or results.config[key]}")
    lines.append("")
    for name, df in tables.items():
        lines.append(f"{name}: {len(df)} row(s); columns: {', '.join(map(str, df.columns))}")
    return "\n".join(lines)
