"""briefing: analytical briefings from folders of news articles.

The importable package is ``analysis``; the command is ``briefing``.
"""
__version__ = "0.1.0"

from .corpus import Corpus, load_corpus  # noqa: E402,F401
from .pipeline import Results, analyse, write_tables  # noqa: E402,F401
