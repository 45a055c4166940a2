"""Title and abstract by arXiv id from the arXiv API: batched, polite, cached on disk.

arXiv asks bulk users for metadata through its API rather than one PDF download per paper: up to 100
ids go in one request, requests are spaced (3 s by default), and every answer is kept in
``cache_dir/arxiv-meta`` so a re-run asks nothing. The Atom feed is parsed with feedparser.
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import ConfigError, DownloadError, UnknownArxivId
from .files import write_json_atomic

BATCH = 100  # ids per request: arXiv's own advice for id_list queries
_ENTRY_ID = re.compile(r"arxiv\.org/abs/(?P<id>.+?)(?P<version>v\d+)?$")


@dataclass(frozen=True)
class Metadata:
    """What a reading list, a gold file or the arXiv API says about a paper without its PDF."""

    title: str
    abstract: str
    arxiv_id: str | None = None
    version: str | None = None
    authors: tuple[str, ...] = ()
    year: int | None = None


def check_http_url(url: str, setting: str) -> str:
    """Only http(s) endpoints: a ``file://`` URL would read local files, and a typo should fail early."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{setting}={url!r} is not an http(s) URL", hint=f"unset {setting} to use the default")
    return url


class ArxivApi:
    """``get`` one id or ``prefetch`` many; both go through the disk cache and the request spacing."""

    def __init__(self, url: str, cache_dir: Path, delay_s: float = 3.0, timeout_s: float = 30.0) -> None:
        self.url = check_http_url(url, "RLTAXO_ARXIV_API_URL")
        self.dir = cache_dir / "arxiv-meta"
        self.delay_s = delay_s
        self.timeout_s = timeout_s
        self.requests = 0
        self._lock = threading.Lock()
        self._last = float("-inf")
        self._unknown: set[str] = set()
        self._unreachable: str | None = None

    # -- cache -------------------------------------------------------------------------------------
    def _path(self, arxiv_id: str) -> Path:
        return self.dir / (arxiv_id.replace("/", "_") + ".json")

    def cached(self, arxiv_id: str) -> Metadata | None:
        try:
            raw = json.loads(self._path(arxiv_id).read_text(encoding="utf-8"))
            return Metadata(**{**raw, "authors": tuple(raw.get("authors", ()))})
        except (OSError, ValueError, TypeError):
            return None  # absent or unreadable: ask again

    def _store(self, meta: Metadata) -> None:
        assert meta.arxiv_id is not None
        try:
            write_json_atomic(self._path(meta.arxiv_id), asdict(meta))
        except OSError:
            pass  # a cache that cannot be written costs a request next time, nothing more

    # -- requests ----------------------------------------------------------------------------------
    def get(self, arxiv_id: str) -> Metadata:
        found = self.prefetch([arxiv_id])
        if arxiv_id not in found:
            raise UnknownArxivId(f"arXiv:{arxiv_id}: the arXiv API knows no such paper")
        return found[arxiv_id]

    def prefetch(self, ids: list[str]) -> dict[str, Metadata]:
        """Metadata for every id it can get, cached ones first, the rest in requests of up to 100."""
        out: dict[str, Metadata] = {}
        todo: list[str] = []
        for i in dict.fromkeys(ids):
            hit = self.cached(i)
            if hit is not None:
                out[i] = hit
            elif i not in self._unknown:
                todo.append(i)
        for start in range(0, len(todo), BATCH):
            chunk = todo[start : start + BATCH]
            got = self._request(chunk)
            for meta in got:
                assert meta.arxiv_id is not None
                self._store(meta)
                out[meta.arxiv_id] = meta
            self._unknown.update(i for i in chunk if i not in out)
        return out

    def _request(self, ids: list[str]) -> list[Metadata]:
        if self._unreachable:
            raise DownloadError(
                f"arXiv API at {self._unreachable} was unreachable earlier in this run",
                hint="no network? give abstracts (a list with title and abstract, or --abstracts) or PDFs",
            )
        query = urllib.parse.urlencode({"id_list": ",".join(ids), "max_results": str(len(ids))})
        url = f"{self.url}{'&' if '?' in self.url else '?'}{query}"
        req = urllib.request.Request(url, headers={"User-Agent": "rltaxo/0.1 (research paper classifier)"})
        with self._lock:  # polite: one request at a time, spaced by delay_s
            wait = self._last + self.delay_s - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                with urllib.request.urlopen(req, timeout=self.timeout_s) as resp:
                    data: bytes = resp.read()
            except urllib.error.HTTPError as exc:
                raise DownloadError(
                    f"arXiv API answered HTTP {exc.code} for {len(ids)} id(s)", hint="try again later"
                ) from exc
            except (urllib.error.URLError, OSError) as exc:
                self._unreachable = self.url
                raise DownloadError(
                    f"cannot reach the arXiv API at {self.url} ({getattr(exc, 'reason', exc)})",
                    hint="no network? give abstracts (a list with title and abstract, or --abstracts) or PDFs",
                ) from exc
            finally:
                self._last = time.monotonic()
                self.requests += 1
        return parse_feed(data, self.url)


def parse_feed(data: bytes, where: str = "the arXiv API") -> list[Metadata]:
    """Entries of an arXiv Atom feed; error entries and entries without a title are left out."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.get("bozo") and not feed.get("entries"):
        raise DownloadError(f"{where}: the answer is not an Atom feed ({feed.get('bozo_exception')})")
    out: list[Metadata] = []
    for entry in feed.get("entries", []):
        m = _ENTRY_ID.search(str(entry.get("id", "")))
        title = " ".join(str(entry.get("title", "")).split())
        if m is None or "/api/errors" in str(entry.get("id", "")) or not title:
            continue
        published = str(entry.get("published", ""))
        out.append(
            Metadata(
                title=title,
                abstract=" ".join(str(entry.get("summary", "")).split()),
                arxiv_id=m.group("id"),
                version=m.group("version"),
                authors=tuple(str(a.get("name", "")) for a in entry.get("authors", []) if a.get("name")),
                year=int(published[:4]) if published[:4].isdigit() else None,
            )
        )
    return out
