"""Hostile-corpus benchmark: pathological articles are extracted in linear time or skipped by the budget.

    make bench                        # runs this after the speed benchmark
    python benchmarks/hostile.py      # alone; --scale 0.25 for a quick run

For each pathological pattern (thousands of amounts in one sentence, tens of
thousands of quote marks, "between $1 and" chains, endless digit groups,
unclosed HTML constructs) it prints the extraction time at the issue's size
and at half of it (doubling the input must at most about double the time),
then runs `briefing extract` on a corpus of all of them and shows what each
file became: extracted in under a second, or skipped by the per-article time
budget (BRIEFING_ARTICLE_SECONDS, set to 1 s here) and listed in problems.csv.
Never run by the test suite.
"""
from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# name -> (file suffix, text of `n` repetitions, n at the size the issue reported)
PATTERNS = {
    "dollars": (".txt", lambda n: "Dollars\n\n" + "$1 " * n, 6_666),                    # 20 kB
    "quote_marks": (".txt", lambda n: "Marks\n\n" + "\u201ca\u201d " * n, 25_000),      # 100 kB
    "between": (".txt", lambda n: "Between\n\n" + "between $1 and " * n, 2_666),
    "digit_groups": (".txt", lambda n: "Digits\n\n" + "1," * n + "000,000", 20_000),   # 40 kB
    "cdata": (".html", lambda n: "<h1>CDATA</h1><p>x</p>" + "<![CDATA[" * n, 400_000),
    "open_tags": (".html", lambda n: "<h1>Tags</h1><p>" + "<a " * n, 100_000),
}


def extract_seconds(text: str, suffix: str) -> float:
    """Seconds to read (HTML) and extract one article in this process, with no time budget."""
    from analysis.corpus import html_to_text
    from analysis.pipeline import extract_article, load_configs
    from analysis.quotes import Annotator
    from analysis.text import count_words, normalise

    _, _, _, rates, roster, lexicon = load_configs(ROOT / "seeds")
    ann = Annotator(roster)
    t = time.perf_counter()
    body = html_to_text(text)[0] if suffix == ".html" else normalise(text)
    extract_article("x", body, count_words(body), 2026, roster, ann, lexicon, rates, "en")
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of the issue's sizes (default 1)")
    ap.add_argument("--budget", type=float, default=1.0, help="per-article budget for the corpus run, seconds")
    args = ap.parse_args()

    print("pattern            size     half-size s  full-size s  ratio (<= ~2 is linear)")
    for name, (suffix, make, n) in PATTERNS.items():
        n = max(10, int(n * args.scale))
        half, full = extract_seconds(make(n // 2), suffix), extract_seconds(make(n), suffix)
        print(f"{name:<16} {len(make(n)):>9,}  {half:>10.3f}  {full:>11.3f}  {full / max(half, 1e-3):>6.2f}")

    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "hostile", Path(tmp) / "out"
        corpus.mkdir()
        for name, (suffix, make, n) in PATTERNS.items():
            (corpus / f"{name}{suffix}").write_text(make(max(10, int(n * args.scale))), encoding="utf-8")
        env = {**os.environ, "BRIEFING_ARTICLE_SECONDS": str(args.budget)}
        t = time.perf_counter()
        r = subprocess.run([sys.executable, "-m", "analysis", "extract", str(corpus), "--out", str(out), "--no-cache"],
                           capture_output=True, text=True, env=env, cwd=ROOT)
        wall = time.perf_counter() - t
        print(f"\nbriefing extract on the hostile corpus: exit {r.returncode}, {wall:.1f} s wall "
              f"(budget {args.budget:g} s per article)")
        problems = {row["file"]: row["problem"] for row in csv.DictReader(open(out / "problems.csv", encoding="utf-8"))}
        extracted = {row["article_id"] for row in csv.DictReader(open(out / "articles.csv", encoding="utf-8"))}
        for f in sorted(p.name for p in corpus.iterdir()):
            print(f"  {f:<20} {'extracted' if f in extracted else 'skipped: ' + problems.get(f, '?')}")


if __name__ == "__main__":
    main()
