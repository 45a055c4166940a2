"""Made-up labelled rows for any tree: each row's abstract draws words from its leaf's own definition and
name, among filler sentences shared by every leaf, so a learner has something real but not trivial to find.
Deterministic for a seed. No real paper's text."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

from classifier.taxonomy import Taxonomy

FILLER = [
    "We report experiments on three benchmarks and release our code.",
    "The approach is simple to implement and scales to large inputs.",
    "Results improve on strong baselines across every setting we tried.",
    "We discuss limitations and directions that remain open.",
    "An ablation study isolates the contribution of each component.",
    "Our analysis covers both accuracy and computational cost.",
]
_STOP = {"the", "a", "an", "of", "or", "and", "to", "is", "are", "its", "it", "in", "on", "by", "for", "with",
         "that", "this", "not", "no", "be", "as", "from", "which", "each", "their", "itself"}  # fmt: skip


def leaf_words(tax: Taxonomy, leaf: str) -> list[str]:
    node = tax.nodes[leaf]
    text = " ".join([node.name, node.definition, *node.include, *node.examples])
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", text)]
    return sorted({w for w in words if w not in _STOP}) or [leaf.replace("/", "-")]


def rows(tax: Taxonomy, per_leaf: int, seed: int = 0, prefix: str = "") -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for k, leaf in enumerate(tax.labels):
        words = leaf_words(tax, leaf)
        for i in range(per_leaf):
            picked = rng.sample(words, min(len(words), 6))
            own = f"We present a method built on {', '.join(picked[:3])} and {picked[-1]}."
            filler = rng.sample(FILLER, 3)
            abstract = " ".join([filler[0], own, filler[1], f"It relies on {' '.join(picked[3:5])}.", filler[2]])
            title = f"{prefix}Study {seed}-{k}-{i} of {' '.join(picked[:2]).title()}"
            out.append({"title": title, "abstract": abstract, "leaf": leaf})
    rng.shuffle(out)
    return out


def write_jsonl(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in items), encoding="utf-8")
    return path
