"""Where the time of `briefing build` goes: cold build, warm rebuild after adding one article, up to date.

    python benchmarks/rebuild.py --n 300 --jobs 2
    python benchmarks/rebuild.py --seeds            # the seed corpus (what `make report` builds)

Generates N articles (`generate.py`), builds them cold (empty cache), adds one article and builds
again (the warm rebuild: every notebook runs, one article is extracted), then builds once more with
nothing changed ("up to date"). Each build is a separate `briefing build` process; wall seconds and
CPU seconds (user + system of the build and every process it started: kernels, renderers) are
printed, then the warm rebuild's steps from its manifest (`build_steps`, per-notebook `steps`) and
from the executed notebooks (papermill's time per cell), and the page count of each PDF.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
BRIEFING = [sys.executable, "-m", "analysis"]


def timed(args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the process and its children, exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    rc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT).returncode
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), rc


def cells(executed: Path) -> dict[str, float]:
    """Seconds per kind of cell of an executed notebook (papermill's metadata)."""
    nb = json.loads(executed.read_text(encoding="utf-8"))
    out = {"imports and reading the snapshot": 0.0, "charts": 0.0, "tables and text": 0.0}
    for c in nb["cells"]:
        d = c.get("metadata", {}).get("papermill", {}).get("duration")
        if d is None or c["cell_type"] != "code":
            continue
        src = "".join(c["source"])
        kind = ("imports and reading the snapshot" if "report.prepare(" in src
                else "charts" if "chart" in src else "tables and text")
        out[kind] += d
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seeds", action="store_true", help="build seeds/ instead of a generated corpus")
    ap.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "out")
    a = ap.parse_args()

    name = "seeds" if a.seeds else f"rebuild-{a.n}"
    work = a.work / name
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    corpus = work / "corpus"
    if a.seeds:
        shutil.copytree(ROOT / "seeds", corpus)
    else:
        from generate import generate
        generate(a.n, corpus)
    out, cache = work / "reports", work / "cache"
    cmd = [*BRIEFING, "build", str(corpus), "--out", str(out), "--cache", str(cache), "--jobs", str(a.jobs)]

    cold = timed(cmd)
    first = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md"))[0]
    added = corpus / f"zz-added{first.suffix}"
    added.write_text(first.read_text(encoding="utf-8") + "\nOne more paragraph, added for the rebuild.\n",
                     encoding="utf-8")
    warm = timed(cmd)
    same = timed(cmd)
    for label, (wall, cpu, rc) in (("cold build", cold), ("warm rebuild, one article added", warm),
                                   ("nothing changed (up to date)", same)):
        print(f"{name}, --jobs {a.jobs}, {label}: {wall:.1f} s wall, {cpu:.1f} s CPU" + (f" (exit {rc})" if rc else ""))

    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    print("\nwarm rebuild, steps (seconds, wall):")
    for step, s in m.get("build_steps", {}).items():
        print(f"  {step}: {s:.2f}")
    print("  | notebook | kernel | imports + snapshot | charts | tables and text | execute (all) | HTML | PDF | pages |")
    from pypdf import PdfReader
    for nb in m["notebooks"]:
        steps = m.get("steps", {}).get(nb["name"], {})
        c = cells(out / f"{nb['name']}.ipynb")
        pdf = out / f"{nb['name']}.pdf"
        pages = len(PdfReader(str(pdf)).pages) if pdf.exists() else 0
        print(f"  | {nb['name']} | {steps.get('kernel', 0):.1f} | {c['imports and reading the snapshot']:.1f} | "
              f"{c['charts']:.1f} | {c['tables and text']:.1f} | {steps.get('execute', 0):.1f} | "
              f"{steps.get('html', 0):.1f} | {steps.get('pdf', 0):.1f} | {pages} |")


if __name__ == "__main__":
    main()
