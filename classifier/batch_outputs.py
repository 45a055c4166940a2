"""What a batch leaves besides its JSON Lines: a CSV, a Markdown summary, and labeled BibTeX."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import OutputError
from .files import open_for_writing
from .guard import claim, free
from .records import RecordSummary
from .taxonomy import Taxonomy


def default_out(reading_list: Path) -> Path:
    """``<list>.rltaxo.jsonl`` beside the list, or here when the list's folder is read-only; ``rltaxo.jsonl``
    here for ``/`` or a list read from a pipe."""
    if not (reading_list.is_file() or reading_list.is_dir()):  # a pipe such as <(...): name the output here
        return Path.cwd() / "rltaxo.jsonl"
    resolved = reading_list.resolve()
    if not resolved.name:
        return Path.cwd() / "rltaxo.jsonl"
    name = resolved.name + ".rltaxo.jsonl"
    return resolved.with_name(name) if open_for_writing(resolved.parent) else Path.cwd() / name


_DERIVED = {".md": "summary", ".csv": "csv", ".bib": "bibtex", ".ris": "ris", ".tex": "latex"}


def derived_path(out: Path, ext: str, inputs: Iterable[Path] = ()) -> Path:
    """Where a derived output (``.md``, ``.csv``, ``.bib``) goes: beside the results file, never the
    results file itself, never an input, and never a file rltaxo did not write (nor a FIFO or device),
    whatever the user named them: the next candidate name is taken instead."""
    base = out.name[: -len(".jsonl")] if out.name.endswith(".jsonl") else out.name
    taken = [(out, "results file"), *((p, "reading list") for p in inputs)]
    what = _DERIVED[ext]
    for stem in (base, base + ".rltaxo", base + ".rltaxo-out"):
        cand = out.with_name(stem + ext)
        if free(cand, taken, what):
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
    "item", "source", "bib_key", "status", "leaf", "leaf_path", "top_class", "confidence", "needs_review",
    "reviewed", "classifier_leaf", "input", "title", "citekey", "authors", "year", "venue", "doi", "error",
]  # fmt: skip


def _row(rec: RecordSummary, tax: Taxonomy | None = None) -> dict[str, Any]:
    res = rec.result
    bib = rec.bib or {}
    path = " › ".join(tax.path_names(res.leaf)) if res and tax and tax.is_label(res.leaf) else ""
    return {
        "item": rec.item,
        "source": rec.source,
        "bib_key": rec.bib_key or "",
        "status": rec.status,
        "leaf": res.leaf if res else "",
        "leaf_path": path,
        "top_class": res.top_class if res else "",
        "confidence": res.confidence if res else "",
        "needs_review": "" if res is None else ("yes" if res.needs_review and not rec.review else "no"),
        "reviewed": rec.review or "",  # a person confirmed or changed the label (rltaxo review)
        "classifier_leaf": (res.original_leaf or res.leaf) if res else "",
        "input": res.input if res else "",
        "title": res.title if res else "",
        **{k: bib.get(k, "") for k in ("citekey", "authors", "year", "venue", "doi")},
        "error": rec.error.message if rec.error else "",
    }


def write_csv(records: Iterable[RecordSummary], path: Path, tax: Taxonomy | None = None) -> None:
    """One row per item: its label (with the leaf's readable path) and what the list says of the paper
    (citekey, authors, year, venue, DOI), ready for a spreadsheet or a survey's tables."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
        writer.writeheader()
        writer.writerows(_row(r, tax) for r in records)


def paper_name(rec: RecordSummary) -> str:
    """How a summary names a paper: its title, then its citekey or arXiv id, or the list's path or URL;
    never a stand-in the list did not give (a title-only item's source is its title)."""
    res = rec.result
    title = (res.title if res else "") or ""
    bib = rec.bib or {}
    tag = bib.get("citekey") or (res.arxiv_id if res is not None and res.arxiv_id else "")
    if not tag and rec.source and not title.startswith(rec.source[:40]) and rec.source != title[:80]:
        tag = rec.source
    return f"{title} ({tag})" if title and tag else (title or tag or rec.item)


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
        doubtful += res.needs_review and not r.review  # a person's decision settles it
        name = cell(paper_name(r))
        flag = "needs review" if res.needs_review else ""
        if r.review == "confirmed":
            flag = "confirmed by a person"
        elif r.review == "changed":
            flag = f"changed by a person (was `{res.original_leaf}`)"
        rows.setdefault(res.leaf, []).append(f"| {name} | {res.confidence:.2f} | {flag} |")
    ok = sum(len(v) for v in rows.values())
    lines = ["# rltaxo batch summary", "", f"{ok + len(failures)} items: {ok} labeled, {len(failures)} failed."]
    alone = f", {inputs['title']} titles alone (each needs review)" if inputs["title"] else ""
    lines += [f"Read from: {inputs['pdf']} PDFs, {inputs['abstract']} titles + abstracts{alone}."]
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
    """The input BibTeX with ``rltaxo:<leaf>`` in each labeled entry's keywords, and nothing else
    changed: the file is edited as text (a keywords value replaced, or one line added), never
    re-serialised, so a diff against the input shows only ``keywords`` lines."""
    import bibtexparser

    text = bib_in.read_bytes().decode("utf-8-sig")  # bytes: line endings stay as they are
    by_key = _leaf_by_entry_key(records)
    # where each entry's text starts: the parser's line numbers, then its raw text found from there
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    edits: list[tuple[int, int, str]] = []
    for entry in bibtexparser.parse_string(text).entries:
        leaf, line, raw = by_key.get(entry.key), entry.start_line, entry.raw
        if not leaf or line is None or raw is None or line >= len(line_starts):
            continue
        start = text.find(raw, line_starts[line])
        if start < 0:
            continue
        edit = _keywords_edit(raw, f"rltaxo:{leaf}")
        if edit:
            a, b, new_text = edit
            edits.append((start + a, start + b, new_text))
    for a, b, new_text in sorted(edits, reverse=True):
        text = text[:a] + new_text + text[b:]
    path.write_bytes(text.encode("utf-8"))


_KEYWORDS = re.compile(r"(?im)^([ \t]*keywords[ \t]*=[ \t]*)")


def _keywords_edit(raw: str, word: str) -> tuple[int, int, str] | None:
    """The span of an entry's raw text to replace, and with what, so its keywords hold *word* (and any
    other ``rltaxo:`` word goes): the value replaced in place, or a ``keywords`` line added."""
    m = _KEYWORDS.search(raw)
    if m:
        open_at = m.end()
        close = _value_end(raw, open_at)
        if close is None:
            return None
        value = raw[open_at + 1 : close - 1]
        words = [w.strip() for w in value.split(",")]
        words = [w for w in words if w and not w.startswith("rltaxo:")] + [word]
        return open_at, close, raw[open_at] + ", ".join(words) + raw[close - 1]
    head = raw.find(",")
    if head < 0:
        return None
    nxt = re.search(r"\n([ \t]*)\S", raw[head:])
    indent = nxt.group(1) if nxt else "  "
    newline = "\r\n" if "\r\n" in raw else "\n"
    return head + 1, head + 1, f"{newline}{indent}keywords = {{{word}}},"


def _value_end(raw: str, i: int) -> int | None:
    """The index just past a ``{...}`` (balanced) or ``"..."`` value starting at *i*."""
    if i >= len(raw) or raw[i] not in '{"':
        return None
    depth = 0
    for j in range(i, len(raw)):
        ch = raw[j]
        if ch == "{":  # BibTeX counts every brace, escaped or not
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0 and raw[i] == "{":
                return j + 1
        elif ch == '"' and raw[i] == '"' and j > i and depth == 0:
            return j + 1
    return None


def write_ris(ris_in: Path, records: Iterable[RecordSummary], path: Path) -> None:
    """The input RIS with a ``KW  - rltaxo:<leaf>`` line in each labeled record (an older ``rltaxo:``
    keyword goes), edited line by line: nothing else changes. Records are counted as the reading list
    counts them (``ris:N``, by their ``TY  -`` lines), a last one without its ``ER  -`` line included."""
    by_key = _leaf_by_entry_key(records)
    lines = ris_in.read_bytes().decode("utf-8-sig").splitlines(keepends=True)  # line endings kept
    out: list[str] = []
    n, leaf, newline = 0, "", "\n"
    for line in lines:
        tag = line[:6]
        if tag == "TY  - ":
            n += 1
            leaf = by_key.get(f"ris:{n}", "")
            newline = "\r\n" if line.endswith("\r\n") else "\n"
        elif leaf and tag == "KW  - " and line[6:].strip().startswith("rltaxo:"):
            continue
        elif leaf and tag.rstrip() == "ER  -":
            out.append(f"KW  - rltaxo:{leaf}{newline}")
            leaf = ""
        out.append(line)
    if leaf:  # the last record had no end line
        if out and not out[-1].endswith("\n"):
            out.append(newline)
        out.append(f"KW  - rltaxo:{leaf}{newline}")
    path.write_bytes("".join(out).encode("utf-8"))
