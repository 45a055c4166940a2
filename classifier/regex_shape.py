"""What a cue pattern's structure says, read with Python's own regular-expression parser (``re._parser``;
``sre_parse`` on 3.10): whether it can backtrack for ever (refused by ``taxonomy validate``), and which
literal anchors every match must contain.

Anchors: the engine runs every cue group's pattern over every sentence, and ``re`` tries a long
alternation at each position, so most of the engine's time went to patterns that could not match. A
sentence (lower-cased, ASCII) that holds none of a pattern's anchors is skipped without running it: the
answer is the same, only sooner. A pattern with a branch that has no literal of ``MIN`` characters gets
no anchors and always runs.
"""

from __future__ import annotations

import importlib
import re
import warnings
from typing import Any

MIN = 3

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    try:
        _C: Any = importlib.import_module("re._constants")
        _P: Any = importlib.import_module("re._parser")
    except ImportError:  # Python 3.10
        _C = importlib.import_module("sre_constants")
        _P = importlib.import_module("sre_parse")

_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", _C.MAX_REPEAT)}


def anchors(regex: str) -> tuple[str, ...] | None:
    try:
        found = _required(_P.parse(regex))
    except Exception:  # anything odd: no anchors, the pattern always runs (never a wrong skip)
        return None
    return tuple(sorted(found)) if found else None


def _required(items: Any) -> frozenset[str] | None:
    """A set of strings one of which every match of this sequence contains, or None."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= MIN:
            options.append(frozenset({"".join(run).lower()}))
        run.clear()

    for op, av in items:
        if op == _C.LITERAL and chr(av).isascii():
            run.append(chr(av))
            continue
        flush()
        sub: frozenset[str] | None = None
        if op == _C.SUBPATTERN:
            if av[1] or av[2]:  # inline flags inside a group: leave it be
                continue
            sub = _required(av[-1])
        elif op == _C.BRANCH:
            alts = [_required(b) for b in av[1]]
            if all(a is not None for a in alts):
                sub = frozenset().union(*alts)  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            sub = _required(av[2])
        if sub:
            options.append(sub)
    flush()
    if not options:
        return None
    # the longest shortest string skips the most sentences (a common short word would skip none)
    return min(options, key=lambda s: (-min(map(len, s)), len(s)))


def nested_repeat(phrase: str) -> bool:
    """Whether an unbounded repeat holds another repeat: the shape whose backtracking is exponential
    (Python's ``re`` has no time limit, so such a cue would hang the offline backend)."""

    def walk(items: Any, inside_unbounded: bool) -> bool:
        for op, av in items:
            if op in _REPEATS:
                _lo, hi, body = av
                if inside_unbounded and hi > 1:
                    return True
                if walk(body, inside_unbounded or hi == _C.MAXREPEAT):
                    return True
            elif op == _C.SUBPATTERN:
                if walk(av[-1], inside_unbounded):
                    return True
            elif op == _C.BRANCH:
                if any(walk(branch, inside_unbounded) for branch in av[1]):
                    return True
            elif op in (_C.ASSERT, _C.ASSERT_NOT) and walk(av[1], inside_unbounded):
                return True
        return False

    try:
        return walk(_P.parse(phrase), False)
    except (re.error, RecursionError):
        return False
