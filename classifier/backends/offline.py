"""The embedded default: a deterministic reading of what a paper says it *does*.

The paper is cut into sentences; the title and the abstract count most, and of the full text only the
sentences in which the authors speak of their own work ("we propose", "our method", "in this paper").
A sentence about others' work (related work, baselines, "unlike prior methods") counts little, and a
phrase after a negation ("without RL", "instead of human labels", "bypasses fine-tuning") not at all.
Cue groups (``offline_cues.py``, general method vocabulary, one per definition clause) score the
taxonomy's decision facts; the same ``leaf_from_facts`` that checks LLM answers turns them into a leaf.
Each fact keeps the sentence that decided it, and the confidence comes from how clear each decision was.
So it works from a title and abstract alone, and never depends on detected sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..excerpt import Excerpt
from ..ingest import Paper
from ..result import DecisionFacts, Verdict, leaf_from_facts
from ..taxonomy import OUT_OF_SCOPE
from . import Backend
from .offline_cues import BACKGROUND, CLAIM, GROUPS, NEGATION, ROLE_WORDS, SURVEY

PATTERNS = {name: group.pattern() for name, group in GROUPS.items()}
# "without any human labels" is itself a cue for automatic feedback, "without updating its weights" for prompting
_KEEP_NEGATED = {"automatic_feedback", "prompt_policy"}
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“])")
_FIRST_PERSON_FULLTEXT = 40  # most claim sentences taken from the full text

TITLE_W, CLAIM_W, NEUTRAL_W, BACKGROUND_W, BODY_CLAIM_W = 2.5, 1.5, 1.0, 0.3, 0.4
RL_AT, LLM_AT = 1.0, 0.6  # least weighted evidence for "uses RL" and for "uses an LLM"
IMPLIED = 0.6  # what an implied RL agent (rewards, policies, learned skills) counts for beside RL itself


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
    role_words: dict[str, float] = field(default_factory=dict)  # in sentences naming the language model
    survey: bool = False  # the paper reviews others' work

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
        body = [s for s in _split(paper.text) if s not in seen and CLAIM.search(s) and not BACKGROUND.search(s)]
        out += [Sentence(s, BODY_CLAIM_W, "body") for s in body[:_FIRST_PERSON_FULLTEXT]]
    return out


def _split(text: str) -> list[str]:
    return [" ".join(s.split()) for s in _SENTENCE.split(text) if len(s.split()) >= 3]


def _weight(sent: str, claim: float, neutral: float) -> float:
    if BACKGROUND.search(sent) and not re.search(r"\b(?:we|our)\b", sent, re.IGNORECASE):
        return BACKGROUND_W
    if BACKGROUND.search(sent):
        return (claim + BACKGROUND_W) / 2
    return claim if CLAIM.search(sent) else neutral


def read(paper: Paper) -> Reading:
    reading = Reading()
    for sent in sentences_of(paper):
        if sent.zone in ("title", "abstract") and SURVEY.search(sent.text):
            reading.survey = True
        spans = [m.group(0) for m in NEGATION.finditer(sent.text)]
        affirmed = NEGATION.sub(" ", sent.text) if spans else sent.text
        for name, pat in PATTERNS.items():
            if spans and sent.weight >= NEUTRAL_W and any(pat.search(span) for span in spans):
                reading.negated[name] = reading.negated.get(name, 0.0) + sent.weight
            text = sent.text if name in _KEEP_NEGATED else affirmed
            n = len(pat.findall(text))
            if not n:
                continue
            gain = sent.weight * min(n, 2) ** 0.5
            reading.scores[name] = reading.s(name) + gain
            if sent.zone == "title" or sent.weight >= NEUTRAL_W:
                reading.own[name] = reading.own.get(name, 0.0) + gain
            if gain > reading.best.get(name, (0.0, ""))[0]:
                reading.best[name] = (gain, sent.text)
        if PATTERNS["llm"].search(affirmed):
            for role, pat in ROLE_WORDS.items():
                hits = len(pat.findall(affirmed))
                if hits:
                    reading.role_words[role] = reading.role_words.get(role, 0.0) + sent.weight * min(hits, 2)
    return reading


@dataclass
class Decision:
    facts: DecisionFacts
    margins: dict[str, float]  # how clear each decision on the way to the leaf was, 0..1
    deciding: list[str]  # cue groups whose sentences are the evidence


def _margin(a: float, b: float) -> float:
    """0 when a and b are level, towards 1 as one dominates."""
    return abs(a - b) / (a + b + 1.0)


def decide(r: Reading) -> Decision:
    rl = r.s("rl") + IMPLIED * r.s("rl_implied")
    llm = r.s("llm")
    explicit = r.own.get("rl", 0.0) - r.negated.get("rl", 0.0)
    rl_own = explicit + IMPLIED * r.own.get("rl_implied", 0.0) >= RL_AT
    # an RL agent may go unnamed where it acts in an environment (rewards, policies, learned skills);
    # on a language task only RL named as such counts ("policy" there is as often a document as an agent)
    env_seen = r.s("env_task") > 0
    combines = rl >= RL_AT and llm >= LLM_AT and rl_own and (explicit >= RL_AT or env_seen)
    margins = {"combines": min(1.0, min(abs(rl - RL_AT), abs(llm - LLM_AT)) / 2.5)}
    roles = {"reward": r.s("llm_reward"), "goal": r.s("llm_goal"), "policy": r.s("llm_policy")}
    role, role_score = max(roles.items(), key=lambda kv: kv[1])
    planning, feedback = r.s("planning"), r.s("language_feedback")
    if not combines and llm >= LLM_AT and planning + feedback + sum(roles.values()) >= 2.0:
        margins["combines"] = min(margins["combines"], 0.1)  # shaped like an RL/LLM method, but no RL stated
    lang = r.s("language_task")
    # an RL agent's reward, goal, policy or skills belong to a task outside language
    env = r.s("env_task") + 0.5 * r.s("agent_word") + 0.5 * planning + 0.5 * role_score
    prompt, tune = r.s("prompt_policy"), r.s("rl_trains_lm")
    weak_role = role_score == 0 and bool(r.role_words)
    if weak_role:  # no role cue: what the sentences about the language model speak of
        role = max(r.role_words.items(), key=lambda kv: kv[1])[0]
    # a bare "agent" is not a world; planning over RL-trained skills is evidence of one
    language = lang + 0.5 * tune + prompt > env or (r.s("env_task") == 0 and planning == 0)
    margins["language"] = _margin(lang + 0.5 * tune + prompt, env)
    prompt_only = language and prompt >= 1.0 and prompt > tune
    human, auto = r.s("human_feedback"), r.s("automatic_feedback")
    independent = not language and planning > role_score and planning >= 1.0
    facts = DecisionFacts(
        combines_rl_and_llm=combines,
        task_is_language=language,
        rl_updates_llm_weights=(language and not prompt_only)
        or (not language and role == "policy" and not independent),
        rl_edits_prompts_only=prompt_only,
        feedback_is_human=human > auto,
        llm_role_for_rl_agent=role if (not language and (role_score > 0 or weak_role) and not independent) else "none",
        trained_independently=independent,
        language_feedback_to_llm=feedback >= 1.0,
    )
    deciding = ["rl", "llm"]
    if not combines:
        return Decision(facts, margins, deciding)
    if language:
        deciding.append("language_task")
        if prompt_only:
            deciding.append("prompt_policy")
            margins["leaf"] = _margin(prompt, tune)
        else:
            deciding += ["rl_trains_lm", "human_feedback" if facts.feedback_is_human else "automatic_feedback"]
            margins["leaf"] = min(_margin(human, auto), 1.0 if prompt < 1.0 else _margin(tune, prompt))
    elif independent:
        deciding += ["env_task", "planning", "language_feedback"]
        margins["leaf"] = min(_margin(planning, role_score), 0.3 + _margin(feedback, 1.0))
    else:
        deciding += ["env_task", f"llm_{role}"]
        ranked = sorted([*roles.values(), planning], reverse=True)
        margins["leaf"] = 0.05 if weak_role else _margin(ranked[0], ranked[1])
    if r.survey:
        margins["survey"] = 0.03  # a review's label is its subject: worth a person's look
    return Decision(facts, margins, deciding)


def confidence(d: Decision) -> float:
    """How clear the least clear decision on the way to the leaf was, mapped to 0.50–0.97: a label is only
    as sure as its weakest step. The mapping is fixed by hand, not fitted; its calibration is measured on
    the gold and dev data (README, eval/BASELINE.md)."""
    clarity = max(0.0, min(d.margins.values())) ** 0.7
    return round(0.5 + 0.47 * min(1.0, clarity * 2.0), 2)


_FACT_GROUPS = {
    "combines_rl_and_llm": ("rl", "llm"),
    "task_is_language": ("language_task",),
    "rl_updates_llm_weights": ("rl_trains_lm",),
    "rl_edits_prompts_only": ("prompt_policy",),
    "feedback_is_human": ("human_feedback",),
    "llm_role_for_rl_agent": ("llm_reward", "llm_goal", "llm_policy"),
    "trained_independently": ("planning",),
    "language_feedback_to_llm": ("language_feedback",),
}


def fact_evidence(r: Reading, d: Decision) -> dict[str, str]:
    """For each fact that holds, the sentence that made it true."""
    out: dict[str, str] = {}
    values = d.facts.model_dump()
    for fact, groups in _FACT_GROUPS.items():
        value = values[fact]
        if value is False or value == "none":
            continue
        names = (f"llm_{value}",) if fact == "llm_role_for_rl_agent" else groups
        if fact == "combines_rl_and_llm" and "rl" in r.best:
            names = ("rl",)  # the sentence that says RL is used is the informative one
        best = [r.best[n] for n in names if n in r.best]
        if best:
            out[fact] = max(best)[1]
    if not d.facts.task_is_language and "env_task" in r.best and d.facts.combines_rl_and_llm:
        out["task_is_not_language"] = r.best["env_task"][1]
    return out


def explain(f: DecisionFacts) -> str:
    """The facts in words, in the order the decision takes them."""
    if not f.combines_rl_and_llm:
        return "The paper's own method does not combine reinforcement learning with a language model."
    parts = ["The method combines RL and a language model"]
    if f.task_is_language:
        parts.append("on a natural-language task")
        if f.rl_edits_prompts_only:
            parts.append("an RL policy writes or selects prompts while the language model stays frozen")
        else:
            who = "human judgements" if f.feedback_is_human else "automatic signals (AI, metrics, tests, rules)"
            parts.append(f"RL updates the language model with rewards from {who}")
    else:
        parts.append("on a task that is not about language")
        if f.trained_independently:
            loop = "with" if f.language_feedback_to_llm else "without"
            parts.append(f"the LLM plans over separately trained RL skills, {loop} language feedback")
        elif f.llm_role_for_rl_agent != "none":
            parts.append(f"the language model provides the RL agent's {f.llm_role_for_rl_agent}")
    return "; ".join(parts) + "."


class OfflineBackend(Backend):
    """No network, no key, deterministic: the taxonomy's definitions read as cue groups."""

    name = "offline"
    model = "cues-v2"
    prompt_version = "n/a"

    def __init__(self, settings: object | None = None) -> None:
        pass

    def classify(self, paper: Paper, excerpt: Excerpt) -> Verdict:
        reading = read(paper)
        decision = decide(reading)
        leaf = leaf_from_facts(decision.facts)
        if leaf == OUT_OF_SCOPE:
            decision.deciding = ["rl", "llm"]
        evidence: list[str] = []
        for name in decision.deciding:
            quote = reading.best.get(name, (0.0, ""))[1]
            if quote and quote not in evidence:
                evidence.append(quote)
        cues = {c: round(reading.s(c), 2) for c in decision.deciding}
        shown = ", ".join(f"{c}={v:g}" for c, v in cues.items())
        return Verdict(
            leaf=leaf,
            confidence=confidence(decision),
            rationale=f"{explain(decision.facts)} (cue scores: {shown})",
            evidence=evidence[:4],
            facts=decision.facts,
            fact_evidence=fact_evidence(reading, decision),
            cues=cues,
            model=self.model,
        )
