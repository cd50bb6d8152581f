"""Language packs: what each language knows, kept as data apart from the engines.

A pack is a folder ``analysis/data/lang/<code>/`` (ISO 639-1 code) holding
YAML files, each read by one engine:

==================  ==========================================================
``pack.yml``        name, script, the letters that tell it apart from other
                    packs of the same script, word normaliser, number style
``cues.yml``        cue verbs, role nouns, pronouns, institution words (quotes)
``countries.yml``   country names and adjectives (quotes, figures)
``figures.yml``     number, scale, qualifier, metric and claim words (figures)
``currencies.yml``  currency words and symbols by ISO code (figures)
``themes.yml``      theme terms by theme key (themes)
``dates.yml``       month names (corpus dates)
``sentences.yml``   abbreviations the sentence splitter does not end a sentence at
==================  ==========================================================

Engines never name a language: they call `pack(code)` with the article's
``language`` and read the section they need with `Pack.section`. A missing
section is an empty mapping, so a new pack can start small. Adding a language
is adding a folder and tests.

`detect_language(text)` picks a pack for an article whose manifest or front
matter does not say: the script of its letters decides (Latin or Cyrillic),
then the letters only one pack of that script uses (``marker_letters`` in
``pack.yml``), else the pack marked ``default_for_script``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from .config import DATA, Checker, ConfigError, load_yaml

if TYPE_CHECKING:
    import numpy as np

PACKS = DATA / "lang"
DEFAULT_LANGUAGE = "en"


@dataclass
class Pack:
    """One language's data, read lazily section by section."""
    code: str
    name: str
    script: str
    marker_letters: str = ""
    default_for_script: bool = False
    aliases: tuple[str, ...] = ()          # other names of the language: Russian, rus, русский
    normaliser: str = "lower"              # lower | snowball:<language> | pymorphy3 | pymorphy3+snowball:<language>
    decimal_comma: bool = False            # 1,2 млрд = 1.2 billion
    path: Path | None = None
    _sections: dict[str, Any] = field(default_factory=dict, repr=False)

    def section(self, name: str) -> Any:
        """The parsed ``<name>.yml`` of this pack ({} when the pack has none)."""
        if name not in self._sections:
            f = self.file(name)
            self._sections[name] = (load_yaml(f) or {}) if f else {}
        return self._sections[name]

    def file(self, name: str) -> Path | None:
        f = self.path / f"{name}.yml" if self.path else None
        return f if f and f.is_file() else None

    @property
    def normalise(self) -> Callable[[str], str]:
        """token -> dictionary key (lower case, stem or lemma), memoised."""
        return _normaliser(self.normaliser)


@lru_cache(maxsize=None)
def _normaliser(kind: str) -> Callable[[str], str]:
    if kind == "lower":
        return lru_cache(maxsize=1 << 18)(str.lower)
    if kind.startswith("snowball:"):
        import snowballstemmer
        stem = snowballstemmer.stemmer(kind.split(":", 1)[1]).stemWord
        return lru_cache(maxsize=1 << 18)(lambda w: stem(w.lower()))
    if kind == "pymorphy3":
        import pymorphy3
        morph = pymorphy3.MorphAnalyzer()
        return lru_cache(maxsize=1 << 18)(lambda w: morph.parse(w.lower())[0].normal_form)
    if kind.startswith("pymorphy3+snowball:"):
        # the lemma of a dictionary word; the stem of a word the dictionary does not know
        # (brands and names: "Амкодора" -> "амкодор", as "Амкодор")
        import pymorphy3
        import snowballstemmer
        morph = pymorphy3.MorphAnalyzer()
        stem = snowballstemmer.stemmer(kind.split(":", 1)[1]).stemWord

        def key(w: str) -> str:
            w = w.lower()
            return morph.parse(w)[0].normal_form if morph.word_is_known(w) else stem(w)
        return lru_cache(maxsize=1 << 18)(key)
    raise ConfigError(f"unknown normaliser '{kind}' (lower, snowball:<language>, pymorphy3, "
                      "pymorphy3+snowball:<language>)")


def available() -> list[str]:
    """Codes of the shipped packs, sorted."""
    try:
        stamp = PACKS.stat().st_mtime_ns       # a pack folder added or removed changes it
    except OSError:
        return []
    return list(_available(PACKS, stamp))


@lru_cache(maxsize=8)
def _available(folder: Path, stamp: int) -> tuple[str, ...]:
    return tuple(sorted(p.name for p in folder.iterdir() if (p / "pack.yml").is_file())) if folder.is_dir() else ()


def packs_with(name: str) -> list[tuple[Pack, Path]]:
    """Every shipped pack that has ``<name>.yml``, with that file: for data read as the union of all
    packs (an article in one language quotes words of another)."""
    return [(p, f) for p in (pack(code) for code in available()) if (f := p.file(name)) is not None]


@lru_cache(maxsize=None)
def pack(code: str | None) -> Pack:
    """The pack for `code` (case-insensitive; 'ru-RU' -> 'ru'); the default pack for unknown codes."""
    c = (code or DEFAULT_LANGUAGE).strip().lower().replace("_", "-").split("-")[0]
    folder = PACKS / c
    if not (folder / "pack.yml").is_file():
        if c == DEFAULT_LANGUAGE:
            raise ConfigError(f"{folder / 'pack.yml'}: the default language pack is missing")
        return pack(DEFAULT_LANGUAGE)
    path = folder / "pack.yml"
    chk = Checker(path)
    meta = chk.mapping(load_yaml(path) or {}, "", allowed={"name", "script", "marker_letters", "default_for_script",
                                                         "normaliser", "decimal_comma", "aliases"},
                      required={"name", "script"})
    script = chk.text(meta["script"], "script")
    if script not in ("latin", "cyrillic"):
        chk.fail("script", f"expected latin or cyrillic, got '{script}'")
    return Pack(code=c, name=chk.text(meta["name"], "name"), script=script,
                marker_letters=str(meta.get("marker_letters") or ""),
                default_for_script=bool(meta.get("default_for_script", False)),
                aliases=tuple(a.lower() for a in chk.texts(meta.get("aliases"), "aliases")),
                normaliser=str(meta.get("normaliser") or "lower"),
                decimal_comma=bool(meta.get("decimal_comma", False)), path=folder)


def language_code(value: object) -> str:
    """A language as articles.csv records it: a pack code for any spelling a manifest or
    front matter may use ('RU', 'ru-RU', 'ru_RU', 'Russian', 'русский' -> 'ru'); a code
    no pack knows is kept in lower case ('de-AT' -> 'de'); '' for an empty value."""
    s = str(value or "").strip().lower()
    if not s:
        return ""
    for code in available():
        p = pack(code)
        if s == p.name.lower() or s in p.aliases:
            return p.code
    return re.split(r"[-_\s]", s)[0]


@lru_cache(maxsize=1)
def _scripts() -> "np.ndarray":
    """Per character of the Basic Multilingual Plane, plus one slot for any character beyond it: 1 for a
    Latin letter (str.isalpha, U+0000 to U+024F: Basic Latin to Latin Extended-B), 2 for a Cyrillic one
    (U+0400 to U+04FF), else 0."""
    import numpy as np
    table = np.zeros(0x10001, dtype=np.uint8)
    for first, last, script in ((0, 0x24F, 1), (0x400, 0x4FF, 2)):
        table[[i for i in range(first, last + 1) if chr(i).isalpha()]] = script
    return table


def detect_language(text: str, sample: int = 4000) -> str:
    """Pack code for a text: script share of its letters, then marker letters.

    Reads at most `sample` characters (linear, cheap: the letters are counted on the array of code
    points). Texts with no letters get the default language.
    """
    import numpy as np
    from .text import code_points
    head = text[:sample]
    scripts = _scripts()[np.minimum(code_points(head), 0x10000)]
    latin, cyrillic = int(np.count_nonzero(scripts == 1)), int(np.count_nonzero(scripts == 2))
    if not latin and not cyrillic:
        return DEFAULT_LANGUAGE
    script = "cyrillic" if cyrillic > latin else "latin"
    candidates = [pack(c) for c in available()]
    candidates = [p for p in candidates if p.script == script]
    if not candidates:
        return DEFAULT_LANGUAGE
    if len(candidates) == 1:
        return candidates[0].code      # the only pack of its script: no marker letters to weigh
    lower = head.lower()
    best, best_hits = None, 0
    for p in candidates:
        hits = sum(lower.count(ch) for ch in p.marker_letters)
        if hits > best_hits:
            best, best_hits = p, hits
    if best is not None:
        return best.code
    default = next((p for p in candidates if p.default_for_script), candidates[0])
    return default.code

