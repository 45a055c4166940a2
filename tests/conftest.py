from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = ROOT / "examples" / "sample-paper.pdf"


def corpus_pdfs() -> list[Path]:
    return sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []


needs_corpus = pytest.mark.skipif(
    not corpus_pdfs(), reason=f"real arXiv PDFs not found at {CORPUS} (they live beside the repo, not in it)"
)


def corpus_pdf(arxiv_id: str) -> Path:
    path = CORPUS / f"{arxiv_id}.pdf"
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture
def env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A clean environment for CLI runs: no endpoint, private cache, no network fallback."""
    e = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "RLTAXO_"))}
    e["RLTAXO_CACHE_DIR"] = str(tmp_path / "cache")
    e["RLTAXO_ARXIV_URL"] = "http://127.0.0.1:9/"  # closed port: any download fails fast
    e["RLTAXO_DOWNLOAD_DELAY"] = "0"
    e["RLTAXO_DOI_API_URL"] = "http://127.0.0.1:9/works"  # closed port: no OpenAlex here
    yield e


def run_cli(
    *args: str, env: dict[str, str], timeout: float = 300, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "classifier", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        cwd=cwd or ROOT,
        stdin=subprocess.DEVNULL,
    )
