"""Run a backend over the gold studies through the classify pipeline, and write the run folder."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .. import gold
from ..costs import Totals
from ..errors import RltaxoError
from ..pipeline import Pipeline
from ..progress import Progress
from ..sources import Source
from .metrics import Row, flip_rate, summarise


@dataclass
class StudyOutcome:
    study: gold.Study
    result: dict[str, Any] | None
    error: str | None


def find_pdf(study: gold.Study, pdf_dir: Path | None, pipe: Pipeline, download: bool) -> tuple[Path | None, str]:
    """--pdf-dir first, then the download cache, then (if allowed) a download by arXiv id."""
    if pdf_dir is not None:
        for cand in [pdf_dir / f"{study.arxiv_id}.pdf", *sorted(pdf_dir.glob(f"{study.arxiv_id}v*.pdf"))]:
            if cand.exists():
                return cand, ""
    src = Source(raw=study.arxiv_id, arxiv_id=study.arxiv_id)
    cached = pipe.reader.downloader.cached_path(study.arxiv_id, None)
    if cached.exists():
        return cached, ""
    if not download:
        return None, "no PDF in --pdf-dir or the download cache"
    try:
        return pipe.reader.downloader.fetch(src), ""
    except RltaxoError as exc:
        return None, exc.one_line()


def run_once(
    pipe: Pipeline, studies: list[gold.Study], pdf_dir: Path | None, download: bool, show_progress: bool = True
) -> list[StudyOutcome]:
    outcomes: list[StudyOutcome] = []
    with Progress(len(studies), f"eval {pipe.backend.name}", enabled=show_progress) as bar:
        for study in studies:
            path, why = find_pdf(study, pdf_dir, pipe, download)
            if path is None:
                outcomes.append(StudyOutcome(study, None, f"missing: {why}"))
                bar.advance(False)
                continue
            try:
                src = Source(raw=str(path), path=path)
                result = pipe.classify_paper(src, pipe.read(src))
                outcomes.append(StudyOutcome(study, result.model_dump(mode="json"), None))
                bar.advance(True)
            except RltaxoError as exc:
                outcomes.append(StudyOutcome(study, None, f"error: {exc.one_line()}"))
                bar.advance(False)
    return outcomes


def rows_from(outcomes: list[StudyOutcome]) -> list[Row]:
    rows = []
    for o in outcomes:
        r = o.result or {}
        found, missing = len(r.get("evidence", [])), len(r.get("unverified_evidence", []))
        rows.append(
            Row(
                key=o.study.key,
                gold=o.study.leaf,
                pred=r.get("leaf"),
                confidence=r.get("confidence"),
                evidence_found=found,
                evidence_total=found + missing,
                gold_confidence=o.study.confidence,
                extra={
                    "short_name": o.study.short_name,
                    "arxiv_id": o.study.arxiv_id,
                    "note": o.error,
                    "rationale": r.get("rationale"),
                    "evidence": r.get("evidence", []),
                },
            )
        )
    return rows


def evaluate(
    pipe: Pipeline,
    pdf_dir: Path | None,
    out: Path | None,
    repeat: int = 1,
    download: bool = True,
    show_progress: bool = True,
    gold_path: Path | None = None,
) -> tuple[dict[str, Any], Path]:
    """Classify every gold study (``repeat`` times), compute the metrics, write the run folder."""
    studies = gold.load(gold_path)
    t0 = time.monotonic()
    runs = [run_once(pipe, studies, pdf_dir, download, show_progress) for _ in range(max(1, repeat))]
    outcomes = runs[0]
    metrics = summarise(rows_from(outcomes))
    missing = {o.study.key: o.error for o in outcomes if o.result is None}
    totals = Totals()
    for run in runs:
        for o in run:
            if o.result:
                totals.add(o.result.get("usage", {}))
    usage = totals.as_dict(pipe.backend.model)
    metrics.update(
        backend=pipe.backend.name,
        model=pipe.backend.model,
        prompt_version=pipe.backend.prompt_version,
        missing_studies=missing,
        repeat=repeat,
        seconds=round(time.monotonic() - t0, 2),
        usage=usage,
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
    if repeat > 1:
        labels = [{o.study.key: o.result["leaf"] for o in run if o.result} for run in runs]
        metrics["flip_rate"] = flip_rate(labels)
    if out is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        model = "".join(ch if ch.isalnum() or ch in "-." else "_" for ch in pipe.backend.model)[:40]
        out = Path("eval") / "runs" / f"{stamp}-{pipe.backend.name}-{model}"
    write_run(out, metrics, outcomes)
    return metrics, out


def write_run(out: Path, metrics: dict[str, Any], outcomes: list[StudyOutcome]) -> None:
    from .report import render_html, render_markdown

    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2), encoding="utf-8")
    with (out / "predictions.jsonl").open("w", encoding="utf-8") as fh:
        for o in outcomes:
            rec = {
                "key": o.study.key,
                "arxiv_id": o.study.arxiv_id,
                "gold": o.study.leaf,
                "error": o.error,
                "result": o.result,
            }
            fh.write(json.dumps(rec) + "\n")
    (out / "report.md").write_text(render_markdown(metrics), encoding="utf-8")
    (out / "report.html").write_text(render_html(metrics), encoding="utf-8")


def load_predictions(run: Path) -> dict[str, dict[str, Any]]:
    path = run / "predictions.jsonl" if run.is_dir() else run
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RltaxoError(
            f"{path}: cannot read run ({exc.strerror})", hint="give a folder written by rltaxo eval"
        ) from exc
    return {rec["key"]: rec for rec in map(json.loads, filter(None, lines))}


def compare(a: Path, b: Path) -> dict[str, Any]:
    """Study by study: what changed between two runs."""
    from .metrics import agreement, level

    pa, pb = load_predictions(a), load_predictions(b)
    changes = []
    for key in sorted(set(pa) | set(pb)):
        ra, rb = pa.get(key, {}), pb.get(key, {})
        la = (ra.get("result") or {}).get("leaf")
        lb = (rb.get("result") or {}).get("leaf")
        g = str(ra.get("gold") or rb.get("gold"))
        if la != lb:
            before, after = level(g, la), level(g, lb)
            verdict = "fixed" if after == "leaf" else "broken" if before == "leaf" else "changed"
            changes.append({"key": key, "gold": g, "a": la, "b": lb, "verdict": verdict})
    la_map = {k: r["result"]["leaf"] for k, r in pa.items() if r.get("result")}
    lb_map = {k: r["result"]["leaf"] for k, r in pb.items() if r.get("result")}
    return {"a": str(a), "b": str(b), "changes": changes, "agreement": agreement(la_map, lb_map)}
