"""The package's shape: no module spells the bundled tree, and imports run one way (no circles)."""

from __future__ import annotations

import ast
from pathlib import Path

from classifier.taxonomy import bundled

PACKAGE = Path(__file__).resolve().parent.parent / "classifier"


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        out[name] = path
    return out


def test_no_module_spells_a_leaf_question_or_answer_of_the_bundled_tree() -> None:
    tax = bundled()
    words = set(tax.nodes) - {tax.out_of_scope}
    words |= {q.id for q in tax.questions}
    # answer ids of choice questions, quoted as code would spell them ("none" is every tree's word for nothing)
    quoted = {f'"{a}"' for q in tax.questions if q.type == "choice" for a in tax.answer_ids(q) if a != "none"}
    quoted |= {f"'{a[1:-1]}'" for a in quoted}
    found = []
    for name, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        found += [(name, w) for w in sorted(words) if w in text]
        found += [(name, w) for w in sorted(quoted) if w in text]
    for path in (PACKAGE.parent / "prompts").glob("*"):
        found += [(path.name, w) for w in sorted(words) if w in path.read_text(encoding="utf-8")]
    assert not found, found


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every module of the package that ``name`` imports, at the top or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []  # annotations only: not a run-time import
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        out |= {t for t in targets if t in known and t != name}
    return out


def test_the_import_graph_has_no_circle() -> None:
    mods = _modules()
    graph = {name: _imports(name, path, set(mods)) for name, path in mods.items()}
    # a package's __init__ may gather its own submodules (the CLI registers its commands): not a circle
    for name, deps in graph.items():
        graph[name] = {d for d in deps if not (d.startswith(name + ".") and mods[name].name == "__init__.py")}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> None:
        state[n] = 1
        stack.append(n)
        for d in sorted(graph[n]):
            if state.get(d) == 1:
                raise AssertionError("import circle: " + " -> ".join([*stack[stack.index(d) :], d]))
            if d not in state:
                visit(d)
        stack.pop()
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n)
