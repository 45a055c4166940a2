"""The taxonomy as data: the bundled tree, the file format's checks, and trees other than the bundled one."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from classifier import taxonomy
from classifier.answer import answer_schema, parse_answer
from classifier.errors import TaxonomyError
from classifier.taxonomy import Taxonomy, check_text

from .conftest import run_cli
from .trees import TOY, bundled_copy, write

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


def toy() -> Taxonomy:
    spec, problems = check_text(json.dumps(TOY))
    assert spec is not None, problems
    return Taxonomy(spec)


def test_leaves_are_the_surveys_eight_plus_out_of_scope() -> None:
    tax = taxonomy.load()
    assert list(tax.leaves) == LEAVES
    assert tax.labels[-1] == "out-of-scope"
    assert tax.top_classes == ("rl4llm", "llm4rl", "rl+llm")
    assert tax.depth == 3


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
    text = tax.render_definitions()
    assert all(leaf in text for leaf in LEAVES)


def test_check_label_names_the_tree_and_its_labels() -> None:
    with pytest.raises(ValueError, match="not a leaf of The RL/LLM Taxonomy Tree"):
        taxonomy.load().check_label("rl4llm/fine-tuning")


# -- rules --------------------------------------------------------------------------------------------
BASE = dict(
    combines_rl_and_llm=True,
    task_is_language=False,
    rl_updates_llm_weights=False,
    rl_edits_prompts_only=False,
    feedback_is_human=False,
    llm_role_for_rl_agent="none",
    trained_independently=False,
    language_feedback_to_llm=False,
)


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
        ({"rl_updates_llm_weights": True}, LEAVES[5]),
        ({"trained_independently": True}, LEAVES[6]),
        ({"trained_independently": True, "language_feedback_to_llm": True}, LEAVES[7]),
        ({}, "out-of-scope"),
    ],
)
def test_bundled_rules_reach_every_leaf(kw: dict[str, object], leaf: str) -> None:
    assert taxonomy.load().leaf_for({**BASE, **kw}) == leaf


def test_every_combination_of_answers_gets_a_label() -> None:
    tax = taxonomy.load()
    bools = [q.id for q in tax.questions if q.type == "boolean"]
    for values in itertools.product([True, False], repeat=len(bools)):
        for role in ("reward", "goal", "policy", "none"):
            assert tax.is_label(tax.leaf_for({**dict(zip(bools, values)), "llm_role_for_rl_agent": role}))


# -- the LLM's schema and answer check, per tree ---------------------------------------------------------
@pytest.mark.parametrize("tree", ["bundled", "toy"])
def test_schema_comes_from_the_tree(tree: str) -> None:
    tax = taxonomy.load() if tree == "bundled" else toy()
    schema = answer_schema(tax)
    assert schema["properties"]["leaf"]["enum"] == list(tax.labels)
    keys = list(schema["properties"])
    assert keys.index("reasoning") < keys.index("leaf") and keys.index("evidence") < keys.index("leaf")
    facts = schema["properties"]["facts"]
    assert list(facts["properties"]) == [q.id for q in tax.questions]
    assert facts["additionalProperties"] is False
    for item in facts["properties"].values():  # every answer carries its own quote
        assert item["required"] == ["answer", "quote"]


def test_toy_schema_has_choice_enum_and_answers_parse() -> None:
    tax = toy()
    prop = answer_schema(tax)["properties"]["facts"]["properties"]["approach"]
    assert prop["properties"]["answer"]["enum"] == ["labels", "clusters", "search", "other"]
    good = {
        "reasoning": "r",
        "evidence": [],
        "facts": {"approach": {"answer": "search", "quote": "we search"}},
        "leaf": "search",
        "confidence": 0.9,
    }
    ans = parse_answer(tax, good)
    assert ans.facts == {"approach": "search"} and ans.fact_quotes == {"approach": "we search"}
    assert tax.leaf_for(ans.facts) == "search"
    with pytest.raises(ValueError, match="not one of"):
        parse_answer(tax, {**good, "facts": {"approach": {"answer": "magic", "quote": ""}}})
    with pytest.raises(ValueError, match="not a leaf of Toy"):
        parse_answer(tax, {**good, "leaf": "llm4rl/reward"})


# -- the file format's checks ------------------------------------------------------------------------------
def _problems(tree: dict) -> list[str]:
    return check_text(json.dumps(tree))[1]


def test_the_bundled_file_and_the_toy_are_valid() -> None:
    assert _problems(bundled_copy()) == []
    assert _problems(TOY) == []


def test_unknown_parent_duplicate_id_and_cycle() -> None:
    tree = json.loads(json.dumps(TOY))
    tree["nodes"][1]["parent"] = "nowhere"
    tree["nodes"].append(dict(tree["nodes"][3]))
    assert "nodes[1].parent: unknown node 'nowhere'" in _problems(tree)
    assert any(p.startswith("nodes[5].id: duplicate id 'search'") for p in _problems(tree))
    cyc = json.loads(json.dumps(TOY))
    cyc["nodes"][0]["parent"] = "learning/supervised"
    assert any("cycle" in p for p in _problems(cyc))


def test_rule_naming_a_missing_leaf_or_answer_and_question_without_answers() -> None:
    tree = json.loads(json.dumps(TOY))
    tree["rules"][0]["leaf"] = "learning/semi"
    tree["rules"][1]["when"] = {"approach": "guessing"}
    assert "rules[0].leaf: unknown leaf 'learning/semi'" in _problems(tree)
    assert "rules[1].when.approach: 'guessing' is not an answer of 'approach'" in _problems(tree)
    empty = json.loads(json.dumps(TOY))
    empty["questions"][0]["answers"] = []
    assert "questions[0].answers: question 'approach' has no answers" in _problems(empty)
    inner = json.loads(json.dumps(TOY))
    inner["rules"][0]["leaf"] = "learning"
    assert "rules[0].leaf: 'learning' is not a leaf (it has children)" in _problems(inner)


def test_pydantic_errors_carry_the_json_path_and_syntax_errors_the_line() -> None:
    tree = json.loads(json.dumps(TOY))
    del tree["nodes"][2]["definition"]
    assert "nodes[2].definition: Field required" in _problems(tree)
    assert check_text('{\n  "name": "x",\n  "nodes": [,]\n}')[1] == ["line 3, column 13: Expecting value"]


def test_offline_expressions_are_checked_not_run() -> None:
    tree = bundled_copy()
    tree["questions"][0]["offline"] = "__import__('os').system('false')"
    assert any(p.startswith("questions[0].offline: only these functions") for p in _problems(tree))
    tree = bundled_copy()
    tree["offline"]["values"]["rl_all"] = "rl + nonsense"
    assert "offline.values.rl_all: unknown name 'nonsense' (not a cue group or an earlier value)" in _problems(tree)


@pytest.mark.parametrize("phrase", ["(a+)+$", "(?:x|(b*))*", "(?:\\w+ )+done"])
def test_cues_that_backtrack_for_ever_are_refused(phrase: str) -> None:
    tree = json.loads(json.dumps(TOY))
    tree["questions"][0]["answers"][0]["cues"] = [phrase]
    assert any("can take for ever to match" in p for p in _problems(tree)), _problems(tree)


def test_load_gives_one_line_naming_the_first_problem_and_the_count(tmp_path: Path) -> None:
    tree = json.loads(json.dumps(TOY))
    tree["nodes"][1]["parent"] = "nowhere"
    tree["rules"][0]["leaf"] = "learning/semi"
    with pytest.raises(TaxonomyError, match=r"nodes\[1\]\.parent: unknown node 'nowhere' \(and 1 more") as info:
        taxonomy.load(write(tmp_path, tree))
    assert len(info.value.problems) == 2


def test_hash_changes_with_the_content(tmp_path: Path) -> None:
    a = taxonomy.load(write(tmp_path, TOY, "a.json"))
    edited = json.loads(json.dumps(TOY))
    edited["nodes"][0]["definition"] = "Something else."
    b = taxonomy.load(write(tmp_path, edited, "b.json"))
    assert a.sha256 != b.sha256 and a.labels == b.labels


def test_decision_steps_are_rendered_from_questions_and_rules() -> None:
    steps = toy().render_decision_steps()
    assert "approach: How does the method find its answer? (one of labels, clusters, search, other)" in steps
    assert "- approach = search → search" in steps and "- none of these → elsewhere" in steps


def test_taxonomy_init_writes_a_commented_valid_tree_and_never_overwrites(env: dict[str, str], tmp_path: Path) -> None:
    """`rltaxo taxonomy init`: a minimal commented example or a copy of the bundled tree; "$comment"
    fields are allowed anywhere, ignored, and not part of the tree's hash."""
    from classifier.taxonomy import bundled, load

    for start in ("minimal", "bundled"):
        path = tmp_path / f"{start}.json"
        r = run_cli("taxonomy", "init", str(path), "--from", start, env=env)
        assert r.returncode == 0, r.stderr
        assert '"$comment"' in path.read_text()
        assert run_cli("taxonomy", "validate", str(path), env=env).returncode == 0
    assert load(tmp_path / "bundled.json").sha256 == bundled().sha256  # the bundled model applies to the copy
    minimal = json.loads((tmp_path / "minimal.json").read_text())
    stripped = {k: v for k, v in minimal.items() if k != "$comment"}
    (tmp_path / "stripped.json").write_text(json.dumps(stripped))
    assert load(tmp_path / "stripped.json").sha256 == load(tmp_path / "minimal.json").sha256
    before = (tmp_path / "minimal.json").read_bytes()
    r = run_cli("taxonomy", "init", str(tmp_path / "minimal.json"), env=env)
    assert r.returncode == 2 and "exists" in r.stderr and (tmp_path / "minimal.json").read_bytes() == before


@pytest.mark.parametrize(
    ("expression", "problem"),
    [
        ("rl / 0", "division by zero"),
        ("min()", "min() takes at least 1"),
        ("'x' < 1", "text compared with a number"),
        ("'a' * 100000 * 100000", "arithmetic on text"),
        ("margin(rl)", "margin() takes 2"),
        ("1 + argmax(a=rl, b=llm)", "arithmetic on text"),  # argmax gives text, which hypothesis found
        ("1 > argmax(a=rl, b=llm)", "text compared with a number"),
        ("(" * 300 + "rl" + ")" * 300, "offline.values.rl_all"),
    ],
)
def test_validate_refuses_expressions_that_would_crash_or_exhaust_a_classify(
    expression: str, problem: str, env: dict[str, str], tmp_path: Path
) -> None:
    tree = bundled_copy()
    tree["offline"]["values"]["rl_all"] = expression
    path = write(tmp_path, tree)
    r = run_cli("taxonomy", "validate", str(path), env=env)
    assert r.returncode == 2 and problem in r.stderr and "offline.values.rl_all" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_a_score_divided_by_a_zero_score_is_zero_not_a_crash() -> None:
    from classifier import expr

    assert expr.parse("a / b")({"a": 1.0, "b": 0.0}, expr.FUNCTIONS) == 0.0
    assert expr.parse("a / b")({"a": 1.0, "b": 4.0}, expr.FUNCTIONS) == 0.25


@pytest.mark.parametrize(
    ("source", "value"),
    [("t * 100000 * 100000", 0.0), ("t + 1", 0.0), ("-t", 0.0), ("t > 1", False), ("max(t, 1)", 0.0),
     ("t == 'x'", True), ("n * 2", 3.0)],
)  # fmt: skip
def test_text_reaching_arithmetic_through_a_named_value_is_no_evidence(source: str, value: object) -> None:
    """A named value may hold text (argmax), which parse cannot see: no crash and no huge string."""
    from classifier import expr

    assert expr.parse(source)({"t": "x", "n": 1.5}, expr.FUNCTIONS) == value


@pytest.mark.parametrize("shape", ["wide", "deep"])
def test_big_and_deep_trees_load(shape: str, tmp_path: Path) -> None:
    """20,000 leaves under one node, or a chain 1,500 deep: both load, parents before children (the walk
    was recursive and scanned every node per node)."""
    from classifier.taxonomy import load

    nodes: list[dict] = [{"id": "n0", "name": "N0", "definition": "d"}]
    for i in range(1, 20_000 if shape == "wide" else 1_500):
        nodes.append(
            {"id": f"n{i}", "name": f"N{i}", "definition": "d", "parent": "n0" if shape == "wide" else f"n{i - 1}"}
        )
    nodes.append({"id": "out-of-scope", "name": "Out", "definition": "o"})
    tax = load(write(tmp_path, {"name": shape, "nodes": nodes}))
    assert len(tax.leaves) == (19_999 if shape == "wide" else 1)
    assert tax.depth == (2 if shape == "wide" else 1_500)
    assert tax.ancestors(tax.leaves[-1])[0] == "n0"
