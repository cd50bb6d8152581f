"""Writers for the extracted tables: CSV (exact, or Excel-safe), Parquet and Excel workbooks.

- ``csv``: UTF-8, header row, the exact text, for programs (the contract of
  ``briefing extract``).
- ``csv`` with ``excel_safe=True``: for double-clicking into Excel on Windows:
  a UTF-8 byte-order mark (so Cyrillic is read as UTF-8, not the ANSI code
  page), CRLF line ends, and text cells that Excel would take for a formula
  (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return)
  prefixed with an apostrophe, as OWASP advises against CSV injection.
- ``parquet``: typed columns, the exact text.
- ``xlsx``: one workbook, a sheet per table plus a README sheet; text cells
  are neutralised like the Excel-safe CSV, and control characters that the
  format cannot hold are dropped.

Every file is written to a temporary name and renamed into place, so a
reader never sees half a table.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

FORMATS = ("csv", "parquet", "xlsx")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_ROWS = 1_048_576          # rows per sheet, header included
XLSX_MAX_CELL = 32_767             # characters per cell
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(value):
    """`value` made safe for a spreadsheet: text that would start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            s = out[col]
            mask = s.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_START))
            if mask.any():
                out[col] = s.where(~mask, "'" + s[mask].astype(str))
    return out


def parse_formats(spec: str | Iterable[str]) -> tuple[str, ...]:
    """'csv,parquet' -> ('csv', 'parquet'); raises ValueError naming an unknown or missing format."""
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    formats = []
    for item in items:
        f = str(item).strip().lower().lstrip(".")
        if not f:
            continue
        if f not in FORMATS:
            raise ValueError(f"unknown format '{item.strip()}' (choose from {', '.join(FORMATS)})")
        if f not in formats:
            formats.append(f)
    if not formats:
        raise ValueError(f"no format given (choose from {', '.join(FORMATS)})")
    return tuple(formats)


def _replace_into(tmp: Path, path: Path) -> Path:
    os.replace(tmp, path)
    return path


def write_csv(df: pd.DataFrame, path: str | os.PathLike, *, excel_safe: bool = False) -> Path:
    """One table as CSV; `excel_safe` adds the BOM, CRLF line ends and neutralises formula-like cells."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if excel_safe:
            _neutralise_frame(df).to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n")
        else:
            chunks = _csv_chunks(df)
            try:
                if chunks is not None:
                    with open(tmp, "wb") as fh:
                        for piece in chunks:
                            fh.write(piece)
            except _NOT_WRITTEN:
                chunks = None        # a cell the fast writer cannot take (e.g. a lone surrogate): pandas decides
            if chunks is None:
                df.to_csv(tmp, index=False, encoding="utf-8")
        return _replace_into(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _csv_cells(col: pd.Series):
    """A column's cells as pandas' ``to_csv`` writes them (an Arrow array of text, no nulls), or None
    for a kind of column this writer does not know (the table then goes through pandas).

    Text is quoted once per distinct value (an Arrow dictionary), since the
    long columns (a mention's sentence, an article id) repeat their values."""
    import numpy as np
    import pyarrow as pa

    dtype = col.dtype
    if isinstance(dtype, np.dtype):
        values = col.to_numpy()
        if dtype.kind == "b":
            return pa.array(np.where(values, "True", "False"), type=pa.large_string())
        if dtype.kind in "iu":
            return pa.array(values).cast(pa.large_string())        # Arrow writes integers as str() does
        if dtype.kind == "f":
            # numpy's str() of a float is the shortest repr, as pandas writes it ("1000000000.0", "1e-05")
            cells = values.astype(str)
            cells[np.isnan(values)] = ""
            return pa.array(cells, type=pa.large_string())
        if dtype != object:
            return None
        if not all(v is None or type(v) is str or (type(v) is float and v != v) for v in values):
            return None
        arr = pa.array([None if type(v) is float else v for v in values], type=pa.large_string())
    elif isinstance(dtype, pd.Int64Dtype | pd.Int32Dtype | pd.Int16Dtype | pd.Int8Dtype):
        return pa.array(["" if v is None else str(v) for v in col.to_numpy(dtype=object, na_value=None)],
                        type=pa.large_string())
    elif pd.api.types.is_string_dtype(dtype):
        arr = pa.array(col)
    else:
        return None
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    coded = arr.dictionary_encode()
    distinct = pa.concat_arrays([_csv_quoted_array(coded.dictionary), pa.array([""], type=pa.large_string())])
    return distinct.take(coded.indices.fill_null(len(distinct) - 1))


def _text_scalar(value: str):
    """`value` as an Arrow scalar of the type the writer's columns have (Arrow joins only text of one type)."""
    import pyarrow as pa
    return pa.scalar(value, type=pa.large_string())


def _csv_quoted_array(values):
    """Every value of an Arrow text array as the csv module writes it with minimal quoting (and a carriage
    return always quoted, so that the row reads back whole), in Arrow."""
    import pyarrow as pa
    import pyarrow.compute as pc

    values = values.cast(pa.large_string())
    mark = _text_scalar('"')
    quoted = pc.binary_join_element_wise(mark, pc.replace_substring(values, '"', '""'), mark, _text_scalar(""))
    return pc.if_else(pc.match_substring_regex(values, '[,"\n\r]'), quoted, values)


def _csv_lines(cols: list) -> bytes:
    """The rows of a table whose cells `_csv_cells` gave, as CSV bytes: joined cell by cell in Arrow, whose
    text buffer is then the file's bytes."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    lines = pc.binary_join_element_wise(*cols, _text_scalar(",")) if len(cols) > 1 else cols[0]
    lines = pc.binary_join_element_wise(lines, _text_scalar(""), _text_scalar("\n"))   # each row, then its line end
    if isinstance(lines, pa.ChunkedArray):
        lines = lines.combine_chunks()
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int64)[lines.offset:lines.offset + len(lines) + 1]
    return lines.buffers()[2].slice(int(offsets[0]), int(offsets[-1] - offsets[0])).to_pybytes() if len(lines) else b""


# what makes the fast CSV writer hand a table to pandas (Arrow's errors are ValueErrors, TypeErrors or
# NotImplementedErrors; a lone surrogate fails to encode)
_NOT_WRITTEN = (TypeError, ValueError, NotImplementedError, UnicodeEncodeError)
_CSV_ROWS = 50_000     # rows formatted at a time: the memory of a chunk, not of the whole file


def _csv_chunks(df: pd.DataFrame):
    """The table as UTF-8 CSV, as ``df.to_csv(index=False)`` writes it (about twice as fast on large
    tables), in pieces of bytes; None when a column is of a kind it does not know, or for the csv
    module's special cases (fewer than two columns, names that are not text), which pandas then writes."""
    if len(df.columns) < 2 or not all(isinstance(c, str) for c in df.columns) or not df.columns.is_unique:
        return None
    # every column is checked before the first byte is written
    kinds = [_csv_cells(df[c].iloc[:0]) for c in df.columns]
    if any(k is None for k in kinds):
        return None

    def pieces():
        yield pd.DataFrame(columns=df.columns).to_csv(index=False).encode("utf-8")
        for at in range(0, len(df), _CSV_ROWS):
            part = df.iloc[at:at + _CSV_ROWS]
            cols = [_csv_cells(part[c]) for c in part.columns]
            if any(c is None for c in cols):      # an object column holding something other than text
                raise TypeError("a column the CSV writer does not know")
            yield _csv_lines(cols)
    return pieces()


def _csv_bytes(df: pd.DataFrame) -> bytes | None:
    """`_csv_chunks` joined: the whole CSV file as bytes, or None."""
    chunks = _csv_chunks(df)
    try:
        return None if chunks is None else b"".join(chunks)
    except _NOT_WRITTEN:
        return None


def write_parquet(df: pd.DataFrame, path: str | os.PathLike) -> Path:
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        df.to_parquet(tmp, index=False)
        return _replace_into(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _xlsx_cell(value):
    """A value openpyxl can store without turning it into a formula or failing on XML-illegal characters."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:      # NaN: an empty cell
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, str):
        value = _ILLEGAL_XML.sub("", value)
        if len(value) > XLSX_MAX_CELL:
            value = value[:XLSX_MAX_CELL - 1] + "…"
        return neutralise(value)
    if hasattr(value, "item") and not isinstance(value, (list, tuple, dict)):
        try:
            return value.item()                            # numpy scalar -> Python
        except (ValueError, AttributeError):
            pass
    if isinstance(value, (list, tuple, dict, set)):
        return neutralise(str(value))
    return value


def _xlsx_rows(df: pd.DataFrame):
    """Rows of plain Python values, prepared a column at a time (numbers stay numbers, NaN is empty)."""
    cols = []
    for name in df.columns:
        s = df[name]
        if pd.api.types.is_bool_dtype(s) or pd.api.types.is_integer_dtype(s) and not s.hasnans:
            cols.append(s.tolist())
        elif pd.api.types.is_float_dtype(s):
            cols.append([None if v != v else v for v in s.tolist()])
        else:
            cols.append([_xlsx_cell(v) for v in s.tolist()])
    return zip(*cols) if cols else iter(())


def _sheet_name(name: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", str(name))[:31] or "sheet"
    candidate, n = base, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate, n = base[:31 - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate


def write_xlsx(frames: Mapping[str, pd.DataFrame], path: str | os.PathLike, readme: str = "") -> Path:
    """An Excel workbook with one sheet per frame (in order), and a first sheet README when `readme` is given.

    Text cells are stored as text (never as formulas) and those starting with
    ``= + - @`` get a leading apostrophe; a table longer than a sheet
    continues on sheets named ``name (2)``, ``name (3)`` …
    """
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    path = Path(path)
    wb = Workbook(write_only=True)
    used: set[str] = set()
    if readme:
        ws = wb.create_sheet(_sheet_name("README", used))
        ws.column_dimensions["A"].width = 120
        for line in readme.splitlines():
            ws.append([_xlsx_cell(line)])
    for name, df in frames.items():
        columns = [str(c) for c in df.columns]
        per_sheet = XLSX_MAX_ROWS - 1
        chunks = range(0, max(len(df), 1), per_sheet)
        for k, start in enumerate(chunks):
            ws = wb.create_sheet(_sheet_name(name if k == 0 else f"{name} ({k + 1})", used))
            for i, col in enumerate(columns, start=1):
                ws.column_dimensions[get_column_letter(i)].width = min(60, max(10, len(col) + 2))
            ws.freeze_panes = "A2"
            ws.append([_xlsx_cell(c) for c in columns])
            for row in _xlsx_rows(df.iloc[start:start + per_sheet]):
                ws.append(row)
    if not used:
        wb.create_sheet("empty")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        wb.save(tmp)
        return _replace_into(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_frames(frames: Mapping[str, pd.DataFrame], out: str | os.PathLike, *,
                 formats: Iterable[str] = ("csv",), excel_safe: bool = False,
                 workbook: str = "tables.xlsx", readme: str = "") -> list[Path]:
    """Write each frame as ``out/<name>.csv`` / ``.parquet`` and all of them into ``out/<workbook>``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    formats = parse_formats(formats)

    def one(name: str) -> list[Path]:
        df = frames[name]
        paths = []
        if "csv" in formats:
            paths.append(write_csv(df, out / f"{name}.csv", excel_safe=excel_safe))
        if "parquet" in formats:
            paths.append(write_parquet(df, out / f"{name}.parquet"))
        return paths

    names = list(frames)
    by_table = in_threads(one, names, weight=lambda name: frames[name].size)
    written = [p for paths in by_table for p in paths]
    if "xlsx" in formats:
        written.append(write_xlsx(frames, out / workbook, readme=readme))
    return written


WRITE_THREADS = 4      # at most this many tables are written at once (and never more than the cores)


def in_threads(fn, items: list, weight=None) -> list:
    """``[fn(x) for x in items]``, run on a few threads: Arrow's CSV joins, Parquet writing and hashing
    release the GIL, so the tables of a run are written side by side on the cores the extraction has left.
    The heaviest items (by `weight`) start first; results come in the order of `items`, and the first
    error is raised after every item has finished. Each item is one table: no two threads touch one frame."""
    threads = min(WRITE_THREADS, os.cpu_count() or 1, len(items))
    if threads <= 1:
        return [fn(x) for x in items]
    from concurrent.futures import ThreadPoolExecutor, wait
    order = sorted(range(len(items)), key=lambda i: -weight(items[i])) if weight else range(len(items))
    with ThreadPoolExecutor(threads) as pool:
        futures = {i: pool.submit(fn, items[i]) for i in order}
        wait(futures.values())
    return [futures[i].result() for i in range(len(items))]
