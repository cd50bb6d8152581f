"""Execute the notebooks with papermill and render them into briefings.

A build writes everything into a fresh run folder ``OUT/<run-id>/`` (executed
notebooks, HTML, PDF, ``manifest.json``, ``build.log``). Only when every
notebook succeeded are the HTML/PDF copied to ``OUT/<notebook>.html|pdf`` (each
by an atomic rename) and ``OUT/latest`` pointed at the run. A failed run keeps
its folder for diagnosis and leaves the previous good report untouched.
"""
from __future__ import annotations

import datetime as dt
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
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

# An installed package carries its notebooks in analysis/notebooks; a source checkout keeps them
# in the repository's notebooks/ (the editable install maps one onto the other).
NOTEBOOK_DIRS = (Path(__file__).resolve().parent / "notebooks", Path(__file__).resolve().parent.parent / "notebooks")
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


@dataclass
class BuildResult:
    run_dir: Path
    runs: list[NotebookRun]
    up_to_date: bool = False  # nothing changed since the published run: nothing was built

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.runs)


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
PATH_PARAMETERS = {"roster": "speaker roster", "lexicon": "theme lexicon", "rates": "rates CSV",
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
        raise UsageError(f"parameter '{name}': {PATH_PARAMETERS[name]} {raw} not found "
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
        if pname in PATH_PARAMETERS and raw:
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
    if "title" in data:
        out["title"] = c.text(data["title"], "title")
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
        for k, v in params.items():
            if isinstance(v, (dict, list)):
                c.fail(f"parameters.{k}", "expected a single value")
        out["parameters"] = {k: ("" if v is None else v) for k, v in params.items()}
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


def _kernel_dir() -> Path:
    """A kernelspec that runs this very interpreter, so notebooks see this install."""
    root = Path(tempfile.mkdtemp(prefix="briefing-kernel-"))
    spec_dir = root / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    spec = {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                     "--IPKernelApp.log_level=ERROR"],
            "display_name": "Python (briefing)", "language": "python",
            "env": {"PYDEVD_DISABLE_FILE_VALIDATION": "1"}}
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    return root


def new_run_id() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


def execute(name: str, path: Path, run_dir: Path, parameters: dict, formats: tuple[str, ...],
            title: str, kernel_root: Path, verbose: bool = False) -> NotebookRun:
    """Run one notebook into run_dir and render it; never raises for a failing notebook."""
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from . import render

    run = NotebookRun(name)
    started = time.perf_counter()
    executed = run_dir / f"{name}.ipynb"
    try:
        papermill.execute_notebook(str(path), str(executed), parameters=parameters,
                                   kernel_name=KERNEL_NAME, progress_bar=False, log_output=verbose,
                                   cwd=str(path.parent), start_timeout=120)
        run.outputs.append(executed)
        nb = nbformat.read(str(executed), as_version=4)
        html = render.to_html(nb, title=f"{title} — {name.replace('_', ' ')}" if name != "briefing" else title)
        if "html" in formats:
            out = run_dir / f"{name}.html"
            out.write_text(html, encoding="utf-8")
            run.outputs.append(out)
        if "pdf" in formats:
            out = run_dir / f"{name}.pdf"
            render.to_pdf(html, out)
            run.outputs.append(out)
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


def build(corpus: Path, out: Path, *, notebooks: list[str] | None = None,
          formats: tuple[str, ...] = FORMATS, params: list[tuple[str, str]] | None = None,
          title: str | None = None, verbose: bool = False, progress: bool | None = None,
          keep: int = 10, jobs: int = 1, cache_dir: str | Path | None = None,
          configs: dict[str, str] | None = None, fetched: dict | None = None,
          scheduler: str | None = None) -> BuildResult:
    """Execute and render the notebooks; see the module docstring for the layout.

    `fetched` (``FetchReport.as_dict()`` of a fetch run just before) goes into
    the manifest as ``fetch``: the sources polled and what each gave.
    """
    from . import __version__
    from .corpus import load_corpus

    corpus = Path(corpus).resolve()
    if not corpus.is_dir():
        raise UsageError(f"corpus folder not found: {corpus}")
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise UsageError(f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}")
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

    from .pipeline import load_configs
    for name, values in per_nb.items():    # every config is checked before anything runs
        load_configs(corpus, values.get("roster") or None, values.get("lexicon") or None, values.get("rates") or None)
    from .params import resolve_names        # themes, speakers, metric, currency: known, canonical

    def _analysed():
        from .pipeline import analyse
        first = next(iter(per_nb.values()), {})
        return analyse(corpus, roster=first.get("roster") or None, lexicon=first.get("lexicon") or None,
                       rates=first.get("rates") or None, cache_dir=cache_dir, jobs=jobs)
    per_nb = resolve_names(per_nb, corpus, _analysed)

    # absolute: papermill's cwd= changes the working directory of the whole process while a notebook
    # runs, so with --jobs 2 a relative run folder would be looked up in the other notebook's folder
    out = Path(out).absolute()
    loaded = load_corpus(corpus)
    keys = input_keys(corpus, loaded, selected, per_nb, formats, title)
    previous = previous_run(out)
    if previous is not None and _all_current(previous, keys):
        log.info("up to date: corpus, parameters and notebooks unchanged since run %s", previous["run_id"])
        return BuildResult(out / previous["run_id"], [], up_to_date=True)
    out.mkdir(parents=True, exist_ok=True)
    run_id = new_run_id()
    run_dir = out / run_id
    run_dir.mkdir()
    handler = logging.FileHandler(run_dir / "build.log", encoding="utf-8")
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root_logger = logging.getLogger()
    for h in root_logger.handlers:
        if isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler) and h.level == logging.NOTSET:
            h.setLevel(root_logger.level)   # the terminal keeps its own verbosity
    root_logger.addHandler(handler)
    quiet_level = root_logger.level
    if root_logger.level > logging.INFO:
        root_logger.setLevel(logging.INFO)
    started = time.perf_counter()
    try:
        log.info("build %s: corpus %s, notebooks %s", run_id, corpus, ", ".join(selected))
        reused = reuse_unchanged(previous, keys, run_dir, out)
        todo = {n: p for n, p in selected.items() if n not in reused}
        if todo:
            snapshots = take_snapshot(corpus, per_nb, todo, run_dir, cache_dir, jobs, scheduler)
            for name, path in todo.items():
                spec = notebook_parameters(path)
                # absolute: the kernel runs in the notebook's folder, not in ours
                given = {"snapshot": str(snapshots[name].resolve()), "out_dir": str(run_dir.resolve())}
                prev_tables = out / previous["run_id"] / "tables" if previous else None
                if prev_tables is not None and prev_tables.is_dir():
                    given["previous"] = str(prev_tables.resolve())
                per_nb[name].update({k: v for k, v in given.items() if k in spec})
        kernel_root = _kernel_dir()
        show = sys.stderr.isatty() if progress is None else progress
        bar = None
        if show and not verbose and todo:
            from tqdm import tqdm
            bar = tqdm(total=len(todo), desc="briefing", unit="notebook", file=sys.stderr)
        runs: list[NotebookRun] = list(reused.values())
        env_before = {k: os.environ.get(k) for k in ("JUPYTER_PATH", "BRIEFING_CACHE")}
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(kernel_root), env_before["JUPYTER_PATH"]]))
        if cache_dir:
            os.environ["BRIEFING_CACHE"] = str(cache_dir)
        try:
            from concurrent.futures import ThreadPoolExecutor, as_completed
            with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
                futures = {pool.submit(execute, name, path, run_dir, per_nb[name], formats, title, kernel_root,
                                       verbose): name for name, path in todo.items()}
                for fut in as_completed(futures):
                    run = fut.result()
                    log.info("%s: %s in %.1f s", run.name, "ok" if run.ok else "FAILED", run.seconds)
                    if run.error:
                        log.error(run.error, extra={"printed": True})   # the command prints it once
                    runs.append(run)
                    if bar is not None:
                        bar.set_postfix_str(run.name)
                        bar.update(1)
        finally:
            if bar is not None:
                bar.close()
            shutil.rmtree(kernel_root, ignore_errors=True)
            for k, v in env_before.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        runs.sort(key=lambda r: list(selected).index(r.name))
        for run in runs:
            run.input_key = keys[run.name]
        result = BuildResult(run_dir, runs)
        manifest = {
            "run_id": run_id,
            "status": "ok" if result.ok else "failed",
            "started_utc": run_id[:16],
            "seconds": round(time.perf_counter() - started, 2),
            "corpus": str(corpus),
            "inputs": [{"file": a, "sha256": s} for a, s in zip(loaded.articles["article_id"], loaded.articles["sha256"])],
            "skipped": loaded.problems.to_dict(orient="records"),
            "notebooks": [{"name": n, "sha256": _sha256(p), "parameters": per_nb[n], "input_key": keys[n],
                           "reused": n in reused} for n, p in selected.items()],
            "versions": _versions(__version__),
            "timings": {r.name: round(r.seconds, 2) for r in runs},
            "errors": [r.error for r in runs if r.error],
            "outputs": [{"file": p.name, "sha256": _sha256(p)} for r in runs for p in r.outputs if p.exists()],
        }
        if fetched is not None:
            manifest["fetch"] = fetched
        (run_dir / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        if result.ok:
            _publish(out, run_dir, runs)
            _prune(out, keep)
        return result
    finally:
        root_logger.removeHandler(handler)
        root_logger.setLevel(quiet_level)
        handler.close()


# --------------------------------------------------------------------------- snapshot and rebuild-only-what-changed

BUILD_SETS = ("snapshot", "out_dir", "previous")   # notebook parameters the build fills in for each run
_PACKAGE = Path(__file__).resolve().parent


def take_snapshot(corpus: Path, per_nb: dict[str, dict], todo: dict[str, Path], run_dir: Path,
                  cache_dir, jobs: int, scheduler: str | None = None) -> dict[str, Path]:
    """Extract once for the whole build and freeze the tables in RUN/tables (see `analysis.snapshot`);
    returns each notebook's snapshot folder.

    Every notebook of the run reads this folder, so all briefings describe the same articles even when
    a file changes during the build, and none repeats the extraction. A notebook that asks for another
    roster, lexicon or rates than the others gets a snapshot of its own (RUN/tables-2 …)."""
    from . import snapshot
    from .pipeline import analyse

    made: dict[tuple, Path] = {}
    chosen = {}
    for name in todo:
        values = per_nb[name]
        cfg = tuple(values.get(k) or None for k in ("roster", "lexicon", "rates"))
        if cfg not in made:
            folder = run_dir / ("tables" if not made else f"tables-{len(made) + 1}")
            started = time.perf_counter()
            res = analyse(corpus, roster=cfg[0], lexicon=cfg[1], rates=cfg[2], cache_dir=cache_dir, jobs=jobs,
                          scheduler=scheduler)
            made[cfg] = snapshot.write(res, folder)
            log.info("snapshot %s: %d articles extracted and written in %.1f s", folder.name, len(res.articles),
                     time.perf_counter() - started)
        chosen[name] = made[cfg]
    return chosen


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
        if m.get("status") == "ok" and (out / m.get("run_id", "")).is_dir():
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


def _publish(out: Path, run_dir: Path, runs: list[NotebookRun]) -> None:
    """Copy the run's reports to OUT/ by atomic renames and point OUT/latest at the run."""
    for run in runs:
        for path in run.outputs:
            if path.suffix in (".html", ".pdf", ".ipynb", ".xlsx", ".csv"):
                tmp = out / f".{path.name}.{run_dir.name}.tmp"
                shutil.copyfile(path, tmp)
                os.replace(tmp, out / path.name)
    shutil.copyfile(run_dir / "manifest.json", out / ".manifest.json.tmp")
    os.replace(out / ".manifest.json.tmp", out / "manifest.json")
    link = out / "latest"
    tmp_link = out / f".latest.{run_dir.name}"
    try:
        os.symlink(run_dir.name, tmp_link)
        os.replace(tmp_link, link)
    except OSError:  # file systems without symlinks: a text pointer instead
        (out / "LATEST").write_text(run_dir.name + "\n", encoding="utf-8")


def _prune(out: Path, keep: int) -> None:
    """Keep the newest `keep` successful runs (failed runs are kept for diagnosis)."""
    runs = sorted(p for p in out.iterdir() if p.is_dir() and not p.is_symlink() and p.name[:8].isdigit()
                  and (p / "manifest.json").exists())
    good = [p for p in runs if json.loads((p / "manifest.json").read_text(encoding="utf-8")).get("status") == "ok"]
    for old in good[:-keep] if keep > 0 else []:
        shutil.rmtree(old, ignore_errors=True)
