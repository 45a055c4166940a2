"""What a batch leaves besides its JSON Lines: a CSV, a Markdown summary, and labeled BibTeX."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

from . import taxonomy

CSV_FIELDS = ["item", "source", "bib_key", "status", "leaf", "top_class", "confidence", "title", "error"]


def _row(rec: dict[str, Any]) -> dict[str, Any]:
    res = rec.get("result") or {}
    err = rec.get("error") or {}
    return {
        "item": rec["item"],
        "source": rec["source"],
        "bib_key": rec.get("bib_key") or "",
        "status": rec["status"],
        "leaf": res.get("leaf", ""),
        "top_class": res.get("top_class", ""),
        "confidence": res.get("confidence", ""),
        "title": res.get("title", ""),
        "error": err.get("message", ""),
    }


def write_csv(records: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
        writer.writeheader()
        writer.writerows(_row(r) for r in records)


def write_markdown(records: list[dict[str, Any]], path: Path) -> None:
    tax = taxonomy.load()
    ok = [r for r in records if r["status"] == "ok"]
    bad = [r for r in records if r["status"] != "ok"]
    counts = Counter(r["result"]["leaf"] for r in ok)
    lines = ["# rltaxo batch summary", "", f"{len(records)} items: {len(ok)} labeled, {len(bad)} failed.", ""]
    lines += ["| leaf | papers |", "|---|---|"]
    lines += [f"| `{leaf}` | {counts[leaf]} |" for leaf in tax.labels if counts[leaf]]
    for leaf in tax.labels:
        papers = [r for r in ok if r["result"]["leaf"] == leaf]
        if not papers:
            continue
        lines += ["", f"## {' › '.join(tax.path_names(leaf))} (`{leaf}`)", "", "| paper | confidence |", "|---|---|"]
        for r in papers:
            title = (r["result"].get("title") or r["source"]).replace("|", "\\|")
            lines.append(f"| {title} ({r['source']}) | {r['result']['confidence']:.2f} |")
    if bad:
        lines += ["", "## Failures", "", "| item | reason |", "|---|---|"]
        lines += [f"| {r['source'] or r['item']} | {r['error']['message'].replace('|', '/')} |" for r in bad]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_bibtex(bib_in: Path, records: list[dict[str, Any]], path: Path) -> None:
    """The input BibTeX with ``rltaxo:<leaf>`` added to each labeled entry's keywords."""
    import bibtexparser
    from bibtexparser.model import Field

    library = bibtexparser.parse_file(str(bib_in))
    by_key: dict[str, str] = {}
    for r in records:
        if r["status"] == "ok":
            for key in [r.get("bib_key"), *r.get("bib_duplicates", [])]:
                if key:
                    by_key[key] = r["result"]["leaf"]
    for entry in library.entries:
        leaf = by_key.get(entry.key)
        if not leaf:
            continue
        old = entry.fields_dict.get("keywords")
        words = [w.strip() for w in str(old.value).split(",")] if old else []
        words = [w for w in words if w and not w.startswith("rltaxo:")] + [f"rltaxo:{leaf}"]
        entry.set_field(Field("keywords", ", ".join(words)))
    path.write_text(bibtexparser.write_string(library), encoding="utf-8")
