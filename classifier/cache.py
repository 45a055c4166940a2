"""Content-addressed response cache: a re-run of the same classification costs no LLM call."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .files import write_json_atomic
from .resources import ensure_writable_dir


def cache_key(**parts: Any) -> str:
    blob = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


class ResultCache:
    """One JSON file per key under ``dir``, written atomically (a crash never leaves half a file).

    A cache is a convenience: an entry that cannot be read is a miss, and one that cannot be written
    costs a call next time, never the answer in hand."""

    def __init__(self, directory: Path) -> None:
        self.dir = directory
        self.write_error: str | None = None

    def check(self) -> None:
        """At start-up, before any paid call: the folder must be one we can write."""
        try:
            ensure_writable_dir(self.dir)
        except OSError as exc:
            raise ConfigError(
                f"{self.dir}: the cache folder cannot be written ({exc.strerror or exc})",
                hint="set RLTAXO_CACHE_DIR to a writable folder, or pass --no-cache",
            ) from exc

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def put(self, key: str, value: dict[str, Any]) -> None:
        path = self._path(key)
        try:
            write_json_atomic(path, value, suffix=".tmp")
        except OSError as exc:  # a full disk or a folder gone read-only mid-run: keep the answer, skip the cache
            self.write_error = f"{self.dir}: {exc.strerror or exc}"


class PaperCache:
    """Extracted papers by PDF hash, ingestion version and limits: a re-run (another model, another
    eval) reads no PDF at all. Same rules as the result cache: unreadable is a miss, unwritable is skipped."""

    def __init__(self, directory: Path, version: str, limits: dict[str, Any]) -> None:
        self.store = ResultCache(directory)
        self.salt = cache_key(version=version, limits=limits)

    def key(self, pdf_sha256: str) -> str:
        return cache_key(pdf=pdf_sha256, salt=self.salt)

    def get(self, pdf_sha256: str) -> dict[str, Any] | None:
        return self.store.get(self.key(pdf_sha256))

    def put(self, pdf_sha256: str, paper: dict[str, Any]) -> None:
        self.store.put(self.key(pdf_sha256), paper)
