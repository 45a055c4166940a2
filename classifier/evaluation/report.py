"""Reports people read: Markdown (renders as tables) and one self-contained HTML file (no network)."""

from __future__ import annotations

from html import escape

from .models import EvalMetrics


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def _ci(value: float, interval: list[float]) -> str:
    lo, hi = interval
    return f"{_pct(value)} (95% CI {_pct(lo)}–{_pct(hi)})"


def stamp(m: EvalMetrics) -> list[tuple[str, str]]:
    """What made the run: enough to reproduce it, or to cite it in an appendix."""
    return [
        ("rltaxo", m.rltaxo_version or "–"),
        ("tree", f"{m.taxonomy} (sha256 {m.taxonomy_sha256[:12] or '–'})"),
        ("gold", f"{m.gold_file} (sha256 {m.gold_sha256[:12] or '–'})"),
        ("backend / model", f"{m.backend} / {m.model} (prompt {m.prompt_version})"),
        ("date", m.created or "–"),
    ]


def macro_line(m: EvalMetrics) -> tuple[str, str]:
    mac = m.macro
    n = int(mac.get("leaves", 0))
    return (
        f"macro P / R / F1 over the {n} leaves with gold studies",
        f"{mac.get('precision', 0.0):.3f} / {mac.get('recall', 0.0):.3f} / {mac.get('f1', 0.0):.3f}",
    )


def headline(m: EvalMetrics) -> list[tuple[str, str]]:
    hc = m.high_confidence_subset
    ece = m.calibration.ece
    return [
        ("studies", f"{m.n} ({m.classified} classified, {m.missing} missing, {m.unreadable} unreadable)"),
        *[
            (f"read from {kind}", f"{v.n} studies, leaf accuracy {_pct(v.leaf_accuracy)}")
            for kind, v in m.by_input.items()
            if v.n
        ],
        ("top-class accuracy", _ci(m.top_accuracy, m.top_accuracy_ci95) if m.classified else "–"),
        ("leaf accuracy", _ci(m.leaf_accuracy, m.leaf_accuracy_ci95) if m.classified else "–"),
        ("leaf accuracy on high-confidence gold rows", f"{_pct(hc.leaf_accuracy)} of {hc.n}"),
        (
            "hierarchical F1 (P / R)",
            f"{m.hierarchical_f1:.3f} ({m.hierarchical_precision:.3f} / {m.hierarchical_recall:.3f})",
        ),
        macro_line(m),
        ("Cohen's kappa", f"{m.kappa:.3f}"),
        ("evidence quotes found verbatim", _pct(m.evidence_verbatim_share)),
        ("expected calibration error", "–" if ece is None else f"{ece:.3f}"),
        *_review_lines(m),
        *([("top-2 leaf accuracy", _pct(m.top2_accuracy))] if m.top2_accuracy is not None else []),
        *(
            [("engine alone (--offline-model none)", f"leaf accuracy {_pct(m.engine_leaf_accuracy)}")]
            if m.engine_leaf_accuracy is not None
            else []
        ),
        *(
            [
                (
                    "studies the model was trained on",
                    f"{m.seen_in_training} of {m.classified}: not unseen; see "
                    "eval/BASELINE-learned.md for leave-one-out",
                )
            ]
            if m.seen_in_training
            else []
        ),
        *([("label flip rate", _pct(m.flip_rate))] if m.flip_rate is not None else []),
    ]


def _review_lines(m: EvalMetrics) -> list[tuple[str, str]]:
    rv, gap = m.review, m.confidence_gap
    lines = [
        (
            "accuracy where not needs_review",
            f"{_ci(rv.accuracy or 0.0, rv.accuracy_ci95) if rv.accuracy is not None else '–'} on {rv.covered} "
            f"papers ({_pct(rv.coverage if m.classified else None)} of those classified)",
        )
    ]
    if gap.right is not None:
        wrong = "–" if gap.wrong is None else f"{gap.wrong:.2f}"
        lines.append(("mean confidence right / wrong", f"{gap.right:.2f} / {wrong}"))
    return lines


def render_markdown(m: EvalMetrics) -> str:
    out = ["# rltaxo eval report", "", "| run | |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in stamp(m)]
    out += [""] + [f"> {note}" for note in m.notes] + ([""] if m.notes else [])
    out += ["| metric | value |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in headline(m)]
    out += ["", "## Per leaf", "", "| leaf | precision | recall | F1 | gold studies |", "|---|---|---|---|---|"]
    for r in m.per_leaf:
        recall = f"{r.recall:.2f}" if r.support else "–"
        out.append(f"| {r.path} (`{r.leaf}`) | {r.precision:.2f} | {recall} | {r.f1:.2f} | {int(r.support)} |")
    k, v = macro_line(m)
    out.append(f"| *{k}* | {v.replace(' / ', ' | ')} | {sum(int(r.support) for r in m.per_leaf)} |")
    out += ["", "## Studies", "", "| study | gold | predicted | confidence | correct at | read from |"]
    out += ["|---|---|---|---|---|---|"]
    for s in m.studies:
        conf = "–" if s.confidence is None else f"{s.confidence:.2f}"
        pred = f"`{s.predicted}`" if s.predicted else f"*{s.correct}*"
        row = f"| {s.short_name} ({s.arxiv_id or s.key}) | `{s.gold}` | {pred} | {conf} | {s.correct} |"
        out.append(row + f" {s.input or '–'} |")
    out += ["", "## Confusion (rows gold, columns predicted)", ""]
    cols = list(m.labels)
    out.append("| gold \\ predicted | " + " | ".join(f"`{c}`" for c in cols) + " |")
    out.append("|---" * (len(cols) + 1) + "|")
    for g, counts in m.confusion.items():
        out.append(f"| `{g}` | " + " | ".join(str(counts.get(c, 0) or "·") for c in cols) + " |")
    out += ["", "## Calibration", "", "| confidence | n | accuracy | mean confidence |", "|---|---|---|---|"]
    for b in m.calibration.buckets:
        out.append(f"| {b.range[0]:.1f}–{b.range[1]:.1f} | {b.n} | {_pct(b.accuracy)} | {_pct(b.mean_confidence)} |")
    return "\n".join(out) + "\n"


_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}
th{background:#f3f3f3}.heat td.cell{text-align:center;min-width:3em}.bar{background:#4a7bd0;height:12px}
.bartrack{background:#eee;width:240px}.miss td{font-size:13px}code{font-size:12px}
"""


def render_html(m: EvalMetrics) -> str:
    e = escape
    parts = [
        '<!doctype html><html><head><meta charset="utf-8"><meta name="generator" content="rltaxo">'
        f"<title>rltaxo eval</title><style>{_CSS}</style>"
        "</head><body><h1>rltaxo eval report</h1><table id='stamp'>"
    ]
    parts += [f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in stamp(m)]
    parts.append("</table>")
    parts += [f"<p class='note'><b>Note.</b> {e(note)}</p>" for note in m.notes]
    parts.append("<table id='summary'>")
    parts += [f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in headline(m)]
    parts.append("</table><h2>Confusion matrix</h2><table class='heat' id='heatmap'><tr><th>gold \\ predicted</th>")
    cols = list(m.labels)
    parts += [f"<th><code>{e(c)}</code></th>" for c in cols]
    parts.append("</tr>")
    peak = max([v for row in m.confusion.values() for v in row.values()] + [1])
    for g, row in m.confusion.items():
        parts.append(f"<tr><th><code>{e(g)}</code></th>")
        for c in cols:
            v = row.get(c, 0)
            hue = "40,140,60" if c == g else "200,60,50"
            alpha = 0.0 if v == 0 else 0.15 + 0.85 * v / peak
            parts.append(f"<td class='cell' style='background:rgba({hue},{alpha:.2f})'>{v or ''}</td>")
        parts.append("</tr>")
    parts.append(
        "</table><h2>Per leaf</h2><table id='bars'><tr><th>leaf</th><th>precision</th><th>recall</th><th>F1</th>"
        "<th>gold studies</th></tr>"
    )
    for r in m.per_leaf:
        width = int(240 * r.f1)
        recall = f"{r.recall:.2f}" if r.support else "–"
        parts.append(
            f"<tr><td>{e(r.path)}<br><code>{e(r.leaf)}</code></td><td>{r.precision:.2f}</td><td>{recall}</td>"
            f"<td><div class='bartrack'><div class='bar' style='width:{width}px'></div></div>{r.f1:.2f}</td>"
            f"<td>{int(r.support)}</td></tr>"
        )
    name, value = macro_line(m)
    parts.append(f"<tr><th>{e(name)}</th><td colspan='4'>{e(value)}</td></tr>")
    parts.append(
        "</table><h2>Misses</h2><table class='miss' id='misses'><tr><th>study</th><th>gold</th>"
        "<th>predicted</th><th>rationale</th><th>evidence</th></tr>"
    )
    for s in m.studies:
        if s.correct not in ("top", "wrong"):
            continue
        ev = "".join(f"<li>{e(q)}</li>" for q in s.evidence)
        pred = s.predicted or f"({s.note or 'missing'})"
        parts.append(
            f"<tr><td>{e(s.short_name)}<br><code>{e(s.arxiv_id)}</code></td><td><code>{e(s.gold)}"
            f"</code></td><td><code>{e(pred)}</code></td><td>{e(s.rationale or '')}</td>"
            f"<td><ul>{ev}</ul></td></tr>"
        )
    missing = [s for s in m.studies if s.correct == "missing"]
    parts.append(f"</table><h2>Missing ({len(missing)}: not scored)</h2><ul id='missing'>")
    parts += [f"<li>{e(s.short_name)} <code>{e(s.arxiv_id)}</code>: {e(s.note or '')}</li>" for s in missing]
    parts.append("</ul><h2>Calibration</h2><table><tr><th>confidence</th><th>n</th><th>accuracy</th></tr>")
    for b in m.calibration.buckets:
        parts.append(f"<tr><td>{b.range[0]:.1f}–{b.range[1]:.1f}</td><td>{b.n}</td><td>{_pct(b.accuracy)}</td></tr>")
    parts.append("</table></body></html>\n")
    return "".join(parts)
