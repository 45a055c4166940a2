"""A local stand-in for arxiv.org/pdf/: serves PDFs from a folder by id, 404 for the rest, counts hits."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from .local_http import LocalHTTPServer


class ArxivServer(LocalHTTPServer):
    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files
        self.hits: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                ident = self.path.strip("/").removeprefix("pdf/").removesuffix(".pdf")
                outer.hits.append(ident)
                path = outer.files.get(ident)
                if path is None:
                    self.send_error(404)
                    return
                data = path.read_bytes()
                self.send_response(200)
                self.send_header("content-type", "application/pdf")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        super().__init__(Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/pdf/"
