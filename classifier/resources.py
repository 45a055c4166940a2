"""Find the project's data folders (``prompts/``, ``gold_labels/``) in a wheel or a checkout."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """A wheel carries them under ``classifier/_bundled``; an editable checkout has them at the top."""
    for candidate in (_PKG / "_bundled" / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"rltaxo data folder {name!r} not found (broken install?)")
