"""A local web site for the fetch tests: recorded feeds and pages on 127.0.0.1, never the internet.

Routes (HOST in the recorded files becomes 127.0.0.1:<port>):

* /robots.txt                 disallows /private/
* /feeds/belta-rss.xml        RSS 2.0 with an ETag: 304 when If-None-Match matches
* /feeds/kazinform-atom.xml   Atom with Last-Modified: 304 when If-Modified-Since matches
* /feeds/tengri-broken.xml    RSS that is not well-formed, with broken entries
* /feeds/fulltext-rss.xml     RSS whose entry carries its full text, linking to a page robots.txt forbids
* /feeds/down.xml             always HTTP 500
* /news/<file>                the recorded pages (tengri-trade-ru.html is windows-1251,
                              announced only in its <meta>); anything else is a 404
* /slow/<x>                   answers after `slow_seconds` (longer than the tests' timeout)
* /big/<x>                    5 MB of HTML without Content-Length (read as a stream)
* /loop/a, /loop/b            redirect to each other
* /private/<x>                a page robots.txt forbids
"""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEB = Path(__file__).resolve().parent / "data" / "web"
ETAG = '"belta-v1"'
LAST_MODIFIED = "Wed, 04 Mar 2026 10:00:00 GMT"


class Site:
    def __init__(self):
        self.requests: list[tuple[str, dict]] = []
        self.slow_seconds = 4.0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.host = f"127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):   # keep the test output clean
                pass

            def send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
                     headers: dict | None = None):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):   # the client gave up (timeout test)
                    self.close_connection = True

            def recorded(self, rel: str) -> bytes:
                return (WEB / rel).read_bytes().replace(b"HOST", site.host.encode())

            def do_GET(self):
                site.requests.append((self.path, dict(self.headers)))
                path = self.path.split("?", 1)[0]
                if path == "/robots.txt":
                    return self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
                if path == "/feeds/belta-rss.xml":
                    if self.headers.get("If-None-Match") == ETAG:
                        return self.send(304, headers={"ETag": ETAG})
                    return self.send(200, self.recorded("feeds/belta-rss.xml"), "application/rss+xml",
                                     {"ETag": ETAG})
                if path == "/feeds/kazinform-atom.xml":
                    if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                        return self.send(304)
                    return self.send(200, self.recorded("feeds/kazinform-atom.xml"), "application/atom+xml",
                                     {"Last-Modified": LAST_MODIFIED})
                if path == "/feeds/fulltext-rss.xml":
                    return self.send(200, self.recorded("feeds/fulltext-rss.xml"), "application/rss+xml")
                if path == "/feeds/tengri-broken.xml":
                    return self.send(200, self.recorded("feeds/tengri-broken.xml"), "application/rss+xml")
                if path == "/feeds/down.xml":
                    return self.send(500, b"<h1>Internal Server Error</h1>")
                if path.startswith("/news/") and (WEB / path.lstrip("/")).is_file():
                    ctype = "text/html" if path.endswith("-ru.html") else "text/html; charset=utf-8"
                    return self.send(200, self.recorded(path.lstrip("/")), ctype)
                if path.startswith("/slow/"):
                    time.sleep(site.slow_seconds)
                    return self.send(200, self.recorded("news/president-visit.html"))
                if path.startswith("/big/"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.end_headers()
                    para = b"<p>" + b"The agreement text continues with more clauses. " * 20 + b"</p>\n"
                    try:
                        self.wfile.write(b"<html><body><article>")
                        for _ in range(5_000_000 // len(para) + 1):
                            self.wfile.write(para)
                        self.wfile.write(b"</article></body></html>")
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    self.close_connection = True
                    return
                if path == "/loop/a":
                    return self.send(302, headers={"Location": "/loop/b"})
                if path == "/loop/b":
                    return self.send(302, headers={"Location": site.url("/loop/a")})
                if path.startswith("/private/"):
                    return self.send(200, self.recorded("news/president-visit.html"))
                return self.send(404, b"<h1>Not found</h1>")

        return Handler

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
