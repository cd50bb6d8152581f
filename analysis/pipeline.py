"""Files -> corpus -> extractors -> tables, in one call.

`analyse(corpus_dir)` loads the corpus, runs every extractor and returns a
`Results` with one DataFrame per table; `write_tables(results, out)` writes
the CSV files that `briefing extract` promises (UTF-8, header row,
`article_id` column): articles, problems, quotes, figures, quantities,
themes, theme_mentions.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .config import locate, load_rates
from .corpus import DEFAULT_MAX_BYTES, Corpus, load_corpus

log = logging.getLogger(__name__)


@dataclass
class Results:
    corpus: Corpus
    quotes: pd.DataFrame
    figures: pd.DataFrame
    quantities: pd.DataFrame
    themes: pd.DataFrame
    theme_mentions: pd.DataFrame
    discrepancies: pd.DataFrame = field(default_factory=pd.DataFrame)
    config: dict = field(default_factory=dict)

    @property
    def articles(self) -> pd.DataFrame:
        return self.corpus.articles

    @property
    def problems(self) -> pd.DataFrame:
        return self.corpus.problems


def analyse(corpus_dir: str | os.PathLike, *, roster: str | os.PathLike | None = None,
            lexicon: str | os.PathLike | None = None, rates: str | os.PathLike | None = None,
            max_bytes: int = DEFAULT_MAX_BYTES, progress: bool = False) -> Results:
    """Load `corpus_dir` and run every extractor. Configs are validated before any work starts."""
    from .figures import extract_figures, find_discrepancies
    from .quotes import extract_quotes
    from .roster import load_roster
    from .themes import extract_themes, load_lexicon

    roster_path = locate("speakers.yml", roster, corpus_dir)
    lexicon_path = locate("themes.yml", lexicon, corpus_dir)
    rates_path = Path(rates) if rates else Path(corpus_dir) / "rates.csv"
    the_roster = load_roster(roster_path)
    the_lexicon = load_lexicon(lexicon_path)
    the_rates = load_rates(rates_path if rates_path.is_file() else None) if not rates or Path(rates).is_file() else None
    if rates and not Path(rates).is_file():
        from .config import ConfigError
        raise ConfigError(f"{rates}: file not found")

    corpus = load_corpus(corpus_dir, max_bytes=max_bytes, progress=progress)
    articles = corpus.articles
    quotes = extract_quotes(articles, the_roster)
    figures, quantities = extract_figures(articles, quotes=quotes, rates=the_rates or {})
    mentions, themes = extract_themes(articles, the_lexicon, quotes=quotes)
    return Results(corpus=corpus, quotes=quotes, figures=figures, quantities=quantities, themes=themes,
                   theme_mentions=mentions, discrepancies=find_discrepancies(figures, articles),
                   config={"roster": str(roster_path), "lexicon": str(lexicon_path),
                           "rates": str(rates_path) if the_rates else ""})


def write_tables(results: Results, out: str | os.PathLike) -> list[Path]:
    """Write the CSV contract of `briefing extract` into `out`; returns the paths written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tables = {
        "articles": results.articles.drop(columns=["text"]),
        "problems": results.problems,
        "quotes": results.quotes,
        "figures": results.figures,
        "quantities": results.quantities,
        "themes": results.themes,
        "theme_mentions": results.theme_mentions,
        "discrepancies": results.discrepancies,
    }
    written = []
    for name, df in tables.items():
        path = out / f"{name}.csv"
        tmp = out / f".{name}.csv.tmp"
        df.to_csv(tmp, index=False, encoding="utf-8")
        os.replace(tmp, path)
        written.append(path)
    return written
