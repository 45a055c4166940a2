"""``rltaxo report``: the derived outputs of a results file, again, without labelling anything."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from .app import EXIT_FAILED, EXIT_OK, app, fail
from .options import TaxonomyOpt, load_taxonomy


@app.command()
def report(
    results: Annotated[Path, typer.Argument(help="A batch's results file (JSON Lines).")],
    latex: Annotated[
        bool, typer.Option("--latex", help="Also write <out>.tex: per leaf, a \\cite list and a table.")
    ] = False,
    csv_out: Annotated[bool, typer.Option("--csv", help="Also write <out>.csv.")] = False,
    taxonomy: TaxonomyOpt = None,
) -> None:
    """Write a results file's summary again (<out>.md, and with --latex / --csv those too), with a
    reviewer's corrections applied: after rltaxo review, or to add a LaTeX table to a finished run."""
    from ..batch_outputs import derived_path
    from ..review.view import check_tree
    from .batch import write_derived

    try:
        if not results.is_file():
            raise UsageError(f"{results}: no such results file", hint="give the .jsonl that rltaxo batch wrote")
        tax = load_taxonomy(taxonomy)
        check_tree(results, tax)
        paths = [derived_path(results, ext) for ext in (".md", ".csv", ".bib", ".ris", ".tex")]
        params = {"csv_out": csv_out, "fmt": "latex" if latex else None}
        n, failed = write_derived(params, results, results, tax, *paths)
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    if params.get("summary_failed"):
        raise typer.Exit(EXIT_FAILED)
    written = [paths[0], *([paths[1]] if csv_out else []), *([paths[4]] if latex else [])]
    typer.echo(f"{n} records ({failed} failed) → {', '.join(str(p) for p in written)}", err=True)
    raise typer.Exit(EXIT_OK)
