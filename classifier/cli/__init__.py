"""The command line: parse arguments, call one function, turn errors into one line and an exit code.

Exit codes: 0 all done, 1 some item failed, 2 usage or configuration error, 130 interrupted.
Heavy modules (pypdf, openai) are imported inside commands so ``rltaxo --help`` stays fast. Every
command module registers itself on the one ``app`` when this package is imported.
"""

from __future__ import annotations

from . import batch, classify, eval, grow, inspect_cmd, learn, report, review, tree, zotero  # noqa: F401  (each registers its commands)
from .app import app, main

__all__ = ["app", "main"]
