"""The embedded default backend: no network, no key, deterministic.

With a learned model (the bundled one for the bundled tree, or ``--offline-model PATH``) the model decides
and gives the probability; the engine's reading (``engine.py``) supplies the facts, their sentences and
the evidence, and its rules are checked against the leaf. Features come from the title and abstract (a
PDF's own abstract, as the model was learned from abstracts, with its introduction as a second view); the
engine also reads a PDF's body for the explanation. With ``--offline-model none``, or for a tree without a
model, the engine alone decides.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..evidence import quotable
from ..excerpt import Excerpt
from ..features import has_cues, text_counts
from ..ingest import Paper
from ..model import UNFAMILIAR_BELOW, LearnedModel, bundled_path, load
from ..result import Verdict
from ..taxonomy import Taxonomy
from . import Backend
from .engine import (
    _SENTENCE,
    EngineView,
    _compile,
    confidence,
    decide,
    deciding_groups,
    engine_evidence,
    engine_view,
    explain,
    fact_evidence,
    read,
)

_CACHE: dict[tuple[str, int, int, str], LearnedModel] = {}


def resolve_model(setting: str | None, tax: Taxonomy) -> LearnedModel | None:
    """The model the settings name: a path, ``none`` (the engine alone), or by default the bundled model
    when the tree is the bundled one (other trees: the engine, or a model of their own via a path)."""
    if setting is not None and setting.strip().lower() == "none":
        return None
    if setting:
        path = Path(setting).expanduser()
    else:
        found = bundled_path()
        if found is None:
            return None
        path = found
    try:
        st = path.stat()
    except OSError:
        raise ConfigError(
            f"{path}: no such model file", hint="learn one with rltaxo learn, or --offline-model none"
        ) from None
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size, tax.sha256)
    if key not in _CACHE:
        model = load(path)
        if not setting and model.spec.tree_sha256 != tax.sha256:
            return None  # the bundled model is for the bundled tree only; another tree runs its engine
        model.check_tree(tax)
        if not model.uses_engine or has_cues(tax):
            _CACHE[key] = model
        else:
            raise ConfigError(f"{path}: uses the engine's features, but the tree {tax.name!r} has no cues")
    return _CACHE[key]


def _first_sentence(text: str) -> str:
    for sent in _SENTENCE.split(text):  # the engine's sentence boundaries
        sent = " ".join(sent.split())
        if quotable(sent):
            return sent
    return ""


#: A PDF's introduction shorter than this says too little to be a second view of the paper.
_MIN_INTRO_WORDS = 100


@dataclass(frozen=True)
class LearnedInput:
    """What the model reads of a paper: its title and abstract (a PDF's own abstract: the model learned
    from abstracts; no abstract found, the front of the text; a title alone, just that, as the title
    weights learned it), the engine's view of those, and for a PDF its introduction as a second view."""

    basis: Paper
    abstract: str
    view: EngineView | None
    features: tuple[Counter[str], dict[str, float] | None]  # of the title and abstract, as the model takes them
    also: list[tuple[Counter[str], dict[str, float] | None]]  # the same of further views (a PDF's introduction)

    @property
    def words(self) -> int:
        return len(self.abstract.split())

    @property
    def weights_for(self) -> int | None:
        """The abstract length that picks the weights: None (the main ones) where an introduction is read
        too, since the two views together say as much as a whole abstract, however short the abstract."""
        return None if self.also else self.words


def learned_input(model: LearnedModel, paper: Paper, tax: Taxonomy) -> LearnedInput:
    """The views of ``paper`` that the model reads. A PDF's introduction is read as a second abstract
    and averaged with its own: an abstract alone can read as a paper's background (InstructGPT's, left out
    of learning, came out "out of scope"), and the introduction says again what the paper does.
    On the 18 labelled corpus PDFs (few: eval/BASELINE-learned.md, leave-one-out): 18/18 with both views,
    17/18 with the abstract alone. A short abstract (a workshop paper's, or one the extraction cut) is read
    with its introduction by the main weights, not alone by the short-text ones: the unseen corpus PDFs
    with their abstracts cut to 30, 50 and 70 words, 33/33 so and 22/33 alone (the same report)."""
    basis = paper.abstract_only() if paper.input == "pdf" and paper.abstract else paper
    abstract = "" if paper.input == "title" else basis.abstract or basis.text[:2000]
    view, features = _features(basis, abstract, model, tax)
    also = []
    intro = paper.section("introduction") if basis is not paper else None
    if intro is not None and len(intro.text.split()) >= _MIN_INTRO_WORDS:
        second = Paper.from_metadata(paper.title, intro.text, paper.path)
        also.append(_features(second, second.abstract, model, tax)[1])
    return LearnedInput(basis, abstract, view, features, also)


def _features(
    paper: Paper, abstract: str, model: LearnedModel, tax: Taxonomy
) -> tuple[EngineView | None, tuple[Counter[str], dict[str, float] | None]]:
    """The engine's view of a text and the features the model takes from it (its words, the engine's numbers)."""
    view = engine_view(paper, tax) if model.uses_engine else None
    return view, (text_counts(paper.title, abstract), view.features if view else None)


def learned_verdict(model: LearnedModel, paper: Paper, tax: Taxonomy) -> Verdict:
    got = learned_input(model, paper, tax)
    basis, abstract, view, words = got.basis, got.abstract, got.view, got.words
    pred = model.predict(*got.features, got.weights_for, got.also)
    leaf, conf, weights = pred.leaf, pred.confidence, pred.weights
    runner, runner_p = pred.probs[1] if len(pred.probs) > 1 else (None, None)
    if weights is model.spec:
        which = "Learned model" + (" (the abstract and the introduction)" if got.also else "")
    elif not words:
        which = "Learned model (from the title alone)"
    else:
        which = f"Learned model (for a short abstract, {words} words)"
    parts = [f"{which}: {leaf} at {conf:.2f}" + (f", then {runner} at {runner_p:.2f}" if runner else "") + "."]
    if pred.reasons:
        parts.append("Weighed most: " + "; ".join(pred.reasons) + ".")
    evidence: list[str] = []
    facts = None
    fact_quotes: dict[str, str] = {}
    cues: dict[str, float] = {}
    engine_leaf = None
    if has_cues(tax):
        if view is not None and paper is basis:  # the engine read this very text for the features
            reading, decision = view.reading, view.decision
        else:  # a PDF's whole text (or a model without engine features): the engine reads it for the explanation
            reading = read(paper, _compile(tax))
            decision = decide(reading, tax)
        engine_leaf = decision.leaf
        if decision.leaf == leaf:  # the tree's rules on the engine's facts agree: its sentences are the evidence
            parts.append(f"The engine's reading agrees: {explain(decision, tax)}")
            evidence = engine_evidence(reading, decision, tax)
            facts = decision.facts
            fact_quotes = fact_evidence(reading, decision, tax)
            cues = {c: round(reading.s(c), 2) for c in deciding_groups(decision, tax)}
        else:
            parts.append(f"The tree's rules on the engine's reading give {decision.leaf} instead.")
            evidence = [reading.statement] if quotable(reading.statement) else []
    if not evidence:
        first = _first_sentence(abstract)
        evidence = [first] if first else []
    issues = []
    known = model.known_share(f"{basis.title} {abstract}")
    if known is not None and known < UNFAMILIAR_BELOW:
        issues.append(f"only {known:.0%} of its words are ones the model learned from (another language, or "
                      "garbled text?): its label is a guess")  # fmt: skip
    return Verdict(
        leaf=leaf,
        confidence=round(conf, 3),
        rationale=" ".join(parts),
        evidence=evidence,
        facts=facts,
        fact_evidence=fact_quotes,
        cues=cues,
        model=model.name,
        runner_up=runner,
        runner_up_confidence=round(runner_p, 3) if runner_p is not None else None,
        review_below=weights.review_below,
        engine_leaf=engine_leaf,
        issues=issues,
    )


class OfflineBackend(Backend):
    """No network, no key, deterministic: a model learned from real labelled papers (``model.py``) over
    the engine's reading, or the engine alone (the tree's definitions read as cue groups)."""

    name = "offline"
    prompt_version = "n/a"

    def __init__(self, settings: object | None = None, tax: Taxonomy | None = None) -> None:
        from ..taxonomy import bundled

        self.tax = tax or bundled()
        self.learned = resolve_model(getattr(settings, "offline_model", None), self.tax)
        if self.learned is not None:
            self.model = self.learned.name
            return
        _compile(self.tax)  # a tree without cues (and no model) fails here, with one clear line
        self.model = self.tax.spec.offline.model if self.tax.spec.offline else "cues"

    def classify(self, paper: Paper, excerpt: Excerpt) -> Verdict:
        if self.learned is not None:
            return learned_verdict(self.learned, paper, self.tax)
        reading = read(paper, _compile(self.tax))
        decision = decide(reading, self.tax)
        groups = deciding_groups(decision, self.tax)
        evidence = engine_evidence(reading, decision, self.tax)
        cues = {c: round(reading.s(c), 2) for c in groups}
        shown = ", ".join(f"{c}={v:g}" for c, v in cues.items())
        return Verdict(
            leaf=decision.leaf,
            confidence=confidence(decision),
            rationale=f"{explain(decision, self.tax)} (cue scores: {shown})",
            evidence=evidence[:4],
            facts=decision.facts,
            fact_evidence=fact_evidence(reading, decision, self.tax),
            cues=cues,
            model=self.model,
        )
