"""The survey's 24 hand-labeled studies, loaded from ``gold_labels/studies.csv`` and validated."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from . import taxonomy
from .errors import GoldLabelError
from .resources import data_dir
from .sources import parse_arxiv

COLUMNS = ("key", "short_name", "title", "first_author", "year", "arxiv_id", "leaf", "confidence")
CONFIDENCE = ("high", "medium", "low")


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


def default_path() -> Path:
    return data_dir("gold_labels") / "studies.csv"


def load(path: Path | None = None) -> list[Study]:
    """Every row checked: known leaf, unique key and arXiv id, valid id, known confidence."""
    path = path or default_path()
    tax = taxonomy.load()
    try:
        fh = path.open(newline="", encoding="utf-8-sig")  # a spreadsheet may add a BOM
    except OSError as exc:
        raise GoldLabelError(f"{path}: cannot read gold labels ({exc.strerror})") from exc
    with fh:
        reader = csv.DictReader(fh)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise GoldLabelError(f"{path}: missing column(s) {', '.join(missing)}")
        studies: list[Study] = []
        keys: dict[str, int] = {}
        ids: dict[str, int] = {}
        for line, row in enumerate(reader, start=2):
            where = f"{path}:{line}"
            vals = {c: (row.get(c) or "").strip() for c in COLUMNS}
            if not vals["key"]:
                raise GoldLabelError(f"{where}: empty key")
            if vals["leaf"] not in tax.leaves:
                raise GoldLabelError(f"{where}: unknown leaf {vals['leaf']!r}", hint=f"one of {', '.join(tax.leaves)}")
            if vals["confidence"] not in CONFIDENCE:
                raise GoldLabelError(f"{where}: confidence must be one of {', '.join(CONFIDENCE)}")
            parsed = parse_arxiv(vals["arxiv_id"])
            if not parsed:
                raise GoldLabelError(f"{where}: {vals['arxiv_id']!r} is not an arXiv id")
            if vals["key"] in keys:
                raise GoldLabelError(f"{where}: duplicate key {vals['key']!r} (first on line {keys[vals['key']]})")
            if parsed[0] in ids:
                raise GoldLabelError(f"{where}: duplicate arXiv id {parsed[0]} (first on line {ids[parsed[0]]})")
            keys[vals["key"]] = ids[parsed[0]] = line
            try:
                year = int(vals["year"])
            except ValueError:
                raise GoldLabelError(f"{where}: year {vals['year']!r} is not a number") from None
            studies.append(
                Study(
                    vals["key"],
                    vals["short_name"],
                    vals["title"],
                    vals["first_author"],
                    year,
                    parsed[0],
                    vals["leaf"],
                    vals["confidence"],
                )
            )
    if not studies:
        raise GoldLabelError(f"{path}: no studies")
    return studies
