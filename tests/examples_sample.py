"""Re-export the sample paper's text for tests (examples/ is not a package)."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("make_sample", Path(__file__).parents[1] / "examples" / "make_sample.py")
assert _spec and _spec.loader
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
TITLE: str = _mod.TITLE
ABSTRACT: str = _mod.ABSTRACT
