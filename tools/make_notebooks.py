"""Write the notebooks in notebooks/ (without outputs) from the cell lists below.

The notebooks are the product; this script only keeps their source readable
in review. Run it after editing: python tools/make_notebooks.py
"""
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent.parent / "notebooks"

COMMON = '''corpus_dir = "../seeds"  # folder of articles (.txt, .md, optional manifest.csv)
title = "Briefing"  # title on the first page and in the running header
since = ""  # first publication date to include, YYYY-MM-DD (blank: no limit)
until = ""  # last publication date to include, YYYY-MM-DD (blank: no limit)'''

SETUP = '''from analysis import report, style, charts
from analysis.themes import load_lexicon, by_speaker, by_month, article_share, cooccurrence, suggest_terms
from analysis.figures import format_usd
style.setup()
b = report.prepare(corpus_dir, title, since=since, until=until, roster=roster, lexicon=lexicon, rates=rates,
                   speakers=speakers, themes=themes)
labels = {k: t.label for k, t in load_lexicon(b.results.config["lexicon"]).themes.items()}
res = b.results'''


def nb(cells, title):
    n = new_notebook()
    n.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    n.metadata["language_info"] = {"name": "python"}
    n.metadata["title"] = title
    out = []
    for kind, src, *tags in cells:
        c = new_code_cell(src) if kind == "code" else new_markdown_cell(src)
        if tags:
            c.metadata["tags"] = tags
        out.append(c)
    n.cells = out
    return n


briefing = nb([
    ("md", "# Executive briefing\n\nRun top to bottom; every table and chart comes from the `analysis` package. "
           "Parameters are in the next cell (`briefing build -p NAME VALUE` sets them).", "remove"),
    ("code", COMMON + '''
speakers = ""  # comma-separated speakers whose quotes to show (blank: all)
themes = ""  # comma-separated theme keys to show (blank: all)
roster = ""  # speaker roster YAML (blank: CORPUS/speakers.yml, else the shipped roster)
lexicon = ""  # theme lexicon YAML (blank: CORPUS/themes.yml, else the shipped lexicon)
rates = ""  # exchange rates CSV with currency,year,usd_per_unit (blank: CORPUS/rates.csv if present)''', "parameters"),
    ("code", SETUP),
    ("code", '''style.show(report.cover(b), report.toc([("summary", "Executive summary"), ("figures", "Trade figures"),
    ("themes", "Themes"), ("quotes", "Speaker quotes"), ("sources", "Sources"), ("method", "Methodology and data quality")]))'''),
    ("code", '''style.show(style.heading("Executive summary", 2, "summary"), report.summary(b, labels))'''),
    ("code", '''style.show(style.heading("Trade figures", 2, "figures"),
    report.chart(charts.figures_over_time(res.figures), "Money amounts claimed, by the year they refer to (USD billion; bars show ranges of vague amounts)", "No dated amounts in US dollars to chart."),
    style.heading("Every amount, with who claimed it", 3), report.figures_table(b),
    style.heading("Where sources disagree", 3), report.discrepancies_table(b))'''),
    ("code", '''share = article_share(res.themes, b.articles).assign(label=lambda d: d["theme"].map(labels))
style.show(style.heading("Themes", 2, "themes"),
    report.chart(charts.theme_profile(res.themes, b.articles, labels), "Theme mentions per 1,000 words, by article (A1, A2 … as in Sources)", "No theme mentioned."),
    style.table(share, {"label": "Theme", "hits": "Mentions", "articles": "Articles", "article_share": "Share of articles"},
                numeric=["hits", "articles", "article_share"], formats={"article_share": "{:.0%}"}))'''),
    ("code", '''style.show(style.heading("Speaker quotes", 2, "quotes"),
    report.chart(charts.quotes_per_speaker(res.quotes), "Statements quoted, by speaker", "No direct quotes."),
    style.heading("The same statement in different sources", 3), report.variants_table(b),
    style.heading("Selected statements", 3), report.quotes_list(b, min_words=8, limit=10))'''),
    ("code", '''style.show(style.heading("Sources", 2, "sources"), report.sources_appendix(b))'''),
    ("code", '''style.show(style.heading("Methodology and data quality", 2, "method"), report.methodology(b),
    style.heading("Files skipped or read with a caveat", 3), report.problems_table(b))'''),
], "Executive briefing")

quotes_nb = nb([
    ("md", "# Speaker quotes\n\nWho said what: direct quotes with their speakers, variants across sources, and "
           "quotes left unattributed for review.", "remove"),
    ("code", COMMON + '''
speakers = ""  # comma-separated speakers to show (blank: all)
min_quote_words = 4  # leave out quotes shorter than this many words
roster = ""  # speaker roster YAML (blank: CORPUS/speakers.yml, else the shipped roster)''', "parameters"),
    ("code", '''lexicon = rates = themes = ""
''' + SETUP),
    ("code", '''style.show(style.heading(f"{b.title}: speaker quotes", 1), style.para(report.summary_points(b)[0]))'''),
    ("code", '''q = res.quotes[res.quotes["kind"] == "direct"]
per = (q[q["speaker"] != ""].drop_duplicates("utterance_id").groupby("speaker")
       .agg(statements=("utterance_id", "nunique"), articles=("article_id", "nunique"), roster=("speaker_in_roster", "first"))
       .sort_values("statements", ascending=False).reset_index())
style.show(style.heading("Quotes per speaker", 2),
    report.chart(charts.quotes_per_speaker(res.quotes), "Statements quoted, by speaker", "No direct quotes."),
    style.table(per, {"speaker": "Speaker", "statements": "Statements", "articles": "Articles", "roster": "In roster"},
                numeric=["statements", "articles"], formats={"roster": lambda v: "yes" if v else "no"}))'''),
    ("code", '''style.show(style.heading("The quotes", 2), report.quotes_list(b, min_words=min_quote_words))'''),
    ("code", '''style.show(style.heading("Same statement, different sources", 2), report.variants_table(b))'''),
    ("code", '''un = q[q["speaker"] == ""]
style.show(style.heading("Unattributed quotes, for review", 2),
    style.table(un.assign(ref=lambda d: d["article_id"].map(b.refs)), {"ref": "Source", "text": "Quote", "speaker_mention": "Mention as written"},
                empty="Every direct quote has a speaker."))'''),
    ("code", '''style.show(style.heading("Sources", 2, "sources"), report.sources_appendix(b))'''),
], "Speaker quotes")

figures_nb = nb([
    ("md", "# Trade figures\n\nEvery money amount with its qualifier, range, period, subject and claimant.", "remove"),
    ("code", COMMON + '''
currency = ""  # show only amounts in this ISO currency, e.g. USD (blank: all)
metric = ""  # show only this metric, e.g. trade turnover (blank: all)
rates = ""  # exchange rates CSV with currency,year,usd_per_unit (blank: CORPUS/rates.csv if present)
reference = ""  # CSV of official statistics with year,value,source (value in USD), plotted against the claims''', "parameters"),
    ("code", '''roster = lexicon = speakers = themes = ""
''' + SETUP + '''
import pandas as pd
f = res.figures
if currency:
    f = f[f["currency"] == currency.upper()]
if metric:
    f = f[f["metric"] == metric]
ref_series = pd.read_csv(reference) if reference else None'''),
    ("code", '''style.show(style.heading(f"{b.title}: trade figures", 1), style.para(report.summary_points(b)[0]))'''),
    ("code", '''style.show(style.heading("Claims over time", 2),
    report.chart(charts.figures_over_time(f, ref_series), "Money amounts claimed, by the year they refer to (USD billion); circles are actual figures, triangles targets, squares aspirations", "No dated amounts in US dollars to chart."))'''),
    ("code", '''style.show(style.heading("Every amount", 2), report.figures_table(b, f))'''),
    ("code", '''style.show(style.heading("Where sources disagree", 2), report.discrepancies_table(b))'''),
    ("code", '''qt = res.quantities.assign(ref=lambda d: d["article_id"].map(b.refs))
style.show(style.heading("Other quantities", 2),
    style.table(qt, {"surface": "As written", "kind": "Kind", "value": "Value", "unit": "Unit", "qualifier": "Qualifier", "ref": "Source"},
                numeric=["value"], formats={"value": "{:,.4g}"}, empty="No other quantities."))'''),
    ("code", '''style.show(style.heading("Sources", 2, "sources"), report.sources_appendix(b))'''),
], "Trade figures")

themes_nb = nb([
    ("md", "# Themes\n\nHow much each theme of the lexicon is discussed, per article, per speaker and over time.", "remove"),
    ("code", COMMON + '''
themes = ""  # comma-separated theme keys to show (blank: all)
lexicon = ""  # theme lexicon YAML (blank: CORPUS/themes.yml, else the shipped lexicon)''', "parameters"),
    ("code", '''roster = rates = speakers = ""
''' + SETUP),
    ("code", '''style.show(style.heading(f"{b.title}: themes", 1), style.para(report.summary_points(b)[0]))'''),
    ("code", '''t = res.themes.assign(ref=lambda d: d["article_id"].map(b.refs), label=lambda d: d["theme"].map(labels))
style.show(style.heading("Theme profile per article", 2),
    report.chart(charts.theme_profile(res.themes, b.articles, labels), "Mentions per 1,000 words, by article", "No theme mentioned."),
    style.table(t, {"ref": "Source", "label": "Theme", "hits": "Mentions", "per_1k_words": "Per 1,000 words",
                    "sentence_share": "Share of sentences", "quoted_hits": "In quotes"},
                numeric=["hits", "per_1k_words", "sentence_share", "quoted_hits"], formats={"sentence_share": "{:.0%}"}))'''),
    ("code", '''style.show(style.heading("Themes by speaker (quoted speech)", 2),
    report.chart(charts.heatmap(by_speaker(res.theme_mentions).rename(columns=labels)), "Theme mentions inside each speaker's quotes", "No theme mentioned in quotes."))'''),
    ("code", '''trend, undated = by_month(res.themes, b.articles)
style.show(style.heading("Over time", 2),
    report.chart(charts.theme_trend(trend, labels), "Theme mentions by month of publication", "Not enough dated articles for a trend."),
    style.para(f"{len(undated)} article(s) without a known year are left out of this chart." if len(undated) else ""))'''),
    ("code", '''co = cooccurrence(res.theme_mentions).assign(a=lambda d: d["theme_a"].map(labels), b_=lambda d: d["theme_b"].map(labels))
style.show(style.heading("Themes mentioned together", 2),
    style.table(co.head(12), {"a": "Theme", "b_": "with theme", "sentences": "Sentences"}, numeric=["sentences"], empty="No two themes share a sentence."))'''),
    ("code", '''m = res.theme_mentions.merge(b.articles[["article_id", "text"]], on="article_id")
rows = []
for theme, g in m.groupby("theme"):
    r = g.iloc[0]
    import re
    sent = [s for s in re.split(r"(?<=[.!?])\\s+", r["text"][max(0, r["start"] - 300):r["end"] + 300]) if r["surface"] in s]
    rows.append({"theme": labels.get(theme, theme), "example": (sent[0] if sent else r["surface"])[:300], "ref": b.refs[r["article_id"]]})
import pandas as pd
style.show(style.heading("Example sentences", 2), style.table(pd.DataFrame(rows), {"theme": "Theme", "example": "Sentence", "ref": "Source"}))'''),
    ("code", '''style.show(style.heading("Suggested new terms", 2),
    style.para("Frequent words and phrases that no theme covers yet; add the useful ones to the lexicon.", "muted"),
    style.table(suggest_terms(b.articles, load_lexicon(b.results.config["lexicon"])), {"term": "Term", "count": "Count", "articles": "Articles"},
                numeric=["count", "articles"]))'''),
    ("code", '''style.show(style.heading("Sources", 2, "sources"), report.sources_appendix(b))'''),
], "Themes")

for name, n in [("briefing", briefing), ("speaker_quotes", quotes_nb), ("trade_figures", figures_nb), ("themes", themes_nb)]:
    nbformat.validate(n)
    nbformat.write(n, HERE / f"{name}.ipynb")
    print(HERE / f"{name}.ipynb")
