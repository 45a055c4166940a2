"""Run a backend over the gold studies through the classify pipeline, and write the run folder."""

from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .. import gold
from ..arxiv_api import Metadata
from ..costs import load_prices, total, usage_record
from ..errors import DownloadError, RltaxoError, SourceError, UsageError
from ..files import open_for_writing, read_text
from ..pipeline import Pipeline
from ..progress import Progress
from ..resources import ensure_writable_dir
from ..sources import Source
from .metrics import Row, flip_rate, summarise
from .models import EvalMetrics, InputSplit, StudyOutcome, StudyRow


def load_abstracts(path: Path) -> dict[str, Metadata]:
    """``--abstracts FILE.jsonl``: objects with ``arxiv_id``, ``title``, ``abstract``, keyed by arXiv id."""
    from ..sources import parse_arxiv

    out: dict[str, Metadata] = {}
    try:
        lines = read_text(path, what="abstracts file", encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read abstracts ({exc})") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            parsed = parse_arxiv(str(rec.get("arxiv_id", "")))
        except (ValueError, AttributeError) as exc:
            raise UsageError(f"{path}:{n}: not a JSON object with arxiv_id, title, abstract ({exc})") from None
        if parsed and str(rec.get("abstract") or "").strip():
            out[parsed[0]] = Metadata(str(rec.get("title") or ""), str(rec["abstract"]), parsed[0], parsed[1])
    return out


def check_pdf_dir(pdf_dir: Path | None) -> None:
    if pdf_dir is None:
        return
    if not pdf_dir.is_dir():
        what = "does not exist" if not pdf_dir.exists() else "is not a folder"
        raise UsageError(f"--pdf-dir {pdf_dir}: {what}", hint="give a folder of PDFs named <arXiv id>.pdf")
    if not any(pdf_dir.glob("*.pdf")):
        raise UsageError(f"--pdf-dir {pdf_dir}: holds no PDF", hint="give a folder of PDFs named <arXiv id>.pdf")


def study_source(study: gold.Study, pdf_dir: Path | None, abstracts: dict[str, Metadata]) -> Source:
    """The study as a source: its PDF in --pdf-dir if there, its metadata (the gold row's own, then
    --abstracts) if known, and its arXiv id; the reader picks by --from."""
    path = None
    if pdf_dir is not None and study.arxiv_id:
        for cand in [pdf_dir / f"{study.arxiv_id}.pdf", *sorted(pdf_dir.glob(f"{study.arxiv_id}v*.pdf"))]:
            if cand.exists():
                path = cand
                break
    if path is None and study.source and Path(study.source).is_file():
        path = Path(study.source)
    meta = abstracts.get(study.arxiv_id) if study.arxiv_id else None
    if study.abstract:
        meta = Metadata(study.title, study.abstract, study.arxiv_id or None)
    return Source(raw=str(path) if path else (study.arxiv_id or study.key), path=path,
                  arxiv_id=study.arxiv_id or None, meta=meta)  # fmt: skip


def run_once(
    pipe: Pipeline,
    studies: list[gold.Study],
    pdf_dir: Path | None,
    abstracts: dict[str, Metadata],
    show_progress: bool = True,
) -> list[StudyOutcome]:
    outcomes: list[StudyOutcome] = []
    with Progress(len(studies), f"eval {pipe.backend.name}", enabled=show_progress) as bar:
        for study in studies:
            src = study_source(study, pdf_dir, abstracts)
            try:
                result = pipe.classify(src)
                outcomes.append(StudyOutcome(study, result, None))
                bar.advance(True)
            except (SourceError, DownloadError) as exc:  # no PDF and no abstract could be had
                outcomes.append(StudyOutcome(study, None, f"missing: {exc.one_line()}"))
                bar.advance(True)  # missing is not a failure of the classifier
            except RltaxoError as exc:  # a PDF or an answer that could not be used
                outcomes.append(StudyOutcome(study, None, f"unreadable: {exc.one_line()}"))
                bar.advance(False)
    return outcomes


def rows_from(outcomes: list[StudyOutcome]) -> list[Row]:
    rows = []
    for o in outcomes:
        r = o.result
        found, missing = (len(r.evidence), len(r.unverified_evidence)) if r else (0, 0)
        rows.append(
            Row(
                key=o.study.key,
                gold=o.study.leaf,
                pred=r.leaf if r else None,
                confidence=r.confidence if r else None,
                evidence_found=found,
                evidence_total=found + missing,
                gold_confidence=o.study.confidence,
                runner_up=r.runner_up if r else None,
                engine_leaf=r.engine_leaf if r else None,
                extra={
                    "input": r.input if r else None,
                    "needs_review": r.needs_review if r else None,
                    "short_name": o.study.short_name,
                    "arxiv_id": o.study.arxiv_id,
                    "note": o.error,
                    "rationale": r.rationale if r else None,
                    "evidence": r.evidence if r else [],
                },
            )
        )
    return rows


def evaluate(
    pipe: Pipeline,
    pdf_dir: Path | None,
    out: Path | None,
    repeat: int = 1,
    show_progress: bool = True,
    gold_path: Path | None = None,
    abstracts: dict[str, Metadata] | None = None,
) -> tuple[EvalMetrics, Path]:
    """Classify every gold study (``repeat`` times), compute the metrics, write the run folder."""
    gold_path = gold_path or pipe.settings.gold
    studies = gold.load(gold_path, pipe.taxonomy)
    check_pdf_dir(pdf_dir)
    if out is not None:
        _check_writable(out, gold_path or gold.default_path())
    t0 = time.monotonic()
    runs = [run_once(pipe, studies, pdf_dir, abstracts or {}, show_progress) for _ in range(max(1, repeat))]
    outcomes = runs[0]
    metrics = summarise(rows_from(outcomes), pipe.taxonomy)
    totals = total(o.result.usage for run in runs for o in run if o.result)
    metrics = metrics.model_copy(
        update={
            "by_input": by_input(metrics.studies),
            "gold_file": str(gold_path or gold.default_path().name),
            "backend": pipe.backend.name,
            "model": pipe.backend.model,
            "prompt_version": pipe.backend.prompt_version,
            "missing_studies": {o.study.key: o.error for o in outcomes if o.result is None},
            "repeat": repeat,
            "seconds": round(time.monotonic() - t0, 2),
            "usage": usage_record(totals, pipe.backend.model, load_prices(pipe.settings.prices)),
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
    )
    learned = getattr(pipe.backend, "learned", None)
    if learned is not None:
        classified = {o.study.key for o in outcomes if o.result is not None}  # what the figures are made of
        metrics.seen_in_training = sum(1 for s in studies if s.key in classified and learned.was_trained_on(s.arxiv_id))
    stamp_run(metrics, pipe, gold_path or gold.default_path())
    if repeat > 1:
        labels = [{o.study.key: o.result.leaf for o in run if o.result} for run in runs]
        metrics.flip_rate = flip_rate(labels)
    if out is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        model = "".join(ch if ch.isalnum() or ch in "-." else "_" for ch in pipe.backend.model)[:40]
        run = f"{stamp}-{pipe.backend.name}-{model}"
        # beside the user's gold file, unless its folder is read-only (shared data: even root must not write
        # there); the survey's own gold (inside the package) keeps eval/runs/ here
        if gold_path and open_for_writing(gold_path.parent):
            out = gold_path.parent / f"{gold_path.stem}.eval" / run
        else:
            out = Path("eval") / "runs" / (f"{gold_path.stem}-{run}" if gold_path else run)
    write_run(out, metrics, outcomes)
    return metrics, out


def stamp_run(metrics: EvalMetrics, pipe: Pipeline, gold_path: Path) -> None:
    """What made the run, so a report stands on its own as an appendix: versions, hashes, and where the
    figures are not those of unseen papers."""
    from .. import __version__
    from ..taxonomy import bundled

    metrics.rltaxo_version = __version__
    metrics.taxonomy_sha256 = pipe.taxonomy.sha256
    metrics.gold_sha256 = _sha256(gold_path)
    if metrics.seen_in_training:
        metrics.notes.append(
            f"The offline model was learned from {metrics.seen_in_training} of these {metrics.classified} studies: "
            "their figures are not those of unseen papers (leave-one-out figures: eval/BASELINE-learned.md)."
        )
    survey_gold = metrics.gold_sha256 == _sha256(gold.default_path())
    if pipe.backend.name == "offline" and survey_gold and pipe.taxonomy.sha256 == bundled().sha256:
        metrics.notes.append(
            "The bundled tree's offline cues were written by people who had read these studies: the engine's "
            "figures here are not those of unseen papers either."
        )


def _sha256(path: Path) -> str:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def by_input(studies: list[StudyRow]) -> dict[str, InputSplit]:
    """Counts and accuracy split by what was read: the PDF or only the title + abstract."""
    out: dict[str, InputSplit] = {}
    for kind in ("pdf", "abstract"):
        rows = [s for s in studies if s.input == kind]
        right = sum(1 for s in rows if s.correct == "leaf")
        out[kind] = InputSplit(n=len(rows), leaf_correct=right, leaf_accuracy=right / len(rows) if rows else None)
    return out


#: The files of an eval run, and what each is (the guard lets each replace only its own kind).
RUN_FILES = {"metrics.json": "eval metrics", "predictions.jsonl": "eval predictions", "report.md": "eval report",
             "report.html": "eval page"}  # fmt: skip


def _check_writable(out: Path, gold_path: Path) -> None:
    """Fail before classifying anything, not after, when the run folder cannot be written or one of its
    files would overwrite the gold file or a file rltaxo did not write."""
    from ..guard import claim

    try:
        ensure_writable_dir(out)
    except OSError as exc:
        raise UsageError(f"--out {out}: cannot write there ({exc.strerror or exc})") from exc
    for name, what in RUN_FILES.items():
        claim(out / name, keep=[(gold_path, "gold file")], what=what)


def write_run(out: Path, metrics: EvalMetrics, outcomes: list[StudyOutcome]) -> None:
    from .report import render_html, render_markdown

    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(metrics.model_dump_json(indent=2), encoding="utf-8")
    with (out / "predictions.jsonl").open("w", encoding="utf-8") as fh:
        for o in outcomes:
            rec = {
                "key": o.study.key,
                "arxiv_id": o.study.arxiv_id,
                "gold": o.study.leaf,
                "error": o.error,
                "result": o.result.model_dump(mode="json") if o.result else None,
            }
            fh.write(json.dumps(rec) + "\n")
    (out / "report.md").write_text(render_markdown(metrics), encoding="utf-8")
    (out / "report.html").write_text(render_html(metrics), encoding="utf-8")


def load_predictions(run: Path) -> dict[str, dict[str, Any]]:
    path = run / "predictions.jsonl" if run.is_dir() else run
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(
            f"{run}: not an eval run ({getattr(exc, 'strerror', None) or exc})",
            hint="give a folder written by rltaxo eval (it holds predictions.jsonl)",
        ) from None
    out: dict[str, dict[str, Any]] = {}
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            out[str(rec["key"])] = rec
        except (ValueError, KeyError, TypeError):
            raise UsageError(f"{path}:{n}: not a prediction record", hint="was the file edited or cut short?") from None
    return out


def compare(a: Path, b: Path) -> dict[str, Any]:
    """Study by study: what changed between two runs."""
    from .metrics import agreement

    pa, pb = load_predictions(a), load_predictions(b)
    changes, missing = [], []
    for key in sorted(set(pa) | set(pb)):
        ra, rb = pa.get(key, {}), pb.get(key, {})
        la = (ra.get("result") or {}).get("leaf")
        lb = (rb.get("result") or {}).get("leaf")
        g = str(ra.get("gold") or rb.get("gold"))
        if la != lb:
            if la is None or lb is None:  # missing or unreadable on one side: not a change of label
                missing.append({"key": key, "missing_in": "a" if la is None else "b"})
                continue
            verdict = "fixed" if lb == g else "broken" if la == g else "changed"
            changes.append({"key": key, "gold": g, "a": la, "b": lb, "verdict": verdict})
    la_map = {k: r["result"]["leaf"] for k, r in pa.items() if r.get("result")}
    lb_map = {k: r["result"]["leaf"] for k, r in pb.items() if r.get("result")}
    return {"a": str(a), "b": str(b), "changes": changes, "missing": missing, "agreement": agreement(la_map, lb_map)}
