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


MINIMAL: dict[str, object] = {
    "$comment": "A starting tree for rltaxo. Rename, define and add nodes; rltaxo taxonomy validate FILE checks "
    "it. Every object may carry a $comment like this one: rltaxo ignores it.",
    "name": "My survey's taxonomy",
    "source": "Where the tree comes from (the survey, its arXiv id)",
    "out_of_scope": "out-of-scope",
    "nodes": [
        {"$comment": "A top class: no parent. Its children make it an inner node.", "id": "family-a",
         "name": "Family A", "definition": "What puts a paper in family A, in one or two sentences."},
        {"$comment": "A leaf: a node no other node names as its parent. Ids are stable: results and gold use them.",
         "id": "family-a/kind-1", "parent": "family-a", "name": "Kind 1",
         "definition": "What the paper's own method does, for kind 1.",
         "include": ["a borderline case that belongs here"], "exclude": ["a look-alike that belongs elsewhere"],
         "examples": ["A made-up one-line method description (never a real paper)."]},
        {"id": "family-a/kind-2", "parent": "family-a", "name": "Kind 2",
         "definition": "What the paper's own method does, for kind 2."},
        {"id": "family-b", "name": "Family B", "definition": "A top class that is itself a leaf."},
        {"$comment": "Papers outside the tree: an ordinary root leaf, named by out_of_scope.",
         "id": "out-of-scope", "name": "Out of scope", "definition": "The paper belongs to none of the families."},
    ],
    "questions": [
        {"$comment": "Optional. An LLM answers each question with a quote; rules turn answers into a leaf. For the "
         "offline backend give answers cues (phrases, regular expressions) or learn a model (rltaxo learn).",
         "id": "family", "text": "Which family does the paper's own method belong to?", "type": "choice",
         "answers": [{"id": "a", "says": "it is a family A method", "cues": ["family a"]},
                     {"id": "b", "says": "it is a family B method", "cues": ["family b"]},
                     {"id": "none", "says": "neither"}]},
        {"id": "kind_1", "text": "Is it of kind 1 rather than kind 2?", "type": "boolean",
         "answers": [{"id": "yes", "says": "it is of kind 1", "cues": ["kind one"]},
                     {"id": "no", "says": "it is of kind 2", "cues": ["kind two"]}]},
    ],
    "rules": [
        {"$comment": "Ordered: the first rule whose conditions all hold gives the leaf; default when none does.",
         "when": {"family": "a", "kind_1": True}, "leaf": "family-a/kind-1"},
        {"when": {"family": "a", "kind_1": False}, "leaf": "family-a/kind-2"},
        {"when": {"family": "b"}, "leaf": "family-b"},
    ],
    "default": "out-of-scope",
}  # fmt: skip


@taxonomy_app.command("init")
def init(
    out: Annotated[Path, typer.Argument(help="The tree file to write (never over an existing file).")] = Path(
        "taxonomy.json"
    ),
    start: Annotated[
        str, typer.Option("--from", help="minimal (a small commented example) or bundled (the RL/LLM tree).")
    ] = "minimal",
) -> None:
    """Write a starting tree file, commented with "$comment" fields (JSON has no comments; rltaxo ignores
    them): edit it, check it with rltaxo taxonomy validate, use it with --taxonomy."""
    from ..errors import OutputError, UsageError
    from ..taxonomy import bundled, check_text

    try:
        if start not in ("minimal", "bundled"):
            raise UsageError(f"--from {start!r}: choose minimal or bundled")
        if out.exists():
            raise OutputError(f"{out}: exists; a starting tree is never written over a file", hint="name another file")
        if start == "bundled":
            tree = bundled().spec.model_dump(mode="json", exclude_defaults=True, by_alias=True)
            tree = {"$comment": "A copy of rltaxo's bundled tree: edit it, then rltaxo taxonomy validate FILE. Any "
                    "object may carry a $comment; rltaxo ignores it.", **tree}  # fmt: skip
        else:
            tree = MINIMAL
        text = json.dumps(tree, indent=2, ensure_ascii=False) + "\n"
        spec, problems = check_text(text)
        if spec is None:  # a bug in the template itself
            raise UsageError(f"the {start} starting tree is invalid: {problems[0]}")
        out.write_text(text, encoding="utf-8")
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    typer.echo(f"wrote {out} ({start}); check it with: rltaxo taxonomy validate {out}")


@taxonomy_app.command("schema")
def schema() -> None:
    """Print the JSON Schema of the tree file format (for editors: save it and point "$schema" at it)."""
    from ..taxonomy import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


app.add_typer(taxonomy_app, name="taxonomy")
