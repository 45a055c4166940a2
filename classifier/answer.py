"""What an LLM must answer for a given tree: the JSON schema we ask for, and the check of its answer.

Both are generated from the taxonomy in use: the leaf enum and one entry per decision question, each
answer with its own quote, so an LLM explains every fact the way the offline backend does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .result import Facts
from .taxonomy import Taxonomy


def answer_schema(tax: Taxonomy, bounded: bool = False) -> dict[str, Any]:
    """JSON schema for the answer: reasoning and evidence first, the label last, because generation runs
    left to right. Strict-mode ready (all required, no extra keys). ``bounded`` adds length limits, which
    grammar-constrained local servers need so that a small model cannot ramble until the token limit
    (OpenAI's strict mode rejects those keywords)."""
    quote: dict[str, Any] = {"type": "string", "description": "A short quote, word for word, that supports it."}
    if bounded:
        quote["maxLength"] = 120
    facts: dict[str, Any] = {}
    for q in tax.questions:
        answer: dict[str, Any] = (
            {"type": "boolean"} if q.type == "boolean" else {"type": "string", "enum": tax.answer_ids(q)}
        )
        facts[q.id] = {
            "type": "object",
            "description": q.text,
            "properties": {"answer": answer, "quote": dict(quote)},
            "required": ["answer", "quote"],
            "additionalProperties": False,
        }
    props: dict[str, Any] = {
        "reasoning": {"type": "string", "description": "Two to four sentences: what the method does, and why."},
        "evidence": {
            "type": "array",
            "items": {"type": "string"},
            "description": "One to three short quotes copied word for word from the paper.",
        },
    }
    if facts:
        props["facts"] = {
            "type": "object",
            "properties": facts,
            "required": list(facts),
            "additionalProperties": False,
        }
    props["leaf"] = {"type": "string", "enum": list(tax.labels)}
    props["confidence"] = {"type": "number", "minimum": 0, "maximum": 1, "description": "0 to 1."}
    if bounded:
        props["reasoning"]["maxLength"] = 400
        props["evidence"].update(minItems=1, maxItems=3)
        props["evidence"]["items"]["maxLength"] = 200
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


@dataclass
class LlmAnswer:
    """An answer checked on our side: servers that 'fail open' ignore schemas."""

    reasoning: str
    leaf: str
    confidence: float
    evidence: list[str] = field(default_factory=list)
    facts: Facts | None = None
    fact_quotes: dict[str, str] = field(default_factory=dict)


def parse_answer(tax: Taxonomy, data: object) -> LlmAnswer:
    """The answer as data, or a ValueError naming the first field that is wrong."""
    if not isinstance(data, dict):
        raise ValueError("answer: must be a JSON object")
    reasoning = data.get("reasoning")
    if not isinstance(reasoning, str):
        raise ValueError("reasoning: must be a string")
    evidence = data.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(q, str) for q in evidence) or len(evidence) > 10:
        raise ValueError("evidence: must be a list of at most 10 strings")
    leaf = data.get("leaf")
    if not isinstance(leaf, str):
        raise ValueError("leaf: must be a string")
    leaf = tax.check_label(leaf)
    conf = data.get("confidence")
    if isinstance(conf, bool) or not isinstance(conf, (int, float)):
        raise ValueError("confidence: must be a number")
    facts: Facts | None = None
    quotes: dict[str, str] = {}
    if tax.questions:
        facts, quotes = tax.check_facts(data.get("facts"))
    return LlmAnswer(reasoning, leaf, float(conf), list(evidence), facts, quotes)
