"""Find the project's data folders (``prompts/``, ``gold_labels/``) in a wheel or a checkout, and check
the folders it writes to."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_PKG = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """A wheel carries them under ``classifier/_bundled``; an editable checkout has them at the top."""
    for candidate in (_PKG / "_bundled" / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"rltaxo data folder {name!r} not found (broken install?)")


def ensure_writable_dir(folder: Path) -> None:
    """Create ``folder`` if needed and prove a file can be written there; raises OSError otherwise.
    Called before work that costs time or money, so a bad folder fails first, not last."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, probe = tempfile.mkstemp(dir=folder, suffix=".probe")
    os.close(fd)
    os.unlink(probe)
