"""Charts in the house style. Each returns a matplotlib Figure (or None when
there is nothing to draw); `style.figure_svg` turns it into captioned SVG."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from . import style  # noqa: E402


def _short(label: str, n: int = 28) -> str:
    label = str(label)
    return label if len(label) <= n else label[: n - 1] + "…"


def publication_timeline(articles: pd.DataFrame):
    """Articles per month (only articles whose year is known)."""
    dated = articles[articles["year_known"] & articles["published"].notna()]
    if dated.empty:
        return None
    months = pd.PeriodIndex(dated["published"].str[:7], freq="M")
    counts = months.value_counts().sort_index()
    fig, ax = plt.subplots(figsize=(7.0, 2.2))
    x = [p.to_timestamp() for p in counts.index]
    ax.bar(x, counts.values, width=20, color=style.ACCENT)
    ax.set_ylabel("articles")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", visible=False)
    fig.autofmt_xdate()
    return fig


def quotes_per_speaker(quotes: pd.DataFrame, top: int = 12):
    direct = quotes[(quotes["kind"] == "direct")]
    if direct.empty:
        return None
    utter = direct.drop_duplicates("utterance_id")
    who = utter["speaker"].replace("", "(unattributed)")
    counts = who.value_counts().head(top).sort_values()
    fig, ax = plt.subplots(figsize=(7.0, 0.45 * len(counts) + 0.9))
    ax.barh([_short(s) for s in counts.index], counts.values, color=style.ACCENT)
    ax.set_xlabel("statements (utterances)")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", visible=False)
    for i, v in enumerate(counts.values):
        ax.text(v, i, f" {v}", va="center", fontsize=8, color=style.MUTED)
    return fig


def figures_over_time(figures: pd.DataFrame, articles: pd.DataFrame | None = None,
                      reference: pd.DataFrame | None = None, max_series: int = 6):
    """Claimed USD values by year, one labelled series per (parties, flow).

    Filled markers are actual figures, triangles targets, squares aspirations;
    ranges are error bars. A figure with no year of its own (an aspiration, a
    target "in the next few years") is placed at the year it was claimed, with
    a hollow marker. The `max_series` most-reported series are drawn and the
    others listed under the chart; amounts in a currency with no rate are never
    put on the dollar axis, and the chart says how many were left out. The
    axis is logarithmic when values span more than two orders of magnitude.
    A reference series with a ``parties`` column is drawn only for those parties.
    """
    left_out = int(figures["value_usd"].isna().sum()) if "value_usd" in figures else 0
    f = figures[figures["value_usd"].notna()].copy()
    f["when"] = f["year"].astype("Float64")
    f["dated"] = f["when"].notna()
    if articles is not None and not articles.empty:
        claimed = articles.set_index("article_id")["published"].where(articles.set_index("article_id")["year_known"])
        claimed = claimed.str[:4].astype("Float64")
        f.loc[~f["dated"], "when"] = f.loc[~f["dated"], "article_id"].map(claimed).astype("Float64")
    f = f[f["when"].notna()]
    if f.empty:
        return None
    parties = f["parties"].fillna("") if "parties" in f else pd.Series("", index=f.index)
    flow = f["flow"].fillna("other") if "flow" in f else f["metric"]
    f["series"] = [(p.replace("|", "–") if p else "parties unknown") + f", {fl}" for p, fl in zip(parties, flow)]
    counts = f["series"].value_counts()
    shown = list(counts.index[:max_series])
    rest = list(counts.index[max_series:])
    f = f[f["series"].isin(shown)]
    fig, ax = plt.subplots(figsize=(7.0, 3.4))
    markers = {"actual": "o", "target": "^", "aspiration": "s"}
    offsets = {name: (k - (len(shown) - 1) / 2) * 0.08 for k, name in enumerate(shown)}   # keep same-year points apart
    for k, name in enumerate(shown):
        colour = style.PALETTE[k % len(style.PALETTE)]
        first = True
        for claim, mk in markers.items():
            for dated in (True, False):
                g = f[(f["series"] == name) & (f["claim"] == claim) & (f["dated"] == dated)]
                if g.empty:
                    continue
                y = g["value_usd"].astype(float) / 1e9
                lo = (g["value_usd"] - g["low_usd"].fillna(g["value_usd"])).astype(float) / 1e9
                hi = (g["high_usd"].fillna(g["value_usd"]) - g["value_usd"]).astype(float) / 1e9
                ax.errorbar(g["when"].astype(float) + offsets[name], y, yerr=[lo, hi], fmt=mk, color=colour, capsize=3,
                            ms=6, mfc=colour if dated else "white", label=name if first else None)
                first = False
    if reference is not None and not reference.empty:
        ref = reference
        if "parties" in ref.columns:
            wanted = {s.split(",")[0] for s in shown}
            ref = ref[ref["parties"].astype(str).str.replace("|", "–").isin(wanted)]
        if not ref.empty:
            sources = sorted({str(x) for x in ref.get("source", []) if str(x) and str(x) != "nan"})
            label = "reference" + (f" ({', '.join(sources)})" if sources else "")
            ax.plot(ref["year"], ref["value"] / 1e9, color=style.MUTED, lw=1.2, ls="--", label=label)
    values = f["value_usd"].astype(float)
    positive = values[values > 0]
    if len(positive) and positive.max() / positive.min() > 100:
        ax.set_yscale("log")
        ax.set_ylabel("USD billion (log scale)")
    else:
        ax.set_ylabel("USD billion")
        ax.set_ylim(bottom=0)
    ax.xaxis.get_major_locator().set_params(integer=True)
    lo_x, hi_x = f["when"].min(), f["when"].max()
    ax.set_xlim(float(lo_x) - 1, float(hi_x) + 1)
    ax.legend(frameon=False, fontsize=7, ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.14))
    notes = ["● actual  ▲ target  ■ aspiration; hollow: placed at the year it was said"]
    if rest:
        notes.append("Not drawn (fewer reports): " + "; ".join(rest[:8]) + (" …" if len(rest) > 8 else "") + ".")
    if left_out:
        notes.append(f"{left_out} amount{'s' if left_out != 1 else ''} in other currencies with no exchange rate "
                     "left out (no rate in rates.csv or the article).")
    fig.text(0.01, -0.02, "\n".join(notes), fontsize=6.5, color=style.MUTED, va="top", ha="left",
             transform=fig.transFigure)
    return fig


def theme_profile(themes: pd.DataFrame, articles: pd.DataFrame, labels: dict[str, str]):
    """Mentions per 1,000 words, per article and theme (grouped bars)."""
    if themes.empty:
        return None
    short = {a: f"A{i + 1}" for i, a in enumerate(articles["article_id"])}
    table = themes.pivot_table(index="article_id", columns="theme", values="per_1k_words", fill_value=0)
    table = table.reindex([a for a in articles["article_id"] if a in table.index])
    table = table[[t for t in labels if t in table.columns]]
    fig, ax = plt.subplots(figsize=(7.0, 3.0))
    n = len(table.columns)
    width = 0.8 / max(n, 1)
    for k, theme in enumerate(table.columns):
        xs = [i + k * width - 0.4 + width / 2 for i in range(len(table))]
        ax.bar(xs, table[theme].values, width=width, label=_short(labels.get(theme, theme), 24))
    ax.set_xticks(range(len(table)))
    ax.set_xticklabels([short[a] for a in table.index])
    ax.set_ylabel("mentions per 1,000 words")
    ax.grid(axis="x", visible=False)
    ax.legend(frameon=False, fontsize=7.5, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.12))
    return fig


def heatmap(table: pd.DataFrame, xlabel: str = "", ylabel: str = ""):
    """A labelled count heatmap (theme x speaker and similar)."""
    if table is None or table.empty:
        return None
    fig, ax = plt.subplots(figsize=(7.0, 0.5 * len(table) + 1.6))
    ax.imshow(table.values, cmap="Blues", aspect="auto")
    ax.set_xticks(range(len(table.columns)))
    ax.set_xticklabels([_short(c, 18) for c in table.columns], rotation=30, ha="right")
    ax.set_yticks(range(len(table.index)))
    ax.set_yticklabels([_short(i, 26) for i in table.index])
    vmax = table.values.max() or 1
    for i in range(len(table.index)):
        for j in range(len(table.columns)):
            v = table.values[i, j]
            ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=8, color="white" if v > vmax * 0.6 else style.INK)
    ax.grid(False)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig


def theme_trend(by_month: pd.DataFrame, labels: dict[str, str]):
    if by_month is None or by_month.empty:
        return None
    fig, ax = plt.subplots(figsize=(7.0, 2.8))
    x = [pd.Period(m, freq="M").to_timestamp() for m in by_month.index]
    for theme in by_month.columns:
        ax.plot(x, by_month[theme].values, marker="o", ms=4, label=_short(labels.get(theme, theme), 24))
    ax.set_ylabel("mentions")
    ax.legend(frameon=False, fontsize=7.5, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.18))
    fig.autofmt_xdate()
    return fig
