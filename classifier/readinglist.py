"""Reading lists in the forms researchers already have: text, CSV, BibTeX (Zotero/JabRef) or a folder.

Each entry becomes an Item with a stable key; duplicates (one arXiv id written two ways, or the same
PDF content under two names) collapse into one item that remembers its other spellings.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReadingListError, RltaxoError
from .sources import Source, parse_arxiv, parse_source, sha256_file

CSV_COLUMNS = ("arxiv_id", "arxiv", "eprint", "id", "source", "url", "path", "pdf", "file")


@dataclass
class Item:
    raw: str
    source: Source | None = None
    error: str | None = None
    bib_key: str | None = None
    duplicates: list[str] = field(default_factory=list)
    dup_bib_keys: list[str] = field(default_factory=list)
    _key: str | None = None

    @property
    def key(self) -> str:
        if self._key:
            return self._key
        if self.source is not None:
            return self.source.key
        return f"bad:{self.bib_key or self.raw}"


def _from_text(text: str, base: Path, bib_key: str | None = None) -> Item:
    try:
        return Item(raw=text, source=parse_source(text, base), bib_key=bib_key)
    except RltaxoError as exc:
        return Item(raw=text, error=exc.one_line(), bib_key=bib_key)


def _bib_file_field(value: str, base: Path) -> Path | None:
    """Zotero writes ``Desc:/path/x.pdf:application/pdf``; JabRef ``:x.pdf:PDF``; some write a bare path."""
    for part in value.split(";"):
        pieces = part.split(":")
        candidates = [part, *pieces, ":".join(pieces[1:-1])] if len(pieces) >= 3 else [part, *pieces]
        for cand in candidates:
            cand = cand.strip().replace("\\:", ":")
            if cand.lower().endswith(".pdf"):
                path = Path(cand).expanduser()
                return path if path.is_absolute() else base / path
    return None


def _bib_items(path: Path) -> list[Item]:
    import bibtexparser

    try:
        library = bibtexparser.parse_file(str(path))
    except Exception as exc:
        raise ReadingListError(f"{path}: not a readable BibTeX file ({exc})") from exc
    items: list[Item] = []
    for block in library.failed_blocks:
        items.append(Item(raw=(block.raw or "")[:80].strip(), error="malformed BibTeX entry"))
    for entry in library.entries:
        f = {k.lower(): str(v.value).strip() for k, v in entry.fields_dict.items()}
        raw = None
        for name in ("eprint", "arxiv", "arxivid"):
            if f.get(name) and parse_arxiv(f[name]):
                raw = f[name]
                break
        if raw is None:
            for name in ("url", "doi"):
                if f.get(name) and parse_arxiv(f[name]):
                    raw = f[name]
                    break
        if raw is None and f.get("file"):
            pdf = _bib_file_field(f["file"], path.parent)
            if pdf is not None:
                raw = str(pdf)
        if raw is None:
            items.append(Item(raw=entry.key, bib_key=entry.key, error="no arXiv id, arXiv URL/DOI or PDF file field"))
            continue
        items.append(_from_text(raw, path.parent, bib_key=entry.key))
    return items


def _csv_items(path: Path, column: str | None) -> list[Item]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        names = reader.fieldnames or []
        col = column or next((c for c in names if c.strip().lower() in CSV_COLUMNS), None)
        if col is None or col not in names:
            raise ReadingListError(
                f"{path}: no column {column!r}" if column else f"{path}: no column of arXiv ids, URLs or paths",
                hint=f"columns are {', '.join(names) or 'none'}; choose one with --column",
            )
        return [
            _from_text(row[col].strip(), path.parent) if (row.get(col) or "").strip() else Item(raw="", error="empty")
            for row in reader
        ]


def read_list(path: Path, column: str | None = None) -> list[Item]:
    """Parse a reading list into items, in order, without touching the network."""
    if not path.exists():
        raise ReadingListError(f"{path}: no such reading list")
    if path.is_dir():
        return [Item(raw=str(p), source=Source(raw=str(p), path=p)) for p in sorted(path.glob("*.pdf"))]
    suffix = path.suffix.lower()
    try:
        if suffix == ".bib":
            return _bib_items(path)
        if suffix == ".csv":
            return _csv_items(path, column)
        if suffix == ".pdf":
            raise ReadingListError(f"{path}: this is a PDF, not a reading list", hint="use rltaxo classify")
        lines = path.read_text(encoding="utf-8-sig").splitlines()  # Excel and Notepad write a BOM
    except UnicodeDecodeError as exc:
        raise ReadingListError(f"{path}: not a text reading list ({exc.reason})") from exc
    items = []
    for line in lines:
        text = re.sub(r"(^|\s)#.*$", "", line).strip()
        if text:
            items.append(_from_text(text, path.parent))
    return items


def dedupe(items: list[Item]) -> list[Item]:
    """One item per arXiv id or PDF content; later spellings are kept as ``duplicates``."""
    seen: dict[str, Item] = {}
    out: list[Item] = []
    for item in items:
        key = item.key
        if item.source is not None and item.source.path is not None and item.source.path.is_file():
            try:
                key = "sha256:" + sha256_file(item.source.path)
            except OSError:
                pass
            item._key = key
        if key in seen:
            seen[key].duplicates.append(item.raw)
            if item.bib_key:
                seen[key].dup_bib_keys.append(item.bib_key)
            continue
        seen[key] = item
        out.append(item)
    return out
