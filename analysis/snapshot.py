"""The extraction results of one build, frozen in a folder the notebooks read.

`briefing build` runs `analyse()` once, writes every table here as Parquet
(with the article texts, so a reference can still be traced to its sentence)
and passes the folder to each notebook as the ``snapshot`` parameter. The
notebooks then load it with one call (`analysis.report.prepare(...,
snapshot=DIR)`) instead of re-reading the corpus: every briefing of a build
describes the same articles, even if a file changes while the build runs,
and no notebook repeats the extraction.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd

TABLES = ("articles", "problems", "quotes", "figures", "quantities", "themes", "theme_mentions", "discrepancies")
META = "snapshot.json"


def write(results, folder: str | os.PathLike) -> Path:
    """Write `results` (a `pipeline.Results`) into `folder`; returns the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    for name in TABLES:
        df = getattr(results, name)
        if df is None:
            df = pd.DataFrame()
        df = _plain(df)
        path = folder / f"{name}.parquet"
        df.to_parquet(path, index=False)
        digest.update(name.encode() + b"\0" + pd.util.hash_pandas_object(df.astype(str), index=False).values.tobytes())
    meta = {"root": str(results.corpus.root),
            "manifest": str(results.corpus.manifest) if results.corpus.manifest else "",
            "config": results.config, "digest": digest.hexdigest()}
    (folder / META).write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")
    return folder


def read(folder: str | os.PathLike):
    """The `pipeline.Results` written by `write`; a clear error when the folder is not a snapshot."""
    from .corpus import Corpus
    from .pipeline import Results

    folder = Path(folder)
    meta_path = folder / META
    if not meta_path.is_file():
        raise FileNotFoundError(f"{folder}: not a briefing snapshot (no {META}); "
                                "leave the 'snapshot' parameter blank to analyse corpus_dir instead")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    t = {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLES}
    corpus = Corpus(root=Path(meta["root"]), articles=t["articles"], problems=t["problems"],
                    manifest=Path(meta["manifest"]) if meta.get("manifest") else None)
    return Results(corpus=corpus, quotes=t["quotes"], figures=t["figures"], quantities=t["quantities"],
                   themes=t["themes"], theme_mentions=t["theme_mentions"], discrepancies=t["discrepancies"],
                   config=meta.get("config", {}))


def digest(folder: str | os.PathLike) -> str:
    """Content hash of a snapshot (the same tables give the same digest)."""
    return json.loads((Path(folder) / META).read_text(encoding="utf-8"))["digest"]


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Columns Parquet can store: mixed object columns become text (None stays missing)."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            kinds = {type(v) for v in out[col].dropna()}
            if len(kinds) > 1 and not kinds <= {int, float}:
                out[col] = out[col].map(lambda v: v if v is None or (isinstance(v, float) and pd.isna(v)) else str(v))
    return out
