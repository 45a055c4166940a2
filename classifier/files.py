"""Bounded reads of the files a user names (reading lists, gold files, trees, prices, scripts, results
to import): a device is refused and a file past its cap is one line, exit 2, never a read that grows
until the kernel kills the process (``RLTAXO_PRICES=/dev/zero``)."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path

from .errors import UsageError

LIST_BYTES = 512_000_000  # a reading list or results file of ~100,000 papers with their abstracts
SMALL_BYTES = 20_000_000  # a tree, a price table, a scripted backend's answers, exemplars


def read_bytes(path: Path | str, *, what: str, limit: int = LIST_BYTES) -> bytes:
    """The whole file, if it is a regular file or a pipe (``<(...)``) of at most ``limit`` bytes."""
    path = Path(path)
    st = path.stat()  # FileNotFoundError and the like stay the caller's to word
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "is a folder", str(path))
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        raise UsageError(f"{path}: is a device, not a file; the {what} must be a file")
    if st.st_size > limit:
        raise UsageError(f"{path}: {st.st_size / 1e6:.0f} MB is more than a {what} may have ({limit / 1e6:.0f} MB)")
    with path.open("rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise UsageError(f"{path}: more than a {what} may have ({limit / 1e6:.0f} MB)")
    return data


def read_text(
    path: Path | str, *, what: str, limit: int = LIST_BYTES, encoding: str = "utf-8", errors: str = "strict"
) -> str:
    return read_bytes(path, what=what, limit=limit).decode(encoding, errors=errors)


def size_ok(path: Path, *, what: str, limit: int = LIST_BYTES) -> None:
    """Check a file a library will read itself (bibtexparser) before handing it over."""
    st = os.stat(path)
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode) or stat.S_ISDIR(st.st_mode)):
        raise UsageError(f"{path}: is a device, not a file; the {what} must be a file")
    if st.st_size > limit:
        raise UsageError(f"{path}: {st.st_size / 1e6:.0f} MB is more than a {what} may have ({limit / 1e6:.0f} MB)")


def write_json_atomic(path: Path, value: object, suffix: str = ".part") -> None:
    """JSON written so that a reader sees the old file or the new one, never half of it: a temporary file
    in the same folder, then a rename. An OSError is the caller's (caches skip, outputs report)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=suffix)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(value, fh)
    os.replace(tmp, path)


def open_for_writing(folder: Path) -> bool:
    """Whether a folder is writable and not marked read-only. Default outputs go beside their inputs only
    then: shared, read-only data stays untouched even for root, who ignores the write bits."""
    try:
        return os.access(folder, os.W_OK) and bool(folder.stat().st_mode & 0o222)
    except OSError:
        return False
