"""Configuration files (YAML data the analyst edits), validated on load.

Every error names the file and the key path (``speakers.yml: people[2].titles[0].from:
expected a year``), and is raised before any work starts.

Lookup order for each config: an explicit path, then a file of the same name
in the corpus folder (``speakers.yml``, ``themes.yml``, ``rates.csv``), then the
default shipped in ``analysis/data/``.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"


class ConfigError(ValueError):
    """A configuration file is missing, unreadable or invalid; the message names file and key."""


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


def load_yaml(path: Path) -> Any:
    from .corpus import safe_yaml

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        return safe_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}: invalid YAML{where}: {what}") from None


class Checker:
    """Small schema helper: each method checks one value and names its key path on error."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, key: str, msg: str):
        raise ConfigError(f"{self.path.name}: {key}: {msg}")

    def mapping(self, value, key: str, allowed: set[str] | None = None, required: set[str] = frozenset()) -> dict:
        if not isinstance(value, dict):
            self.fail(key, f"expected a mapping, got {type(value).__name__}")
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
            self.fail(key, f"expected text, got {type(value).__name__} {value!r}"[:200])
        return value.strip()

    def texts(self, value, key: str, optional: bool = True) -> list[str]:
        if value is None and optional:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.fail(key, f"expected a list of text, got {type(value).__name__}")
        return [self.text(v, f"{key}[{i}]") for i, v in enumerate(value)]

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


def load_rates(path: Path | None) -> dict[tuple[str, int], float]:
    """Exchange rates from a CSV with columns currency, year, usd_per_unit.

    Returns {(ISO code, year): USD per one unit}. No file, no rates: amounts in
    other currencies then stay unconverted (never a made-up rate).
    """
    if path is None or not Path(path).is_file():
        return {}
    rates: dict[tuple[str, int], float] = {}
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            need = {"currency", "year", "usd_per_unit"}
            if not reader.fieldnames or need - set(reader.fieldnames):
                raise ConfigError(f"{Path(path).name}: header must have columns {', '.join(sorted(need))}")
            for n, row in enumerate(reader, start=2):
                try:
                    rates[(row["currency"].strip().upper(), int(row["year"]))] = float(row["usd_per_unit"])
                except (TypeError, ValueError, AttributeError):
                    raise ConfigError(f"{Path(path).name}: line {n}: currency, year and usd_per_unit must be "
                                      f"a code, a year and a number; got {dict(row)}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return rates


def load_reference(path) -> "pd.DataFrame | None":
    """An analyst's series of official figures: CSV with year, value (USD) and optionally source."""
    import pandas as pd

    if not path:
        return None
    path = Path(path)
    try:
        df = pd.read_csv(path)
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path.name}: not a readable CSV ({' '.join(str(exc).split())[:120]})") from None
    missing = {"year", "value"} - set(df.columns)
    if missing:
        raise ConfigError(f"{path.name}: needs the columns year and value (USD); missing {', '.join(sorted(missing))}")
    for col in ("year", "value"):
        bad = pd.to_numeric(df[col], errors="coerce").isna()
        if bad.any():
            raise ConfigError(f"{path.name}: line {int(bad.idxmax()) + 2}: {col} must be a number, got {df[col][bad.idxmax()]!r}")
    df["year"], df["value"] = df["year"].astype(int), df["value"].astype(float)
    if "source" not in df.columns:
        df["source"] = ""
    return df.sort_values("year")
