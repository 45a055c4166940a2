"""Tree files under hypothesis fuzzing (#24): `taxonomy validate`'s check never raises (it returns
problems, exit 2), and a tree it accepts reads and decides a made-up abstract offline without error
(or says in one typed error that it has no cues)."""

from __future__ import annotations

import json
import time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from classifier.errors import TaxonomyError
from classifier.ingest import Paper
from classifier.taxonomy import Taxonomy, check_text

IDS = ["a", "b", "a/x", "a/y", "b/z", "out-of-scope", "c"]
NAMES = ["g1", "g2", "rl", "llm", "q1", "q2", "survey"]
PHRASES = ["reward", "language model", "(a+)+$", "[", "a{2,3}", "rein\\w+", "", "(?i:x)y", "\\bRL\\b", "a|b"]
TOKENS = ["g1", "g2", "q1", "1", "0", "0.5", "'x'", "+", "-", "*", "/", "<", ">=", "==", " and ", " or "]
TOKENS += [" not ", "(", ")", "min(", "max(", "margin(", ",", "own('g1')", "argmax(a=1, b=2)", " if ", " else "]

expressions = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12).map("".join)
nodes = st.lists(
    st.fixed_dictionaries(
        {"id": st.sampled_from(IDS), "name": st.sampled_from(["A", "B", "", "C"]), "definition": st.just("d")},
        optional={"parent": st.sampled_from([*IDS, "nowhere"])},
    ),
    min_size=1,
    max_size=7,
)
answers = st.lists(
    st.fixed_dictionaries(
        {"id": st.sampled_from(["yes", "no", "x", "y"]), "says": st.just("s")},
        optional={"cues": st.lists(st.sampled_from(PHRASES), max_size=3), "weight": st.floats(-1, 3)},
    ),
    max_size=3,
)
questions = st.lists(
    st.fixed_dictionaries(
        {"id": st.sampled_from(["q1", "q2", "q3"]), "text": st.just("t"),
         "type": st.sampled_from(["boolean", "choice", "other"]), "answers": answers},
        optional={"offline": expressions},
    ),
    max_size=3,
)  # fmt: skip
rules = st.lists(
    st.fixed_dictionaries(
        {
            "when": st.dictionaries(
                st.sampled_from(["q1", "q2", "q9"]), st.sampled_from([True, False, "x", ["x", "y"]]), max_size=2
            ),
            "leaf": st.sampled_from(IDS),
        }
    ),
    max_size=4,
)
offline = st.fixed_dictionaries(
    {},
    optional={
        "groups": st.dictionaries(
            st.sampled_from(NAMES),
            st.fixed_dictionaries(
                {"phrases": st.lists(st.sampled_from(PHRASES), max_size=3)},
                optional={"near": st.sampled_from(NAMES), "keep_negated": st.booleans()},
            ),
        ),
        "values": st.dictionaries(st.sampled_from(["v1", "v2", "g1"]), expressions, max_size=2),
        "margins": st.dictionaries(st.sampled_from(["q1", "q2"]), expressions, max_size=2),
    },
)
trees = st.fixed_dictionaries(
    {"name": st.just("fuzz"), "nodes": nodes},
    optional={
        "questions": questions,
        "rules": rules,
        "offline": offline,
        "out_of_scope": st.sampled_from(IDS),
        "default": st.sampled_from(IDS),
    },
)

PAPER = Paper.from_metadata(
    "Reward functions written by a language model",
    "We use a large language model to write reward functions; an RL agent learns with them. Without x.",
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees)
def test_validate_never_raises_and_accepted_trees_classify(tree: dict[str, Any]) -> None:
    from classifier.backends.engine import _compile, decide, read

    spec, problems = check_text(json.dumps(tree))
    if spec is None:
        assert problems and all(isinstance(p, str) and p for p in problems)
        return
    tax = Taxonomy(spec, origin="fuzz")
    t0 = time.monotonic()
    try:
        cues = _compile(tax)
    except TaxonomyError:
        return  # a tree without cues: the offline backend says so in one line
    decision = decide(read(PAPER, cues), tax)
    assert tax.is_label(decision.leaf)
    # the bound for any accepted tree (a generous one: these take milliseconds)
    assert time.monotonic() - t0 < 2.0


def _mutated(cues: list[list[str]], groups: dict[str, list[str]], expression: str | None, weight: float,
             extra_rule: dict[str, Any] | None) -> dict[str, Any]:  # fmt: skip
    """The made-up toy tree with fuzzed cues, cue groups, an offline expression, a weight and a rule."""
    import copy

    from .trees import TOY

    tree = copy.deepcopy(TOY)
    q = tree["questions"][0]
    for answer, phrases in zip(q["answers"], cues):
        answer["cues"] = phrases
    q["answers"][0]["weight"] = weight
    if groups:
        tree["offline"] = {"groups": {name: {"phrases": phrases} for name, phrases in groups.items()}}
    if expression is not None:
        q["offline"] = expression
    if extra_rule is not None:
        tree["rules"].insert(0, extra_rule)
    return tree


GROUP_TOKENS = ["labels", "clusters", "search", "other", "'labels'", "'search'", "1", "0.5", "+", "*", ">",
                " if ", " else ", "(", ")", "argmax(labels=g1, clusters=g2)", "g1", "g2", "max(g1, g2)"]  # fmt: skip
toys = st.builds(
    _mutated,
    st.lists(st.lists(st.sampled_from(PHRASES), max_size=3), min_size=0, max_size=4),
    st.dictionaries(st.sampled_from(["g1", "g2"]), st.lists(st.sampled_from(PHRASES), max_size=3), max_size=2),
    st.one_of(st.none(), st.lists(st.sampled_from(GROUP_TOKENS), min_size=1, max_size=6).map("".join)),
    st.floats(0, 3),
    st.one_of(st.none(), st.fixed_dictionaries({"when": st.fixed_dictionaries({"approach": st.sampled_from(
        ["labels", "search", ["labels", "other"]])}), "leaf": st.sampled_from(["learning", "search", "elsewhere"])})),
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(toys)
def test_fuzzed_variants_of_a_valid_tree_validate_or_classify(tree: dict[str, Any]) -> None:
    test_validate_never_raises_and_accepted_trees_classify.hypothesis.inner_test(tree)  # type: ignore[attr-defined]
