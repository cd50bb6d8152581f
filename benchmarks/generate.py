"""Write N realistic articles for benchmarks, deterministic by seed.

Sentences, quotes, money amounts and theme terms are recombined from the real
articles in seeds/, with other speakers, dates, layouts and quote marks, so
every extractor has work that looks like news:

    python benchmarks/generate.py --n 1000 --out benchmarks/out/corpus-1000
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

GIVEN = ["Anna", "Boris", "Chen", "Dana", "Erlan", "Farida", "Gleb", "Hanna", "Igor", "Jana", "Kairat", "Lena", "Marat",
         "Nadia", "Oleg", "Petra", "Ruslan", "Saule", "Timur", "Ulan", "Vera", "Yuri", "Zarina", "Aliya", "Daniyar"]
FAMILY = ["Abenov", "Bondar", "Chernov", "Dosova", "Esimov", "Frolova", "Gusev", "Hakimov", "Ivanova", "Jumabek",
          "Kozlov", "Lee", "Mukanov", "Novak", "Orlova", "Petrov", "Rakhimov", "Sidorova", "Tulegenov", "Usenova"]
TITLES = ["Minister of Trade", "Deputy Prime Minister", "Ambassador", "Governor of the region", "Chairman of the board",
          "Foreign Minister", "head of the delegation", "Minister of Agriculture", "President of the association"]
SOURCES = ["Agency A", "Daily B", "Outlet C", "Wire D", "Portal E"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MARKS = [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“")]
CURRENCY = [("${n} {s}", 1), ("USD {n} {s}", 1), ("{n} {s} US dollars", 1), ("€{n} {s}", 1), ("{n} {s} tenge", 1),
            ("{n} {s} Russian rubles", 1), ("${n}{a}", 1)]


def _seed_material():
    narrative, quoted = [], []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for para in text.split("\n")[1:]:
            para = para.strip()
            for q in re.findall(r"[“\"]([^”\"]{25,400})[”\"]", para):
                quoted.append(q.strip().rstrip(","))
            plain = re.sub(r"[“\"][^”\"]*[”\"]", "", para)
            for s in re.split(r"(?<=[.!?])\s+", plain):
                if 8 <= len(s.split()) <= 45 and not re.search(r"[“”\"«»]", s):
                    narrative.append(s.strip())
    return narrative, quoted


def _money(rng: random.Random) -> str:
    form, _ = rng.choice(CURRENCY)
    n = rng.choice(["1", "1.2", "2.5", "845.3", "300", "12", "a", "several"])
    scale = rng.choice(["million", "billion", "bn", "mln"])
    if n in ("a", "several") and form.startswith(("$", "€", "USD")):
        n = "1.5"
    text = form.format(n=n, s=scale, a=rng.choice(["m", "bn"]))
    qual = rng.choice(["", "", "about ", "more than ", "close to ", "at least ", "nearly "])
    return qual + text


def article(rng: random.Random, narrative: list[str], quoted: list[str], i: int) -> str:
    speakers = [f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(rng.randint(1, 3))]
    year = rng.randint(2012, 2026)
    lines = [f"{rng.choice(['Talks', 'Trade', 'Visit', 'Forum', 'Meeting'])} on cooperation, report {i}"]
    lines.append(rng.choice([f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}", f"date {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                             f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}, {rng.randint(1, 28)} {rng.choice(MONTHS)}"]))
    lines.append("")
    first = speakers[0]
    lines.append(f"{rng.choice(TITLES)} {first} met partners in the capital on {rng.randint(1, 28)} {rng.choice(MONTHS)}. "
                 + rng.choice(narrative))
    for _ in range(rng.randint(10, 18)):
        kind = rng.random()
        who = rng.choice(speakers)
        o, c = rng.choice(MARKS)
        q = rng.choice(quoted)
        if kind < 0.35:
            lines.append(" ".join(rng.sample(narrative, 2)))
        elif kind < 0.5:
            lines.append(f"{o}{q},{c} {who} said. {o}{rng.choice(quoted)}{c}")
        elif kind < 0.62:
            lines.append(f"{who.split()[-1]} {rng.choice(['noted', 'stressed', 'said'])}: {o}{q}{c}")
        elif kind < 0.72:
            lines.append(f"According to {who}, trade reached {_money(rng)} in {year - 1}. {rng.choice(narrative)}")
        elif kind < 0.82:
            lines.append(f"{o}{q},{c} {rng.choice(['he', 'she'])} {rng.choice(['added', 'emphasized', 'remarked'])}.")
        elif kind < 0.9:
            lines.append(f"{who}, {rng.choice(TITLES)}:")
            lines.append(f"{o}{q}{c}")
        else:
            lines.append(f"The sides expect turnover to exceed {_money(rng)} in the next few years. {rng.choice(narrative)}")
    return "\n".join(lines) + "\n"


def generate(n: int, out: Path, seed: int = 7) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    existing = len(list(out.glob("*.txt")))
    if existing == n:
        return out
    for p in out.glob("*.txt"):
        p.unlink()
    rng = random.Random(seed)
    narrative, quoted = _seed_material()
    for i in range(n):
        (out / f"a{i:05d}.txt").write_text(article(rng, narrative, quoted, i), encoding="utf-8")
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=None)
    a = ap.parse_args()
    print(generate(a.n, a.out or ROOT / "benchmarks" / "out" / f"corpus-{a.n}", a.seed))
