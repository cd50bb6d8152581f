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
    assert any("Serik Akhmetov put Belarus–Kazakhstan turnover (2013) at $1 bn" in p for p in points)   # parties, flow


def test_values_read_like_a_briefing():
    assert report.value_text({"qualifier": "at_least", "value_usd": 1e9}) == "at least $1 bn"
    assert report.value_text({"qualifier": "more_than", "value_usd": 6e9, "low_usd": 4e9, "high_usd": 8e9,
                              "vague": True}) == "$4 bn – $8 bn (vague)"
    assert report.value_text({"qualifier": "exact", "value_usd": float("nan"), "amount": 5e11, "currency": "KZT"}) \
        == "KZT 500 bn"                                          # as the disagreements write it
    assert report.value_text({"qualifier": "range", "value_usd": float("nan"), "amount": 5.5e11, "currency": "KZT"}) \
        == "from KZT 550 bn"                                     # a range with no rate: its lower end, said so
    assert report._times(845300.0) == "845,300" and report._times(1.44) == "1.4" and report._times(2.0) == "2"
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


def test_snapshot_gives_the_same_briefing_as_the_corpus(tmp_path, seeds_dir, seed_results):
    from analysis import snapshot
    folder = snapshot.write(seed_results, tmp_path / "tables")
    from_snapshot = report.prepare("", "T", snapshot=str(folder))
    from_corpus = report.prepare(str(seeds_dir), "T")
    assert report.summary_points(from_snapshot) == report.summary_points(from_corpus)
    assert from_snapshot.results.quotes.equals(from_corpus.results.quotes)
    assert snapshot.digest(folder) == snapshot.digest(snapshot.write(snapshot.read(folder), tmp_path / "again"))


def test_a_folder_that_is_not_a_snapshot_is_named_in_the_error(tmp_path):
    import pytest
    with pytest.raises(FileNotFoundError, match="not a briefing snapshot"):
        report.prepare("", "T", snapshot=str(tmp_path))


def test_corpus_parameter_works_from_any_working_directory(tmp_path, monkeypatch, seeds_dir):
    monkeypatch.chdir(tmp_path)
    assert report.resolve_corpus("") == seeds_dir
    assert report.resolve_corpus("../seeds") == seeds_dir.resolve()      # as seen from notebooks/
    assert report.resolve_corpus("seeds") == seeds_dir.resolve()         # as seen from the project root
    import pytest
    with pytest.raises(FileNotFoundError, match="corpus folder not found: nowhere"):
        report.resolve_corpus("nowhere")


def test_sources_appendix_lists_only_what_was_cited(seeds_dir):
    b = report.prepare(str(seeds_dir), "T")
    report.ref(b, "001_7d2acf906af58596.txt")
    html = report.sources_appendix(b, cited_only=True)
    assert html.count("<tr id='src-") == 1 and "of 3 in the corpus" in html
    assert report.sources_appendix(b).count("<tr id='src-") == 3


def test_a_statement_reported_by_several_articles_is_shown_once_with_the_others(seeds_dir):
    b = report.prepare(str(seeds_dir), "T")
    q = b.results.quotes
    direct = q[(q["kind"] == "direct") & (q["cluster_id"] != "")]
    multi = direct.groupby("cluster_id")["article_id"].nunique()
    cid = multi[multi > 1].index[0]
    st = report._statements(b, q)
    row = st[st["cluster"] == cid]
    assert len(row) == 1 and len(row.iloc[0]["also"]) == multi[cid] - 1
    html = report.speaker_statements(b, per_speaker=50, speakers=50)
    assert "also in" in html


def test_long_tables_are_capped_and_attached_in_full(tmp_path, seeds_dir):
    import pandas as pd
    from openpyxl import load_workbook
    b = report.prepare(str(seeds_dir), "T", out_dir=str(tmp_path), name="nb")
    df = pd.DataFrame({"x": range(100)})
    html = report.capped_table(b, "numbers", df, {"x": "X"}, "Numbers, smallest first", limit=10)
    assert html.count("<tr>") == 11 and "Top 10 of 100 rows (numbers, smallest first)" in html
    assert "nb.xlsx, sheet “numbers”, and nb-numbers.csv" in html
    report.attachments(b)
    assert len(pd.read_csv(tmp_path / "nb-numbers.csv")) == 100
    assert load_workbook(tmp_path / "nb.xlsx").sheetnames == ["README", "numbers"]


def test_dataframes_show_readable_numbers():
    import pandas as pd
    from analysis import style
    old = pd.get_option("display.float_format")
    try:
        style.setup()
        shown = repr(pd.DataFrame({"usd": [1.25e9, 0.1234], "n": [3, 4]}))
        assert "1,250,000,000" in shown and "e+09" not in shown and "0.123" in shown
    finally:
        pd.set_option("display.float_format", old)


def test_headings_in_a_rendered_notebook_carry_no_pilcrow():
    import nbformat
    from analysis import render
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("## Trade with Kazakhstan\n\nText.")])
    html = render.to_html(nb, title="T")
    assert "Trade with Kazakhstan" in html and "¶" not in html


def test_summary_says_what_is_new_since_the_previous_build(tmp_path, seeds_dir, seed_results):
    import copy
    from analysis import snapshot
    before = copy.copy(seed_results)
    before.corpus = copy.copy(seed_results.corpus)
    before.corpus.articles = seed_results.articles.iloc[1:].reset_index(drop=True)
    folder = snapshot.write(before, tmp_path / "previous")
    b = report.prepare(str(seeds_dir), "T")
    assert "Since the previous build: 1 new article(s)." in report.summary_points(b, previous=str(folder))
    same = snapshot.write(seed_results, tmp_path / "same")
    assert "No article was added, changed or removed" in " ".join(report.summary_points(b, previous=str(same)))


def test_no_theme_trend_is_claimed_from_one_article_against_two(seeds_dir):
    b = report.prepare(str(seeds_dir), "T")
    assert not any("first half" in p or "rose from" in p for p in report.summary_points(b))


def test_a_filter_on_the_figures_filters_their_disagreements_too(seeds_dir):
    b = report.prepare(str(seeds_dir), "T")
    assert "several billion" in report.discrepancies_table(b)
    f = b.results.figures
    eur = f[f["currency"] == "EUR"]          # the seeds quote no euro amount: nothing can disagree
    assert "No two sources disagree" in report.discrepancies_table(b, figures=eur)
    one_side = f[f["surface"] != "several billion"]   # drop one side of the only disagreement
    assert "No two sources disagree" in report.discrepancies_table(b, figures=one_side)


def test_largest_amounts_rank_dollars_before_amounts_in_a_currency_with_no_rate(tmp_path):
    (tmp_path / "a.txt").write_text("Budget\n\nThe government will spend 900 billion tenge on roads in 2025.\n\n"
                                    "Trade between Kazakhstan and China reached $43.8 billion in 2024, officials said.\n\n"
                                    "Kazakhstan's exports to Belarus were worth $300 million in 2024.\n", encoding="utf-8")
    b = report.prepare(str(tmp_path), "T")
    html = report.figures_table(b)
    order = [html.index(s) for s in ("$43.8 billion", "$300 million", "900 billion tenge")]
    assert order == sorted(order)


def test_a_deep_dive_of_a_large_corpus_lists_the_articles_it_cites_and_attaches_the_rest(seeds_dir):
    b = report.prepare(str(seeds_dir), "T", name="themes", out_dir="somewhere")
    report.ref(b, "001_7d2acf906af58596.txt")
    html = report.sources_appendix(b, limit=2)           # three articles: more than the limit
    assert html.count("<tr id='src-") == 1
    assert "of 3 in the corpus; every article is listed in themes-sources.csv" in html
    assert len(b.attachments["sources"][0]) == 3         # the full list is attached
    assert report.sources_appendix(b, limit=3).count("<tr id='src-") == 3


def test_each_theme_example_is_a_sentence_from_the_article_that_dwells_most_on_it(seeds_dir):
    b = report.prepare(str(seeds_dir), "T")
    ex = report.theme_examples(b, {"trade": "Trade"})
    th = b.results.themes
    assert list(ex["theme"])[0] == "Trade"                      # the most mentioned theme first, by its label
    assert len(ex) == th["theme"].nunique()
    for _, row in ex.iterrows():
        assert row["example"] and "\n" not in row["example"]
    top = th[th["theme"] == "trade"].sort_values("per_1k_words", ascending=False).iloc[0]["article_id"]
    assert ex.iloc[0]["ref"] == b.refs[top] and top in b.cited


def test_the_summary_leads_with_trade_flows_not_a_larger_budget_or_gdp(tmp_path):
    (tmp_path / "a.txt").write_text(
        "EAEU economy grows\n\nThe combined GDP of the EAEU exceeded $2.5 trillion last year, the commission said. "
        "Trade between Belarus and Kazakhstan reached $1.2 billion in 2025.\n", encoding="utf-8")
    b = report.prepare(str(tmp_path), "T")
    figs = b.results.figures
    assert set(figs["flow"]) >= {"other", "turnover"}          # the GDP is an amount, not a trade flow
    claims = [p for p in report.summary_points(b) if " at " in p and "“" in p]
    assert claims and "Belarus–Kazakhstan turnover (2025) at $1.2 bn" in claims[0]
    assert not any("2.5 tn" in p for p in claims)
    assert report._subject({"parties": "EAEU", "flow": "other"}) == "an amount for EAEU"


def test_quantities_read_with_scale_words():
    assert [report.quantity_text(v) for v in (8e7, 2.67e7, 1.5e9, 5300, 0.25, 12)] == \
        ["80 million", "26.7 million", "1.5 billion", "5,300", "0.25", "12"]


def test_a_claim_without_a_speaker_is_put_by_the_outlet_the_dateline_credits(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Trade grows\n\nMINSK, 8 April (BelTA) - Trade between Belarus and Kazakhstan reached $1.2 billion "
        "in 2025.\n", encoding="utf-8")
    b = report.prepare(str(tmp_path), "T")
    claims = [p for p in report.summary_points(b) if "$1.2 bn" in p]
    assert claims and claims[0].startswith("BelTA put Belarus–Kazakhstan turnover (2025) at $1.2 bn")


def test_a_period_relative_to_an_undated_article_reads_in_english(tmp_path):
    (tmp_path / "ru.txt").write_text(
        "Товарооборот\n\nВ прошлом году товарооборот Беларуси и Казахстана составил 1,2 млрд долларов. "
        "В ближайшие годы стороны рассчитывают довести его до 2 млрд долларов.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(
        "Trade\n\nTrade between Kazakhstan and Uzbekistan reached $4 billion last year, the ministry said.\n",
        encoding="utf-8")
    b = report.prepare(str(tmp_path), "T")
    html = report.figures_table(b)
    assert "прошлом году" not in html and html.count("last year (article undated)") == 2
    assert "in the coming years" in html
    assert report.relative_period_text("2026-H1") == "2026-H1"          # dated periods are left to period_text


def test_unnamed_sources_are_named_by_their_noun_but_counted_for_no_speaker(tmp_path):
    from analysis import charts
    for n in range(2):
        (tmp_path / f"a{n}.txt").write_text(
            f"Grain talks {n}\n\n\"Prices will fall by spring,\" a senior official told reporters.\n\n"
            f"\"We export more every year,\" said Deputy Minister Aizhan Bekova in talk {n}.\n", encoding="utf-8")
    b = report.prepare(str(tmp_path), "T")
    q = b.results.quotes
    unnamed = q[q["confidence"] == "unnamed"]
    assert list(unnamed["speaker"]) == ["official", "official"]     # the noun, in the table
    # two different officials: the briefing counts them for nobody, and lists them for review
    assert not any(p.startswith("official") for p in report.summary_points(b))
    html = report.speaker_statements(b)
    assert "Aizhan Bekova" in html and "official" not in html
    assert "official, unnamed (a senior official)" in report.quotes_list(b)
    fig = charts.quotes_per_speaker(q)
    assert "(unnamed sources)" in [t.get_text() for t in fig.axes[0].get_yticklabels()]
