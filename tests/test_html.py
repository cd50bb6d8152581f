"""Saved web pages (.html) in a corpus go through trafilatura: main text only, nothing run."""
from pathlib import Path

from analysis.corpus import html_to_text, load_corpus

WEB = Path(__file__).resolve().parent / "data" / "web" / "news"


def test_only_the_article_body_of_a_cluttered_page_is_read(tmp_path):
    (tmp_path / "belta.html").write_bytes((WEB / "belta-grain-deal.html").read_bytes())
    corpus = load_corpus(tmp_path)
    a = corpus.articles.iloc[0]
    lines = a["text"].split("\n")
    assert lines[0] == "Belarus, Kazakhstan agree to double grain machinery supplies"
    assert lines[1].startswith("MINSK, 2 March (BelTA) - Belarus and Kazakhstan have agreed")
    assert "“" not in lines[2] and lines[2].startswith('"Last year our mutual trade reached $1.4 billion')
    for junk in ("TRACKER", "ADVERT", "Sponsored", "INLINE-AD", "Share on", "Related news", "Weather", "COMMENT",
                 "All rights reserved", "Home", "Politics"):
        assert junk not in a["text"], junk
    assert (a["published"], a["source"], a["date_source"]) == ("2026-03-02", "BelTA", "front_matter")
    assert corpus.problems.empty


def test_a_windows_1251_page_is_decoded_and_dated_from_its_meta_tags(tmp_path):
    (tmp_path / "tengri.html").write_bytes((WEB / "tengri-trade-ru.html").read_bytes())
    corpus = load_corpus(tmp_path)
    a = corpus.articles.iloc[0]
    assert a["title"] == "Казахстан и Беларусь увеличат товарооборот"
    assert "довести взаимный товарооборот до 2 миллиардов долларов" in a["text"]
    assert "РЕКЛАМА" not in a["text"] and "СЧЁТЧИК" not in a["text"]
    assert (a["published"], a["language"]) == ("2026-03-03", "ru")
    assert "decoded as" in corpus.problems.iloc[0]["problem"]          # said, not silently guessed


def test_json_ld_gives_the_date_and_author_when_meta_tags_do_not():
    text, meta = html_to_text((WEB / "astana-times-logistics.html").read_text(encoding="utf-8"))
    assert meta["published"] == "2026-03-04" and meta["author"] == "Aida Nurlanova"
    assert meta["source"] == "The Astana Times"
    assert "AT-SCRIPT" not in text and "NEWSLETTER" not in text


def test_a_page_with_no_article_is_skipped_with_a_reason(tmp_path):
    (tmp_path / "cdata.html").write_text("<![CDATA[" * 400_000, encoding="utf-8")   # 3.6 MB of one token
    (tmp_path / "menu.html").write_text("<html><body><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a>"
                                        "</li></ul><script>alert(1)</script></body></html>", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.articles.empty
    assert dict(zip(corpus.problems["file"], corpus.problems["problem"])) == {
        "cdata.html": "no text (only front matter or white space)",
        "menu.html": "no text (only front matter or white space)"}


def test_markup_in_a_page_arrives_as_plain_text_never_as_tags():
    html = ("<html><body><article><h1>Talks</h1><p>The minister wrote &lt;script&gt;alert(1)&lt;/script&gt; "
            "in his post, and said trade grew by a fifth to reach a record level this year.</p>"
            "<p>Officials from both countries met in Minsk to discuss supplies of machinery.</p>"
            "<script>document.title='PWNED'</script></article></body></html>")
    text, _ = html_to_text(html)
    assert "<script>alert(1)</script>" in text          # the page's text, shown as text downstream
    assert "PWNED" not in text
