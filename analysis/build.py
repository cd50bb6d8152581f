"""Execute the notebooks with papermill and render them into briefings.

A build writes everything into a fresh run folder ``OUT/<run-id>/`` (executed
notebooks, HTML, PDF, ``manifest.json``, ``build.log`` and the snapshot of the
extracted tables the notebooks read). Notebooks whose inputs did not change
since the published run are reused, not rebuilt. The set is published in one
step: ``OUT/latest`` is swapped to the run folder by a single rename, and the
top-level files (``OUT/briefing.pdf`` ...) are links through ``latest/``. A
deep dive that failed keeps its previous version (marked in the manifest); if
the executive briefing fails, or the corpus is empty, nothing is published and
the previous set stays as it was.
"""
from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import logging
import os
import platform
import re
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

# An installed package carries its notebooks in analysis/notebooks; a source checkout keeps them
# in the repository's notebooks/ (the editable install maps one onto the other).
NOTEBOOK_DIRS = (Path(__file__).resolve().parent / "notebooks", Path(__file__).resolve().parent.parent / "notebooks")
RUN_LOCK = ".running.lock"          # held by the build that owns a run folder
PUBLISH_LOCK = ".publish.lock"      # held while OUT/ is published or pruned
# Failures of a run go to its build.log only; the command prints them once itself.
runlog = logging.getLogger("analysis.build.run")
runlog.propagate = False
FORMATS = ("html", "pdf")
KERNEL_NAME = "briefing-python"


class UsageError(Exception):
    """Bad command-line input: reported before anything runs (exit code 2)."""


@dataclass
class NotebookRun:
    name: str
    ok: bool = False
    seconds: float = 0.0
    error: str = ""
    outputs: list[Path] = field(default_factory=list)
    input_key: str = ""
    reused: bool = False     # inputs unchanged since the previous run: its outputs were copied
    steps: dict = field(default_factory=dict)    # seconds per step: kernel, execute, html, pdf


@dataclass
class BuildResult:
    run_dir: Path
    runs: list[NotebookRun]
    up_to_date: bool = False  # nothing changed since the published run: nothing was built
    reason: str = ""              # why the whole build failed before any notebook ran
    published: bool = False       # this run is now OUT/latest (possibly with failed notebooks kept from before)

    @property
    def ok(self) -> bool:
        return not self.reason and (self.up_to_date or bool(self.runs)) and all(r.ok for r in self.runs)

    @property
    def log(self) -> Path:
        return self.run_dir / "build.log"


# --------------------------------------------------------------------------- notebooks & parameters


def notebook_dir() -> Path:
    """Notebooks shipped with the project (override with BRIEFING_NOTEBOOKS)."""
    if os.environ.get("BRIEFING_NOTEBOOKS"):
        return Path(os.environ["BRIEFING_NOTEBOOKS"])
    return next((d for d in NOTEBOOK_DIRS if any(d.glob("*.ipynb"))), NOTEBOOK_DIRS[0])


def available_notebooks(folder: Path | None = None) -> dict[str, Path]:
    """Name -> path of every notebook; a UsageError when there is none (a broken install, a wrong
    BRIEFING_NOTEBOOKS), never an empty catalogue."""
    folder = folder or notebook_dir()
    found = {p.stem: p for p in sorted(folder.glob("*.ipynb")) if not p.name.startswith(".")}
    if not found:
        raise UsageError(f"no notebooks in {folder}" + (" (BRIEFING_NOTEBOOKS)" if os.environ.get("BRIEFING_NOTEBOOKS")
                                                        else "; reinstall the package (pip install .)"))
    return found


def notebook_parameters(path: Path) -> dict[str, dict]:
    """The notebook's `parameters` cell: name -> {default, inferred_type_name, help}."""
    import papermill

    return papermill.inspect_notebook(str(path))


DATE_PARAMETERS = {"since", "until"}
# Parameters naming a file: resolved against the folder the command runs in (not the
# notebooks' folder) and checked before anything runs.
FILE_PARAMETERS = {"roster": "speaker roster", "lexicon": "theme lexicon", "rates": "rates CSV",
                   "reference": "reference CSV"}


def _check_date(name: str, raw: str) -> None:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", raw)
    try:
        if not m:
            raise ValueError("not of the form YYYY-MM-DD")
        dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError as exc:
        raise UsageError(f"parameter '{name}' expects a date such as 2026-01-31 (or 2026-01, 2026), "
                         f"got {raw!r} ({exc})") from None


def _check_path(name: str, raw: str) -> str:
    """An existing, valid config file named by a parameter, as an absolute path."""
    from .config import ConfigError, load_rates, load_reference

    path = Path(raw).expanduser().resolve()
    if not path.is_file():
        raise UsageError(f"parameter '{name}': {FILE_PARAMETERS[name]} {raw} not found "
                         f"(relative paths start from {Path.cwd()})")
    try:
        if name == "reference":
            load_reference(path)
        elif name == "rates":
            load_rates(path)
    except ConfigError as exc:
        raise UsageError(f"parameter '{name}': {exc}") from None
    return str(path)


_TRUE = {"true", "yes", "1", "on"}
_FALSE = {"false", "no", "0", "off"}


def coerce(name: str, raw: str, spec: dict) -> object:
    """Convert a command-line string to the type of the parameter's default."""
    kind = (spec.get("inferred_type_name") or "None").lower()
    default = spec.get("default")
    expected = "text"
    try:
        if kind == "bool" or default in ("True", "False"):
            expected = "true or false"
            low = raw.strip().lower()
            if low in _TRUE:
                return True
            if low in _FALSE:
                return False
            raise ValueError(raw)
        if kind == "int" or (default and default.lstrip("-").isdigit()):
            expected = "a whole number"
            return int(raw)
        if kind == "float" or (default and re.fullmatch(r"-?\d+\.\d*(?:e-?\d+)?", default)):
            expected = "a number"
            return float(raw)
        if kind.startswith("list") or (default or "").startswith("["):
            return [item.strip() for item in raw.split(",") if item.strip()]
    except ValueError:
        raise UsageError(f"parameter '{name}' expects {expected} (default {default}), got {raw!r}") from None
    return raw


def resolve_parameters(notebooks: dict[str, Path], given: list[tuple[str, str]]) -> dict[str, dict]:
    """Per-notebook parameters from -p NAME VALUE pairs; refuses unknown names or bad values."""
    specs = {name: notebook_parameters(path) for name, path in notebooks.items()}
    known = set().union(*[set(s) for s in specs.values()]) if specs else set()
    per_nb: dict[str, dict] = {name: {} for name in notebooks}
    for pname, raw in given:
        if pname not in known:
            hint = ", ".join(sorted(known)) or "none"
            raise UsageError(f"unknown parameter '{pname}' (the selected notebooks take: {hint})")
        if pname in DATE_PARAMETERS and raw:
            _check_date(pname, raw)
        if pname in FILE_PARAMETERS and raw:
            raw = _check_path(pname, raw)
        for nb, spec in specs.items():
            if pname in spec:
                per_nb[nb][pname] = coerce(pname, raw, spec[pname])
    return per_nb


# --------------------------------------------------------------------------- config file

BUILD_KEYS = {"corpus", "out", "format", "notebooks", "parameters", "title", "jobs", "keep", "cache",
              "roster", "lexicon", "rates", "scheduler"}
PATH_KEYS = ("corpus", "out", "cache", "roster", "lexicon", "rates")
PATH_PARAMETERS = ("corpus_dir", "roster", "lexicon", "rates", "reference")


def load_build_config(path: Path) -> dict:
    """Read and validate a briefing.yml; relative paths are taken from the file's folder."""
    from .config import Checker, load_yaml

    path = Path(path)
    if not path.is_file():
        raise UsageError(f"{path}: file not found")
    data = load_yaml(path) or {}
    c = Checker(path)
    c.mapping(data, "", allowed=BUILD_KEYS)
    out: dict = {}
    for key in PATH_KEYS:
        if key in data:
            out[key] = str((path.parent / Path(c.text(data[key], key)).expanduser()).resolve())
    if "title" in data:                 # title: 2026 is a title too
        t = data["title"]
        out["title"] = c.text(str(t) if isinstance(t, (int, float)) and not isinstance(t, bool) else t, "title")
    if "scheduler" in data:
        out["scheduler"] = c.text(data["scheduler"], "scheduler")
    if "format" in data:
        out["format"] = c.texts(data["format"], "format", single=True)
        for i, f in enumerate(out["format"]):
            if f not in FORMATS:
                c.fail(f"format[{i}]", f"unknown format '{f}' (html, pdf)")
    if "notebooks" in data:
        out["notebooks"] = c.texts(data["notebooks"], "notebooks", single=True)
    for key in ("jobs", "keep"):
        if key in data:
            v = data[key]
            if isinstance(v, bool) or not isinstance(v, int) or v < (1 if key == "jobs" else 0):
                c.fail(key, f"expected a whole number{' of at least 1' if key == 'jobs' else ''}, got {v!r}")
            out[key] = v
    if "parameters" in data:
        params = c.mapping(data["parameters"], "parameters")
        out["parameters"], out["where"] = {}, {}
        for k, v in params.items():
            if isinstance(v, list):         # themes: [trade, machinery] is -p themes trade,machinery
                if any(isinstance(i, (dict, list)) or i is None for i in v):
                    c.fail(f"parameters.{k}", "expected a single value or a list of values")
                v = ",".join(str(i) for i in v)
            elif isinstance(v, dict):
                c.fail(f"parameters.{k}", "expected a single value or a list of values")
            out["parameters"][k] = "" if v is None else v
            out["where"][k] = c.where(f"parameters.{k}")     # errors about it name the file and line
        for k in PATH_PARAMETERS:       # file parameters are relative to this file too
            v = out["parameters"].get(k)
            if isinstance(v, str) and v.strip():
                out["parameters"][k] = str((path.parent / Path(v.strip()).expanduser()).resolve())
    return out


# --------------------------------------------------------------------------- build


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _kernel_dir(run_dir: Path | None = None) -> Path:
    """A kernelspec that runs this very interpreter, so notebooks see this install.

    Made inside the run folder when there is one, so that a killed build leaves
    nothing in the system's temporary folder (the run folder is pruned later).
    """
    if run_dir is not None:
        root = run_dir / ".kernel"
        root.mkdir()
    else:
        root = Path(tempfile.mkdtemp(prefix="briefing-kernel-"))
    spec_dir = root / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    spec = {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                     "--IPKernelApp.log_level=ERROR", "--HistoryManager.hist_file=:memory:"],
            "display_name": "Python (briefing)", "language": "python",
            "env": {"PYDEVD_DISABLE_FILE_VALIDATION": "1"}}
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    return root


def new_run_id() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


class Kernel:
    """One Python kernel kept for the notebooks a build runs one after another: its start-up and the
    package imports are paid once, not once per notebook. Before each next notebook the namespace is
    cleared (``%reset -f``) and the execution counter restarts, so every notebook starts from an empty
    namespace as it would in a fresh kernel; modules stay imported. A kernel that died is replaced.

    An asynchronous kernel manager, as papermill's own: its client notices a kernel that dies in the
    middle of a notebook. Start, use and close it from one thread."""

    WARM = ("import analysis.report, analysis.charts, analysis.style, analysis.themes, analysis.snapshot\n"
            "import pyarrow.parquet, matplotlib.figure\n"
            "from matplotlib import font_manager as _fm; _fm.findfont('DejaVu Sans'); del _fm")
    RESET = "get_ipython().reset(new_session=True)"      # %reset -f, a new history session, counter at 1

    def __init__(self, cwd: Path):
        self.cwd = Path(cwd)
        self.km = None
        self.used = False
        self.start_seconds = 0.0

    def start(self, warm: bool = True) -> None:
        """Start the kernel in `cwd` (and import the package in it, while the build does other work)."""
        from jupyter_client import AsyncKernelManager
        from jupyter_core.utils import run_sync

        t = time.perf_counter()
        self.close()
        km = AsyncKernelManager(kernel_name=KERNEL_NAME)
        run_sync(km.start_kernel)(cwd=str(self.cwd))
        self.km, self.used = km, False
        if warm:
            self._run(self.WARM)
        self.start_seconds = time.perf_counter() - t

    def _run(self, code: str, timeout: float = 120) -> None:
        kc = self.km.blocking_client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=timeout)
            reply = kc.execute_interactive(code, timeout=timeout, store_history=False, output_hook=lambda msg: None)
            if reply["content"].get("status") != "ok":
                raise RuntimeError(f"kernel set-up failed: {reply['content'].get('ename')}: "
                                   f"{reply['content'].get('evalue')}")
        finally:
            kc.stop_channels()

    def manager(self):
        """The kernel manager for the next notebook: started if needed, namespace cleared if used."""
        from jupyter_core.utils import run_sync

        if self.km is None or not run_sync(self.km.is_alive)():
            self.start(warm=False)
        elif self.used:
            try:
                self._run(self.RESET)
            except Exception:            # a kernel that no longer answers: a fresh one
                self.start(warm=False)
        self.used = True
        return self.km

    def close(self) -> None:
        from jupyter_core.utils import run_sync

        if self.km is not None:
            try:
                run_sync(self.km.shutdown_kernel)(now=True)
            except Exception:
                pass
            self.km = None


PREWARM_KERNELS = True      # start kernels (and import the package) while the snapshot is taken


def _engine():
    """A papermill engine that runs a notebook in a kernel it is given and closes its client afterwards
    (papermill's own engine would leave the client's channels open on a kernel it does not own)."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    class KeptKernelEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                     stderr_file=None, start_timeout=60, execution_timeout=None, km=None, **kwargs):
            from papermill.engines import logger
            client = PapermillNotebookClient(nb_man, km=km, timeout=execution_timeout, startup_timeout=start_timeout,
                                             kernel_name=kernel_name, log=logger, log_output=log_output,
                                             stdout_file=stdout_file, stderr_file=stderr_file)
            try:
                return client.execute()
            finally:
                if client.kc is not None:
                    client.kc.stop_channels()

    papermill_engines.register("briefing-kept-kernel", KeptKernelEngine)
    return "briefing-kept-kernel"


def render_outputs(executed: str, run_dir: str, name: str, formats: tuple[str, ...], title: str) -> dict:
    """HTML and PDF of an executed notebook; returns {"files": [...], "html": s, "pdf": s}. Runs in the
    build process (--jobs 1) or in a worker process, so that two notebooks render on two cores."""
    import nbformat

    from . import render

    steps: dict = {"files": []}
    t = time.perf_counter()
    nb = nbformat.read(executed, as_version=4)
    html = render.to_html(nb, title=f"{title} — {name.replace('_', ' ')}" if name != "briefing" else title)
    steps["html"] = time.perf_counter() - t
    if "html" in formats:
        out = Path(run_dir) / f"{name}.html"
        out.write_text(html, encoding="utf-8")
        steps["files"].append(str(out))
    if "pdf" in formats:
        t = time.perf_counter()
        out = Path(run_dir) / f"{name}.pdf"
        render.to_pdf(html, out)
        steps["pdf"] = time.perf_counter() - t
        steps["files"].append(str(out))
    return steps


def _warm_renderer() -> None:
    """Import the renderer and let WeasyPrint load its fonts once, in a worker process."""
    from . import render
    render.warm_up()


def execute(name: str, path: Path, run_dir: Path, parameters: dict, formats: tuple[str, ...],
            title: str, kernel_root: Path, verbose: bool = False, *, kernel: Kernel | None = None,
            renderer=None) -> NotebookRun:
    """Run one notebook into run_dir and render it; never raises for a failing notebook.

    `kernel` is a `Kernel` kept between notebooks (None: papermill starts and stops one);
    `renderer` an executor whose worker processes render HTML and PDF (None: this process)."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    run = NotebookRun(name)
    started = time.perf_counter()
    executed = run_dir / f"{name}.ipynb"
    try:
        if kernel is not None:
            t = time.perf_counter()
            km = kernel.manager()
            run.steps["kernel"] = time.perf_counter() - t
            t = time.perf_counter()
            papermill.execute_notebook(str(path), str(executed), parameters=parameters, kernel_name=KERNEL_NAME,
                                       progress_bar=False, log_output=verbose, start_timeout=120,
                                       engine_name=_engine(), km=km)
        else:
            t = time.perf_counter()
            papermill.execute_notebook(str(path), str(executed), parameters=parameters,
                                       kernel_name=KERNEL_NAME, progress_bar=False, log_output=verbose,
                                       cwd=str(path.parent), start_timeout=120)
        run.steps["execute"] = time.perf_counter() - t
        run.outputs.append(executed)
        args = (str(executed), str(run_dir), name, tuple(formats), title)
        done = renderer.submit(render_outputs, *args).result() if renderer is not None else render_outputs(*args)
        run.outputs += [Path(f) for f in done.pop("files")]
        run.steps.update(done)
        run.outputs += sorted(run_dir.glob(f"{name}.xlsx")) + sorted(run_dir.glob(f"{name}-*.csv"))
        run.ok = True
    except PapermillExecutionError as exc:
        failed = run_dir / f"{name}.failed.ipynb"
        if executed.exists():
            executed.replace(failed)
            run.outputs.append(failed)
        run.error = (f"notebook '{name}' failed in cell {exc.cell_index} (execution count {exc.exec_count}): "
                     f"{exc.ename}: {exc.evalue}; executed copy kept at {failed}")
    except Exception as exc:  # rendering or kernel start-up
        run.error = f"notebook '{name}' failed: {type(exc).__name__}: {exc}"
    finally:
        run.seconds = time.perf_counter() - started
    return run


def check_writable(folder: Path, what: str) -> None:
    """Create `folder` if needed and prove a file can be written there; UsageError otherwise."""
    folder = Path(folder).absolute()
    created = []                      # folders made for the probe are removed again: no trace before work
    try:
        missing = [p for p in [folder, *folder.parents] if not p.exists()]
        for p in reversed(missing):
            p.mkdir()
            created.append(p)
        fd, probe = tempfile.mkstemp(prefix=".briefing-write-test-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UsageError(f"{what} {folder} is not writable ({exc.strerror or exc})") from None
    finally:
        for p in reversed(created):
            try:
                p.rmdir()
            except OSError:
                pass


def check_options(formats, keep: int, jobs: int, max_bytes: int,
                  formats_known: bool = True) -> tuple[tuple[str, ...], int]:
    """Refuse option values that cannot work; returns (formats, jobs clamped to the machine's cores)."""
    formats = tuple(dict.fromkeys(f.strip().lower() for f in formats if f and f.strip()))
    if not formats:
        raise UsageError(f"--format names no format; choose from {', '.join(FORMATS)}")
    bad = [f for f in formats if f not in FORMATS] if formats_known else []
    if bad:
        raise UsageError(f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    if isinstance(keep, bool) or not isinstance(keep, int) or keep < 0:
        raise UsageError(f"--keep expects a whole number of runs, 0 or more; got {keep!r}")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise UsageError(f"--jobs expects a whole number of at least 1; got {jobs!r}")
    if max_bytes < 1:
        raise UsageError(f"--max-bytes expects a positive number of bytes; got {max_bytes}")
    cores = os.cpu_count() or 1
    if jobs > cores:
        log.warning("--jobs %d is more than the %d core(s) of this machine; using %d", jobs, cores, cores)
        jobs = cores
    return formats, jobs


def build(corpus: Path, out: Path, *, notebooks: list[str] | None = None,
          formats: tuple[str, ...] = FORMATS, params: list[tuple[str, str]] | None = None,
          title: str | None = None, verbose: bool = False, progress: bool | None = None,
          keep: int = 10, jobs: int = 1, cache_dir: str | Path | None = None,
          configs: dict[str, str] | None = None, fetched: dict | None = None,
          scheduler: str | None = None, max_bytes: int | None = None,
          before_work: Callable[[], dict | None] | None = None) -> BuildResult:
    """Execute and render the notebooks; see the module docstring for the layout.

    `fetched` (``FetchReport.as_dict()`` of a fetch run just before) goes into
    the manifest as ``fetch``: the sources polled and what each gave.
    `before_work()` runs once every option, parameter and config is checked and
    before the corpus is read (``briefing build --fetch`` fetches there); what
    it returns, if not None, is recorded as `fetched`.
    """
    from . import __version__
    from .corpus import DEFAULT_MAX_BYTES, load_corpus
    from .pipeline import load_configs

    corpus = Path(corpus).resolve()
    if not corpus.is_dir():
        raise UsageError(f"corpus folder not found: {corpus}")
    max_bytes = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    formats, jobs = check_options(formats, keep, jobs, max_bytes)
    catalogue = available_notebooks()
    chosen = notebooks or list(catalogue)
    missing = [n for n in chosen if n.removesuffix(".ipynb") not in catalogue]
    if missing:
        raise UsageError(f"no notebook named {', '.join(missing)} (available: {', '.join(catalogue)})")
    selected = {n.removesuffix(".ipynb"): catalogue[n.removesuffix(".ipynb")] for n in chosen}
    if scheduler and not cache_dir:
        raise UsageError("--scheduler extracts into the cache the notebooks read: it cannot be used with --no-cache")
    per_nb = resolve_parameters(selected, params or [])
    title = title or "Briefing"
    for name, path in selected.items():
        spec = notebook_parameters(path)
        base = {"corpus_dir": str(corpus), "title": title, **(configs or {})}   # --roster & co.
        per_nb[name] = {**{k: v for k, v in base.items() if k in spec}, **per_nb[name]}
        for given in BUILD_SETS:
            if given in per_nb[name] and given in spec:
                raise UsageError(f"parameter '{given}' is set by briefing build itself; it cannot be given with -p")

    for name, values in per_nb.items():    # every config is checked before anything runs
        if values.get("corpus_dir") and Path(str(values["corpus_dir"])).resolve() != corpus:
            raise UsageError(f"parameter 'corpus_dir' ({values['corpus_dir']}) names another folder than the "
                             f"corpus ({corpus}); give the corpus one way only")
        load_configs(corpus, values.get("roster") or None, values.get("lexicon") or None, values.get("rates") or None)
    from .params import resolve_names        # themes, speakers, metric, currency: known, canonical

    def _analysed():
        from .pipeline import analyse
        first = next(iter(per_nb.values()), {})
        return analyse(corpus, roster=first.get("roster") or None, lexicon=first.get("lexicon") or None,
                       rates=first.get("rates") or None, cache_dir=cache_dir, jobs=jobs)
    per_nb = resolve_names(per_nb, corpus, _analysed, warn=before_work is None)

    # absolute: papermill's cwd= changes the working directory of the whole process while a notebook
    # runs, so with --jobs 2 a relative run folder would be looked up in the other notebook's folder
    out = Path(out).absolute()
    check_writable(out, "reports folder (--out)")
    out.mkdir(parents=True, exist_ok=True)
    if cache_dir:
        check_writable(Path(cache_dir), "cache folder (--cache)")
    if before_work is not None:          # everything above is known to be right: now change the corpus
        fetched = before_work() or fetched
        from .params import warn_absent
        warn_absent(per_nb, _analysed)
    began = time.perf_counter()
    loaded = load_corpus(corpus, max_bytes=max_bytes, exclude=(out,))
    from .params import warn_dates        # -p since/until that leave out every article: say so
    warn_dates(per_nb, loaded.articles)
    keys = input_keys(corpus, loaded, selected, per_nb, formats, title)
    checked = time.perf_counter() - began
    previous = previous_run(out)
    if previous is not None and not loaded.articles.empty and _all_current(previous, keys):
        log.info("up to date: corpus, parameters and notebooks unchanged since run %s", previous["run_id"])
        from filelock import FileLock
        with FileLock(str(out / PUBLISH_LOCK)):       # nothing to build, but killed runs are still cleaned up
            _prune(out, keep)
        return BuildResult(out / previous["run_id"], [], up_to_date=True)
    run_id = new_run_id()
    run_dir = out / run_id
    from filelock import FileLock
    staging = out / f".{run_id}.new"                        # locked before it gets its run-id name, so
    staging.mkdir()                                          # pruning never sees it unlocked
    run_lock = FileLock(str(staging / RUN_LOCK))            # held while this run lives: pruning skips it
    run_lock.acquire()
    os.rename(staging, run_dir)
    handler = logging.FileHandler(run_dir / "build.log", encoding="utf-8")
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root_logger = logging.getLogger()
    for h in root_logger.handlers:
        if isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler) and h.level == logging.NOTSET:
            h.setLevel(root_logger.level)   # the terminal keeps its own verbosity
    root_logger.addHandler(handler)
    runlog.addHandler(handler)
    quiet_level = root_logger.level
    if root_logger.level > logging.INFO:
        root_logger.setLevel(logging.INFO)
    started = time.perf_counter()
    kernel_root = None
    threads = renderer = None
    kernels: list[Kernel] = []
    env_before = {k: os.environ.get(k) for k in ("JUPYTER_PATH", "BRIEFING_CACHE")}
    try:
        log.info("build %s: corpus %s, notebooks %s", run_id, corpus, ", ".join(selected))
        stats: dict = {}
        if loaded.articles.empty:
            # an empty corpus (or a missing network mount, which looks the same) never replaces a report
            manifest = _manifest_base(run_id, corpus, None, per_nb, selected, __version__, stats, out, keys)
            if fetched is not None:
                manifest["fetch"] = fetched
            why = "no article could be read from the corpus; nothing published"
            runlog.error(why)
            runs = []
            result = BuildResult(run_dir, runs, reason=why)
            _finish_manifest(manifest, run_dir, runs, started, published=None, status="failed")
            with FileLock(str(out / PUBLISH_LOCK)):
                _prune(out, keep, current=run_dir)
            return result
        build_steps = {"read and compare": checked}
        reused = reuse_unchanged(previous, keys, run_dir, out)
        todo = {n: p for n, p in selected.items() if n not in reused}
        # the longest notebook first (as timed by the previous run), so that parallel slots finish together
        before = (previous or {}).get("timings", {})
        todo = dict(sorted(todo.items(), key=lambda item: -float(before.get(item[0]) or 0)))
        slots = max(1, min(jobs, len(todo) or 1))
        kernel_root = _kernel_dir(run_dir)
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(kernel_root), env_before["JUPYTER_PATH"]]))
        if cache_dir:
            os.environ["BRIEFING_CACHE"] = str(cache_dir)
        from concurrent.futures import ThreadPoolExecutor
        threads = ThreadPoolExecutor(max_workers=slots, thread_name_prefix="notebook")
        kernels = [Kernel(next(iter(todo.values())).parent) for _ in range(slots)] if todo else []
        if slots > 1:
            # rendering is CPU-bound Python: worker processes, so that two notebooks render on two cores
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor
            renderer = ProcessPoolExecutor(max_workers=slots, mp_context=multiprocessing.get_context("spawn"))
            for _ in range(slots):
                renderer.submit(_warm_renderer)
        import queue
        import threading
        waiting: queue.Queue = queue.Queue()
        finished: queue.Queue = queue.Queue()
        go, stop = threading.Event(), threading.Event()

        def slot(kernel: Kernel) -> None:
            """One kernel, started (and the package imported in it) while the snapshot is taken, then
            its notebooks one after another; the kernel lives and ends in this thread."""
            try:
                if PREWARM_KERNELS:
                    try:
                        kernel.start()
                    except Exception as exc:        # started again for its first notebook
                        log.info("kernel warm-up failed (%s); starting it again for the first notebook", exc)
                go.wait()
                while not stop.is_set():
                    try:
                        name, path = waiting.get_nowait()
                    except queue.Empty:
                        return
                    try:
                        run = execute(name, path, run_dir, per_nb[name], formats, title, kernel_root, verbose,
                                      kernel=kernel, renderer=renderer)
                    except BaseException as exc:    # never leave the build waiting for a notebook
                        run = NotebookRun(name, error=f"notebook '{name}' failed: {type(exc).__name__}: {exc}")
                    finished.put(run)
            finally:
                kernel.close()

        workers = [threads.submit(slot, k) for k in kernels]
        try:
            extracted = None
            if todo:
                # one snapshot of the corpus for the whole build (see analysis.snapshot): every notebook
                # reads it, so an article edited meanwhile cannot make the briefings disagree
                t = time.perf_counter()
                snapshots, extracted = take_snapshot(corpus, per_nb, todo, run_dir, cache_dir, jobs, scheduler,
                                                     max_bytes=max_bytes, exclude=(out,), stats=stats)
                build_steps["snapshot"] = time.perf_counter() - t
                for name, path in todo.items():
                    spec = notebook_parameters(path)
                    # absolute: the kernel runs in the notebook's folder, not in ours
                    given = {"snapshot": str(snapshots[name].resolve()), "out_dir": str(run_dir.resolve())}
                    prev_tables = out / previous["run_id"] / "tables" if previous else None
                    if prev_tables is not None and prev_tables.is_dir():
                        given["previous"] = str(prev_tables.resolve())
                    per_nb[name].update({k: v for k, v in given.items() if k in spec})
            manifest = _manifest_base(run_id, corpus, extracted if extracted is not None else loaded, per_nb,
                                      selected, __version__, stats, out, keys, reused)
            if fetched is not None:
                manifest["fetch"] = fetched
            show = sys.stderr.isatty() if progress is None else progress
            bar = None
            if show and not verbose and todo:
                from tqdm import tqdm
                bar = tqdm(total=len(todo), desc="briefing", unit="notebook", file=sys.stderr)
            runs: list[NotebookRun] = list(reused.values())
            for item in todo.items():
                waiting.put(item)
            go.set()
            try:
                for _ in todo:
                    run = finished.get()
                    log.info("%s: %s in %.1f s (%s)", run.name, "ok" if run.ok else "FAILED", run.seconds,
                             ", ".join(f"{k} {v:.1f} s" for k, v in run.steps.items()))
                    if run.error:
                        log.error(run.error, extra={"printed": True})   # the command prints it once
                    runs.append(run)
                    if bar is not None:
                        bar.set_postfix_str(run.name)
                        bar.update(1)
            finally:
                if bar is not None:
                    bar.close()
        finally:
            stop.set()                     # on an error before or while the notebooks run: no new notebook
            go.set()
            for w in workers:
                w.result()
        if kernels and kernels[0].start_seconds:
            build_steps["kernel start and imports (beside the snapshot)"] = kernels[0].start_seconds
        runs.sort(key=lambda r: list(selected).index(r.name))
        for run in runs:
            run.input_key = keys[run.name]
        result = BuildResult(run_dir, runs)
        with FileLock(str(out / PUBLISH_LOCK)):
            published_before = _published_run(out)
            plan = _publish_plan(runs, published_before, run_dir)
            status = "ok" if result.ok else ("partial" if plan else "failed")
            manifest["build_steps"] = {k: round(v, 2) for k, v in build_steps.items()}
            _finish_manifest(manifest, run_dir, runs, started, published=plan, status=status,
                             previous=published_before)
            if plan:
                _publish(out, run_dir, plan)
                result.published = True
            _prune(out, keep, current=run_dir)
        return result
    finally:
        if threads is not None:
            threads.shutdown(wait=True, cancel_futures=True)
        if renderer is not None:
            renderer.shutdown(wait=True, cancel_futures=True)
        if kernel_root is not None:
            shutil.rmtree(kernel_root, ignore_errors=True)
        for k, v in env_before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        root_logger.removeHandler(handler)
        runlog.removeHandler(handler)
        root_logger.setLevel(quiet_level)
        handler.close()
        try:
            os.unlink(run_dir / RUN_LOCK)
        except OSError:
            pass
        run_lock.release()


def _file_hash(path) -> dict | None:
    if not path:
        return None
    p = Path(path)
    return {"file": str(p), "sha256": _sha256(p)} if p.is_file() else None


def _manifest_base(run_id, corpus, loaded, per_nb, selected, version, stats, out, keys=None,
                   reused=()) -> dict:
    """Everything the manifest says about the inputs, written before the notebooks run."""
    arts = loaded.articles if loaded is not None else None
    inputs = ([{"file": a, "sha256": s} for a, s in zip(arts["article_id"], arts["sha256"])]
              if arts is not None else [])
    configs: dict = {}
    if loaded is not None:
        for kind in ("roster", "lexicon", "rates"):
            configs[kind] = _file_hash((getattr(loaded, "config", None) or {}).get(kind))
    refs = {v.get("reference") for v in per_nb.values() if v.get("reference")}
    configs["reference"] = [_file_hash(r) for r in sorted(refs)] if refs else None
    before = _published_manifest(out)
    old = {i["file"]: i["sha256"] for i in before.get("inputs", [])} if before else None
    new = {i["file"]: i["sha256"] for i in inputs}
    changes = None if old is None else {
        "since_run": before.get("run_id"),
        "added": sorted(set(new) - set(old)),
        "removed": sorted(set(old) - set(new)),
        "changed": sorted(f for f in set(new) & set(old) if new[f] != old[f]),
    }
    return {
        "run_id": run_id,
        "status": "running",
        "started_utc": run_id[:16],
        "corpus": str(corpus),
        "inputs": inputs,
        "skipped": loaded.problems.to_dict(orient="records") if loaded is not None else [],
        "configs": configs,
        "cache": stats,
        "articles_since_previous_run": changes,
        "notebooks": [{"name": n, "sha256": _sha256(p), "parameters": per_nb[n],
                       "input_key": (keys or {}).get(n), "reused": n in reused} for n, p in selected.items()],
        "versions": _versions(version),
    }


def _finish_manifest(manifest: dict, run_dir: Path, runs: list[NotebookRun], started: float, *,
                     published: dict | None, status: str, previous: Path | None = None) -> None:
    manifest["status"] = status
    ok = {r.name for r in runs if r.ok}
    for entry in manifest.get("notebooks", []):     # only a notebook that succeeded can be reused next time
        if entry["name"] not in ok:
            entry["input_key"] = None
    manifest["seconds"] = round(time.perf_counter() - started, 2)
    manifest["timings"] = {r.name: round(r.seconds, 2) for r in runs}
    manifest["steps"] = {r.name: {k: round(v, 2) for k, v in r.steps.items()} for r in runs if r.steps}
    manifest["errors"] = [r.error for r in runs if r.error]
    manifest["outputs"] = [{"file": p.name, "sha256": _sha256(p)} for r in runs for p in r.outputs if p.exists()]
    manifest["published"] = None if not published else {
        "run_id": run_dir.name,
        "notebooks": {name: {"status": info["status"], "from_run": info["from_run"],
                             "files": sorted(f.name for f in info["files"])}
                      for name, info in published.items()},
    }
    _write_atomic(run_dir / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"   # unique per writer
    try:
        with open(tmp, "x", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# --------------------------------------------------------------------------- snapshot and rebuild-only-what-changed

BUILD_SETS = ("snapshot", "out_dir", "previous")   # notebook parameters the build fills in for each run
_PACKAGE = Path(__file__).resolve().parent


def take_snapshot(corpus: Path, per_nb: dict[str, dict], todo: dict[str, Path], run_dir: Path,
                  cache_dir, jobs: int, scheduler: str | None = None, *, max_bytes: int | None = None,
                  exclude: tuple = (), stats: dict | None = None) -> tuple[dict[str, Path], object]:
    """Extract once for the whole build and freeze the tables in RUN/tables (see `analysis.snapshot`);
    returns each notebook's snapshot folder and the results of the first snapshot.

    Every notebook of the run reads this folder, so all briefings describe the same articles even when
    a file changes during the build, and none repeats the extraction. A notebook that asks for another
    roster, lexicon or rates than the others gets a snapshot of its own (RUN/tables-2 …)."""
    from . import snapshot
    from .pipeline import analyse

    made: dict[tuple, Path] = {}
    chosen = {}
    first = None
    for name in todo:
        values = per_nb[name]
        cfg = tuple(values.get(k) or None for k in ("roster", "lexicon", "rates"))
        if cfg not in made:
            folder = run_dir / ("tables" if not made else f"tables-{len(made) + 1}")
            started = time.perf_counter()
            extra = {"max_bytes": max_bytes} if max_bytes is not None else {}
            res = analyse(corpus, roster=cfg[0], lexicon=cfg[1], rates=cfg[2], cache_dir=cache_dir, jobs=jobs,
                          scheduler=scheduler, exclude=exclude, stats=stats if not made else None, **extra)
            if not made:
                first = res
            made[cfg] = snapshot.write(res, folder)
            log.info("snapshot %s: %d articles extracted and written in %.1f s", folder.name, len(res.articles),
                     time.perf_counter() - started)
        chosen[name] = made[cfg]
    return chosen, first


def _code_fingerprint() -> str:
    """Hash of the package's code, data and templates: a new version of briefing rebuilds everything."""
    h = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".yml", ".j2", ".json", ".csv")
                       and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def input_keys(corpus: Path, loaded, selected: dict[str, Path], per_nb: dict[str, dict],
               formats: tuple[str, ...], title: str) -> dict[str, str]:
    """Per notebook, one hash of everything its output depends on: the notebook file, its parameters,
    the formats and title, every article's content hash and the reading problems, the roster, lexicon and
    rates files it uses, and the package's code and data. Equal keys mean an identical report."""
    from .config import locate

    corpus_part = hashlib.sha256(json.dumps(
        [list(zip(loaded.articles["article_id"], loaded.articles["sha256"])),
         loaded.problems.astype(str).to_dict(orient="records")], ensure_ascii=False).encode()).hexdigest()
    code = _code_fingerprint()
    keys = {}
    for name, path in selected.items():
        values = {k: v for k, v in per_nb[name].items() if k not in BUILD_SETS}
        configs = {}
        for kind, default in (("roster", "speakers.yml"), ("lexicon", "themes.yml"), ("rates", "rates.csv")):
            try:
                file = Path(values[kind]) if values.get(kind) else (
                    locate(default, None, corpus) if kind != "rates" else corpus / default)
            except Exception:
                file = None
            configs[kind] = _sha256(file) if file is not None and Path(file).is_file() else ""
        for value in values.values():          # any other parameter naming a file (reference series …)
            if isinstance(value, str) and value and Path(value).is_file():
                configs[value] = _sha256(Path(value))
        blob = json.dumps({"notebook": _sha256(path), "parameters": values, "formats": sorted(formats), "title": title,
                           "corpus": corpus_part, "configs": configs, "code": code}, sort_keys=True, default=str)
        keys[name] = hashlib.sha256(blob.encode()).hexdigest()
    return keys


def previous_run(out: Path) -> dict | None:
    """The manifest of the published run in OUT (None when there is none or it is unreadable)."""
    for candidate in (out / "latest" / "manifest.json", out / "manifest.json"):
        try:
            m = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if m.get("status") in ("ok", "partial") and m.get("run_id") and (out / m["run_id"]).is_dir():
            return m
    return None


def _previous_outputs(previous: dict, out: Path, name: str) -> list[Path] | None:
    """The files of notebook `name` in the previous run folder, if they are all still there."""
    run_dir = out / previous["run_id"]
    mine = [o["file"] for o in previous.get("outputs", [])
            if Path(o["file"]).stem == name or o["file"].startswith(f"{name}-") and o["file"].endswith(".csv")]
    files = [run_dir / f for f in mine]
    return files if files and all(f.is_file() for f in files) else None


def _all_current(previous: dict, keys: dict[str, str]) -> bool:
    """True when every selected notebook was built by the published run from the same inputs."""
    done = {n["name"]: n.get("input_key") for n in previous.get("notebooks", [])}
    return all(done.get(name) == key for name, key in keys.items())


def reuse_unchanged(previous: dict | None, keys: dict[str, str], run_dir: Path, out: Path) -> dict[str, NotebookRun]:
    """Copy into `run_dir` the outputs of notebooks whose inputs did not change since the previous run."""
    if previous is None:
        return {}
    done = {n["name"]: n.get("input_key") for n in previous.get("notebooks", [])}
    reused = {}
    for name, key in keys.items():
        if done.get(name) != key:
            continue
        files = _previous_outputs(previous, out, name)
        if files is None:
            continue
        run = NotebookRun(name, ok=True, reused=True)
        for f in files:
            shutil.copyfile(f, run_dir / f.name)
            run.outputs.append(run_dir / f.name)
        reused[name] = run
        log.info("%s: inputs unchanged since run %s, outputs reused", name, previous["run_id"])
    return reused


def _versions(own: str) -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {"briefing": own, "python": platform.python_version()}
    for pkg in ("pandas", "papermill", "nbconvert", "weasyprint", "matplotlib"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            pass
    return out


RUN_ID = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{4}$")
EXECUTIVE = "briefing"      # the notebook without which nothing is published
PUBLISHED = (".html", ".pdf", ".ipynb", ".xlsx", ".csv")    # a notebook's files in the published set


def _published_run(out: Path) -> Path | None:
    """The run folder OUT/latest points at (or OUT/LATEST names), if it exists."""
    link = out / "latest"
    try:
        if link.is_symlink():
            target = out / os.readlink(link)
        elif (out / "LATEST").is_file():
            target = out / (out / "LATEST").read_text(encoding="utf-8").strip()
        else:
            return None
    except OSError:
        return None
    return target if target.is_dir() and RUN_ID.match(target.name) else None


def _read_manifest(run: Path | None) -> dict:
    if run is None:
        return {}
    try:
        return json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _published_manifest(out: Path) -> dict:
    return _read_manifest(_published_run(out))


def _publish_plan(runs: list[NotebookRun], previous: Path | None, run_dir: Path) -> dict[str, dict]:
    """What this run publishes: {notebook: {status, from_run, files in run_dir}}; {} publishes nothing.

    Policy: every notebook that succeeded is published. A notebook that failed
    (or was not run this time, with --notebook) keeps its previously published
    version, copied into this run folder so that the published set is one
    complete folder; the manifest marks it. If the executive briefing fails,
    or nothing succeeded, nothing is published.
    """
    ok = {r.name: r for r in runs if r.ok}
    if not ok or any(r.name == EXECUTIVE and not r.ok for r in runs):
        return {}
    plan = {name: {"status": "ok", "from_run": run_dir.name,
                   "files": [p for p in r.outputs if p.suffix in PUBLISHED
                             and not p.name.endswith(".failed.ipynb")]}
            for name, r in ok.items()}
    failed = {r.name for r in runs if not r.ok}
    old = _read_manifest(previous)
    if previous is None or not old:
        return plan
    if old.get("published"):
        carried = {n: (info.get("from_run") or previous.name, [previous / f for f in info.get("files", [])])
                   for n, info in old["published"]["notebooks"].items()}
    else:    # a run published before manifests said what they published: its outputs
        carried = {}
        for o in old.get("outputs", []):
            f = previous / o["file"]
            if f.suffix in (".html", ".pdf", ".ipynb") and not f.name.endswith(".failed.ipynb"):
                carried.setdefault(Path(o["file"]).stem, (previous.name, []))[1].append(f)
    for name, (from_run, files) in carried.items():
        if name in plan or not files or not all(f.is_file() for f in files):
            continue
        copies = []
        for f in files:
            dest = run_dir / f.name
            tmp = run_dir / f".{f.name}.carry.tmp"
            try:
                os.link(f, tmp)
            except OSError:
                shutil.copyfile(f, tmp)
            os.replace(tmp, dest)
            copies.append(dest)
        plan[name] = {"status": "failed, previous version kept" if name in failed else "not run, previous version kept",
                      "from_run": from_run, "files": copies}
    return plan


def _publish(out: Path, run_dir: Path, plan: dict[str, dict]) -> None:
    """Publish the run as one step: OUT/latest -> the run folder, swapped by a single rename.

    The top-level files (OUT/briefing.pdf, OUT/manifest.json ...) are links
    through ``latest/``, made before the swap, so readers see either the whole
    previous set or the whole new one. Where the file system has no symbolic
    links, the files are copied (each by an atomic rename) and OUT/LATEST names
    the run. Called with the publish lock held.
    """
    names = sorted({f.name for info in plan.values() for f in info["files"]} | {"manifest.json"})
    tag = f"{run_dir.name}.{os.getpid()}"
    try:
        for name in names:
            link, want = out / name, f"latest/{name}"
            if link.is_symlink() and os.readlink(link) == want:
                continue
            tmp = out / f".{name}.{tag}.tmp"
            os.symlink(want, tmp)
            os.replace(tmp, link)
        tmp = out / f".latest.{tag}.tmp"
        os.symlink(run_dir.name, tmp)
        os.replace(tmp, out / "latest")           # the one step that publishes the set
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOSYS, errno.EOPNOTSUPP) and not isinstance(exc, NotImplementedError):
            raise
        for name in names:                        # no symlinks here: copies, each replaced atomically
            tmp = out / f".{name}.{tag}.tmp"
            shutil.copyfile(run_dir / name, tmp)
            os.replace(tmp, out / name)
        _write_atomic(out / "LATEST", run_dir.name + "\n")
    known = {p.stem for p in available_notebooks().values()} | set(plan)
    for entry in out.iterdir():                   # files of notebooks the new set does not have
        if entry.name in names or entry.name.startswith("."):
            continue
        if entry.is_symlink() and os.readlink(entry).startswith("latest/"):
            entry.unlink()
        elif entry.is_file() and not entry.is_symlink() and entry.suffix in PUBLISHED \
                and entry.name.split(".")[0] in known:
            entry.unlink()


def _run_alive(run: Path) -> bool:
    """True while the build that owns `run` is still running (it holds the folder's lock)."""
    from filelock import FileLock, Timeout

    lock_file = run / RUN_LOCK
    if not lock_file.exists():
        return False
    lock = FileLock(str(lock_file), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return True
    except OSError:
        return False
    lock.release()
    return False


def _prune(out: Path, keep: int, current: Path | None = None) -> None:
    """Keep the newest `keep` good runs and the newest `keep` failed runs; always keep the published
    run and the current one; remove folders of killed runs and stale temporary files."""
    published = _published_run(out)
    protected = {p.resolve() for p in (published, current) if p is not None}
    good, failed = [], []
    for run in sorted(p for p in out.iterdir() if p.is_dir() and not p.is_symlink() and RUN_ID.match(p.name)):
        status = _read_manifest(run).get("status")
        if status in (None, "running") and run.resolve() not in protected:
            if not _run_alive(run):
                log.info("removing %s: a build that did not finish", run.name)
                shutil.rmtree(run, ignore_errors=True)
            continue
        (good if status in ("ok", "partial") else failed).append(run)
    for runs in (good, failed):
        for old in runs[:len(runs) - keep] if keep < len(runs) else []:
            if old.resolve() not in protected:
                shutil.rmtree(old, ignore_errors=True)
    for staging in out.glob(".*.new"):            # a run folder killed before it got its name
        if staging.is_dir() and not _run_alive(staging):
            shutil.rmtree(staging, ignore_errors=True)
    for stale in out.glob(".*.tmp"):              # left by a publish that was killed (we hold the lock)
        try:
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink()
        except OSError:
            pass
