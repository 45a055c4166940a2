"""``rltaxo batch``: label a reading list, in one of its modes (normal, Batch API, plan, export/import)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import UsageError
from .app import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, app, fail
from .options import (
    BackendOpt,
    EscalateOpt,
    ExamplesOpt,
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
    RpmOpt,
    TaxonomyOpt,
    TimeoutOpt,
    TpmOpt,
    VotesOpt,
    open_pipeline,
)


def batch(
    reading_list: Annotated[
        Path,
        typer.Argument(
            help="Text file (one id/URL/path a line), Markdown (.md: the papers it links, or a digest with "
            "abstracts), .csv, .bib, .ris, .jsonl, a PDF folder, or zotero:[COLLECTION] "
            "(a Zotero library: the local API, or the web API with RLTAXO_ZOTERO_LIBRARY and RLTAXO_ZOTERO_KEY)."
        ),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="JSON Lines output. [default: <LIST>.rltaxo.jsonl]")
    ] = None,
    column: Annotated[str | None, typer.Option("--column", help="CSV column holding ids, URLs or paths.")] = None,
    zotero_tag: Annotated[
        str | None, typer.Option("--zotero-tag", help="With zotero:…, only the items with this tag.")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, max=64, help="Papers in flight at once.")] = 4,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Also retry items that failed before.")] = False,
    relabel: Annotated[
        bool,
        typer.Option("--relabel", help="Label again items labelled by another tree, backend, model or prompt."),
    ] = False,
    csv_out: Annotated[bool, typer.Option("--csv", help="Also write <out>.csv.")] = False,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="An extra output beside the JSON Lines: bibtex | ris (the input .bib/.ris written back with "
            "labels as keywords, nothing else changed) | latex (<out>.tex: per leaf, a \\cite list and a table).",
        ),
    ] = None,
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
    rpm: RpmOpt = None,
    tpm: TpmOpt = None,
    max_tokens: MaxTokOpt = None,
    pdf_timeout: TimeoutOpt = None,
    max_pages: PagesOpt = None,
    max_file_mb: FileMbOpt = None,
    pdf_memory_mb: MemoryOpt = None,
    max_cost: MaxCostOpt = None,
    batch_api: Annotated[
        bool, typer.Option("--batch-api", help="Send the list through the OpenAI Batch API (half price, within 24 h).")
    ] = False,
    wait: Annotated[bool, typer.Option("--wait", help="With --batch-api: poll until the batches finish.")] = False,
    status: Annotated[bool, typer.Option("--status", help="Show the list's batches (no submit).")] = False,
    cancel: Annotated[bool, typer.Option("--cancel", help="Cancel the list's running batches.")] = False,
    no_fallback: Annotated[
        bool, typer.Option("--no-fallback", help="Keep unusable batch answers as errors (no normal-API retry).")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Count the requests and price them (RLTAXO_PRICES); send nothing.")
    ] = False,
    export_requests: Annotated[
        Path | None, typer.Option("--export-requests", help="Write the request JSONL (for vLLM's run_batch); stop.")
    ] = None,
    import_results: Annotated[
        Path | None, typer.Option("--import-results", help="Read a result JSONL made elsewhere (vLLM) into the output.")
    ] = None,
) -> None:
    """Label every paper in a reading list; resumable (re-run the same command) and crash-safe.

    Big lists: --batch-api (OpenAI's Batch API; re-run to collect, or --wait), --status, --cancel;
    --dry-run prices a run first; --export-requests / --import-results run the same requests elsewhere."""
    params = dict(locals())
    from ..batch import OutputLock, run_batch
    from ..batch_outputs import (
        check_outputs,
        default_out,
        derived_path,
    )
    from ..readinglist import dedupe, read_list

    try:
        if fmt not in (None, "jsonl", "bibtex", "ris", "latex"):
            raise typer.BadParameter("--format takes 'bibtex', 'ris' or 'latex' (JSON Lines is always written)")
        if fmt == "bibtex" and reading_list.suffix.lower() != ".bib":
            raise typer.BadParameter("--format bibtex needs a .bib reading list")
        if fmt == "ris" and reading_list.suffix.lower() != ".ris":
            raise typer.BadParameter("--format ris needs a .ris reading list")
        if column and reading_list.suffix.lower() != ".csv":
            typer.echo(f"rltaxo: warning: --column is for CSV lists; {reading_list.name} is not one", err=True)
        if str(reading_list).startswith("zotero:"):
            from ..zotero import zotero_items
            from .options import settings_from

            zs = settings_from(input_mode=input_mode)
            storage = zs.zotero_storage if zs.input_mode != "abstract" else None
            found, untitled = zotero_items(str(reading_list), zotero_tag, storage=storage)
            if untitled:
                typer.echo(f"rltaxo: {untitled} Zotero item(s) without a title skipped", err=True)
            items = dedupe(found)
            slug = "".join(c if c.isalnum() else "-" for c in str(reading_list)[7:]).strip("-") or "library"
            out = out or Path.cwd() / f"zotero-{slug}.rltaxo.jsonl"
        else:
            items = dedupe(read_list(reading_list, column))
        out = out or default_out(reading_list)
        check_outputs(reading_list, out)
        if export_requests:
            from ..guard import claim
            from ..review.corrections import corrections_path

            keep = [(reading_list, "reading list"), (out, "results file"), (corrections_path(out), "corrections file")]
            claim(export_requests, keep=keep, what="request file")
        md_path = derived_path(out, ".md", [reading_list])
        csv_path = derived_path(out, ".csv", [reading_list])
        bib_path = derived_path(out, ".bib", [reading_list])
        ris_path = derived_path(out, ".ris", [reading_list])
        tex_path = derived_path(out, ".tex", [reading_list])
    except typer.BadParameter:
        raise
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    from ..costs import load_prices, total, usage_line, usage_record

    modes = [f for f, on in (("--batch-api", batch_api or wait or status or cancel), ("--dry-run", dry_run),
             ("--export-requests", export_requests), ("--import-results", import_results)) if on]  # fmt: skip
    if len(modes) > 1 and not (modes == ["--batch-api", "--dry-run"] or set(modes) == {"--batch-api", "--dry-run"}):
        raise typer.Exit(fail(UsageError(f"{' and '.join(modes)} cannot be combined")))
    if (modes and modes != ["--batch-api"]) or (batch_api or wait or status or cancel):
        from contextlib import nullcontext

        try:  # a plan only reads: it takes no lock (and leaves no lock file beside the list)
            with nullcontext() if dry_run else OutputLock(out):
                code = _other_mode(params, items, out, reading_list, md_path, csv_path, bib_path, ris_path, tex_path)
        except Exception as exc:
            raise typer.Exit(fail(exc)) from None
        raise typer.Exit(code)
    try:
        with OutputLock(out):  # one run per results file, held until the derived files are written too
            pipe = open_pipeline(params)
            try:
                report = run_batch(pipe, items, out, workers=workers, retry_failed=retry_failed, relabel=relabel)
            finally:
                pipe.close()
            n_records, failed = write_derived(
                params, out, reading_list, pipe.taxonomy, md_path, csv_path, bib_path, ris_path, tex_path
            )
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    totals = total(report.usage)  # this run's requests, not the whole file's
    prices = load_prices(pipe.settings.prices)
    summary = {
        "items": len(items),
        "done_before": report.skipped,
        "labeled_now": report.ok,
        "failed_now": report.failed,
        "failed_total": failed,
        "remaining": len(items) - n_records,
        "seconds": round(report.seconds, 2),
        "leaves": dict(report.leaves),
        "out": str(out),
        "interrupted": report.interrupted,
        "usage": usage_record(totals, pipe.backend.model, prices),
    }
    if report.decided:
        summary["escalation"] = escalation_summary(report.decided, totals, pipe.backend.model, prices)
    if json_out:
        typer.echo(json.dumps(summary))
    else:
        typer.echo(
            f"{len(items)} items: {report.skipped} already done, {report.ok} labeled, {report.failed} failed "
            f"in {report.seconds:.1f}s → {out}" + ("" if params.get("summary_failed") else f" (+ {md_path.name})")
        )
        for leaf, n in report.leaves.most_common():
            typer.echo(f"  {n:4d}  {leaf}")
        if totals.attempts:
            typer.echo(f"  {usage_line(totals, pipe.backend.model, prices)}")
        if report.decided:
            esc: dict[str, Any] = summary["escalation"]  # type: ignore[assignment]
            saved = f" (~${esc['cost_saved_usd']:.4f})" if esc["cost_saved_usd"] is not None else ""
            typer.echo(f"  escalation: {esc['llm']} of {esc['llm'] + esc['offline']} sent to the LLM; "
                       f"{esc['offline']} kept offline, saving ~{esc['tokens_saved']:,} tokens{saved}")  # fmt: skip
    if report.interrupted:
        typer.echo(f"rltaxo: interrupted; re-run the same command to resume ({summary['remaining']} left)", err=True)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(EXIT_INTERRUPTED)  # every finished record is on disk; do not wait for requests in flight
    if failed:
        typer.echo(f"rltaxo: {failed} item(s) failed; see {md_path} (--retry-failed retries them)", err=True)
    raise typer.Exit(EXIT_FAILED if failed or params.get("summary_failed") else EXIT_OK)


app.command("batch")(batch)


def escalation_summary(decided: Any, totals: Any, model: str, prices: Any) -> dict[str, Any]:
    """How many papers went to the LLM, and what the ones kept offline saved: as many requests again,
    at the mean tokens (and cost) of this run's LLM requests."""
    from ..costs import usage_record

    llm, offline = decided.get("llm", 0), decided.get("offline", 0)
    per = (totals.total_tokens / llm) if llm else 0.0
    cost = usage_record(totals, model, prices).get("cost_usd")
    return {
        "llm": llm,
        "offline": offline,
        "tokens_saved": round(per * offline),
        "cost_saved_usd": round(cost / llm * offline, 6) if (cost is not None and llm) else None,
    }


def write_derived(
    params: dict[str, Any],
    out: Path,
    reading_list: Path,
    tax: Any,
    md: Path,
    csv: Path,
    bib: Path,
    ris: Path,
    tex: Path,
) -> tuple[int, int]:
    """The Markdown summary and the asked-for CSV/BibTeX/RIS/LaTeX, each from one streamed pass over the
    output. Returns (records, failed)."""
    from ..batch import iter_records
    from ..batch_outputs import write_bibtex, write_csv, write_markdown, write_ris
    from ..review.corrections import Corrections, apply, corrections_path

    decided = Corrections(corrections_path(out)).load()  # a reviewer's labels win (rltaxo review)

    def records() -> Any:
        return apply(iter_records(out), decided, tax) if decided else iter_records(out)

    try:
        write_markdown(records(), md, tax)
        if params["csv_out"]:
            write_csv(records(), csv, tax)
        if params["fmt"] == "bibtex":
            write_bibtex(reading_list, records(), bib)
        if params["fmt"] == "ris":
            write_ris(reading_list, records(), ris)
        if params["fmt"] == "latex":
            from ..latex_out import write_latex

            write_latex(records(), tex, tax, source=reading_list.name)
    except OSError as exc:
        typer.echo(f"rltaxo: error: cannot write a summary beside {out} ({exc}); the results are in {out}", err=True)
        params["summary_failed"] = True
    n = failed = 0
    for rec in iter_records(out):
        n += 1
        failed += not rec.ok
    return n, failed


def _interruptible(work: Any) -> int:
    """Run the Batch API steps in a worker thread while the main thread waits on a Ctrl-C flag, so a
    Ctrl-C is never lost (see ``interrupt``) and ends the run at once, mid-request or mid-backoff. Every
    step's outcome is already saved (the state file, whole result records), so nothing is lost."""
    from concurrent.futures import ThreadPoolExecutor

    from ..interrupt import result_of, sigint_flag

    pool = ThreadPoolExecutor(max_workers=1)
    try:
        with sigint_flag() as stop:
            return int(result_of(pool.submit(work), stop))
    except KeyboardInterrupt:
        typer.echo(
            "rltaxo: interrupted; re-run the same command to resume (batches already submitted keep running; "
            "--cancel stops them)",
            err=True,
        )
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(EXIT_INTERRUPTED)
    finally:
        pool.shutdown(wait=False)


def _other_mode(params: dict[str, Any], items: list[Any], out: Path, reading_list: Path, *paths: Path) -> int:
    from . import batch_modes

    p = params
    planning = bool(p["dry_run"] or p["export_requests"])
    # a plan or an export makes no network call; an import reads papers but sends no request
    pipe = open_pipeline(p, offline=planning, planning=planning or bool(p["import_results"]))
    try:
        if not planning:
            from ..batch import check_maker, iter_records, maker_of

            if p["relabel"]:
                raise UsageError("--relabel works on the normal path only", hint="drop --batch-api/--import-results")
            check_maker({r.item: r for r in iter_records(out)}, maker_of(pipe), out, relabel=False)
        workers = p["workers"]
        if p["dry_run"]:
            return batch_modes.plan(pipe, items, out, batch_api=p["batch_api"], workers=workers, json_out=p["json_out"])
        if p["export_requests"]:
            return batch_modes.export_requests(pipe, items, out, p["export_requests"], workers=workers)
        if p["import_results"]:
            code = batch_modes.import_results(pipe, items, out, p["import_results"], json_out=p["json_out"])
        else:
            code = _interruptible(lambda: batch_modes.batch_api(
                pipe, items, out, wait=p["wait"], status_only=p["status"], cancel_all=p["cancel"],
                fallback=not p["no_fallback"], workers=workers, json_out=p["json_out"]))  # fmt: skip
    finally:
        pipe.close()
    if not p["status"]:
        write_derived(p, out, reading_list, pipe.taxonomy, *paths)
    return EXIT_FAILED if p.get("summary_failed") and code == EXIT_OK else code
