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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import __version__, charts, style
from .figures import disagreements, format_amount, format_usd
from .pipeline import Results, analyse
from .quotes import UNNAMED, attributed
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
    name: str = "briefing"        # the notebook: names the attached files
    out_dir: str = ""             # where the full tables are written ("" : nowhere)
    cited: set = field(default_factory=set)                 # article ids that something shown refers to
    attachments: dict = field(default_factory=dict)         # sheet -> (DataFrame, description)

    @property
    def articles(self) -> pd.DataFrame:
        return self.results.articles


PROJECT_ROOT = Path(__file__).resolve().parent.parent


def resolve_corpus(corpus_dir: str | os.PathLike | None) -> Path:
    """The corpus folder a notebook parameter names, from any working directory.

    Blank means the project's own ``seeds/`` folder. A relative path is taken
    from the working directory first, then from the project folder and its
    ``notebooks/`` folder (so ``../seeds``, the path as seen from a notebook,
    works when papermill runs from the project root too).
    """
    if not corpus_dir:
        seeds = PROJECT_ROOT / "seeds"
        if seeds.is_dir():
            return seeds
        raise FileNotFoundError("corpus_dir is blank and this installation has no seeds/ folder: "
                                "set the corpus_dir parameter to a folder of articles")
    p = Path(corpus_dir).expanduser()
    if p.is_dir():
        return p.resolve()
    if not p.is_absolute():
        for base in (PROJECT_ROOT, PROJECT_ROOT / "notebooks"):
            if (base / p).is_dir():
                return (base / p).resolve()
    raise FileNotFoundError(f"corpus folder not found: {corpus_dir} (a relative path is taken from the working "
                            f"directory {os.getcwd()}, then from the project folder {PROJECT_ROOT})")


def _split(value: str | list | None) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v) for v in value]


def prepare(corpus_dir: str = "", title: str = "Briefing", since: str = "", until: str = "", roster: str = "",
            lexicon: str = "", rates: str = "", speakers: str | list = "", themes: str | list = "",
            snapshot: str = "", out_dir: str = "", name: str = "briefing") -> Briefing:
    """Analyse the corpus (or load a build's `snapshot` folder) and narrow it to the date range,
    speakers and themes asked for. `out_dir` and `name` say where `attachments()` writes the
    full tables (``OUT_DIR/<name>.xlsx`` and ``OUT_DIR/<name>-<table>.csv``)."""
    for param, value in (("since", since), ("until", until)):
        if value:
            try:
                dt.date.fromisoformat(str(value)[:10]) if len(str(value)) >= 10 else int(str(value)[:4])
            except ValueError:
                raise ValueError(f"parameter '{param}' must be a date such as 2026-01-31, got {value!r}") from None
    if snapshot:
        from . import snapshot as snap
        res = snap.read(snapshot)
    else:
        res = analyse(resolve_corpus(corpus_dir), roster=roster or None, lexicon=lexicon or None, rates=rates or None)
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
    for table in ("quotes", "figures", "quantities", "themes", "theme_mentions"):
        df = getattr(res, table)
        setattr(res, table, df[df["article_id"].isin(ids)].reset_index(drop=True))
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
    return Briefing(res, title, refs, excluded, str(since or ""), str(until or ""), name=name, out_dir=str(out_dir or ""))


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
    b.cited.add(article_id)
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
        core = format_amount(amount, str(r.get("currency") or "")).strip() if pd.notna(amount) else ""
        if q == "range" and core:       # `amount` of a range with no rate is its lower end
            prefix = "from "
    return (prefix + core + (" (vague)" if r.get("vague") else "")).strip()


# --------------------------------------------------------------------------- sections


def cover(b: Briefing, contents: str = "", note: str = "") -> str:
    """The first page: title, period, corpus, generation time; `contents` (from `toc`) goes on it too."""
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
            f'<table class="meta">{meta}</table>{contents}{note}</section>')


def toc(sections: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="#{esc(a)}">{esc(t)}</a></li>' for a, t in sections)
    return f'<nav class="toc"><h2>Contents</h2><ol>{items}</ol></nav>'


def _range(arts: pd.DataFrame) -> tuple[str | None, str | None]:
    known = arts.loc[arts["year_known"], "published"].dropna()
    return (known.min(), known.max()) if not known.empty else (None, None)


def _cite(b: Briefing, article_id: str) -> str:
    """The plain-text reference (A3) of an article, recorded as cited."""
    b.cited.add(article_id)
    return b.refs.get(article_id, "?")


def _more(n: int, what: str) -> str:
    return f" (and {n} more {what} in the deep dive)" if n > 0 else ""


def _claim_groups(figs: pd.DataFrame) -> list[str]:
    """What a trade figure is about: (parties, flow) when the table has them, else the metric (per year)."""
    return [c for c in ("parties", "flow") if c in figs.columns] or ["metric"]


def summary_points(b: Briefing, lexicon_labels: dict[str, str] | None = None, n_claims: int = 3,
                   n_disagreements: int = 5, n_themes: int = 2, n_speakers: int = 3,
                   previous: str = "") -> list[str]:
    """The executive summary as plain sentences chosen by salience, each list capped.

    The corpus in one line; the largest actual claim per subject (parties and
    flow when known, else metric); the widest disagreements; the themes that
    moved most between the first and second half of the period (with the
    articles behind each side); the most-quoted speakers with a representative
    statement; what is new since the previous build (`previous`: its snapshot
    folder). Whatever was cut is counted ("and 4 more in the deep dive").
    """
    res, arts = b.results, b.articles
    out = [corpus_line(b)]
    new = _new_since(b, previous)
    if new:
        out.append(new)
    figs = res.figures
    if not figs.empty:
        trade = figs[figs["value_usd"].notna() & (figs["claim"] == "actual")].copy()
        if trade.empty:
            trade = figs[figs["value_usd"].notna()].copy()
        if "flow" in trade and (trade["flow"] != "other").any():    # trade flows first: a GDP or budget is not one
            trade = trade[trade["flow"] != "other"]
        keys = _claim_groups(trade) + ["year"]
        if not trade.empty:
            trade["_group"] = trade[keys].apply(lambda col: col.map(lambda v: "" if pd.isna(v) else str(v))).agg("|".join, axis=1)
            top = trade.sort_values("value_usd", ascending=False, kind="stable").drop_duplicates("_group")
            for _, f in top.head(n_claims).iterrows():
                art = arts[arts["article_id"] == f["article_id"]].iloc[0]
                who = f["speaker"] or str(art.get("source") or "") or "the reporting outlet"
                when = f" ({int(f['year'])})" if pd.notna(f["year"]) else ""
                kind = {"actual": "put", "target": "set a target for", "aspiration": "recalled hoping for"}.get(f["claim"], "put")
                subject = _subject(f) or "an amount"
                line = (f"{who} {kind} {subject}{when} at {value_text(f)} — “{_clip(f['surface'], 80)}” "
                        f"[{_cite(b, f['article_id'])}, {fmt_date(art['published'])}].")
                out.append(line[:1].upper() + line[1:])
            if len(top) > n_claims:
                out.append(f"Largest amounts on {len(top) - n_claims} more subject{'s' if len(top) - n_claims != 1 else ''} "
                           "are in the trade-figures deep dive.")
    out += disagreement_points(b, n_disagreements)
    th = res.themes
    if not th.empty:
        labels = lexicon_labels or {}
        g = th.groupby("theme").agg(hits=("hits", "sum"), n=("article_id", "nunique")).sort_values("hits", ascending=False)
        lead = [f"{labels.get(t, t)} ({r.hits:,} mentions in {r.n} of {len(arts)} articles)" for t, r in g.head(3).iterrows()]
        out.append("Leading themes: " + "; ".join(lead) + (f"; {len(g) - 3} more themes in the deep dive" if len(g) > 3 else "") + ".")
        move = _theme_movement(b, labels, n_themes)
        if move:
            out.append(move)
    q = res.quotes[(res.quotes["kind"] == "direct") & attributed(res.quotes)]
    if not q.empty:
        all_counts = q.drop_duplicates("utterance_id")["speaker"].value_counts()
        for who, n in all_counts.head(n_speakers).items():
            rep = representative_quote(q[q["speaker"] == who])
            out.append(f"{who}: {n} statement{'s' if n != 1 else ''} quoted, e.g. “{_clip(rep['text'], 160)}” "
                       f"[{_cite(b, rep['article_id'])}].")
        if len(all_counts) > n_speakers:
            out.append(f"{len(all_counts) - n_speakers} more quoted speaker{'s' if len(all_counts) - n_speakers != 1 else ''} "
                       "in the speaker-quotes deep dive.")
    if len(res.problems):
        out.append(f"{len(res.problems)} file problem(s) while reading the corpus; see Data quality.")
    return out


def corpus_line(b: Briefing) -> str:
    """The corpus in one sentence: articles, words, the main outlets and the period."""
    arts = b.articles
    first, last = _range(arts)
    sources = [s for s, _ in arts.loc[arts["source"] != "", "source"].value_counts().items()]
    unknown = int((arts["source"] == "").sum())
    shown = sources[:4]
    names = shown + ([f"{len(sources) - len(shown)} other outlets"] if len(sources) > len(shown) else [])
    names += [f"{unknown} of unknown source"] if unknown and sources else []
    src = (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]) if names else "no named source"
    period = f"published between {fmt_date(first)} and {fmt_date(last)}" if first else "with no known publication date"
    return f"{len(arts)} article{'s' if len(arts) != 1 else ''} ({int(arts['n_words'].sum()):,} words) from {src}, {period}."


def disagreement_points(b: Briefing, limit: int = 5, sources: int = 3) -> list[str]:
    """The widest disagreements (`figures.disagreements`: one finding per parties, flow and period), at most
    `limit`, each naming at most `sources` of its sources; what was cut is counted."""
    groups = disagreements(b.results.figures, b.results.discrepancies)
    out = []
    for _, g in groups.head(limit).iterrows():
        shown = g.copy()
        shown["sources"] = g["sources"][:sources]
        more = len(g["sources"]) - sources
        out.append(f"Sources disagree on {subject_text(g)}: {sources_text(b, shown)}"
                   + (f" and {more} more source{'s' if more != 1 else ''}" if more > 0 else "") + ".")
    if len(groups) > limit:
        out.append(f"{len(groups) - limit} more disagreement{'s' if len(groups) - limit != 1 else ''} "
                   "in the trade-figures deep dive.")
    return out


def _new_since(b: Briefing, previous: str) -> str:
    """'12 articles new since the previous build' when a previous snapshot is given."""
    if not previous:
        return ""
    try:
        from . import snapshot as snap
        before = snap.read(previous).articles
    except Exception:
        return ""
    old = set(zip(before["article_id"], before["sha256"]))
    now = set(zip(b.articles["article_id"], b.articles["sha256"]))
    added = {a for a, _ in now - old} - set(before["article_id"])
    changed = {a for a, _ in now - old} & set(before["article_id"])
    gone = set(before["article_id"]) - set(b.articles["article_id"])
    if not (added or changed or gone):
        return "No article was added, changed or removed since the previous build."
    parts = [f"{len(added)} new" if added else "", f"{len(changed)} changed" if changed else "",
             f"{len(gone)} removed" if gone else ""]
    return "Since the previous build: " + ", ".join(p for p in parts if p) + " article(s)."


def _theme_movement(b: Briefing, labels: dict[str, str], limit: int = 2, min_articles: int = 3) -> str:
    """The themes whose rate per 1,000 words moved most between the first and second half of the
    dated articles; a side with fewer than `min_articles` articles is no basis for a trend."""
    arts = b.articles[b.articles["year_known"] & b.articles["published"].notna()]
    arts = arts.sort_values("published", kind="stable")
    if len(arts) < 2 * min_articles:
        return ""
    half = len(arts) // 2
    early, late = arts.iloc[:half], arts.iloc[half:]
    if early["published"].max() == late["published"].min() and early["published"].min() == late["published"].max():
        return ""
    th = b.results.themes
    rates = {}
    for side, a in (("early", early), ("late", late)):
        hits = th[th["article_id"].isin(set(a["article_id"]))].groupby("theme")["hits"].sum()
        rates[side] = hits / max(int(a["n_words"].sum()), 1) * 1000
    table = pd.DataFrame(rates).fillna(0.0)
    if table.empty:
        return ""
    table["delta"] = table["late"] - table["early"]
    table = table[table["delta"].abs() >= 0.05].reindex(table["delta"].abs().sort_values(ascending=False).index)
    table = table[table["delta"].abs() >= 0.05]
    if table.empty:
        return ""
    parts = [f"{labels.get(t, t)} {'rose' if r.delta > 0 else 'fell'} from {r.early:.1f} to {r.late:.1f} mentions per 1,000 words"
             for t, r in table.head(limit).iterrows()]
    return (f"Between the first half of the period ({len(early)} articles, {fmt_date(early['published'].min())} – "
            f"{fmt_date(early['published'].max())}) and the second ({len(late)} articles, to "
            f"{fmt_date(late['published'].max())}): " + "; ".join(parts) + ".")


def representative_quote(q: pd.DataFrame) -> pd.Series:
    """A quote that reads well alone: the longest span of 12 to 60 words, else the longest."""
    n = q["text"].str.split().str.len()
    pool = q[(n >= 12) & (n <= 60)]
    pool = pool if not pool.empty else q
    return pool.loc[pool["text"].str.len().idxmax()]


def _clip(text: str, n: int) -> str:
    text = " ".join(str(text).split()).rstrip(",")
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + " …"


def summary(b: Briefing, labels: dict[str, str] | None = None, previous: str = "") -> str:
    """The executive summary as a bullet list (see `summary_points` for what is chosen and the caps)."""
    return style.bullets(summary_points(b, labels, previous=previous), cls="summary")


def articles_table(b: Briefing, limit: int = 40) -> str:
    a = b.articles.assign(ref=lambda d: d["article_id"].map(b.refs), date=lambda d: d["published"].map(fmt_date),
                          src=lambda d: d["source"].replace("", "unknown"))
    return capped_table(b, "articles", a.drop(columns=["text"], errors="ignore"),
                        {"ref": "Ref", "date": "Published", "src": "Source", "title": "Title", "n_words": "Words"},
                        "Articles in reference order", limit=limit, numeric=["n_words"], formats={"n_words": "{:,}"})


def problems_table(b: Briefing, limit: int = 15) -> str:
    p = b.results.problems
    return capped_table(b, "problems", p, {"file": "File", "action": "Action", "problem": "Problem"},
                        "Files skipped or read with a caveat, in file order", limit=limit,
                        empty="No file was skipped; every article was read without a caveat.")


def figures_table(b: Briefing, figures: pd.DataFrame | None = None, limit: int | None = None,
                  sheet: str = "figures") -> str:
    """Money amounts, largest first; with `limit`, the top rows and a note on the attached full table."""
    f = b.results.figures if figures is None else figures
    if f.empty:
        return style.para("No money amounts found.", "muted")
    full = len(f)
    # dollar amounts (or converted at a rate) rank by value; amounts in a currency with no rate cannot be
    # set against them, so they follow, largest first within the list
    f = f.assign(_usd=f["value_usd"].notna(), _v=f["value_usd"].fillna(f["amount"] if "amount" in f.columns else 0)
                 ).sort_values(["_usd", "_v"], ascending=False, kind="stable").drop(columns=["_usd", "_v"])
    note = attach(b, sheet, f, "Money amounts in USD, largest first, then amounts in other currencies with no "
                  "exchange rate", shown=limit if limit and full > limit else None)
    if limit:
        f = f.head(limit)
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
    return (f"<div class='table-wrap'><table data-sheet='{esc(sheet)}'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>{note}")


def _subject(r) -> str:
    """'Belarus–Kazakhstan turnover', 'Belarus → Kazakhstan exports', or the metric when no party is known."""
    parties = str(r.get("parties") or "") if "parties" in r else ""
    flow = str(r.get("flow") or r.get("metric") or "")
    if parties in ("", "nan"):
        return str(r.get("metric") or "")
    exp, imp = str(r.get("exporter") or ""), str(r.get("importer") or "")
    if flow == "other":                 # an amount that is not a trade flow (a budget, a GDP, a fund)
        return f"an amount for {parties.replace('|', '–')}"
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
    if not year:
        period = relative_period_text(period)
    return " · ".join(p for p in (year, period) if p)


_RELATIVE_YEARS = {-2: "the year before last", -1: "last year", 0: "this year", 1: "next year"}


@lru_cache(maxsize=1)
def _relative_periods() -> tuple[dict[str, int], tuple[re.Pattern, ...]]:
    """Every pack's relative year phrases (`прошлом году` → -1) and its 'in the coming years' pattern."""
    from . import lang
    from .figures import load_vocab
    table: dict[str, int] = {}
    ahead = []
    for code in lang.available():
        try:
            vocab = load_vocab(code)
        except Exception:                # a pack with no figures vocabulary has no phrases to offer
            continue
        table.update({k.lower(): v for k, v in vocab.relative_years.items()})
        if vocab.years_ahead:
            ahead.append(re.compile(vocab.years_ahead, re.IGNORECASE))
    return table, tuple(ahead)


def relative_period_text(period: str) -> str:
    """A period the article gives only relative to its own date, in English: 'прошлом году' -> 'last year
    (article undated)', 'в ближайшие годы' -> 'in the coming years'; other labels are returned unchanged."""
    low = " ".join(str(period or "").lower().split())
    if not low:
        return ""
    table, ahead = _relative_periods()
    if low in table:
        off = table[low]
        return f"{_RELATIVE_YEARS.get(off) or f'{off:+d} years from publication'} (article undated)"
    if any(rx.fullmatch(low) for rx in ahead):
        return "in the coming years"
    return str(period)


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
    """'Belarus–Kazakhstan turnover in 2019', 'Belarus → Kazakhstan exports in 2023'."""
    exp, imp = str(g.get("exporter") or ""), str(g.get("importer") or "")
    who = f"{exp} → {imp}" if exp and imp else str(g["parties"]).replace("|", "–")
    return f"{who} {g['flow']} in {period_text(g['period'])}"


def sources_text(b: Briefing, g) -> str:
    """'$512 m (A7, Kazakhstan statistics) – $580 m (A24)': every source of a finding, lowest first."""
    figs = b.results.figures.set_index("figure_id")
    parts = []
    for src in g["sources"]:
        r = figs.loc[src["figure_id"]] if src["figure_id"] in figs.index else None
        value = value_text(r) if r is not None and src["unit"] == "USD" else format_amount(src["value"], src["unit"])
        b.cited.add(src["article_id"])
        note = ", ".join(x for x in (b.refs.get(src["article_id"], src["article_id"]), src["reporter"]) if x)
        parts.append(f"{value} (“{src['surface']}”, {note})")
    return " – ".join(parts)


def discrepancies_table(b: Briefing, limit: int | None = None, sheet: str = "disagreements",
                        sources: int | None = None, figures: pd.DataFrame | None = None) -> str:
    """Every like-for-like disagreement, one row per (parties, flow, period) with all its sources; with
    `limit`, the widest `limit` (spread, then number of sources) and a note on the attached full table;
    with `sources`, at most that many sources per row (the lowest and highest kept, the rest counted).
    With `figures` (a filtered figures table, e.g. one metric or currency), only disagreements between
    figures that are both in it, so a filter on the figures is a filter on the disagreements too."""
    pairs = b.results.discrepancies
    if figures is not None and len(pairs):
        keep = set(figures["figure_id"])
        pairs = pairs[pairs["figure_a"].isin(keep) & pairs["figure_b"].isin(keep)]
    groups = disagreements(b.results.figures if figures is None else figures, pairs)
    if groups.empty:
        return style.para("No two sources disagree on the same parties, flow and period.", "muted")
    full = groups.assign(subject=groups.apply(subject_text, axis=1),
                         sources=groups["sources"].map(lambda ss: "; ".join(
                             f"{b.refs.get(x['article_id'], x['article_id'])} {x['surface']} ({x['value']:,.0f} {x['unit']})"
                             for x in ss)))
    full = full[["subject", "parties", "flow", "period", "unit", "n_sources", "low", "high", "spread", "sources"]]
    note = attach(b, sheet, full, "Disagreements, one row per parties, flow and period, widest spread first",
                  shown=limit if limit and len(groups) > limit else None)
    if limit:
        groups = groups.head(limit)
    rows = []
    for _, g in groups.iterrows():
        shown, more = g, 0
        if sources and len(g["sources"]) > sources:
            shown = g.copy()
            shown["sources"] = g["sources"][:sources - 1] + g["sources"][-1:]
            more = len(g["sources"]) - sources
        rows.append("<tr>" + "".join([
            f"<td>{esc(subject_text(g))}</td>",
            f"<td>{esc(sources_text(b, shown))}{esc(f' (and {more} more)' if more else '')}</td>",
            f"<td class='num'>{esc(g['n_sources'])}</td>",
            f"<td class='num'>×{esc(_times(g['spread']))}</td>"]) + "</tr>")
    head = "<th>Subject</th><th>Sources, lowest first</th><th class='num'>Sources</th><th class='num'>Spread</th>"
    return (f"<div class='table-wrap'><table data-sheet='{esc(sheet)}'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>{note}")


def _times(x) -> str:
    """A ratio as read: 1.4, 12, 845,300 (never 845300.0)."""
    try:
        x = float(x)
    except (TypeError, ValueError):
        return str(x)
    return f"{x:,.1f}".removesuffix(".0") if x < 10 else f"{x:,.0f}"


def quantity_text(x) -> str:
    """A quantity as read in a table: 80 million, 26.7 million, 1.5 billion, 5,300, 0.25 (never 8e+07)."""
    try:
        x = float(x)
    except (TypeError, ValueError):
        return str(x)
    if pd.isna(x):
        return ""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= scale:
            return f"{x / scale:,.3g} {word}" if abs(x) < scale * 1000 else f"{x / scale:,.0f} {word}"
    return f"{x:,.0f}" if abs(x) >= 100 or x == int(x) else f"{x:,.3g}"


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
        who = _who(first)
        date = fmt_date(b.articles.loc[b.articles["article_id"] == first["article_id"], "published"].iloc[0])
        parts.append(f"<blockquote>“{esc(text.rstrip(','))}”<br><span class='small muted'>— {esc(who)}, {esc(date)} "
                     f"{ref(b, first['article_id'], first['paragraph'])}</span></blockquote>")
    return "\n".join(parts)


def _who(quote) -> str:
    """A quote's speaker as a reader sees it: the name; the noun for someone the article leaves unnamed, with
    the words that bring them in; or why there is none."""
    if quote["confidence"] == UNNAMED:
        return f"{quote['speaker']}, unnamed ({quote['speaker_mention']})"
    return quote["speaker"] or f"unattributed ({quote['speaker_mention'] or 'no speaker in reach'})"


def variants_table(b: Briefing, limit: int | None = None, sheet: str = "variants") -> str:
    """The same statement as different sources report it, side by side; most widely reported first."""
    q = b.results.quotes[(b.results.quotes["kind"] == "direct") & (b.results.quotes["cluster_id"] != "")]
    multi = q.groupby("cluster_id")["article_id"].nunique()
    multi = multi[multi > 1].sort_values(ascending=False, kind="stable")
    clusters = list(multi.index)
    if len(clusters) == 0:
        return style.para("No statement appears in more than one article.", "muted")
    full = q[q["cluster_id"].isin(set(clusters))].assign(ref=lambda d: d["article_id"].map(b.refs))
    note = attach(b, sheet, full[["cluster_id", "speaker", "ref", "article_id", "text", "paragraph"]],
                  "Statements reported by more than one article (one row per article and span), most widely reported first",
                  shown=limit if limit and len(clusters) > limit else None, unit="statements", total=len(clusters))
    rows = []
    for cid in clusters[:limit]:
        g = q[q["cluster_id"] == cid]
        cells = "".join(f"<td>“{esc(_clip(r['text'], 240))}”<br>{ref(b, r['article_id'], r['paragraph'])}</td>"
                        for _, r in g.drop_duplicates("article_id").head(2).iterrows())
        rows.append(f"<tr><td>{esc(_who(g.iloc[0]))}</td>{cells}</tr>")
    return (f"<div class='table-wrap'><table class='variants' data-sheet='{esc(sheet)}'><thead><tr><th>Speaker</th>"
            f"<th>One source</th><th>Another source</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>{note}")


SOURCES_LISTED = 100     # a deep dive lists every article up to this many, above it the ones it cites


def sources_appendix(b: Briefing, cited_only: bool = False, limit: int = SOURCES_LISTED) -> str:
    """Sources in reference order: every article, or only those something above cites when `cited_only`
    (the executive briefing) or when the corpus has more than `limit` articles (a deep dive stays the
    same length at 300 or 3,000 articles). The full list is attached either way.

    Call it after the sections that cite (references are recorded as they are written)."""
    arts = b.articles
    full = arts.assign(ref=arts["article_id"].map(b.refs)).drop(columns=["text"], errors="ignore")
    full = full[["ref", *[c for c in full.columns if c != "ref"]]]
    note = attach(b, "sources", full, "Every article of the corpus, in reference order (A1, A2 …)")
    lead = ""
    if cited_only or len(arts) > limit:
        arts = arts[arts["article_id"].isin(b.cited)]
        report = "briefing" if b.name == "briefing" else "report"
        where = f"every article is listed in {b.name}-sources.csv" if b.out_dir else "every article is in the sources table"
        lead = style.para(f"The {len(arts)} article{'s' if len(arts) != 1 else ''} cited in this {report}"
                          + (f", of {len(full):,} in the corpus; {where}." if len(arts) < len(full) else "."),
                          "muted")
    rows = []
    for _, a in arts.iterrows():
        r = b.refs[a["article_id"]]
        url = a["url"] if isinstance(a["url"], str) and a["url"] else ""
        rows.append(f"<tr id='src-{esc(r)}'><td>{esc(r)}</td><td>{esc(fmt_date(a['published']))}</td>"
                    f"<td>{esc(a['source'] or 'unknown')}</td><td>{esc(a['title'])} <span class='muted'>· "
                    f"{esc(a['article_id'])}{' · ' + esc(url) if url else ''}</span></td></tr>")
    return (f"{lead}<div class='table-wrap'><table class='sources' data-sheet='sources'><thead><tr><th>Ref</th><th>Published</th>"
            f"<th>Source</th><th>Title and file</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>{note}")


def methodology(b: Briefing, limit: int = 10, compact: bool = False) -> str:
    """How the tables were made, the configuration used, and the articles left out (the first `limit` named);
    `compact` sets it in small type (the executive briefing's page budget)."""
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
        "currency; qualifiers (about, at least, more than …), ranges and vague amounts (several = 2–9 of the unit) "
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
        listed = [f"{b.refs[a]} ({fmt_date(p)})" for a, p in zip(partial["article_id"][:limit], partial["published"][:limit])]
        items.append(f"{len(partial)} article(s) without a known year (kept, but left out of charts over time): "
                     + ", ".join(listed) + (f" and {len(partial) - limit} more (year_known in the sources table)"
                                             if len(partial) > limit else "") + ".")
    if len(b.excluded):
        items.append(f"{len(b.excluded)} article(s) outside the date range or without a known date were left out: "
                     + ", ".join(b.excluded["article_id"][:limit])
                     + (f" and {len(b.excluded) - limit} more" if len(b.excluded) > limit else "") + ".")
    return style.bullets(items, cls="small" if compact else "")


# --------------------------------------------------------------------------- long tables: top rows + attached full table


def _files(b: Briefing, sheet: str) -> str:
    return f"{b.name}.xlsx, sheet “{sheet}”, and {b.name}-{sheet}.csv"


def attach(b: Briefing, sheet: str, df: pd.DataFrame, description: str, shown: int | None = None,
           unit: str = "rows", total: int | None = None) -> str:
    """Register `df` as the full version of a table shown in the report; returns the note under it.

    `shown` is how many rows (or `unit`s) the report shows when that is fewer
    than all of them. The full tables are written by `attachments(b)`.
    """
    sheet = re.sub(r"[^A-Za-z0-9_]+", "_", sheet)[:31] or "table"
    b.attachments[sheet] = (df, description)
    total = len(df) if total is None else total
    where = f"Full table: {_files(b, sheet)} beside this report." if b.out_dir else \
        "The full table is not attached (no out_dir parameter given)."
    if shown is not None and shown < total:
        return f"<p class='caption'>Top {shown:,} of {total:,} {esc(unit)} ({esc(description[0].lower() + description[1:])}). {esc(where)}</p>"
    return f"<p class='caption'>{esc(where)}</p>" if b.out_dir else ""


def capped_table(b: Briefing, sheet: str, df: pd.DataFrame, columns: dict[str, str], order: str,
                 limit: int = 25, **kwargs) -> str:
    """`style.table` of the first `limit` rows of `df` (already sorted by `order`, said in the note);
    the whole of `df` is attached as `sheet`."""
    if df is None or df.empty:
        return style.table(df, columns, **kwargs)
    note = attach(b, sheet, df, order, shown=limit if len(df) > limit else None)
    return style.table(df.head(limit), columns, sheet=sheet, **kwargs) + note


def attachments_note(b: Briefing) -> str:
    """Where the full tables are, for a page that comes before the tables themselves (the cover)."""
    if not b.out_dir:
        return style.para("Full tables are not attached (no out_dir parameter).", "muted")
    return style.para(f"Every table in this report is attached in full beside it: {b.name}.xlsx (one sheet per "
                      f"table and a README sheet) and {b.name}-TABLE.csv for each table.", "muted small")


def attachments(b: Briefing) -> str:
    """Write every registered table to OUT_DIR/<name>.xlsx (one sheet each, plus a README sheet) and
    OUT_DIR/<name>-<sheet>.csv; returns a paragraph saying where they are."""
    if not b.attachments:
        return ""
    if not b.out_dir:
        return style.para("Full tables were not written (no out_dir parameter).", "muted")
    from .export import write_csv, write_xlsx

    out = Path(b.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    frames = {sheet: df for sheet, (df, _) in b.attachments.items()}
    readme = [f"{b.title}: full tables of the {b.name.replace('_', ' ')} report",
              f"Corpus: {b.results.corpus.root.name}/, {len(b.articles)} articles",
              "References A1, A2 … are the 'ref' column of the sources sheet.", ""]
    readme += [f"{sheet}: {desc} ({len(df):,} rows)" for sheet, (df, desc) in b.attachments.items()]
    write_xlsx(frames, out / f"{b.name}.xlsx", "\n".join(readme))
    for sheet, df in frames.items():      # for analysts: Excel-safe (BOM, formula-like cells neutralised)
        write_csv(df, out / f"{b.name}-{sheet}.csv", excel_safe=True)
    return style.para(f"Every table of this report is attached in full beside it: {b.name}.xlsx (one sheet per table "
                      f"and a README sheet) and {b.name}-TABLE.csv for each of its {len(frames)} tables.", "muted")


# --------------------------------------------------------------------------- quotes per speaker


def _statements(b: Briefing, quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per statement: the utterance's spans joined; the same statement across sources once
    (its cluster), with the references of the other articles that report it."""
    q = quotes[quotes["kind"] == "direct"]
    if q.empty:
        return pd.DataFrame(columns=["speaker", "text", "words", "article_id", "paragraph", "also", "cluster"])
    u = (q.groupby("utterance_id", sort=False)
         .agg(speaker=("speaker", "first"), mention=("speaker_mention", "first"), confidence=("confidence", "first"),
              article_id=("article_id", "first"),
              paragraph=("paragraph", "first"), cluster_id=("cluster_id", "first"),
              text=("text", lambda t: " … ".join(" ".join(x.split()) for x in t).rstrip(","))).reset_index())
    u["cluster"] = u["cluster_id"].where(u["cluster_id"] != "", u["utterance_id"])
    u["words"] = u["text"].str.split().str.len()
    order = {a: i for i, a in enumerate(b.articles["article_id"])}
    u["_o"] = u["article_id"].map(order)
    u = u.sort_values(["words", "_o"], ascending=[False, True], kind="stable")
    rows = []
    for cid, g in u.groupby("cluster", sort=False):
        best = g.iloc[0]
        others = [a for a in dict.fromkeys(g.sort_values("_o")["article_id"]) if a != best["article_id"]]
        rows.append({**best.to_dict(), "also": others})
    return pd.DataFrame(rows).sort_values(["words"], ascending=False, kind="stable").reset_index(drop=True)


def speaker_statements(b: Briefing, quotes: pd.DataFrame | None = None, speakers: int = 12, per_speaker: int = 3,
                       min_words: int = 0, clip: int = 600, also: int = 6, tally: bool = True) -> str:
    """Per speaker (most statements first), the top statements by length, each statement once however many
    sources report it ("also in A4, A9"); the rest counted and attached in full."""
    q = b.results.quotes if quotes is None else quotes
    st = _statements(b, q)
    if min_words:
        st = st[st["words"] >= min_words]
    st = st[attributed(st)] if not st.empty else st
    if st.empty:
        return style.para("No direct quotes.", "muted")
    counts = st["speaker"].value_counts()
    direct = q[(q["kind"] == "direct") & attributed(q)]
    quoted = direct.drop_duplicates("utterance_id")["speaker"].value_counts()
    full = st.assign(ref=st["article_id"].map(b.refs),
                     also_in=st["also"].map(lambda a: ", ".join(b.refs.get(x, "?") for x in a)))
    full = full.sort_values(["speaker", "words"], ascending=[True, False])[
        ["speaker", "ref", "article_id", "paragraph", "words", "text", "also_in"]]
    note = attach(b, "statements", full, "Every attributed statement, once per statement, by speaker and length",
                  shown=None)
    parts = []
    for who, n in counts.head(speakers).items():
        mine = st[st["speaker"] == who]
        arts = len({a for a in mine["article_id"]} | {x for a in mine["also"] for x in a})
        times = int(quoted.get(who, n))
        said = f"{times} statement{'s' if times != 1 else ''} quoted" + (f" ({n} distinct)" if times != n else "")
        parts.append(f"<h3>{esc(who)} <span class='small muted'>{said} in {arts} article{'s' if arts != 1 else ''}</span></h3>")
        for _, r in mine.head(per_speaker).iterrows():
            date = fmt_date(b.articles.loc[b.articles["article_id"] == r["article_id"], "published"].iloc[0])
            others = (" · also in " + ", ".join(ref(b, a) for a in r["also"][:also])
                      + (f" and {len(r['also']) - also} more" if len(r["also"]) > also else "")) if r["also"] else ""
            parts.append(f"<blockquote>“{esc(_clip(r['text'], clip))}”<br><span class='small muted'>— {esc(date)} "
                         f"{ref(b, r['article_id'], r['paragraph'])}{others}</span></blockquote>")
        if n > per_speaker and tally:
            parts.append(style.para(f"{n - per_speaker} more distinct statement{'s' if n - per_speaker != 1 else ''} "
                                    f"by {who} in the attached table.", "small muted"))
    if len(counts) > speakers:
        parts.append(style.para(f"{len(counts) - speakers} more speakers ({int(counts.iloc[speakers:].sum())} statements) "
                                "are in the attached table.", "muted"))
    return "\n".join(parts) + note


def theme_examples(b: Briefing, labels: dict[str, str] | None = None, clip: int = 300) -> pd.DataFrame:
    """One example sentence per theme (theme, example, ref), most mentioned theme first: the first mention
    in the article that dwells most on the theme (highest rate per 1,000 words, then reference order)."""
    tm, th = b.results.theme_mentions, b.results.themes
    if tm.empty or th.empty:
        return pd.DataFrame(columns=["theme", "example", "ref"])
    order = {a: i for i, a in enumerate(b.articles["article_id"])}
    best = (th.assign(_o=th["article_id"].map(order)).sort_values(["per_1k_words", "_o"], ascending=[False, True], kind="stable")
            .drop_duplicates("theme"))
    hits = th.groupby("theme")["hits"].sum()
    rows = []
    for theme in hits.sort_values(ascending=False, kind="stable").index:
        pick = best[best["theme"] == theme]
        m = tm[(tm["theme"] == theme) & tm["article_id"].isin(set(pick["article_id"]))].sort_values("start")
        if m.empty:
            continue
        r = m.iloc[0]
        sentence = r["sentence"] if isinstance(r.get("sentence"), str) and r["sentence"].strip() else r["surface"]
        rows.append({"theme": (labels or {}).get(theme, theme), "example": _clip(sentence, clip),
                     "ref": _cite(b, r["article_id"])})
    return pd.DataFrame(rows, columns=["theme", "example", "ref"])


def chart(fig, caption: str, empty: str = "Nothing to chart.") -> str:
    return style.figure_svg(fig, caption) if fig is not None else style.para(empty, "muted")


__all__ = ["Briefing", "prepare", "resolve_corpus", "attach", "capped_table", "attachments", "attachments_note", "speaker_statements",
           "disagreement_points", "corpus_line", "cover", "toc", "summary", "summary_points", "articles_table", "problems_table",
           "figures_table", "discrepancies_table", "quotes_list", "variants_table", "sources_appendix",
           "methodology", "theme_examples", "chart", "charts", "fmt_date", "value_text"]
