"""Output formats of `briefing extract`: exact CSV, Excel-safe CSV, Parquet and an Excel workbook."""
import csv

import pandas as pd
import pytest

from analysis import export
from analysis.cli import main

HOSTILE_TITLE = '=HYPERLINK("http://example.invalid/x","Click")'


@pytest.fixture
def hostile_corpus(seed_copy):
    """The seeds plus a Russian article whose headline and quote look like spreadsheet formulas."""
    (seed_copy / "formula.txt").write_text(
        f"{HOSTILE_TITLE}\n2026-02-10\n"
        "«+Товарооборот вырос до 1 млрд долларов», — заявил Роман Головченко.\n"
        "@SUM(A1:A9) was written on the wall, said Ann Lee.\n", encoding="utf-8")
    return seed_copy


def _title_cell(rows):
    return next(r["title"] for r in rows if r["article_id"] == "formula.txt")


def test_default_csv_keeps_the_exact_text_for_programs(tmp_path, hostile_corpus):
    assert main(["extract", str(hostile_corpus), "--out", str(tmp_path)]) == 0
    raw = (tmp_path / "articles.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "articles.csv", encoding="utf-8", newline="") as fh:
        assert _title_cell(list(csv.DictReader(fh))) == HOSTILE_TITLE


def test_excel_safe_csv_has_a_bom_and_neutralises_formula_cells(tmp_path, hostile_corpus):
    assert main(["extract", str(hostile_corpus), "--out", str(tmp_path), "--excel-safe"]) == 0
    raw = (tmp_path / "articles.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with open(tmp_path / "articles.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert _title_cell(rows) == "'" + HOSTILE_TITLE
    with open(tmp_path / "quotes.csv", encoding="utf-8-sig", newline="") as fh:
        texts = [r["text"] for r in csv.DictReader(fh) if r["article_id"] == "formula.txt"]
    assert any(t.startswith("'+Товарооборот") for t in texts), texts
    # numbers stay numbers: a negative offset or amount is not text
    figures = pd.read_csv(tmp_path / "figures.csv", encoding="utf-8-sig")
    assert pd.api.types.is_numeric_dtype(figures["start"])


def test_extract_writes_csv_parquet_and_xlsx_with_the_same_rows(tmp_path, hostile_corpus):
    assert main(["extract", str(hostile_corpus), "--out", str(tmp_path), "--format", "csv,parquet,xlsx"]) == 0
    sheets = pd.read_excel(tmp_path / "tables.xlsx", sheet_name=None)
    assert list(sheets)[0] == "README"
    for name in ("articles", "quotes", "figures", "themes", "theme_mentions", "problems"):
        from_csv = pd.read_csv(tmp_path / f"{name}.csv")
        from_parquet = pd.read_parquet(tmp_path / f"{name}.parquet")
        assert len(from_csv) == len(from_parquet) == len(sheets[name]), name
        assert list(from_csv.columns) == list(from_parquet.columns) == list(sheets[name].columns), name
    readme = "\n".join(sheets["README"].iloc[:, 0].dropna().map(str))
    assert "quotes:" in readme and "apostrophe" in readme


def test_xlsx_cells_are_text_never_formulas(tmp_path, hostile_corpus):
    from openpyxl import load_workbook

    assert main(["extract", str(hostile_corpus), "--out", str(tmp_path), "--format", "xlsx"]) == 0
    assert not (tmp_path / "articles.csv").exists()
    ws = load_workbook(tmp_path / "tables.xlsx")["articles"]
    header = [c.value for c in ws[1]]
    cells = [row[header.index("title")] for row in ws.iter_rows(min_row=2)]
    hostile = next(c for c in cells if "HYPERLINK" in str(c.value))
    assert hostile.data_type == "s" and hostile.value == "'" + HOSTILE_TITLE
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_write_xlsx_splits_long_tables_and_drops_illegal_characters(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "XLSX_MAX_ROWS", 4)          # 3 data rows per sheet
    df = pd.DataFrame({"n": range(7), "text": ["ok\x01\x1b[31m", "-5 %", "@x", "a", "b", "c", "x" * 40000]})
    path = export.write_xlsx({"long": df}, tmp_path / "t.xlsx", readme="first line\nsecond line")
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["README", "long", "long (2)", "long (3)"]
    assert sum(len(s) for n, s in sheets.items() if n != "README") == 7
    assert sheets["long"]["text"].tolist() == ["ok[31m", "'-5 %", "'@x"]
    assert len(sheets["long (3)"]["text"][0]) == export.XLSX_MAX_CELL


@pytest.mark.parametrize("spec", ["", ",,,", "docx", "csv,pdf"])
def test_an_unknown_or_empty_format_is_refused_before_any_work(tmp_path, seeds_dir, spec, capsys):
    assert main(["extract", str(seeds_dir), "--out", str(tmp_path / "o"), "--format", spec]) == 2
    assert "--format" in capsys.readouterr().err and not (tmp_path / "o").exists()


def test_parse_formats_accepts_case_spaces_and_duplicates():
    assert export.parse_formats(" CSV, xlsx ,csv") == ("csv", "xlsx")


def test_quotes_carry_their_articles_date_title_and_source_at_the_end(tmp_path, seeds_dir):
    assert main(["extract", str(seeds_dir), "--out", str(tmp_path)]) == 0
    quotes = pd.read_csv(tmp_path / "quotes.csv", keep_default_na=False)
    articles = pd.read_csv(tmp_path / "articles.csv", keep_default_na=False).set_index("article_id")
    assert list(quotes.columns[-3:]) == ["published", "title", "source"]
    assert list(quotes.columns[:3]) == ["article_id", "quote_id", "utterance_id"]      # the old order is kept
    assert len(quotes) > 0 and quotes["source"].ne("").any()
    for _, q in quotes.iterrows():
        a = articles.loc[q["article_id"]]
        assert (q["published"], q["title"], q["source"]) == (a["published"], a["title"], a["source"])


def test_theme_mentions_carry_the_sentence_they_are_in(seed_results):
    m = seed_results.theme_mentions
    assert list(m.columns)[-1] == "sentence" and len(m) > 0
    texts = seed_results.articles.set_index("article_id")["text"]
    for _, r in m.iterrows():
        assert r["surface"] in r["sentence"] and r["sentence"] in texts[r["article_id"]]
        assert "\n" not in r["sentence"] and len(r["sentence"]) < 2000


def test_discrepancies_hold_numbers_in_their_unit_not_display_strings(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Trade up\n2020-03-01\nTrade between Belarus and Kazakhstan reached $1.2 billion "
                                  "in 2019.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Trade down\n2020-03-02\nTrade between Belarus and Kazakhstan reached about "
                                  "$600 million in 2019.\n", encoding="utf-8")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "o"), "--no-cache"]) == 0
    with open(tmp_path / "o" / "discrepancies.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1
    row = rows[0]
    assert row["unit"] == "USD" and "range_a" not in row
    for col in ("value_a", "low_a", "high_a", "value_b", "low_b", "high_b", "ratio"):
        float(row[col])                                   # a number, not "$600 m – $600 m"
    assert float(row["low_a"]) <= float(row["value_a"]) <= float(row["high_a"]) < float(row["low_b"])
    assert not any("$" in v for k, v in row.items() if not k.startswith("surface"))


def _tricky_frame():
    import numpy as np
    text = ["plain", "with, comma", 'a "quoted" word', "two\nlines", "", None, "Кошанов, посол", "trailing ",
            "=SUM(A1)", "plain"]
    return pd.DataFrame({
        "article_id": pd.array([f"a{i % 3}.txt" for i in range(10)], dtype="str"),
        "text": pd.array(text, dtype="str"),
        "obj": pd.Series(text, dtype=object),
        "value": [1e9, float("nan"), 0.1 + 0.2, 1e-05, 1e16, -0.0, float("inf"), 123456789.123, 2.5, 3.0],
        "start": np.arange(10, dtype="int64") * 1000,
        "year": pd.array([2013, None, 2026, None, 1, 2, 3, 4, 5, 6], dtype="Int64"),
        "in_quote": [True, False] * 5,
    })


def test_csv_writer_writes_what_pandas_to_csv_writes(tmp_path):
    from analysis.export import _csv_bytes, write_csv
    df = _tricky_frame()
    for frame in (df, df.iloc[:0], df[["article_id", "value"]], df.iloc[[5]]):
        assert _csv_bytes(frame) is not None       # written by the fast writer, not handed to pandas
        path = write_csv(frame, tmp_path / "t.csv")
        assert path.read_bytes() == frame.to_csv(index=False).encode("utf-8")
        back = pd.read_csv(path, keep_default_na=False, dtype=str)
        assert list(back.columns) == list(frame.columns)
        assert len(back) == len(frame)


def test_csv_writer_falls_back_to_pandas_for_columns_it_does_not_know(tmp_path):
    from analysis.export import _csv_bytes, write_csv
    df = pd.DataFrame({"when": pd.to_datetime(["2026-01-02", None]), "n": [1, 2],
                       "mixed": pd.Series([1, "a"], dtype=object)})
    assert _csv_bytes(df) is None and _csv_bytes(df[["n"]]) is None
    assert write_csv(df, tmp_path / "t.csv").read_bytes() == df.to_csv(index=False).encode("utf-8")


def test_csv_writer_quotes_a_carriage_return_so_the_row_reads_back_whole(tmp_path):
    from analysis.export import write_csv
    df = pd.DataFrame({"a": ["x\ry", "z"], "b": [1, 2]})
    back = pd.read_csv(write_csv(df, tmp_path / "t.csv"), keep_default_na=False)
    assert back["a"].tolist() == ["x\ry", "z"] and back["b"].tolist() == [1, 2]


def test_csv_writer_writes_large_tables_in_pieces_with_the_same_bytes(tmp_path, monkeypatch):
    from analysis import export
    monkeypatch.setattr(export, "_CSV_ROWS", 3)
    df = _tricky_frame()
    assert export.write_csv(df, tmp_path / "t.csv").read_bytes() == df.to_csv(index=False).encode("utf-8")
    # a cell that is not text after the first piece: the whole table goes through pandas instead
    odd = df.assign(obj=pd.Series(["a"] * 9 + [7], dtype=object))
    assert export._csv_bytes(odd) is None
    assert export.write_csv(odd, tmp_path / "o.csv").read_bytes() == odd.to_csv(index=False).encode("utf-8")


def test_tables_written_side_by_side_are_the_files_written_one_after_another(tmp_path, monkeypatch):
    from analysis import export
    frames = {"small": _tricky_frame(), "big": pd.concat([_tricky_frame()] * 50, ignore_index=True),
              "empty": _tricky_frame().iloc[:0]}
    monkeypatch.setattr(export, "WRITE_THREADS", 1)
    one = export.write_frames(frames, tmp_path / "one", formats=("csv", "parquet"))
    monkeypatch.setattr(export, "WRITE_THREADS", 4)
    monkeypatch.setattr(export.os, "cpu_count", lambda: 4)
    many = export.write_frames(frames, tmp_path / "many", formats=("csv", "parquet"))
    assert [p.name for p in many] == [p.name for p in one] == [
        "small.csv", "small.parquet", "big.csv", "big.parquet", "empty.csv", "empty.parquet"]
    for a, b in zip(one, many):
        if a.suffix == ".csv":
            assert a.read_bytes() == b.read_bytes()
        else:
            pd.testing.assert_frame_equal(pd.read_parquet(a), pd.read_parquet(b))


def test_work_on_threads_comes_back_in_order_and_raises_the_first_error_after_all_finished(monkeypatch):
    from analysis import export
    monkeypatch.setattr(export.os, "cpu_count", lambda: 4)
    assert export.in_threads(lambda x: x * 2, [3, 1, 2], weight=lambda x: x) == [6, 2, 4]
    finished = []

    def work(x):
        if x == "bad":
            raise ValueError("cannot write bad")
        finished.append(x)
        return x

    with pytest.raises(ValueError, match="cannot write bad"):
        export.in_threads(work, ["a", "bad", "b", "c"])
    assert sorted(finished) == ["a", "b", "c"]
