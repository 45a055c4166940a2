"""Reading lists in the forms researchers already have: text, Markdown, CSV, BibTeX, RIS, JSON Lines or a
folder.

BibTeX, RIS, CSV and JSON Lines may carry a title and abstract, which ``--from abstract|auto`` reads
without any network.

Each entry becomes an Item with a stable key; duplicates (one arXiv id written two ways, or the same
PDF content under two names) collapse into one item that remembers its other spellings.
"""

from __future__ import annotations

import ast
import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ReadingListError, RltaxoError
from .expr import PARSE_LOCK
from .files import read_text, size_ok
from .latex_text import decode
from .markdown_entries import blocks
from .sources import (
    ABSTRACT_KEYS,
    IDENT_KEYS,
    Source,
    find_arxiv,
    metadata_source,
    parse_arxiv,
    parse_source,
    record_fields,
    sha256_file,
    source_from_record,
)

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
    bib: dict[str, str] = field(default_factory=dict)  # what the list says of the paper: see ``bib_fields``

    @property
    def key(self) -> str:
        if self._key:
            return self._key
        if self.source is not None:
            return self.source.key
        return f"bad:{self.bib_key or self.raw}"


#: The bibliographic fields a record carries from its list (when the list has them), for survey outputs.
BIB_FIELDS = ("citekey", "authors", "year", "venue", "doi")


def bib_fields(citekey: str | None = None, authors: object = "", year: object = "", venue: object = "",
               doi: object = "") -> dict[str, str]:  # fmt: skip
    """The non-empty ones, as one-line text (author lists joined with "; ", LaTeX decoded)."""
    if isinstance(authors, list | tuple):
        authors = "; ".join(str(a) for a in authors if str(a).strip())
    authors = " and ".join(str(authors).split(" and ")).replace(" and ", "; ")
    year_m = re.search(r"\b(1[89]|20|21)\d\d\b", str(year))
    values = {
        "citekey": citekey if citekey and not citekey.startswith("ris:") else "",
        "authors": decode(authors),
        "year": year_m.group(0) if year_m else "",
        "venue": decode(str(venue)),
        "doi": str(doi).strip(),
    }
    return {k: v[:500] for k, v in values.items() if v}


def _from_text(text: str, base: Path, bib_key: str | None = None) -> Item:
    try:
        return Item(raw=text, source=parse_source(text, base), bib_key=bib_key)
    except RltaxoError as exc:
        return Item(raw=text, error=exc.one_line(), bib_key=bib_key)


def _bib_file_field(value: str, base: Path) -> Path | None:
    """The first PDF of a ``file`` field that is on this computer. Zotero writes
    ``Desc:/path/x.pdf:application/pdf`` (several joined by ``;``), JabRef ``:x.pdf:PDF``, some a bare
    path. A PDF that is not here (the library was exported on another machine) is no source: the entry is
    read from its id or text instead, and no made-up path reaches the outputs."""
    for part in value.split(";"):
        pieces = part.split(":")
        candidates = [part, *pieces, ":".join(pieces[1:-1])] if len(pieces) >= 3 else [part, *pieces]
        for cand in candidates:
            cand = cand.strip().replace("\\:", ":")
            if cand.lower().endswith(".pdf"):
                path = Path(cand).expanduser()
                path = path if path.is_absolute() else base / path
                if path.is_file():
                    return path
    return None


def _bib_items(path: Path) -> list[Item]:
    import bibtexparser

    size_ok(path, what="reading list")
    head = path.read_bytes()[:65536] if path.is_file() else b""
    if head.strip() and (b"@" not in head or b"\x00" in head):  # binary, or text with no entry at all
        raise ReadingListError(f"{path}: not a BibTeX file (no @entry in it)", hint="export the list as BibTeX")
    import logging

    quiet = logging.getLogger("bibtexparser")
    level, quiet.level = quiet.level, logging.CRITICAL  # its multi-line warnings: each bad entry is reported below
    try:
        library = bibtexparser.parse_file(str(path))
    except Exception as exc:
        raise ReadingListError(f"{path}: not a readable BibTeX file ({exc})") from exc
    finally:
        quiet.level = level
    items: list[Item] = []
    for block in library.failed_blocks:
        if type(block).__name__ == "DuplicateBlockKeyBlock":  # two entries, one key: the second is not read
            key = str(getattr(block, "key", ""))
            line = int(getattr(block, "start_line", 0) or 0) + 1
            why = (f"duplicate BibTeX key {key!r} (line {line}): only the first entry with a key is read; "
                   "give this one its own key")  # fmt: skip
            items.append(Item(raw=(block.raw or "")[:80].strip(), error=why))
            continue
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
                raw = str(pdf.absolute())  # already joined with the .bib's folder: never join it twice
        item = _with_metadata(raw, f.get("title", ""), f.get("abstract", ""), path.parent, entry.key)
        venue = f.get("journal") or f.get("journaltitle") or f.get("booktitle") or f.get("publisher", "")
        year = f.get("year") or f.get("date", "")
        item.bib = bib_fields(entry.key, f.get("author", ""), year, venue, f.get("doi", ""))
        items.append(item)
    return items


def _with_metadata(raw: str | None, title: str, abstract: str, base: Path, bib_key: str | None = None) -> Item:
    """An item from an id/URL/path and/or a title + abstract (BibTeX, CSV, RIS and JSON Lines lists)."""
    title, abstract = decode(title), decode(abstract)  # BibTeX's braces, escapes and accents, as read
    if raw is None and not abstract.strip():
        if title.strip():  # a title alone: classified from it, marked input "title" and needs_review
            return Item(raw=title[:80], source=metadata_source(title, "", raw=title[:80]), bib_key=bib_key)
        what = "no title, arXiv id, arXiv URL/DOI, PDF file field or abstract"
        return Item(raw=bib_key or "(empty entry)", bib_key=bib_key, error=what)
    record = {"arxiv_id": raw if raw and parse_arxiv(raw) else None, "path": None, "title": title, "abstract": abstract}
    if raw and not record["arxiv_id"]:
        record["path"] = raw
    try:
        src = source_from_record({k: v for k, v in record.items() if v}, base)
    except RltaxoError as exc:
        if not abstract.strip():
            return Item(raw=raw or title[:80], error=exc.one_line(), bib_key=bib_key)
        src = source_from_record({"title": title, "abstract": abstract}, base)  # the PDF is gone; the abstract is not
    return Item(raw=raw or src.raw, source=src, bib_key=bib_key)


def _csv_items(path: Path, column: str | None) -> list[Item]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        names = reader.fieldnames or []
        lower = {c.strip().lower(): c for c in names}
        col = column or next((c for c in names if c.strip().lower() in CSV_COLUMNS), None)
        title_col = lower.get("title")
        # Zotero's CSV export calls it "Abstract Note", the arXiv API "summary"
        abstract_col = next((lower[k] for k in ABSTRACT_KEYS if k in lower), None)
        if (col is None and abstract_col is None) or (column is not None and column not in names):
            raise ReadingListError(
                f"{path}: no column {column!r}"
                if column
                else f"{path}: no column of arXiv ids, URLs or paths, and no abstract column",
                hint=f"columns are {', '.join(names) or 'none'}; choose one with --column",
            )
        items = []
        for row in reader:
            raw = (row.get(col) or "").strip() if col else ""
            title = (row.get(title_col) or "") if title_col else ""
            abstract = (row.get(abstract_col) or "") if abstract_col else ""
            if not raw and not abstract.strip() and not title.strip():
                items.append(Item(raw="", error="empty row"))
            else:
                item = _with_metadata(raw or None, title, abstract, path.parent)
                # Zotero's CSV: Key, Author, Publication Year, Publication Title, DOI
                meta = {k: row.get(lower[k], "") or "" for k in ("key", "author", "authors", "publication year",
                       "year", "publication title", "venue", "doi") if k in lower}  # fmt: skip
                authors = meta.get("author") or meta.get("authors", "")
                year = meta.get("publication year") or meta.get("year", "")
                venue = meta.get("publication title") or meta.get("venue", "")
                item.bib = bib_fields(meta.get("key") or None, authors, year, venue, meta.get("doi", ""))
                items.append(item)
        return items


def _jsonl_items(path: Path, text: str | None = None) -> list[Item]:
    """One JSON object per line with any of arxiv_id, url, path, title, abstract: the format for scripts."""
    items = []
    if text is None:
        text = read_text(path, what="reading list", encoding="utf-8-sig")
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = _json_or_python(line)
        except ValueError as exc:
            items.append(Item(raw=f"line {n}", error=f"line {n}: not JSON ({exc})"))
            continue
        items.append(_record_item(rec, f"line {n}", path.parent))
    return items


def _json_items(path: Path) -> list[Item]:
    """A ``.json`` file: an array of paper objects (Zotero's CSL JSON export, a script's dump), an object
    holding one such array (``{"papers": [...]}``), one paper, or JSON Lines under a .json name."""
    text = read_text(path, what="reading list", encoding="utf-8-sig")
    try:
        data = json.loads(text)
    except ValueError:
        return _jsonl_items(path, text)
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        if len(lists) == 1 and not record_fields(data).keys() & {"title", "abstract", *IDENT_KEYS}:
            data = lists[0]
        else:
            data = [data]
    if not isinstance(data, list):
        raise ReadingListError(f"{path}: JSON that is not a list of papers", hint="give an array of objects with "
                               "arxiv_id, url, path, title or abstract, or JSON Lines")  # fmt: skip
    return [_record_item(rec, f"item {n}", path.parent) for n, rec in enumerate(data, start=1)]


def _record_item(rec: object, where: str, base: Path) -> Item:
    try:
        src = source_from_record(rec, base)
    except RltaxoError as exc:
        return Item(raw=where, error=f"{where}: {exc.one_line()}")
    item = Item(raw=src.raw, source=src)
    if isinstance(rec, dict):
        item.bib = _record_bib(rec)
    return item


def _record_bib(rec: dict[Any, Any]) -> dict[str, str]:
    """What a JSON record says of a paper, under our names or CSL JSON's (Zotero: ``author`` as a list of
    names, ``issued``, ``container-title``, ``citation-key``)."""
    f = {str(k).strip().lower(): v for k, v in rec.items()}
    authors = f.get("authors") or f.get("author") or ""
    if isinstance(authors, list):
        authors = [_person(a) for a in authors]
    citekey = f.get("citekey") or f.get("citation-key") or f.get("citation_key")
    year = f.get("year") or f.get("issued") or f.get("published") or ""
    venue = f.get("venue") or f.get("container-title") or f.get("journal") or ""
    return bib_fields(str(citekey) if citekey else None, authors, year, venue if isinstance(venue, str) else "",
                      f.get("doi") or "")  # fmt: skip


def _person(a: object) -> str:
    if isinstance(a, dict):
        parts = [str(a.get(k, "")).strip() for k in ("given", "family")]
        return " ".join(p for p in parts if p) or str(a.get("literal") or a.get("name") or "")
    return str(a)


def _json_or_python(line: str) -> object:
    """A JSON line, or a Python dict written with ``str(dict)`` (single quotes: digest scripts write
    these), read as a literal only: nothing in it runs."""
    try:
        return json.loads(line)
    except ValueError as exc:
        if not line.lstrip().startswith("{"):
            raise
        try:
            with PARSE_LOCK:  # ast.parse is not thread-safe on 3.11 (expr.PARSE_LOCK)
                rec = ast.literal_eval(line.strip())
        except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
            raise exc from None
        if not isinstance(rec, dict):
            raise exc from None
        return rec


def _ris_items(path: Path) -> list[Item]:
    """RIS as Zotero, Mendeley, EndNote and Rayyan export it, read with rispy."""
    import rispy

    text = read_text(path, what="reading list", encoding="utf-8-sig", errors="replace")
    starts = [m.end() for m in re.finditer(r"^TY  -", text, re.MULTILINE)]
    if not starts:
        if text.strip():
            raise ReadingListError(f"{path}: not a RIS file (no 'TY  -' record start)", hint="export the list as RIS")
        return []
    if not re.search(r"^ER  -", text[starts[-1] :], re.MULTILINE):
        text += "\nER  - \n"  # the last record lacks its end line: rispy would drop it without a word
    try:
        entries = rispy.loads(text)
    except Exception as exc:
        raise ReadingListError(f"{path}: not a readable RIS file ({type(exc).__name__}: {exc})") from exc
    items = []
    for n, e in enumerate(entries, start=1):
        title = str(e.get("title") or e.get("primary_title") or "")
        abstract = str(e.get("abstract") or "")
        urls = [*e.get("urls", []), str(e.get("doi") or ""), *e.get("notes", []), *e.get("file_attachments1", [])]
        raw = next((u for u in map(str, urls) if u and _arxiv_in(u)), None)
        raw = _arxiv_in(raw) if raw else None
        item = _with_metadata(raw, title, abstract, path.parent, bib_key=f"ris:{n}")
        venue = e.get("journal_name") or e.get("secondary_title") or e.get("alternate_title1") or ""
        authors = e.get("authors") or e.get("first_authors") or []
        item.bib = bib_fields(None, authors, e.get("year") or e.get("date") or "", venue, e.get("doi") or "")
        items.append(item)
    return items


def _arxiv_in(text: str) -> str | None:
    """The first arXiv id (with its version) inside a URL, DOI or note (``sources.find_arxiv``)."""
    found = find_arxiv(text)
    return f"{found[0].arxiv_id}{found[0].version or ''}" if found else None


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
        if suffix in (".jsonl", ".ndjson"):
            return _jsonl_items(path)
        if suffix == ".json":
            return _json_items(path)
        if suffix == ".ris":
            return _ris_items(path)
        if suffix == ".pdf":
            raise ReadingListError(f"{path}: this is a PDF, not a reading list", hint="use rltaxo classify")
        lines = read_text(path, what="reading list", encoding="utf-8-sig").splitlines()  # Excel and Notepad write a BOM
    except UnicodeDecodeError as exc:
        raise ReadingListError(f"{path}: not a text reading list ({exc.reason})") from exc
    if suffix in (".md", ".markdown"):
        return _markdown_items(lines, path)
    return _text_items(lines, path)


def _markdown_items(lines: list[str], path: Path) -> list[Item]:
    """A digest's entries (heading, link, ``Abstract:``) from their own title and abstract; the rest of
    the file line by line, where prose, headings and other links are passed over."""
    items: list[Item] = []
    for block in blocks(lines):
        if not block.entry:
            items += _text_items(block.lines, path, markdown=True)
            continue
        ident = block.arxiv.raw if block.arxiv else None
        src = metadata_source(block.title, block.abstract, ident, raw=ident or block.title[:80] or None)
        items.append(Item(raw=src.raw, source=src))
    if not items:
        raise ReadingListError(
            f"{path}: no arXiv links, PDF paths or abstracts in this Markdown file",
            hint="link papers as https://arxiv.org/abs/<id>, or give one id or path a line",
        )
    return items


def _text_items(lines: list[str], path: Path, markdown: bool = False) -> list[Item]:
    """One source a line; a line that is not one but links to arXiv papers (notes, an awesome-list, a
    Markdown table) gives those papers. In Markdown, prose and headings without a link are skipped; in a
    text list such a line is a failed item that says why, and ``#`` starts a comment."""
    items: list[Item] = []
    for line in lines:
        text = line.strip() if markdown else re.sub(r"(^|\s)#.*$", "", line).strip()
        if not text:
            continue
        item = _from_text(text, path.parent)
        linked = find_arxiv(text) if item.error else []
        if linked:
            items += [Item(raw=src.raw, source=src) for src in linked]
        elif not (markdown and item.error):
            items.append(item)
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
