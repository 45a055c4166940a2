"""``rltaxo inspect``: what the classifier reads from a paper."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from ..errors import RltaxoError
from .app import EXIT_OK, app, clean, error_record, fail
from .options import ExcerptOpt, FileMbOpt, JsonOpt, MemoryOpt, PagesOpt, TimeoutOpt, settings_from


@app.command()
def inspect(
    sources: Annotated[list[str], typer.Argument(help="PDF paths, arXiv ids or arxiv.org URLs.")],
    json_out: JsonOpt = False,
    excerpt_tokens: ExcerptOpt = None,
    pdf_timeout: TimeoutOpt = None,
    max_pages: PagesOpt = None,
    max_file_mb: FileMbOpt = None,
    pdf_memory_mb: MemoryOpt = None,
) -> None:
    """Show what the classifier reads: title, abstract, sections, the excerpt and its size."""
    from ..excerpt import build_excerpt
    from ..pipeline import Reader
    from ..sources import parse_source

    try:
        settings = settings_from(
            excerpt_tokens=excerpt_tokens,
            pdf_timeout=pdf_timeout,
            max_pages=max_pages,
            max_file_mb=max_file_mb,
            pdf_memory_mb=pdf_memory_mb,
        )
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    reader = Reader(settings)
    code = EXIT_OK
    for raw in sources:
        try:
            paper = reader.read(parse_source(raw))
            ex = build_excerpt(paper, settings.excerpt_tokens)
        except KeyboardInterrupt as exc:
            raise typer.Exit(fail(exc)) from None
        except RltaxoError as exc:
            code = max(code, fail(exc))
            if json_out:
                typer.echo(json.dumps(error_record(raw, exc)))
            continue
        sections = [s.heading for s in paper.sections if s.heading != "Front matter"]
        if json_out:
            typer.echo(
                json.dumps(
                    {
                        "source": raw,
                        "path": paper.path,
                        "sha256": paper.sha256,
                        "title": paper.title,
                        "abstract": paper.abstract,
                        "sections": sections,
                        "excerpt": ex.text,
                        "excerpt_tokens": ex.tokens,
                        "pages_read": paper.pages_read,
                        "pages_total": paper.pages_total,
                        "notes": paper.notes,
                    }
                )
            )
            continue
        typer.echo(typer.style(clean(paper.title) or "(no title found)", bold=True))
        typer.echo(f"  source     {clean(raw)}  ({paper.pages_read} of {paper.pages_total} pages read)")
        typer.echo(f"  abstract   {clean(paper.abstract[:600]) or '(none found)'}")
        typer.echo(f"  sections   {clean(' | '.join(sections)) or '(none found)'}")
        typer.echo(f"  excerpt    ~{ex.tokens} tokens: {', '.join(p.name for p in ex.parts)}")
        typer.echo("")
        typer.echo(clean(ex.text))
        typer.echo("")
    raise typer.Exit(code)
