"""``rltaxo zotero push`` and ``rltaxo zotero undo``: labels back into a Zotero library as tags, with a
preview, versions that protect edits made in Zotero meanwhile, and an undo file."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import OutputError, UsageError
from ..guard import claim
from .app import EXIT_FAILED, EXIT_OK, app, fail
from .options import TaxonomyOpt, load_taxonomy

zotero_app = typer.Typer(help="Your Zotero library in place: write a batch's labels back as tags, or undo that.")
app.add_typer(zotero_app, name="zotero")

PrefixOpt = Annotated[str, typer.Option("--prefix", help="The tags rltaxo owns start with this.")]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Write without asking.")]
DryOpt = Annotated[bool, typer.Option("--dry-run", help="Show what would change; write nothing.")]


def _wanted(results: Path, tax: Any, prefix: str) -> dict[str, list[str]]:
    """Zotero item key -> the tags it should carry: its leaf (a reviewer's label wins) and needs-review."""
    from ..batch import iter_records
    from ..review.corrections import Corrections, apply, corrections_path

    decided = Corrections(corrections_path(results)).load()
    out: dict[str, list[str]] = {}
    for rec in apply(iter_records(results), decided, tax) if decided else iter_records(results):
        if not (rec.ok and rec.result is not None):
            continue
        for key in [rec.bib_key, *rec.bib_duplicates]:
            if key and key.startswith("zotero:"):
                tags = [f"{prefix}{rec.result.leaf}"]
                if rec.result.needs_review and not rec.review:
                    tags.append(f"{prefix}needs-review")
                out[key.split(":", 1)[1]] = tags
    return out


@dataclass(frozen=True)
class Change:
    """One item whose tags of the prefix differ from what they should be."""

    key: str
    version: int  # the item's version as read: the write is refused (412) if Zotero's moved on
    tags: list[dict[str, Any]]  # all its tags after the change
    added: list[str]
    removed: list[str]
    old: list[str]  # its tags of the prefix before (what undo puts back)


def _plan(lib: Any, wanted: dict[str, list[str]], prefix: str) -> list[Change]:
    """A change for every item whose tags of the prefix differ from ``wanted`` (push, undo and re-diffs)."""
    from ..zotero import item_keys, prefix_tags, retag

    items = item_keys(lib, sorted(wanted))
    missing = sorted(set(wanted) - set(items))
    if missing:
        typer.echo(f"rltaxo: {len(missing)} item(s) are no longer in the library (deleted?): {', '.join(missing[:5])}",
                   err=True)  # fmt: skip
    plan = []
    for key, item in items.items():
        old, new = prefix_tags(item, prefix), sorted(wanted[key])
        if old != new:
            added, removed = sorted(set(new) - set(old)), sorted(set(old) - set(new))
            plan.append(Change(key, int(item.get("version", 0)), retag(item, prefix, new), added, removed, old))
    return plan


def _notes(results: Path, tax: Any, wanted: dict[str, list[str]], keys: list[str], prefix: str,
           tag: str) -> list[tuple[str, str, str]]:  # fmt: skip
    """(parent, HTML, tag) per item: the final leaf (a reviewer's wins), the model's rationale and quotes."""
    from ..review.corrections import last_per_item
    from ..zotero import note_html

    by_key: dict[str, dict[str, Any]] = {}
    for rec in last_per_item(results).values():
        if rec.get("status") == "ok" and str(rec.get("bib_key", "")).startswith("zotero:"):
            by_key[str(rec["bib_key"]).split(":", 1)[1]] = rec.get("result") or {}
    out = []
    for key in keys:
        res = by_key.get(key, {})
        leaf = wanted[key][0].removeprefix(prefix)
        path = " › ".join(tax.path_names(leaf)) if tax.is_label(leaf) else leaf
        html = note_html(leaf, path, float(res.get("confidence") or 0.0), str(res.get("rationale") or ""),
                         [str(q) for q in res.get("evidence") or []])  # fmt: skip
        out.append((key, html, tag))
    return out


def _confirm(n: int, yes: bool) -> None:
    if yes:
        return
    if not sys.stdin.isatty():
        raise UsageError(f"{n} item(s) would change; nothing written", hint="add --yes to write (or --dry-run to look)")
    if not typer.confirm(f"write these tags to {n} item(s)?"):
        raise typer.Exit(EXIT_OK)


def _write(lib: Any, plan: list[Any], wanted: dict[str, list[str]], prefix: str) -> tuple[int, int]:
    """Write the plan; items edited in Zotero meanwhile (412) are read again, re-diffed and written once
    more. Returns (written, still refused)."""
    failed = lib.write_tags([(c.key, c.version, c.tags) for c in plan])
    stale = {k for k, why in failed.items() if why == "412"}
    if stale:
        typer.echo(f"rltaxo: {len(stale)} item(s) changed in Zotero meanwhile: read again, diffed again", err=True)
        again = _plan(lib, {k: wanted[k] for k in stale}, prefix)
        failed = {k: w for k, w in failed.items() if k not in stale}
        failed.update(lib.write_tags([(c.key, c.version, c.tags) for c in again]))
    return len(plan) - len(failed), len(failed)


@zotero_app.command("push")
def push(
    results: Annotated[Path, typer.Argument(help="A batch's results file from a zotero:… reading list.")],
    prefix: PrefixOpt = "rltaxo:",
    dry_run: DryOpt = False,
    yes: YesOpt = False,
    note: Annotated[
        bool, typer.Option("--note", help="Also a child note per paper: the label, why, the quotes.")
    ] = False,
    taxonomy: TaxonomyOpt = None,
) -> None:
    """Add each paper's label as a tag (<prefix><leaf>, and <prefix>needs-review), changing only tags of
    the prefix: the diff is shown first, an undo file is written before anything else, and an item
    edited in Zotero meanwhile is never overwritten (its version is checked; it is read again)."""
    from ..review.view import check_tree
    from ..zotero import library_from_env

    try:
        if not results.is_file():
            raise UsageError(f"{results}: no such results file", hint="give the .jsonl rltaxo batch zotero:… wrote")
        if not prefix.strip():
            raise UsageError("--prefix must not be empty: rltaxo would own every tag")
        tax = load_taxonomy(taxonomy)
        check_tree(results, tax)
        wanted = _wanted(results, tax, prefix)
        if not wanted:
            raise UsageError(f"{results}: no labelled Zotero items in it", hint="run rltaxo batch zotero:COLLECTION")
        lib = library_from_env()
        plan = _plan(lib, wanted, prefix)
        note_tag = f"{prefix}note"
        notes = [k for k in sorted(wanted) if not lib.notes_of(k, note_tag)] if note else []
        for c in plan:
            typer.echo(f"{c.key}: " + " ".join([*(f"+{t}" for t in c.added), *(f"-{t}" for t in c.removed)]))
        for key in notes:
            typer.echo(f"{key}: + a child note ({note_tag})")
        if not plan and not notes:
            typer.echo(f"rltaxo: all {len(wanted)} item(s) already carry their tags; nothing to write", err=True)
            raise typer.Exit(EXIT_OK)
        if dry_run:
            typer.echo(f"rltaxo: {len(plan) + len(notes)} change(s) would be made (dry run: nothing written)", err=True)
            raise typer.Exit(EXIT_OK)
        _confirm(len(plan) + len(notes), yes)

        undo = results.with_name(f"{results.stem}.zotero-undo-{time.strftime('%Y%m%dT%H%M%S')}.json")
        claim(undo, keep=[(results, "results file")], what="undo file")
        undo_doc: dict[str, Any] = {"rltaxo_zotero_undo": 1, "library": lib.prefix, "prefix": prefix,
                                    "items": {c.key: c.old for c in plan}}  # fmt: skip
        try:
            undo.write_text(json.dumps(undo_doc, indent=1) + "\n", encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"{undo}: cannot write the undo file ({exc.strerror or exc}); nothing written") from exc
        written, refused = _write(lib, plan, wanted, prefix) if plan else (0, 0)
        if notes:
            undo_doc["notes"] = lib.add_notes(_notes(results, tax, wanted, notes, prefix, note_tag))
            undo.write_text(json.dumps(undo_doc, indent=1) + "\n", encoding="utf-8")
    except typer.Exit:
        raise
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    n_notes = len(undo_doc.get("notes", []))
    extra = f" and {n_notes} note(s) added" if notes else ""
    typer.echo(f"rltaxo: tags written to {written} item(s){extra}; undo with: rltaxo zotero undo {undo}", err=True)
    if refused:
        typer.echo(
            f"rltaxo: {refused} item(s) refused the write (changed again, or deleted); re-run to retry", err=True
        )
        raise typer.Exit(EXIT_FAILED)
    raise typer.Exit(EXIT_OK)


@zotero_app.command("undo")
def undo(
    undo_file: Annotated[Path, typer.Argument(help="The undo file rltaxo zotero push wrote.")],
    yes: YesOpt = False,
) -> None:
    """Put back the prefix's tags each item had before a push (versions checked as for push)."""
    from ..files import SMALL_BYTES, read_text
    from ..zotero import item_keys, library_from_env

    try:
        try:
            doc = json.loads(read_text(undo_file, what="undo file", limit=SMALL_BYTES))
        except (OSError, ValueError) as exc:
            raise UsageError(f"{undo_file}: not an undo file ({exc})") from None
        if not isinstance(doc, dict) or doc.get("rltaxo_zotero_undo") != 1:
            raise UsageError(f"{undo_file}: not an undo file", hint="give the file rltaxo zotero push named")
        lib = library_from_env()
        if doc.get("library") != lib.prefix:
            raise UsageError(f"{undo_file}: made for the library {doc.get('library')}, not {lib.prefix}")
        prefix, old = str(doc["prefix"]), {str(k): list(v) for k, v in doc["items"].items()}
        notes = [str(k) for k in doc.get("notes", [])]
        plan = _plan(lib, old, prefix)
        for c in plan:
            typer.echo(f"{c.key}: tags of {prefix} back to {', '.join(old[c.key]) or 'none'}")
        notes = sorted(set(notes) & set(item_keys(lib, notes))) if notes else []  # those still there
        for key in notes:
            typer.echo(f"{key}: the note rltaxo added is deleted")
        if not plan and not notes:
            typer.echo("rltaxo: nothing to undo", err=True)
            raise typer.Exit(EXIT_OK)
        _confirm(len(plan) + len(notes), yes)
        written, refused = _write(lib, plan, old, prefix) if plan else (0, 0)
        if notes:
            lib.delete(notes)
    except typer.Exit:
        raise
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    typer.echo(f"rltaxo: {written} item(s) restored", err=True)
    raise typer.Exit(EXIT_FAILED if refused else EXIT_OK)
