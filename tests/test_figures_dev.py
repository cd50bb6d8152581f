"""The figures development sets (tests/dev/figures_en, tests/dev/figures_ru): short articles written for
issue-level behaviour, each with gold amounts and the context every figure should carry."""
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.pipeline import analyse
from score import pair_rank, score_money

DEV = Path(__file__).parent / "dev"
CONTEXT = ("parties", "flow", "period", "exporter", "importer", "reporter")


def _run(name):
    folder = DEV / name
    figures = analyse(folder).figures       # as `briefing extract` has them: with the quotes found first
    gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "gold").glob("*.json"))}
    return figures, gold


def _rows(figures):
    return [{k: ("" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)) for k, v in r.items()}
            for r in figures.to_dict("records")]


@pytest.fixture(scope="module", params=["figures_en", "figures_ru"])
def dev_set(request):
    return request.param, *_run(request.param)


def test_dev_set_is_large_enough(dev_set):
    name, _, gold = dev_set
    assert len(gold) >= (30 if name.endswith("en") else 25)
    assert sum(len(g["money"]) for g in gold.values()) >= 45


def test_dev_set_amounts_are_found_and_valued(dev_set):
    name, figures, gold = dev_set
    misses = []
    s = score_money(gold, _rows(figures), misses)
    assert s["detection"]["f1"] >= 0.97, misses
    assert s["value"]["f1"] >= 0.97 if name.endswith("en") else s["value"]["f1"] >= 0.95, misses


def test_dev_set_figures_know_parties_flow_period_and_direction(dev_set):
    name, figures, gold = dev_set
    checked, wrong = 0, []
    for key, g in gold.items():
        mine = figures[figures["article_id"].str.startswith(key)]
        for m in g["money"]:
            best = max(((pair_rank(m["surface"], s), i) for i, s in zip(mine.index, mine["surface"])
                        if pair_rank(m["surface"], s) is not None), default=None)
            if best is None:
                continue
            row = mine.loc[best[1]]
            for col in CONTEXT:
                if col in m:
                    checked += 1
                    got = "" if pd.isna(row[col]) else str(row[col])
                    if got != m[col]:
                        wrong.append(f"{key} {m['surface']!r} {col}: {got!r}, expected {m[col]!r}")
    assert checked >= 150
    assert len(wrong) <= 0.03 * checked, wrong


def test_periods_have_iso_bounds(dev_set):
    _, figures, _ = dev_set
    f = figures.set_index("period")
    for label, start, end in [("2023-H1", "2023-01-01", "2023-06-30"), ("2023-01/2023-09", "2023-01-01", "2023-09-30")]:
        row = f.loc[[label]].iloc[0]
        assert (row["period_start"], row["period_end"]) == (start, end)
    assert (figures["period_start"] <= figures["period_end"]).all()
