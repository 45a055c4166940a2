"""``rltaxo taxonomy grow`` and ``rltaxo taxonomy adopt``: propose new leaves from a batch's poor fits, and
write a tree with one of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..errors import OutputError, UsageError
from .app import EXIT_FAILED, EXIT_OK, fail
from .options import BackendOpt, ModelOpt, TaxonomyOpt, load_taxonomy, settings_from
from .tree import taxonomy_app


@taxonomy_app.command("grow")
def grow_cmd(
    results: Annotated[Path, typer.Argument(help="A batch's results file (JSON Lines), any backend.")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Proposals file. [default: <results>.proposals.json]")
    ] = None,
    min_size: Annotated[int, typer.Option("--min-size", min=2, help="Fewest papers a proposal holds.")] = 5,
    taxonomy: TaxonomyOpt = None,
    backend: BackendOpt = None,
    model: ModelOpt = None,
) -> None:
    """Find the papers no leaf holds well (needs review, low confidence, a close runner-up), cluster them,
    and propose a new leaf per cluster (parent, name, definition, members with the sentence that ties
    each to it), and splits of leaves whose papers form two groups. Writes proposals.json and .md; an
    LLM backend names each cluster (one structured request each), offline names are drafts."""
    from .. import grow
    from ..guard import claim
    from ..review.view import check_tree

    try:
        if not results.is_file():
            raise UsageError(f"{results}: no such results file", hint="give the .jsonl that rltaxo batch wrote")
        tax = load_taxonomy(taxonomy)
        check_tree(results, tax)
        papers = grow.papers_of(grow.read_records(results), tax)
        if not papers:
            raise UsageError(
                f"{results}: no labelled papers in it", hint="run rltaxo batch first, or give another file"
            )
        out = out or results.with_name(results.name.removesuffix(".jsonl") + ".proposals.json")
        md = out.with_suffix(".md")
        for path, what in ((out, "proposals"), (md, "proposals summary")):
            claim(path, keep=[(results, "results file")], what=what)
        namer = None
        name = backend or ("offline" if not settings_from().endpoint_configured else None)
        if name != "offline":
            from ..backends import create

            settings = settings_from(backend=backend, model=model)
            namer = create(settings.resolved_backend(), settings, tax)
            if settings.resolved_backend() == "offline":
                namer = None
        doc = grow.grow(papers, tax, grow.Settings(min_size=min_size), namer=namer)
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    new = [p for p in doc["proposals"] if p["kind"] == "new-leaf"]
    if not doc["proposals"]:
        typer.echo(
            f"rltaxo: no cluster of {min_size} or more poorly fitting papers ({doc['poor_fits']} of "
            f"{doc['papers']} fit poorly); nothing written (try a smaller --min-size)",
            err=True,
        )
        raise typer.Exit(EXIT_FAILED)
    try:
        out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        md.write_text(grow.render_markdown(doc, tax), encoding="utf-8")
    except OSError as exc:
        raise typer.Exit(fail(OutputError(f"{out}: cannot write the proposals ({exc.strerror or exc})"))) from None
    for p in doc["proposals"]:
        if p["kind"] == "new-leaf":
            draft = " (draft)" if p.get("draft") else ""
            typer.echo(f"{p['id']}. new leaf {p['leaf_id']}{draft}: {p['name']} — {len(p['members'])} papers")
        else:
            typer.echo(f"{p['id']}. split {p['leaf']}: " + " | ".join(h["name"] for h in p["parts"]))
    typer.echo(f"{len(new)} new-leaf proposal(s) → {out} (+ {md.name}); adopt one: rltaxo taxonomy adopt {out} --id N",
               err=True)  # fmt: skip
    raise typer.Exit(EXIT_OK)


@taxonomy_app.command("adopt")
def adopt_cmd(
    proposals: Annotated[Path, typer.Argument(help="The proposals file rltaxo taxonomy grow wrote.")],
    pid: Annotated[int, typer.Option("--id", help="The proposal to adopt (its number).")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="New tree file. [default: <tree>.grown.json]")] = None,
    taxonomy: TaxonomyOpt = None,
) -> None:
    """Write a tree file with a proposal's new leaf, its definition and notes, and a question and rule that
    reach it (for LLM backends; offline, learn a model on rows that use it). The input tree is never
    written; the result passes rltaxo taxonomy validate."""
    from ..adopt import adopt
    from ..grow import load_proposals
    from ..taxonomy import Taxonomy

    try:
        if not proposals.is_file():
            raise UsageError(f"{proposals}: no such proposals file", hint="run rltaxo taxonomy grow first")
        doc = load_proposals(proposals)
        tax: Taxonomy = load_taxonomy(taxonomy)
        tree = adopt(doc, pid, tax)
        if out is None:
            stem = Path(tax.origin).stem if tax.origin != "bundled" else "rl-llm-tree"
            out = proposals.with_name(f"{stem}.grown.json")
        if out.exists():
            raise OutputError(f"{out}: exists; the new tree is never written over a file",
                              hint="give another name with -o")  # fmt: skip
        out.write_text(json.dumps(tree, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    leaf = tree["nodes"][-1]["id"]
    typer.echo(f"{out}: {tax.name} with the new leaf {leaf}; check it with rltaxo taxonomy validate {out}")
    raise typer.Exit(EXIT_OK)
