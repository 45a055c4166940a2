"""Trees for tests besides the bundled one: a made-up three-leaf toy, and edited copies of the bundled file."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from classifier.taxonomy import bundled

TOY: dict[str, Any] = {
    "name": "Toy tree of learning methods",
    "source": "made up for tests",
    "out_of_scope": "elsewhere",
    "nodes": [
        {"id": "learning", "name": "Learning", "definition": "A model is fitted to data."},
        {"id": "learning/supervised", "parent": "learning", "name": "Supervised",
         "definition": "Fitted to labelled examples.", "examples": ["A classifier trained on tagged photos."]},
        {"id": "learning/unsupervised", "parent": "learning", "name": "Unsupervised",
         "definition": "Fitted to unlabelled data.", "exclude": ["Self-training on pseudo-labels is supervised."]},
        {"id": "search", "name": "Search", "definition": "No model is fitted; a solution is searched for."},
        {"id": "elsewhere", "name": "Elsewhere", "definition": "Neither learning nor search."},
    ],
    "questions": [
        {
            "id": "approach",
            "text": "How does the method find its answer?",
            "type": "choice",
            "answers": [
                {"id": "labels", "says": "it learns from labelled examples",
                 "cues": ["labell?ed examples", "annotated"]},
                {"id": "clusters", "says": "it learns from unlabelled data", "cues": ["cluster\\w*", "unlabell?ed"]},
                {"id": "search", "says": "it searches", "cues": ["search\\w*", "branch and bound"]},
                {"id": "other", "says": "it does something else"},
            ],
        }
    ],
    "rules": [
        {"when": {"approach": "labels"}, "leaf": "learning/supervised"},
        {"when": {"approach": "clusters"}, "leaf": "learning/unsupervised"},
        {"when": {"approach": "search"}, "leaf": "search"},
    ],
}  # fmt: skip

TOY_TEXTS = {
    "learning/supervised": ("Tagging photos", "We train a classifier on thousands of labelled examples of photos."),
    "learning/unsupervised": ("Grouping songs", "We cluster unlabelled songs by their rhythm into groups."),
    "search": ("Solving puzzles", "We search the space of moves with branch and bound to solve the puzzle."),
    "elsewhere": ("A history of looms", "This essay tells the story of weaving looms in the nineteenth century."),
}


def write(tmp: Path, tree: dict[str, Any], name: str = "tree.json") -> Path:
    path = tmp / name
    path.write_text(json.dumps(tree, indent=2), encoding="utf-8")
    return path


def bundled_copy() -> dict[str, Any]:
    return copy.deepcopy(bundled().spec.model_dump(mode="json", exclude_defaults=True))


def renamed(old: str, new: str) -> dict[str, Any]:
    """The bundled tree with one leaf id renamed everywhere it occurs (nodes and rules)."""
    tree = bundled_copy()
    for n in tree["nodes"]:
        n["id"] = new if n["id"] == old else n["id"]
    for r in tree["rules"]:
        r["leaf"] = new if r["leaf"] == old else r["leaf"]
    return tree


def merged(a: str, b: str, into: str, name: str) -> dict[str, Any]:
    """The bundled tree with leaves a and b replaced by one leaf ``into`` under a's parent."""
    tree = bundled_copy()
    parent = next(n.get("parent") for n in tree["nodes"] if n["id"] == a)
    tree["nodes"] = [n for n in tree["nodes"] if n["id"] not in (a, b)]
    tree["nodes"].append({"id": into, "parent": parent, "name": name, "definition": f"{a} or {b}."})
    for r in tree["rules"]:
        r["leaf"] = into if r["leaf"] in (a, b) else r["leaf"]
    return tree


def added(parent: str, new: str) -> dict[str, Any]:
    """The bundled tree with one more leaf (reached by no rule: an LLM may still answer it)."""
    tree = bundled_copy()
    tree["nodes"].append({"id": new, "parent": parent, "name": "Added", "definition": "A leaf added by a user."})
    return tree
