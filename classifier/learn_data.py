"""The labelled rows ``rltaxo learn`` reads: gold files (CSV or JSON Lines), a review's corrections and
the results of a batch labelled by an LLM (distillation: label a few hundred with an LLM, learn, label
the rest offline).

A person's word outweighs a model's: corrections weigh 3, gold rows 2, an LLM's labels 1 (0.5 where it
asked for review). A gold file may mark labels as doubtful (``confidence`` low or medium, or
``sureness: unsure`` as ../shared/train does): those weigh half. Where any row is doubtful, the others
are tagged sure, and the review threshold is set on them, as for the bundled model. Labels the offline
backend made itself are skipped: learning them teaches nothing. The same paper in two files keeps the
weightier label; twice in one file, or with two labels of equal weight, is an error. A row without an
abstract is filled from the arXiv API (or skipped, counted).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GoldLabelError, RltaxoError, UsageError
from .evidence import normalise_for_match
from .files import read_text
from .learn import Row
from .taxonomy import Taxonomy

WEIGHTS = {"correction": 3.0, "gold": 2.0, "llm": 1.0}


@dataclass
class Labelled:
    rows: list[Row]
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count
    by_kind: dict[str, int] = field(default_factory=dict)


@dataclass
class _Found:
    title: str
    abstract: str
    label: str
    weight: float
    arxiv_id: str
    where: str
    doubtful: bool = False  # its source says so: an LLM's result flagged needs_review, a label marked unsure


def _kind(path: Path, first: dict[str, object] | None) -> str:
    if first is None:
        return "gold"
    if "status" in first and "item" in first:
        return "batch"
    if "item" in first and ("leaf" in first or first.get("decision") == "undone"):
        return "correction"
    return "gold"


def _first_json(text: str) -> dict[str, object] | None:
    for line in text.splitlines():
        if line.strip():
            try:
                obj = json.loads(line)
            except ValueError:
                return None
            return obj if isinstance(obj, dict) else None
    return None


def _batch_rows(path: Path, text: str, tax: Taxonomy, skipped: dict[str, int]) -> list[_Found]:
    out = []
    last: dict[str, tuple[int, dict]] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            raise UsageError(f"{path}:{n}: not JSON") from None
        if isinstance(rec, dict) and rec.get("item"):
            last[str(rec["item"])] = (n, rec)  # a batch may record an item again (--retry-failed): last wins
    for n, rec in sorted(last.values(), key=lambda t: t[0]):
        res = rec.get("result")
        if rec.get("status") != "ok" or not isinstance(res, dict):
            skipped["failed in the batch"] = skipped.get("failed in the batch", 0) + 1
            continue
        if res.get("backend") == "offline":
            skipped["labelled offline (nothing to learn)"] = skipped.get("labelled offline (nothing to learn)", 0) + 1
            continue
        leaf = str(res.get("leaf") or "")
        if not tax.is_label(leaf):
            raise UsageError(f"{path}:{n}: unknown leaf {leaf!r} for the tree {tax.name!r}",
                             hint="learn with the tree the batch used (--taxonomy)")  # fmt: skip
        doubtful = bool(res.get("needs_review"))
        weight = WEIGHTS["llm"] * (0.5 if doubtful else 1.0)
        arxiv = str(res.get("arxiv_id") or "").split("v")[0] if res.get("arxiv_id") else ""
        out.append(_Found(str(res.get("title") or ""), str(res.get("abstract") or ""), leaf, weight, arxiv,
                          f"{path}:{n}", doubtful))  # fmt: skip
    return out


def _gold_rows(path: Path, kind: str, tax: Taxonomy) -> list[_Found]:
    from .gold import load

    try:
        studies = load(path, tax)
    except GoldLabelError as exc:
        raise UsageError(exc.message, hint=exc.hint) from None
    out = []
    for s in studies:
        doubtful = s.confidence != "high"
        weight = WEIGHTS[kind] * (0.5 if doubtful else 1.0)
        out.append(_Found(s.title, s.abstract, s.leaf, weight, s.arxiv_id, f"{path} ({s.key})", doubtful))
    return out


def read_labelled(
    paths: list[Path], tax: Taxonomy, fetch: Callable[[list[str]], dict[str, tuple[str, str]]] | None = None
) -> Labelled:
    """Every labelled row of ``paths``; ``fetch`` (arXiv ids -> title, abstract) fills missing abstracts,
    or None to skip such rows."""
    found: list[_Found] = []
    skipped: dict[str, int] = {}
    by_kind: dict[str, int] = {}
    for path in paths:
        try:
            text = read_text(path, what="labelled file", encoding="utf-8-sig")
        except FileNotFoundError:
            raise UsageError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise UsageError(f"{path}: is a folder", hint="name the labelled files themselves") from None
        except UnicodeDecodeError:
            raise UsageError(f"{path}: not UTF-8 text") from None
        except OSError as exc:
            raise UsageError(f"{path}: cannot read it ({exc.strerror or exc})") from None
        first = _first_json(text) if path.suffix.lower() in (".jsonl", ".ndjson", ".json") else None
        kind = _kind(path, first)
        rows = _batch_rows(path, text, tax, skipped) if kind == "batch" else _gold_rows(path, kind, tax)
        by_kind[kind] = by_kind.get(kind, 0) + len(rows)
        found += rows
    _fill(found, fetch, skipped)
    # where some labels are doubtful, the others are the yardstick: tagged "sure", they set the review
    # threshold and get figures of their own (as ../shared/train's sure rows do for the bundled model)
    sure = frozenset({"sure"}) if any(f.doubtful for f in found) else frozenset()
    return Labelled(_merge(found, sure), skipped, by_kind)


def _fill(found: list[_Found], fetch: Callable[[list[str]], dict[str, tuple[str, str]]] | None,
          skipped: dict[str, int]) -> None:  # fmt: skip
    for f in found:
        if not f.abstract.strip() and not f.arxiv_id:
            raise UsageError(f"{f.where}: no abstract, and no arXiv id to fetch one",
                             hint="add the abstract, or the arXiv id")  # fmt: skip
    need = sorted({f.arxiv_id for f in found if not f.abstract.strip()})
    got: dict[str, tuple[str, str]] = {}
    if need and fetch is not None:
        try:
            got = fetch(need)
        except RltaxoError:
            got = {}
    for f in found:
        if not f.abstract.strip() and f.arxiv_id in got:
            title, abstract = got[f.arxiv_id]
            f.title, f.abstract = f.title or title, abstract
    missing = [f for f in found if not f.abstract.strip()]
    if missing:
        reason = "no abstract (arXiv API not asked: --no-download)" if fetch is None else "no abstract to be had"
        skipped[reason] = skipped.get(reason, 0) + len(missing)
        found[:] = [f for f in found if f.abstract.strip()]


def _merge(found: list[_Found], sure: frozenset[str]) -> list[Row]:
    """One row per paper: the weightiest label wins; equal weights that disagree are an error."""
    best: dict[str, _Found] = {}
    for f in found:
        key = f.arxiv_id or "t:" + normalise_for_match(f.title or f.abstract[:200])
        have = best.get(key)
        if have is None or f.weight > have.weight:
            best[key] = f
        elif f.weight == have.weight and f.label != have.label:
            raise UsageError(f"{f.where}: labels the paper of {have.where} {f.label!r}, which says {have.label!r}",
                             hint="keep one of the two, or correct it with rltaxo review")  # fmt: skip
        elif f.weight == have.weight and f.where.split(":")[0] == have.where.split(":")[0]:
            raise UsageError(f"{f.where}: repeats the paper of {have.where}", hint="remove the duplicate")
    return [Row(f.title, f.abstract, f.label, f.weight, group=key, tags=frozenset() if f.doubtful else sure)
            for key, f in sorted(best.items())]  # fmt: skip
