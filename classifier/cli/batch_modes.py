"""The other ways ``rltaxo batch`` runs a list: the Batch API, a cost plan, and request/result files
for other runners (vLLM). Each prints its own summary and returns an exit code."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from ..batch import Appender, done_items
from ..batch_api import (
    TERMINAL,
    ApiReport,
    Collected,
    ResultIndex,
    apply_results,
    cancel,
    collect,
    estimate_prompt_tokens,
    load_state,
    poll,
    read_all,
    request_line,
    settle_offline,
    submit,
    wait_for,
)
from ..costs import Prices, cost, load_prices, usage_line
from ..errors import ConfigError, UsageError
from ..pipeline import Pipeline
from ..readinglist import Item
from ..result import Usage, same_model
from .app import EXIT_FAILED, EXIT_OK

ANSWER_TOKENS = 300  # a typical answer's length, for cost plans (the cap per request is 900)


def _llm(pipe: Pipeline, what: str) -> None:
    if not hasattr(pipe.backend, "request_body"):
        raise ConfigError(f"{what} needs an LLM backend", hint="use --backend openai")


@dataclass
class Pending:
    """What a run would still send: the items neither labeled nor in a batch, read and counted."""

    labeled: int = 0
    in_batches: int = 0
    requests: int = 0
    cached: int = 0
    unreadable: int = 0
    prompt_tokens: int = 0  # estimated; 0 for a backend that sends no requests
    offline: int = 0  # --escalate: settled offline, no request


def pending(pipe: Pipeline, items: list[Item], out: Path, *, batch_api: bool, workers: int) -> Pending:
    done = done_items(out)
    state = load_state(out) if batch_api else None
    in_flight = state.in_flight() if state else set()
    todo = [it for it in items if it.key not in done and it.key not in in_flight]
    llm = hasattr(pipe.backend, "request_body")
    p = Pending(labeled=len(done), in_batches=len(in_flight))
    for item, paper, got in read_all(pipe, todo, workers):
        if paper is None:
            p.unreadable += 1
        elif pipe.cached(item.source, paper, got) is not None:  # type: ignore[arg-type]
            p.cached += 1
        elif settle_offline(pipe, paper, got) is not None:
            p.offline += 1
        else:
            p.requests += 1
            if llm:
                p.prompt_tokens += estimate_prompt_tokens(request_line(pipe, item, paper, got)["body"])
    return p


def plan(pipe: Pipeline, items: list[Item], out: Path, *, batch_api: bool, workers: int, json_out: bool) -> int:
    """Count what a run would send and what it would cost; send nothing (no network at all)."""
    p = pending(pipe, items, out, batch_api=batch_api, workers=workers)
    n_requests, cached, unreadable, prompt_tokens = p.requests, p.cached, p.unreadable, p.prompt_tokens
    llm = hasattr(pipe.backend, "request_body")
    votes = pipe.settings.votes if llm and not batch_api else 1
    usage = Usage(prompt_tokens=prompt_tokens * votes, completion_tokens=n_requests * votes * ANSWER_TOKENS)
    prices = load_prices(pipe.settings.prices)
    model = pipe.backend.model
    info: dict[str, Any] = {
        "items": len(items),
        "labeled": p.labeled,
        "in_batches": p.in_batches,
        "cached": cached,
        "unreadable_or_offline": unreadable,
        "settled_offline": p.offline,
        "requests": n_requests * votes if llm else 0,
        "prompt_tokens_estimate": usage.prompt_tokens,
        "completion_tokens_estimate": usage.completion_tokens,
        "model": model,
        "cost_usd": cost(usage, model, prices) if llm else 0.0,
        "batch_cost_usd": cost(usage, model, prices, "batch_") if llm else 0.0,
        "prices": prices.label,
        "sent": 0,
    }
    if json_out:
        typer.echo(json.dumps(info))
        return EXIT_OK
    typer.echo(f"plan for {len(items)} items ({'Batch API' if batch_api else 'one request per paper'}, nothing sent):")
    typer.echo(f"  {p.labeled} already labeled, {p.in_batches} in batches, {cached} cached, {unreadable} unreadable "
               "or needing the network")  # fmt: skip
    if p.offline:
        typer.echo(f"  {p.offline} settled offline (--escalate): no request for them")
    if not llm:
        typer.echo(f"  {n_requests} to label with the {pipe.backend.name} backend: no requests, no cost")
        return EXIT_OK
    typer.echo(f"  {info['requests']} request(s), ~{usage.prompt_tokens:,} prompt tokens (estimated at ~4 "
               f"characters a token) + ~{usage.completion_tokens:,} answer tokens")  # fmt: skip
    for label, key in (("normal API", "cost_usd"), ("Batch API", "batch_cost_usd")):
        value = info[key]
        shown = (f"${value:.4f}" if value is not None
                 else f"unknown (no {label} price for {model}; add it in a file named by RLTAXO_PRICES)")  # fmt: skip
        typer.echo(f"  {label}: {shown}")
    typer.echo(f"  prices: {prices.label} (RLTAXO_PRICES=FILE overrides them)")
    return EXIT_OK


def export_requests(pipe: Pipeline, items: list[Item], out: Path, target: Path, *, workers: int) -> int:
    """The request file for another runner (vLLM's run_batch), for every item not yet labeled."""
    _llm(pipe, "--export-requests")
    done = done_items(out)
    n = skipped = 0
    with open(target, "w", encoding="utf-8") as fh:
        for item, paper, got in read_all(pipe, [it for it in items if it.key not in done], workers):
            if paper is None:
                skipped += 1
                continue
            fh.write(json.dumps(request_line(pipe, item, paper, got), separators=(",", ":")) + "\n")
            n += 1
    typer.echo(f"wrote {n} request(s) to {target}" + (f"; {skipped} item(s) unreadable offline" if skipped else ""))
    typer.echo(f"then: rltaxo batch LIST --import-results RESULTS.jsonl (the same list, -o {out})")
    return EXIT_OK


def import_results(pipe: Pipeline, items: list[Item], out: Path, source: Path, *, json_out: bool) -> int:
    """A result file made elsewhere, validated as the API's are; unusable answers become error records."""
    _llm(pipe, "--import-results")
    try:
        lines = ResultIndex([source])
    except OSError as exc:
        raise UsageError(f"{source}: cannot read the results file ({exc.strerror or exc})") from None
    asked = pipe.backend.model
    others = [m for m in lines.models if not same_model(m, asked)]
    if others:  # the records would carry -m's name over another model's answers
        n = sum(lines.models[m] for m in others)
        raise UsageError(f"{source}: {n} answer(s) there were made by {others[0]}, not {asked} (-m / RLTAXO_MODEL)",
                         hint=f"import them with -m {others[0]}, the model that answered")  # fmt: skip
    done = done_items(out)
    by_key = {it.key: it for it in items}
    report = Collected()
    wanted = [k for k in by_key if k not in done]
    appender = Appender(out)
    try:
        apply_results(pipe, by_key, wanted, lines, appender, fallback=False, partial=True, via="import",
                      report=report)  # fmt: skip
    finally:
        appender.close()
    missing = len(wanted) - report.ok - report.failed
    summary = {"imported": report.ok, "failed": report.failed, "not_in_file": missing,
               "malformed_lines": report.junk, "unknown_ids": report.unknown,
               "answered_twice": len(lines.repeated)}  # fmt: skip
    if json_out:
        typer.echo(json.dumps(summary))
    else:
        typer.echo(f"imported {report.ok} result(s), {report.failed} unusable, {missing} item(s) not in the file"
                   + (f"; {report.junk} malformed line(s)" if report.junk else "")
                   + (f"; {report.unknown} result(s) for ids not in the list" if report.unknown else "")
                   + (f"; {len(lines.repeated)} id(s) answered twice (the last answer used)" if lines.repeated
                      else ""))  # fmt: skip
    if wanted and not report.ok and not report.failed:
        raise UsageError(
            f"{source}: no result in it answers an item of this list "
            f"({report.junk} malformed line(s), {report.unknown} unknown id(s))",
            hint="import the results made for this list (--export-requests with the same list and -o)",
        )
    return EXIT_FAILED if report.failed else EXIT_OK


def batch_api(
    pipe: Pipeline, items: list[Item], out: Path, *, wait: bool, status_only: bool, cancel_all: bool,
    fallback: bool, workers: int, json_out: bool,
) -> int:  # fmt: skip
    """Submit what is new, poll, collect what is finished; say what is still running."""
    _llm(pipe, "--batch-api")
    report = ApiReport()
    if status_only or cancel_all:
        state = load_state(out)
        if state is None:
            raise UsageError(f"no batch recorded for {out}", hint="submit one with --batch-api first")
        if cancel_all:
            n = cancel(pipe, out, state)
            typer.echo(f"asked to cancel {n} batch(es); partial results are collected on the next run")
        else:
            poll(pipe, out, state)
    else:
        _check_cost(pipe, items, out)
        state, report = submit(pipe, items, out, workers=workers, show_progress=not json_out)
        if wait:
            wait_for(pipe, out, state, poll_s=pipe.settings.batch_poll_s, show_progress=not json_out)
        else:
            poll(pipe, out, state)
        collect(pipe, items, out, state, fallback=fallback, report=report)
    open_jobs = [j for j in state.jobs if not j.collected]
    prices = load_prices(pipe.settings.prices)
    model = pipe.backend.model
    c = report.collected
    summary = {
        "submitted_now": report.submitted_items,
        "settled_offline": report.kept_offline,
        "cached": report.cached,
        "unreadable": report.unreadable,
        "collected_ok": c.ok,
        "collected_failed": c.failed,
        "retried_normally": c.fallback,
        "returned_to_pending": c.returned,
        "malformed_lines": c.junk,
        "unknown_ids": c.unknown,
        "batches_open": len(open_jobs),
        "jobs": [
            {"name": j.name, "batch_id": j.batch_id, "status": j.status, "items": len(j.items), **j.counts}
            for j in state.jobs
            if not j.collected or not status_only
        ],
        "usage": {"batch": c.usage.model_dump(), "fallback": c.fallback_usage.model_dump()},
        "cost_usd": cost(c.usage, model, prices, "batch_"),
        "same_run_normal_api_usd": cost(c.usage, model, prices),
        "seconds_submit": round(report.seconds_submit, 2),
        "seconds_collect": round(report.seconds_collect, 2),
    }
    if json_out:
        typer.echo(json.dumps(summary))
    else:
        _print(summary, c, open_jobs, model, prices)
    return EXIT_FAILED if c.failed else EXIT_OK


def _print(summary: dict[str, Any], c: Collected, open_jobs: list[Any], model: str, prices: Any) -> None:
    if summary["submitted_now"] or summary["cached"]:
        typer.echo(f"submitted {summary['submitted_now']} request(s); {summary['cached']} answered from the cache")
    for job in open_jobs:
        counts = (
            f"{job.counts.get('completed', 0)}/{job.counts.get('total') or len(job.items)} done" if job.counts else ""
        )
        typer.echo(f"  {job.name}: {job.status} {counts}".rstrip())
    if c.ok or c.failed:
        typer.echo(f"collected {c.ok} label(s), {c.failed} failed ({c.fallback} retried through the normal API)")
        if c.usage.attempts:
            batch_cost = summary["cost_usd"]
            normal = summary["same_run_normal_api_usd"]
            line = usage_line(c.usage, model, Prices())
            if batch_cost is not None:
                line += f", cost ${batch_cost:.4f} at batch rates"
            if normal is not None:
                line += f" (the normal API: ${normal:.4f})"
            if batch_cost is not None or normal is not None:
                line += f"; prices: {prices.label}"
            typer.echo(f"  {line}")
    for note in c.notes:
        typer.echo(f"  {note}")
    if open_jobs:
        running = [j for j in open_jobs if j.status not in TERMINAL]
        if running:
            typer.echo("submitted; run the same command again to collect (or add --wait)")


def _check_cost(pipe: Pipeline, items: list[Item], out: Path) -> None:
    """--max-cost with --batch-api: the plan at batch rates must fit before anything is uploaded."""
    cap = pipe.settings.max_cost_usd
    if cap is None:
        return
    prices = load_prices(pipe.settings.prices)
    p = pending(pipe, items, out, batch_api=True, workers=4)
    prompt, n = p.prompt_tokens, p.requests
    from ..backends.openai_compat import COMPLETION_TOKENS

    worst = cost(Usage(prompt_tokens=prompt, completion_tokens=n * COMPLETION_TOKENS), pipe.backend.model, prices,
                 "batch_")  # fmt: skip
    if worst is None:
        raise ConfigError(f"--max-cost with --batch-api needs the batch price of {pipe.backend.model}",
                          hint=f"{prices.label} has none: add batch_input and batch_output in a file named by "
                               "RLTAXO_PRICES")  # fmt: skip
    if worst > cap:
        from ..errors import BudgetExceeded

        raise BudgetExceeded(f"the batch could cost up to ${worst:.4f} ({n} requests), over --max-cost ${cap:g}",
                             hint="raise --max-cost, or label part of the list")  # fmt: skip
