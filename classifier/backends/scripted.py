"""A first-class test backend: answers from a script, no network. Useful for tests and demos.

The script is a JSON list of verdict objects (``RLTAXO_SCRIPT`` file), used in turn; an item
``{"error": "CODE", "message": "..."}`` raises the matching typed error instead.
"""

from __future__ import annotations

import itertools
import json
import threading
from typing import Any

from .. import errors as E
from ..excerpt import Excerpt
from ..files import SMALL_BYTES, read_text
from ..ingest import Paper
from ..result import Verdict
from . import Backend

_BY_CODE = {cls.code: cls for cls in vars(E).values() if isinstance(cls, type) and issubclass(cls, E.RltaxoError)}


class ScriptedBackend(Backend):
    name = "scripted"
    model = "script"

    def __init__(
        self, settings: object | None = None, tax: object | None = None, script: list[dict[str, Any]] | None = None
    ) -> None:
        if script is None:
            path = getattr(settings, "script", None)
            if not path:
                raise E.ConfigError("the scripted backend needs RLTAXO_SCRIPT=path/to/script.json")
            script = json.loads(read_text(path, what="script", limit=SMALL_BYTES))
        if not script:
            raise E.ConfigError("the script is empty")
        self._items = itertools.cycle(script)
        self._lock = threading.Lock()
        self.calls = 0

    def complete_json(self, system: str, user: str, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        """The script's next item, as the structured answer (errors as for ``classify``)."""
        with self._lock:
            item = next(self._items)
            self.calls += 1
        if "error" in item:
            raise _BY_CODE.get(item["error"], E.BackendError)(item.get("message", item["error"]))
        return dict(item)

    def classify(self, paper: Paper, excerpt: Excerpt) -> Verdict:
        with self._lock:
            item = next(self._items)
            self.calls += 1
        if "error" in item:
            raise _BY_CODE.get(item["error"], E.BackendError)(item.get("message", item["error"]))
        return Verdict.model_validate({"rationale": "scripted", "confidence": 0.5, **item})
