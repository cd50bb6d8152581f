"""Charts in the house style. Each returns a matplotlib Figure (or None when
there is nothing to draw); `style.figure_svg` turns it into captioned SVG.

Figures are made with `matplotlib.figure.Figure`, not pyplot, so importing
this module never touches the backend of the user's session: in Jupyter a
returned figure displays inline, and headless rendering needs no display.

With many articles the theme charts aggregate (`theme_overview`): per article
up to `PER_ARTICLE_MAX` articles, else by month or quarter with the number of
articles per bin. A theme has one colour everywhere (`style.theme_colours`).
"""
from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from . import style
from .quotes import UNNAMED, attributed

PER_ARTICLE_MAX = 20


class _Pyplot:
    """`plt.subplots` without pyplot: a Figure that is not registered with any backend."""

    @staticmethod
    def subplots(nrows: int = 1, ncols: int = 1, figsize=None, **kwargs):
        fig = Figure(figsize=figsize)
        return fig, fig.subplots(nrows, ncols, **kwargs)


plt = _Pyplot()


def _legend(ax, n: int, below: float = -0.14) -> None:
    """A legend under the axes, whole labels, as many columns as fit."""
    ncol = 1 if n <= 1 else (2 if n <= 4 else 3)
    ax.legend(frameon=False, fontsize=7.5, ncol=ncol, loc="upper center", bbox_to_anchor=(0.5, below))


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
    who = utter["speaker"].where(attributed(utter), "(unattributed)")
    if "confidence" in utter:
        who = who.mask(utter["confidence"] == UNNAMED, "(unnamed sources)")
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
    # a price per unit ("$215 per tonne") is no amount of trade: it has no place on the same axis
    prices = figures["flow"].eq("price") if "flow" in figures else pd.Series(False, index=figures.index)
    n_prices = int(prices.sum())
    figures = figures[~prices]
    left_out = int(figures["value_usd"].isna().sum()) if "value_usd" in figures else 0
    f = figures[figures["value_usd"].notna()].copy()
    if "relative_to" in f and "figure_id" in f and len(f):
        # "3.2 trillion tenge ($6.8 billion)": the dollar amount restating a converted one is one claim, drawn once
        value = dict(zip(f["figure_id"], f["value_usd"]))
        restated = [bool(r) and r in value and abs(value[r] - v) <= 1e-6 * max(abs(v), 1.0)
                    for r, v in zip(f["relative_to"].fillna(""), f["value_usd"])]
        f = f[[not x for x in restated]]
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
        # plain tick labels (0.1, 1, 10): the default ones are TeX, which the style turns off for "$" in data
        from matplotlib.ticker import FuncFormatter
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.10f}".rstrip("0").rstrip(".")))
        ax.yaxis.set_minor_formatter(FuncFormatter(lambda v, _: ""))
    else:
        ax.set_ylabel("USD billion")
        ax.set_ylim(bottom=0)
    ax.xaxis.get_major_locator().set_params(integer=True)
    lo_x, hi_x = f["when"].min(), f["when"].max()
    ax.set_xlim(float(lo_x) - 1, float(hi_x) + 1)
    legend = ax.legend(frameon=False, fontsize=7, ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.14))
    notes = ["● actual  ▲ target  ■ aspiration; hollow: placed at the year it was said"]
    if rest:
        notes.append("Not drawn (fewer reports): " + "; ".join(rest[:8]) + (" …" if len(rest) > 8 else "") + ".")
    if left_out:
        notes.append(f"{left_out} amount{'s' if left_out != 1 else ''} in other currencies with no exchange rate "
                     "left out (no rate in rates.csv or the article).")
    if n_prices:
        notes.append(f"{n_prices} price{'s' if n_prices != 1 else ''} per unit left out (see the figures table).")
    # wrapped to the figure's width: one long line would widen the saved figure and shrink the chart on the page
    notes = [textwrap.fill(n, 150) for n in notes]
    # the notes go under the legend, wherever its rows end, so the two never overlap
    fig.canvas.draw()
    legend_bottom = legend.get_window_extent().transformed(fig.transFigure.inverted()).y0
    fig.text(0.01, min(-0.02, legend_bottom - 0.02), "\n".join(notes), fontsize=6.5, color=style.MUTED, va="top",
             ha="left", transform=fig.transFigure)
    return fig


def theme_profile(themes: pd.DataFrame, articles: pd.DataFrame, labels: dict[str, str],
                  colours: dict[str, str] | None = None):
    """Mentions per 1,000 words, per article and theme (grouped bars); for a few articles only
    (`theme_overview` chooses)."""
    if themes.empty:
        return None
    colours = colours or style.theme_colours(labels)
    short = {a: f"A{i + 1}" for i, a in enumerate(articles["article_id"])}
    table = themes.pivot_table(index="article_id", columns="theme", values="per_1k_words", fill_value=0)
    table = table.reindex([a for a in articles["article_id"] if a in table.index])
    table = table[[t for t in labels if t in table.columns]]
    fig, ax = plt.subplots(figsize=(7.0, 3.0))
    n = len(table.columns)
    width = 0.8 / max(n, 1)
    for k, theme in enumerate(table.columns):
        xs = [i + k * width - 0.4 + width / 2 for i in range(len(table))]
        ax.bar(xs, table[theme].values, width=width, label=labels.get(theme, theme), color=colours.get(theme))
    ax.set_xticks(range(len(table)))
    ax.set_xticklabels([short[a] for a in table.index], fontsize=8 if len(table) <= 12 else 7)
    ax.set_ylabel("mentions per 1,000 words")
    ax.grid(axis="x", visible=False)
    _legend(ax, n)
    return fig


def _bins(dated: pd.DataFrame) -> tuple[pd.Series, str]:
    """Month bins for up to two years of articles, quarters up to eight, else years."""
    months = pd.PeriodIndex(dated["published"].str[:7], freq="M")
    span = (months.max() - months.min()).n if len(months) else 0
    if span <= 24:
        return pd.Series(months, index=dated.index), "month"
    if span <= 96:
        return pd.Series(months.asfreq("Q"), index=dated.index), "quarter"
    return pd.Series(months.asfreq("Y"), index=dated.index), "year"


def theme_rates_over_time(themes: pd.DataFrame, articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series, str]:
    """Mentions per 1,000 words per theme and time bin, the articles per bin, and the bin unit.

    Only articles with a known year count; the rate divides the bin's theme hits by all words of the
    bin's articles (an article that does not mention the theme lowers the rate, as it should)."""
    dated = articles[articles["year_known"] & articles["published"].notna()
                     & articles["published"].astype(str).str.match(r"\d{4}-\d{2}")]
    if dated.empty:
        return pd.DataFrame(), pd.Series(dtype=int), "month"
    bins, unit = _bins(dated)
    a = dated.assign(bin=bins.values)[["article_id", "bin", "n_words"]]
    words = a.groupby("bin")["n_words"].sum()
    n = a.groupby("bin")["article_id"].nunique()
    t = themes.merge(a[["article_id", "bin"]], on="article_id")
    hits = t.pivot_table(index="bin", columns="theme", values="hits", aggfunc="sum", fill_value=0)
    hits = hits.reindex(words.index, fill_value=0)
    rate = hits.div(words.clip(lower=1), axis=0) * 1000
    return rate, n, unit


def theme_over_time(themes: pd.DataFrame, articles: pd.DataFrame, labels: dict[str, str],
                    colours: dict[str, str] | None = None, top: int = 8):
    """Rate per 1,000 words by month, quarter or year (lines, top themes), with the articles per bin below."""
    rate, n, unit = theme_rates_over_time(themes, articles)
    if rate.empty or len(rate) < 2:
        return None
    colours = colours or style.theme_colours(labels)
    order = [t for t in rate.sum().sort_values(ascending=False).index][:top]
    fig = Figure(figsize=(7.0, 3.6))
    ax, axn = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3.2, 1], "hspace": 0.08})
    x = [p.to_timestamp() for p in rate.index]
    for theme in [t for t in labels if t in order] + [t for t in order if t not in labels]:
        ax.plot(x, rate[theme].values, marker="o", ms=3, lw=1.4, color=colours.get(theme), label=labels.get(theme, theme))
    ax.set_ylabel("per 1,000 words")
    ax.set_ylim(bottom=0)
    width = {"month": 20, "quarter": 60, "year": 240}[unit]
    axn.bar(x, n.values, width=width, color=style.MUTED)
    axn.set_ylabel(f"articles\nper {unit}", fontsize=7.5)
    axn.yaxis.get_major_locator().set_params(integer=True, nbins=3)
    axn.grid(axis="x", visible=False)
    import matplotlib.dates as mdates
    loc = mdates.AutoDateLocator(minticks=3, maxticks=8)
    axn.xaxis.set_major_locator(loc)
    axn.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
    handles, names = ax.get_legend_handles_labels()
    n = len(names)
    fig.legend(handles, names, frameon=False, fontsize=7.5, ncol=1 if n <= 1 else (2 if n <= 4 else 3),
               loc="upper center", bbox_to_anchor=(0.5, 0.02))
    return fig


def theme_by_group(themes: pd.DataFrame, articles: pd.DataFrame, labels: dict[str, str], by: str = "source",
                   colours: dict[str, str] | None = None, top: int = 10, unknown: str = "unknown",
                   min_groups: int = 2):
    """Mentions per 1,000 words per outlet (or language, or any article column), stacked by theme;
    the largest `top` groups by articles, each with its number of articles."""
    if themes.empty or by not in articles.columns:
        return None
    a = articles.assign(_g=articles[by].fillna("").astype(str).replace("", unknown))
    n = a["_g"].value_counts()
    if len(n) < min_groups:
        return None
    groups = list(n.index[:top])
    words = a.groupby("_g")["n_words"].sum()
    t = themes.merge(a[["article_id", "_g"]], on="article_id")
    hits = t.pivot_table(index="_g", columns="theme", values="hits", aggfunc="sum", fill_value=0)
    rate = (hits.reindex(groups, fill_value=0).div(words.reindex(groups).clip(lower=1), axis=0) * 1000).iloc[::-1]
    colours = colours or style.theme_colours(labels)
    cols = [c for c in labels if c in rate.columns] + [c for c in rate.columns if c not in labels]
    fig = Figure(figsize=(7.0, 0.38 * len(groups) + 1.4))
    ax = fig.subplots()
    left = pd.Series(0.0, index=rate.index)
    for theme in cols:
        ax.barh([_short(g, 30) for g in rate.index], rate[theme].values, left=left.values, color=colours.get(theme),
                label=labels.get(theme, theme), height=0.7)
        left += rate[theme]
    for i, g in enumerate(rate.index):
        ax.text(left[g], i, f"  {n[g]} art.", va="center", fontsize=7.5, color=style.MUTED)
    ax.set_xlabel("theme mentions per 1,000 words (stacked)")
    ax.grid(axis="y", visible=False)
    ax.set_xlim(right=float(left.max()) * 1.15 or 1)
    _legend(ax, len(cols), below=-0.5 / max(1, len(groups) ** 0.5) - 0.12)
    return fig


def theme_overview(themes: pd.DataFrame, articles: pd.DataFrame, labels: dict[str, str],
                   colours: dict[str, str] | None = None):
    """The theme chart that reads at this corpus size: per article up to PER_ARTICLE_MAX articles,
    else over time, else (no dates) by outlet. Returns (figure, caption)."""
    if len(articles) <= PER_ARTICLE_MAX:
        return (theme_profile(themes, articles, labels, colours),
                "Theme mentions per 1,000 words, by article (A1, A2 … as in Sources)")
    # over time only when most articles are dated: a line drawn from a handful of dated articles misleads
    n_dated = int(articles["year_known"].sum()) if "year_known" in articles else 0
    fig = theme_over_time(themes, articles, labels, colours) if n_dated * 2 >= len(articles) else None
    if fig is not None:
        _, _, unit = theme_rates_over_time(themes, articles)
        left_out = len(articles) - n_dated
        return fig, (f"Theme mentions per 1,000 words by {unit} of publication (the {min(8, themes['theme'].nunique())} "
                     f"most mentioned themes); below, the number of articles per {unit}."
                     + (f" {left_out} of {len(articles)} articles without a known year are left out." if left_out else ""))
    fig = theme_by_group(themes, articles, labels, "source", colours)
    if fig is not None:
        return fig, "Theme mentions per 1,000 words by outlet, with the number of articles of each"
    # no dates and one outlet (or none named): by language, else the corpus as one bar
    fig = theme_by_group(themes, articles, labels, "language", colours)
    if fig is not None:
        return fig, "Theme mentions per 1,000 words by language of the article, with the number of articles of each"
    one = articles.assign(_all="all articles")
    return (theme_by_group(themes, one, labels, "_all", colours, min_groups=1),
            "Theme mentions per 1,000 words in the whole corpus (no publication dates or outlets to compare)")


def heatmap(table: pd.DataFrame, xlabel: str = "", ylabel: str = "", top: int = 15):
    """A labelled count heatmap (speaker x theme and similar): the `top` rows with the largest totals."""
    if table is None or table.empty:
        return None
    if len(table) > top:
        table = table.loc[table.sum(axis=1).sort_values(ascending=False).index[:top]]
    fig, ax = plt.subplots(figsize=(7.0, 0.5 * len(table) + 1.6))
    ax.imshow(table.values, cmap="Blues", aspect="auto")
    ax.set_xticks(range(len(table.columns)))
    import textwrap
    ax.set_xticklabels(["\n".join(textwrap.wrap(str(c), 16)) for c in table.columns], rotation=30, ha="right",
                       rotation_mode="anchor", fontsize=7.5)
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


def theme_trend(by_month: pd.DataFrame, labels: dict[str, str], colours: dict[str, str] | None = None):
    """Mentions by month (a table from `themes.by_month`)."""
    if by_month is None or by_month.empty:
        return None
    colours = colours or style.theme_colours(labels)
    fig, ax = plt.subplots(figsize=(7.0, 2.8))
    x = [pd.Period(m, freq="M").to_timestamp() for m in by_month.index]
    for theme in by_month.columns:
        ax.plot(x, by_month[theme].values, marker="o", ms=4, color=colours.get(theme), label=labels.get(theme, theme))
    ax.set_ylabel("mentions")
    _legend(ax, len(by_month.columns), below=-0.25)
    fig.autofmt_xdate()
    return fig
