"""The engine's anchor prefilter (classifier/regex_shape.py) skips only what cannot match: every
reading is the same with and without it, on every made-up case and paper text the engine is tested on."""

from __future__ import annotations

import dataclasses

import pytest

from classifier.backends.engine import _compile, read
from classifier.ingest import Paper
from classifier.regex_shape import anchors
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


def test_readings_are_identical_with_and_without_anchors() -> None:
    cues = _compile(bundled())
    plain = dataclasses.replace(cues, anchors={})
    assert any(cues.anchors.values())
    texts = [(c[2], c[3]) for c in CASES] + list(LEAF_TEXTS.values())
    for title, abstract in texts:
        paper = Paper.from_metadata(title, abstract)
        assert dataclasses.asdict(read(paper, cues)) == dataclasses.asdict(read(paper, plain)), title
