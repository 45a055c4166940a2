"""The reviewer's decisions: one JSON line each, appended and fsynced at once, the last one per item wins.

Each line is also a valid gold row of the eval's JSON Lines format (``arxiv_id`` or ``source``, title,
abstract where known, ``leaf``), plus the original label, the decision, a note and the time, so
``rltaxo eval --gold OUT.corrections.jsonl`` scores any backend against the reviewer's labels.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..records import RecordSummary

UNDONE = "undone"  # a row that takes back the item's last decision (the file stays append-only)


def corrections_path(out: Path) -> Path:
    """``labels.jsonl`` → ``labels.corrections.jsonl`` beside it."""
    stem = out.name[: -len(".jsonl")] if out.name.endswith(".jsonl") else out.name
    return out.with_name(stem + ".corrections.jsonl")


def last_per_item(path: Path) -> dict[str, dict[str, Any]]:
    """The last JSON record per ``item`` of a JSONL file; lines that are not such records are skipped."""
    out: dict[str, dict[str, Any]] = {}
    with path.open("rb") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
                out[str(rec["item"])] = rec
            except (ValueError, KeyError, TypeError):
                continue
    return out


class Corrections:
    """The corrections file of one results file; safe for concurrent posts from one server."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def load(self) -> dict[str, dict[str, Any]]:
        """The last decision per item (a torn last line from a crash is skipped; an undone one is none)."""
        last = last_per_item(self.path) if self.path.exists() else {}
        return {k: v for k, v in last.items() if v.get("decision") != UNDONE}

    def undo(self, item: str) -> dict[str, Any]:
        """Take back the item's decision: one more line, so the file keeps its whole history."""
        row = {"item": item, "decision": UNDONE, "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        self._write(row)
        return row

    def append(self, paper: dict[str, Any], leaf: str, note: str = "") -> dict[str, Any]:
        """Record a decision on ``paper`` (a view row): durable before this returns."""
        original = paper.get("leaf")
        row: dict[str, Any] = {"item": paper["item"]}
        if paper.get("arxiv_id"):
            row["arxiv_id"] = paper["arxiv_id"]
        else:
            row["source"] = paper.get("source", "")
        row |= {
            "title": paper.get("title", ""),
            "abstract": paper.get("abstract", ""),
            "leaf": leaf,
            "original_leaf": original,
            "decision": "confirmed" if leaf == original else "changed",
            "note": note,
            "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        self._write(row)
        return row

    def _write(self, row: dict[str, Any]) -> None:
        """One whole line, durable before this returns."""
        data = (json.dumps(row) + "\n").encode()
        with self._lock:
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
                try:
                    view = memoryview(data)
                    while view:
                        view = view[os.write(fd, view) :]
                    os.fsync(fd)
                finally:
                    os.close(fd)
            except OSError as exc:
                raise OutputError(f"{self.path}: cannot save the decision ({exc.strerror or exc})") from exc


def apply(
    records: Iterable[RecordSummary], corrections: dict[str, dict[str, Any]], tax: Any
) -> Iterator[RecordSummary]:
    """Records with the reviewer's label in place of the classifier's, and ``review`` saying whether a
    person confirmed or changed it; for the batch outputs."""
    for rec in records:
        fix = corrections.get(rec.item)
        if fix is not None and rec.result is not None and rec.ok and tax.is_label(fix["leaf"]):
            changed = fix["leaf"] != rec.result.leaf
            result = rec.result.model_copy(update={"leaf": fix["leaf"], "top_class": tax.top_class(fix["leaf"]),
                                                   "original_leaf": rec.result.leaf if changed else None})  # fmt: skip
            rec = rec.model_copy(update={"result": result, "review": "changed" if changed else "confirmed"})
        yield rec
