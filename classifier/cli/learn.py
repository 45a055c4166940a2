"""``rltaxo learn``: a calibrated offline model for any tree, from the user's own labelled papers."""

from __future__ import annotations

import json
import math
import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import ConfigError, UsageError
from .app import EXIT_OK, app, fail
from .options import JsonOpt, TaxonomyOpt, load_taxonomy


@app.command()
def learn(
    labelled: Annotated[
        list[Path],
        typer.Argument(
            help="Labelled papers: gold files (CSV or JSON Lines: title, abstract or arxiv_id, leaf), a review's "
            "OUT.corrections.jsonl, or a batch's results labelled by an LLM."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="The model file to write (JSON).")],
    taxonomy: TaxonomyOpt = None,
    no_download: Annotated[
        bool, typer.Option("--no-download", help="Skip rows without an abstract instead of asking the arXiv API.")
    ] = False,
    folds: Annotated[int, typer.Option("--folds", min=2, max=20, help="Cross-validation folds.")] = 5,
    review_accuracy: Annotated[
        float,
        typer.Option("--review-accuracy", min=0.5, max=0.999, help="Unflagged results must be right this often."),
    ] = 0.9,
    out_of_scope_odds: Annotated[
        float,
        typer.Option(
            "--out-of-scope-odds",
            min=0.05,
            max=20.0,
            help="Multiply the odds of the tree's out-of-scope label by this: above 1 finds more out-of-scope "
            "papers at some cost to the leaves (the bundled model uses 2; eval/BASELINE-learned.md shows the "
            "trade-off). The figures printed are the model's with it.",
        ),
    ] = 1.0,
    json_out: JsonOpt = False,
) -> None:
    """Learn an offline model: cross-validated accuracy, per-leaf recall, calibration and the review
    threshold are printed, then the model is written; use it with --offline-model OUT."""
    try:
        tax = load_taxonomy(taxonomy)
        from ..guard import claim

        claim(out, keep=[(p, "labelled file") for p in labelled], what="model file")
        if not out.parent.is_dir():
            raise UsageError(f"--out {out}: no folder {out.parent}", hint="create it first")
        try:
            import sklearn  # noqa: F401
        except ImportError:
            raise ConfigError(
                "rltaxo learn needs scikit-learn", hint="pip install 'rltaxo[learn]' (prediction does not)"
            ) from None
        from ..learn import LearnSettings
        from ..learn import learn as fit_model
        from ..learn_data import read_labelled

        data = read_labelled(labelled, tax, None if no_download else _fetcher())
        settings = LearnSettings(folds=folds, review_accuracy=review_accuracy,
                                 out_of_scope_prior=math.log(out_of_scope_odds))  # fmt: skip
        learned = fit_model(data.rows, tax, settings, progress=_progress(len(data.rows)))
        from ..learn import dump

        _write(out, dump(learned.model))
    except typer.Exit:
        raise
    except (Exception, KeyboardInterrupt) as exc:
        raise typer.Exit(fail(exc)) from None
    spec = learned.model
    figs = spec.figures["all"]
    if json_out:
        typer.echo(json.dumps({"out": str(out), "rows": len(data.rows), "skipped": data.skipped,
                               "warnings": learned.warnings, "review_below": spec.review_below,
                               "figures": spec.figures,
                               "shorter": [{"below_words": w.below_words, "review_below": w.review_below,
                                            "figures": w.figures} for w in spec.shorter]}))  # fmt: skip
        raise typer.Exit(EXIT_OK)
    for w in learned.warnings:
        typer.echo(f"rltaxo: warning: {w}", err=True)
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(data.by_kind.items()))
    typer.echo(f"learned from {len(data.rows)} papers ({kinds})" +
               "".join(f"; skipped {n}: {why}" for why, n in data.skipped.items()))  # fmt: skip
    typer.echo(f"cross-validated ({spec.settings['folds']} folds): accuracy {figs['accuracy']:.3f}, top-2 "
               f"{figs['top2_accuracy']:.3f}, ECE {figs['ece']:.3f}")  # fmt: skip
    typer.echo(f"  results at confidence ≥ {spec.review_below:.2f} (not flagged for review): "
               f"{figs['coverage']:.0%} of papers, {_pct(figs['accuracy_unflagged'])} right")  # fmt: skip
    sure = spec.figures.get("sure")
    if sure and sure.get("n") and sure["n"] < figs["n"]:  # the file marked doubtful labels: the threshold's yardstick
        typer.echo(f"  on the {sure['n']} sure labels: accuracy {sure['accuracy']:.3f}; not flagged "
                   f"{sure['coverage']:.0%}, {_pct(sure['accuracy_unflagged'])} right")  # fmt: skip
    for leaf, recall in figs["per_leaf_recall"].items():
        typer.echo(f"  {recall:6.1%}  {leaf}")
    for short in spec.shorter:
        t = short.figures["all"]
        what = "from titles alone" if short.below_words <= 1 else f"from abstracts under {short.below_words} words"
        typer.echo(f"{what} (their own weights): accuracy {t['accuracy']:.3f}, ECE {t['ece']:.3f}")
    typer.echo(f"wrote {out}; use it with --offline-model {out}")
    raise typer.Exit(EXIT_OK)


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v:.0%}"


def _progress(total: int) -> Any:
    if total < 50 or not sys.stderr.isatty():
        return None

    def show(i: int) -> None:
        if i == total or i % 25 == 0:
            sys.stderr.write(f"\rrltaxo: reading {i}/{total} papers")
            if i == total:
                sys.stderr.write("\n")

    return show


def _fetcher() -> Any:
    """Titles and abstracts from the arXiv API (cached; settings as for batch)."""
    from ..arxiv_api import ArxivApi
    from .options import settings_from

    s = settings_from()
    api = ArxivApi(s.arxiv_api_url, s.cache_dir, delay_s=s.arxiv_api_delay_s)

    def fetch(ids: list[str]) -> dict[str, tuple[str, str]]:
        return {i: (m.title, m.abstract) for i, m in api.prefetch(ids).items()}

    return fetch


def _write(out: Path, text: str) -> None:
    """Atomically: a model file is whole or absent, never half written."""
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
