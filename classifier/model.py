"""A learned offline model: its JSON file, and prediction in plain Python.

The file holds weights, vocabulary and idf, the engine features' scales, a temperature and class priors
fitted by cross-validation, the review threshold, the tree's hash, the training data's hash and the
cross-validated figures, and the same again for shorter texts (a title alone, a short abstract). JSON,
never pickle: loading a model runs no code. Prediction needs neither scikit-learn nor numpy, so nothing
heavy is imported when the offline backend starts.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError, model_validator

from .errors import ConfigError
from .files import read_text
from .taxonomy import Taxonomy

FORMAT = "rltaxo-model/1"
MAX_MODEL_BYTES = 50_000_000
#: A text whose words are mostly not the model's (another language, a garbled extraction) gets a guess, not
#: a reading: below this share of known words (by letters) it is flagged. Measured on real abstracts:
#: unseen ones of the bundled rows' field share at least 60% with a vocabulary learned from 520 others
#: (three draws); made-up abstracts: an English one from biology 38%, French, German, Spanish 2-6%, Chinese 0.
UNFAMILIAR_BELOW = 0.25
_CHECK_MIN_WORDS = 2000  # a model that knows fewer words (learned from a few papers) cannot tell
_CHECK_MIN_LETTERS = 60  # nor can a text this short
_LETTERS = re.compile(r"[^\W\d_]+")


class Weights(BaseModel):
    """One learned linear model with its calibration: the one for a title and abstract, or one for a
    shorter text (a title alone, a one-line summary: they say less, and the weights learned from whole
    abstracts are far too sure of them, so they get weights and a confidence of their own)."""

    vocab: list[str] = Field(description="Word and word-pair features of title + abstract.")
    idf: list[float]
    text_weights: list[list[float]] = Field(description="One row per vocab entry, one column per label.")
    engine_names: list[str] = Field(default_factory=list, description="The engine's features (trees with cues).")
    engine_scale: list[float] = Field(default_factory=list, description="Divides each engine feature.")
    engine_weights: list[list[float]] = Field(default_factory=list)
    intercept: list[float]
    temperature: float = Field(1.0, gt=0, description="Divides the logits: calibrated by cross-validation.")
    prior: list[float] = Field(default_factory=list, description="Added to the logits (a class's prior shift).")
    review_below: float = Field(0.6, ge=0, le=1, description="Confidence under which a result needs review.")
    figures: dict[str, Any] = Field(default_factory=dict, description="Cross-validated figures, as learn printed.")
    below_words: int = Field(
        0, ge=0, description="For abstracts of fewer words than this (1: a title alone); 0 for the main weights."
    )

    def check_shapes(self, k: int) -> None:
        if len(self.idf) != len(self.vocab) or len(self.text_weights) != len(self.vocab):
            raise ValueError("vocab, idf and text_weights differ in length")
        if len(self.engine_scale) != len(self.engine_names) or len(self.engine_weights) != len(self.engine_names):
            raise ValueError("engine_names, engine_scale and engine_weights differ in length")
        rows = [*self.text_weights, *self.engine_weights, self.intercept, *([self.prior] if self.prior else [])]
        if any(len(r) != k for r in rows):
            raise ValueError(f"a weight row does not have one value per label ({k})")
        if not all(math.isfinite(v) for r in rows for v in r):
            raise ValueError("a weight is not a finite number")


class ModelFile(Weights):
    """The model file's content, validated on load (a corrupt or foreign file is one line, exit 2)."""

    rltaxo_model: str = Field(description=f"The format, {FORMAT!r}.")
    tree_name: str = Field(description="The name of the tree it was learned for.")
    tree_sha256: str = Field(description="The tree's content hash: a model for another tree is refused.")
    data_sha256: str = Field(description="Hash of the labelled rows it was learned from (reproducibility).")
    labels: list[str] = Field(description="The classes, in weight-column order: the tree's leaves.")
    shorter: list[Weights] = Field(
        default_factory=list,
        description="Weights for shorter texts, shortest first (a title alone; a short abstract), each learned "
        "and calibrated on the same rows cut to that length.",
    )
    trained_on: list[str] = Field(
        default_factory=list, description="Hashes of the papers learned from (arXiv id or title): eval says so."
    )
    settings: dict[str, Any] = Field(default_factory=dict, description="How it was learned.")

    @model_validator(mode="after")
    def _shapes(self) -> ModelFile:
        if self.rltaxo_model != FORMAT:
            raise ValueError(f"format {self.rltaxo_model!r}, expected {FORMAT!r}")
        for w in (self, *self.shorter):
            w.check_shapes(len(self.labels))
        if [w.below_words for w in self.shorter] != sorted({w.below_words for w in self.shorter}) or any(
            w.below_words < 1 for w in self.shorter
        ):
            raise ValueError("shorter weights must each name a distinct below_words ≥ 1, shortest first")
        return self


@dataclass(frozen=True)
class Prediction:
    probs: list[tuple[str, float]]  # every label, most probable first
    reasons: list[str]  # the features that weighed most for the top label, in words
    weights: Weights  # the ones that read the text: the main ones, or those for a shorter text

    @property
    def leaf(self) -> str:
        return self.probs[0][0]

    @property
    def confidence(self) -> float:
        return self.probs[0][1]


def tfidf(counts: Counter[str], index: dict[str, int], idf: list[float]) -> dict[int, float]:
    """Sublinear term frequency times idf, L2-normalised over the known terms (as learning computed it)."""
    vec = {index[t]: (1.0 + math.log(c)) * idf[index[t]] for t, c in counts.items() if t in index}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {j: v / norm for j, v in vec.items()}


def scaled(feats: dict[str, float], index: dict[str, int], scale: list[float]) -> dict[int, float]:
    return {index[n]: v / scale[index[n]] for n, v in feats.items() if n in index}


def paper_hash(group: str) -> str:
    """How a training paper is named in the model file: a short hash of its arXiv id (or title key)."""
    return hashlib.sha256(group.encode()).hexdigest()[:16]


def data_hash(rows: list[tuple[str, str, str, float]]) -> str:
    """Hash of (title, abstract, label, weight) rows, order-independent."""
    lines = sorted(json.dumps(r, ensure_ascii=False) for r in rows)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


class LearnedModel:
    """A loaded model file, ready to predict."""

    def __init__(self, spec: ModelFile, path: str = "") -> None:
        self.spec = spec
        self.path = path
        self._index = {id(w): ({t: j for j, t in enumerate(w.vocab)}, {n: j for j, n in enumerate(w.engine_names)})
                       for w in (spec, *spec.shorter)}  # fmt: skip
        self.name = f"learned:{spec.data_sha256[:8]}"
        self.trained = frozenset(spec.trained_on)
        self._words = frozenset(t for t in spec.vocab if " " not in t and ":" not in t)

    def known_share(self, text: str) -> float | None:
        """The share of the text's words (runs of letters, in any script) that the main weights know; None
        where that means nothing: a text too short, or a model that knows too few words."""
        runs = _LETTERS.findall(text.lower())
        letters = sum(map(len, runs))
        if len(self._words) < _CHECK_MIN_WORDS or letters < _CHECK_MIN_LETTERS:
            return None
        return sum(len(w) for w in runs if w in self._words) / letters

    def weights(self, abstract_words: int | None = None) -> Weights:
        """The weights for a paper whose abstract has this many words (0: a title alone; None: read as a
        whole abstract): the first of the shorter ones made for so few words, else the main ones."""
        if abstract_words is not None:
            for w in self.spec.shorter:
                if abstract_words < w.below_words:
                    return w
        return self.spec

    def was_trained_on(self, arxiv_id: str) -> bool:
        return bool(arxiv_id) and paper_hash(arxiv_id) in self.trained

    @property
    def uses_engine(self) -> bool:
        return bool(self.spec.engine_names)

    def check_tree(self, tax: Taxonomy) -> None:
        if self.spec.tree_sha256 != tax.sha256:
            raise ConfigError(
                f"{self.path or 'the model'}: learned for the tree {self.spec.tree_name!r} "
                f"({self.spec.tree_sha256[:12]}), not for {tax.name!r} ({tax.sha256[:12]})",
                hint="learn one for this tree with rltaxo learn, or pass --offline-model none",
            )

    def predict(
        self,
        counts: Counter[str],
        engine: dict[str, float] | None,
        abstract_words: int | None = None,
        also: Sequence[tuple[Counter[str], dict[str, float] | None]] = (),
    ) -> Prediction:
        """The labels' probabilities for one text (its word counts and the engine's numbers). ``also``: more
        views of the same paper (a PDF's introduction), read by the same weights; the views' logits are
        averaged, so a paper is judged on all of them and confidence drops where they disagree."""
        wt = self.weights(abstract_words)
        labels = self.spec.labels
        views = [(counts, engine), *also]
        k = len(labels)
        logits = [0.0] * k
        contrib: list[tuple[float, str, list[float]]] = []  # (value, feature, its weights)
        for view_counts, view_engine in views:
            z, c = self._logits(wt, view_counts, view_engine)
            logits = [a + b / len(views) for a, b in zip(logits, z)]
            contrib += [(v / len(views), name, w) for v, name, w in c]
        if wt.prior:
            logits = [a + b for a, b in zip(logits, wt.prior)]
        top = max(logits)
        exps = [math.exp((z - top) / wt.temperature) for z in logits]
        total = sum(exps)
        probs = sorted(((labels[c], exps[c] / total) for c in range(k)), key=lambda p: -p[1])
        return Prediction(probs, self._reasons(probs[0][0], probs[1][0] if k > 1 else probs[0][0], contrib), wt)

    def _logits(
        self, wt: Weights, counts: Counter[str], engine: dict[str, float] | None
    ) -> tuple[list[float], list[tuple[float, str, list[float]]]]:
        """One view's logits (before the prior), with each feature's value and weights."""
        vocab_index, engine_index = self._index[id(wt)]
        x_text = tfidf(counts, vocab_index, wt.idf)
        x_eng = scaled(engine or {}, engine_index, wt.engine_scale)
        logits = list(wt.intercept)
        contrib: list[tuple[float, str, list[float]]] = []
        for rows, names, x in ((wt.text_weights, wt.vocab, x_text), (wt.engine_weights, wt.engine_names, x_eng)):
            for j, v in x.items():
                w = rows[j]
                logits = [z + wc * v for z, wc in zip(logits, w)]
                contrib.append((v, names[j], w))
        return logits, contrib

    def _reasons(self, leaf: str, runner_up: str, contrib: list[tuple[float, str, list[float]]]) -> list[str]:
        """The features that pushed most towards ``leaf`` rather than the runner-up, in words."""
        c, r = self.spec.labels.index(leaf), self.spec.labels.index(runner_up)
        lifts: dict[str, float] = {}  # a feature read in two views counts once, with both lifts
        for v, name, w in contrib:
            lifts[name] = lifts.get(name, 0.0) + (v * (w[c] - w[r]) if c != r else v * w[c])
        scored = sorted(((lift, name) for name, lift in lifts.items() if lift > 0), key=lambda t: -t[0])
        return [describe(name) for _, name in scored[:5]]


def describe(feature: str) -> str:
    """A feature in words: '"reward model"', 'the engine's answer "task is language = yes"', 'cues for env
    task' (a value keeps its name, as the tree's offline values spell it)."""
    kind, _, rest = feature.partition(":")
    if kind == "title":
        return f'"{rest}" in the title'
    if feature == "survey":
        return "a survey"
    if feature == "engine:confidence":
        return "the engine's confidence"
    if kind == "fact":
        question, _, answer = rest.partition("=")
        answer = {"True": "yes", "False": "no"}.get(answer, answer)
        return f'the engine\'s answer "{question.replace("_", " ")} = {answer}"'
    where = {"cue": "cues for", "own": "the paper's own claims of", "neg": "negated", "val": "engine value",
             "engine": "the engine's leaf", "none": "no cue for"}.get(kind)  # fmt: skip
    if where is None:
        return f'"{feature}"'
    return f"{where} {rest if kind in ('val', 'engine') else rest.replace('_', ' ')}"


def load(path: Path | str, tax: Taxonomy | None = None) -> LearnedModel:
    """A model file, validated; with ``tax``, refused unless learned for that very tree."""
    try:
        text = read_text(path, what="model file", limit=MAX_MODEL_BYTES)
        spec = ModelFile.model_validate_json(text)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such model file", hint="learn one with rltaxo learn") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the model file ({exc})") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "file"
        raise ConfigError(
            f"{path}: not an rltaxo model file ({where}: {first['msg']})", hint="learn one with rltaxo learn"
        ) from None
    model = LearnedModel(spec, str(path))
    if tax is not None:
        model.check_tree(tax)
    return model


@cache
def bundled_path() -> Path | None:
    """The bundled RL/LLM model (learned by eval/learn_bundled.py), if this install has it."""
    from importlib.resources import files

    p = Path(str(files("classifier").joinpath("models").joinpath("rl-llm.json")))
    return p if p.is_file() else None
