"""The `briefing` command: a thin layer over the Python API.

    briefing check CORPUS              what would be read, and what not
    briefing extract CORPUS --out DIR  the tables as CSV (a stable contract)
    briefing build CORPUS --out DIR    notebooks -> HTML and PDF briefings

Exit codes: 0 ok, 1 failure (no article readable, a notebook failed),
2 bad usage (unknown option, parameter or notebook; bad config).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
from pathlib import Path

from . import __version__


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="briefing", description="Analytical briefings from a folder of news articles.")
    p.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def common(sp):
        sp.add_argument("corpus", type=Path, help="folder of articles (.txt, .md; optional manifest.csv)")
        sp.add_argument("--max-bytes", type=int, default=5_000_000, metavar="N",
                        help="skip article files larger than N bytes (default 5000000)")
        sp.add_argument("-v", "--verbose", action="store_true", help="log what is being done")

    c = sub.add_parser("check", help="load a corpus and report articles, dates, sources and problems",
                       description="Load CORPUS, print a summary and every file that was skipped or read with a "
                                   "caveat, and validate the roster, lexicon and rates that extract and build would "
                                   "use. Exit 1 when no article could be read, 2 when a config file is invalid.")
    common(c)
    _config_options(c)

    e = sub.add_parser("extract", help="write the extracted tables as CSV files",
                       description="Write articles.csv, problems.csv, quotes.csv, figures.csv, quantities.csv, "
                                   "themes.csv and theme_mentions.csv (UTF-8, header row, an article_id column) "
                                   "into DIR.")
    common(e)
    e.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the tables")
    e.add_argument("--format", default=None, metavar="LIST",
                   help="comma-separated: csv, parquet, xlsx (one workbook tables.xlsx); default csv, and "
                        "csv,parquet for corpora of 50,000 articles or more")
    e.add_argument("--excel-safe", "--excel", dest="excel_safe", action="store_true",
                   help="CSVs for Excel: UTF-8 with a byte-order mark, CRLF, and cells starting with = + - @ "
                        "prefixed with an apostrophe (the default CSVs keep the exact text for programs)")
    _config_options(e)
    _work_options(e)

    b = sub.add_parser("build", help="execute the notebooks and render HTML/PDF briefings",
                       description="Execute each notebook with papermill on CORPUS and render HTML and PDF into "
                                   "DIR/<run-id>/; when all succeed, copy them to DIR/ and point DIR/latest at "
                                   "the run. A failed run leaves the previous reports untouched (exit 1).")
    b.add_argument("corpus", type=Path, nargs="?", help="folder of articles (.txt, .md; optional manifest.csv)")
    b.add_argument("--max-bytes", type=int, default=5_000_000, metavar="N",
                   help="skip article files larger than N bytes (default 5000000)")
    b.add_argument("-v", "--verbose", action="store_true", help="log what is being done")
    b.add_argument("--config", type=Path, metavar="YAML",
                   help="build options from a file (corpus, out, format, notebooks, parameters, title, jobs, keep, "
                        "cache); options given on the command line win")
    b.add_argument("--out", type=Path, default=None, metavar="DIR", help="reports folder (default: reports)")
    b.add_argument("--format", default=None, help="comma-separated: html, pdf (default: html,pdf)")
    b.add_argument("--notebook", action="append", metavar="NAME", help="notebook to run (repeatable; default: all)")
    b.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                   help="notebook parameter (repeatable); checked against the notebooks' parameters cell")
    b.add_argument("--title", help="briefing title (default: Briefing)")
    b.add_argument("--keep", type=int, default=None, metavar="N",
                   help="good and failed run folders to keep, each (default 10; 0 keeps only the published run)")
    _config_options(b)
    _work_options(b)
    b.add_argument("--on-failure", metavar="CMD",
                   help="shell command run when the build fails, with the build log's path as its last argument")
    b.add_argument("--list", action="store_true", help="list the notebooks and their parameters, then exit")
    b.add_argument("--fetch", action="store_true", help="run 'briefing fetch CORPUS' first (CORPUS/sources.yml)")

    f = sub.add_parser("fetch", help="collect new articles from news feeds and web pages into the corpus",
                       description="Poll the feeds and pages of SOURCES (default CORPUS/sources.yml) and write each "
                                   "new article into CORPUS as .md with front matter. Nothing in CORPUS is modified "
                                   "or removed. Exit 0 when something or nothing new was fetched, 1 when every "
                                   "source failed, 2 for a bad sources file.")
    f.add_argument("corpus", type=Path, help="corpus folder the articles are written into")
    f.add_argument("--sources", type=Path, metavar="YAML", help="sources file (default: CORPUS/sources.yml)")
    f.add_argument("--since", metavar="DATE", help="skip articles published before DATE (YYYY-MM-DD)")
    f.add_argument("-v", "--verbose", action="store_true", help="print every source's result and log requests")
    return p


def _config_options(sp) -> None:
    sp.add_argument("--roster", type=Path, metavar="YAML", help="speaker roster (default: CORPUS/speakers.yml, else the shipped one)")
    sp.add_argument("--lexicon", type=Path, metavar="YAML", help="theme lexicon (default: CORPUS/themes.yml, else the shipped one)")
    sp.add_argument("--rates", type=Path, metavar="CSV", help="exchange rates to USD by year (default: CORPUS/rates.csv if present)")


def _work_options(sp) -> None:
    sp.add_argument("--jobs", type=int, default=None, metavar="N",
                    help="processes for extraction / notebooks run side by side (default: 1)")
    sp.add_argument("--cache", type=Path, default=None, metavar="DIR",
                    help="extraction cache (default: $XDG_CACHE_HOME/briefing or ~/.cache/briefing)")
    sp.add_argument("--no-cache", action="store_true", help="extract everything again, write no cache")
    sp.add_argument("--scheduler", metavar="ADDRESS", default=None,
                    help="extract on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' for a "
                         "LocalCluster of --jobs workers; needs pip install 'briefing[dask]'")


PATH_PARAMETERS = {"corpus_dir", "roster", "lexicon", "rates", "reference"}


def _absolute(value) -> str:
    return str(Path(value).expanduser().resolve()) if value not in (None, "") else ""


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefing"


def _cache_of(args) -> Path | None:
    return None if args.no_cache else (args.cache or default_cache())


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    for handler in logging.getLogger().handlers:     # errors the command prints itself are not logged twice
        if isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler):
            handler.addFilter(lambda record: not getattr(record, "printed", False))
    for noisy in ("weasyprint", "fontTools", "traitlets", "papermill", "blib2to3"):
        logging.getLogger(noisy).setLevel(logging.INFO if verbose and noisy == "papermill" else logging.ERROR)


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(value: object) -> str:
    """Text safe for a terminal: control characters and escape sequences shown as \\xNN, never sent raw."""
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def cmd_check(args) -> int:
    from .build import UsageError
    from .corpus import load_corpus
    from .pipeline import load_configs

    if args.max_bytes < 1:
        raise UsageError(f"--max-bytes expects a positive number of bytes; got {args.max_bytes}")
    _, _, rates_path, rates, roster, lexicon = load_configs(args.corpus, args.roster, args.lexicon, args.rates)
    corpus = load_corpus(args.corpus, max_bytes=args.max_bytes, progress=sys.stderr.isatty())
    arts = corpus.articles
    first, last = corpus.date_range
    print(f"corpus {args.corpus}: {len(arts)} article(s), {int(arts['n_words'].sum()) if len(arts) else 0} words")
    print(f"dates: {first or '-'} to {last or '-'}" + (
        f"; {int((~arts['year_known']).sum())} without a known year" if len(arts) and (~arts['year_known']).any() else ""))
    sources = arts["source"].replace("", "(unknown)").value_counts()
    print("sources: " + (", ".join(f"{printable(s)} ({n})" for s, n in sources.items()) or "-"))
    for _, a in arts.head(30).iterrows():
        print(f"  {printable(a['article_id'])}  {printable(a['published']) or 'no date'}  {a['n_words']} words  "
              f"{printable(a['title'][:70])}")
    if len(arts) > 30:
        print(f"  … and {len(arts) - 30} more (briefing extract writes them all to articles.csv)")
    print(f"roster: {roster.description}; lexicon: {lexicon.description}; "
          f"rates: {f'{rates_path.name} ({len(rates)} rate(s))' if rates else 'none'}")
    if len(corpus.problems):
        print(f"problems ({len(corpus.problems)}):")
        for _, pr in corpus.problems.iterrows():
            print(f"  {printable(pr['file'])}: {pr['action']}: {printable(pr['problem'])}")
    if arts.empty:
        print("error: no article could be read", file=sys.stderr)
        return 1
    return 0


LARGE_CORPUS = 50_000      # articles; from here extract also writes Parquet unless --format says otherwise


def cmd_extract(args) -> int:
    from .build import UsageError, check_options, check_writable
    from .export import parse_formats
    from .pipeline import analyse, write_tables

    try:
        formats = parse_formats("csv" if args.format is None else args.format)   # --format "" is refused
    except ValueError as exc:
        raise UsageError(f"--format: {exc}") from None
    _, jobs = check_options(("csv",), 0, 1 if args.jobs is None else args.jobs, args.max_bytes, formats_known=False)
    check_writable(args.out, "output folder (--out)")
    if _cache_of(args):
        check_writable(_cache_of(args), "cache folder (--cache)")
    results = analyse(args.corpus, roster=args.roster, lexicon=args.lexicon, rates=args.rates,
                      max_bytes=args.max_bytes, progress=sys.stderr.isatty(), cache_dir=_cache_of(args),
                      jobs=jobs, scheduler=args.scheduler, exclude=(args.out,), defer_cache=True)
    if args.format is None and len(results.articles) >= LARGE_CORPUS:
        formats = ("csv", "parquet")     # large corpora: Parquet beside the CSV contract, typed and compact
    written = write_tables(results, args.out, formats=formats, excel_safe=args.excel_safe)
    for path in written:
        print(path)
    for _, pr in results.problems.iterrows():
        print(f"warning: {printable(pr['file'])}: {pr['action']}: {printable(pr['problem'])}", file=sys.stderr)
    if results.articles.empty:
        print("error: no article could be read", file=sys.stderr)
        return 1
    return 0


def _list_notebooks(args, cfg: dict) -> int:
    """`build --list`: each notebook's parameters with the values this build would use.

    A value set by `--config` or `-p` replaces the notebook's default and is
    marked with where it came from; notebooks the build would not run are
    marked too, so the listing answers "what will this command do".
    """
    from .build import UsageError, available_notebooks, notebook_parameters

    catalogue = available_notebooks()
    if not catalogue:
        raise UsageError("no notebooks found (set BRIEFING_NOTEBOOKS to their folder)")
    chosen = [n.removesuffix(".ipynb") for n in args.notebook or cfg.get("notebooks") or ()]
    unknown = [n for n in chosen if n not in catalogue]
    if unknown:
        raise UsageError(f"unknown notebook {unknown[0]!r}; available: {', '.join(catalogue)}")

    def shown(value) -> str:             # as the notebook's own defaults are written: numbers bare, text quoted
        value = str(value)
        return value if re.fullmatch(r"-?\d+(?:\.\d+)?", value) else json.dumps(value, ensure_ascii=False)

    given = {k: (shown(v), "--config") for k, v in cfg.get("parameters", {}).items()}
    if cfg.get("corpus"):
        given["corpus_dir"] = (shown(cfg["corpus"]), "--config")
    if args.corpus:
        given["corpus_dir"] = (shown(args.corpus), "CORPUS")
    given.update({k: (shown(v), "-p") for k, v in args.parameter})
    if args.title is not None:
        given["title"] = (shown(args.title), "--title")
    for name, path in catalogue.items():
        skipped = "--notebook" if args.notebook else f"the notebooks of {args.config}"
        print(name if not chosen or name in chosen else f"{name}  (not built: not among {skipped})")
        spec = notebook_parameters(path)
        values = {p: given[p][0] if p in given else s["default"] for p, s in spec.items()}
        width = max((len(p) + 1 + len(v) for p, v in values.items()), default=0)
        for pname, ps in spec.items():        # the help texts in one column
            origin = f"  [{given[pname][1]}]" if pname in given else ""
            print(f"  -p {(pname + ' ' + values[pname]).ljust(width)}  {ps['help']}{origin}")
    return 0


def cmd_build(args) -> int:
    from .build import UsageError, build, load_build_config

    cfg = load_build_config(args.config) if args.config else {}
    if args.list:
        return _list_notebooks(args, cfg)
    corpus = args.corpus or cfg.get("corpus")
    given: dict[str, str] = {}
    for k, v in args.parameter:         # the last of two values would silently win
        if k in given and given[k] != v:
            raise UsageError(f"-p {k} is given twice ({given[k]!r} and {v!r}); give it once "
                             f"(several values in one: -p {k} 'a,b')")
        given[k] = v
    if args.title is not None and "title" in given and given["title"] != args.title:
        raise UsageError(f"--title {args.title!r} and -p title {given['title']!r} disagree; give it once")
    # a parameter from the config file that the command line does not override: its errors name the file and line
    cfg_where = {k: w for k, w in cfg.get("where", {}).items() if k not in given}
    # paths given on the command line are relative to where the command runs (the config file's are
    # already relative to the file); the notebooks run elsewhere, so they get absolute paths
    cli_params = [(k, _absolute(v) if k in PATH_PARAMETERS else v) for k, v in args.parameter]
    params = [(k, str(v)) for k, v in cfg.get("parameters", {}).items()] + cli_params
    effective = dict(params)                # the command line wins over the config file
    from .params import check_date_range
    check_date_range(effective.get("since"), effective.get("until"))
    configs = {}
    for opt in ("roster", "lexicon", "rates"):          # --roster X is -p roster X, for every notebook that takes it
        value = getattr(args, opt) or cfg.get(opt)
        if value:
            clash = [v for k, v in params if k == opt and v and _absolute(v) != _absolute(value)]
            if clash:
                raise UsageError(f"--{opt} {value} and -p {opt} {clash[0]} disagree; give it once")
            if not Path(value).is_file():
                raise UsageError(f"--{opt}: file not found: {value}")
            configs[opt] = _absolute(value)
    dirs = [v for k, v in params if k == "corpus_dir"]
    for d in dirs:
        if corpus is not None and _absolute(d) != _absolute(corpus):
            raise UsageError(f"the corpus is given twice: CORPUS {corpus} and -p corpus_dir {d}; give it once")
    corpus = corpus or (dirs[-1] if dirs else None)
    params = [(k, v) for k, v in params if k != "corpus_dir"]
    if corpus is None:
        raise UsageError("no corpus: give CORPUS or 'corpus:' in --config")
    if not Path(corpus).is_dir():
        raise UsageError(f"corpus folder not found: {corpus}")
    out = args.out or Path(cfg.get("out", "reports"))
    fmt = args.format if args.format is not None else ",".join(cfg.get("format", ["html", "pdf"]))
    formats = tuple(f.strip() for f in fmt.split(",") if f.strip())
    cache = None if args.no_cache else (args.cache or (Path(cfg["cache"]) if cfg.get("cache") else default_cache()))
    fetch = None
    if args.fetch:
        # new articles first, but only once the sources file and every option and parameter of the build
        # are known to be right (build() calls this after its checks); a failed fetch is reported and the
        # build goes on with the corpus as it is
        from .fetch import SOURCES_NAME, fetch_sources, load_sources
        load_sources(Path(corpus) / SOURCES_NAME)

        def fetch():
            report = fetch_sources(corpus, progress=sys.stderr.isatty())
            _print_fetch(report, loud=args.verbose or sys.stdout.isatty())
            return report.as_dict()
    try:
        result = build(corpus, out, notebooks=args.notebook or cfg.get("notebooks"), formats=formats, params=params,
                       title=args.title or cfg.get("title"), verbose=args.verbose,
                       keep=args.keep if args.keep is not None else cfg.get("keep", 10),
                       jobs=args.jobs if args.jobs is not None else cfg.get("jobs", 1), cache_dir=cache,
                       configs=configs, scheduler=args.scheduler or cfg.get("scheduler"),
                       max_bytes=args.max_bytes, before_work=fetch)
    except UsageError as exc:
        named = re.match(r"(?:unknown )?parameter '([^']+)'", str(exc))
        if named and named.group(1) in cfg_where:
            raise UsageError(f"{cfg_where[named.group(1)]}: {exc}") from None
        raise
    args._build_log = result.log
    if result.reason:
        print(f"error: {result.reason}", file=sys.stderr)
    if result.up_to_date:
        print(f"up to date: corpus, parameters and notebooks unchanged since run {result.run_dir.name}; "
              f"nothing rebuilt ({out})")
        return 0
    for run in result.runs:
        if run.ok:
            print(f"{run.name}: ok ({run.seconds:.1f} s)" if not run.reused else f"{run.name}: unchanged, reused")
        else:                        # build.log has it too; the terminal handler leaves it to this line
            print(f"error: {run.error}", file=sys.stderr)
    if result.published:
        latest = Path(out) / "latest"
        for path in sorted(latest.iterdir() if latest.is_dir() else []):
            if path.suffix in (".html", ".pdf"):
                print(Path(out) / path.name)
    if result.ok:
        return 0
    failed = ", ".join(r.name for r in result.runs if not r.ok)
    if result.published:
        print(f"build partly failed ({failed}): published what succeeded, the previous version of each failed "
              f"notebook kept (see manifest.json); log: {result.log}", file=sys.stderr)
    else:
        print(f"build failed; previous reports in {out} left as they were; log: {result.log}", file=sys.stderr)
    return 1


def cmd_fetch(args) -> int:
    from .fetch import fetch_sources

    if args.since is not None:
        from .corpus import parse_date
        got = parse_date(args.since) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.since) else None
        if got is None:
            print(f"error: --since expects a date such as 2026-01-31, got {args.since!r}", file=sys.stderr)
            return 2
    report = fetch_sources(args.corpus, args.sources, since=args.since, progress=sys.stderr.isatty())
    _print_fetch(report, loud=args.verbose or sys.stdout.isatty())
    return report.exit_code


def _print_fetch(report, loud: bool) -> None:
    """On a terminal every source's line; under cron only what went wrong (on stderr)."""
    for line, src in zip(report.summary(), report.sources):
        if loud:
            print(line)
        elif src.status == "failed":
            print(f"error: {line}", file=sys.stderr)
        if loud:
            for p in src.problems:
                print(f"  problem: {p['url']}: {p['problem']}", file=sys.stderr)
            for d in src.duplicates:
                print(f"  duplicate: {d['url']} (same as {d['of']})")
    if loud:
        print(f"{len(report.new_files)} new article(s) in {report.corpus}")


def run_failure_hook(command: str, code: int, log: Path | None, message: str = "") -> None:
    """Run the --on-failure command with the build log's path as its last argument.

    The environment also carries BRIEFING_EXIT (the exit code), BRIEFING_LOG
    (the log path, empty when the build never started) and BRIEFING_ERROR (the
    message printed, for usage errors).
    """
    import shlex
    import subprocess

    env = {**os.environ, "BRIEFING_EXIT": str(code), "BRIEFING_LOG": str(log or ""), "BRIEFING_ERROR": message}
    line = f"{command} {shlex.quote(str(log))}" if log else command
    try:
        r = subprocess.run(line, shell=True, env=env, timeout=300, stdin=subprocess.DEVNULL)
        if r.returncode:
            print(f"warning: --on-failure command exited {r.returncode}", file=sys.stderr)
    except (OSError, subprocess.SubprocessError) as exc:
        print(f"warning: --on-failure command could not run: {exc}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    from .build import UsageError
    from .config import ConfigError
    from .fetch import FetchBusy
    from .pipeline import SchedulerError

    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    _setup_logging(args.verbose)
    if args.corpus is not None and not args.corpus.is_dir():
        print(f"error: corpus folder not found: {args.corpus}", file=sys.stderr)
        return 2
    hook = getattr(args, "on_failure", None)
    try:
        code = {"check": cmd_check, "extract": cmd_extract, "build": cmd_build,
                "fetch": cmd_fetch}[args.command](args)
        if code and hook:
            run_failure_hook(hook, code, getattr(args, "_build_log", None))
        return code
    except (UsageError, ConfigError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        if hook:
            run_failure_hook(hook, 2, None, str(exc))
        return 2
    except (FetchBusy, SchedulerError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:   # output piped into head & co.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
