"""The validated result: a leaf, its place in the tree, and the evidence for it.

Only the leaf is stored; the top class and the path are derived from the taxonomy, so a result can
never pair a leaf with another class's parent. The decision facts and ``leaf_from_facts`` encode the
taxonomy's definitions once; the offline backend and the consistency check of LLM answers share them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema, computed_field

from . import taxonomy
from .ingest import normalise_for_match

_TAX = taxonomy.load()


def _check_label(value: str) -> str:
    value = value.strip()
    if not _TAX.is_label(value):
        raise ValueError(f"{value!r} is not a taxonomy leaf; allowed: {', '.join(_TAX.labels)}")
    return value


Label = Annotated[
    str,
    AfterValidator(_check_label),
    WithJsonSchema({"type": "string", "enum": list(_TAX.labels)}),
]
LlmRole = Literal["reward", "goal", "policy", "none"]


class DecisionFacts(BaseModel):
    """The questions the taxonomy turns on, answered about the paper's own method."""

    model_config = ConfigDict(extra="forbid")

    combines_rl_and_llm: bool = Field(description="The paper's method uses both RL and a (large) language model.")
    task_is_language: bool = Field(description="The task being solved is a natural-language (NLP) task.")
    rl_updates_llm_weights: bool = Field(description="RL training changes the language model's weights.")
    rl_edits_prompts_only: bool = Field(
        description="An RL policy writes or selects prompts while the language model stays frozen."
    )
    feedback_is_human: bool = Field(description="The RL reward comes from human judgements (RLHF).")
    llm_role_for_rl_agent: LlmRole = Field(
        description="What the language model provides to an RL agent on a non-language task, if anything."
    )
    trained_independently: bool = Field(
        description="A separately trained RL agent and the LLM are combined in a planning framework."
    )
    language_feedback_to_llm: bool = Field(
        description="Environment observations or success reports reach the LLM as natural language."
    )


def leaf_from_facts(f: DecisionFacts) -> str:
    """The taxonomy's definitions as a decision procedure."""
    if not f.combines_rl_and_llm:
        return taxonomy.OUT_OF_SCOPE
    if f.trained_independently and not f.rl_updates_llm_weights:
        return "rl+llm/with-language-feedback" if f.language_feedback_to_llm else "rl+llm/without-language-feedback"
    if f.task_is_language:
        if f.rl_edits_prompts_only and not f.rl_updates_llm_weights:
            return "rl4llm/prompt-engineering"
        if f.rl_updates_llm_weights:
            if f.feedback_is_human:
                return "rl4llm/fine-tuning/with-human-feedback"
            return "rl4llm/fine-tuning/without-human-feedback"
    if f.llm_role_for_rl_agent != "none":
        return f"llm4rl/{f.llm_role_for_rl_agent}"
    if f.rl_updates_llm_weights:  # RL trains an LLM that acts in a non-language task: the LLM is the policy
        return "llm4rl/policy"
    return taxonomy.OUT_OF_SCOPE


#: Below this confidence a result is marked ``needs_review`` (every backend; see the README).
REVIEW_THRESHOLD = 0.6


class Usage(BaseModel):
    """Tokens and attempts for one paper, every attempt counted (retries and re-asks included)."""

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
    """What a backend answers; the pipeline turns it into a ClassificationResult."""

    leaf: Label
    confidence: float = Field(ge=0.0, le=1.0)
    rationale: str
    evidence: list[str] = Field(default_factory=list)
    facts: DecisionFacts | None = None
    fact_evidence: dict[str, str] = Field(default_factory=dict, description="Per fact that holds: the sentence.")
    cues: dict[str, float] = Field(default_factory=dict, description="Offline backend: which cues decided.")
    issues: list[str] = Field(default_factory=list, description="Disagreements found while validating.")
    usage: Usage = Field(default_factory=Usage)
    model: str = ""
    votes: dict[str, int] | None = None


class ClassificationResult(BaseModel):
    """One paper's place in the tree, with what produced it."""

    source: str
    key: str
    title: str
    input: Literal["pdf", "abstract"] = Field("pdf", description="Whether the PDF or only title + abstract was read.")
    arxiv_id: str | None = Field(None, description="The arXiv id read, with its version where known (2310.12931v2).")
    leaf: Label
    confidence: float = Field(ge=0.0, le=1.0)
    rationale: str
    evidence: list[str]
    unverified_evidence: list[str] = Field(
        default_factory=list, description="Quotes the backend gave that do not occur in the paper's text."
    )
    facts: DecisionFacts | None = None
    fact_evidence: dict[str, str] = Field(
        default_factory=dict, description="Per decision fact that holds: the sentence of the paper that made it true."
    )
    cues: dict[str, float] = Field(default_factory=dict)
    issues: list[str] = Field(default_factory=list)
    needs_review: bool = Field(
        False, description="A person should check this label: low confidence, a disagreement or unverified quotes."
    )
    votes: dict[str, int] | None = None
    backend: str
    model: str
    prompt_version: str
    pdf_sha256: str
    excerpt_sha256: str
    excerpt_tokens: int
    pages_read: int
    pages_total: int
    usage: Usage = Field(default_factory=Usage)
    cached: bool = False

    @computed_field  # type: ignore[prop-decorator]
    @property
    def top_class(self) -> str:
        return _TAX.top_class(self.leaf)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def path(self) -> list[str]:
        return _TAX.path_names(self.leaf)


class QuoteChecker:
    """Checks quotes against a paper's text, insensitive to case, spacing, hyphenation and ligatures."""

    def __init__(self, text: str) -> None:
        self._norm = normalise_for_match(text)

    def __contains__(self, quote: str) -> bool:
        q = normalise_for_match(quote)
        return len(q) >= 12 and q in self._norm  # a word or two is not evidence

    def split(self, quotes: list[str]) -> tuple[list[str], list[str]]:
        found = [q for q in quotes if q in self]
        return found, [q for q in quotes if q not in found]


def llm_answer_schema(bounded: bool = False) -> dict[str, Any]:
    """JSON schema for the answer we ask an LLM for: reasoning and evidence first, the label last,
    because generation runs left to right. Strict-mode ready (all required, no extra keys).
    ``bounded`` adds length limits, which grammar-constrained local servers need so that a small model
    cannot ramble until the token limit (OpenAI's strict mode rejects those keywords)."""
    facts = DecisionFacts.model_json_schema()
    facts.pop("title", None)
    for prop in facts["properties"].values():
        prop.pop("title", None)
    facts["additionalProperties"] = False
    facts["required"] = list(facts["properties"])
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {
            "reasoning": {"type": "string", "description": "Two to four sentences: who trains whom, and why."},
            "evidence": {
                "type": "array",
                "items": {"type": "string"},
                "description": "One to three short quotes copied word for word from the paper.",
            },
            "facts": facts,
            "leaf": {"type": "string", "enum": list(_TAX.labels)},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1, "description": "0 to 1."},
        },
        "required": ["reasoning", "evidence", "facts", "leaf", "confidence"],
        "additionalProperties": False,
    }
    if bounded:
        props = schema["properties"]
        props["reasoning"]["maxLength"] = 400
        props["evidence"].update(minItems=1, maxItems=3)
        props["evidence"]["items"]["maxLength"] = 200
    return schema


class LlmAnswer(BaseModel):
    """The answer an LLM must give, validated on our side: servers that 'fail open' ignore schemas."""

    model_config = ConfigDict(extra="ignore")

    reasoning: str
    evidence: list[str] = Field(default_factory=list, max_length=10)
    facts: DecisionFacts
    leaf: Label
    confidence: float = Field(description="Out-of-range values are clamped to [0, 1] and recorded as an issue.")
