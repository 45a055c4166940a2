"""A local stand-in for the arXiv API's query endpoint: made-up Atom entries by id, counted and timed."""

from __future__ import annotations

import time
import urllib.parse
from http.server import BaseHTTPRequestHandler
from typing import Any
from xml.sax.saxutils import escape

from .local_http import LocalHTTPServer, reply

FEED_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>fake</title>'


def entry(arxiv_id: str, title: str, abstract: str, version: str = "v1") -> str:
    return (
        f"<entry><id>http://arxiv.org/abs/{arxiv_id}{version}</id><published>2031-02-03T00:00:00Z</published>"
        f"<title>{escape(title)}</title><summary>{escape(abstract)}</summary>"
        "<author><name>Ada Madeup</name></author></entry>"
    )


class ArxivApiServer(LocalHTTPServer):
    """``papers``: id -> (title, abstract). ``mode``: "ok", "malformed" (not a feed) or "down" (HTTP 503)."""

    def __init__(self, papers: dict[str, tuple[str, str]], mode: str = "ok") -> None:
        self.papers = papers
        self.mode = mode
        self.requests: list[list[str]] = []
        self.times: list[float] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
                ids = [i for i in query.get("id_list", [""])[0].split(",") if i]
                outer.requests.append(ids)
                outer.times.append(time.monotonic())
                if outer.mode == "down":
                    self.send_error(503)
                    return
                if outer.mode == "malformed":
                    body = b"<html><body>Service temporarily unavailable</body>"
                else:
                    entries = "".join(entry(i, *outer.papers[i]) for i in ids if i in outer.papers)
                    body = (FEED_HEAD + entries + "</feed>").encode()
                reply(self, 200, body, "application/atom+xml")

        super().__init__(Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/query"
