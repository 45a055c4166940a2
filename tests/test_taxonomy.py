import json

import pytest
from pydantic import ValidationError

from classifier import taxonomy
from classifier.result import ClassificationResult, DecisionFacts, leaf_from_facts, llm_answer_schema

LEAVES = [
    "rl4llm/fine-tuning/with-human-feedback",
    "rl4llm/fine-tuning/without-human-feedback",
    "rl4llm/prompt-engineering",
    "llm4rl/reward",
    "llm4rl/goal",
    "llm4rl/policy",
    "rl+llm/without-language-feedback",
    "rl+llm/with-language-feedback",
]


def test_leaves_are_the_surveys_eight_plus_out_of_scope() -> None:
    tax = taxonomy.load()
    assert list(tax.leaves) == LEAVES
    assert tax.labels[-1] == "out-of-scope"
    assert tax.top_classes == ("rl4llm", "llm4rl", "rl+llm")


def test_every_leaf_descends_from_its_top_class() -> None:
    tax = taxonomy.load()
    for leaf in tax.leaves:
        chain = tax.ancestors(leaf)
        assert chain[0] == leaf.split("/")[0] and chain[-1] == leaf
        for parent, child in zip(chain, chain[1:]):
            assert child in tax.nodes[parent].children


def test_path_names_and_definitions() -> None:
    tax = taxonomy.load()
    assert tax.path_names("rl4llm/fine-tuning/with-human-feedback") == ["RL4LLM", "Fine-tuning", "With human feedback"]
    assert tax.path_names("out-of-scope") == ["Out of scope"]
    text = taxonomy.render_definitions()
    assert all(leaf in text for leaf in LEAVES)


def _result(leaf: str) -> ClassificationResult:
    return ClassificationResult(
        source="x.pdf",
        key="file:x.pdf",
        title="T",
        leaf=leaf,
        confidence=0.5,
        rationale="r",
        evidence=[],
        backend="offline",
        model="m",
        prompt_version="p",
        pdf_sha256="0",
        excerpt_sha256="0",
        excerpt_tokens=1,
        pages_read=1,
        pages_total=1,
    )


@pytest.mark.parametrize("leaf", [*LEAVES, "out-of-scope"])
def test_result_hierarchy_is_derived_from_the_leaf(leaf: str) -> None:
    r = _result(leaf)
    assert r.top_class == leaf.split("/")[0]
    dumped = json.loads(r.model_dump_json())
    assert dumped["top_class"] == r.top_class and dumped["path"] == r.path


def test_result_rejects_unknown_leaf() -> None:
    with pytest.raises(ValidationError, match="not a taxonomy leaf"):
        _result("rl4llm/fine-tuning")


def test_schema_enum_comes_from_taxonomy_and_label_is_last() -> None:
    schema = llm_answer_schema()
    assert schema["properties"]["leaf"]["enum"] == [*LEAVES, "out-of-scope"]
    keys = list(schema["properties"])
    assert keys.index("reasoning") < keys.index("leaf") and keys.index("evidence") < keys.index("leaf")
    assert schema["properties"]["facts"]["additionalProperties"] is False


def facts(**kw: object) -> DecisionFacts:
    base = dict(
        combines_rl_and_llm=True,
        task_is_language=False,
        rl_updates_llm_weights=False,
        rl_edits_prompts_only=False,
        feedback_is_human=False,
        llm_role_for_rl_agent="none",
        trained_independently=False,
        language_feedback_to_llm=False,
    )
    base.update(kw)
    return DecisionFacts.model_validate(base)


@pytest.mark.parametrize(
    ("kw", "leaf"),
    [
        ({"combines_rl_and_llm": False}, "out-of-scope"),
        ({"task_is_language": True, "rl_updates_llm_weights": True, "feedback_is_human": True}, LEAVES[0]),
        ({"task_is_language": True, "rl_updates_llm_weights": True}, LEAVES[1]),
        ({"task_is_language": True, "rl_edits_prompts_only": True}, LEAVES[2]),
        ({"llm_role_for_rl_agent": "reward"}, LEAVES[3]),
        ({"llm_role_for_rl_agent": "goal"}, LEAVES[4]),
        ({"llm_role_for_rl_agent": "policy"}, LEAVES[5]),
        ({"trained_independently": True}, LEAVES[6]),
        ({"trained_independently": True, "language_feedback_to_llm": True}, LEAVES[7]),
    ],
)
def test_leaf_from_facts_covers_every_leaf(kw: dict[str, object], leaf: str) -> None:
    assert leaf_from_facts(facts(**kw)) == leaf
