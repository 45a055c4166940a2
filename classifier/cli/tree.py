"""``rltaxo tree`` and ``rltaxo taxonomy validate|schema``: the tree in use, and tree files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .app import EXIT_OK, EXIT_USAGE, app, clean, fail
from .options import JsonOpt, TaxonomyOpt, load_taxonomy


@app.command()
def tree(taxonomy: TaxonomyOpt = None, json_out: JsonOpt = False) -> None:
    """Show the taxonomy in use as a tree, with a one-line definition of every node."""
    try:
        tax = load_taxonomy(taxonomy)
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    if json_out:
        nodes = [
            {"id": n.id, "name": n.name, "parent": n.parent, "leaf": n.is_leaf, "definition": n.definition}
            for n in tax.nodes.values()
        ]
        info = {"name": tax.name, "source": tax.source, "sha256": tax.sha256, "out_of_scope": tax.out_of_scope}
        typer.echo(json.dumps(info | {"labels": list(tax.labels), "nodes": nodes}, indent=2))
        return

    def show(node_id: str, prefix: str, last: bool, depth: int) -> None:
        n = tax.nodes[node_id]
        branch = "" if depth == 0 else ("└── " if last else "├── ")
        label = typer.style(n.name, bold=True) + (typer.style(f"  [{n.id}]", fg="cyan") if n.is_leaf else "")
        typer.echo(f"{prefix}{branch}{label} — {n.definition}")
        child_prefix = prefix + ("" if depth == 0 else ("    " if last else "│   "))
        for i, kid in enumerate(n.children):
            show(kid, child_prefix, i == len(n.children) - 1, depth + 1)

    typer.echo(typer.style(tax.name, underline=True) + (f"  ({tax.origin})" if tax.origin != "bundled" else ""))
    for top in tax.top_classes:
        show(top, "", True, 0)
    o = tax.nodes[tax.out_of_scope]
    typer.echo(typer.style(o.name, bold=True) + typer.style(f"  [{o.id}]", fg="cyan") + f" — {o.definition}")


taxonomy_app = typer.Typer(
    help="Work with taxonomy tree files: validate one, print the file format's schema, or grow the tree "
    "(propose new leaves from a batch's poor fits, adopt one)."
)


@taxonomy_app.command("validate")
def validate(
    path: Annotated[Path, typer.Argument(help="The tree file (JSON) to check.")],
    json_out: JsonOpt = False,
) -> None:
    """Explain what is wrong with a tree file, one line per problem; exit 0 when valid, 2 when not."""
    from ..taxonomy import Taxonomy, read_file

    spec, problems = read_file(path)
    if json_out:
        info: dict[str, object] = {"path": str(path), "valid": spec is not None, "problems": problems}
        if spec is not None:
            tax = Taxonomy(spec, origin=str(path))
            info |= {"name": tax.name, "labels": list(tax.labels), "sha256": tax.sha256}
        typer.echo(json.dumps(info))
        raise typer.Exit(EXIT_OK if spec is not None else EXIT_USAGE)
    if spec is None:
        for problem in problems:
            typer.echo(f"{clean(path)}: {clean(problem)}", err=True)
        typer.echo(f"rltaxo: {len(problems)} problem(s) in {clean(path)}", err=True)
        raise typer.Exit(EXIT_USAGE)
    tax = Taxonomy(spec, origin=str(path))
    offline = "yes" if spec.offline or any(a.cues for q in spec.questions for a in q.answers) else "no (LLM only)"
    typer.echo(
        f"{clean(path)}: valid — {clean(tax.name)}: {len(tax.leaves)} leaves under {len(tax.top_classes)} top "
        f"class(es), depth {tax.depth}, {len(tax.questions)} question(s), {len(tax.rules)} rule(s); offline: {offline}"
    )


@taxonomy_app.command("schema")
def schema() -> None:
    """Print the JSON Schema of the tree file format (for editors: save it and point "$schema" at it)."""
    from ..taxonomy import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


app.add_typer(taxonomy_app, name="taxonomy")
