"""Configuration files (YAML data the analyst edits), validated on load.

Every error names the file and the key path (``speakers.yml: people[2].titles[0].from:
expected a year``), and is raised before any work starts.

Lookup order for each config: an explicit path, then a file of the same name
in the corpus folder (``speakers.yml``, ``themes.yml``, ``rates.csv``), then the
default shipped in ``analysis/data/``.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"


class ConfigError(ValueError):
    """A configuration file is missing, unreadable or invalid; the message names file and key."""


def _kind(value) -> str:
    return {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list",
            dict: "a mapping", type(None): "nothing"}.get(type(value), type(value).__name__)


def locate(name: str, explicit: str | Path | None, corpus: str | Path | None) -> Path:
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{path}: file not found")
        return path
    if corpus:
        local = Path(corpus) / name
        if local.is_file():
            return local
    return DATA / name


_LINES: dict[str, dict[str, int]] = {}      # resolved path -> {key path: line}, from the last load_yaml


def load_yaml(path: Path) -> Any:
    """Parse a YAML file (no aliases); remembers the line of every key so that `Checker` errors can name it."""
    from .corpus import safe_yaml  # noqa: F401 - same loader rules as front matter

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        data, lines = yaml_with_lines(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}: invalid YAML{where}: {what}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid YAML: nested too deeply") from None
    _LINES[_key_of(path)] = lines
    return data


def _key_of(path) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return str(path)


def yaml_with_lines(text: str) -> tuple[Any, dict[str, int]]:
    """The document and {key path: 1-based line} for every mapping key and list item.

    Key paths are written as in error messages: ``people[13].variants``. The
    document is composed once (the loader records node marks), then constructed.
    """
    from .corpus import _NoAliasLoader

    loader = _NoAliasLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    stack = [(node, "")] if node is not None else []
    while stack:                                    # iterative: deep nesting cannot overflow here
        n, prefix = stack.pop()
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                name = k.value if isinstance(k, yaml.ScalarNode) else "?"
                path = f"{prefix}.{name}" if prefix else str(name)
                lines.setdefault(path, k.start_mark.line + 1)
                stack.append((v, path))
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                path = f"{prefix}[{i}]"
                lines.setdefault(path, v.start_mark.line + 1)
                stack.append((v, path))
    return data, lines


_SEGMENT = re.compile(r"\[\d+\]|[^.\[]+")


class Checker:
    """Small schema helper: each method checks one value and names its file, line and key path on error.

    ``speakers.yml:41 people[13] (Viktor Karankevich).variants: expected a list``: the line comes
    from the last `load_yaml` of the file, the name in brackets from the entry's ``name``.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.lines = _LINES.get(_key_of(path), {})
        self.labels: dict[str, str] = {}

    def where(self, key: str) -> str:
        """`file:line key-with-labels` for an error message."""
        line, probe = None, key
        while probe:
            if probe in self.lines:
                line = self.lines[probe]
                break
            cut = max(probe.rfind("."), probe.rfind("["))
            probe = probe[:cut] if cut > 0 else ""
        shown, prefix = [], ""
        for seg in _SEGMENT.findall(key):
            prefix = prefix + seg if seg.startswith("[") or not prefix else f"{prefix}.{seg}"
            shown.append(seg if seg.startswith("[") or len(shown) == 0 else "." + seg)
            if prefix in self.labels:
                shown.append(f" ({self.labels[prefix]})")
        head = f"{self.path.name}:{line}" if line else self.path.name
        return f"{head} {''.join(shown)}" if key else head

    def fail(self, key: str, msg: str):
        raise ConfigError(f"{self.where(key)}: {msg}")

    def label(self, key: str, name) -> None:
        """Name the entry at `key` (a person, a theme) in later errors about it."""
        if isinstance(name, str) and name.strip():
            self.labels[key] = " ".join(name.split())[:80]

    def mapping(self, value, key: str, allowed: set[str] | None = None, required: set[str] = frozenset()) -> dict:
        if not isinstance(value, dict):
            self.fail(key, f"expected a mapping, got {_kind(value)}")
        if key.endswith("]"):
            self.label(key, value.get("name") or value.get("label") or value.get("title"))
        for k in value:
            if not isinstance(k, str):
                self.fail(key, f"keys must be text, got {k!r}")
        if allowed is not None:
            unknown = sorted(set(value) - allowed)
            if unknown:
                self.fail(f"{key}.{unknown[0]}" if key else unknown[0],
                          f"unknown key (allowed: {', '.join(sorted(allowed))})")
        for r in sorted(required):
            if r not in value or value[r] in (None, ""):
                self.fail(f"{key}.{r}" if key else r, "required")
        return value

    def text(self, value, key: str, optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(key, f"expected text, got {_kind(value)} {value!r}"[:200])
        return value.strip()

    def texts(self, value, key: str, optional: bool = True, single: bool = False) -> list[str]:
        """A list of text. A lone string is an error (``terms: energy, oil`` is one term, not three)
        unless `single` allows it where one value is natural."""
        if value is None and optional:
            return []
        if isinstance(value, str) and single:
            value = [value]
        if isinstance(value, str):
            items = ", ".join(v.strip() for v in value.split(",") if v.strip())[:100]
            self.fail(key, f"expected a list, got text {value[:100]!r} (write [{items}] or one '- item' per line)")
        if not isinstance(value, list):
            self.fail(key, f"expected a list of text, got {_kind(value)}")
        return [self.text(v, f"{key}[{i}]") for i, v in enumerate(value)]

    def flag(self, value, key: str, default: bool = False) -> bool:
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(key, f"expected true or false, got {value!r}"[:200])
        return value

    def year(self, value, key: str) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1800 <= value <= 2200:
            self.fail(key, f"expected a year such as 2019, got {value!r}")
        return value

    def number(self, value, key: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(key, f"expected a number, got {value!r}")
        return float(value)


def is_shipped(path: str | Path, name: str) -> bool:
    """True when `path` is the default `name` shipped in analysis/data."""
    return _key_of(path) == _key_of(DATA / name)


def merge_entries(shipped: dict, own: dict, replace: bool) -> tuple[dict, str]:
    """Entries of a user's config over the shipped ones: same key replaces, new keys are added
    (in the user's order, after the shipped ones); `replace` drops the shipped entries.

    Returns the merged {key: entry} and a one-line account, e.g. ``2 added, 1 replaced``.
    """
    if replace:
        return dict(own), f"{len(own)} (replacing the shipped {len(shipped)})"
    merged = dict(shipped)
    replaced = sum(1 for k in own if k in shipped)
    merged.update(own)
    return merged, f"{len(shipped)} shipped, {len(own) - replaced} added, {replaced} replaced"


def read_small_csv(path: Path, what: str) -> tuple[list[str], list[tuple[int, dict[str, str]]], str]:
    """Header and rows of a small CSV an analyst keeps, as Excel may save it.

    UTF-8 with or without a byte-order mark ("CSV UTF-8" in Excel); comma,
    semicolon or tab separated (a Russian or German Excel writes ``;``); header
    names in any case. Returns the columns, the rows as (line number,
    {column: text}) and the separator; blank rows (``;;;`` left by Excel) are
    skipped. A file in a legacy code page is
    refused with advice rather than read as mojibake.
    """
    import io

    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path.name}: not UTF-8 text ({exc.reason} at byte {exc.start}); save the {what} as "
                          "UTF-8 (in Excel: Save As, 'CSV UTF-8 (Comma delimited)')") from None
    header = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=header.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if columns is None:
                columns = [c.strip().lower() for c in cells]
                continue
            rows.append((reader.line_num, {c: (cells[i].strip() if i < len(cells) else "")
                                           for i, c in enumerate(columns) if c}))
    except csv.Error as exc:
        raise ConfigError(f"{path.name}: line {reader.line_num}: not a readable CSV ({exc})") from None
    return columns or [], rows, delimiter


def _number(text: str, decimal_comma: bool) -> float:
    """'0.0022', '1 200,5' (decimal comma when the file is not comma separated), '1e9' -> float."""
    t = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("'", "")
    if decimal_comma:
        t = t.replace(",", ".")
    value = float(t)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


def _whole_year(text: str) -> int:
    value = float(text.strip())             # 2023 or 2023.0 (Excel)
    if value != int(value) or not 1800 <= value <= 2200:
        raise ValueError(text)
    return int(value)


def _currency_hint(written: str) -> str:
    """'; did you mean KZT?' for a currency written as a word (tenge), else ''."""
    try:
        from .params import UnknownValue, _vocabs, currency_names
        return f"; did you mean {currency_names(_vocabs()).resolve(written)}?"
    except (UnknownValue, ConfigError, ImportError):
        return ""


def load_rates(path: Path | None) -> dict[tuple[str, int], float]:
    """Exchange rates from a CSV with columns currency, year, usd_per_unit.

    Returns {(ISO code, year): USD per one unit}. No file, no rates: amounts in
    other currencies then stay unconverted (never a made-up rate). Each value
    is checked (an ISO 4217 code, a year, a positive number) and a currency
    and year given twice with different rates is an error naming both lines.
    """
    if path is None or not Path(path).is_file():
        return {}
    name = Path(path).name
    columns, rows, delimiter = read_small_csv(Path(path), "rates file")
    decimal_comma = delimiter != ","          # 0,0022 in a semicolon-separated file
    need = {"currency", "year", "usd_per_unit"}
    if need - set(columns):
        raise ConfigError(f"{name}: header must have columns {', '.join(sorted(need))} "
                          f"(found: {', '.join(c for c in columns if c) or 'none'})")
    rates: dict[tuple[str, int], float] = {}
    first_line: dict[tuple[str, int], int] = {}
    for line, row in rows:
        code = row["currency"].upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ConfigError(f"{name}: line {line}: currency: expected an ISO 4217 code such as KZT, got "
                              f"{row['currency']!r}{_currency_hint(row['currency'])}")
        try:
            year = _whole_year(row["year"])
        except ValueError:
            raise ConfigError(f"{name}: line {line}: year: expected a year such as 2023, got {row['year']!r}") from None
        try:
            rate = _number(row["usd_per_unit"], decimal_comma)
            if rate <= 0:
                raise ValueError(rate)
        except ValueError:
            raise ConfigError(f"{name}: line {line}: usd_per_unit: expected a positive number (US dollars for one "
                              f"{code}), got {row['usd_per_unit']!r}") from None
        key = (code, year)
        if key in rates and rates[key] != rate:
            raise ConfigError(f"{name}: line {line}: {code} {year} is given twice with different rates "
                              f"(line {first_line[key]}: {rates[key]:g}, line {line}: {rate:g})")
        rates[key] = rate
        first_line.setdefault(key, line)
    return rates


def load_reference(path) -> "pd.DataFrame | None":
    """An analyst's series of official figures: CSV with year, value (USD) and optionally source
    (and any other columns, such as parties), read like a rates file (Excel's CSVs included)."""
    import pandas as pd

    if not path:
        return None
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: file not found")
    columns, rows, delimiter = read_small_csv(path, "reference file")
    decimal_comma = delimiter != ","
    missing = {"year", "value"} - set(columns)
    if missing:
        raise ConfigError(f"{path.name}: needs the columns year and value (USD); missing {', '.join(sorted(missing))}")
    out = []
    for line, row in rows:
        try:
            year = _whole_year(row["year"])
        except ValueError:
            raise ConfigError(f"{path.name}: line {line}: year must be a year such as 2019, got {row['year']!r}") from None
        try:
            value = _number(row["value"], decimal_comma)
            if value < 0:
                raise ValueError(value)
        except ValueError:
            raise ConfigError(f"{path.name}: line {line}: value must be a number of US dollars, 0 or more, "
                              f"got {row['value']!r}") from None
        out.append({**row, "year": year, "value": value})
    df = pd.DataFrame(out, columns=list(dict.fromkeys(["year", "value", *[c for c in columns if c]])))
    df["year"] = df["year"].astype(int)
    df["value"] = df["value"].astype(float)
    if "source" not in df.columns:
        df["source"] = ""
    return df.sort_values("year", kind="stable").reset_index(drop=True)
