"""``rltaxo classify``: one or more papers, printed in order, each result or one error line."""

from __future__ import annotations

import json
import os
import sys
from typing import Annotated, Any

import typer

from ..errors import RltaxoError, UsageError
from .app import EXIT_INTERRUPTED, EXIT_OK, app, clean, error_record, fail
from .options import (
    BackendOpt,
    EscalateOpt,
    ExamplesOpt,
    ExcerptOpt,
    FileMbOpt,
    FromOpt,
    JsonOpt,
    MaxCostOpt,
    MaxTokOpt,
    MemoryOpt,
    ModelOpt,
    ModeOpt,
    NoCacheOpt,
    OfflineModelOpt,
    PagesOpt,
    TaxonomyOpt,
    TimeoutOpt,
    VotesOpt,
    open_pipeline,
)


def _print_result(r: Any) -> None:
    typer.echo(typer.style(clean(r.title or r.source), bold=True) + f"  ({clean(r.source)})")
    typer.echo("  " + typer.style(" › ".join(r.path), fg="green", bold=True) + f"   [{r.leaf}]")
    cache = ", cached" if r.cached else ""
    read = {"abstract": "title + abstract", "title": "title alone"}.get(
        r.input, f"{r.pages_read}/{r.pages_total} pages"
    )
    review = typer.style("  · needs review", fg="yellow", bold=True) if r.needs_review else ""
    typer.echo(f"  confidence {r.confidence:.2f} · {r.backend}/{r.model} · {read}{cache}{review}")
    typer.echo(f"  why: {clean(r.rationale)}")
    if r.fact_evidence:
        for fact, quote in r.fact_evidence.items():
            value = (r.facts or {}).get(fact)
            answer = ("yes" if value else "no") if isinstance(value, bool) else clean(value or "")
            typer.echo(f"  {fact.replace('_', ' ')} = {answer}: “{clean(quote)}”")
    else:
        for quote in r.evidence:
            typer.echo(f"  “{clean(quote)}”")
    for issue in r.issues:
        typer.echo(typer.style(f"  ! {clean(issue)}", fg="yellow"))


def _classify_sources(raw: list[str], title: str | None, abstract: str | None) -> list[Any]:
    """What ``classify`` was given: arguments, ``-`` (JSON Lines on stdin), and/or --title/--abstract."""
    from ..errors import SourceNotFound
    from ..sources import metadata_source, source_from_record

    items: list[Any] = []
    for text in raw:
        if text != "-":
            items.append(text)
            continue
        for n, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                items.append(source_from_record(json.loads(line)))
            except ValueError as exc:
                items.append(SourceNotFound(f"stdin line {n}: not JSON ({exc})"))
            except RltaxoError as exc:
                items.append(exc)
    if title is not None or abstract is not None:
        if not (abstract or "").strip() and not (title or "").strip():
            raise UsageError("--title and --abstract are empty: give the paper's title and abstract")
        # a title alone is classified from it and marked needs_review (weights learned for titles)
        items.append(metadata_source(title or "", abstract or "", raw=(title or "")[:80] or "(title + abstract)"))
    if not items:
        raise UsageError("nothing to classify", hint="give PDF paths, arXiv ids, '-' for JSON Lines, or --abstract")
    return items


@app.command()
def classify(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="PDF paths, arXiv ids (2310.12931, arXiv:…), arxiv.org URLs, or - for JSON Lines on "
            "stdin (objects with arxiv_id, url, path, title, abstract)."
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Classify from this title (with --abstract; alone, it needs review).")
    ] = None,
    abstract: Annotated[str | None, typer.Option("--abstract", help="Classify from this abstract.")] = None,
    taxonomy: TaxonomyOpt = None,
    examples: ExamplesOpt = None,
    offline_model: OfflineModelOpt = None,
    escalate: EscalateOpt = False,
    input_mode: FromOpt = None,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    json_out: JsonOpt = False,
    no_cache: NoCacheOpt = False,
    structured_mode: ModeOpt = None,
    votes: VotesOpt = None,
    max_cost: MaxCostOpt = None,
    max_tokens: MaxTokOpt = None,
    excerpt_tokens: ExcerptOpt = None,
    pdf_timeout: TimeoutOpt = None,
    max_pages: PagesOpt = None,
    max_file_mb: FileMbOpt = None,
    pdf_memory_mb: MemoryOpt = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, max=64, help="Papers in flight at once.")] = 4,
) -> None:
    """Classify papers into a taxonomy leaf, with confidence, rationale and evidence quotes."""
    try:
        items = _classify_sources(sources or [], title, abstract)
        pipe = open_pipeline(locals(), auto_downloads=True)
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    from ..costs import load_prices, usage_line
    from ..result import Usage

    code = EXIT_OK
    totals = Usage()

    def attempt(item: Any) -> Any:
        if isinstance(item, RltaxoError):
            return item
        try:
            return pipe.classify(item)
        except Exception as exc:  # a bug in one paper's path is that paper's error, never a traceback
            return exc

    def label(item: Any) -> str:
        return item if isinstance(item, str) else getattr(item, "raw", "-")

    from concurrent.futures import ThreadPoolExecutor

    from ..interrupt import result_of, sigint_flag

    pool = ThreadPoolExecutor(max_workers=max(1, min(workers, len(items))))
    try:
        # several sources are read in parallel (each PDF in its own process); output keeps their order
        with sigint_flag() as stop:
            futures = [pool.submit(attempt, item) for item in items]
            for item, fut in zip(items, futures):
                result = result_of(fut, stop)
                if isinstance(result, Exception):
                    code = max(code, fail(result))
                    if json_out:
                        typer.echo(json.dumps(error_record(label(item), result)))
                    continue
                totals.add(result.usage)
                if json_out:
                    typer.echo(result.model_dump_json())
                else:
                    _print_result(result)
    except KeyboardInterrupt as exc:
        code = fail(exc)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)  # every finished result is printed; do not wait for requests or back-offs in flight
    finally:
        pool.shutdown(wait=code != EXIT_INTERRUPTED, cancel_futures=True)
        pipe.close()
    if totals.attempts:
        typer.echo(f"rltaxo: {usage_line(totals, pipe.backend.model, load_prices(pipe.settings.prices))}", err=True)
    raise typer.Exit(code)
