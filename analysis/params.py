"""Notebook parameters that name things: themes, speakers, metrics, currencies.

`resolve_names(per_notebook, corpus)` checks every such value against the
configuration the notebook will use (lexicon, roster, figure vocabulary) and,
for speakers outside the roster, against the speakers the corpus quotes. It
accepts any case, theme labels as well as keys, a person's variants and a
surname that names one person, and returns the values rewritten to the
canonical form the notebooks compare with (theme keys, roster names, metric
keys, ISO codes). An unknown value is a `UsageError` with "did you mean"
suggestions; a known value the corpus has nothing for is a warning. All of
this happens before any notebook runs.
"""
from __future__ import annotations

import calendar
import datetime as dt
import difflib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

NAME_PARAMETERS = ("themes", "speakers", "metric", "currency")


class UnknownValue(ValueError):
    pass


@dataclass
class Names:
    """Accepted spellings (folded) -> canonical value, for one kind of name."""
    kind: str
    where: str
    forms: dict[str, set[str]] = field(default_factory=dict)
    shown: list[str] = field(default_factory=list)       # canonical values, for the message
    rewrites: list = field(default_factory=list)         # value -> the form a pack lists (рублей -> рубль)

    def add(self, canonical: str, *spellings: str) -> None:
        if canonical not in self.shown:
            self.shown.append(canonical)
        for s in (canonical, *spellings):
            if s and str(s).strip():
                self.forms.setdefault(_fold(s), set()).add(canonical)

    def resolve(self, value: str) -> str:
        hits = self.forms.get(_fold(value), set())
        for rewrite in self.rewrites if not hits else ():
            hits = self.forms.get(_fold(rewrite(value)), set())
            if hits:
                break
        if len(hits) == 1:
            return next(iter(hits))
        if len(hits) > 1:
            raise UnknownValue(f"{self.kind} '{value}' is ambiguous: it could be {_or(sorted(hits))}")
        close = difflib.get_close_matches(_fold(value), list(self.forms), n=3, cutoff=0.6)
        suggestions = sorted({c for k in close for c in self.forms[k]}, key=self.shown.index)
        hint = f"; did you mean {_or(suggestions)}?" if suggestions else ""
        known = ", ".join(self.shown[:12]) + (" …" if len(self.shown) > 12 else "")
        raise UnknownValue(f"no {self.kind} '{value}' in {self.where}{hint} (known: {known or 'none'})")


def _fold(s: str) -> str:
    return " ".join(str(s).casefold().replace("_", " ").replace("-", " ").split())


def _or(items: list[str]) -> str:
    quoted = [f"'{i}'" for i in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def split_list(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value or "").split(",") if v.strip()]


def theme_names(lexicon) -> Names:
    names = Names("theme", f"the lexicon ({lexicon.description or lexicon.source})")
    for key, theme in lexicon.themes.items():
        names.add(key, theme.label)
    return names


def speaker_names(roster, corpus_speakers: list[str] = ()) -> Names:
    names = Names("speaker", f"the roster ({roster.description or roster.source}) or the corpus's quotes")
    surnames: dict[str, set[str]] = {}
    for person in roster.people:
        names.add(person.name, *person.variants)
        for spelling in [person.name, *person.variants]:
            parts = spelling.split()
            if len(parts) > 1:
                surnames.setdefault(_fold(parts[-1]), set()).add(person.name)
    for surname, people in surnames.items():
        if surname not in names.forms:
            names.forms[surname] = set(people)      # ambiguous when two people share it
    for speaker in corpus_speakers:
        if speaker and _fold(speaker) not in names.forms:
            names.add(speaker)
    return names


def _vocabs() -> list:
    """The money vocabulary of every language pack (metric and currency words differ by language)."""
    from .figures import load_vocab
    from .lang import available

    return [load_vocab(code) for code in available()] or [load_vocab()]


def metric_names(vocabs) -> Names:
    names = Names("metric", "the figures vocabulary (figures.yml of the language packs)",
                  rewrites=[vocab.key for vocab in vocabs])       # any inflected form: товарооборота
    words: dict[str, set[str]] = {}
    for word, metric in [pair for vocab in vocabs for pair in vocab.metrics]:
        names.add(metric)
        words.setdefault(_fold(word), set()).add(metric)
    for word, metrics in words.items():
        if word not in names.forms:           # a metric's own name wins over another metric's word
            names.forms[word] = set(metrics)
    return names


def currency_names(vocabs) -> Names:
    names = Names("currency", "the currencies (currencies.yml)", rewrites=[vocab.key for vocab in vocabs])
    for written, code in [pair for vocab in vocabs for pair in (*vocab.currency_pre, *vocab.currency_post)]:
        names.add(code, written)
    for vocab in vocabs:                  # "rubles" names two currencies, as in the articles: ambiguous here too
        for word, codes in vocab.ambiguous.items():
            names.forms[_fold(word)] = set(codes)
    return names


def resolve_names(per_nb: dict[str, dict], corpus: Path, analyse_corpus=None, warn: bool = True) -> dict[str, dict]:
    """`per_nb` with theme/speaker/metric/currency values checked and made canonical.

    Raises UsageError naming the parameter, the value and suggestions.
    `analyse_corpus()` (optional) returns the corpus's `Results`; it is called
    only when a speaker is not in the roster or, with `warn`, to warn about
    values the corpus has nothing for.
    """
    from .build import UsageError
    from .pipeline import load_configs

    wanted = {n for values in per_nb.values() for n in NAME_PARAMETERS if split_list(values.get(n))}
    if not wanted:
        return per_nb
    results = None

    def corpus_results():
        nonlocal results
        if results is None and analyse_corpus is not None:
            results = analyse_corpus()
        return results

    out: dict[str, dict] = {}
    for nb, values in per_nb.items():
        values = dict(values)
        if not any(split_list(values.get(n)) for n in NAME_PARAMETERS):
            out[nb] = values
            continue
        _, _, _, _, roster, lexicon = load_configs(corpus, values.get("roster") or None,
                                                   values.get("lexicon") or None, values.get("rates") or None)
        for pname in NAME_PARAMETERS:
            items = split_list(values.get(pname))
            if not items:
                continue
            if pname == "themes":
                names = theme_names(lexicon)
            elif pname == "speakers":
                names = speaker_names(roster)
            elif pname == "metric":
                names = metric_names(_vocabs())
            else:
                names = currency_names(_vocabs())
            resolved = []
            for item in items:
                try:
                    resolved.append(names.resolve(item))
                except UnknownValue as exc:
                    res = corpus_results() if pname == "speakers" else None
                    if res is not None:
                        quoted = res.quotes.loc[res.quotes["kind"] == "direct", "speaker"]
                        try:
                            resolved.append(speaker_names(roster, sorted(set(quoted) - {""})).resolve(item))
                            continue
                        except UnknownValue as exc2:
                            exc = exc2
                    raise UsageError(f"parameter '{pname}' ({nb}): {exc}") from None
            if pname in ("metric", "currency") and len(resolved) > 1:
                raise UsageError(f"parameter '{pname}' ({nb}) takes one value, got {', '.join(items)}")
            values[pname] = ",".join(dict.fromkeys(resolved))
            if values[pname] != ",".join(items):
                log.info("parameter %s (%s): %s -> %s", pname, nb, ",".join(items), values[pname])
        out[nb] = values
    if warn:
        warn_absent(out, corpus_results)
    return out


def warn_absent(per_nb: dict[str, dict], corpus_results) -> None:
    """Warn (once per value) about names the corpus has nothing for: an empty section, not an error."""
    res = corpus_results()
    if res is None:
        return
    have = {
        "themes": set(res.themes["theme"]),
        "speakers": set(res.quotes.loc[res.quotes["kind"] == "direct", "speaker"]),
        "metric": set(res.figures["metric"].dropna()),
        "currency": set(res.figures["currency"].dropna()),
    }
    what = {"themes": "no mention of theme", "speakers": "no direct quote by", "metric": "no figure for metric",
            "currency": "no amount in"}
    told = set()
    for values in per_nb.values():
        for pname in NAME_PARAMETERS:
            for item in split_list(values.get(pname)):
                if item not in have[pname] and (pname, item) not in told:
                    told.add((pname, item))
                    log.warning("-p %s %s: the corpus has %s '%s'; that part of the briefing will be empty",
                                pname, item, what[pname], item)


def check_notebook(notebook: str, namespace: dict) -> dict:
    """Check a notebook's parameters where it runs, as `briefing build -p` checks them before it starts.

    Called by each shipped notebook right after its parameters cell with its
    own name and ``globals()``, so a notebook run by papermill, Jupyter or
    ``briefing build`` gets the same canonical values and the same errors:
    numbers and switches of the right type (``min_quote_words four`` is
    refused), real dates for ``since``/``until``, existing and valid files for
    ``roster``, ``lexicon``, ``rates`` and ``reference`` (relative to the
    working directory), the corpus folder found from any working directory,
    and theme, speaker, metric and currency names made canonical (labels,
    surnames, any case) or refused with "did you mean" suggestions.
    Updates `namespace` in place and returns the values it holds now;
    raises `analysis.build.UsageError`.
    """
    from .build import (DATE_PARAMETERS, FILE_PARAMETERS, NOTEBOOK_DIRS, UsageError, _check_date, _check_path,
                        available_notebooks, coerce, notebook_parameters)
    from .report import resolve_corpus

    spec = None                     # the notebook of that name, else the shipped one (BRIEFING_NOTEBOOKS may hold others)
    for folder in (None, *NOTEBOOK_DIRS):
        try:
            catalogue = available_notebooks(folder)
        except UsageError:
            continue
        if notebook in catalogue:
            spec = notebook_parameters(catalogue[notebook])
            break
    if spec is None:
        raise UsageError(f"no notebook named '{notebook}' to check the parameters against")
    values = {}
    for pname, pspec in spec.items():
        if pname not in namespace:
            continue
        value = namespace[pname]
        if not isinstance(value, list):
            default = pspec.get("default") or ""
            if value is None or (isinstance(value, str) and not value.strip() and default[:1] in "\"'"):
                value = ""
            else:
                value = coerce(pname, value if isinstance(value, str) else str(value), pspec)
        if pname in DATE_PARAMETERS and value:
            _check_date(pname, str(value))
        if pname in FILE_PARAMETERS and value:
            value = _check_path(pname, str(value))
        values[pname] = value
    check_date_range(values.get("since"), values.get("until"))
    if "corpus_dir" in values:
        try:
            values["corpus_dir"] = str(resolve_corpus(values["corpus_dir"]))
        except FileNotFoundError as exc:
            raise UsageError(f"parameter 'corpus_dir': {exc}") from None
    corpus = Path(values.get("corpus_dir") or resolve_corpus(""))

    def analysed():
        if values.get("snapshot"):
            from . import snapshot
            return snapshot.read(values["snapshot"])
        from .pipeline import analyse
        return analyse(corpus, roster=values.get("roster") or None, lexicon=values.get("lexicon") or None,
                       rates=values.get("rates") or None)

    values = resolve_names({notebook: values}, corpus, analysed, warn=False)[notebook]
    namespace.update(values)
    return values


def _date_bound(value, last: bool) -> dt.date | None:
    """2026, 2026-02 or 2026-02-15 as the first (or `last`) day it covers; None when not such a date."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value or "").strip())
    if not m:
        return None
    try:
        y, mo = int(m.group(1)), int(m.group(2) or (12 if last else 1))
        d = int(m.group(3) or (calendar.monthrange(y, mo)[1] if last else 1))
        return dt.date(y, mo, d)
    except ValueError:
        return None


def check_date_range(since, until) -> None:
    """A `since` after `until` would select nothing: refused (UsageError) rather than an empty briefing."""
    from .build import UsageError

    first, last = _date_bound(since, last=False), _date_bound(until, last=True)
    if first and last and first > last:
        raise UsageError(f"parameters 'since' ({since}) and 'until' ({until}): since is after until, so no article "
                         "could be selected")


def warn_dates(per_nb: dict[str, dict], articles) -> None:
    """Warn (once per range) when `since`/`until` leave out every dated article of the corpus.

    The same selection as `report.prepare`: articles whose year is known and whose
    publication date is within the range."""
    if articles is None or articles.empty:
        return
    dated = articles.loc[articles["year_known"].astype(bool), "published"].fillna("").astype(str)
    dated = dated[dated != ""]
    told = set()
    for values in per_nb.values():
        since, until = str(values.get("since") or ""), str(values.get("until") or "")
        if not (since or until) or (since, until) in told:
            continue
        told.add((since, until))
        keep = dated
        if since:
            keep = keep[keep >= since]
        if until:
            keep = keep[keep.str[:len(until)] <= until]
        if keep.empty:
            span = f"its dated articles run from {dated.min()} to {dated.max()}" if len(dated) else "no article has a known date"
            given = " ".join(x for x in (f"-p since {since}" if since else "", f"-p until {until}" if until else "") if x)
            log.warning("%s: no article of the corpus is in that range (%s); the briefing will be empty", given, span)
