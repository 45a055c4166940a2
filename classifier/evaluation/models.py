"""The eval's values, typed: one study's outcome, one study's row in the report, and the metrics object.

``metrics.json`` is ``EvalMetrics.model_dump``; reports and the CLI read attributes, not keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from ..gold import Study
from ..result import ClassificationResult


@dataclass
class StudyOutcome:
    """A gold study and what the run made of it: a result, or why there is none."""

    study: Study
    result: ClassificationResult | None
    error: str | None


class StudyRow(BaseModel):
    key: str
    gold: str
    predicted: str | None
    confidence: float | None
    correct: str = Field(description="leaf, top, wrong, missing or unreadable.")
    gold_confidence: str = "high"
    input: str | None = None
    needs_review: bool | None = None
    short_name: str = ""
    arxiv_id: str = ""
    note: str | None = None
    rationale: str | None = None
    evidence: list[str] = Field(default_factory=list)


class LevelAccuracy(BaseModel):
    depth: int
    accuracy: float
    correct: int
    n: int


class Bucket(BaseModel):
    range: list[float]
    n: int
    accuracy: float | None
    mean_confidence: float | None


class Calibration(BaseModel):
    buckets: list[Bucket]
    ece: float | None


class ReviewSplit(BaseModel):
    covered: int
    coverage: float
    accuracy: float | None
    accuracy_ci95: list[float]


class Subset(BaseModel):
    n: int
    leaf_accuracy: float | None


class ConfidenceGap(BaseModel):
    right: float | None
    wrong: float | None


class InputSplit(BaseModel):
    n: int
    leaf_correct: int
    leaf_accuracy: float | None


class LeafScore(BaseModel):
    leaf: str
    path: str = Field(description="The leaf's readable path in the tree.")
    precision: float
    recall: float
    f1: float
    support: float = Field(description="Gold papers in this leaf.")


class EvalMetrics(BaseModel):
    """Everything ``rltaxo eval`` measures about one run, and what produced it."""

    taxonomy: str
    labels: list[str]
    n: int
    classified: int
    missing: int
    unreadable: int
    coverage: float
    top_accuracy: float
    top_accuracy_ci95: list[float]
    leaf_accuracy: float
    leaf_accuracy_ci95: list[float]
    hierarchical_precision: float
    hierarchical_recall: float
    hierarchical_f1: float
    levels: list[LevelAccuracy]
    macro_f1: float
    kappa: float
    per_label: dict[str, dict[str, float]]
    per_leaf: list[LeafScore] = Field(default_factory=list, description="The report's per-leaf table.")
    macro: dict[str, float] = Field(
        default_factory=dict, description="Mean precision, recall, F1 over the leaves with gold papers ('leaves')."
    )
    confusion: dict[str, dict[str, int]]
    evidence_verbatim_share: float | None
    high_confidence_subset: Subset
    calibration: Calibration
    review: ReviewSplit
    confidence_gap: ConfidenceGap
    studies: list[StudyRow]
    # what produced the run (set by the runner)
    by_input: dict[str, InputSplit] = Field(default_factory=dict)
    gold_file: str = ""
    backend: str = ""
    model: str = ""
    prompt_version: str = ""
    missing_studies: dict[str, str | None] = Field(default_factory=dict)
    repeat: int = 1
    seconds: float = 0.0
    usage: dict[str, Any] = Field(default_factory=dict)
    created: str = ""
    rltaxo_version: str = ""
    taxonomy_sha256: str = ""
    gold_sha256: str = ""
    notes: list[str] = Field(default_factory=list, description="What the reader must know: e.g. fitted on this gold.")
    flip_rate: float | None = None
    top2_accuracy: float | None = Field(None, description="Gold leaf first or runner-up (learned model only).")
    engine_leaf_accuracy: float | None = Field(
        None, description="The hand-written engine's leaf accuracy on the same papers (beside a learned model)."
    )
    seen_in_training: int | None = Field(
        None, description="Gold studies the learned model was trained on: their figures are not unseen."
    )
