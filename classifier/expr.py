"""A tiny, safe expression language for a taxonomy file's offline decisions.

A tree's offline reading ("RL is named and a language model too", "the language side outweighs the
environment side") is data in the tree file, written as expressions such as
``rl + 0.6 * rl_implied >= 1.0 and llm >= 0.6``. They are parsed with :mod:`ast` and walked here, never
handed to ``eval``: only arithmetic, comparisons, ``and``/``or``/``not``, ``x if c else y``, numbers,
strings, ``None``, names and the functions below are allowed, so a tree file cannot run code.
"""

from __future__ import annotations

import ast
import operator
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


def margin(a: float, b: float) -> float:
    """0 when a and b are level, towards 1 as one dominates."""
    return abs(a - b) / (a + b + 1.0)


def argmax(**scores: float) -> str:
    """The name with the highest score; the first one written wins a tie."""
    return max(scores.items(), key=lambda kv: kv[1])[0]


def second(*values: float) -> float:
    """The second largest value."""
    return sorted(values, reverse=True)[1]


#: Functions every expression may call; the engine adds its own (``own``, ``negated``) per paper.
FUNCTIONS: dict[str, Callable[..., Any]] = {
    "min": min,
    "max": max,
    "abs": abs,
    "margin": margin,
    "argmax": argmax,
    "second": second,
}
ENGINE_FUNCTIONS = ("own", "negated")  # take a cue group's name as a string

_BINOPS: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: lambda a, b: a / b if b else 0.0,  # a score divided by a zero score is no evidence, not a crash
}
_CMPOPS: dict[type, Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}
_ALLOWED = (
    ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not, ast.USub, ast.BinOp, ast.Compare,
    ast.IfExp, ast.Call, ast.Name, ast.Load, ast.Constant, ast.keyword, *_BINOPS, *_CMPOPS,
)  # fmt: skip


@dataclass(frozen=True)
class Expr:
    """A parsed expression: its source, its tree, the names it reads and the groups it asks about."""

    source: str
    tree: ast.Expression
    names: frozenset[str]
    group_args: frozenset[str]

    def __call__(self, env: Mapping[str, Any], funcs: Mapping[str, Callable[..., Any]]) -> Any:
        return _eval(self.tree.body, env, funcs)


#: (fewest, most) positional arguments of each function; argmax takes keywords only
_ARITY: dict[str, tuple[int, int | None]] = {"min": (1, None), "max": (1, None), "abs": (1, 1), "margin": (2, 2),
                                             "second": (2, None), "argmax": (0, 0)}  # fmt: skip
MAX_SOURCE = 10_000  # characters of one expression
#: CPython 3.11's ast.parse keeps the AST constructor's recursion depth in interpreter-wide state; two
#: threads parsing at once (batch workers compiling a tree's cues) can fail with "SystemError: AST
#: constructor recursion depth mismatch" (python/cpython#106905), which sank one paper of a batch.
PARSE_LOCK = threading.Lock()


def parse(source: str) -> Expr:
    """Parse and check an expression; a ValueError says what is not allowed and where. Checked here, so a
    tree that validates cannot crash or exhaust a classify: no arithmetic on text (``'a' * 10**10``), no
    division by a literal zero, no text ordered against a number, functions called with their arity."""
    if len(source) > MAX_SOURCE:
        raise ValueError(f"longer than {MAX_SOURCE:,} characters")
    try:
        with PARSE_LOCK:
            tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"syntax error at column {exc.offset or 0}: {exc.msg}") from None
    except (RecursionError, MemoryError):
        raise ValueError("nested too deeply") from None
    names: set[str] = set()
    group_args: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED):
            raise ValueError(f"{type(node).__name__} is not allowed in a taxonomy expression")
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float, str, type(None))):
            raise ValueError(f"constant {node.value!r} is not allowed")
        if isinstance(node, ast.BinOp):
            if _is_text(node.left) or _is_text(node.right):
                raise ValueError("arithmetic on text is not allowed")
            if isinstance(node.op, ast.Div) and isinstance(node.right, ast.Constant) and node.right.value == 0:
                raise ValueError("division by zero")
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            for op, (a, b) in zip(node.ops, zip(sides, sides[1:])):
                if _is_text(a) != _is_text(b) and (_is_number(a) or _is_number(b)):
                    raise ValueError("text compared with a number")
                if not isinstance(op, (ast.Eq, ast.NotEq)) and (_is_text(a) or _is_text(b)):
                    raise ValueError("text can only be compared with == or !=")
        if isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name) or node.func.id not in (*FUNCTIONS, *ENGINE_FUNCTIONS):
                allowed = ", ".join((*FUNCTIONS, *ENGINE_FUNCTIONS))
                raise ValueError(f"only these functions may be called: {allowed}")
            low, high = _ARITY.get(node.func.id, (1, 1))
            n = len(node.args)
            if n < low or (high is not None and n > high) or (node.keywords and node.func.id != "argmax"):
                want = f"{low}" if low == high else f"at least {low}" if high is None else f"{low} to {high}"
                raise ValueError(f"{node.func.id}() takes {want} argument(s)"
                                 if node.func.id != "argmax" else "argmax() takes name=score pairs only")  # fmt: skip
            if node.func.id == "argmax" and not node.keywords:
                raise ValueError("argmax() takes at least one name=score pair")
            if node.func.id in ENGINE_FUNCTIONS:
                args = node.args
                if len(args) != 1 or not isinstance(args[0], ast.Constant) or not isinstance(args[0].value, str):
                    raise ValueError(f"{node.func.id}() takes one cue group name in quotes")
                group_args.add(args[0].value)
        elif isinstance(node, ast.Name) and node.id not in FUNCTIONS and node.id not in ENGINE_FUNCTIONS:
            names.add(node.id)
    return Expr(source, tree, frozenset(names), frozenset(group_args))


def _is_text(node: ast.expr) -> bool:
    """Whether ``node`` is text whatever the paper: a string, argmax(), or a choice between two texts."""
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Name) and node.func.id == "argmax"
    if isinstance(node, ast.IfExp):
        return _is_text(node.body) and _is_text(node.orelse)
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _numeric(x: Any) -> bool:
    return isinstance(x, (int, float))


def _arith(op: Callable[[Any, Any], Any], a: Any, b: Any) -> Any:
    """Arithmetic on scores only: text that reaches it through a named value (parse cannot see its kind)
    counts as no evidence, 0.0, rather than crashing a classify or building a huge string."""
    return op(a, b) if _numeric(a) and _numeric(b) else 0.0


def _is_number(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool)


def _eval(node: ast.expr, env: Mapping[str, Any], funcs: Mapping[str, Callable[..., Any]]) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return env[node.id]
    if isinstance(node, ast.BoolOp):
        value: Any = None
        for operand in node.values:
            value = _eval(operand, env, funcs)
            if isinstance(node.op, ast.And) and not value:
                return value
            if isinstance(node.op, ast.Or) and value:
                return value
        return value
    if isinstance(node, ast.UnaryOp):
        operand = _eval(node.operand, env, funcs)
        if isinstance(node.op, ast.Not):
            return not operand
        return -operand if _numeric(operand) else 0.0
    if isinstance(node, ast.BinOp):
        return _arith(_BINOPS[type(node.op)], _eval(node.left, env, funcs), _eval(node.right, env, funcs))
    if isinstance(node, ast.Compare):
        left = _eval(node.left, env, funcs)
        for op, right_node in zip(node.ops, node.comparators):
            right = _eval(right_node, env, funcs)
            if not isinstance(op, (ast.Eq, ast.NotEq)) and _numeric(left) != _numeric(right):
                return False  # text ordered against a score: never true (parse refuses the visible cases)
            if not _CMPOPS[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.IfExp):
        return _eval(node.body if _eval(node.test, env, funcs) else node.orelse, env, funcs)
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)
        args = [_eval(a, env, funcs) for a in node.args]
        kwargs = {k.arg: _eval(k.value, env, funcs) for k in node.keywords if k.arg}
        try:
            return funcs[node.func.id](*args, **kwargs)
        except TypeError:  # max('a', 1) through named values: no evidence
            return 0.0
    raise ValueError(f"{type(node).__name__} is not allowed")  # unreachable after parse()
