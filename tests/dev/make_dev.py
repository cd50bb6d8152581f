"""Shared writer of the figures development sets (see make_en.py, make_ru.py)."""
import csv
import json
from pathlib import Path

HERE = Path(__file__).parent


def write_set(name: str, articles: list, language: str) -> None:
    out = HERE / name
    out.mkdir(exist_ok=True)
    gold_dir = out / "gold"
    gold_dir.mkdir(exist_ok=True)
    rows = []
    for file_id, title, published, body, figures in articles:
        text = f"{title}\n\n{body}\n"
        (out / f"{file_id}.txt").write_text(text, encoding="utf-8")
        rows.append({"file": f"{file_id}.txt", "title": title, "published": published, "language": language})
        money, at = [], 0
        for surface, value, extra in figures:
            start = text.find(surface, at)
            assert start >= 0, (file_id, surface)
            at = start + len(surface)
            g = {"surface": surface, "amount_usd": None, "low_usd": None, "high_usd": None,
                 "char_start": start, "char_end": at}
            if isinstance(value, tuple) and isinstance(value[1], str):
                g["amount"], g["currency"] = value
            elif isinstance(value, tuple):
                g["low_usd"], g["high_usd"] = value
                g["amount_usd"] = (value[0] + value[1]) / 2
            else:
                g["amount_usd"] = value
            g["qualifier"] = extra.get("qualifier", "exact")
            g["claim"] = extra.get("claim", "actual")
            for k in ("parties", "flow", "period", "exporter", "importer", "reporter"):
                if k in extra:
                    g[k] = extra[k]
            money.append(g)
        (gold_dir / f"{file_id}.json").write_text(json.dumps(
            {"file": f"{file_id}.txt", "date": published, "quotes": [], "money": money}, ensure_ascii=False, indent=1),
            encoding="utf-8")
    with open(out / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["file", "title", "published", "language"])
        w.writeheader()
        w.writerows(rows)
