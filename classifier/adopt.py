"""Adopt a ``taxonomy grow`` proposal: a new tree file with the new leaf and what it takes to reach it.

The new leaf goes under its proposed parent with its definition, include/exclude notes and member titles
as examples. LLM backends reach it through one new yes/no question and one rule, placed before the rules
of its would-be siblings (the first matching rule wins), that asks what routes a paper to the parent
plus "yes" to the new question. The offline engine answers that question from the cluster's distinctive
terms, as cues; a learned model needs ``rltaxo learn`` on rows labelled with the new leaf. The result is
checked as ``rltaxo taxonomy validate`` checks a file, and the input tree is never written.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .errors import UsageError
from .taxonomy import Taxonomy, check_text


def adopt(doc: dict[str, Any], pid: int, tax: Taxonomy) -> dict[str, Any]:
    """The new tree (a JSON-ready dict) with proposal *pid* of *doc* in it."""
    if doc.get("tree_sha256") != tax.sha256:
        raise UsageError(
            f"the proposals were made for another tree ({doc.get('tree_name')}, sha256 "
            f"{str(doc.get('tree_sha256'))[:12]}), not {tax.name} ({tax.sha256[:12]})",
            hint="give the tree the batch was labelled with: -t TREE.json",
        )
    proposals = {p.get("id"): p for p in doc.get("proposals", []) if isinstance(p, dict)}
    if pid not in proposals:
        ids = ", ".join(str(i) for i in proposals) or "none"
        raise UsageError(f"no proposal {pid} in the file (its proposals: {ids})", hint="pick one with --id N")
    p = proposals[pid]
    if p.get("kind") != "new-leaf":
        raise UsageError(
            f"proposal {pid} splits {p.get('leaf')}: a split is advice for a person, not adopted here",
            hint="edit the tree file by hand (rltaxo taxonomy schema), or adopt a new-leaf proposal",
        )
    tree = tax.spec.model_dump(mode="json", exclude_defaults=True)
    parent = p.get("parent")
    if parent is not None and (parent not in tax.nodes or tax.node(parent).is_leaf):
        raise UsageError(f"proposal {pid}: its parent {parent!r} is not an inner node of {tax.name}")
    leaf = _free_id(str(p["leaf_id"]), tax)
    node: dict[str, Any] = {"id": leaf, "name": str(p["name"])[:80], "definition": str(p["definition"])}
    if parent:
        node["parent"] = parent
    for key in ("include", "exclude"):
        if p.get(key):
            node[key] = [str(x) for x in p[key]][:5]
    node["examples"] = [str(m["title"]) for m in p.get("members", [])[:3] if m.get("title")]
    tree["nodes"].append(node)

    question_id = "is_" + re.sub(r"[^a-z0-9]+", "_", leaf.split("/")[-1].lower()).strip("_")
    while any(q["id"] == question_id for q in tree["questions"]):
        question_id += "_"
    cues = [re.escape(str(t)) for t in p.get("terms", [])[:3] if len(str(t)) >= 4]  # the most distinctive only
    tree["questions"].append({
        "id": question_id,
        "text": f"Is the paper's own method one of these: {node['definition']}",
        "type": "boolean",
        "answers": [
            {"id": "yes", "says": f"it is: {node['name']}", **({"cues": cues} if cues else {})},
            {"id": "no", "says": f"it is not {node['name']}"},
        ],
    })  # fmt: skip
    under = set(tax.leaves_under(parent)) if parent else set(tax.leaves) - {tax.out_of_scope}
    sibling_rules = [i for i, r in enumerate(tree["rules"]) if r["leaf"] in under]
    when = _shared_conditions([tree["rules"][i]["when"] for i in sibling_rules])
    at = sibling_rules[0] if sibling_rules else len(tree["rules"])
    tree["rules"].insert(at, {"when": {**when, question_id: True}, "leaf": leaf})
    text = json.dumps(tree, indent=2, ensure_ascii=False)
    spec, problems = check_text(text)
    if spec is None:
        raise UsageError(f"proposal {pid} does not make a valid tree: {problems[0]}",
                         hint="edit the proposal (name, parent) and adopt again")  # fmt: skip
    return tree


def _shared_conditions(whens: list[dict[str, Any]]) -> dict[str, Any]:
    """The conditions every one of these rules asks: what routes a paper to their common parent."""
    if not whens:
        return {}
    shared = dict(whens[0])
    for w in whens[1:]:
        shared = {k: v for k, v in shared.items() if k in w and w[k] == v}
    return shared


def _free_id(leaf: str, tax: Taxonomy) -> str:
    if leaf not in tax.nodes:
        return leaf
    n = 2
    while f"{leaf}-{n}" in tax.nodes:
        n += 1
    return f"{leaf}-{n}"
