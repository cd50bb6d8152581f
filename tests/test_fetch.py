"""briefing fetch: feeds and pages from a local web site (tests/webserver.py) into a corpus folder."""
from __future__ import annotations

import json

import pytest

from analysis.cli import main
from analysis.config import ConfigError
from analysis.corpus import load_corpus
from analysis.fetch import STATE_NAME, fetch_sources, load_sources
from webserver import ETAG, LAST_MODIFIED, Site

# a timeout the slow page exceeds (a loaded machine still answers in time), one retry, no waiting
FAST = dict(timeout=1.5, retries=1, backoff=0, rate_limit=0)


@pytest.fixture(scope="module")
def site():
    import os

    old = os.environ.get("NO_PROXY")
    os.environ["NO_PROXY"] = "127.0.0.1"      # a proxy set on the machine must not see the local site
    with Site() as s:
        yield s
    if old is None:
        os.environ.pop("NO_PROXY", None)
    else:
        os.environ["NO_PROXY"] = old


def write_sources(corpus, site, *, dead=True, extra=""):
    text = f"""
settings:
  contact: https://example.org/briefing
sources:
  - name: BelTA
    feed: {site.url('/feeds/belta-rss.xml')}
    language: en
  - name: Kazinform
    feed: {site.url('/feeds/kazinform-atom.xml')}
  - name: Tengrinews
    feed: {site.url('/feeds/tengri-broken.xml')}
    language: ru
  - name: President
    pages: [{site.url('/news/president-visit.html')}]
""" + (f"""  - name: Dead agency
    feed: {site.url('/feeds/down.xml')}
""" if dead else "") + extra
    (corpus / "sources.yml").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def first_run(site, tmp_path_factory):
    corpus = tmp_path_factory.mktemp("fetched")
    write_sources(corpus, site)
    start = len(site.requests)
    report = fetch_sources(corpus, settings=FAST, progress=False)
    return corpus, report, site.requests[start:]


def by_name(report):
    return {s.name: s for s in report.sources}


def test_new_articles_land_as_markdown_with_front_matter(first_run):
    corpus, report, _ = first_run
    assert sorted(report.new_files) == [
        "belta/2026-03-02-belarus-kazakhstan-agree-to-double-grain-machinery-supplies.md",
        "kazinform/2026-03-04-new-rail-route-links-almaty-and-minsk-in-eleven-days.md",
        "president/2026-02-20-head-of-state-holds-talks-with-the-prime-minister-of.md",
        "tengrinews/2026-03-03-kazakhstan-i-belarus-uvelichat-tovarooborot.md",
    ]
    text = (corpus / report.new_files[0]).read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    for key in ("title:", "date: '2026-03-02'", "source: BelTA", "url: http://", "language: en", "fetched_at:",
                "feed: http://"):
        assert key in head
    assert body.startswith("Belarus, Kazakhstan agree to double grain machinery supplies\nMINSK, 2 March (BelTA)")


def test_the_loader_reads_what_fetch_wrote(first_run):
    corpus, report, _ = first_run
    arts = load_corpus(corpus).articles.set_index("article_id")
    assert len(arts) == 4
    ru = arts.loc["tengrinews/2026-03-03-kazakhstan-i-belarus-uvelichat-tovarooborot.md"]
    assert (ru["title"], ru["published"], ru["source"], ru["language"]) == (
        "Казахстан и Беларусь увеличат товарооборот", "2026-03-03", "Tengrinews", "ru")
    assert "«В прошлом году товарооборот между нашими странами составил около 1,4 миллиарда долларов." in ru["text"]
    astana = arts.loc["kazinform/2026-03-04-new-rail-route-links-almaty-and-minsk-in-eleven-days.md"]
    assert (astana["published"], astana["date_source"]) == ("2026-03-04", "front_matter")


def test_scripts_ads_menus_and_comments_stay_out(first_run):
    corpus, report, _ = first_run
    text = "\n".join((corpus / f).read_text(encoding="utf-8") for f in report.new_files)
    for junk in ("TRACKER-SCRIPT", "INLINE-AD", "ADVERT", "Sponsored", "Share on", "Related news", "COMMENT-TEXT",
                 "Weather forecast", "All rights reserved", "NEWSLETTER", "AT-SCRIPT", "СЧЁТЧИК", "РЕКЛАМА",
                 "КОММЕНТАРИЙ", "Главная", "<p>", "<script"):
        assert junk not in text, junk
    assert "Farmers there have bought more than 2,000 Belarusian machines" in text


def test_a_syndicated_copy_is_kept_once_and_listed(first_run):
    corpus, report, _ = first_run
    kaz = by_name(report)["Kazinform"]
    assert [d["url"].rsplit("/", 1)[1] for d in kaz.duplicates] == ["kazinform-grain-deal.html"]
    assert kaz.duplicates[0]["of"].startswith("belta/2026-03-02-")
    assert not any("grain" in f for f in kaz.new)


def test_each_failure_is_reported_and_the_rest_goes_on(first_run):
    corpus, report, requests = first_run
    belta = by_name(report)["BelTA"]
    problems = {p["url"].split("/", 3)[3]: p["problem"] for p in belta.problems}
    assert problems["news/removed-story.html"].startswith("HTTP 404")
    assert problems["slow/forum.html"].startswith("timed out") and "tried again on the next run" in problems["slow/forum.html"]
    assert problems["big/agreement.html"].startswith("too large")
    assert problems["loop/a"].startswith("redirect loop")
    assert problems["private/draft.html"].startswith("disallowed by the site's robots.txt")
    assert not any(p.startswith("/private/") for p, _ in requests)          # robots.txt obeyed: never asked
    dead = by_name(report)["Dead agency"]
    assert dead.status == "failed" and "HTTP 500 after 2 attempts" in dead.error
    tengri = by_name(report)["Tengrinews"]
    assert any("not well-formed" in p["problem"] for p in tengri.problems)
    assert any("Запись без ссылки" in p["problem"] and "no article link" in p["problem"] for p in tengri.problems)
    assert report.exit_code == 0


def test_requests_name_the_tool_and_it_reads_robots_once(first_run):
    _, _, requests = first_run
    agents = {h.get("User-Agent") for _, h in requests}
    assert len(agents) == 1 and agents.pop().startswith("briefing/0.1.0 (news corpus fetcher; +https://example.org/")
    assert [p for p, _ in requests].count("/robots.txt") == 1


def test_second_run_fetches_nothing_new_and_unchanged_feeds_cost_a_304(site, first_run):
    corpus, first, _ = first_run
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.rglob("*.md")}
    start = len(site.requests)
    again = fetch_sources(corpus, settings=FAST, progress=False)
    asked = site.requests[start:]
    assert again.new_files == []
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.rglob("*.md")} == before
    feeds = {p: h for p, h in asked if p.startswith("/feeds/")}
    assert feeds["/feeds/belta-rss.xml"].get("If-None-Match") == ETAG
    assert feeds["/feeds/kazinform-atom.xml"].get("If-Modified-Since") == LAST_MODIFIED
    status = {s.name: s.status for s in again.sources}
    assert status["BelTA"] == status["Kazinform"] == "not_modified"
    # only the feeds and the page that timed out (tried again) are asked for; no article page twice
    pages = [p for p, _ in asked if not p.startswith("/feeds/") and p != "/robots.txt"]
    assert set(pages) == {"/slow/forum.html"}


def test_every_source_failing_exits_1_and_names_it(site, tmp_path, capsys):
    (tmp_path / "sources.yml").write_text(f"sources:\n  - name: Dead agency\n    feed: {site.url('/feeds/down.xml')}\n"
                                          f"settings: {{timeout: 5, retries: 0, rate_limit: 0}}\n", encoding="utf-8")
    assert main(["fetch", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Dead agency" in err and "HTTP 500" in err


def test_quiet_under_cron_when_all_is_well(site, tmp_path, capsys):
    (tmp_path / "sources.yml").write_text(
        f"sources:\n  - name: President\n    pages: [{site.url('/news/president-visit.html')}]\n"
        f"settings: {{rate_limit: 0}}\n", encoding="utf-8")
    assert main(["fetch", str(tmp_path)]) == 0
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""              # captured output is not a terminal
    assert main(["fetch", str(tmp_path), "-v"]) == 0
    assert "President: 0 new" in capsys.readouterr().out


def test_since_skips_older_articles_without_asking_for_them(site, tmp_path):
    write_sources(tmp_path, site, dead=False)
    start = len(site.requests)
    report = fetch_sources(tmp_path, since="2026-03-01", settings=FAST, progress=False)
    asked = [p for p, _ in site.requests[start:]]
    assert "/news/old-story.html" not in asked and "/big/agreement.html" not in asked
    assert sorted(f.split("/")[0] for f in report.new_files) == ["belta", "kazinform", "tengrinews"]
    president = by_name(report)["President"]
    assert president.skipped == [{"url": site.url("/news/president-visit.html"),
                                  "reason": "published 2026-02-20, before --since 2026-03-01"}]


def test_existing_files_are_never_overwritten_and_known_urls_not_fetched(site, tmp_path):
    (tmp_path / "president").mkdir()
    taken = tmp_path / "president" / "2026-02-20-head-of-state-holds-talks-with-the-prime-minister-of.md"
    taken.write_text("an analyst's own note\n", encoding="utf-8")
    (tmp_path / "saved.md").write_text(f"---\ntitle: Saved by hand\nurl: {site.url('/news/astana-times-logistics.html')}"
                                       f"\n---\nSaved text.\n", encoding="utf-8")
    write_sources(tmp_path, site, dead=False)
    start = len(site.requests)
    report = fetch_sources(tmp_path, settings=FAST, progress=False)
    assert taken.read_text(encoding="utf-8") == "an analyst's own note\n"
    assert "president/2026-02-20-head-of-state-holds-talks-with-the-prime-minister-of-2.md" in report.new_files
    assert "/news/astana-times-logistics.html" not in [p for p, _ in site.requests[start:]]
    assert json.loads((tmp_path / STATE_NAME).read_text(encoding="utf-8"))["version"] == 1


def test_a_source_polled_within_its_interval_is_not_due(site, tmp_path):
    (tmp_path / "sources.yml").write_text(
        f"sources:\n  - name: President\n    interval: 1d\n    pages: [{site.url('/news/president-visit.html')}]\n",
        encoding="utf-8")
    fetch_sources(tmp_path, settings=FAST, progress=False)
    start = len(site.requests)
    again = fetch_sources(tmp_path, settings=FAST, progress=False)
    assert again.sources[0].status == "not_due" and site.requests[start:] == []


def test_include_and_exclude_keywords_filter_articles(site, tmp_path):
    (tmp_path / "sources.yml").write_text(f"""
sources:
  - name: Kazinform
    feed: {site.url('/feeds/kazinform-atom.xml')}
    include: [container]
  - name: BelTA
    feed: {site.url('/feeds/belta-rss.xml')}
    exclude: [harvesters, Photo gallery]
""", encoding="utf-8")
    report = fetch_sources(tmp_path, settings=FAST, progress=False)
    kaz, belta = by_name(report)["Kazinform"], by_name(report)["BelTA"]
    assert [f.split("/")[1][:16] for f in kaz.new] == ["2026-03-04-new-r"]
    assert any(s["reason"] == "none of the include keywords" for s in kaz.skipped)
    assert belta.new == []
    reasons = [s["reason"] for s in belta.skipped]
    assert "excluded keyword 'harvesters' in title or summary" in reasons
    assert "excluded keyword 'Photo gallery' in title or summary" in reasons


@pytest.mark.parametrize("text, message", [
    ("sources: []\n", "sources.yml:1 sources: expected a non-empty list"),
    ("sources:\n  - feed: https://x.org/rss\n", "sources.yml:2 sources[0].name: required"),
    ("sources:\n  - name: A\n", "sources.yml:2 sources[0] (A): source 'A' needs a 'feed'"),
    ("sources:\n  - name: A\n    feed: ftp://x.org/rss\n", "sources.yml:3 sources[0] (A).feed: expected an http(s) URL"),
    ("sources:\n  - name: A\n    pages: [https://x.org/a, x.org/b]\n",
     "sources.yml:3 sources[0] (A).pages[1]: expected an http(s) URL"),
    ("sources:\n  - name: A\n    feed: https://x.org/rss\n    interval: often\n",
     "sources.yml:4 sources[0] (A).interval: expected a duration"),
    ("sources:\n  - name: A\n    feed: https://x.org/rss\n    include: Belarus, Minsk\n",
     "sources.yml:4 sources[0] (A).include: expected a list"),
    ("sources:\n  - name: A\n    feed: https://x.org/rss\n    lang: en\n", "sources[0] (A).lang: unknown key"),
    ("sources:\n  - {name: A, feed: 'https://x.org/1'}\n  - {name: a, feed: 'https://x.org/2'}\n",
     "sources.yml:3 sources[1] (a).name: 'a' is used"),
    ("sources:\n  - {name: A, feed: 'https://x.org/1'}\nsettings: {timeout: 0}\n",
     "sources.yml:3 settings.timeout: expected a positive"),
])
def test_invalid_sources_file_names_the_file_and_key(tmp_path, text, message):
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_sources(path)
    assert message in str(err.value)


def test_bad_sources_file_exits_2_before_any_request(site, tmp_path, capsys):
    (tmp_path / "sources.yml").write_text("sources:\n  - name: A\n    feed: not a url\n", encoding="utf-8")
    start = len(site.requests)
    assert main(["fetch", str(tmp_path)]) == 2
    assert "sources.yml:3 sources[0] (A).feed: expected an http(s) URL" in capsys.readouterr().err
    assert site.requests[start:] == []
    assert main(["fetch", str(tmp_path), "--since", "yesterday"]) == 2


def test_the_shipped_example_sources_file_is_valid():
    from pathlib import Path

    sources, _ = load_sources(Path(__file__).resolve().parent.parent / "analysis" / "examples" / "sources.yml")
    assert {"BelTA", "Kazinform", "The Astana Times", "Tengrinews"} <= {s.name for s in sources}


def test_build_with_fetch_collects_first_and_records_the_sources_in_the_manifest(site, tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "sources.yml").write_text(f"""
settings: {{rate_limit: 0, timeout: 5}}
sources:
  - name: President
    pages: [{site.url('/news/president-visit.html')}]
  - name: Kazinform
    feed: {site.url('/feeds/kazinform-atom.xml')}
""", encoding="utf-8")
    assert main(["build", str(corpus), "--fetch", "--out", str(out), "--notebook", "briefing",
                 "--format", "html", "--no-cache"]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["fetch"]["polled"] == ["President", "Kazinform"]
    assert {s["name"]: s["articles"] for s in manifest["fetch"]["sources"]} == {"President": 1, "Kazinform": 2}
    assert sorted(i["file"] for i in manifest["inputs"]) == sorted(
        f for s in manifest["fetch"]["sources"] for f in s["new"])
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert "Collection: the articles were fetched from news feeds and web pages" in html
    assert "President (1 new), Kazinform (2 new)" in html


def test_the_methodology_sentence_names_each_polled_source_and_what_it_gave(first_run):
    from analysis.fetch import collection_note

    corpus, _, _ = first_run
    note = collection_note(corpus)
    assert note.startswith("Collection: the articles were fetched from news feeds and web pages")
    for part in ("BelTA (", "Kazinform (", "Tengrinews (", "President (", "Dead agency (failed: feed http"):
        assert part in note, part
    assert "Articles fetched per source so far: BelTA 1; Kazinform 1; Tengrinews 1; President 1." in note


def test_a_corpus_never_fetched_into_has_no_collection_note(tmp_path):
    from analysis.fetch import collection_note

    assert collection_note(tmp_path) is None


def test_a_feed_full_text_is_kept_when_the_page_may_not_be_fetched(site, tmp_path):
    (tmp_path / "sources.yml").write_text(
        f"sources:\n  - name: Ministry\n    feed: {site.url('/feeds/fulltext-rss.xml')}\n", encoding="utf-8")
    start = len(site.requests)
    report = fetch_sources(tmp_path, settings=FAST, progress=False)
    assert not any(p.startswith("/private/") for p, _ in site.requests[start:])
    [new] = report.new_files
    text = (tmp_path / new).read_text(encoding="utf-8")
    assert new == "ministry/2026-03-05-ministers-sign-a-road-map-on-industrial-cooperation.md"
    assert "\nThe industry ministers of Belarus and Kazakhstan signed a road map" in text
    assert "“" not in text and '"The road map gives every project a deadline' in text
    assert report.sources[0].problems[0]["problem"] == ("page not fetched (disallowed by the site's robots.txt); "
                                                       "the feed's own full text kept")


def test_an_unexpected_error_in_one_source_is_reported_and_the_others_go_on(site, tmp_path, monkeypatch):
    from analysis import fetch

    def broken(self, url, rep, validators):
        if "kazinform" in url:
            raise KeyError("surprise")
        return original(self, url, rep, validators)

    original = fetch._Fetcher.poll_feed
    monkeypatch.setattr(fetch._Fetcher, "poll_feed", broken)
    (tmp_path / "sources.yml").write_text(f"""
sources:
  - {{name: Kazinform, feed: '{site.url('/feeds/kazinform-atom.xml')}'}}
  - {{name: President, pages: ['{site.url('/news/president-visit.html')}']}}
""", encoding="utf-8")
    report = fetch_sources(tmp_path, settings=FAST, progress=False)
    kaz, president = report.sources
    assert kaz.status == "failed" and kaz.error == "unexpected KeyError: 'surprise'"
    assert len(president.new) == 1 and report.exit_code == 0
