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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
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


# the only non-ASCII characters a case-insensitive ASCII letter matches, besides what ``str.lower`` maps
# to ASCII ('K' Kelvin sign, 'İ'): found by trying every code point (tests/test_anchors.py does it again)
_FOLD = str.maketrans({"ſ": "s", "ı": "i"})


def fold(text: str) -> str:
    """The text in which an anchor's presence is tested with ``in``: wherever a case-insensitive
    pattern's ASCII literal can match, its lower-case form is there."""
    return text.lower().translate(_FOLD)


@dataclass(frozen=True)
class Alternation:
    """A cue group's pattern: phrases joined by ``|``, each with its anchors.

    ``re`` tries every branch of a long alternation at every position, so most of the engine's time
    went to branches that could not match. Here only the branches whose anchors occur in a text run,
    each on its own, and their matches are merged as ``re`` would have found them: scanning left to
    right, at each position the first branch (in order) that matches there wins, and the scan goes on
    after its match. Same count, only sooner. Not done where that could differ: back-references or
    conditionals (group numbers would shift), flags set inside a branch, or a branch that can match
    the empty string."""

    full: re.Pattern[str]
    branches: tuple[tuple[str, tuple[str, ...] | None], ...]
    narrowable: bool

    @classmethod
    def of(cls, branches: Sequence[str], flags: int) -> Alternation:
        full = re.compile("|".join(branches), flags)
        narrowable = all(_separable(b, flags, full.flags) for b in branches)
        return cls(full, tuple((b, anchors(b)) for b in branches), narrowable)

    def matcher(self, kept: Sequence[int]) -> Matcher | None:
        """The matcher of these branches (indices, in order); None for none."""
        if not kept:
            return None
        if len(kept) == len(self.branches):
            return Matcher(self.full)
        return Matcher(*(_compiled(self.branches[i][0], self.full.flags) for i in kept))


class Matcher:
    """One pattern, or an alternation run branch by branch (see ``Alternation``)."""

    __slots__ = ("_patterns",)

    def __init__(self, *patterns: re.Pattern[str]) -> None:
        self._patterns = patterns

    def found(self, text: str) -> bool:
        return any(p.search(text) for p in self._patterns)

    def count(self, text: str) -> int:
        """``len(re.findall(alternation, text))``."""
        if len(self._patterns) == 1:
            return len(self._patterns[0].findall(text))
        nexts = [p.search(text) for p in self._patterns]
        n = 0
        while True:
            live = [m for m in nexts if m is not None]
            if not live:
                return n
            start = min(m.start() for m in live)
            winner = next(m for m in live if m.start() == start)  # the first branch in order
            n += 1
            end = winner.end()
            nexts = [m if m is None or m.start() >= end else p.search(text, end) for p, m in zip(self._patterns, nexts)]


class Narrower:
    """Narrows every cue group of a tree at once: which anchors a text holds is asked once per anchor,
    not once per branch."""

    def __init__(self, alternations: Mapping[str, Alternation]) -> None:
        self._alternations = dict(alternations)
        self._index: dict[str, list[tuple[str, int]]] = {}  # anchor -> the branches it can let through
        self._always: dict[str, list[int]] = {}  # branches without anchors, which always run
        for name, alt in self._alternations.items():
            self._always[name] = [i for i, (_, found) in enumerate(alt.branches) if found is None]
            for i, (_, found) in enumerate(alt.branches):
                for a in found or ():
                    self._index.setdefault(a, []).append((name, i))
        self.anchors: tuple[str, ...] = tuple(self._index)

    def present(self, folded: str, among: Iterable[str] | None = None) -> list[str]:
        """The anchors (of *among*, else all) that occur in a ``fold``-ed text."""
        return [a for a in (self.anchors if among is None else among) if a in folded]

    def matchers(self, present: Iterable[str]) -> dict[str, Matcher | None]:
        """Each group's matcher for a text holding exactly the anchors *present*: None where none can match."""
        kept = {name: set(always) for name, always in self._always.items()}
        for a in present:
            for name, i in self._index[a]:
                kept[name].add(i)
        return {
            name: alt.matcher(sorted(kept[name])) if alt.narrowable else Matcher(alt.full)
            for name, alt in self._alternations.items()
        }


@lru_cache(maxsize=8192)
def _compiled(regex: str, flags: int) -> re.Pattern[str]:
    return re.compile(regex, flags)


def _separable(branch: str, flags: int, joined_flags: int) -> bool:
    """Whether a branch can run on its own with the same matches as inside the alternation."""
    try:
        alone = re.compile(branch, flags)
        return alone.flags == joined_flags and _P.parse(branch).getwidth()[0] > 0 and not _has_groupref(branch)
    except (re.error, RecursionError):
        return False


def _has_groupref(regex: str) -> bool:
    refs = {_C.GROUPREF, _C.GROUPREF_EXISTS, getattr(_C, "GROUPREF_IGNORE", _C.GROUPREF)}

    def walk(items: Any) -> bool:
        for op, av in items:
            if op in refs:
                return True
            for part in av if isinstance(av, (tuple, list)) else ():
                if isinstance(part, _P.SubPattern) and walk(part):
                    return True
                if isinstance(part, (tuple, list)) and any(isinstance(x, _P.SubPattern) and walk(x) for x in part):
                    return True
        return False

    try:
        return walk(_P.parse(regex))
    except Exception:  # unreadable here: treat as the worst case, never narrowed
        return True


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
