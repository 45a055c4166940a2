"""Gold labels: the survey's 24 studies (``gold_labels/studies.csv``) or a lab's own, validated on load.

Two formats. CSV with at least ``arxiv_id`` and ``leaf`` (the bundled file also has key, short name,
title, first author, year and confidence). JSON Lines, one object per study with ``leaf`` and an
``arxiv_id``, a ``source`` (a PDF path) and/or a ``title`` + ``abstract``: a row's title and abstract
are that study's metadata, so such a file needs no PDF and no network. A review's corrections file
(``rltaxo review``) is such a file. A leaf may be ``out-of-scope``: reading lists have many.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import GoldLabelError
from .files import read_text
from .resources import data_dir
from .sources import ABSTRACT_KEYS, parse_arxiv
from .taxonomy import Taxonomy

COLUMNS = ("key", "short_name", "title", "first_author", "year", "arxiv_id", "leaf", "confidence")
CONFIDENCE = ("high", "medium", "low")
LEAF_KEYS = ("leaf", "label")  # the leaf column, by its names in order of preference


@dataclass(frozen=True)
class Study:
    key: str
    short_name: str
    title: str
    first_author: str
    year: int
    arxiv_id: str
    leaf: str
    confidence: str
    abstract: str = ""
    source: str = ""  # a PDF path or URL from the row (a review's corrections carry one)


def default_path() -> Path:
    return data_dir("gold_labels") / "studies.csv"


def load(path: Path | None = None, tax: Taxonomy | None = None) -> list[Study]:
    """Every row checked: a label of the tree in use (the bundled one by default), unique key and arXiv
    id, valid id, known confidence."""
    from .taxonomy import bundled

    path = path or default_path()
    rows = _jsonl_rows(path) if path.suffix.lower() in (".jsonl", ".ndjson") else _csv_rows(path)
    studies = _validate(path, rows, tax or bundled())
    if not studies:
        raise GoldLabelError(f"{path}: no studies")
    return studies


def _open_text(path: Path) -> str:
    try:
        return read_text(path, what="gold file", encoding="utf-8-sig")  # a spreadsheet may add a BOM
    except OSError as exc:
        raise GoldLabelError(f"{path}: cannot read gold labels ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise GoldLabelError(f"{path}: not UTF-8 text ({exc.reason})", hint="save it as UTF-8") from exc


def _csv_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(_open_text(path).splitlines())
    names = {n.strip().lower() for n in reader.fieldnames or []}
    missing = [] if names.intersection(LEAF_KEYS) else ["leaf"]
    if not names & {"arxiv_id", "source", *ABSTRACT_KEYS}:
        missing.append("arxiv_id (or source, or title and abstract)")
    if missing:
        raise GoldLabelError(f"{path}: missing column(s) {', '.join(missing)}",
                             hint="a leaf (or label) column, and arxiv_id, source or abstract")  # fmt: skip
    return [(line, {k.strip(): v for k, v in row.items() if k}) for line, row in enumerate(reader, start=2)]


def _jsonl_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """Rows of a JSON Lines file; rows that name an ``item`` (a review's corrections file, where a
    decision may be changed later) keep only the last line per item."""
    rows = []
    for line, text in enumerate(_open_text(path).splitlines(), start=1):
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except ValueError as exc:
            raise GoldLabelError(f"{path}:{line}: not JSON ({exc})") from None
        if not isinstance(obj, dict):
            raise GoldLabelError(f"{path}:{line}: not a JSON object")
        rows.append((line, obj))
    last = {str(obj["item"]): line for line, obj in rows if obj.get("item")}
    kept = [(line, obj) for line, obj in rows if not obj.get("item") or last[str(obj["item"])] == line]
    return [(line, obj) for line, obj in kept if obj.get("decision") != "undone"]  # a decision taken back


def _fields(row: dict[str, Any]) -> dict[str, str]:
    """A row's values under lower-case keys, with the names other files use for ours: ``label`` for the
    leaf, ``sureness`` (sure / unsure, as ../shared/train writes it) for the confidence, ``summary`` or
    ``abstractNote`` for the abstract."""
    vals: dict[str, str] = {}
    for k, v in row.items():
        vals.setdefault(str(k).strip().lower(), str(v if v is not None else "").strip())
    vals["leaf"] = next((vals[k] for k in LEAF_KEYS if vals.get(k)), "")
    vals["abstract"] = next((vals[k] for k in ABSTRACT_KEYS if vals.get(k)), "")
    sure = {"sure": "high", "unsure": "low"}.get(vals.get("sureness", "").lower(), "")
    vals["confidence"] = vals.get("confidence") or sure or "high"
    return vals


def _validate(path: Path, raw_rows: list[tuple[int, dict[str, Any]]], tax: Taxonomy) -> list[Study]:
    rows = [(line, _fields(r)) for line, r in raw_rows]
    unlabelled = next((line for line, r in rows if not r["leaf"]), None)
    if unlabelled is not None:
        raise GoldLabelError(f"{path}:{unlabelled}: no leaf", hint="give each row a leaf (or label) of the tree")
    unknown = sorted({r["leaf"] for _, r in rows} - set(tax.labels))
    if unknown:
        first = next(line for line, r in rows if r["leaf"] in unknown)
        raise GoldLabelError(
            f"{path}:{first}: leaves not in {tax.name}: {', '.join(repr(u) for u in unknown)}",
            hint=f"the tree's labels are {', '.join(tax.labels)}; use a gold file for this tree (--gold)",
        )
    studies: list[Study] = []
    keys: dict[str, int] = {}
    ids: dict[str, int] = {}
    for line, vals in rows:
        where = f"{path}:{line}"
        leaf, confidence = vals["leaf"], vals["confidence"]
        if confidence not in CONFIDENCE:
            raise GoldLabelError(f"{where}: confidence must be one of {', '.join(CONFIDENCE)}")
        arxiv_id = ""
        if vals.get("arxiv_id"):
            parsed = parse_arxiv(vals["arxiv_id"])
            if not parsed:
                raise GoldLabelError(f"{where}: {vals['arxiv_id']!r} is not an arXiv id")
            arxiv_id = parsed[0]
        title, abstract = vals.get("title", ""), vals.get("abstract", "")
        source = vals.get("source", "")
        if source and not arxiv_id and (parsed := parse_arxiv(source)):
            arxiv_id = parsed[0]
        if not arxiv_id and not abstract and not source:
            raise GoldLabelError(f"{where}: needs an arxiv_id, a source (PDF path), or a title and abstract")
        key = (
            vals.get("key")
            or arxiv_id
            or vals.get("item")
            or "t" + hashlib.sha256((title or source).lower().encode()).hexdigest()[:10]
        )
        if key in keys:
            raise GoldLabelError(f"{where}: duplicate key {key!r} (first on line {keys[key]})")
        if arxiv_id and arxiv_id in ids:
            raise GoldLabelError(f"{where}: duplicate arXiv id {arxiv_id} (first on line {ids[arxiv_id]})")
        keys[key] = line
        if arxiv_id:
            ids[arxiv_id] = line
        year_text = vals.get("year") or "0"
        try:
            year = int(year_text)
        except ValueError:
            raise GoldLabelError(f"{where}: year {year_text!r} is not a number") from None
        short = vals.get("short_name") or title[:48] or arxiv_id
        studies.append(
            Study(
                key,
                short,
                title,
                vals.get("first_author", ""),
                year,
                arxiv_id,
                leaf,
                confidence,
                abstract,
                "" if arxiv_id else source,
            )
        )
    return studies
