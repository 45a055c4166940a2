"""Where a paper comes from: a local path, an arXiv id or an arXiv URL; downloads are cached on disk."""

from __future__ import annotations

import errno
import hashlib
import http.client
import os
import re
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .arxiv_api import Metadata, check_http_url
from .errors import DownloadError, SourceNotFound, UnknownArxivId

_NEW_ID = r"\d{4}\.\d{4,5}"
_OLD_ID = r"[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7}"
_ID = rf"(?P<id>{_NEW_ID}|{_OLD_ID})(?P<version>v\d+)?"
#: Pages that name a paper by its arXiv id: arXiv's own (abstract, PDF, HTML view, mirrors) and the
#: readers researchers share links from (ar5iv, Hugging Face papers, alphaXiv)
_PAGE = (
    r"(?:(?:www\.|export\.|browse\.)?arxiv\.org/(?:abs|pdf|html)|ar5iv(?:\.labs\.arxiv)?\.org/(?:abs|html)"
    r"|(?:www\.)?huggingface\.co/papers|(?:www\.)?alphaxiv\.org/(?:abs|overview|pdf))/"
)
_PATTERNS = [
    re.compile(rf"^(?:arxiv:)?{_ID}$", re.IGNORECASE),
    re.compile(rf"^(?:https?://)?{_PAGE}{_ID}(?:\.pdf)?/?(?:[?#]\S*)?$", re.IGNORECASE),
    re.compile(rf"^(?:https?://(?:dx\.)?doi\.org/)?10\.48550/arxiv\.{_ID}$", re.IGNORECASE),
]


@dataclass(frozen=True)
class Source:
    """A parsed source: a local PDF, an arXiv id, and/or metadata (title + abstract) a list carried.

    ``key`` identifies the paper across spellings: ``arxiv:2310.12931`` for every version and URL of one
    paper, ``file:`` for a local PDF, ``title:`` plus a hash of the title for metadata alone."""

    raw: str
    path: Path | None = None
    arxiv_id: str | None = None
    version: str | None = None
    meta: Metadata | None = None

    @property
    def key(self) -> str:
        if self.arxiv_id:
            return f"arxiv:{self.arxiv_id}"
        if self.path is not None:
            return f"file:{self.path}"
        assert self.meta is not None
        norm = re.sub(r"[^0-9a-z]+", " ", self.meta.title.lower()).strip()
        return "title:" + hashlib.sha256(norm.encode()).hexdigest()[:16]

    @property
    def has_abstract(self) -> bool:
        return self.meta is not None and bool(self.meta.abstract.strip())


def metadata_source(title: str, abstract: str, ident: str | None = None, raw: str | None = None) -> Source:
    """A source from title + abstract (and an arXiv id or URL if known): nothing to download."""
    parsed = parse_arxiv(ident) if ident else None
    arxiv_id, version = parsed if parsed else (None, None)
    meta = Metadata(title=" ".join(title.split()), abstract=" ".join(abstract.split()), arxiv_id=arxiv_id,
                    version=version)  # fmt: skip
    return Source(raw=raw or ident or title[:80], arxiv_id=arxiv_id, version=version, meta=meta)


def parse_arxiv(text: str) -> tuple[str, str | None] | None:
    """``(id, version)`` if ``text`` is an arXiv id, ``arXiv:`` id, arxiv.org URL or arXiv DOI."""
    text = text.strip()
    for pat in _PATTERNS:
        m = pat.match(text)
        if m:
            return m.group("id"), m.group("version")
    return None


#: arXiv ids written inside other text: an arxiv.org link, ``arXiv:`` id or arXiv DOI (a bare number in
#: prose could be anything, so it counts only as a line's first word)
_EMBEDDED = re.compile(rf"(?:(?<![\w.-]){_PAGE}|\barxiv[:.]\s*|^){_ID}(?![\w.-]*\d)", re.IGNORECASE)


def find_arxiv(text: str) -> list[Source]:
    """Every distinct arXiv paper ``text`` names, in order, as ``arXiv:<id>`` sources: a reading list's line
    such as ``* [Title](https://arxiv.org/pdf/2304.05302.pdf), [code](…)`` or ``2304.05302  the RRHF
    paper``, a BibTeX or Zotero note, an arXiv DOI (``10.48550/arXiv.<id>``)."""
    found: dict[str, str | None] = {}
    for m in _EMBEDDED.finditer(text.strip()):
        found.setdefault(m.group("id"), m.group("version"))
    return [Source(raw=f"arXiv:{i}{v or ''}", arxiv_id=i, version=v) for i, v in found.items()]


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:40] + "…" + text[-30:]


def parse_source(text: str, base_dir: Path | None = None) -> Source:
    """Turn what a user typed into a Source; an existing file always wins over an id-looking name."""
    text = text.strip()
    if not text:
        raise SourceNotFound("an empty source", hint="give a PDF path, an arXiv id or an arxiv.org URL")
    path = Path(text).expanduser()
    if base_dir is not None and not path.is_absolute():
        path = base_dir / path
    try:
        os.stat(path)
        return Source(raw=text, path=path)
    except FileNotFoundError:
        pass
    except OSError as exc:  # a name too long, a symlink loop, a folder we may not enter
        if exc.errno == errno.ENAMETOOLONG:
            raise SourceNotFound(f"{_short(text)}: file name too long") from None
        if exc.errno == errno.ELOOP:
            raise SourceNotFound(f"{_short(text)}: a loop of symbolic links") from None
        if exc.errno != errno.ENOTDIR:
            raise SourceNotFound(f"{_short(text)}: cannot be read ({exc.strerror})") from None
    parsed = parse_arxiv(text)
    if parsed:
        return Source(raw=text, arxiv_id=parsed[0], version=parsed[1])
    if text.startswith(("http://", "https://")):
        raise SourceNotFound(
            f"{text}: not an arXiv URL",
            hint="give an arXiv id, an arxiv.org abs/pdf/html URL (or its Hugging Face or alphaXiv page), or a PDF",
        )
    raise SourceNotFound(f"{text}: no such file, and not an arXiv id")


class Downloader:
    """Fetches arXiv PDFs once into ``cache_dir/pdfs``, one request at a time with a pause between."""

    def __init__(self, base_url: str, cache_dir: Path, delay_s: float = 3.0, timeout_s: float = 60.0) -> None:
        check_http_url(base_url, "RLTAXO_ARXIV_URL")
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.dir = cache_dir / "pdfs"
        self.delay_s = delay_s
        self.timeout_s = timeout_s
        self._lock = threading.Lock()
        self._last = 0.0
        self._unreachable: str | None = None  # after a network-level failure, fail fast instead of waiting

    def cached_path(self, arxiv_id: str, version: str | None) -> Path:
        name = (arxiv_id + (version or "")).replace("/", "_")
        return self.dir / f"{name}.pdf"

    def fetch(self, source: Source) -> Path:
        assert source.arxiv_id is not None
        target = self.cached_path(source.arxiv_id, source.version)
        if target.exists():
            return target
        url = f"{self.base_url}{source.arxiv_id}{source.version or ''}"
        if self._unreachable:
            raise DownloadError(
                f"arXiv:{source.arxiv_id}: not downloaded, {self._unreachable} was unreachable earlier in this run",
                hint="no network? download the PDF yourself and pass its path",
            )
        with self._lock:  # polite: never two downloads at once, and a pause between them
            if target.exists():
                return target
            wait = self._last + self.delay_s - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                data = self._get(url, source)
            finally:
                self._last = time.monotonic()
            self.dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.dir, suffix=".part")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        return target

    def _get(self, url: str, source: Source) -> bytes:
        req = urllib.request.Request(url, headers={"User-Agent": "rltaxo/0.1 (research paper classifier)"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout_s) as resp:
                expected = resp.headers.get("content-length")
                data: bytes = resp.read()
        except http.client.IncompleteRead as exc:  # the connection closed before Content-Length
            raise DownloadError(
                f"arXiv:{source.arxiv_id}: the download was cut off ({len(exc.partial)} bytes received)",
                hint="try again; nothing was cached",
            ) from None
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                raise UnknownArxivId(f"arXiv:{source.arxiv_id}: no such paper (HTTP 404 from {url})") from exc
            raise DownloadError(
                f"arXiv:{source.arxiv_id}: download failed with HTTP {exc.code}",
                hint="try again later, or pass a local PDF",
            ) from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            self._unreachable = self.base_url
            raise DownloadError(
                f"arXiv:{source.arxiv_id}: cannot download from {url} ({reason})",
                hint="no network? download the PDF yourself and pass its path",
            ) from exc
        if not data.startswith(b"%PDF"):
            raise DownloadError(f"arXiv:{source.arxiv_id}: {url} did not return a PDF")
        if (expected and expected.isdigit() and len(data) != int(expected)) or b"%%EOF" not in data[-2048:]:
            raise DownloadError(
                f"arXiv:{source.arxiv_id}: the download is incomplete ({len(data)} bytes)",
                hint="try again; nothing was cached",
            )
        return data

    def forget(self, source: Source) -> None:
        """Drop a cached PDF that turned out unreadable, so that the next read fetches it again."""
        if source.arxiv_id is not None:
            self.cached_path(source.arxiv_id, source.version).unlink(missing_ok=True)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


#: What lists of papers call each field, matched case-insensitively: our own names, the arXiv API's
#: (``summary``, ``entry_id``, ``pdf_url``), Zotero's (``abstractNote``; CSL JSON's ``URL``, ``DOI``)
IDENT_KEYS = ("arxiv_id", "arxiv", "arxivid", "eprint", "url", "entry_id", "pdf_url", "link", "id", "doi")
ABSTRACT_KEYS = ("abstract", "summary", "abstractnote", "abstract_note", "abstract note")


def record_fields(rec: dict[Any, Any]) -> dict[str, str]:
    """A record's text fields under lower-case keys (the first spelling of a key wins)."""
    out: dict[str, str] = {}
    for k, v in rec.items():
        if isinstance(v, str | int | float) and not isinstance(v, bool) and str(v).strip():
            out.setdefault(str(k).strip().lower(), str(v).strip())
    return out


def source_from_record(rec: object, base_dir: Path | None = None) -> Source:
    """A JSON object with any of ``arxiv_id``, ``url``, ``path``, ``title``, ``abstract`` → a Source.

    A PDF path wins where the file exists; an id or URL is kept with the metadata, so ``--from pdf`` can
    still download it; title + abstract alone are enough for ``--from abstract|auto``. Other spellings
    of those fields (``summary``, ``abstractNote``, ``entry_id``, an arXiv ``DOI``) are read too."""
    if not isinstance(rec, dict):
        raise SourceNotFound(f"{str(rec)[:60]}: not a JSON object with arxiv_id, url, path, title or abstract")
    fields = record_fields(rec)
    title = fields.get("title", "")
    abstract = next((fields[k] for k in ABSTRACT_KEYS if fields.get(k)), "")
    named = [fields[k] for k in IDENT_KEYS if fields.get(k)]
    named += [v for k, v in fields.items() if k not in IDENT_KEYS and ("url" in k or "link" in k)]  # abstract_url
    # an arXiv id wherever it is; else what was given as an id or URL (its error says what is wrong with
    # it), but a record's own key ("id": "smith2020", a DOI of a journal) is no reason to fail a titled paper
    ident = next((v for v in named if parse_arxiv(v)), None) or fields.get("arxiv_id") or fields.get("url")
    if not ident and not title:
        ident = fields.get("id")
    path = next((fields[k] for k in ("path", "pdf", "file") if fields.get(k)), "")
    if path:
        src = parse_source(path, base_dir)
        if title or abstract:
            src = Source(src.raw, src.path, src.arxiv_id, src.version, Metadata(title, abstract))
        return src
    if abstract:
        return metadata_source(title, abstract, ident, raw=ident or title[:80] or None)
    if ident:
        src = parse_source(ident, base_dir)
        return Source(src.raw, src.path, src.arxiv_id, src.version, Metadata(title, "")) if title else src
    if title:  # a title alone: classified from it, marked input "title" and needs_review
        return metadata_source(title, "", raw=title[:80])
    raise SourceNotFound(f"{json_preview(rec)}: needs an arxiv_id, url or path, or a title and abstract")


def json_preview(rec: object) -> str:
    return _short(" ".join(str(rec).split()))
