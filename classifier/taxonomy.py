"""The taxonomy as a value: loaded once from a tree file and handed to every stage that needs it.

The RL/LLM tree (``taxonomy.json`` beside this module) is only the bundled default; ``--taxonomy PATH``
or ``RLTAXO_TAXONOMY`` loads any other tree in the same format (``taxonomy_spec.py``). Schema enums,
prompts, the consistency check, the offline cues, metrics and reports all read this value, so no
module spells a leaf of any particular tree.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import TaxonomyError, UsageError
from .files import SMALL_BYTES, read_text
from .taxonomy_spec import QuestionSpec, RuleSpec, TaxonomySpec, problems

Answer = bool | str


@dataclass(frozen=True)
class Node:
    """One node of the tree; ``parent`` is ``None`` for a top class and for out-of-scope."""

    id: str
    name: str
    definition: str
    parent: str | None
    children: tuple[str, ...] = field(default=())
    include: tuple[str, ...] = field(default=())
    exclude: tuple[str, ...] = field(default=())
    examples: tuple[str, ...] = field(default=())

    @property
    def is_leaf(self) -> bool:
        return not self.children


class Taxonomy:
    """A validated tree: nodes in reading order, its leaves, questions and rules."""

    def __init__(self, spec: TaxonomySpec, origin: str = "bundled") -> None:
        self.spec = spec
        self.origin = origin
        self.name = spec.name
        self.source = spec.source
        self.out_of_scope = spec.out_of_scope
        kids: dict[str | None, list[str]] = {}
        for n in spec.nodes:
            kids.setdefault(n.parent, []).append(n.id)
        self.nodes: dict[str, Node] = {}
        order: list[str] = []
        by_id = {n.id: n for n in spec.nodes}
        # depth first, parents before children, in file order; a loop and a dict, not recursion and a scan
        # per node (50,000 nodes took minutes, a 1,000-deep chain hit the recursion limit)
        todo = list(reversed(kids.get(None, [])))
        while todo:
            node_id = todo.pop()
            n = by_id[node_id]
            c = tuple(kids.get(node_id, ()))
            self.nodes[node_id] = Node(
                n.id, n.name, n.definition, n.parent, c, tuple(n.include), tuple(n.exclude), tuple(n.examples)
            )
            order.append(node_id)
            todo.extend(reversed(c))
        self.top_classes: tuple[str, ...] = tuple(r for r in kids.get(None, []) if r != self.out_of_scope)
        self.leaves: tuple[str, ...] = tuple(i for i in order if self.nodes[i].is_leaf and i != self.out_of_scope)
        self.questions: tuple[QuestionSpec, ...] = tuple(spec.questions)
        self.rules: tuple[RuleSpec, ...] = tuple(spec.rules)
        self.default = spec.default or self.out_of_scope
        canonical = json.dumps(_without_comments(spec.model_dump(mode="json")), sort_keys=True, separators=(",", ":"))
        self.sha256 = hashlib.sha256(canonical.encode()).hexdigest()

    # -- the tree ---------------------------------------------------------------------------
    @property
    def labels(self) -> tuple[str, ...]:
        """Every answer a classifier may give: the leaves, then out-of-scope."""
        return (*self.leaves, self.out_of_scope)

    @property
    def short_hash(self) -> str:
        return self.sha256[:8]

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    def is_label(self, value: str) -> bool:
        return value in self.labels

    def check_label(self, value: str) -> str:
        """The label, stripped; a ValueError that lists the allowed ones otherwise."""
        value = value.strip()
        if not self.is_label(value):
            raise ValueError(f"{value!r} is not a leaf of {self.name}; allowed: {', '.join(self.labels)}")
        return value

    def ancestors(self, node_id: str) -> tuple[str, ...]:
        """Ids from the top class down to ``node_id`` inclusive; out-of-scope is its own root."""
        chain: list[str] = []
        cur: str | None = node_id
        while cur is not None:
            chain.append(cur)
            cur = self.nodes[cur].parent
        return tuple(reversed(chain))

    def top_class(self, label: str) -> str:
        return self.ancestors(label)[0]

    def path_names(self, label: str) -> list[str]:
        return [self.nodes[i].name for i in self.ancestors(label)]

    def leaves_under(self, node_id: str) -> tuple[str, ...]:
        return tuple(leaf for leaf in self.leaves if node_id in self.ancestors(leaf))

    @property
    def depth(self) -> int:
        return max(len(self.ancestors(leaf)) for leaf in self.leaves)

    # -- questions and rules ----------------------------------------------------------------
    @staticmethod
    def answer_ids(q: QuestionSpec) -> list[str]:
        return ["yes", "no"] if q.type == "boolean" else [a.id for a in q.answers]

    @staticmethod
    def value_of(q: QuestionSpec, answer_id: str) -> Answer:
        """An answer id as stored in facts: true/false for a boolean question, the id for a choice."""
        return answer_id == "yes" if q.type == "boolean" else answer_id

    @staticmethod
    def answer_spec(q: QuestionSpec, value: Answer) -> Any:
        want = ("yes" if value else "no") if q.type == "boolean" else value
        return next((a for a in q.answers if a.id == want), None)

    def rule_for(self, facts: Mapping[str, Answer]) -> RuleSpec | None:
        """The first rule whose conditions all hold."""
        for rule in self.rules:
            if all(_matches(facts.get(q), want) for q, want in rule.when.items()):
                return rule
        return None

    def leaf_for(self, facts: Mapping[str, Answer]) -> str:
        """The rules applied to a set of answers (the default leaf when none matches)."""
        rule = self.rule_for(facts)
        return rule.leaf if rule else self.default

    def check_facts(self, raw: object) -> tuple[dict[str, Answer], dict[str, str]]:
        """Answers from a model, checked against the questions: (facts, quote per question)."""
        if not isinstance(raw, dict):
            raise ValueError("facts must be an object with one entry per question")
        facts: dict[str, Answer] = {}
        quotes: dict[str, str] = {}
        for q in self.questions:
            item = raw.get(q.id)
            if not isinstance(item, dict) or "answer" not in item:
                raise ValueError(f"facts.{q.id}: missing (give {{'answer': ..., 'quote': ...}})")
            value = item["answer"]
            if q.type == "boolean" and not isinstance(value, bool):
                raise ValueError(f"facts.{q.id}.answer: must be true or false, not {value!r}")
            if q.type == "choice" and value not in self.answer_ids(q):
                raise ValueError(f"facts.{q.id}.answer: {value!r} is not one of {', '.join(self.answer_ids(q))}")
            facts[q.id] = value
            quote = item.get("quote")
            if isinstance(quote, str) and quote.strip():
                quotes[q.id] = quote.strip()
        return facts, quotes

    # -- text for prompts, docs and the CLI -------------------------------------------------
    def render_definitions(self) -> str:
        lines: list[str] = []
        for top in self.top_classes:
            self._render_node(top, 0, lines)
        o = self.nodes[self.out_of_scope]
        lines.append(f"{o.id}: {o.definition}")
        return "\n".join(lines)

    def _render_node(self, node_id: str, level: int, lines: list[str]) -> None:
        n = self.nodes[node_id]
        pad = "  " * level
        if n.is_leaf:
            lines.append(f"{pad}- {n.id} — {' > '.join(self.path_names(n.id))}: {n.definition}")
        else:
            lines.append(f"{pad}{n.name} ({n.id}): {n.definition}")
        for note in n.include:
            lines.append(f"{pad}    includes: {note}")
        for note in n.exclude:
            lines.append(f"{pad}    not here: {note}")
        for child in n.children:
            self._render_node(child, level + 1, lines)

    def render_decision_steps(self) -> str:
        """The questions and rules as numbered steps; a tree without questions gets a generic step."""
        if not self.questions:
            return "Pick the one leaf whose definition fits the paper's own method best."
        lines = ["Answer each question about the paper's own method:"]
        for i, q in enumerate(self.questions, 1):
            kinds = "true or false" if q.type == "boolean" else "one of " + ", ".join(self.answer_ids(q))
            lines.append(f"{i}. {q.id}: {q.text} ({kinds})")
        if self.rules:
            lines.append("The leaf follows from the answers; the first rule that holds decides:")
            for rule in self.rules:
                cond = " and ".join(f"{q} = {_show(v)}" for q, v in rule.when.items()) or "otherwise"
                lines.append(f"- {cond} → {rule.leaf}")
            lines.append(f"- none of these → {self.default}")
        return "\n".join(lines)


def _without_comments(value: Any) -> Any:
    """The dump with every "$comment" field gone: notes for people do not change what the tree is."""
    if isinstance(value, dict):
        return {k: _without_comments(v) for k, v in value.items() if not (k == "comment" and (v is None or
                isinstance(v, str)))}  # fmt: skip
    if isinstance(value, list):
        return [_without_comments(v) for v in value]
    return value


def _matches(value: Answer | None, want: bool | str | list[str]) -> bool:
    if isinstance(want, list):
        return value in want
    return value == want and type(value) is type(want)


def _show(value: bool | str | list[str]) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return " or ".join(value) if isinstance(value, list) else value


# -- loading -----------------------------------------------------------------------------------
def _errors_of(exc: ValidationError) -> list[str]:
    out = []
    for err in exc.errors():
        path = ""
        for part in err["loc"]:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        out.append(f"{path or 'file'}: {err['msg']}")
    return out


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _DuplicateKey(k)
        out[k] = v
    return out


def check_text(text: str) -> tuple[TaxonomySpec | None, list[str]]:
    """A tree file's text → (spec, problems): syntax errors with line and column, every other problem
    with its JSON path, one line each."""
    try:
        raw = json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        return None, [f"line {exc.lineno}, column {exc.colno}: {exc.msg}"]
    except _DuplicateKey as exc:
        return None, [f"duplicate key {exc.args[0]!r} in one object (JSON keeps only the last: say it once)"]
    except RecursionError:
        return None, ["nested too deeply"]
    try:
        spec = TaxonomySpec.model_validate(raw)
    except ValidationError as exc:
        return None, _errors_of(exc)
    found = problems(spec)
    return (None if found else spec), found


def read_file(path: Path) -> tuple[TaxonomySpec | None, list[str]]:
    try:
        text = read_text(path, what="tree file", limit=SMALL_BYTES)
    except (OSError, UnicodeDecodeError) as exc:
        return None, [f"cannot read the file ({getattr(exc, 'strerror', None) or exc})"]
    except UsageError as exc:
        return None, [exc.message.split(": ", 1)[-1]]
    return check_text(text)


@cache
def bundled() -> Taxonomy:
    """The RL/LLM tree shipped inside the package (cached: it never changes at run time)."""
    text = files("classifier").joinpath("taxonomy.json").read_text(encoding="utf-8")
    spec, found = check_text(text)
    if spec is None:  # a broken bundled file is a bug, but it still gets a clear message
        raise TaxonomyError(f"the bundled taxonomy.json is invalid: {found[0]}")
    return Taxonomy(spec)


def load(path: Path | str | None = None) -> Taxonomy:
    """The tree at ``path``, or the bundled one; a TaxonomyError lists what is wrong with a file."""
    if path is None or str(path) == "":
        return bundled()
    return _load_file(str(Path(path).expanduser().resolve()))


@cache
def _load_file(path: str) -> Taxonomy:
    spec, found = read_file(Path(path))
    if spec is None:
        more = f" (and {len(found) - 1} more; run: rltaxo taxonomy validate {path})" if len(found) > 1 else ""
        raise TaxonomyError(f"{path}: {found[0]}{more}", problems=found)
    return Taxonomy(spec, origin=path)


def json_schema() -> dict[str, Any]:
    """JSON Schema of the tree file format, for editors."""
    schema = TaxonomySpec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "rltaxo taxonomy file"
    return schema
