"""Charts: never switch the user's backend, aggregate large corpora, keep a theme's colour, keep labels apart."""
import os
import subprocess
import sys

import pandas as pd
import pytest

from analysis import charts, style

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_importing_the_package_leaves_the_matplotlib_backend_alone():
    code = ("import sys, matplotlib; import analysis.charts, analysis.report, analysis.style; "
            "analysis.style.setup(); "
            "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'; "
            "print(matplotlib.get_backend())")
    env = {**os.environ, "MPLBACKEND": "svg"}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "svg"


def _corpus(n_articles: int, months: int = 12):
    rows, themes = [], []
    for i in range(n_articles):
        aid = f"a{i:03d}.txt"
        rows.append({"article_id": aid, "published": f"2025-{i % months + 1:02d}-15", "year_known": True,
                     "n_words": 500, "source": ["Agency A", "Daily B", "Wire C"][i % 3], "language": ["en", "ru"][i % 2]})
        themes.append({"article_id": aid, "theme": "trade", "hits": 2 + i % 3, "per_1k_words": 4.0})
        themes.append({"article_id": aid, "theme": "energy", "hits": 1 + i % 2, "per_1k_words": 2.0})
    return pd.DataFrame(rows), pd.DataFrame(themes)


LABELS = {"trade": "Trade and turnover", "energy": "Energy, oil and gas", "agri": "Agriculture"}


def _colours_by_label(fig):
    out = {}
    for ax in fig.axes:
        for line in ax.get_lines():
            out[line.get_label()] = line.get_color()
        for c in ax.containers:
            if c.get_label() and not c.get_label().startswith("_"):
                out[c.get_label()] = pytest.importorskip("matplotlib.colors").to_hex(c.patches[0].get_facecolor())
    return out


def test_a_theme_keeps_its_colour_in_every_chart():
    arts, th = _corpus(60)
    colours = style.theme_colours(LABELS)
    a = _colours_by_label(charts.theme_over_time(th, arts, LABELS, colours))
    b = _colours_by_label(charts.theme_by_group(th, arts, LABELS, "source", colours))
    c = _colours_by_label(charts.theme_profile(th.head(10), arts.head(5), LABELS, colours))
    for label in ("Trade and turnover", "Energy, oil and gas"):
        assert a[label] == b[label] == c[label]


def test_many_articles_are_charted_by_period_with_the_articles_per_bin():
    arts, th = _corpus(60)
    fig, caption = charts.theme_overview(th, arts, LABELS)
    assert "by month of publication" in caption
    rate, n, unit = charts.theme_rates_over_time(th, arts)
    assert unit == "month" and n.sum() == 60 and len(rate) == 12
    # rate = hits in the month / words of the month's articles * 1000
    jan = arts[arts["published"].str.startswith("2025-01")]["article_id"]
    expected = th[th["article_id"].isin(jan) & (th["theme"] == "trade")]["hits"].sum() / (500 * len(jan)) * 1000
    assert rate.iloc[0]["trade"] == pytest.approx(expected)
    few_fig, few_caption = charts.theme_overview(th.head(10), arts.head(5), LABELS)
    assert "by article" in few_caption


def test_years_of_articles_are_binned_by_quarter():
    arts, th = _corpus(60)
    arts["published"] = [f"{2019 + i % 5}-{i % 12 + 1:02d}-01" for i in range(60)]
    _, _, unit = charts.theme_rates_over_time(th, arts)
    assert unit == "quarter"


def _overlaps(labels, renderer):
    boxes = [t.get_window_extent(renderer) for t in labels if t.get_text() and t.get_visible()]
    return any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_axis_labels_do_not_overlap():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    arts, th = _corpus(300)
    arts["published"] = [f"{2023 + (i % 36) // 12}-{i % 12 + 1:02d}-15" for i in range(300)]
    arts["source"] = [f"Outlet number {i % 12}" for i in range(300)]
    for fig in (charts.theme_over_time(th, arts, LABELS), charts.theme_by_group(th, arts, LABELS, "source"),
                charts.theme_profile(th.head(40), arts.head(20), LABELS)):
        renderer = FigureCanvasAgg(fig).get_renderer()
        fig.draw(renderer)
        for ax in fig.axes:
            assert not _overlaps(ax.get_xticklabels(), renderer)
            assert not _overlaps(ax.get_yticklabels(), renderer)
        legends = [ax.get_legend() for ax in fig.axes if ax.get_legend()] + list(fig.legends)
        legend = [t.get_text() for lg in legends for t in lg.get_texts()]
        assert "Energy, oil and gas" in legend                      # whole labels, never cut


def test_the_claims_chart_notes_stand_below_its_legend():
    import matplotlib
    matplotlib.use("Agg", force=False)
    from analysis.pipeline import analyse
    r = analyse(os.path.join(os.path.dirname(__file__), "..", "seeds"))
    fig = charts.figures_over_time(r.figures, r.articles)
    fig.canvas.draw()
    inverse = fig.transFigure.inverted()
    legend = fig.axes[0].get_legend().get_window_extent().transformed(inverse)
    notes = [t for t in fig.texts if "actual" in t.get_text()][0].get_window_extent().transformed(inverse)
    assert notes.y1 <= legend.y0


def test_log_scale_tick_labels_are_plain_numbers_not_tex():
    import matplotlib
    matplotlib.use("Agg", force=False)
    figures = pd.DataFrame({
        "article_id": ["a", "b", "c"], "value_usd": [5e7, 2e9, 3e11], "low_usd": [None] * 3, "high_usd": [None] * 3,
        "year": [2022, 2023, 2024], "claim": ["actual"] * 3, "parties": ["Belarus|Kazakhstan"] * 3,
        "flow": ["turnover"] * 3, "metric": ["trade turnover"] * 3, "currency": ["USD"] * 3,
        "amount": [5e7, 2e9, 3e11]})
    style.setup()
    fig = charts.figures_over_time(figures)
    fig.canvas.draw()
    ax = fig.axes[0]
    assert ax.get_yscale() == "log"
    labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert labels and not any("$" in x or "mathdefault" in x for x in labels)
    assert "1" in labels and "100" in labels


def test_theme_overview_of_many_undated_articles_from_one_outlet_still_draws_a_chart():
    from analysis.pipeline import analyse
    r = analyse(os.path.join(os.path.dirname(__file__), "..", "seeds"))
    many = pd.concat([r.articles.assign(article_id=r.articles["article_id"] + f"-{k}") for k in range(10)])
    many = many.assign(published=None, year_known=False, source="", language=["en"] * len(many))
    themes = pd.concat([r.themes.assign(article_id=r.themes["article_id"] + f"-{k}") for k in range(10)])
    labels = {t: t for t in themes["theme"].unique()}
    fig, caption = charts.theme_overview(themes, many, labels)
    assert fig is not None and "whole corpus" in caption
    fig, caption = charts.theme_overview(themes, many.assign(language=(["en", "ru"] * len(many))[:len(many)]), labels)
    assert fig is not None and "language" in caption


def test_a_corpus_mostly_without_dates_is_not_charted_over_time_from_its_few_dated_articles():
    arts, th = _corpus(60)
    mostly_undated = arts.assign(year_known=[k < 20 for k in range(len(arts))],
                                 source=["Outlet A", "Outlet B", "Outlet C"] * 20)
    fig, caption = charts.theme_overview(th, mostly_undated, LABELS)
    assert fig is not None and "by outlet" in caption
    half_dated = mostly_undated.assign(year_known=[k < 30 for k in range(len(arts))])
    fig, caption = charts.theme_overview(th, half_dated, LABELS)
    assert "by month of publication" in caption and "30 of 60 articles without a known year are left out" in caption
