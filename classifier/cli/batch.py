"""``rltaxo batch``: label a reading list (kept out of cli.py so each module stays small)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, app, fail
from .options import (
    BackendOpt,
    FileMbOpt,
    FromOpt,
    JsonOpt,
    MaxTokOpt,
    MemoryOpt,
    ModelOpt,
    ModeOpt,
    NoCacheOpt,
    PagesOpt,
    TaxonomyOpt,
    TimeoutOpt,
    VotesOpt,
    open_pipeline,
)


def batch(
    reading_list: Annotated[
        Path, typer.Argument(help="Text file (one id/URL/path a line), .csv, .bib, or a PDF folder.")
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="JSON Lines output (default <LIST>.rltaxo.jsonl).")
    ] = None,
    column: Annotated[str | None, typer.Option("--column", help="CSV column holding ids, URLs or paths.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, max=64, help="Papers in flight at once.")] = 4,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Also retry items that failed before.")] = False,
    csv_out: Annotated[bool, typer.Option("--csv", help="Also write <out>.csv.")] = False,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="bibtex | ris: write the input .bib/.ris back with labels as keywords."),
    ] = None,
    taxonomy: TaxonomyOpt = None,
    input_mode: FromOpt = None,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    json_out: JsonOpt = False,
    no_cache: NoCacheOpt = False,
    structured_mode: ModeOpt = None,
    votes: VotesOpt = None,
    max_tokens: MaxTokOpt = None,
    pdf_timeout: TimeoutOpt = None,
    max_pages: PagesOpt = None,
    max_file_mb: FileMbOpt = None,
    pdf_memory_mb: MemoryOpt = None,
) -> None:
    """Label every paper in a reading list; resumable (re-run the same command) and crash-safe."""
    params = dict(locals())
    from ..batch import OutputLock, final_records, run_batch
    from ..batch_outputs import (
        check_outputs,
        default_out,
        derived_path,
        write_bibtex,
        write_csv,
        write_markdown,
        write_ris,
    )
    from ..readinglist import dedupe, read_list

    try:
        if fmt not in (None, "jsonl", "bibtex", "ris"):
            raise typer.BadParameter("--format takes 'bibtex' or 'ris' (JSON Lines is always written)")
        if fmt == "bibtex" and reading_list.suffix.lower() != ".bib":
            raise typer.BadParameter("--format bibtex needs a .bib reading list")
        if fmt == "ris" and reading_list.suffix.lower() != ".ris":
            raise typer.BadParameter("--format ris needs a .ris reading list")
        if column and reading_list.suffix.lower() != ".csv":
            typer.echo(f"rltaxo: warning: --column is for CSV lists; {reading_list.name} is not one", err=True)
        items = dedupe(read_list(reading_list, column))
        out = out or default_out(reading_list)
        check_outputs(reading_list, out)
        md_path = derived_path(out, ".md", [reading_list])
        csv_path = derived_path(out, ".csv", [reading_list])
        bib_path = derived_path(out, ".bib", [reading_list])
        ris_path = derived_path(out, ".ris", [reading_list])
    except typer.BadParameter:
        raise
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    from ..costs import load_prices, total, usage_line, usage_record

    try:
        with OutputLock(out):  # one run per results file, held until the derived files are written too
            pipe = open_pipeline(params)
            try:
                report = run_batch(pipe, items, out, workers=workers, retry_failed=retry_failed)
            finally:
                pipe.close()
            records = final_records(out)
            try:
                write_markdown(records, md_path, pipe.taxonomy)
                if csv_out:
                    write_csv(records, csv_path)
                if fmt == "bibtex":
                    write_bibtex(reading_list, records, bib_path)
                if fmt == "ris":
                    write_ris(reading_list, records, ris_path)
            except OSError as exc:
                typer.echo(
                    f"rltaxo: error: cannot write a summary beside {out} ({exc}); the results are in {out}", err=True
                )
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    totals = total(report.usage)  # this run's requests, not the whole file's
    prices = load_prices(pipe.settings.prices)
    failed = sum(1 for r in records if r["status"] != "ok")
    summary = {
        "items": len(items),
        "done_before": report.skipped,
        "labeled_now": report.ok,
        "failed_now": report.failed,
        "failed_total": failed,
        "remaining": len(items) - len(records),
        "seconds": round(report.seconds, 2),
        "leaves": dict(report.leaves),
        "out": str(out),
        "interrupted": report.interrupted,
        "usage": usage_record(totals, pipe.backend.model, prices),
    }
    if json_out:
        typer.echo(json.dumps(summary))
    else:
        typer.echo(
            f"{len(items)} items: {report.skipped} already done, {report.ok} labeled, {report.failed} failed "
            f"in {report.seconds:.1f}s → {out} (+ {md_path.name})"
        )
        for leaf, n in report.leaves.most_common():
            typer.echo(f"  {n:4d}  {leaf}")
        if totals.attempts:
            typer.echo(f"  {usage_line(totals, pipe.backend.model, prices)}")
    if report.interrupted:
        typer.echo(f"rltaxo: interrupted; re-run the same command to resume ({summary['remaining']} left)", err=True)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(EXIT_INTERRUPTED)  # every finished record is on disk; do not wait for requests in flight
    if failed:
        typer.echo(f"rltaxo: {failed} item(s) failed; see {md_path} (--retry-failed retries them)", err=True)
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


app.command("batch")(batch)
