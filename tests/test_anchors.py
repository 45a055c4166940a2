"""The engine's narrowing (classifier/regex_shape.py) skips only what cannot match: every reading is the
same with and without it, on every made-up case and paper text the engine is tested on, and a narrowed
alternation counts exactly what ``re.findall`` counts on the whole alternation."""

from __future__ import annotations

import dataclasses
import re

import pytest

from classifier.backends.engine import _compile, read
from classifier.backends.offline_cues import _loosen
from classifier.ingest import Paper
from classifier.regex_shape import Alternation, Narrower, anchors, fold
from classifier.taxonomy import bundled

from .leaf_texts import LEAF_TEXTS
from .offline_cases import CASES


@pytest.mark.parametrize(
    ("regex", "expected"),
    [
        ("reward models?", ("reward model",)),
        ("(?:human|people) feedback", (" feedback",)),  # the longest required literal wins
        ("(?:human|crowd)[\\s-]*raters?", ("rater",)),
        ("rl|reinforcement", None),  # a branch without three literal characters: always run
        ("\\bLLMs?\\b", ("llm",)),
        ("(?i:abc)def", ("def",)),  # a group with its own flags is left alone
    ],
)
def test_anchors_are_required_literals(regex: str, expected: tuple[str, ...] | None) -> None:
    assert anchors(regex) == expected


def test_readings_are_identical_with_and_without_narrowing() -> None:
    cues = _compile(bundled())
    plain = dataclasses.replace(cues, narrower=None)
    assert cues.narrower is not None and cues.narrower.anchors
    texts = [(c[2], c[3]) for c in CASES] + list(LEAF_TEXTS.values())
    for title, abstract in texts:
        paper = Paper.from_metadata(title, abstract)
        assert dataclasses.asdict(read(paper, cues)) == dataclasses.asdict(read(paper, plain)), title


BRANCHES = ["reward models?", "reward", "model(?:s|ing)?", "\\bRL\\b", "(?<!no )human feedback", "feed"]
TEXTS = [
    "A reward model, reward models and RL; no human feedback, but human feedback feeds rewarding models.",
    "modeling rewards: reward-model RL RLHF feedback",
    "",
    "nothing here",
]


@pytest.mark.parametrize("text", TEXTS)
def test_narrowed_alternation_counts_what_findall_counts(text: str) -> None:
    alt = Alternation.of(BRANCHES, re.IGNORECASE)
    assert alt.narrowable
    narrower = Narrower({"g": alt})
    matcher = narrower.matchers(narrower.present(fold(text)))["g"]
    expected = len(alt.full.findall(text))
    assert (matcher.count(text) if matcher else 0) == expected
    assert (matcher.found(text) if matcher else False) == bool(expected)
    # every subset of branches, in order, merged branch by branch as re would
    for mask in range(1, 2 ** len(BRANCHES)):
        kept = [i for i in range(len(BRANCHES)) if mask >> i & 1]
        joined = re.compile("|".join(BRANCHES[i] for i in kept), re.IGNORECASE)
        got = alt.matcher(kept)
        assert got is not None and got.count(text) == len(joined.findall(text)), kept


@pytest.mark.parametrize(
    "branches",
    [["(a)\\1", "b"], ["x?", "b"], ["(?x) a", "b"], ["(a)?(?(1)b|c)", "d"]],
)
def test_alternations_that_could_differ_run_whole(branches: list[str]) -> None:
    assert not Alternation.of(branches, re.IGNORECASE).narrowable


def test_fold_keeps_every_non_ascii_character_that_matches_an_ascii_letter() -> None:
    for ch in ("\u017f", "\u212a", "\u0131", "\u0130"):  # long s, Kelvin sign, dotless i, dotted I
        letter = next(c for c in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(c, ch, re.IGNORECASE))
        assert letter in fold(ch)


def test_a_skipped_word_keeps_its_separator_in_any_word_class() -> None:
    """``(?:[\\w,]+ ){0,8}`` once lost its separator: it could split a word at every letter and
    backtracked through every split (a third of the engine's time on real abstracts)."""
    assert _loosen("skills (?:[\\w,]+ ){0,8}trained") == "skills[\\s-]*(?:[\\w,]+[\\s-]+){0,8}trained"
    assert re.search(_loosen("a (?:[\\w,-]+ ){0,2}b"), "a x, y b")
    assert not re.search(_loosen("skills (?:[\\w,]+ ){0,1}trained"), "skills pretrained")
