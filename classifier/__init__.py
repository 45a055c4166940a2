"""rltaxo: place research papers in a taxonomy tree (by default the RL/LLM Taxonomy Tree, arXiv 2402.01874).

The public API for notebooks and scripts::

    from classifier import Pipeline, Settings, Taxonomy, load_taxonomy

    pipe = Pipeline(Settings(backend="offline"), taxonomy=load_taxonomy())  # or load_taxonomy("my-tree.json")
    result = pipe.classify("paper.pdf")  # a ClassificationResult: leaf, path, confidence, evidence, ...

Names resolve on first use, so ``import classifier`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .result import ClassificationResult
    from .settings import Settings
    from .taxonomy import Taxonomy
    from .taxonomy import load as load_taxonomy

_PUBLIC = {
    "Pipeline": ("pipeline", "Pipeline"),
    "Settings": ("settings", "Settings"),
    "Taxonomy": ("taxonomy", "Taxonomy"),
    "load_taxonomy": ("taxonomy", "load"),
    "ClassificationResult": ("result", "ClassificationResult"),
}
__all__ = ["ClassificationResult", "Pipeline", "Settings", "Taxonomy", "__version__", "load_taxonomy"]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        import importlib

        module, attr = _PUBLIC[name]
        return getattr(importlib.import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'classifier' has no attribute {name!r}")
