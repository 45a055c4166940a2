"""Prompt files: loaded from ``prompts/``, placeholders checked on load, rendered with string.Template.

Each file may use only its allowed placeholders and must use the required ones, so a bad override
fails at start-up with a clear message instead of sending a broken prompt 500 times. The prompt
version recorded in every result is the manifest's version plus a hash of the files' contents.
"""

from __future__ import annotations

import hashlib
import json
import string
from dataclasses import dataclass
from pathlib import Path

from .errors import PromptError
from .resources import data_dir
from .taxonomy import Taxonomy

#: file role -> (allowed placeholders, required placeholders)
CONTRACT: dict[str, tuple[set[str], set[str]]] = {
    "system": ({"tree_name", "definitions", "decision_steps", "labels"}, {"definitions"}),
    "user": ({"excerpt", "examples", "format_instructions", "title", "source_note"}, {"excerpt"}),
    "example": ({"title", "leaf", "short_name", "year"}, {"title", "leaf"}),
    "repair": ({"error", "labels"}, {"error"}),
}


def placeholders(template: str) -> set[str]:
    names: set[str] = set()
    for m in string.Template.pattern.finditer(template):
        if m.group("invalid") is not None:
            line = template[: m.start()].count("\n") + 1
            raise PromptError(f"invalid '$' on line {line}", hint="write $$ for a literal dollar sign")
        name = m.group("named") or m.group("braced")
        if name:
            names.add(name)
    return names


@dataclass(frozen=True)
class PromptSet:
    version: str
    templates: dict[str, str]

    def render(self, role: str, **values: str) -> str:
        return string.Template(self.templates[role]).substitute(values)


def load(directory: Path | None = None) -> PromptSet:
    directory = directory or data_dir("prompts")
    manifest_path = directory / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        files = manifest["files"]
        declared = str(manifest["version"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PromptError(f"{manifest_path}: unreadable prompt manifest ({exc})") from exc
    templates: dict[str, str] = {}
    digest = hashlib.sha256()
    for role, (allowed, required) in CONTRACT.items():
        if role not in files:
            raise PromptError(f"{manifest_path}: no file given for prompt {role!r}")
        path = directory / files[role]
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise PromptError(f"{path}: cannot read prompt ({exc.strerror})") from exc
        try:
            used = placeholders(text)
        except PromptError as exc:
            raise PromptError(f"{path}: {exc.message}", hint=exc.hint) from None
        if used - allowed:
            raise PromptError(
                f"{path}: unknown placeholder(s) {', '.join('$' + n for n in sorted(used - allowed))}",
                hint=f"allowed: {', '.join('$' + n for n in sorted(allowed))}",
            )
        if required - used:
            raise PromptError(f"{path}: missing placeholder(s) {', '.join('$' + n for n in sorted(required - used))}")
        templates[role] = text
        digest.update(role.encode() + b"\0" + text.encode())
    return PromptSet(version=f"{declared}+{digest.hexdigest()[:8]}", templates=templates)


def labels_text(tax: Taxonomy) -> str:
    return ", ".join(tax.labels)


def system_prompt(ps: PromptSet, tax: Taxonomy) -> str:
    """The system prompt for a tree: its name, definitions, decision steps and labels, all from the file."""
    return ps.render(
        "system",
        tree_name=tax.name,
        definitions=tax.render_definitions(),
        decision_steps=tax.render_decision_steps(),
        labels=labels_text(tax),
    )
