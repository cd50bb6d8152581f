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
    assert any(p.startswith("Sources disagree on trade turnover in 2026") for p in points)
    assert any(p.startswith("Aleksandr Lukashenko: 26 statements quoted") for p in points)
    assert any("Serik Akhmetov put trade turnover (2013) at $1 bn" in p for p in points)


def test_values_read_like_a_briefing():
    assert report.value_text({"qualifier": "at_least", "value_usd": 1e9}) == "at least $1 bn"
    assert report.value_text({"qualifier": "more_than", "value_usd": 6e9, "low_usd": 4e9, "high_usd": 8e9,
                              "vague": True}) == "$4 bn – $8 bn (vague)"
    assert report.value_text({"qualifier": "exact", "value_usd": float("nan"), "amount": 5e11, "currency": "KZT"}) \
        == "500,000,000,000 KZT"
    assert report.fmt_date("--02-05") == "5 Feb (year unknown)" and report.fmt_date("2013-04-25") == "25 Apr 2013"
