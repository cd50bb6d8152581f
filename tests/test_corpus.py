"""The loader on the seeds and on every kind of bad input."""
import os

import pytest

from analysis.corpus import ARTICLE_COLUMNS, load_corpus, parse_date
from analysis.text import normalise, sentences


def test_seeds_load_with_manifest_dates(seeds_dir):
    c = load_corpus(seeds_dir)
    a = c.articles.set_index("article_id")
    assert list(c.articles.columns) == ARTICLE_COLUMNS
    assert len(a) == 3 and c.problems.empty
    assert a.loc["000_6a241dff57038185.txt", "published"] == "2026-02-05"
    assert a.loc["000_6a241dff57038185.txt", "source"] == "BelTA"
    assert a.loc["001_7d2acf906af58596.txt", "published"] == "2013-04-25"
    assert a.loc["003_3efd51ac335e2c08.txt", "published"] == "2026-02-04"
    assert set(a["date_source"]) == {"manifest"}
    assert a.loc["001_7d2acf906af58596.txt", "title"] == "Aleksandr Lukashenko meets with Kazakhstan Prime Minister Serik Akhmetov"


def test_without_manifest_a_day_and_month_stays_partial(seed_copy):
    a = load_corpus(seed_copy).articles.set_index("article_id")
    row = a.loc["000_6a241dff57038185.txt"]
    assert row["published"] == "--02-05"          # 5 February, year unknown
    assert row["date_precision"] == "day" and not row["year_known"] and row["date_source"] == "text"
    assert a.loc["003_3efd51ac335e2c08.txt", "published"] == "2026-02-04"
    assert a.loc["003_3efd51ac335e2c08.txt", "title"].startswith("The intensification of trade")
    assert a.loc["001_7d2acf906af58596.txt", "date_precision"] == "none"


def test_manifest_values_win(seed_copy):
    (seed_copy / "manifest.csv").write_text(
        "file,title,published,source\n000_6a241dff57038185.txt,Other title,2026-02-05,Agency X\n", encoding="utf-8")
    a = load_corpus(seed_copy).articles.set_index("article_id").loc["000_6a241dff57038185.txt"]
    assert (a["title"], a["published"], a["source"], a["date_source"]) == ("Other title", "2026-02-05", "Agency X", "manifest")


@pytest.mark.parametrize("text,iso,precision", [
    ("12:58, 5 February", "--02-05", "day"),
    ("25 April 2013", "2013-04-25", "day"),
    ("April 25, 2013", "2013-04-25", "day"),
    ("2013-04-25", "2013-04-25", "day"),
    ("March 2013", "2013-03", "month"),
    ("5.02.2026", "2026-02-05", "day"),
])
def test_date_lines(text, iso, precision):
    got = parse_date(text)
    assert (got.iso, got.precision) == (iso, precision)


def test_not_a_date():
    assert parse_date("Photo: BELTA") is None and parse_date("• 1") is None


def _bad_corpus(tmp_path):
    d = tmp_path / "bad"
    d.mkdir()
    (d / "good.txt").write_text("Good headline\n25 April 2013\n\n“We will double trade,” the minister said.\n", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("  \n\n", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "cp1251.txt").write_bytes("Минск и Астана\nТоварооборот вырос до 1 млрд долларов.".encode("cp1251"))
    (d / "latin1.txt").write_bytes("Café society in Zürich\nThe naïve façade of the régime.".encode("latin-1"))
    (d / "bom.txt").write_bytes("\ufeffBOM headline\nBody text here.".encode("utf-8"))
    (d / "crlf.txt").write_bytes(b"CRLF headline\r\nLine one.\r\nLine two.\r\n")
    (d / "huge.txt").write_bytes(b"word " * 10_500_000)          # 52 MB
    (d / "mixed.txt").write_bytes(b"Mixed endings\r\nLine one.\nLine two.\rLine three.\r\n")
    (d / "utf16.txt").write_bytes("UTF-16 headline\nText in UTF-16.".encode("utf-16"))
    (d / "broken.md").write_text("---\ntitle: [unclosed\n---\nBody of a markdown article.\n", encoding="utf-8")
    (d / "bomb.md").write_text("---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\ntitle: t\n---\nBody.\n", encoding="utf-8")
    (d / "front.md").write_text("---\ntitle: From front matter\ndate: 2024-03-01\nsource: Agency\nurl: https://example.org/a\n---\nText of it.\n", encoding="utf-8")
    (d / "zz_dupe.txt").write_bytes((d / "good.txt").read_bytes())
    (d / "notes.pdf").write_bytes(b"%PDF-1.4")
    (d / "manifest.csv").write_text("file,title\nmissing.txt,Gone\n", encoding="utf-8")
    sub = d / "sub"
    sub.mkdir()
    (sub / "nested.txt").write_text("Nested headline\nNested text.", encoding="utf-8")
    os.symlink(d, sub / "loop")               # a directory symlink loop
    os.symlink(d / "nowhere.txt", d / "dangling.txt")
    return d


def test_bad_input_is_reported_and_the_rest_is_read(tmp_path):
    d = _bad_corpus(tmp_path)
    before = {p: p.stat().st_mtime for p in d.rglob("*") if p.is_file() and not p.is_symlink()}
    c = load_corpus(d)
    ids = set(c.articles["article_id"])
    assert {"good.txt", "cp1251.txt", "latin1.txt", "bom.txt", "crlf.txt", "front.md", "broken.md", "bomb.md",
            "sub/nested.txt"} <= ids
    probs = {r.file: r.problem for r in c.problems.itertuples()}
    assert "empty" in probs["empty.txt"] and "empty" in probs["blank.txt"]
    assert "binary" in probs["binary.txt"]
    assert "52.5 MB, over the 5 MB limit" in probs["huge.txt"]
    assert "duplicate of good.txt" in probs["zz_dupe.txt"]
    assert "unsupported file type" in probs["notes.pdf"]
    assert "cp1251" in probs["cp1251.txt"] or "1251" in probs["cp1251.txt"]
    assert "not valid YAML" in probs["broken.md"]
    assert "aliases" in probs["bomb.md"]
    assert "dangling.txt" in probs and "cannot read" in probs["dangling.txt"]
    assert any("missing.txt" in p for p in c.problems["problem"])
    a = c.articles.set_index("article_id")
    assert "Минск" in a.loc["cp1251.txt", "text"]
    assert a.loc["latin1.txt", "title"] == "Café society in Zürich"
    assert a.loc["bom.txt", "title"] == "BOM headline"
    assert "\r" not in a.loc["crlf.txt", "text"]
    assert a.loc["mixed.txt", "text"] == "Mixed endings\nLine one.\nLine two.\nLine three.\n"
    assert a.loc["utf16.txt", "title"] == "UTF-16 headline"
    assert a.loc["front.md", "title"] == "From front matter"
    assert (a.loc["front.md", "published"], a.loc["front.md", "date_source"]) == ("2024-03-01", "front_matter")
    assert a.loc["good.txt", "published"] == "2013-04-25"
    # nothing in the corpus folder was touched
    assert before == {p: p.stat().st_mtime for p in d.rglob("*") if p.is_file() and not p.is_symlink()}


@pytest.mark.parametrize("error,message", [
    (FileNotFoundError(2, "No such file or directory"), "cannot read: No such file or directory"),   # gone mid-run
    (PermissionError(13, "Permission denied"), "cannot read: Permission denied"),                   # unreadable
])
def test_a_file_that_cannot_be_read_is_a_problem_not_a_crash(tmp_path, monkeypatch, error, message):
    d = tmp_path / "c"
    d.mkdir()
    (d / "a.txt").write_text("A\ntext", encoding="utf-8")
    (d / "b.txt").write_text("B\ntext", encoding="utf-8")
    import analysis.corpus
    real = analysis.corpus._read_bytes

    def failing(path, max_bytes):
        if path.name == "b.txt":
            raise error
        return real(path, max_bytes)
    monkeypatch.setattr(analysis.corpus, "_read_bytes", failing)
    c = load_corpus(d)
    assert list(c.articles["article_id"]) == ["a.txt"]
    assert c.problems.set_index("file").loc["b.txt", "problem"] == message


def test_normalised_text_keeps_offsets_consistent():
    raw = "Head\r\nCost\u2011accounting\u00a0costs\u00ad $1\u202fbillion.\r\n"
    text = normalise(raw)
    assert text == "Head\nCost-accounting costs $1 billion.\n"
    s = sentences(text)
    assert [text[x.start:x.end] for x in s] == [x.text for x in s]


def test_sentences_respect_abbreviations():
    t = "Mr. Smith met Dr. Jones in the U.S. capital. They agreed. “Fine,” he said."
    got = [s.text for s in sentences(t)]
    assert got[0] == "Mr. Smith met Dr. Jones in the U.S. capital."
    assert len(got) == 3


def test_saved_web_pages_are_read_as_text_without_running_anything(tmp_path):
    (tmp_path / "page.html").write_text(
        '<!doctype html><html><head><title>Talks | Agency</title>'
        '<meta property="article:published_time" content="2024-11-28T14:20:00+05:00">'
        '<meta property="og:site_name" content="Agency"><script>var x = "“not a quote,” he said";</script></head>'
        '<body><nav><a href="/">Home</a></nav><h1>Talks in Astana</h1>'
        '<p>Minister Ann Lee met the delegation.</p><p>&ldquo;Trade reached $1.3 billion,&rdquo; Lee <b>said</b>.</p>'
        '</body></html>', encoding="utf-8")
    a = load_corpus(tmp_path).articles.iloc[0]
    assert a["text"] == "Talks in Astana\nMinister Ann Lee met the delegation.\n“Trade reached $1.3 billion,” Lee said.\n"
    assert (a["title"], a["published"], a["source"], a["date_source"]) == ("Talks in Astana", "2024-11-28", "Agency", "front_matter")


@pytest.mark.parametrize("lead, outlet", [
    ("ALMATY, March 12 (Reuters) - Kazakhstan's railway plans to spend more.", "Reuters"),
    ("TBILISI, Georgia (AP) — Georgia's government signed a deal.", "Associated Press"),
    ("ASTANA. KAZINFORM – The government will allocate funds.", "Kazinform"),
    ("МОСКВА, 25 марта. /ТАСС/. Россия и Иран договорились.", "TASS"),
    ("14 мая, Минск /Корр. БЕЛТА/. Президент Беларуси провел встречу.", "BelTA"),
    ("Москва. 8 июля. ИНТЕРФАКС - ПАО КАМАЗ подписал соглашение.", "Interfax"),
    ("ЕРЕВАН, 18 ноя — Sputnik. Товарооборот Армении вырос.", "Sputnik"),
    ("АКИpress, Бишкек, 28 мая. На границе открылся пункт пропуска.", "AKIpress"),
    ("By RFE/RL's Kyrgyz Service", "RFE/RL"),
])
def test_the_outlet_credited_in_the_dateline_is_the_source(tmp_path, lead, outlet):
    (tmp_path / "a.txt").write_text(f"Headline of the story\n\n{lead}\n\nMore text follows here.\n", encoding="utf-8")
    assert load_corpus(tmp_path).articles.iloc[0]["source"] == outlet


@pytest.mark.parametrize("lead", [
    "Talgat Abenov, head of KTZ, told Reuters in an interview that the line would open.",
    "The ambassador told a Kazinform correspondent about the prospects of trade.",
    "Trend analysis shows that exports grew by a fifth.",
    "Experts at Bloomberg Economics expect slower growth.",
])
def test_an_outlet_named_in_running_text_is_not_the_source(tmp_path, lead):
    (tmp_path / "a.txt").write_text(f"Headline of the story\n\n{lead}\n", encoding="utf-8")
    assert load_corpus(tmp_path).articles.iloc[0]["source"] == ""


def test_a_source_in_front_matter_wins_over_the_dateline(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: T\nsource: Kursiv\n---\nALMATY, March 12 (Reuters) - Text here.\n",
                                   encoding="utf-8")
    assert load_corpus(tmp_path).articles.iloc[0]["source"] == "Kursiv"
