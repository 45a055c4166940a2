"""The taxonomy, defined once in ``taxonomy.json`` and read by everything else.

Schema enums, prompts, the CLI tree and the metrics all go through this module, so a leaf id is spelled
in exactly one place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

OUT_OF_SCOPE = "out-of-scope"


@dataclass(frozen=True)
class Node:
    """One node of the tree; ``parent`` is ``None`` for the three top classes."""

    id: str
    name: str
    definition: str
    parent: str | None
    children: tuple[str, ...] = field(default=())

    @property
    def is_leaf(self) -> bool:
        return not self.children


@dataclass(frozen=True)
class Taxonomy:
    nodes: dict[str, Node]
    top_classes: tuple[str, ...]
    leaves: tuple[str, ...]
    out_of_scope: Node
    source: str

    def node(self, node_id: str) -> Node:
        if node_id == OUT_OF_SCOPE:
            return self.out_of_scope
        return self.nodes[node_id]

    @property
    def labels(self) -> tuple[str, ...]:
        """Every answer a classifier may give: the 8 leaves plus ``out-of-scope``."""
        return (*self.leaves, OUT_OF_SCOPE)

    def ancestors(self, node_id: str) -> tuple[str, ...]:
        """Ids from the top class down to ``node_id`` inclusive; ``out-of-scope`` is its own root."""
        if node_id == OUT_OF_SCOPE:
            return (OUT_OF_SCOPE,)
        chain: list[str] = []
        cur: str | None = node_id
        while cur is not None:
            chain.append(cur)
            cur = self.nodes[cur].parent
        return tuple(reversed(chain))

    def top_class(self, label: str) -> str:
        return self.ancestors(label)[0]

    def path_names(self, label: str) -> list[str]:
        return [self.node(i).name for i in self.ancestors(label)]

    def leaves_under(self, node_id: str) -> tuple[str, ...]:
        return tuple(leaf for leaf in self.leaves if node_id in self.ancestors(leaf))

    def is_label(self, value: str) -> bool:
        return value in self.labels


def _build(raw: dict[str, Any]) -> Taxonomy:
    nodes: dict[str, Node] = {}
    leaves: list[str] = []

    def walk(item: dict[str, Any], parent: str | None) -> None:
        kids = item.get("children", [])
        node = Node(item["id"], item["name"], item["definition"], parent, tuple(k["id"] for k in kids))
        if node.id in nodes:
            raise ValueError(f"taxonomy.json: duplicate id {node.id!r}")
        nodes[node.id] = node
        if not kids:
            leaves.append(node.id)
        for kid in kids:
            walk(kid, node.id)

    for cls in raw["classes"]:
        walk(cls, None)
    oos = raw["out_of_scope"]
    return Taxonomy(
        nodes=nodes,
        top_classes=tuple(c["id"] for c in raw["classes"]),
        leaves=tuple(leaves),
        out_of_scope=Node(oos["id"], oos["name"], oos["definition"], None),
        source=raw["source"],
    )


@cache
def load() -> Taxonomy:
    """The taxonomy shipped inside the package (cached: it never changes at run time)."""
    text = files("classifier").joinpath("taxonomy.json").read_text(encoding="utf-8")
    return _build(json.loads(text))


def render_definitions(tax: Taxonomy | None = None) -> str:
    """Plain-text definitions for prompts and docs, generated from the data file."""
    tax = tax or load()
    lines: list[str] = []
    for top in tax.top_classes:
        t = tax.nodes[top]
        lines.append(f"{t.name} ({t.id}): {t.definition}")
        for leaf in tax.leaves_under(top):
            n = tax.nodes[leaf]
            lines.append(f"  - {leaf} — {' > '.join(tax.path_names(leaf))}: {n.definition}")
    o = tax.out_of_scope
    lines.append(f"{o.id}: {o.definition}")
    return "\n".join(lines)
