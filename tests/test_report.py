"""Briefing text written from the tables."""
from analysis import report


def test_date_range_narrows_every_table(seeds_dir):
    b = report.prepare(str(seeds_dir), "T", since="2026-01-01")
    assert set(b.articles["article_id"]) == {"000_6a241dff57038185.txt", "003_3efd51ac335e2c08.txt"}
    assert list(b.excluded["article_id"]) == ["001_7d2acf906af58596.txt"]
    assert set(b.results.figures["article_id"]) <= set(b.articles["article_id"])
    assert b.refs == {"003_3efd51ac335e2c08.txt": "A1", "000_6a241dff57038185.txt": "A2"}   # by publication date


def test_summary_is_written_from_the_data(seeds_dir):
    b = report.prepare(str(seeds_dir), "T")
    points = report.summary_points(b)
    assert points[0].startswith("3 articles (2,388 words) from BelTA and 2 of unknown source")
    disagree = [p for p in points if p.startswith("Sources disagree on")]
    assert len(disagree) == 1 and disagree[0].startswith("Sources disagree on Belarus–Kazakhstan turnover in 2026: ")
    assert "“a billion and more”" in disagree[0] and "“several billion”" in disagree[0]
    assert any(p.startswith("Aleksandr Lukashenko: 26 statements quoted") for p in points)
    assert any("Serik Akhmetov put trade turnover (2013) at $1 bn" in p for p in points)


def test_values_read_like_a_briefing():
    assert report.value_text({"qualifier": "at_least", "value_usd": 1e9}) == "at least $1 bn"
    assert report.value_text({"qualifier": "more_than", "value_usd": 6e9, "low_usd": 4e9, "high_usd": 8e9,
                              "vague": True}) == "$4 bn – $8 bn (vague)"
    assert report.value_text({"qualifier": "exact", "value_usd": float("nan"), "amount": 5e11, "currency": "KZT"}) \
        == "500,000,000,000 KZT"
    assert report.fmt_date("--02-05") == "5 Feb (year unknown)" and report.fmt_date("2013-04-25") == "25 Apr 2013"


def test_periods_read_like_a_briefing():
    assert [report.period_text(p) for p in ("2019-H1", "2024-Q3", "2023-01/2023-09", "2023-04", "2005/2020", "2019")] == \
        ["H1 2019", "Q3 2024", "Jan–Sep 2023", "Apr 2023", "2005–2020", "2019"]


def test_the_summary_reports_at_most_five_disagreements_one_line_per_group(tmp_path):
    texts = []
    for i, pair in enumerate(["Belarus and Kazakhstan", "Kazakhstan and China", "Russia and China", "Belarus and Russia",
                              "Kazakhstan and Uzbekistan", "Belarus and Uzbekistan", "Russia and Kazakhstan"]):
        for j, value in enumerate(["$1 billion", "$3 billion", "$9 billion"]):
            texts.append((f"a{i}{j}.txt", f"Trade\n\nTrade between {pair} reached {value} in 2019.\n"))
    for name, text in texts:
        (tmp_path / name).write_text(text, encoding="utf-8")
    b = report.prepare(str(tmp_path), "T")
    points = [p for p in report.summary_points(b) if p.startswith("Sources disagree")]
    assert len(points) == 5
    assert all(p.count("“") == 3 for p in points)          # one finding names its three sources
    assert len(b.results.discrepancies) == 7 * 3             # the table keeps every disagreeing pair
