"""``rltaxo taxonomy validate|schema``: check a tree file, or print the format's JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .cli import EXIT_OK, EXIT_USAGE, JsonOpt, clean

taxonomy_app = typer.Typer(help="Work with taxonomy tree files: validate one, or print the file format's schema.")


@taxonomy_app.command("validate")
def validate(
    path: Annotated[Path, typer.Argument(help="The tree file (JSON) to check.")],
    json_out: JsonOpt = False,
) -> None:
    """Explain what is wrong with a tree file, one line per problem; exit 0 when valid, 2 when not."""
    from .taxonomy import Taxonomy, read_file

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
    from .taxonomy import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


def register(app: typer.Typer) -> None:
    app.add_typer(taxonomy_app, name="taxonomy")
