"""``rltaxo eval`` and ``rltaxo eval compare``: score a backend against gold labels, compare two runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from .app import app, fail
from .options import (
    BackendOpt,
    EscalateOpt,
    ExamplesOpt,
    FromOpt,
    JsonOpt,
    MaxCostOpt,
    ModelOpt,
    ModeOpt,
    NoCacheOpt,
    OfflineModelOpt,
    RpmOpt,
    TaxonomyOpt,
    TpmOpt,
    VotesOpt,
    open_pipeline,
)

eval_app = typer.Typer(
    help="Score a backend against gold labels: the survey's hand-labeled studies, or your own (--gold). "
    "rltaxo eval [OPTIONS] runs the evaluation; rltaxo eval compare RUN_A RUN_B shows what changed between two runs.",
    no_args_is_help=False,
    subcommand_metavar="[compare RUN_A RUN_B]",
)


@eval_app.callback(invoke_without_command=True)
def run_eval(
    ctx: typer.Context,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    pdf_dir: Annotated[Path | None, typer.Option("--pdf-dir", help="Folder of PDFs named <arXiv id>.pdf.")] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Run folder. [default: beside --gold, <gold>.eval/<time>-<backend>-<model> (a read-only folder: "
            "eval/runs/<gold>-<time>-<backend>-<model> here); for the survey's gold, "
            "eval/runs/<time>-<backend>-<model>]",
        ),
    ] = None,
    repeat: Annotated[int, typer.Option("--repeat", min=1, help="Run N times; reports the label flip rate.")] = 1,
    no_download: Annotated[
        bool, typer.Option("--no-download", help="No network at all: no PDF download, no arXiv API.")
    ] = False,
    gold_file: Annotated[
        Path | None,
        typer.Option(
            "--gold",
            help="Gold labels: CSV (arxiv_id, leaf, ...) or JSON Lines (arxiv_id/title/abstract/leaf); "
            "default: the survey's studies in gold_labels/studies.csv.",
        ),
    ] = None,
    abstracts: Annotated[
        Path | None,
        typer.Option("--abstracts", help="JSON Lines of arxiv_id, title, abstract for studies without a PDF."),
    ] = None,
    taxonomy: TaxonomyOpt = None,
    examples: ExamplesOpt = None,
    offline_model: OfflineModelOpt = None,
    escalate: EscalateOpt = False,
    input_mode: FromOpt = None,
    baseline_md: Annotated[
        Path | None, typer.Option("--baseline-md", help="Also write a baseline summary here.")
    ] = None,
    json_out: JsonOpt = False,
    no_cache: NoCacheOpt = False,
    structured_mode: ModeOpt = None,
    votes: VotesOpt = None,
    rpm: RpmOpt = None,
    tpm: TpmOpt = None,
    max_cost: MaxCostOpt = None,
) -> None:
    """Classify every gold study, print the metrics, and write metrics.json, predictions.jsonl, report.md/html."""
    params = dict(locals())
    if ctx.invoked_subcommand is not None:
        return
    from ..evaluation.report import headline
    from ..evaluation.runner import evaluate, load_abstracts

    try:
        if baseline_md is not None:
            from ..guard import claim

            keep = [(p, name) for p, name in ((gold_file, "gold file"), (abstracts, "abstracts file")) if p]
            claim(baseline_md, keep=keep, what="baseline")
        metas = load_abstracts(abstracts) if abstracts else {}
        pipe = open_pipeline(params, offline=no_download)
        try:
            metrics, folder = evaluate(pipe, pdf_dir, out, repeat=repeat, gold_path=gold_file, abstracts=metas)
        finally:
            pipe.close()
        if baseline_md is not None:
            write_baseline(baseline_md, metrics, pdf_dir)
    except (Exception, KeyboardInterrupt) as exc:
        raise typer.Exit(fail(exc)) from None
    nothing = not metrics.classified and metrics.n  # nothing was scored: not a result a script should take as one
    if metrics.missing and not abstracts and not nothing:
        typer.echo(
            f"rltaxo: {metrics.missing} studies missing: no PDF or abstract at hand; "
            "--abstracts FILE.jsonl (arxiv_id, title, abstract) supplies them without network",
            err=True,
        )
    if json_out:
        typer.echo(json.dumps(metrics.model_dump(mode="json", exclude={"studies"}) | {"run": str(folder)}))
    else:
        for k, v in headline(metrics):
            typer.echo(f"{k:>44}  {v}")
        typer.echo(f"{'report':>44}  {folder / 'report.html'}")
    if nothing:
        first = next(iter(metrics.missing_studies.values()), "")
        typer.echo(f"rltaxo: error: none of the {metrics.n} studies could be classified; the first: {first}", err=True)
        raise typer.Exit(1)
    raise typer.Exit(0)


def write_baseline(path: Path, m: Any, pdf_dir: Path | None) -> None:
    """A Markdown summary of a run, headed by the very command that produced it (so it can be redone)."""
    import shlex
    import sys

    from ..evaluation.report import render_markdown

    args = " ".join(shlex.quote(a) for a in sys.argv[1:])
    lines = [
        f"# Baseline: the {m.backend} backend on {m.gold_file}",
        "",
        f"Generated by `rltaxo {args}`; do not edit by hand.",
        "Studies with neither a PDF nor an abstract at hand are reported as missing, not wrong.",
        "",
        f"PDF folder: `{pdf_dir}`",
        "",
    ]
    path.write_text("\n".join(lines) + render_markdown(m).split("\n", 1)[1], encoding="utf-8")


@eval_app.command("compare")
def compare_runs(
    run_a: Annotated[Path, typer.Argument(help="First run folder (or predictions.jsonl).")],
    run_b: Annotated[Path, typer.Argument(help="Second run folder.")],
    json_out: JsonOpt = False,
) -> None:
    """Show what changed between two eval runs, study by study."""
    from ..evaluation.runner import compare

    try:
        diff = compare(run_a, run_b)
    except Exception as exc:
        raise typer.Exit(fail(exc)) from None
    if json_out:
        typer.echo(json.dumps(diff))
        raise typer.Exit(0)
    ag = diff["agreement"]
    typer.echo(
        f"{len(diff['changes'])} change(s); agreement {ag['agreement']:.1%} "
        f"over {int(ag['n'])}, kappa {ag['kappa']:.3f}"
    )
    if diff["missing"]:
        typer.echo(f"  {len(diff['missing'])} studie(s) not classified in one of the runs (missing, not compared)")
    for c in diff["changes"]:
        colour = {"fixed": "green", "broken": "red"}.get(c["verdict"], "yellow")
        typer.echo(
            typer.style(f"  {c['verdict']:>7}", fg=colour) + f"  {c['key']}: {c['a']} → {c['b']}  (gold {c['gold']})"
        )


app.add_typer(eval_app, name="eval")
