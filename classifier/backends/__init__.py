"""Backends: one small abstract method, plus a registry of lazy factories (heavy SDKs load on use)."""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, UsageError

if TYPE_CHECKING:
    from ..excerpt import Excerpt
    from ..ingest import Paper
    from ..result import Verdict
    from ..settings import Settings
    from ..taxonomy import Taxonomy


class Backend(ABC):
    """Turns a paper (and the excerpt chosen from it) into a Verdict."""

    name: str = "backend"
    model: str = ""
    prompt_version: str = "none"
    #: Whether results may be served from the response cache (cheap deterministic backends: no).
    cacheable: bool = False

    @abstractmethod
    def classify(self, paper: Paper, excerpt: Excerpt) -> Verdict: ...

    def cache_params(self) -> dict[str, object]:
        """Everything besides the inputs that changes the answer; part of the cache key."""
        return {}

    def close(self) -> None:
        """Release resources (servers, connections)."""

    def complete_json(self, system: str, user: str, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        """One structured answer to a free-standing request (``taxonomy grow`` names clusters with it)."""
        raise UsageError(f"the {self.name} backend answers only classification requests",
                         hint="use an LLM backend (--backend openai, local or scripted)")  # fmt: skip


REGISTRY: dict[str, str] = {
    "offline": "classifier.backends.offline:OfflineBackend",
    "openai": "classifier.backends.openai_compat:OpenAIBackend",
    "local": "classifier.backends.local:LocalBackend",
    "scripted": "classifier.backends.scripted:ScriptedBackend",
}


def create(name: str, settings: Settings, tax: Taxonomy) -> Backend:
    """Instantiate a backend by name for a tree; the module is imported only now. With ``escalate``, the
    offline backend first and this one for the results it flags (``escalate.py``)."""
    if getattr(settings, "escalate", False):
        if name == "offline":
            raise ConfigError(
                "--escalate sends the doubtful papers to an LLM, but no LLM backend is configured",
                hint="set OPENAI_API_KEY or OPENAI_BASE_URL, or choose one with -b",
            )
        from .escalate import EscalatingBackend

        return EscalatingBackend(_create("offline", settings, tax), _create(name, settings, tax))
    return _create(name, settings, tax)


def _create(name: str, settings: Settings, tax: Taxonomy) -> Backend:
    try:
        target = REGISTRY[name]
    except KeyError:
        raise ConfigError(f"unknown backend {name!r}", hint=f"choose one of: {', '.join(REGISTRY)}") from None
    module_name, _, attr = target.partition(":")
    factory = getattr(importlib.import_module(module_name), attr)
    backend: Backend = factory(settings, tax)
    return backend
