"""A Zotero library in place: read a collection's papers, write labels back as tags, undo.

A small client for the Zotero API (version 3): the local API of a running Zotero 7 (127.0.0.1:23119,
read-only, no key) or the web API (``RLTAXO_ZOTERO_LIBRARY``: ``users/123`` or ``groups/456``, and
``RLTAXO_ZOTERO_KEY``, which is sent only as a header and never printed, logged or cached). pyzotero
would be the library for this, but it pins bibtexparser below 2.0 and rltaxo reads BibTeX with 2.x;
the part of the API used here is small: paginated reads, ``Backoff``/``Retry-After``, and writes of at
most 50 items a request, each with its version, so that an item edited in Zotero meanwhile is refused
(412) and never overwritten.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError, DownloadError, OutputError, UsageError
from .readinglist import _arxiv_in
from .retry import retry_after_s

LOCAL_URL = "http://127.0.0.1:23119/api"
WEB_URL = "https://api.zotero.org"
NOT_PAPERS = {"note", "attachment", "annotation"}
WRITE_BATCH = 50
PAGE = 100
MAX_WAIT_S = 120.0
_LIBRARY = re.compile(r"^(users|groups)/\d+$")


@dataclass
class Library:
    """Where the library is and how to reach it."""

    base: str
    prefix: str  # "users/0" for the local API
    key: str = ""
    sleep: Any = time.sleep  # tests pass a recorder
    requests: int = 0
    waited: list[float] = field(default_factory=list)
    version: int = 0  # the library's version as last seen (Last-Modified-Version)

    @classmethod
    def from_settings(cls, library: str, key: str, base: str | None = None) -> Library:
        if library:
            if not _LIBRARY.match(library):
                raise ConfigError(f"RLTAXO_ZOTERO_LIBRARY={library!r} is not users/<id> or groups/<id>",
                                  hint="your user id is on zotero.org/settings/keys")  # fmt: skip
            if not key:
                raise ConfigError(
                    "the Zotero web API needs RLTAXO_ZOTERO_KEY", hint="make a key on zotero.org/settings/keys"
                )
            return cls(base or WEB_URL, library, key)
        return cls(base or LOCAL_URL, "users/0")

    @property
    def local(self) -> bool:
        return not self.key

    # -- HTTP --------------------------------------------------------------------------------
    def _call(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None,
              query: dict[str, str] | None = None) -> tuple[int, Any, dict[str, str]]:  # fmt: skip
        url = f"{self.base}/{self.prefix}/{path}" + (f"?{urllib.parse.urlencode(query)}" if query else "")
        h = {"Zotero-API-Version": "3", "User-Agent": "rltaxo/0.1", **(headers or {})}
        if self.key:
            h["Zotero-API-Key"] = self.key
        data = None if body is None else json.dumps(body).encode()
        if data is not None:
            h["Content-Type"] = "application/json"
        for _ in range(5):
            req = urllib.request.Request(url, data=data, method=method, headers=h)
            self.requests += 1
            try:
                with urllib.request.urlopen(req, timeout=60) as resp:
                    status, raw, rh = (
                        resp.status,
                        resp.read(50_000_000),
                        {k.lower(): v for k, v in resp.headers.items()},
                    )
            except urllib.error.HTTPError as exc:
                status, raw = exc.code, exc.read(1_000_000)
                rh = {k.lower(): v for k, v in (exc.headers or {}).items()}
            except (urllib.error.URLError, OSError) as exc:
                raise self._unreachable(exc) from None
            wait = retry_after_s(rh, MAX_WAIT_S) if status in (429, 503) else None
            if wait is not None:
                self._wait(wait)
                continue
            if rh.get("last-modified-version", "").isdigit():
                self.version = int(rh["last-modified-version"])
            backoff = _seconds(rh.get("backoff"))
            if backoff:
                self._wait(backoff)  # the server asks for a pause before the next request
            if status in (401, 403):
                raise ConfigError(
                    f"Zotero refused the key (HTTP {status}): wrong, expired or read-only",
                    hint="check RLTAXO_ZOTERO_KEY's access on zotero.org/settings/keys",
                )
            if status == 404 and not path.startswith("items/"):
                raise UsageError(f"Zotero: no such library or collection ({self.prefix}/{path.split('?')[0]})",
                                 hint="check RLTAXO_ZOTERO_LIBRARY and the collection's name or key")  # fmt: skip
            try:
                payload = json.loads(raw) if raw else None
            except ValueError:
                payload = None
            return status, payload, rh
        raise DownloadError("Zotero kept asking to wait (rate limited); nothing more was written", hint="try later")

    def _wait(self, seconds: float) -> None:
        seconds = min(seconds, MAX_WAIT_S)
        self.waited.append(seconds)
        self.sleep(seconds)

    def _unreachable(self, exc: Exception) -> DownloadError:
        if self.local:
            return DownloadError(
                f"Zotero's local API at {self.base} does not answer ({getattr(exc, 'reason', exc)})",
                hint="start Zotero 7 and tick Settings › Advanced › Allow other applications on this computer to "
                "communicate with Zotero; or use the web API (RLTAXO_ZOTERO_LIBRARY and RLTAXO_ZOTERO_KEY)",
            )
        return DownloadError(f"cannot reach the Zotero web API at {self.base} ({getattr(exc, 'reason', exc)})")

    def _pages(self, path: str, query: dict[str, str] | None = None) -> Iterator[dict[str, Any]]:
        start = 0
        while True:
            status, payload, headers = self._call("GET", path, query={**(query or {}), "start": str(start),
                                                                       "limit": str(PAGE)})  # fmt: skip
            if status != 200 or not isinstance(payload, list):
                raise DownloadError(f"Zotero answered HTTP {status} for {path}")
            yield from (p for p in payload if isinstance(p, dict))
            total = int(headers.get("total-results", "0") or 0)
            start += len(payload)
            if not payload or start >= total:
                return

    # -- reads -------------------------------------------------------------------------------
    def collection_key(self, name_or_key: str) -> str:
        """A collection's key from its key or its name (case-insensitive); one line if none or several."""
        cols = list(self._pages("collections"))
        by_key = [c for c in cols if c.get("key") == name_or_key]
        if by_key:
            return name_or_key
        named = [c for c in cols if str(c.get("data", {}).get("name", "")).lower() == name_or_key.lower()]
        if len(named) != 1:
            what = "no collection" if not named else f"{len(named)} collections"
            raise UsageError(f"Zotero: {what} named {name_or_key!r}",
                             hint="give the collection's key (8 characters, in its URL) instead")  # fmt: skip
        return str(named[0]["key"])

    def papers(self, collection: str | None = None, tag: str | None = None) -> tuple[list[dict[str, Any]], int]:
        """Top-level items that are papers (not notes, attachments or annotations), and how many were
        skipped for having no title."""
        path = f"collections/{self.collection_key(collection)}/items/top" if collection else "items/top"
        out, untitled = [], 0
        for item in self._pages(path, {"tag": tag} if tag else None):
            data = item.get("data", {})
            if data.get("itemType") in NOT_PAPERS:
                continue
            if not str(data.get("title") or "").strip():
                untitled += 1
                continue
            out.append(item)
        return out, untitled

    def item(self, key: str) -> dict[str, Any] | None:
        status, payload, _ = self._call("GET", f"items/{key}")
        return payload if status == 200 and isinstance(payload, dict) else None

    # -- writes ------------------------------------------------------------------------------
    def write_tags(self, changes: list[tuple[str, int, list[dict[str, Any]]]]) -> dict[str, str]:
        """Each (key, version, tags) written, 50 a request, each guarded by its version. Returns the keys
        not written, with why ("412": edited meanwhile; or the server's message)."""
        if self.local:
            raise UsageError(
                "Zotero's local API is read-only: writing tags needs the web API",
                hint="set RLTAXO_ZOTERO_LIBRARY and RLTAXO_ZOTERO_KEY (a key with write access)",
            )
        failed: dict[str, str] = {}
        for start in range(0, len(changes), WRITE_BATCH):
            chunk = changes[start : start + WRITE_BATCH]
            body = [{"key": k, "version": v, "tags": tags} for k, v, tags in chunk]
            status, payload, _ = self._call("POST", "items", body=body)
            if status == 412:
                failed.update({k: "412" for k, _, _ in chunk})
                continue
            if status != 200 or not isinstance(payload, dict):
                raise OutputError(f"Zotero answered HTTP {status} to a write of {len(chunk)} item(s)",
                                  hint="nothing after this batch was written; re-run to resume")  # fmt: skip
            for idx, err in (payload.get("failed") or {}).items():
                key = chunk[int(idx)][0]
                failed[key] = "412" if isinstance(err, dict) and err.get("code") == 412 else str(err)
        return failed

    def notes_of(self, key: str, tag: str) -> list[str]:
        """Keys of the item's child notes that carry ``tag`` (rltaxo's own notes)."""
        return [str(c.get("key")) for c in self._pages(f"items/{key}/children")
                if c.get("data", {}).get("itemType") == "note"
                and any(t.get("tag") == tag for t in c.get("data", {}).get("tags", []))]  # fmt: skip

    def add_notes(self, notes: list[tuple[str, str, str]]) -> list[str]:
        """Child notes (parent key, HTML, tag), 50 a request; the keys of those created."""
        created: list[str] = []
        for start in range(0, len(notes), WRITE_BATCH):
            body = [{"itemType": "note", "parentItem": parent, "note": html, "tags": [{"tag": tag}]}
                    for parent, html, tag in notes[start : start + WRITE_BATCH]]  # fmt: skip
            status, payload, _ = self._call("POST", "items", body=body)
            if status != 200 or not isinstance(payload, dict):
                raise OutputError(f"Zotero answered HTTP {status} to {len(body)} new note(s)",
                                  hint="the tags are written; re-run to add the notes")  # fmt: skip
            created += [str(v if isinstance(v, str) else v.get("key")) for v in (payload.get("success") or {}).values()]
        return created

    def delete(self, keys: list[str]) -> int:
        """Delete items (rltaxo's notes), 50 a request, each request guarded by the library's version."""
        gone = 0
        for start in range(0, len(keys), WRITE_BATCH):
            chunk = keys[start : start + WRITE_BATCH]
            self._call("GET", "items", query={"itemKey": ",".join(chunk), "limit": "1"})  # the current version
            status, _, _ = self._call("DELETE", "items", query={"itemKey": ",".join(chunk)},
                                      headers={"If-Unmodified-Since-Version": str(self.version)})  # fmt: skip
            if status not in (204, 200):
                raise OutputError(f"Zotero answered HTTP {status} to deleting {len(chunk)} note(s)")
            gone += len(chunk)
        return gone


def note_html(leaf: str, path: str, confidence: float, rationale: str, evidence: list[str]) -> str:
    """The child note: the label, why, and the quotes, as Zotero's note HTML (everything escaped)."""
    from html import escape

    quotes = "".join(f"<blockquote>{escape(q)}</blockquote>" for q in evidence[:6])
    return (f"<h2>rltaxo: {escape(path)}</h2><p><code>{escape(leaf)}</code>, confidence {confidence:.2f}</p>"
            f"<p>{escape(rationale)}</p>{quotes}")  # fmt: skip


def _seconds(value: str | None) -> float | None:
    try:
        s = float(value) if value not in (None, "") else None
    except ValueError:
        return None
    return None if s is None or s != s or s < 0 else s


def reading_item(item: dict[str, Any]) -> dict[str, str]:
    """What the reading list needs of a Zotero item: title, abstract, DOI, an arXiv id if it has one."""
    data = item.get("data", {})
    where = " ".join(str(data.get(k) or "") for k in ("url", "DOI", "extra", "archiveID"))
    arxiv_id = _arxiv_in(where)  # the reading list's own reading of URLs, DOIs and notes
    doi = str(data.get("DOI") or "")
    creators = [c for c in data.get("creators", []) if isinstance(c, dict)]
    authors = "; ".join(
        f"{c.get('lastName', '')}, {c.get('firstName', '')}".strip(", ")
        if c.get("lastName")
        else str(c.get("name", ""))
        for c in creators
    )
    return {
        "key": str(item.get("key") or data.get("key") or ""),
        "title": str(data.get("title") or ""),
        "abstract": str(data.get("abstractNote") or ""),
        "arxiv_id": arxiv_id or "",
        "doi": doi,
        "authors": authors,
        "year": (re.search(r"\d{4}", str(data.get("date") or "")) or [""])[0],
        "venue": str(data.get("publicationTitle") or data.get("proceedingsTitle") or ""),
    }


def library_from_env() -> Library:
    from .settings import Settings

    s = Settings.from_env()
    key = s.zotero_key.get_secret_value() if s.zotero_key else ""
    return Library.from_settings(s.zotero_library, key, s.zotero_url)


def pdf_attachments(lib: Library, storage: Path) -> dict[str, Path]:
    """Parent item key -> its stored PDF (``storage/<attachment key>/<file name>``), for the PDFs that
    are on this computer: one paginated listing of the library's attachments, not one request a paper."""
    found: dict[str, Path] = {}
    for att in lib._pages("items", {"itemType": "attachment"}):
        data = att.get("data", {})
        parent, name = str(data.get("parentItem") or ""), str(data.get("filename") or "")
        if not parent or parent in found or data.get("contentType") != "application/pdf" or not name:
            continue
        if data.get("linkMode") not in ("imported_file", "imported_url"):
            continue  # a linked file or URL: not in Zotero's storage
        path = storage / str(att.get("key")) / Path(name).name
        if path.is_file():
            found[parent] = path
    return found


def zotero_items(spec: str, tag: str | None = None, lib: Library | None = None,
                 storage: Path | None = None) -> tuple[list[Any], int]:  # fmt: skip
    """``zotero:[COLLECTION]`` as reading-list items (``bib_key`` ``zotero:<item key>``), and how many
    items were skipped for having no title. With ``storage`` (Zotero's storage folder), a paper whose
    PDF is stored there is read from it where ``--from`` asks for PDFs."""
    from .readinglist import _with_metadata, bib_fields

    lib = lib or library_from_env()
    collection = spec.split(":", 1)[1].strip() or None
    papers, untitled = lib.papers(collection, tag)
    pdfs = pdf_attachments(lib, storage) if storage is not None and storage.is_dir() else {}
    items = []
    for raw in papers:
        it = reading_item(raw)
        pdf = pdfs.get(it["key"])
        ident = str(pdf) if pdf is not None and not it["arxiv_id"] else it["arxiv_id"] or None
        item = _with_metadata(ident, it["title"], it["abstract"], Path.cwd(), f"zotero:{it['key']}")
        item.bib = bib_fields(None, it["authors"], it["year"], it["venue"], it["doi"])
        items.append(item)
    return items, untitled


def item_keys(lib: Library, keys: list[str]) -> dict[str, dict[str, Any]]:
    """Items by key, 50 keys a request (``itemKey``)."""
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(keys), WRITE_BATCH):
        chunk = keys[start : start + WRITE_BATCH]
        for item in lib._pages("items", {"itemKey": ",".join(chunk)}):
            out[str(item.get("key"))] = item
    return out


def retag(item: dict[str, Any], prefix: str, wanted: list[str]) -> list[dict[str, Any]]:
    """The item's tags with every tag of ``prefix`` replaced by ``wanted``: nothing else changes."""
    keep = [t for t in item.get("data", {}).get("tags", []) if not str(t.get("tag", "")).startswith(prefix)]
    return keep + [{"tag": w} for w in wanted]


def prefix_tags(item: dict[str, Any], prefix: str) -> list[str]:
    return sorted(
        str(t.get("tag")) for t in item.get("data", {}).get("tags", []) if str(t.get("tag", "")).startswith(prefix)
    )
