"""Briefing sections as escaped HTML, built from the analysis tables.

Notebooks call these and display the result; everything here is plain
functions over DataFrames, so the wording of a briefing is tested like any
other code. Every figure and quote carries a reference ("A2 ¶5") that
resolves in the Sources appendix.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

import pandas as pd

from . import __version__, charts, style
from .figures import disagreements, format_amount, format_usd
from .pipeline import Results, analyse
from .style import esc

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass
class Briefing:
    results: Results
    title: str
    refs: dict[str, str]          # article_id -> "A1"
    excluded: pd.DataFrame        # articles left out by the date range
    since: str = ""
    until: str = ""

    @property
    def articles(self) -> pd.DataFrame:
        return self.results.articles


def _split(value: str | list | None) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v) for v in value]


def prepare(corpus_dir: str, title: str = "Briefing", since: str = "", until: str = "", roster: str = "",
            lexicon: str = "", rates: str = "", speakers: str | list = "", themes: str | list = "") -> Briefing:
    """Analyse the corpus and narrow it to the date range, speakers and themes asked for."""
    for name, value in (("since", since), ("until", until)):
        if value:
            try:
                dt.date.fromisoformat(str(value)[:10]) if len(str(value)) >= 10 else int(str(value)[:4])
            except ValueError:
                raise ValueError(f"parameter '{name}' must be a date such as 2026-01-31, got {value!r}") from None
    res = analyse(corpus_dir, roster=roster or None, lexicon=lexicon or None, rates=rates or None)
    arts = res.corpus.articles
    keep = pd.Series(True, index=arts.index)
    excluded = arts.iloc[0:0]
    if since or until:
        pub = arts["published"].fillna("")
        known = arts["year_known"]
        keep = known.copy()
        if since:
            keep &= pub >= str(since)
        if until:
            keep &= pub.str[:len(str(until))] <= str(until)
        excluded = arts[~keep]
    ids = set(arts.loc[keep, "article_id"])
    res.corpus.articles = arts[keep].reset_index(drop=True)
    for name in ("quotes", "figures", "quantities", "themes", "theme_mentions"):
        df = getattr(res, name)
        setattr(res, name, df[df["article_id"].isin(ids)].reset_index(drop=True))
    res.discrepancies = res.discrepancies[res.discrepancies["article_a"].isin(ids) & res.discrepancies["article_b"].isin(ids)]
    if _split(speakers):
        wanted = set(_split(speakers))
        res.quotes = res.quotes[res.quotes["speaker"].isin(wanted) | (res.quotes["kind"] != "direct")]
    if _split(themes):
        wanted = set(_split(themes))
        res.themes = res.themes[res.themes["theme"].isin(wanted)]
        res.theme_mentions = res.theme_mentions[res.theme_mentions["theme"].isin(wanted)]
    order = res.corpus.articles.assign(_k=res.corpus.articles["published"].where(res.corpus.articles["year_known"], "9999"))
    order = order.sort_values(["_k", "article_id"])
    res.corpus.articles = order.drop(columns="_k").reset_index(drop=True)
    refs = {a: f"A{i + 1}" for i, a in enumerate(res.corpus.articles["article_id"])}
    return Briefing(res, title, refs, excluded, str(since or ""), str(until or ""))


# --------------------------------------------------------------------------- formatting


def fmt_date(iso: object) -> str:
    if not isinstance(iso, str) or not iso:
        return "date unknown"
    if iso.startswith("--"):
        return f"{int(iso[5:7])} {MONTHS[int(iso[2:4]) - 1]} (year unknown)"
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def ref(b: Briefing, article_id: str, paragraph: int | None = None) -> str:
    """An escaped reference link to the Sources appendix: A2 or A2 ¶5."""
    r = b.refs.get(article_id, "?")
    para = f" ¶{int(paragraph) + 1}" if paragraph is not None and not pd.isna(paragraph) else ""
    return f'<a class="ref" href="#src-{esc(r)}">{esc(r)}{esc(para)}</a>'


def _para_index(b: Briefing, article_id: str, pos: int) -> int | None:
    arts = b.articles
    row = arts[arts["article_id"] == article_id]
    if row.empty:
        return None
    text = row.iloc[0]["text"]
    return max(0, sum(1 for line in text[:pos].split("\n")[:-1] if line.strip()))


def value_text(r: dict | pd.Series) -> str:
    """'$1 bn', 'at least $1 bn', '$4 bn – $8 bn (vague)', or the native amount when not in USD."""
    q = r.get("qualifier", "exact")
    prefix = {"approx": "about ", "at_least": "at least ", "more_than": "more than ", "at_most": "up to ",
              "less_than": "less than "}.get(q, "")
    if pd.notna(r.get("low_usd")) and pd.notna(r.get("high_usd")):
        core = f"{format_usd(r['low_usd'])} – {format_usd(r['high_usd'])}"
        prefix = ""     # the range already says it
    elif pd.notna(r.get("value_usd")):
        core = format_usd(r["value_usd"])
    else:
        amount = r.get("amount")
        core = f"{amount:,.0f} {r.get('currency', '')}".strip() if pd.notna(amount) else ""
    return (prefix + core + (" (vague)" if r.get("vague") else "")).strip()


# --------------------------------------------------------------------------- sections


def cover(b: Briefing) -> str:
    arts = b.articles
    first, last = _range(arts)
    rows = [("Period covered", f"{fmt_date(first)} – {fmt_date(last)}" if first else "no dated articles"),
            ("Corpus", f"{b.results.corpus.root.name}/ · {len(arts)} articles · {int(arts['n_words'].sum()):,} words"),
            ("Generated", dt.datetime.now().strftime("%d %b %Y, %H:%M")),
            ("Version", f"briefing {__version__}")]
    if b.since or b.until:
        rows.insert(1, ("Date range asked for", f"{b.since or '…'} to {b.until or '…'}"))
    meta = "".join(f"<tr><td class='muted'>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in rows)
    return (f'<section class="cover"><h1>{esc(b.title)}</h1>'
            f'<p class="muted">Trade figures, themes and speaker quotes from the article corpus</p>'
            f'<table class="meta">{meta}</table></section>')


def toc(sections: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="#{esc(a)}">{esc(t)}</a></li>' for a, t in sections)
    return f'<nav class="toc"><h2>Contents</h2><ol>{items}</ol></nav>'


def _range(arts: pd.DataFrame) -> tuple[str | None, str | None]:
    known = arts.loc[arts["year_known"], "published"].dropna()
    return (known.min(), known.max()) if not known.empty else (None, None)


def summary_points(b: Briefing, lexicon_labels: dict[str, str] | None = None, n_claims: int = 4) -> list[str]:
    """The executive summary as plain sentences, written from the tables."""
    res, arts = b.results, b.articles
    out = []
    first, last = _range(arts)
    sources = sorted({s for s in arts["source"] if s})
    unknown = int((arts["source"] == "").sum())
    src = (", ".join(sources) if sources else "no named source") + (f" and {unknown} of unknown source" if unknown and sources else "")
    period = f"published between {fmt_date(first)} and {fmt_date(last)}" if first else "with no known publication date"
    out.append(f"{len(arts)} article{'s' if len(arts) != 1 else ''} ({int(arts['n_words'].sum()):,} words) from {src}, {period}.")
    figs = res.figures
    if not figs.empty:
        trade = figs[figs["value_usd"].notna()].copy()
        trade["_rank"] = trade["claim"].map({"actual": 0, "target": 1, "aspiration": 2})
        trade = trade.sort_values(["_rank", "year"], ascending=[True, False]).head(n_claims)
        for _, f in trade.iterrows():
            who = f["speaker"] or "the reporting outlet"
            when = f" ({int(f['year'])})" if pd.notna(f["year"]) else ""
            kind = {"actual": "put", "target": "set a target for", "aspiration": "recalled hoping for"}[f["claim"]]
            art = arts[arts["article_id"] == f["article_id"]].iloc[0]
            line = (f"{who} {kind} {f['metric'] if f['metric'] != 'other' else 'an amount'}{when} at "
                    f"{value_text(f)} — “{f['surface']}” [{b.refs[f['article_id']]}, {fmt_date(art['published'])}].")
            out.append(line[:1].upper() + line[1:])
    for _, g in disagreements(res.figures, res.discrepancies, limit=5).iterrows():
        out.append(f"Sources disagree on {subject_text(g)}: {sources_text(b, g)}.")
    th = res.themes
    if not th.empty:
        labels = lexicon_labels or {}
        g = th.groupby("theme").agg(hits=("hits", "sum"), n=("article_id", "nunique")).sort_values("hits", ascending=False)
        lead = [f"{labels.get(t, t)} ({r.hits} mentions in {r.n} of {len(arts)} articles)" for t, r in g.head(3).iterrows()]
        out.append("Leading themes: " + "; ".join(lead) + ".")
        move = _theme_movement(b, labels)
        if move:
            out.append(move)
    q = res.quotes[(res.quotes["kind"] == "direct") & (res.quotes["speaker"] != "")]
    if not q.empty:
        counts = q.drop_duplicates("utterance_id")["speaker"].value_counts().head(3)
        for who, n in counts.items():
            rep = representative_quote(q[q["speaker"] == who])
            out.append(f"{who}: {n} statement{'s' if n != 1 else ''} quoted, e.g. “{_clip(rep['text'], 160)}” "
                       f"[{b.refs[rep['article_id']]}].")
    if len(res.problems):
        out.append(f"{len(res.problems)} file problem(s) while reading the corpus; see Data quality.")
    return out


def _theme_movement(b: Briefing, labels: dict[str, str]) -> str:
    th = b.results.themes.merge(b.articles[["article_id", "published", "year_known", "n_words"]], on="article_id")
    th = th[th["year_known"]]
    if th.empty:
        return ""
    th["period"] = th["published"].str[:7]
    periods = sorted(th["period"].unique())
    if len(periods) < 2:
        return ""
    words = b.articles[b.articles["year_known"]].assign(period=lambda d: d["published"].str[:7]).groupby("period")["n_words"].sum()
    rate = th.groupby(["period", "theme"])["hits"].sum().unstack(fill_value=0).div(words, axis=0) * 1000
    a, z = rate.loc[periods[0]], rate.loc[periods[-1]]
    delta = (z - a).sort_values()
    up, down = delta.index[-1], delta.index[0]
    parts = []
    if delta[up] > 0:
        parts.append(f"{labels.get(up, up)} rose from {a[up]:.1f} to {z[up]:.1f} mentions per 1,000 words")
    if delta[down] < 0:
        parts.append(f"{labels.get(down, down)} fell from {a[down]:.1f} to {z[down]:.1f}")
    if not parts:
        return ""
    return f"Between {fmt_date(periods[0])} and {fmt_date(periods[-1])}: " + "; ".join(parts) + "."


def representative_quote(q: pd.DataFrame) -> pd.Series:
    """A quote that reads well alone: the longest span of 12 to 60 words, else the longest."""
    n = q["text"].str.split().str.len()
    pool = q[(n >= 12) & (n <= 60)]
    pool = pool if not pool.empty else q
    return pool.loc[pool["text"].str.len().idxmax()]


def _clip(text: str, n: int) -> str:
    text = " ".join(str(text).split()).rstrip(",")
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + " …"


def summary(b: Briefing, labels: dict[str, str] | None = None) -> str:
    return style.bullets(summary_points(b, labels), cls="summary")


def articles_table(b: Briefing) -> str:
    a = b.articles.assign(ref=lambda d: d["article_id"].map(b.refs), date=lambda d: d["published"].map(fmt_date),
                          src=lambda d: d["source"].replace("", "unknown"))
    return style.table(a, {"ref": "Ref", "date": "Published", "src": "Source", "title": "Title", "n_words": "Words"},
                       numeric=["n_words"], formats={"n_words": "{:,}"})


def problems_table(b: Briefing) -> str:
    p = b.results.problems
    return style.table(p, {"file": "File", "action": "Action", "problem": "Problem"},
                       empty="No file was skipped; every article was read without a caveat.")


def figures_table(b: Briefing, figures: pd.DataFrame | None = None) -> str:
    f = b.results.figures if figures is None else figures
    if f.empty:
        return style.para("No money amounts found.", "muted")
    rows = []
    for _, r in f.iterrows():
        para = _para_index(b, r["article_id"], int(r["start"]))
        rows.append("<tr>" + "".join([
            f"<td>{esc(r['surface'])}</td>",
            f"<td class='num'>{esc(value_text(r))}</td>",
            f"<td>{esc(_subject(r))}</td>",
            f"<td>{esc(_when(r))}</td>",
            f"<td>{esc(r['claim'])}</td>",
            f"<td>{esc(r['speaker'] or '—')}</td>",
            f"<td>{ref(b, r['article_id'], para)}</td>"]) + "</tr>")
    head = "".join(f"<th{c}>{esc(h)}</th>" for h, c in [("Amount as written", ""), ("Value", " class='num'"), ("Parties, flow", ""),
                                                         ("Year / period", ""), ("Claim", ""), ("Claimed by", ""), ("Source", "")])
    return f"<div class='table-wrap'><table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"


def _subject(r) -> str:
    """'Belarus–Kazakhstan turnover', 'Belarus → Kazakhstan exports', or the metric when no party is known."""
    parties = str(r.get("parties") or "") if "parties" in r else ""
    flow = str(r.get("flow") or r.get("metric") or "")
    if parties in ("", "nan"):
        return str(r.get("metric") or "")
    exp, imp = str(r.get("exporter") or ""), str(r.get("importer") or "")
    if exp not in ("", "nan") and imp not in ("", "nan"):
        return f"{exp} → {imp} {flow}"
    return f"{parties.replace('|', '–')} {flow}"


def _when(r) -> str:
    """'2012', 'H1 2019', 'Jan–Sep 2023', 'in the next few years', '2026 (article date)'."""
    year = "" if pd.isna(r["year"]) else str(int(r["year"]))
    period = str(r.get("period") or "")
    if str(r.get("period_start") or "") not in ("", "nan"):
        return period_text(period)
    if period == "article date":
        return f"{year} (article date)" if year else ""
    if year and period.endswith(year):
        return year
    return " · ".join(p for p in (year, period) if p)


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def period_text(label: str) -> str:
    """'2019-H1' -> 'H1 2019', '2023-01/2023-09' -> 'Jan–Sep 2023', '2005/2020' -> '2005–2020'."""
    label = str(label or "")
    m = re.fullmatch(r"(\d{4})-(H[12]|Q[1-4])", label)
    if m:
        return f"{m.group(2)} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-(\d\d)/(\d{4})-(\d\d)", label)
    if m:
        return f"{_MONTHS[int(m.group(2)) - 1]}–{_MONTHS[int(m.group(4)) - 1]} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-(\d\d)", label)
    if m:
        return f"{_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    return label.replace("/", "–")


def subject_text(g) -> str:
    """'Belarus–Kazakhstan turnover in 2019'."""
    return f"{str(g['parties']).replace('|', '–')} {g['flow']} in {period_text(g['period'])}"


def sources_text(b: Briefing, g) -> str:
    """'$512 m (A7, Kazakhstan statistics) – $580 m (A24)': every source of a finding, lowest first."""
    figs = b.results.figures.set_index("figure_id")
    parts = []
    for src in g["sources"]:
        r = figs.loc[src["figure_id"]] if src["figure_id"] in figs.index else None
        value = value_text(r) if r is not None and src["unit"] == "USD" else format_amount(src["value"], src["unit"])
        note = ", ".join(x for x in (b.refs.get(src["article_id"], src["article_id"]), src["reporter"]) if x)
        parts.append(f"{value} (“{src['surface']}”, {note})")
    return " – ".join(parts)


def discrepancies_table(b: Briefing) -> str:
    """Every like-for-like disagreement, one row per (parties, flow, period) with all its sources."""
    groups = disagreements(b.results.figures, b.results.discrepancies)
    if groups.empty:
        return style.para("No two sources disagree on the same parties, flow and period.", "muted")
    rows = []
    for _, g in groups.iterrows():
        rows.append("<tr>" + "".join([
            f"<td>{esc(subject_text(g))}</td>",
            f"<td>{esc(sources_text(b, g))}</td>",
            f"<td class='num'>{esc(g['n_sources'])}</td>",
            f"<td class='num'>×{esc(g['spread'])}</td>"]) + "</tr>")
    head = "<th>Subject</th><th>Sources, lowest first</th><th class='num'>Sources</th><th class='num'>Spread</th>"
    return f"<div class='table-wrap'><table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"


def quotes_list(b: Briefing, quotes: pd.DataFrame | None = None, min_words: int = 0, limit: int | None = None) -> str:
    q = b.results.quotes if quotes is None else quotes
    q = q[q["kind"] == "direct"]
    if min_words:
        q = q[q["text"].str.split().str.len() >= min_words]
    if q.empty:
        return style.para("No direct quotes.", "muted")
    parts = []
    for uid, u in list(q.groupby("utterance_id", sort=False))[:limit]:
        first = u.iloc[0]
        text = " … ".join(" ".join(t.split()) for t in u["text"])
        who = first["speaker"] or f"unattributed ({first['speaker_mention'] or 'no speaker in reach'})"
        date = fmt_date(b.articles.loc[b.articles["article_id"] == first["article_id"], "published"].iloc[0])
        parts.append(f"<blockquote>“{esc(text.rstrip(','))}”<br><span class='small muted'>— {esc(who)}, {esc(date)} "
                     f"{ref(b, first['article_id'], first['paragraph'])}</span></blockquote>")
    return "\n".join(parts)


def variants_table(b: Briefing) -> str:
    """The same statement as different sources report it, side by side."""
    q = b.results.quotes[(b.results.quotes["kind"] == "direct") & (b.results.quotes["cluster_id"] != "")]
    multi = q.groupby("cluster_id")["article_id"].nunique()
    clusters = multi[multi > 1].index
    if len(clusters) == 0:
        return style.para("No statement appears in more than one article.", "muted")
    rows = []
    for cid in clusters:
        g = q[q["cluster_id"] == cid]
        cells = "".join(f"<td>“{esc(_clip(r['text'], 240))}”<br>{ref(b, r['article_id'], r['paragraph'])}</td>"
                        for _, r in g.drop_duplicates("article_id").head(2).iterrows())
        rows.append(f"<tr><td>{esc(g.iloc[0]['speaker'])}</td>{cells}</tr>")
    return ("<div class='table-wrap'><table class='variants'><thead><tr><th>Speaker</th><th>One source</th><th>Another source</th></tr>"
            f"</thead><tbody>{''.join(rows)}</tbody></table></div>")


def sources_appendix(b: Briefing) -> str:
    rows = []
    for _, a in b.articles.iterrows():
        r = b.refs[a["article_id"]]
        url = a["url"] if isinstance(a["url"], str) and a["url"] else ""
        rows.append(f"<tr id='src-{esc(r)}'><td>{esc(r)}</td><td>{esc(fmt_date(a['published']))}</td>"
                    f"<td>{esc(a['source'] or 'unknown')}</td><td>{esc(a['title'])}<br><span class='small muted'>"
                    f"{esc(a['article_id'])}{' · ' + esc(url) if url else ''}</span></td></tr>")
    return ("<div class='table-wrap'><table class='sources'><thead><tr><th>Ref</th><th>Published</th><th>Source</th><th>Title and file</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def methodology(b: Briefing) -> str:
    from .themes import languages_read
    arts = b.articles
    partial = arts[~arts["year_known"]]
    cfg = b.results.config
    items = [
        "Quotes: text between quote marks (“ ” \" « » „ ‘ ’), classified as direct statements, partial phrases or "
        "titles; only direct statements are counted. Speakers come from cue verbs (said, noted, stressed …) next to "
        "the quote, header lines, titles bound to the roster (“the head of state”) and pronouns; a statement with no "
        "speaker in reach is listed as unattributed, never guessed.",
        "Trade figures: amounts with a currency, or a large number in a money context with the article's last "
        "currency; qualifiers (about, at least, more than …), ranges and vague amounts (several = 3–7 of the unit) "
        "are kept; relative amounts (“double it”) are computed from the amount they refer to. No exchange rate is "
        "invented.",
        "Themes: lexicon terms matched case- and inflection-insensitively, longest phrase first; rates are per "
        "1,000 words of the article.",
        f"Languages read: {languages_read(arts)}; each article with the theme terms, dates and cue words of its "
        "language, counted on the same scale.",
        f"Configuration: roster {cfg.get('roster_used') or os.path.basename(cfg.get('roster', ''))}, lexicon "
        f"{cfg.get('lexicon_used') or os.path.basename(cfg.get('lexicon', ''))}, exchange rates {os.path.basename(cfg.get('rates', '')) or 'none'}.",
    ]
    from .fetch import collection_note
    collected = collection_note(b.results.corpus.root)
    if collected:
        items.append(collected)
    if len(partial):
        items.append("Articles without a known year (kept, but left out of charts over time): "
                     + ", ".join(f"{b.refs[a]} ({fmt_date(p)})" for a, p in zip(partial["article_id"], partial["published"])) + ".")
    if len(b.excluded):
        items.append(f"{len(b.excluded)} article(s) outside the date range or without a known date were left out: "
                     + ", ".join(b.excluded["article_id"]) + ".")
    return style.bullets(items)


def chart(fig, caption: str, empty: str = "Nothing to chart.") -> str:
    return style.figure_svg(fig, caption) if fig is not None else style.para(empty, "muted")


__all__ = ["Briefing", "prepare", "cover", "toc", "summary", "summary_points", "articles_table", "problems_table",
           "figures_table", "discrepancies_table", "quotes_list", "variants_table", "sources_appendix",
           "methodology", "chart", "charts", "fmt_date", "value_text"]
