"""Choose what a backend reads: the parts of a paper that decide its class, within a token budget.

Title and abstract always; then the introduction, the method and the conclusion in shares of the
remaining budget. The whole paper is never sent: it costs more and buries the deciding sentences.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .ingest import Paper, Section

CHARS_PER_TOKEN = 4.0  # a standard estimate for English prose with BPE tokenizers

_METHOD_WORDS = ("method", "approach", "framework", "our ", "model", "algorithm", "training", "objective", "problem")
_CONCLUSION_WORDS = ("conclusion", "discussion", "summary")


def estimate_tokens(text: str) -> int:
    return int(len(text) / CHARS_PER_TOKEN) + 1


@dataclass(frozen=True)
class Part:
    name: str
    text: str


@dataclass(frozen=True)
class Excerpt:
    parts: tuple[Part, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(f"## {p.name}\n{p.text}" for p in self.parts if p.text)

    @property
    def tokens(self) -> int:
        return estimate_tokens(self.text)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


def _clip(text: str, max_chars: int) -> str:
    text = " ".join(text.split())
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars]
    stop = cut.rfind(". ")
    return (cut[: stop + 1] if stop > max_chars * 0.6 else cut) + " […]"


def _pick(paper: Paper, words: tuple[str, ...], skip: set[str]) -> list[Section]:
    found = []
    for sec in paper.sections:
        low = sec.heading.lower()
        if sec.heading in skip or "related" in low or "reference" in low:
            continue
        if any(w in low for w in words):
            found.append(sec)
    return found


def build_excerpt(paper: Paper, budget_tokens: int = 3000) -> Excerpt:
    """Title, abstract, then introduction (40%), method (35%) and conclusion (25%) of what is left."""
    budget = int(budget_tokens * CHARS_PER_TOKEN)
    parts = [Part("Title", paper.title)]
    if paper.input == "title":  # a list's title with nothing else: the title, once
        return Excerpt(tuple(parts))
    if paper.input == "abstract":  # title + abstract is all there is
        return Excerpt((*parts, Part("Abstract", _clip(paper.abstract, max(400, budget - len(paper.title))))))
    abstract = paper.abstract or _clip(paper.text, 1500)
    parts.append(Part("Abstract", _clip(abstract, max(400, budget // 3))))
    left = budget - sum(len(p.text) for p in parts)
    if left <= 200:
        return Excerpt(tuple(parts))
    intro = paper.section("introduction")
    used = {"Front matter", "Abstract", "ABSTRACT"}
    plan: list[tuple[str, list[Section], float]] = []
    if intro:
        used.add(intro.heading)
        plan.append(("Introduction", [intro], 0.4))
    method = _pick(paper, _METHOD_WORDS, used)[:2]
    used.update(s.heading for s in method)
    plan.append(("Method", method, 0.35))
    plan.append(("Conclusion", _pick(paper, _CONCLUSION_WORDS, used)[:1], 0.25))
    spare = 0
    for name, secs, share in plan:
        text = " ".join(s.text for s in secs)
        if not text:
            spare += int(left * share)
            continue
        allowance = int(left * share) + spare
        clipped = _clip(text, allowance)
        spare = max(0, allowance - len(clipped))
        parts.append(Part(name, clipped))
    if len(parts) == 2 and left > 200:  # no sections found: fall back to the start of the body
        parts.append(Part("Body", _clip(paper.text, left)))
    return Excerpt(tuple(parts))
