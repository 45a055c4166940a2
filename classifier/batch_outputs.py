"""What a batch leaves besides its JSON Lines: a CSV, a Markdown summary, and labeled BibTeX."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import OutputError
from .guard import claim, free
from .records import RecordSummary
from .taxonomy import Taxonomy


def default_out(reading_list: Path) -> Path:
    """``<list>.rltaxo.jsonl`` beside the list; ``rltaxo.jsonl`` here for ``/`` or a list read from a pipe."""
    if not (reading_list.is_file() or reading_list.is_dir()):  # a pipe such as <(...): name the output here
        return Path.cwd() / "rltaxo.jsonl"
    resolved = reading_list.resolve()
    return resolved.with_name(resolved.name + ".rltaxo.jsonl") if resolved.name else Path.cwd() / "rltaxo.jsonl"


def derived_path(out: Path, ext: str, inputs: Iterable[Path] = ()) -> Path:
    """Where a derived output (``.md``, ``.csv``, ``.bib``) goes: beside the results file, never the
    results file itself, never an input, and never a file rltaxo did not write (nor a FIFO or device),
    whatever the user named them: the next candidate name is taken instead."""
    base = out.name[: -len(".jsonl")] if out.name.endswith(".jsonl") else out.name
    taken = [(out, "results file"), *((p, "reading list") for p in inputs)]
    for stem in (base, base + ".rltaxo", base + ".rltaxo-out"):
        cand = out.with_name(stem + ext)
        if free(cand, taken):
            return cand
    raise OutputError(f"{out}: no free name for its {ext} output", hint="give -o another name")


def check_outputs(reading_list: Path, out: Path) -> None:
    """Refuse, before any work, a results file (or its lock sidecar) that is the reading list, cannot be
    a file, or is a file rltaxo did not write."""
    claim(out, keep=[(reading_list, "reading list")], what="results")
    if not out.name:
        raise OutputError(f"{out}: is not a file name", hint="give -o a file name, e.g. -o labels.jsonl")
    for suffix, what in ((".lock", "lock file"), (".tmp", "results file's temporary copy")):
        claim(out.with_name(out.name + suffix), keep=[(reading_list, "reading list"), (out, "results file")], what=what)


CSV_FIELDS = [
    "item", "source", "bib_key", "status", "leaf", "top_class", "confidence", "needs_review", "reviewed",
    "classifier_leaf", "input", "title", "error",
]  # fmt: skip


def _row(rec: RecordSummary) -> dict[str, Any]:
    res = rec.result
    return {
        "item": rec.item,
        "source": rec.source,
        "bib_key": rec.bib_key or "",
        "status": rec.status,
        "leaf": res.leaf if res else "",
        "top_class": res.top_class if res else "",
        "confidence": res.confidence if res else "",
        "needs_review": "" if res is None else ("yes" if res.needs_review else "no"),
        "reviewed": rec.review or "",  # a person confirmed or changed the label (rltaxo review)
        "classifier_leaf": (res.original_leaf or res.leaf) if res else "",
        "input": res.input if res else "",
        "title": res.title if res else "",
        "error": rec.error.message if rec.error else "",
    }


def write_csv(records: Iterable[RecordSummary], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
        writer.writeheader()
        writer.writerows(_row(r) for r in records)


_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|[\x00-\x1f\x7f-\x9f]")


def cell(text: str) -> str:
    """Text from a paper or a list as one Markdown table cell: one line, no table or HTML syntax (a `|`
    would split the row, `<!--` hide the rest of the file, `<script>` run in a viewer) and no terminal
    escapes."""
    text = " ".join(_CONTROL.sub(" ", text).split())
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def write_markdown(records: Iterable[RecordSummary], path: Path, tax: Taxonomy) -> None:
    """One pass over the records, keeping only the table rows: a list of any size fits in memory."""
    rows: dict[str, list[str]] = {}
    failures: list[str] = []
    inputs: Counter[str] = Counter()
    doubtful = 0
    for r in records:
        res = r.result
        if res is None or not r.ok:
            failures.append(f"| {cell(r.source or r.item)} | {cell(r.error.message if r.error else '')} |")
            continue
        inputs[res.input or "pdf"] += 1
        doubtful += res.needs_review
        title = cell(res.title or r.source)
        flag = "needs review" if res.needs_review else ""
        if r.review == "confirmed":
            flag = "confirmed by a person"
        elif r.review == "changed":
            flag = f"changed by a person (was `{res.original_leaf}`)"
        rows.setdefault(res.leaf, []).append(f"| {title} ({cell(r.source)}) | {res.confidence:.2f} | {flag} |")
    ok = sum(len(v) for v in rows.values())
    lines = ["# rltaxo batch summary", "", f"{ok + len(failures)} items: {ok} labeled, {len(failures)} failed."]
    lines += [f"Read from: {inputs['pdf']} PDFs, {inputs['abstract']} titles + abstracts."]
    lines += [f"{doubtful} labels are marked **needs review** (low confidence or a disagreement): check those first."]
    lines.append("")
    lines += ["| leaf | papers |", "|---|---|"]
    known = [leaf for leaf in tax.labels if leaf in rows] + [leaf for leaf in rows if not tax.is_label(leaf)]
    lines += [f"| `{leaf}` | {len(rows[leaf])} |" for leaf in known]
    for leaf in known:
        names = tax.path_names(leaf) if tax.is_label(leaf) else [leaf]
        lines += ["", f"## {' › '.join(names)} (`{leaf}`)", "", "| paper | confidence | review |", "|---|---|---|"]
        lines += rows[leaf]
    if failures:
        lines += ["", "## Failures", "", "| item | reason |", "|---|---|", *failures]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _leaf_by_entry_key(records: Iterable[RecordSummary]) -> dict[str, str]:
    """The label of every entry of the input list (BibTeX key or ``ris:N``), duplicates included."""
    by_key: dict[str, str] = {}
    for r in records:
        if r.result is not None and r.ok:
            for key in [r.bib_key, *r.bib_duplicates]:
                if key:
                    by_key[key] = r.result.leaf
    return by_key


def write_bibtex(bib_in: Path, records: Iterable[RecordSummary], path: Path) -> None:
    """The input BibTeX with ``rltaxo:<leaf>`` added to each labeled entry's keywords."""
    import bibtexparser
    from bibtexparser.model import Field

    library = bibtexparser.parse_file(str(bib_in))
    by_key = _leaf_by_entry_key(records)
    for entry in library.entries:
        leaf = by_key.get(entry.key)
        if not leaf:
            continue
        old = entry.fields_dict.get("keywords")
        words = [w.strip() for w in str(old.value).split(",")] if old else []
        words = [w for w in words if w and not w.startswith("rltaxo:")] + [f"rltaxo:{leaf}"]
        entry.set_field(Field("keywords", ", ".join(words)))
    head = f"% rltaxo: {bib_in.name} with each labeled entry's leaf in its keywords (rltaxo:<leaf>)\n\n"
    path.write_text(head + bibtexparser.write_string(library), encoding="utf-8")


def write_ris(ris_in: Path, records: Iterable[RecordSummary], path: Path) -> None:
    """The input RIS with ``rltaxo:<leaf>`` added to each labeled entry's keywords (KW)."""
    import rispy

    entries = rispy.loads(ris_in.read_text(encoding="utf-8-sig"))
    by_key = _leaf_by_entry_key(records)
    for n, entry in enumerate(entries, start=1):
        leaf = by_key.get(f"ris:{n}")
        if leaf:
            words = [w for w in entry.get("keywords", []) if not str(w).startswith("rltaxo:")]
            entry["keywords"] = [*words, f"rltaxo:{leaf}"]
    path.write_text(rispy.dumps(entries), encoding="utf-8")
