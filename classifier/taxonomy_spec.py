"""The taxonomy file format: pydantic models, and the cross-checks pydantic cannot express.

A tree file is JSON. Nodes are a flat list with ``parent`` links (any depth); the out-of-scope answer
is an ordinary root node named by ``out_of_scope``. Optional decision questions (typed answers) and
ordered rules map a paper's answers to a leaf; optional offline cues let the offline backend answer
the questions without a model. Nothing here knows any particular tree.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from . import expr
from .regex_shape import nested_repeat

_ID = r"^[A-Za-z0-9][A-Za-z0-9_+./-]*$"
_NAME = r"^[A-Za-z_][A-Za-z0-9_]*$"  # names that expressions and rules can use


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    # JSON has no comments: any object of a tree file may carry "$comment" (as JSON Schema allows), for
    # people; rltaxo ignores it, and it is not part of the tree's hash
    comment: str | None = Field(None, alias="$comment", description="A note for people; ignored by rltaxo.")


class NodeSpec(_Strict):
    """One node: a class, a sub-class or a leaf (a node that no other node names as its parent)."""

    id: str = Field(pattern=_ID, description="Stable id, used in results and gold files (e.g. 'a/b').")
    name: str = Field(min_length=1, description="Short human name shown in paths.")
    definition: str = Field(min_length=1, description="What puts a paper here, in one or two sentences.")
    parent: str | None = Field(None, description="Id of the parent node; none for a top class.")
    include: list[str] = Field(default_factory=list, description="Notes: what also belongs here.")
    exclude: list[str] = Field(default_factory=list, description="Notes: what looks similar but belongs elsewhere.")
    examples: list[str] = Field(
        default_factory=list, description="Made-up one-line method descriptions (never a real paper)."
    )


class AnswerSpec(_Strict):
    """One answer to a decision question."""

    id: str = Field(pattern=_NAME, description="'yes' or 'no' for a boolean question; any name for a choice.")
    says: str = Field("", description="The answer as a phrase, used to explain a decision in words.")
    evidence: list[str] = Field(
        default_factory=list, description="Offline: cue groups whose best sentence supports this answer."
    )
    cues: list[str] = Field(
        default_factory=list, description="Offline: phrases (regular expressions) that speak for this answer."
    )
    weight: float = Field(1.0, gt=0, description="Offline: what one sentence with a cue counts for.")


class QuestionSpec(_Strict):
    """A fact about the paper's own method that the decision turns on."""

    id: str = Field(pattern=_NAME, description="Name used in rules, results and expressions.")
    text: str = Field(min_length=1, description="The question as put to a reader or a model.")
    type: Literal["boolean", "choice"] = Field("boolean", description="Yes/no, or one answer of a set.")
    answers: list[AnswerSpec] = Field(
        default_factory=list, description="Choice: the allowed answers. Boolean: optional 'yes'/'no' details."
    )
    default: str | None = Field(None, description="Offline, choice: the answer when no cue speaks.")
    offline: str | None = Field(None, description="Offline: an expression over cue scores giving the answer.")


class RuleSpec(_Strict):
    """If every named question has the given answer (or one of a list), the paper goes to ``leaf``."""

    when: dict[str, bool | str | list[str]] = Field(description="Question id -> answer(s).")
    leaf: str = Field(description="The leaf this rule assigns.")


class CueGroupSpec(_Strict):
    """Phrases that make one clause of a definition true (offline backend)."""

    clause: str = Field("", description="The definition clause the phrases encode.")
    phrases: list[str] = Field(min_length=1, description="Regular expressions, case-insensitive.")
    keep_negated: bool = Field(False, description="Count matches under a negation too ('without human labels').")
    near: str | None = Field(
        None, description="Count only in sentences where this other group matches, one point per hit (role words)."
    )


class OfflineSpec(_Strict):
    """How the offline backend reads a paper with this tree: cue groups, derived values, margins."""

    model: str = Field("cues", description="Name recorded as the offline backend's model.")
    groups: dict[str, CueGroupSpec] = Field(default_factory=dict, description="Named cue groups.")
    values: dict[str, str] = Field(
        default_factory=dict, description="Named expressions, in order; each may use the ones before it."
    )
    margins: dict[str, str] = Field(
        default_factory=dict,
        description="Expressions giving how clear each decision was (0..1, or None when it does not apply); "
        "the confidence comes from the least clear.",
    )


class TaxonomySpec(_Strict):
    """A taxonomy tree file."""

    name: str = Field(min_length=1, description="The tree's name, shown in prompts and reports.")
    source: str = Field("", description="Where the tree comes from (the survey), for provenance.")
    out_of_scope: str = Field("out-of-scope", description="Id of the root leaf for papers outside the tree.")
    nodes: list[NodeSpec] = Field(min_length=1, description="Every node, parents before or after children.")
    questions: list[QuestionSpec] = Field(default_factory=list, description="Decision questions (optional).")
    rules: list[RuleSpec] = Field(default_factory=list, description="Ordered; the first rule that matches wins.")
    default: str | None = Field(None, description="The leaf when no rule matches (default: out_of_scope).")
    offline: OfflineSpec | None = Field(None, description="Offline cues and decisions (optional).")


def problems(spec: TaxonomySpec) -> list[str]:
    """Every problem pydantic cannot see, one line each, with the JSON path it is at."""
    out: list[str] = []
    ids: dict[str, int] = {}
    for i, n in enumerate(spec.nodes):
        if n.id in ids:
            out.append(f"nodes[{i}].id: duplicate id {n.id!r} (first at nodes[{ids[n.id]}])")
        else:
            ids[n.id] = i
    parents = {n.id: n.parent for n in spec.nodes}
    for i, n in enumerate(spec.nodes):
        if n.parent is not None and n.parent not in ids:
            out.append(f"nodes[{i}].parent: unknown node {n.parent!r}")
    for i, n in enumerate(spec.nodes):  # a cycle: walking up never reaches a root
        seen, cur = {n.id}, n.parent
        while cur is not None and cur in parents:
            if cur in seen:
                out.append(f"nodes[{i}].parent: cycle through {n.id!r}")
                break
            seen.add(cur)
            cur = parents[cur]
    has_kids = {n.parent for n in spec.nodes if n.parent}
    leaves = {n.id for n in spec.nodes if n.id not in has_kids}
    oos = spec.out_of_scope
    if oos not in ids:
        out.append(f"out_of_scope: no node has id {oos!r}")
    elif parents[oos] is not None or oos in has_kids:
        out.append(f"out_of_scope: node {oos!r} must be a root without children")
    if not leaves - {oos}:
        out.append("nodes: the tree has no leaf besides out-of-scope")

    questions = {q.id: q for q in spec.questions}
    qids = [q.id for q in spec.questions]
    for i, q in enumerate(spec.questions):
        where = f"questions[{i}]"
        if qids.index(q.id) != i:
            out.append(f"{where}.id: duplicate question {q.id!r} (first at questions[{qids.index(q.id)}])")
        answer_ids = [a.id for a in q.answers]
        if q.type == "choice" and not answer_ids:
            out.append(f"{where}.answers: question {q.id!r} has no answers")
        if q.type == "boolean" and set(answer_ids) - {"yes", "no"}:
            out.append(f"{where}.answers: a boolean question's answers are 'yes' and 'no'")
        if len(set(answer_ids)) < len(answer_ids):
            out.append(f"{where}.answers: duplicate answer ids")
        if q.default is not None and (q.type != "choice" or q.default not in answer_ids):
            out.append(f"{where}.default: {q.default!r} is not one of the question's answers")

    for i, rule in enumerate(spec.rules):
        where = f"rules[{i}]"
        if rule.leaf not in ids:
            out.append(f"{where}.leaf: unknown leaf {rule.leaf!r}")
        elif rule.leaf not in leaves:
            out.append(f"{where}.leaf: {rule.leaf!r} is not a leaf (it has children)")
        for qid, want in rule.when.items():
            asked = questions.get(qid)
            if asked is None:
                out.append(f"{where}.when.{qid}: unknown question {qid!r}")
                continue
            if asked.type == "boolean":
                if not isinstance(want, bool):
                    out.append(f"{where}.when.{qid}: boolean question: answer true or false, not {want!r}")
                continue
            wanted = [want] if isinstance(want, str) else want if isinstance(want, list) else None
            if wanted is None:
                out.append(f"{where}.when.{qid}: choice question: give an answer id or a list of them")
                continue
            for w in wanted:
                if w not in {a.id for a in asked.answers}:
                    out.append(f"{where}.when.{qid}: {w!r} is not an answer of {qid!r}")
    if spec.default is not None and spec.default not in leaves:
        out.append(f"default: {spec.default!r} is not a leaf")
    out += _offline_problems(spec)
    return out


def _offline_problems(spec: TaxonomySpec) -> list[str]:
    off = spec.offline
    groups = set(off.groups) if off else set()
    out: list[str] = []
    if off:
        for name, g in off.groups.items():
            if not re.match(_NAME, name):
                out.append(f"offline.groups.{name}: a group name must be an identifier")
            if g.near is not None and g.near not in off.groups:
                out.append(f"offline.groups.{name}.near: unknown cue group {g.near!r}")
            for j, phrase in enumerate(g.phrases):
                out += _regex_problem(f"offline.groups.{name}.phrases[{j}]", phrase)
    known = set(groups) | {"survey"}
    exprs: list[tuple[str, str]] = []
    if off:
        for name, src in off.values.items():
            exprs.append((f"offline.values.{name}", src))
    for i, q in enumerate(spec.questions):
        for j, a in enumerate(q.answers):
            for k, name in enumerate(a.evidence):
                if name not in groups:
                    out.append(f"questions[{i}].answers[{j}].evidence[{k}]: unknown cue group {name!r}")
            for k, phrase in enumerate(a.cues):
                out += _regex_problem(f"questions[{i}].answers[{j}].cues[{k}]", phrase)
        if q.offline is not None:
            exprs.append((f"questions[{i}].offline", q.offline))
    if off:
        exprs += [(f"offline.margins.{name}", src) for name, src in off.margins.items()]
    values = list(off.values) if off else []
    for where, src in exprs:
        try:
            e = expr.parse(src)
        except ValueError as exc:
            out.append(f"{where}: {exc}")
            continue
        # a value may use the values before it; questions and margins may use all of them
        visible = known | set(
            values[: values.index(where.split(".")[-1])] if where.startswith("offline.values.") else values
        )
        for n in sorted(e.names - visible):
            out.append(f"{where}: unknown name {n!r} (not a cue group or an earlier value)")
        for name in sorted(e.group_args - groups):
            out.append(f"{where}: unknown cue group {name!r}")
    return out


def _regex_problem(where: str, phrase: str) -> list[str]:
    try:
        re.compile(phrase)
    except re.error as exc:
        return [f"{where}: not a regular expression ({exc})"]
    except RecursionError:
        return [f"{where}: nested too deeply"]
    if nested_repeat(phrase):
        return [f"{where}: a repeat inside an unbounded repeat, as in (a+)+, can take for ever to match; "
                "bound the outer one ({0,5}) or drop the inner one"]  # fmt: skip
    return []
