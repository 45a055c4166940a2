"""Abstracts by DOI from OpenAlex, for reading-list entries that have a DOI but no abstract or arXiv id
(about a sixth of a real Zotero library): batched, polite, cached on disk.

Up to 50 DOIs go in one request (``filter=doi:A|B|...``; OpenAlex takes up to 100 OR-ed values), with
``mailto`` when RLTAXO_MAILTO is set (OpenAlex's polite pool), one request at a time spaced by
``delay_s``; a 429 is waited out once as its Retry-After says (at most a minute), then given up on.
Every answer, a DOI OpenAlex does not know included, is kept in ``cache_dir/doi-meta`` so a re-run asks
nothing. OpenAlex gives abstracts as an inverted index (word -> positions); it is put back in order
here. Nothing here is fatal: an entry whose abstract cannot be had is classified from its title.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from .arxiv_api import check_http_url
from .errors import DownloadError
from .files import write_json_atomic
from .retry import retry_after_s

BATCH = 50
MAX_RETRY_AFTER_S = 60.0


def normal_doi(doi: str) -> str:
    """``https://doi.org/10.1/AbC`` and ``doi:10.1/abc`` → ``10.1/abc`` (DOIs are case-insensitive)."""
    d = doi.strip().lower()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"):
        if d.startswith(prefix):
            d = d[len(prefix) :]
    return d if d.startswith("10.") and "/" in d else ""


def abstract_from_index(index: object) -> str:
    """OpenAlex's ``abstract_inverted_index`` as text."""
    if not isinstance(index, dict):
        return ""
    at: dict[int, str] = {}
    for word, positions in index.items():
        for pos in positions if isinstance(positions, list) else ():
            if isinstance(pos, int) and 0 <= pos < 20_000:
                at[pos] = str(word)
    return " ".join(at[i] for i in sorted(at))


class DoiApi:
    def __init__(self, url: str, cache_dir: Path, mailto: str = "", delay_s: float = 0.2,
                 timeout_s: float = 30.0) -> None:  # fmt: skip
        self.url = check_http_url(url, "RLTAXO_DOI_API_URL")
        self.dir = cache_dir / "doi-meta"
        self.mailto = mailto
        self.delay_s = delay_s
        self.timeout_s = timeout_s
        self.requests = 0
        self._lock = threading.Lock()
        self._last = float("-inf")

    def _path(self, doi: str) -> Path:
        return self.dir / (hashlib.sha256(doi.encode()).hexdigest()[:32] + ".json")

    def cached(self, doi: str) -> dict[str, str] | None:
        try:
            data = json.loads(self._path(doi).read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else None
        except (OSError, ValueError):
            return None

    def _store(self, doi: str, title: str, abstract: str) -> None:
        try:
            write_json_atomic(self._path(doi), {"doi": doi, "title": title, "abstract": abstract})
        except OSError:
            pass  # a cache that cannot be written costs a request next time, nothing more

    def lookup(self, dois: list[str]) -> dict[str, dict[str, str]]:
        """``{doi: {"title", "abstract"}}`` for every DOI OpenAlex knows (abstract may be empty)."""
        wanted = [d for d in dict.fromkeys(normal_doi(x) for x in dois) if d]
        out: dict[str, dict[str, str]] = {}
        todo = []
        for d in wanted:
            hit = self.cached(d)
            if hit is None:
                todo.append(d)
            elif hit.get("title") or hit.get("abstract"):
                out[d] = hit
        for start in range(0, len(todo), BATCH):
            chunk = todo[start : start + BATCH]
            found = self._request(chunk)
            for d in chunk:
                title, abstract = found.get(d, ("", ""))
                self._store(d, title, abstract)  # a miss too: a re-run asks nothing
                if title or abstract:
                    out[d] = {"doi": d, "title": title, "abstract": abstract}
        return out

    def _request(self, dois: list[str]) -> dict[str, tuple[str, str]]:
        params = {"filter": "doi:" + "|".join(dois), "per-page": str(len(dois)),
                  "select": "doi,title,abstract_inverted_index"}  # fmt: skip
        if self.mailto:
            params["mailto"] = self.mailto
        url = f"{self.url}{'&' if '?' in self.url else '?'}{urllib.parse.urlencode(params)}"
        req = urllib.request.Request(url, headers={"User-Agent": "rltaxo/0.1 (research paper classifier)"})
        with self._lock:
            for attempt in (1, 2):
                wait = self._last + self.delay_s - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                try:
                    with urllib.request.urlopen(req, timeout=self.timeout_s) as resp:
                        data: bytes = resp.read(20_000_000)
                    break
                except urllib.error.HTTPError as exc:
                    headers: Any = exc.headers or {}
                    missing = headers.get("Retry-After") is None  # a 429 without one: a second's pause
                    retry = 1.0 if missing else retry_after_s(headers, MAX_RETRY_AFTER_S)
                    if exc.code == 429 and attempt == 1 and retry is not None:
                        time.sleep(retry)
                        continue
                    raise DownloadError(f"OpenAlex answered HTTP {exc.code} for {len(dois)} DOI(s)") from exc
                except (urllib.error.URLError, OSError) as exc:
                    raise DownloadError(f"cannot reach OpenAlex at {self.url} ({getattr(exc, 'reason', exc)})") from exc
                finally:
                    self._last = time.monotonic()
                    self.requests += 1
        try:
            results: Any = json.loads(data).get("results", [])
        except (ValueError, AttributeError) as exc:
            raise DownloadError(f"OpenAlex's answer is not JSON ({exc})") from exc
        out: dict[str, tuple[str, str]] = {}
        for work in results if isinstance(results, list) else ():
            if not isinstance(work, dict):
                continue
            d = normal_doi(str(work.get("doi") or ""))
            if d:
                title = " ".join(str(work.get("title") or "").split())
                out[d] = (title, " ".join(abstract_from_index(work.get("abstract_inverted_index")).split()))
        return out
