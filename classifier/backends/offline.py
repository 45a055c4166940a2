"""The embedded default: a deterministic decision procedure over the paper's text.

It answers the taxonomy's questions (does the paper's method combine RL and an LLM; is the task about
language; who trains whom; what does the LLM give the RL agent; is language fed back) from weighted
textual cues, then applies the same ``leaf_from_facts`` that checks LLM answers. The cues were written
from the taxonomy's definitions, not fitted to the gold studies. Every verdict lists the cues that decided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..excerpt import Excerpt
from ..ingest import Paper
from ..result import DecisionFacts, Verdict, leaf_from_facts
from ..taxonomy import OUT_OF_SCOPE
from . import Backend


def _rx(*phrases: str) -> re.Pattern[str]:
    """Phrases as one case-insensitive regex; a space also matches no space (some PDFs lose them)."""
    return re.compile("|".join(p.replace(" ", r"\s*") for p in phrases), re.IGNORECASE)


CUES: dict[str, re.Pattern[str]] = {
    "rl": _rx(
        r"reinforcement learning",
        r"\bRL(HF|AIF)?\b",
        r"\bPPO\b",
        r"policy gradient",
        r"Q-learning",
        r"reward model",
        r"inverse RL",
        r"actor-critic",
        r"\bMDP\b",
        r"markov decision",
    ),
    "rl_negated": _rx(
        r"without (any )?(reinforcement learning|RL\b)",
        r"\bno (reinforcement learning|RL\b)",
        r"instead of (reinforcement learning|RL\b)",
        r"alternative to (reinforcement learning|RL)",
        r"without (the need for )?(RLHF|human preference modeling)",
    ),
    "llm": _rx(
        r"language models?",
        r"\bLLMs?\b",
        r"\bGPT-?[234]",
        r"\bGPT\b",
        r"InstructGPT",
        r"LLaMA",
        r"\bPaLM\b",
        r"\bT5\b",
        r"FLAN",
        r"Codex",
        r"\bBERT\b",
        r"\bOPT\b",
        r"chatbot",
        r"AI assistant",
    ),
    "language_task": _rx(
        r"instruction(s)? following",
        r"follow(ing)? instructions",
        r"dialogue",
        r"summari[sz]",
        r"question answering",
        r"machine translation",
        r"text generation",
        r"(helpful|harmless)",
        r"assistant",
        r"arithmetic reasoning",
        r"\bNLP\b",
        r"natural language processing",
        r"toxic",
        r"sentence compression",
        r"user intent",
        r"alignment",
        r"align(ing)? (large )?language models",
        r"prompt(s|ing)?\b",
        r"sentiment",
        r"text classification",
        r"reasoning tasks",
    ),
    "env_task": _rx(
        r"robot(s|ic|ics)?",
        r"manipulation",
        r"dexterous",
        r"embodied",
        r"interactive environments?",
        r"\bagents?\b",
        r"game(s|play)?\b",
        r"Atari",
        r"Minecraft",
        r"navigation",
        r"locomotion",
        r"simulat(ed|or|ion)",
        r"Isaac",
        r"BabyAI",
        r"household",
        r"kitchen",
        r"Crafter",
        r"Hanabi",
        r"Overcooked",
        r"offline RL",
        r"D4RL",
        r"decision-making",
        r"control tasks",
        r"open-world",
    ),
    "planning": _rx(
        r"high-level plan",
        r"planner",
        r"task planning",
        r"plans? over",
        r"skill library",
        r"(pre-?trained|learned|low-level) skills",
        r"affordance",
        r"long-horizon",
        r"low-level (policies|controller|skills)",
        r"sequence of skills",
        r"skill(s)? (selection|planning|graph)",
    ),
    "reward": _rx(
        r"reward (function|design|code|shaping|signal)s?",
        r"(dense|proxy|shaped) rewards?",
        r"reward designer",
        r"design(s|ing)? rewards?",
        r"rewards? (are|is) (generated|written)",
        r"(LLM|language model)s? as (a )?reward",
    ),
    "goal": _rx(
        r"sub-?goals?",
        r"goal (generation|proposal|suggestion)s?",
        r"(suggest|propose|generate)s? goals",
        r"auxiliary tasks?",
        r"curriculum",
        r"exploration",
        r"intrinsic(ally)? (reward|motivat)",
    ),
    "policy": _rx(
        r"(LLM|language model)s? as (a |the )?polic(y|ies)",
        r"polic(y|ies) (is|are) (an? )?(LLM|language model)",
        r"(LLM|language model) polic(y|ies)",
        r"policy initiali[sz]",
        r"pre-?train(ed|ing) (on )?(language|Wikipedia)",
        r"policy teacher",
        r"(instruction|language)[- ]conditioned polic",
        r"regulari[sz]e[sd]? (the )?polic",
        r"prior polic(y|ies)",
        r"Wikipedia",
        r"grounding",
    ),
    "finetune": _rx(
        r"fine-?tun(e|es|ed|ing)",
        r"update[sd]? (the )?(model|LLM|language model)'?s? (weights|parameters)",
        r"RLHF",
        r"PPO",
        r"policy optimization",
        r"train(ed|ing)? (the )?(language )?model(s)? (with|using) (RL|reinforcement)",
    ),
    "prompt": _rx(
        r"prompt (optimi[sz]ation|selection|generation|editing|design|search|engineering)",
        r"optimi[sz](e|es|ed|ing) (the )?prompts?",
        r"discrete (text )?prompts?",
        r"frozen (LLM|language model)s?",
        r"black-box (LLM|language model)",
        r"query-dependent prompt",
        r"test-time prompt",
        r"red[- ]team",
        r"(best|optimal) prompt",
        r"prompt policy",
        r"(test cases|instructions|exemplars) .{0,20}generated",
    ),
    "human_feedback": _rx(
        r"human feedback",
        r"human preferences?",
        r"labell?ers",
        r"annotators",
        r"human (rankings|ratings|judg(e)?ments)",
        r"preferred by humans",
        r"RLHF",
        r"crowdworkers",
    ),
    "ai_feedback": _rx(
        r"AI feedback",
        r"RLAIF",
        r"without (any )?human (labels|feedback|annotation)",
        r"automatic (metric|reward)s?",
        r"unsupervised",
        r"self-critique",
        r"constitution",
        r"\bBLEU\b",
        r"\bROUGE\b",
        r"AI supervision",
        r"reward (from|given by) (a )?(classifier|metric)",
        r"rule-based reward",
    ),
    "language_feedback": _rx(
        r"language feedback",
        r"closed[- ]loop",
        r"inner monologue",
        r"scene descriptions?",
        r"success detect(ion|or)",
        r"reporter",
        r"textual feedback",
        r"re-?plan",
        r"feedback (in|as) (natural )?language",
    ),
}

ZONE_WEIGHTS = {"title": 4.0, "abstract": 2.0, "introduction": 1.0, "body": 0.25}


@dataclass
class Zones:
    title: str
    abstract: str
    introduction: str
    body: str

    @classmethod
    def of(cls, paper: Paper) -> Zones:
        intro = paper.section("introduction")
        intro_text = intro.text if intro else paper.text[:6000]
        return cls(paper.title, paper.abstract, intro_text, paper.text)


def score(zones: Zones, cue: str) -> float:
    """Weighted count of a cue's matches; each zone's count saturates so one long section can't dominate."""
    pat = CUES[cue]
    total = 0.0
    for zone, weight in ZONE_WEIGHTS.items():
        n = len(pat.findall(getattr(zones, zone)))
        total += weight * min(n, 8) ** 0.75
    return round(total, 2)


def derive_facts(s: dict[str, float]) -> DecisionFacts:
    rl = s["rl"] - 2.0 * s["rl_negated"]
    combines = rl >= 3.0 and s["llm"] >= 3.0 and s["rl_negated"] < 2.0
    language = s["language_task"] > 1.2 * s["env_task"]
    roles = {"reward": s["reward"], "goal": s["goal"], "policy": s["policy"]}
    role, role_score = max(roles.items(), key=lambda kv: kv[1])
    independent = s["planning"] > max(role_score, s["finetune"], 3.0) and not language
    prompt_only = language and s["prompt"] > 1.5 * s["finetune"] and s["prompt"] >= 3.0
    return DecisionFacts(
        combines_rl_and_llm=combines,
        task_is_language=language,
        rl_updates_llm_weights=(language and not prompt_only) or (not language and role == "policy"),
        rl_edits_prompts_only=prompt_only,
        feedback_is_human=s["human_feedback"] > s["ai_feedback"],
        llm_role_for_rl_agent=role if (not language and role_score >= 2.0) else "none",
        trained_independently=independent,
        language_feedback_to_llm=s["language_feedback"] >= 3.0,
    )


def _deciding_cues(leaf: str, f: DecisionFacts) -> list[str]:
    if leaf == OUT_OF_SCOPE:
        return ["rl", "llm", "rl_negated"]
    cues = ["rl", "llm"]
    if leaf.startswith("rl4llm"):
        cues += ["language_task", "prompt" if f.rl_edits_prompts_only else "finetune"]
        if "fine-tuning" in leaf:
            cues.append("human_feedback" if f.feedback_is_human else "ai_feedback")
    elif leaf.startswith("llm4rl"):
        cues += ["env_task", leaf.split("/")[1]]
    else:
        cues += ["planning", "language_feedback"]
    return cues


def _sentence_with(text: str, pat: re.Pattern[str]) -> str | None:
    m = pat.search(text)
    if not m:
        return None
    dot = text.rfind(". ", 0, m.start())
    start = max(dot + 2 if dot != -1 else 0, m.start() - 200)
    end_dot = text.find(". ", m.end())
    end = min(end_dot + 1 if end_dot != -1 else len(text), m.end() + 200)
    return " ".join(text[start:end].split())


def _confidence(leaf: str, s: dict[str, float], f: DecisionFacts) -> float:
    if leaf == OUT_OF_SCOPE:
        gap = min(s["rl"] - 2.0 * s["rl_negated"], s["llm"])
        return round(max(0.55, min(0.95, 0.95 - gap / 20)), 2)
    if leaf.startswith("llm4rl"):
        ranked = sorted((s["reward"], s["goal"], s["policy"]), reverse=True)
    elif leaf.startswith("rl4llm/fine"):
        ranked = sorted((s["human_feedback"], s["ai_feedback"]), reverse=True)
    elif leaf.startswith("rl4llm"):
        ranked = sorted((s["prompt"], s["finetune"]), reverse=True)
    else:
        ranked = sorted((s["planning"], s["finetune"]), reverse=True)
    margin = (ranked[0] - ranked[1]) / (ranked[0] + 1e-9)
    return round(min(0.9, 0.45 + 0.45 * margin), 2)


class OfflineBackend(Backend):
    """No network, no key, deterministic: a cue-based reading of the taxonomy's definitions."""

    name = "offline"
    model = "cues-v1"
    prompt_version = "n/a"

    def __init__(self, settings: object | None = None) -> None:
        pass

    def classify(self, paper: Paper, excerpt: Excerpt) -> Verdict:
        zones = Zones.of(paper)
        scores = {cue: score(zones, cue) for cue in CUES}
        facts = derive_facts(scores)
        leaf = leaf_from_facts(facts)
        deciding = _deciding_cues(leaf, facts)
        evidence: list[str] = []
        for cue in deciding:
            if cue == "rl_negated" and not scores[cue]:
                continue
            for zone in (zones.title, zones.abstract, zones.introduction):
                quote = _sentence_with(zone, CUES[cue])
                if quote and quote not in evidence:
                    evidence.append(quote)
                    break
        shown = ", ".join(f"{c}={scores[c]:g}" for c in deciding)
        rationale = f"Decided by cues {shown}; facts: " + ", ".join(f"{k}={v}" for k, v in facts.model_dump().items())
        return Verdict(
            leaf=leaf,
            confidence=_confidence(leaf, scores, facts),
            rationale=rationale,
            evidence=evidence[:4],
            facts=facts,
            cues={c: scores[c] for c in deciding},
            model=self.model,
        )
