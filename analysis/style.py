"""House style shared by every notebook: colours, chart defaults, page CSS,
and small HTML helpers that escape everything coming from articles or configs.

Notebooks call `setup()` once, then build their output with `table()`,
`heading()`, `para()` and `figure()`; nothing from an article reaches the page
without `html.escape`.
"""
from __future__ import annotations

import html
from typing import Iterable

import pandas as pd

INK = "#1f2933"
MUTED = "#616e7c"
ACCENT = "#1d4e89"
PALETTE = ["#1d4e89", "#d1603d", "#3f8f6b", "#b08d1a", "#7a4f9a", "#4a8fb8", "#9c3d54", "#6b7b3a"]
FONT = "DejaVu Sans"

CSS = """
@page {
  size: A4;
  margin: 20mm 16mm 18mm 16mm;
  @top-left { content: string(doctitle); font: 8pt "DejaVu Sans", sans-serif; color: #616e7c; }
  @top-right { content: string(section); font: 8pt "DejaVu Sans", sans-serif; color: #616e7c; }
  @bottom-center { content: counter(page) " / " counter(pages); font: 8pt "DejaVu Sans", sans-serif; color: #616e7c; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body.briefing {
  font-family: "DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif;
  font-size: 10pt; line-height: 1.45; color: #1f2933; background: #fff;
  max-width: 52rem; margin: 0 auto; padding: 1rem;
}
@media print { body.briefing { max-width: none; padding: 0; } }
h1, h2, h3, h4 { font-family: "DejaVu Sans", sans-serif; color: #1d4e89; line-height: 1.2; break-after: avoid; }
h1 { font-size: 20pt; margin: 0 0 .4em; string-set: doctitle content(); }
h2 { font-size: 14pt; margin: 1.4em 0 .5em; border-bottom: 1px solid #c8d1dc; padding-bottom: .15em; string-set: section content(); }
h3 { font-size: 11.5pt; margin: 1.1em 0 .4em; }
p { margin: .35em 0 .6em; }
a { color: #1d4e89; }
.jp-Cell, .jp-OutputArea-child, .jp-Cell-outputWrapper { break-inside: auto; }
.jp-OutputPrompt, .jp-InputPrompt, .jp-Collapser, .anchor-link { display: none; }
.jp-OutputArea-output pre { white-space: pre-wrap; font-size: 8.5pt; }
.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"] { display: none; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: 8.5pt; }
thead { display: table-header-group; }
tr, img, svg, figure { break-inside: avoid; }
th { text-align: left; background: #e8eef5; color: #1f2933; font-weight: bold; padding: 3pt 5pt; border-bottom: 1px solid #9aa5b1; }
td { padding: 3pt 5pt; border-bottom: 1px solid #e4e7eb; vertical-align: top; overflow-wrap: break-word; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
figure { margin: .6em 0 1.2em; }
figure svg, figure img { max-width: 100%; height: auto; }
figcaption, .caption { font-size: 8.5pt; color: #616e7c; margin-top: .2em; break-before: avoid; }
.muted { color: #616e7c; }
.small { font-size: 8.5pt; }
.cover { page-break-after: always; break-after: page; padding-top: 2rem; }
@media print { .cover { padding-top: 30mm; } }
.cover h1 { font-size: 26pt; }
.cover .meta { margin-top: 2em; font-size: 10.5pt; }
.cover .meta td { border: none; padding: 2pt 8pt 2pt 0; }
.summary li { margin: .25em 0; }
.callout { border-left: 3px solid #1d4e89; background: #f3f6fa; padding: .5em .8em; margin: .6em 0; }
.warning { border-left-color: #d1603d; background: #fbf1ec; }
blockquote { margin: .4em 0 .8em; padding: .2em .8em; border-left: 3px solid #c8d1dc; color: #323f4b; }
table.variants td:first-child { width: 16%; overflow-wrap: normal; }
table.variants td { width: 42%; }
table.sources { font-size: 7.5pt; }
table.sources td { padding: 1.5pt 4pt; }
table.sources td:nth-child(-n+3) { white-space: nowrap; }
.cover .toc { margin-top: 3em; }
.ref { font-size: 7.5pt; color: #616e7c; white-space: nowrap; }
.toc ol { padding-left: 1.2em; }
.toc a::after { content: leader(".") target-counter(attr(href), page); }
@media screen { .toc a::after { content: none; } }
@media (max-width: 40rem) {
  body.briefing { font-size: 11pt; padding: .5rem; }
  table { font-size: 9pt; }
  td, th { padding: 2pt 3pt; }
}
"""


def display_number(v: float) -> str:
    """How a DataFrame shows a float: 1,250,000,000 rather than 1.25e+09; 0.125 rather than 0.125000."""
    if pd.isna(v):
        return ""
    if abs(v) >= 1000 or float(v).is_integer():
        return f"{v:,.0f}"
    return f"{v:,.3g}" if abs(v) < 1 else f"{v:,.2f}"


def theme_colours(themes: Iterable[str]) -> dict[str, str]:
    """One colour per theme, by the theme's place in the lexicon, so a theme looks the same in every chart."""
    import matplotlib as mpl

    extra = [mpl.colors.to_hex(c) for c in mpl.colormaps["tab20"].colors]
    colours = PALETTE + [c for c in extra if c not in PALETTE]
    return {t: colours[i % len(colours)] for i, t in enumerate(themes)}


def setup() -> None:
    """House style for the notebook: chart defaults (SVG, DejaVu Sans, muted grid) and readable number
    formats in DataFrames. It never changes the matplotlib backend: in Jupyter charts stay inline."""
    import matplotlib as mpl

    pd.set_option("display.float_format", display_number)

    mpl.rcParams.update({
        "font.family": FONT,
        "font.size": 9,
        "axes.titlesize": 10,
        "axes.labelsize": 9,
        "axes.edgecolor": "#9aa5b1",
        "axes.labelcolor": INK,
        "axes.prop_cycle": mpl.cycler(color=PALETTE),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": "#e4e7eb",
        "grid.linewidth": 0.6,
        "xtick.color": MUTED,
        "ytick.color": MUTED,
        "figure.figsize": (7.0, 3.2),
        "figure.dpi": 100,
        "svg.fonttype": "path",
        "savefig.bbox": "tight",
        "text.parse_math": False,      # labels come from data: "$" is a dollar sign, never TeX
    })
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats
        set_matplotlib_formats("svg")
    except Exception:  # outside IPython: nothing to configure
        pass


def esc(value: object) -> str:
    """Escape anything for HTML; None/NaN become an empty string."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def heading(text: str, level: int = 2, anchor: str | None = None) -> str:
    ident = f' id="{esc(anchor)}"' if anchor else ""
    return f"<h{level}{ident}>{esc(text)}</h{level}>"


def para(text: str, cls: str = "") -> str:
    klass = f' class="{esc(cls)}"' if cls else ""
    return f"<p{klass}>{esc(text)}</p>"


def bullets(items: Iterable[str], cls: str = "") -> str:
    klass = f' class="{esc(cls)}"' if cls else ""
    return f"<ul{klass}>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"


def table(df: pd.DataFrame, columns: dict[str, str] | None = None, numeric: Iterable[str] = (),
          formats: dict | None = None, caption: str | None = None, empty: str = "None.", sheet: str = "") -> str:
    """An escaped HTML table of `df` (columns renamed by `columns`), numbers right-aligned.

    `sheet` names the attached full version of the table (``data-sheet`` attribute)."""
    if df is None or df.empty:
        return para(empty, "muted")
    columns = columns or {c: c for c in df.columns}
    formats = formats or {}
    numeric = set(numeric)
    head = "".join(f'<th class="num">{esc(label)}</th>' if col in numeric else f"<th>{esc(label)}</th>"
                   for col, label in columns.items())
    rows = []
    for _, row in df.iterrows():
        cells = []
        for col in columns:
            value = row.get(col)
            fmt = formats.get(col)
            if fmt is not None and not (value is None or (isinstance(value, float) and pd.isna(value))):
                text = fmt(value) if callable(fmt) else fmt.format(value)
            else:
                text = value
            klass = ' class="num"' if col in numeric else ""
            cells.append(f"<td{klass}>{esc(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    cap = f'<div class="caption">{esc(caption)}</div>' if caption else ""
    attr = f' data-sheet="{esc(sheet)}"' if sheet else ""
    return f'<div class="table-wrap"><table{attr}><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>{cap}'


SVG_MAX_BYTES = 150_000


def figure_svg(fig, caption: str) -> str:
    """A matplotlib figure with a caption: inline SVG (sharp in HTML and PDF), or, for a chart with so
    many marks that its SVG exceeds SVG_MAX_BYTES, a 200-dpi PNG, which prints as well and renders
    many times faster."""
    import base64
    import io
    import sys

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    svg = buf.getvalue()
    if len(svg) > SVG_MAX_BYTES:
        png = io.BytesIO()
        fig.savefig(png, format="png", dpi=200, bbox_inches="tight")
        width = fig.get_size_inches()[0]
        body = (f'<img alt="{esc(caption)}" style="width: {width:.2f}in" '
                f'src="data:image/png;base64,{base64.b64encode(png.getvalue()).decode()}">')
    else:
        body = svg[svg.index("<svg"):]
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:      # a pyplot figure: release it (our own figures are not registered)
        pyplot.close(fig)
    return f"<figure>{body}<figcaption>{esc(caption)}</figcaption></figure>"


def show(*parts: str) -> None:
    """Display pre-escaped HTML parts in the notebook."""
    from IPython.display import HTML, display

    display(HTML("\n".join(parts)))
