"""The validated result: a leaf, its place in the tree, and the evidence for it.

Results are plain data: the leaf is checked against the taxonomy in use by the pipeline (any tree
works), which also fills in the top class and the path, so a result read back from a file needs no tree.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, Field, computed_field

#: Below this confidence a result is marked ``needs_review`` (every backend; see the README).
REVIEW_THRESHOLD = 0.6

Facts = dict[str, bool | str]


_SNAPSHOT = re.compile(r"-\d{4}(?:-\d{2}-\d{2})?$")


def base_model(name: str) -> str:
    """The model a dated snapshot name is of ("gpt-4o-2024-08-06" or "gpt-4-0613": "gpt-4o", "gpt-4")."""
    return _SNAPSHOT.sub("", name, count=1)


def same_model(answered: str, asked: str) -> bool:
    """Whether ``answered`` is the model ``asked`` for: a server may name a dated snapshot of it, but
    "gpt-4o-mini" is not "gpt-4o"."""
    return answered == asked or base_model(answered) == asked


class Usage(BaseModel):
    """Tokens and attempts, every attempt counted (retries and re-asks included); one paper or a run."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    attempts: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def add(self, other: Usage) -> None:
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.attempts += other.attempts


class Verdict(BaseModel):
    """What a backend answers; the pipeline checks it and turns it into a ClassificationResult."""

    leaf: str
    confidence: float = Field(ge=0.0, le=1.0)
    rationale: str
    evidence: list[str] = Field(default_factory=list)
    facts: Facts | None = None
    fact_evidence: dict[str, str] = Field(default_factory=dict, description="Per question: the supporting quote.")
    cues: dict[str, float] = Field(default_factory=dict, description="Offline backend: which cues decided.")
    issues: list[str] = Field(default_factory=list, description="Disagreements found while validating.")
    usage: Usage = Field(default_factory=Usage)
    model: str = ""
    votes: dict[str, int] | None = None
    runner_up: str | None = Field(None, description="The second most probable leaf (learned offline model).")
    runner_up_confidence: float | None = Field(None, ge=0.0, le=1.0)
    review_below: float | None = Field(
        None, ge=0.0, le=1.0, description="This backend's own review threshold, chosen by cross-validation."
    )
    engine_leaf: str | None = None
    decided_by: str | None = None
    offline_answer: dict[str, Any] | None = None


class ClassificationResult(BaseModel):
    """One paper's place in the tree, with what produced it."""

    source: str
    key: str
    title: str
    abstract: str = Field("", description="The abstract as read (the review page and its corrections use it).")
    input: Literal["pdf", "abstract", "title"] = Field(
        "pdf", description="Whether the PDF, only title + abstract, or the title alone (always needs review) was read."
    )
    arxiv_id: str | None = Field(None, description="The arXiv id read, with its version where known (2310.12931v2).")
    leaf: str = Field(description="A leaf of the taxonomy in use, or its out-of-scope node.")
    top_class: str = Field("", description="The leaf's top class in that taxonomy.")
    path: list[str] = Field(default_factory=list, description="Names from the top class down to the leaf.")
    confidence: float = Field(ge=0.0, le=1.0)
    rationale: str
    evidence: list[str]
    unverified_evidence: list[str] = Field(
        default_factory=list, description="Quotes the backend gave that do not occur in the paper's text."
    )
    facts: Facts | None = Field(None, description="The answer to each of the tree's decision questions.")
    fact_evidence: dict[str, str] = Field(
        default_factory=dict, description="Per decision question: the sentence of the paper its answer was read from."
    )
    cues: dict[str, float] = Field(default_factory=dict)
    issues: list[str] = Field(default_factory=list)
    needs_review: bool = Field(
        False, description="A person should check this label: low confidence, a disagreement or unverified quotes."
    )
    votes: dict[str, int] | None = None
    runner_up: str | None = Field(None, description="The second most probable leaf, where the backend knows it.")
    runner_up_confidence: float | None = Field(None, ge=0.0, le=1.0)
    engine_leaf: str | None = Field(
        None, description="The hand-written engine's leaf (--offline-model none), beside a learned model's."
    )
    decided_by: str | None = Field(None, description="With --escalate: 'offline' or 'llm', whichever answered.")
    offline_answer: dict[str, Any] | None = Field(
        None, description="With --escalate, when the LLM decided: the offline leaf and confidence it overrode."
    )
    backend: str
    model: str
    prompt_version: str
    taxonomy: str = Field("", description="The tree's name and content hash.")
    pdf_sha256: str
    excerpt_sha256: str
    excerpt_tokens: int
    pages_read: int
    pages_total: int
    usage: Usage = Field(default_factory=Usage)
    cached: bool = False
