"""The engine: a deterministic reading of what a paper says it *does*, for any tree with cues.

The paper is cut into sentences; the title and the abstract count most, and of the full text only the
sentences in which the authors speak of their own work ("we propose", "our method", "in this paper").
A sentence about others' work (related work, baselines, "unlike prior methods") counts little, and a
phrase after a negation ("without RL", "instead of human labels", "bypasses fine-tuning") not at all.
That engine is tree-independent. What it looks for comes from the tree file: cue groups (general method
vocabulary, one per definition clause), expressions that answer the tree's decision questions from the
group scores, and the tree's rules, which turn the answers into a leaf, as they check an LLM's answers.
Each answer keeps the sentence that decided it, and the confidence comes from how clear each decision was.
So it works from a title and abstract alone, and never depends on detected sections.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .. import expr
from ..errors import TaxonomyError
from ..evidence import quotable
from ..features import has_cues
from ..ingest import Paper
from ..regex_shape import Alternation, Matcher, Narrower, fold
from ..taxonomy import Answer, Taxonomy
from ..taxonomy_spec import QuestionSpec, RuleSpec
from .offline_cues import (
    BACKGROUND,
    CLAIM,
    COMPARISON,
    EVALUATION,
    FUTURE,
    NEGATION,
    SURVEY,
    TRAINING,
    loosened,
)

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“])")
_FIRST_PERSON_FULLTEXT = 40  # most claim sentences taken from the full text

TITLE_W, CLAIM_W, NEUTRAL_W, BACKGROUND_W, BODY_CLAIM_W = 2.5, 1.5, 1.0, 0.3, 0.4
ANSWER_AT = 1.0  # least weighted evidence for an answer given by its own cues (trees without expressions)


@dataclass(frozen=True)
class Cues:
    """A tree's offline reading, compiled once per tree."""

    patterns: dict[str, re.Pattern[str]]  # scored in every sentence
    weights: dict[str, float]
    keep_negated: frozenset[str]  # "without any human labels" is itself a cue for some groups
    near: dict[str, tuple[str, re.Pattern[str]]]  # group -> (anchor group, pattern): counted beside the anchor
    values: tuple[tuple[str, expr.Expr], ...]
    answers: dict[str, expr.Expr]  # question -> expression giving its answer
    margins: tuple[tuple[str, expr.Expr], ...]
    narrower: Narrower | None = None  # each sentence's patterns narrowed to what it can match (regex_shape)


def answer_group(q: QuestionSpec, answer_id: str) -> str:
    """The cue group an answer's own phrases form (not an identifier: expressions cannot name it)."""
    return f"{q.id}.{answer_id}"


@cache
def _compile(tax: Taxonomy) -> Cues:
    off = tax.spec.offline
    alternations: dict[str, Alternation] = {}
    weights: dict[str, float] = {}
    near: dict[str, tuple[str, re.Pattern[str]]] = {}
    keep: set[str] = set()
    for name, g in off.groups.items() if off else ():
        alternations[name] = Alternation.of(loosened(g.phrases), re.IGNORECASE)
        if g.near:
            near[name] = (g.near, alternations[name].full)
            continue
        if g.keep_negated:
            keep.add(name)
    for q in tax.questions:
        for a in q.answers:
            if a.cues:
                alternations[answer_group(q, a.id)] = Alternation.of(loosened(a.cues), re.IGNORECASE)
                weights[answer_group(q, a.id)] = a.weight
    patterns = {name: alt.full for name, alt in alternations.items() if name not in near}
    answers = {q.id: expr.parse(q.offline) for q in tax.questions if q.offline}
    for q in tax.questions:
        if q.id not in answers and not any(a.cues for a in q.answers):
            raise TaxonomyError(
                f"{tax.name}: the offline backend needs cues in the taxonomy (question {q.id!r} has none)",
                hint="use an LLM backend (--backend openai), or add cues to the tree file",
            )
    if not tax.questions or not tax.rules:
        raise TaxonomyError(
            f"{tax.name}: the offline backend needs cues in the taxonomy (decision questions, rules and cues)",
            hint="use an LLM backend (--backend openai), or add them to the tree file",
        )
    return Cues(
        patterns=patterns,
        weights=weights,
        keep_negated=frozenset(keep),
        near=near,
        values=tuple((k, expr.parse(v)) for k, v in (off.values.items() if off else ())),
        answers=answers,
        margins=tuple((k, expr.parse(v)) for k, v in (off.margins.items() if off else ())),
        narrower=Narrower(alternations),
    )


@dataclass
class Sentence:
    text: str
    weight: float
    zone: str


@dataclass
class Reading:
    """Per cue group: the weighted score and the sentence that contributed most."""

    scores: dict[str, float] = field(default_factory=dict)
    best: dict[str, tuple[float, str]] = field(default_factory=dict)
    own: dict[str, float] = field(default_factory=dict)  # from the title and sentences not about others' work
    negated: dict[str, float] = field(default_factory=dict)  # the paper's own "without X" statements
    survey: bool = False  # the paper reviews others' work
    statement: str = ""  # what the paper says it does: its first abstract claim, else its first abstract sentence

    def s(self, name: str) -> float:
        return self.scores.get(name, 0.0)


def sentences_of(paper: Paper) -> list[Sentence]:
    """Title, abstract (weighted by who speaks) and the full text's own claims."""
    out = [Sentence(paper.title, TITLE_W, "title")] if paper.title else []
    abstract = paper.abstract or paper.text[:2000]  # no abstract found: the front of the paper stands in
    for sent in _split(abstract):
        out.append(Sentence(sent, _weight(sent, CLAIM_W, NEUTRAL_W), "abstract"))
    if paper.input == "pdf":
        seen = {s.text for s in out}
        # section by section, so a heading never glues two sentences together ("... environment. 2 Related
        # Work Prompting methods such as ...") and lends one the other's background marker
        texts = [sec.text for sec in paper.sections] or [paper.text]
        split = [s for text in texts for s in _split(text)]
        aside = (BACKGROUND, FUTURE)  # another's work, or work left for later
        body = [s for s in split if s not in seen and CLAIM.search(s) and not any(p.search(s) for p in aside)]
        out += [Sentence(s, BODY_CLAIM_W, "body") for s in body[:_FIRST_PERSON_FULLTEXT]]
    return out


def _split(text: str) -> list[str]:
    return [" ".join(s.split()) for s in _SENTENCE.split(text) if len(s.split()) >= 3]


_WE = re.compile(r"\b(?:we|our)\b", re.IGNORECASE)


def _weight(sent: str, claim: float, neutral: float) -> float:
    if FUTURE.search(sent):
        return 0.0
    if BACKGROUND.search(sent):
        return BACKGROUND_W if not _WE.search(sent) else (claim + BACKGROUND_W) / 2
    return claim if CLAIM.search(sent) else neutral


def read(paper: Paper, cues: Cues) -> Reading:
    reading = Reading()
    sentences = sentences_of(paper)
    abstract = [sent for sent in sentences if sent.zone == "abstract"]
    if abstract:
        reading.statement = next((sent.text for sent in abstract if sent.weight == CLAIM_W), abstract[0].text)
    parts = [(spans, affirmed, fold(f"{sent.text}\n{affirmed}")) for sent in sentences for spans, affirmed in
             [_affirmed(sent.text)]]  # fmt: skip
    narrower = cues.narrower
    in_paper = narrower.present("\n".join(low for *_, low in parts)) if narrower else []
    for sent, (spans, affirmed, low) in zip(sentences, parts):
        if sent.zone in ("title", "abstract") and SURVEY.search(sent.text):
            reading.survey = True
        # each pattern narrowed to the phrases this sentence can match (regex_shape.Alternation): same counts
        active = narrower.matchers(narrower.present(low, in_paper)) if narrower else {}
        for name, full in cues.patterns.items():
            pat = active.get(name) if narrower else Matcher(full)
            if pat is None:
                continue  # neither the sentence nor any part of it can match
            if spans and sent.weight >= NEUTRAL_W and any(pat.found(span) for span in spans):
                reading.negated[name] = reading.negated.get(name, 0.0) + sent.weight
            text = sent.text if name in cues.keep_negated else affirmed
            n = pat.count(text)
            if not n:
                continue
            gain = sent.weight * min(n, 2) ** 0.5 * cues.weights.get(name, 1.0)
            reading.scores[name] = reading.s(name) + gain
            if sent.zone in ("title", "body") or sent.weight >= NEUTRAL_W:
                reading.own[name] = reading.own.get(name, 0.0) + gain
            if gain > reading.best.get(name, (0.0, ""))[0]:
                reading.best[name] = (gain, sent.text)
        for name, (anchor, full) in cues.near.items():  # e.g. role words in sentences naming the model
            near_pat = active.get(name) if narrower else Matcher(full)
            anchor_pat = active.get(anchor) if narrower else Matcher(cues.patterns[anchor])
            if near_pat is not None and anchor_pat is not None and anchor_pat.found(affirmed):
                hits = near_pat.count(affirmed)
                if hits:
                    reading.scores[name] = reading.s(name) + sent.weight * min(hits, 2)
    return reading


def _affirmed(text: str) -> tuple[list[str], str]:
    """A sentence's negated spans, and the sentence without them (nor comparisons, nor mere evaluation)."""
    spans = [m.group(0) for m in NEGATION.finditer(text)]
    affirmed = COMPARISON.sub(" ", NEGATION.sub(" ", text) if spans else text)
    if not TRAINING.search(affirmed):
        affirmed = EVALUATION.sub(" ", affirmed)
    return spans, affirmed


@dataclass
class Decision:
    facts: dict[str, Answer]
    margins: dict[str, float]  # how clear each decision on the way to the leaf was, 0..1
    rule: RuleSpec | None
    leaf: str
    values: dict[str, Any] = field(default_factory=dict)  # the tree's offline values, as computed on the way


def _env(r: Reading, cues: Cues) -> tuple[dict[str, Any], dict[str, Callable[..., Any]]]:
    env: dict[str, Any] = {name: r.s(name) for name in (*cues.patterns, *cues.near)}
    env["survey"] = r.survey
    funcs = {
        **expr.FUNCTIONS,
        "own": lambda g: r.own.get(g, 0.0),
        "negated": lambda g: r.negated.get(g, 0.0),
    }
    return env, funcs


def _by_cues(q: QuestionSpec, r: Reading) -> tuple[Answer, float]:
    """A question without an expression, answered by its answers' own cues: (answer, margin)."""
    if q.type == "boolean":
        yes, no = r.s(answer_group(q, "yes")), r.s(answer_group(q, "no"))
        return (yes >= ANSWER_AT and yes > no), expr.margin(yes, max(ANSWER_AT, no))
    ranked = sorted(((r.s(answer_group(q, a.id)), a.id) for a in q.answers if a.cues), key=lambda x: -x[0])
    top, answer = ranked[0] if ranked else (0.0, "")
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    if top < ANSWER_AT:
        fallback = q.default or next((a.id for a in q.answers if not a.cues), q.answers[-1].id)
        return fallback, expr.margin(ANSWER_AT, top)
    return answer, expr.margin(top, max(ANSWER_AT, runner_up))


def decide(r: Reading, tax: Taxonomy) -> Decision:
    """The tree's expressions (or each answer's own cues) answer its questions; its rules give the leaf."""
    cues = _compile(tax)
    env, funcs = _env(r, cues)
    for name, e in cues.values:
        env[name] = e(env, funcs)
    facts: dict[str, Answer] = {}
    margins: dict[str, float] = {}
    for q in tax.questions:
        if q.id in cues.answers:
            value = cues.answers[q.id](env, funcs)
            facts[q.id] = bool(value) if q.type == "boolean" else str(value)
        else:
            facts[q.id], margins[q.id] = _by_cues(q, r)
    rule = tax.rule_for(facts)
    if cues.margins:
        margins = {}
        for name, e in cues.margins:
            value = e(env, funcs)
            if value is not None:
                margins[name] = float(value)
    elif rule is not None:  # only the questions the deciding rule asked
        margins = {q: m for q, m in margins.items() if q in rule.when} or margins
    values = {name: env[name] for name, _ in cues.values}
    return Decision(facts, margins or {"none": 0.0}, rule, rule.leaf if rule else tax.default, values)


def confidence(d: Decision) -> float:
    """How clear the least clear decision on the way to the leaf was, mapped to 0.50–0.97: a label is only
    as sure as its weakest step. The mapping is fixed by hand, not fitted; its calibration is measured on
    the gold and dev data (README, eval/BASELINE.md)."""
    clarity = max(0.0, min(d.margins.values())) ** 0.7
    return round(0.5 + 0.47 * min(1.0, clarity * 2.0), 2)


def _evidence_groups(q: QuestionSpec, value: Answer) -> list[str]:
    a = Taxonomy.answer_spec(q, value)
    if a is None:
        return []
    return list(a.evidence) or ([answer_group(q, a.id)] if a.cues else [])


def deciding_groups(d: Decision, tax: Taxonomy) -> list[str]:
    """The cue groups behind the answers the deciding rule asked about, in question order."""
    asked = d.rule.when if d.rule else {}
    out: list[str] = []
    for q in tax.questions:
        if q.id in asked:
            out += [g for g in _evidence_groups(q, d.facts[q.id]) if g not in out]
    return out


def fact_evidence(r: Reading, d: Decision, tax: Taxonomy) -> dict[str, str]:
    """For each answer the deciding rule asked about, the sentence it was read from (its first evidence
    group with a sentence)."""
    out: dict[str, str] = {}
    for q in tax.questions:
        if d.rule is not None and q.id not in d.rule.when:
            continue
        for g in _evidence_groups(q, d.facts[q.id]):
            if g in r.best and quotable(r.best[g][1]):
                out[q.id] = r.best[g][1]
                break
    return out


def explain(d: Decision, tax: Taxonomy) -> str:
    """The answers the deciding rule asked about, in words, in question order."""
    asked = d.rule.when if d.rule else {}
    parts = []
    for q in tax.questions:
        a = Taxonomy.answer_spec(q, d.facts[q.id]) if q.id in asked else None
        if a is not None and a.says:
            parts.append(a.says)
    if not parts:
        return f"No rule of the tree applies; {d.leaf}."
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def engine_evidence(reading: Reading, decision: Decision, tax: Taxonomy) -> list[str]:
    """The sentences behind the deciding answers, else what the paper says it does."""
    evidence: list[str] = []
    for name in deciding_groups(decision, tax):
        quote = reading.best.get(name, (0.0, ""))[1]
        if quotable(quote) and quote not in evidence:
            evidence.append(quote)
    if not evidence and quotable(reading.statement):  # no cue fired (or only in a short title)
        evidence = [reading.statement]  # (a statement too short to check is no evidence: it would read as made up)
    return evidence[:4]


@dataclass(frozen=True)
class EngineView:
    """The engine's reading of a paper, as numbers (``features``) and as what the explanation quotes."""

    features: dict[str, float]
    reading: Reading
    decision: Decision


def engine_view(paper: Paper, tax: Taxonomy) -> EngineView | None:
    """The engine's numbers for a tree with cues; None for a tree without (text features alone)."""
    if not has_cues(tax):
        return None
    cues = _compile(tax)
    reading = read(paper, cues)
    decision = decide(reading, tax)
    feats: dict[str, float] = {}
    for name in (*cues.patterns, *cues.near):
        for kind, value in (("cue", reading.s(name)), ("own", reading.own.get(name, 0.0)),
                            ("neg", reading.negated.get(name, 0.0))):  # fmt: skip
            if value:
                feats[f"{kind}:{name}"] = math.log1p(max(0.0, value))
    for name, value in decision.values.items():  # computed once, by decide
        if isinstance(value, bool):
            feats[f"val:{name}"] = float(value)
        elif isinstance(value, int | float) and math.isfinite(value):
            feats[f"val:{name}"] = math.copysign(math.log1p(abs(value)), value)
    for q, answer in decision.facts.items():
        feats[f"fact:{q}={answer}"] = 1.0
    feats[f"engine:{decision.leaf}"] = 1.0
    feats["engine:confidence"] = confidence(decision)
    feats["survey"] = float(reading.survey)
    return EngineView(feats, reading, decision)
