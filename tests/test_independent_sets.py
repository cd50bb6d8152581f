"""Eight independent check sets, each written by someone who saw neither the code nor the other sets.

``independent9``: 14 English and 14 Russian articles in the styles of wire copy, regional sites, business
papers, readouts, interviews and live blogs (124 scored quotes, 167 money figures). ``independent10``: 10
English and 18 Russian articles copied as web pages, with photo captions, "Read also" links, tag lines and
bylines around the story (132 scored quotes, 206 money figures). ``independent11``: 10 English and 22
Russian pages of Russian, Belarusian, Central Asian, Caucasian and wire outlets, with their own furniture
(Telegram calls, "Читайте также", tags), press conferences, a parliamentary debate and a table written as
text lines (125 scored quotes, 120 money figures). ``independent12``: 6 English and 26 Russian articles,
ten of them long regional features with six to ten speakers each, two people of one surname, Chinese and
Korean names, a Q&A and a debate (186 scored quotes, 165 money figures). ``independent13``: 8 English and 24
Russian articles from Moldovan, Georgian, Azerbaijani, Armenian, Mongolian, Tajik, Turkmen, Belarusian and
Russian regional outlets, with credit lines, Q&A labels and anonymous sources (102 scored quotes, 151 money
figures). ``independent14``: 8 English and 18 Russian pages (wire, business papers, regional sites, ministry
releases, a live blog, press conferences, an interview whose questions are paragraphs of their own; 120
scored quotes, 151 money figures). ``independent15``: 14 English and 12 Russian pages (wire, regional
English-language outlets, readouts, panels, an interview labelled by the outlet's name, headline quotes,
correction notes; 130 scored quotes, 160 money figures). ``independent16``: 13 English and 15 Russian
articles (wire reports, press releases, interviews with labels and with dashes, features with many
speakers, regional news with credits; Chinese and Mongolian names in their own order; 139 scored quotes,
144 money figures). All events are invented. Each set's
README conventions follow the seed gold; where the annotators chose otherwise than the extractors (a
quote carried over paragraphs is one gold row per paragraph in ``independent10``, ``14`` and ``15``; a
national currency's range is its lower bound; prices per unit and the dollar half of a converted pair are no
figures in ``independent11``, ``14`` and ``15``; a ministry is named in its own word order in ``16``; the
interviewer's and journalists' questions are quotes in
``15`` and at press conferences in ``14``) the set loses a few points for good.

Each was scored once before any rule was written against it (attributed F1, English / Russian:
0.938 / 0.800, 0.878 / 0.817, 1.000 / 0.910, 0.957 / 0.887, 0.871 / 0.857, 0.727 / 0.781 and 0.824 /
0.692 and 0.857 / 0.829; the last three through the pipeline now 0.880, 0.857 and 0.907 overall, since
a source left unnamed is the noun for it, as the sets name it); the rules written from their misses
since are general classes with tests of their own. The thresholds sit just below today's scores, so they
watch for rules that undo them.
"""
from pathlib import Path

import pytest

DEV = Path(__file__).resolve().parent / "dev"


@pytest.mark.parametrize("name, found, attributed, money, themes", [
    ("independent9", 0.98, 0.97, 0.95, 0.91),
    ("independent10", 0.96, 0.88, 0.96, 0.89),
    ("independent11", 0.97, 0.95, 0.92, 0.92),
    ("independent12", 0.97, 0.96, 0.95, 0.91),
    ("independent13", 0.97, 0.93, 0.92, 0.91),
    ("independent14", 0.96, 0.87, 0.93, 0.95),
    ("independent15", 0.92, 0.85, 0.93, 0.96),
    ("independent16", 0.96, 0.89, 0.98, 0.92),
])
def test_an_independent_set_scores_on_every_table(score_set, name, found, attributed, money, themes):
    q, m, t, misses = score_set(DEV / name)
    assert q["detection"]["f1"] >= found, misses
    assert q["attribution"]["f1"] >= attributed, misses
    assert m["detection"]["f1"] >= money and m["value"]["f1"] >= money, misses
    assert t["f1"] >= themes, misses
