"""A local stand-in for OpenAlex's works endpoint: made-up works by DOI, abstracts as inverted indexes,
an optional 429 first, requests counted (with their query) for politeness checks."""

from __future__ import annotations

import json
import urllib.parse
from http.server import BaseHTTPRequestHandler
from typing import Any

from .local_http import LocalHTTPServer, reply


def inverted(abstract: str) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for i, word in enumerate(abstract.split()):
        index.setdefault(word, []).append(i)
    return index


class OpenAlexServer(LocalHTTPServer):
    """``works``: DOI (lower case) -> (title, abstract); ``throttle_first``: answer the first request 429."""

    def __init__(self, works: dict[str, tuple[str, str]], throttle_first: bool = False) -> None:
        self.works = works
        self.throttle_first = throttle_first
        self.queries: list[dict[str, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                query = {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).items()}
                outer.queries.append(query)
                if outer.throttle_first and len(outer.queries) == 1:
                    reply(self, 429, b"", "application/json", {"Retry-After": "0"})
                    return
                wanted = query.get("filter", "").removeprefix("doi:").split("|")
                results = [
                    {"doi": f"https://doi.org/{d}", "title": outer.works[d][0],
                     "abstract_inverted_index": inverted(outer.works[d][1]) if outer.works[d][1] else None}
                    for d in wanted if d in outer.works
                ]  # fmt: skip
                reply(self, 200, json.dumps({"meta": {"count": len(results)}, "results": results}).encode(),
                      "application/json")  # fmt: skip

        super().__init__(Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/works"
