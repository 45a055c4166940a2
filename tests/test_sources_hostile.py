"""Sources a hostile user or a faulty network produces: each a one-line error, nothing cached wrongly."""

from __future__ import annotations

import os
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from classifier.errors import ConfigError, SourceNotFound
from classifier.settings import Settings

from .conftest import SAMPLE, run_cli
from .local_http import LocalHTTPServer


class FlakyPdfServer(LocalHTTPServer):
    """Serves a PDF by id: first ``bad`` answers cut short (or garbage), then the whole file."""

    def __init__(self, pdf: bytes, bad: int, mode: str) -> None:
        self.pdf, self.bad, self.mode, self.hits = pdf, bad, mode, 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                outer.hits += 1
                body = outer.pdf
                self.send_response(200)
                self.send_header("content-type", "application/pdf")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                if outer.hits <= outer.bad:
                    if outer.mode == "truncate":
                        self.wfile.write(body[: len(body) // 2])
                        self.wfile.flush()
                        self.connection.shutdown(2)
                        return
                    body = b"%PDF-1.7\n" + os.urandom(len(body) - 16) + b"\n%%EOF\n"
                self.wfile.write(body)

        super().__init__(Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/pdf/"


def test_a_truncated_download_is_an_error_and_is_not_cached(env: dict[str, str], tmp_path: Path) -> None:
    with FlakyPdfServer(SAMPLE.read_bytes(), bad=1, mode="truncate") as srv:
        e = {**env, "RLTAXO_ARXIV_URL": srv.url}
        r1 = run_cli("classify", "2101.00001", "--from", "pdf", env=e)
        r2 = run_cli("classify", "2101.00001", "--from", "pdf", env=e)
    assert r1.returncode == 1 and ("cut off" in r1.stderr or "incomplete" in r1.stderr), r1.stderr
    assert "Traceback" not in r1.stderr
    assert r2.returncode == 0, r2.stderr  # nothing bad was cached: the second run downloads it whole


def test_a_cached_download_that_does_not_parse_is_fetched_once_more(env: dict[str, str], tmp_path: Path) -> None:
    with FlakyPdfServer(SAMPLE.read_bytes(), bad=1, mode="garbage") as srv:
        r = run_cli("classify", "2101.00001", "--from", "pdf", env={**env, "RLTAXO_ARXIV_URL": srv.url})
        assert srv.hits == 2
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("url", ["notaurl", "file:///etc/passwd"])
def test_arxiv_url_must_be_http(env: dict[str, str], url: str) -> None:
    r = run_cli("classify", "2101.00001", env={**env, "RLTAXO_ARXIV_URL": url})
    assert r.returncode == 2 and "RLTAXO_ARXIV_URL" in r.stderr and "Traceback" not in r.stderr
    with pytest.raises(ConfigError):
        from classifier.pipeline import Reader

        Reader(Settings(arxiv_url=url))


def test_odd_paths_get_clear_messages(env: dict[str, str], tmp_path: Path) -> None:
    from classifier.sources import parse_source

    loop = tmp_path / "loop.pdf"
    loop.symlink_to(loop)
    with pytest.raises(SourceNotFound, match="loop of symbolic links"):
        parse_source(str(loop))
    with pytest.raises(SourceNotFound, match="file name too long"):
        parse_source(str(tmp_path / ("x" * 300 + ".pdf")))
    with pytest.raises(SourceNotFound, match="empty source"):
        parse_source("  ")
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    for bad in (str(fifo), "/dev/zero", str(tmp_path)):
        r = run_cli("classify", bad, env=env, timeout=60)
        assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
        assert "not a regular file" in r.stderr or "is a folder" in r.stderr
    lst = tmp_path / "list.txt"
    lst.write_text(f"{tmp_path / ('y' * 300 + '.pdf')}\n{SAMPLE}\n")
    r = run_cli("batch", str(lst), env=env)  # one bad line never stops a batch
    assert r.returncode == 1 and "1 labeled" in r.stdout, r.stdout + r.stderr
