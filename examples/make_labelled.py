"""Write the made-up labelled files that the README's `rltaxo learn` examples use (deterministic).

    python examples/make_labelled.py

examples/labelled.jsonl: 8 rows per leaf of the bundled tree; examples/llm-enhanced-rl/labelled.jsonl:
8 per leaf of the second tree. Each abstract draws words from its leaf's own definition among filler
sentences (tests/learn_rows.py): made up, never a real paper's text; a demonstration of the format and
the command, not data to learn a useful model from.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from classifier.taxonomy import bundled, load  # noqa: E402
from tests.learn_rows import rows, write_jsonl  # noqa: E402

if __name__ == "__main__":
    write_jsonl(ROOT / "examples" / "labelled.jsonl", rows(bundled(), 8, seed=11))
    second = ROOT / "examples" / "llm-enhanced-rl"
    write_jsonl(second / "labelled.jsonl", rows(load(second / "taxonomy.json"), 8, seed=12))
