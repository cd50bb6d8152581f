"""Speed of `briefing fetch` and of reading saved web pages. Never run by the test suite.

    python benchmarks/fetch.py --n 300

1. A local web site (127.0.0.1, threaded http.server) serves N article pages
   (the generated benchmark articles wrapped in a news-site layout: menu,
   banner ads, scripts, related links, comments) and an RSS feed listing them;
   `fetch_sources` collects them with no rate limit (pages per second, end to
   end: HTTP, trafilatura, dedupe, writing), then polls again (the 304 path).
2. `load_corpus` on the N pages saved as .html (pages per second).
3. Hostile pages read by the loader: `<![CDATA[` x 400,000 (3.6 MB), 400,000
   `<` inside a paragraph, 100,000 nested <div>, a 2 MB page of 21,000 distinct paragraphs.
"""
from __future__ import annotations

import argparse
import html
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402

LAYOUT = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} - Agency</title>
<meta property="og:site_name" content="Agency"><meta property="article:published_time" content="{date}">
<script>window.track = function(){{ return "TRACK"; }};</script><style>.ad{{width:300px}}</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/economy">Economy</a></li></ul></nav>
<div class="ad">Advertisement: cheap flights to Minsk</div>
<article><h1>{title}</h1>{body}<div class="share">Share on Facebook | Share on VK</div></article>
<aside><h3>Related</h3><ul><li><a href="/r1">Weather for the weekend</a></li><li><a href="/r2">Football results</a></li></ul></aside>
<section class="comments"><div class="comment">Reader comment: interesting</div></section>
<footer>Copyright 2026 Agency</footer><script>track();</script></body></html>"""


def pages(n: int, work: Path) -> dict[str, bytes]:
    corpus = generate(n, work / "generated")
    out = {}
    for i, path in enumerate(sorted(corpus.glob("*.txt"))):
        lines = [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
        title, body = lines[0], lines[2:] if len(lines) > 2 else lines[1:]
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in body)
        out[f"/news/{i}.html"] = LAYOUT.format(title=html.escape(title), body=paras,
                                               date=f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}").encode()
    return out


def serve(site: dict[str, bytes]):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            body = site.get(self.path.split("?")[0])
            if self.path == "/feed.xml" and self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200 if body is not None else 404)
            ctype = "application/rss+xml" if self.path == "/feed.xml" else "text/html; charset=utf-8"
            self.send_header("Content-Type", ctype)
            self.send_header("ETag", '"v1"')
            body = body or b"not found"
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=300)
    args = ap.parse_args()
    from analysis.corpus import load_corpus
    from analysis.fetch import fetch_sources

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = pages(args.n, work)
        server = serve(site)
        host = f"127.0.0.1:{server.server_address[1]}"
        items = "".join(f"<item><title>Article {i}</title><link>http://{host}{p}</link></item>"
                        for i, p in enumerate(site))
        site["/feed.xml"] = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Agency</title>'
                             f"{items}</channel></rss>").encode()
        corpus = work / "corpus"
        corpus.mkdir()
        (corpus / "sources.yml").write_text(
            f"settings: {{rate_limit: 0}}\nsources:\n  - name: Agency\n    feed: http://{host}/feed.xml\n",
            encoding="utf-8")
        t = time.perf_counter()
        report = fetch_sources(corpus, progress=False, settings={"max_bytes": 10_000_000})
        cold = time.perf_counter() - t
        src = report.sources[0]
        print(f"fetch, {len(site) - 1} pages from a local feed: {cold:.1f} s ({len(src.new) / cold:.1f} pages/s), "
              f"{len(src.new)} new, {len(src.duplicates)} duplicates, {len(src.problems)} problems")
        t = time.perf_counter()
        again = fetch_sources(corpus, progress=False)
        print(f"fetch again (feed answers 304): {time.perf_counter() - t:.2f} s, "
              f"{again.sources[0].requests} request(s), {len(again.new_files)} new")
        server.shutdown()

        saved = work / "saved"
        saved.mkdir()
        for p, body in site.items():
            if p.endswith(".html"):
                (saved / p.rsplit("/", 1)[1]).write_bytes(body)
        t = time.perf_counter()
        c = load_corpus(saved)
        took = time.perf_counter() - t
        print(f"load_corpus, {len(c.articles)} saved .html pages: {took:.1f} s ({len(c.articles) / took:.1f} pages/s, "
              f"{int(c.articles['n_words'].sum()) / took / 1000:.0f}k words/s)")

        hostile = work / "hostile"
        hostile.mkdir()
        para = "<p>Trade between the two countries grew by {} per cent this year, the minister said in Minsk.</p>"
        cases = {
            "cdata.html": "<![CDATA[" * 400_000,
            "lt.html": "<html><body><p>" + "<" * 400_000 + "</p></body></html>",
            "nested.html": "<html><body>" + "<div>" * 100_000 + "<p>hi</p></body></html>",
            "big.html": "<html><body><article>" + "".join(para.format(i) for i in range(21_000)) + "</article></body></html>",
        }
        for name, text in cases.items():
            folder = hostile / name.split(".")[0]
            folder.mkdir()
            (folder / name).write_text(text, encoding="utf-8")
            t = time.perf_counter()
            c = load_corpus(folder)
            outcome = f"{c.articles['n_words'].sum()} words" if len(c.articles) else c.problems.iloc[0]["problem"]
            print(f"load_corpus {name} ({len(text) / 1e6:.1f} MB): {time.perf_counter() - t:.2f} s ({outcome})")


if __name__ == "__main__":
    main()
