"""Metrics over (gold, predicted) pairs, all pure functions, each with hand-computed tests.

Accuracies come with Wilson 95% intervals: with 24 studies, 20/24 is anywhere from 64% to 93%.
The tree is a parameter: hierarchy levels, top classes and the confusion matrix's columns come from it.
Hierarchical precision/recall/F1 follow Kiritchenko et al. (2005): overlap of ancestor sets, so a
right top class with a wrong leaf earns partial credit.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..taxonomy import Taxonomy
from .models import EvalMetrics


@dataclass(frozen=True)
class Row:
    """One study: ``pred`` is None when its PDF could not be had (missing, not wrong)."""

    key: str
    gold: str
    pred: str | None
    confidence: float | None = None
    evidence_found: int = 0
    evidence_total: int = 0
    gold_confidence: str = "high"
    runner_up: str | None = None
    engine_leaf: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def wilson(successes: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """Wilson score interval for a proportion; (0, 1) when n is 0."""
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def hierarchical_prf(pairs: list[tuple[str, str]], tax: Taxonomy) -> tuple[float, float, float]:
    """Micro-averaged hierarchical precision, recall and F1 over ancestor sets (root excluded)."""
    inter = pred_total = gold_total = 0
    for gold, pred in pairs:
        a, b = set(tax.ancestors(gold)), set(tax.ancestors(pred))
        inter += len(a & b)
        gold_total += len(a)
        pred_total += len(b)
    hp = inter / pred_total if pred_total else 0.0
    hr = inter / gold_total if gold_total else 0.0
    hf = 2 * hp * hr / (hp + hr) if hp + hr else 0.0
    return hp, hr, hf


def per_label_f1(pairs: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    labels = sorted({g for g, _ in pairs} | {p for _, p in pairs})
    out: dict[str, dict[str, float]] = {}
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[lab] = {"precision": prec, "recall": rec, "f1": f1, "support": float(tp + fn)}
    return out


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Mean F1 over the leaves that have gold papers (a leaf only predicted has no recall to average)."""
    return macro(pairs)["f1"]


def macro(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """Mean precision, recall and F1 over the leaves with gold papers, and how many leaves that is."""
    scores = [v for v in per_label_f1(pairs).values() if v["support"]]
    n = len(scores)
    return {k: (sum(v[k] for v in scores) / n if n else 0.0) for k in ("precision", "recall", "f1")} | {"leaves": n}


def per_leaf(pairs: list[tuple[str, str]], tax: Taxonomy) -> list[dict[str, Any]]:
    """The per-leaf table, in the tree's order, with each leaf's readable path: every leaf with gold
    papers, and a leaf predicted without any (precision only); out of scope only if the gold has it."""
    scores = per_label_f1(pairs)
    rows = []
    for label in tax.labels:
        sc = scores.get(label)
        if sc is None or (not sc["support"] and label == tax.out_of_scope):
            continue
        rows.append({"leaf": label, "path": " › ".join(tax.path_names(label)), **sc})
    return rows


def cohen_kappa(pairs: list[tuple[str, str]]) -> float:
    n = len(pairs)
    if n == 0:
        return 0.0
    po = sum(1 for g, p in pairs if g == p) / n
    gc, pc = Counter(g for g, _ in pairs), Counter(p for _, p in pairs)
    pe = sum(gc[k] * pc[k] for k in gc) / (n * n)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def level_accuracy(pairs: list[tuple[str, str]], tax: Taxonomy) -> list[dict[str, Any]]:
    """Accuracy at each depth of the tree: depth 1 is the top class, the deepest level the leaf. A label
    shallower than a level counts with its own deepest node (out-of-scope is out-of-scope at every depth)."""
    out = []
    for depth in range(1, tax.depth + 1):
        ok = sum(1 for g, p in pairs if _at(tax, g, depth) == _at(tax, p, depth))
        out.append({"depth": depth, "accuracy": ok / len(pairs) if pairs else 0.0, "correct": ok, "n": len(pairs)})
    return out


def _at(tax: Taxonomy, label: str, depth: int) -> str:
    chain = tax.ancestors(label)
    return chain[min(depth, len(chain)) - 1]


def confusion(pairs: list[tuple[str, str]], tax: Taxonomy) -> dict[str, dict[str, int]]:
    """Rows: gold leaves; columns: the tree's leaves plus its out-of-scope node."""
    matrix = {g: dict.fromkeys(tax.labels, 0) for g in tax.leaves}
    for g, p in pairs:
        matrix.setdefault(g, dict.fromkeys(tax.labels, 0))[p] += 1
    return matrix


def calibration(rows: list[tuple[float, bool]], bins: int = 5) -> dict[str, Any]:
    """Accuracy per confidence bucket, and the expected calibration error (ECE)."""
    buckets: list[dict[str, Any]] = []
    ece = 0.0
    n = len(rows)
    for i in range(bins):
        lo, hi = i / bins, (i + 1) / bins
        inside = [(c, ok) for c, ok in rows if lo <= c < hi or (i == bins - 1 and c == 1.0)]
        if not inside:
            buckets.append({"range": [lo, hi], "n": 0, "accuracy": None, "mean_confidence": None})
            continue
        acc = sum(ok for _, ok in inside) / len(inside)
        conf = sum(c for c, _ in inside) / len(inside)
        ece += len(inside) / n * abs(acc - conf)
        buckets.append({"range": [lo, hi], "n": len(inside), "accuracy": acc, "mean_confidence": conf})
    return {"buckets": buckets, "ece": ece if n else None}


def review_split(done: list[Row]) -> dict[str, Any]:
    """Accuracy on the results *not* marked ``needs_review``, and the share of papers they cover: how much
    of a reading list can be taken as it is, and how right that part is."""
    kept = [r for r in done if not r.extra.get("needs_review")]
    right = sum(1 for r in kept if r.gold == r.pred)
    return {
        "covered": len(kept),
        "coverage": len(kept) / len(done) if done else 0.0,
        "accuracy": right / len(kept) if kept else None,
        "accuracy_ci95": list(wilson(right, len(kept))),
    }


def confidence_gap(done: list[Row]) -> dict[str, float | None]:
    """Mean confidence of right and of wrong answers: a confidence that means something keeps them apart."""
    right = [r.confidence or 0.0 for r in done if r.gold == r.pred]
    wrong = [r.confidence or 0.0 for r in done if r.gold != r.pred]
    return {
        "right": sum(right) / len(right) if right else None,
        "wrong": sum(wrong) / len(wrong) if wrong else None,
    }


def flip_rate(runs: list[dict[str, str]]) -> float:
    """Share of studies whose label is not the same in every repeated run."""
    keys = set.intersection(*(set(r) for r in runs)) if runs else set()
    if not keys:
        return 0.0
    return sum(1 for k in keys if len({r[k] for r in runs}) > 1) / len(keys)


def agreement(a: dict[str, str], b: dict[str, str]) -> dict[str, float]:
    """Raw agreement and Cohen's kappa between two runs over the studies both classified."""
    keys = sorted(set(a) & set(b))
    pairs = [(a[k], b[k]) for k in keys]
    return {
        "n": float(len(keys)),
        "agreement": sum(1 for x, y in pairs if x == y) / len(pairs) if pairs else 0.0,
        "kappa": cohen_kappa(pairs),
    }


def level(gold: str, pred: str | None, tax: Taxonomy) -> str:
    """How far a prediction is right: 'leaf', 'top', 'wrong', or 'missing'."""
    if pred is None:
        return "missing"
    if pred == gold:
        return "leaf"
    return "top" if tax.top_class(pred) == tax.top_class(gold) else "wrong"


def _share(hits: list[bool]) -> float | None:
    return sum(hits) / len(hits) if hits else None


def summarise(rows: list[Row], tax: Taxonomy) -> EvalMetrics:
    """The metrics object: ``n``, ``missing``, accuracies with intervals, hF1, macro-F1, kappa, ..."""
    done = [r for r in rows if r.pred is not None]
    pairs = [(r.gold, r.pred) for r in done if r.pred is not None]
    k = len(pairs)
    top_ok = sum(1 for g, p in pairs if tax.top_class(g) == tax.top_class(p))
    leaf_ok = sum(1 for g, p in pairs if g == p)
    hp, hr, hf = hierarchical_prf(pairs, tax)
    ev_total = sum(r.evidence_total for r in done)
    high = [(r.gold, r.pred) for r in done if r.gold_confidence == "high" and r.pred is not None]
    unreadable = {r.key for r in rows if r.pred is None and str(r.extra.get("note") or "").startswith("unreadable")}
    return EvalMetrics.model_validate(
        {
            "taxonomy": tax.name,
            "labels": list(tax.labels),
            "n": len(rows),
            "classified": k,
            "missing": len(rows) - k - len(unreadable),
            "unreadable": len(unreadable),
            "coverage": k / len(rows) if rows else 0.0,
            "top_accuracy": top_ok / k if k else 0.0,
            "top_accuracy_ci95": list(wilson(top_ok, k)),
            "leaf_accuracy": leaf_ok / k if k else 0.0,
            "leaf_accuracy_ci95": list(wilson(leaf_ok, k)),
            "hierarchical_precision": hp,
            "hierarchical_recall": hr,
            "hierarchical_f1": hf,
            "levels": level_accuracy(pairs, tax),
            "macro_f1": macro_f1(pairs),
            "macro": macro(pairs),
            "per_leaf": per_leaf(pairs, tax),
            "kappa": cohen_kappa(pairs),
            "per_label": per_label_f1(pairs),
            "confusion": confusion(pairs, tax),
            "evidence_verbatim_share": (sum(r.evidence_found for r in done) / ev_total) if ev_total else None,
            "high_confidence_subset": {
                "n": len(high),
                "leaf_accuracy": sum(1 for g, p in high if g == p) / len(high) if high else None,
            },
            "calibration": calibration([(r.confidence or 0.0, r.gold == r.pred) for r in done]),
            "review": review_split(done),
            "top2_accuracy": _share([r.gold in (r.pred, r.runner_up) for r in done if r.runner_up]),
            "engine_leaf_accuracy": _share([r.gold == r.engine_leaf for r in done if r.engine_leaf]),
            "confidence_gap": confidence_gap(done),
            "studies": [
                {
                    "key": r.key,
                    "gold": r.gold,
                    "predicted": r.pred,
                    "confidence": r.confidence,
                    "correct": "unreadable" if r.key in unreadable else level(r.gold, r.pred, tax),
                    "gold_confidence": r.gold_confidence,
                    **r.extra,
                }
                for r in rows
            ],
        }
    )
