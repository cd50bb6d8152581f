"""Executed notebook -> self-contained HTML -> A4 PDF.

HTML comes from nbconvert with the package's own template (code, prompts and
parameter cells hidden, no script and no external URL); the PDF is printed
from that HTML by WeasyPrint, so both carry the same content.
"""
from __future__ import annotations

import logging
from pathlib import Path

import nbformat

from .style import CSS

TEMPLATES = Path(__file__).parent / "templates"
HIDDEN_TAGS = {"parameters", "injected-parameters", "remove", "hide"}


def to_html(nb: nbformat.NotebookNode, title: str) -> str:
    """Self-contained HTML for an executed notebook."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    nb = nbformat.from_dict(nb)  # copy: the caller's notebook stays as executed
    nb.metadata["title"] = title
    exporter = HTMLExporter(template_name="briefing", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                            embed_images=True, anchor_link_text="")   # no stray ¶ after headings
    tags = TagRemovePreprocessor(remove_cell_tags=HIDDEN_TAGS, enabled=True)
    exporter.register_preprocessor(tags, enabled=True)
    body, _ = exporter.from_notebook_node(nb, resources={"briefing_css": CSS})
    return body


def to_pdf(html: str, path: Path, base_url: str | None = None) -> None:
    """Print HTML to an A4 PDF with WeasyPrint."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    import weasyprint

    weasyprint.HTML(string=html, base_url=base_url, url_fetcher=_offline_fetcher()).write_pdf(str(path))


def _offline_fetcher():
    """A fetcher that loads only inline data: URIs, so a briefing never reaches out."""
    import weasyprint

    if hasattr(weasyprint, "URLFetcher"):
        return weasyprint.URLFetcher(allowed_protocols={"data"})

    def fetch(url, *args, **kwargs):  # WeasyPrint < 66
        if not url.startswith("data:"):
            raise ValueError(f"external resource blocked: {url[:80]}")
        return weasyprint.default_url_fetcher(url, *args, **kwargs)
    return fetch


def warm_up() -> None:
    """Import the renderer and lay out one small page, so that fonts are loaded before the first briefing."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    import nbconvert  # noqa: F401  (imported here so a worker process pays for it once)
    import weasyprint

    weasyprint.HTML(string=f"<style>{CSS}</style><body class='briefing'><h1>Briefing</h1><p>Брифинг 1,0</p></body>",
                    url_fetcher=_offline_fetcher()).write_pdf()
