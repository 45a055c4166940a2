"""A batch's records, typed: what is written (``BatchRecord``) and what resuming and the outputs read back
(``RecordSummary``, a few hundred bytes each, so a list of 10,000 papers never sits in memory in full).

Dicts appear only at the JSON edge: ``BatchRecord.to_json`` for the line written, ``RecordSummary.read``
for a line read (lenient: a line from an older rltaxo still resumes).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .result import ClassificationResult


class RecordError(BaseModel):
    code: str = "error"
    message: str = ""


class BatchRecord(BaseModel):
    """One line of a batch's output JSONL: an item and its result or its error."""

    item: str = Field(description="The item's key (an arXiv id, a file hash, a title hash).")
    source: str = Field("", description="The item as the reading list gave it.")
    bib_key: str | None = None
    duplicates: list[str] = Field(default_factory=list, description="Other spellings of the same paper.")
    bib_duplicates: list[str] = Field(default_factory=list)
    bib: dict[str, str] | None = Field(
        None, description="What the reading list says of the paper: citekey, authors, year, venue, doi."
    )
    status: Literal["ok", "error"]
    result: ClassificationResult | None = None
    error: RecordError | None = None
    via: str | None = Field(None, description="batch-api, api-fallback, cache or import; none for the normal path.")

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)


class ResultSummary(BaseModel):
    model_config = ConfigDict(extra="ignore")

    leaf: str
    top_class: str = ""
    confidence: float = 0.0
    needs_review: bool = False
    input: str = "pdf"
    title: str = ""
    arxiv_id: str | None = None
    cached: bool = False
    original_leaf: str | None = Field(None, description="Set when a person changed the label (rltaxo review).")
    backend: str = ""
    model: str = ""
    prompt_version: str = ""
    taxonomy: str = ""

    def made_by(self) -> tuple[str, str, str, str]:
        """What produced the label: a run that differs must not count it as done."""
        return (self.taxonomy, self.backend, self.model, self.prompt_version)


class RecordSummary(BaseModel):
    """What resuming and the derived outputs need of a record."""

    model_config = ConfigDict(extra="ignore")

    item: str
    source: str = ""
    bib_key: str | None = None
    bib_duplicates: list[str] = Field(default_factory=list)
    bib: dict[str, str] | None = None
    status: Literal["ok", "error"] = "error"
    via: str | None = None
    result: ResultSummary | None = None
    error: RecordError | None = None
    review: Literal["confirmed", "changed"] | None = Field(None, description="A person's decision (rltaxo review).")

    @property
    def ok(self) -> bool:
        return self.status == "ok" and self.result is not None

    @classmethod
    def read(cls, line: bytes | str) -> RecordSummary | None:
        """A line of an output file, or None for a line that is not a record (torn, edited, junk)."""
        try:
            data = json.loads(line)
            if isinstance(data, dict) and data.get("bib_duplicates") is None:
                data.pop("bib_duplicates", None)
            return cls.model_validate(data)
        except (ValueError, ValidationError):
            return None


T = TypeVar("T")


def latest(path: Path, read: Callable[[bytes], T | None], item: Callable[[T], str]) -> Iterator[T]:
    """The last record of every item in a results file, as ``read`` gives it, read from disk one line at a
    time (twice: which line is each item's last, then those lines), so outputs of any size: an item
    labelled again (--relabel, --retry-failed, an import) counts once, as its latest record."""
    if not path.exists():
        return
    last: dict[str, int] = {}
    with path.open("rb") as fh:
        for n, line in enumerate(fh):
            rec = read(line)
            if rec is not None:
                last[item(rec)] = n
    keep = set(last.values())
    del last
    with path.open("rb") as fh:
        for n, line in enumerate(fh):
            if n in keep:
                rec = read(line)
                if rec is not None:
                    yield rec
