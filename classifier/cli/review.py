"""``rltaxo review``: check, correct and export what a batch labeled."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from .app import EXIT_OK, app, fail
from .options import TaxonomyOpt, load_taxonomy


@app.command()
def review(
    results: Annotated[Path, typer.Argument(help="A batch's results file (JSON Lines).")],
    port: Annotated[
        int,
        typer.Option("--port", min=0, max=65535, help="Port on 127.0.0.1. [default: a free one]", show_default=False),
    ] = 0,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in a browser.")] = False,
    html: Annotated[
        Path | None, typer.Option("--html", help="Write the page as one self-contained file instead (no server).")
    ] = None,
    taxonomy: TaxonomyOpt = None,
) -> None:
    """A local page of every labeled paper, doubtful first: check, accept or change each label. Decisions
    go to <results>.corrections.jsonl at once (a gold file for eval, and the batch outputs use them)."""
    from ..review.corrections import Corrections, corrections_path
    from ..review.view import load_view, render_page

    try:
        if not results.is_file():
            raise UsageError(f"{results}: no such results file", hint="give the .jsonl that rltaxo batch wrote")
        tax = load_taxonomy(taxonomy)
        from ..review.view import check_tree

        check_tree(results, tax)
        if html is not None:
            from ..guard import claim

            if not html.parent.is_dir():
                raise UsageError(f"--html {html}: no folder {html.parent}", hint="create it first, or name a file")
            claim(html, keep=[(results, "results file"), (corrections_path(results), "corrections file")],
                  what="review page")  # fmt: skip
            decided = Corrections(corrections_path(results)).load()
            papers, failed = load_view(results, tax, decided)
            page = render_page(papers, tax, title=results.name, editable=False, failed=failed)
            html.write_text(page, encoding="utf-8")
            typer.echo(f"wrote {html} ({len(decided)} decision(s) shown; open it in any browser)")
            raise typer.Exit(EXIT_OK)
        from ..review.server import bind, serve

        try:
            sock = bind(port)
        except OSError as exc:
            raise UsageError(f"cannot listen on 127.0.0.1:{port} ({exc.strerror})", hint="try another --port") from None
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
        typer.echo(f"rltaxo review: {url}  (decisions → {corrections_path(results)}; Ctrl-C stops)", err=True)
        if open_browser:
            import webbrowser

            webbrowser.open(url)
        serve(results, tax, sock)
    except typer.Exit:
        raise
    except (Exception, KeyboardInterrupt) as exc:
        raise typer.Exit(fail(exc)) from None
