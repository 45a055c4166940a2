import json
import shutil
import threading
import time
from pathlib import Path

import pytest

from classifier import prompts
from classifier.errors import PromptError, RateLimitError, TransientBackendError, with_retry_after
from classifier.resources import data_dir
from classifier.retry import RateGate, call_with_retries
from classifier.taxonomy import Taxonomy, bundled, check_text


def copy_prompts(tmp: Path) -> Path:
    dst = tmp / "prompts"
    shutil.copytree(data_dir("prompts"), dst)
    return dst


def test_shipped_prompts_load_and_render() -> None:
    ps = prompts.load()
    assert ps.version.startswith("p2+") and len(ps.version) == 11
    system = prompts.system_prompt(ps, bundled())
    assert "llm4rl/reward" in system and "$" not in system
    assert "The RL/LLM Taxonomy Tree" in system and "llm_role_for_rl_agent" in system  # decision steps


def test_system_prompt_is_rendered_from_any_tree() -> None:
    from .trees import TOY

    spec, _ = check_text(json.dumps(TOY))
    assert spec is not None
    system = prompts.system_prompt(prompts.load(), Taxonomy(spec))
    assert "Toy tree of learning methods" in system and "learning/unsupervised" in system
    assert "approach = clusters → learning/unsupervised" in system
    assert "rl4llm" not in system and "RL" not in system.replace("URL", "")


def test_shipped_prompt_files_hold_no_tree_specific_prose() -> None:
    for path in data_dir("prompts").glob("*.md"):
        text = path.read_text()
        for word in ("rl4llm", "llm4rl", "rl+llm", "RL4LLM", "LLM4RL", "reinforcement", "RLHF"):
            assert word not in text, (path.name, word)


def test_unknown_placeholder_is_rejected(tmp_path: Path) -> None:
    d = copy_prompts(tmp_path)
    (d / "user.md").write_text("Paper: $excerpt and $secret_sauce")
    with pytest.raises(PromptError, match=r"unknown placeholder\(s\) \$secret_sauce") as info:
        prompts.load(d)
    assert "allowed" in str(info.value)


def test_missing_required_placeholder_is_rejected(tmp_path: Path) -> None:
    d = copy_prompts(tmp_path)
    (d / "user.md").write_text("Classify the paper.")
    with pytest.raises(PromptError, match=r"missing placeholder\(s\) \$excerpt"):
        prompts.load(d)


def test_stray_dollar_is_rejected_with_a_hint(tmp_path: Path) -> None:
    d = copy_prompts(tmp_path)
    (d / "system.md").write_text("$definitions\nIt costs 5$ to ask.")
    with pytest.raises(PromptError, match="line 2"):
        prompts.load(d)


def test_version_changes_with_content(tmp_path: Path) -> None:
    d = copy_prompts(tmp_path)
    before = prompts.load(d).version
    (d / "user.md").write_text((d / "user.md").read_text() + "\nBe brief.")
    assert prompts.load(d).version != before


def test_rate_limit_closes_the_gate_for_every_worker() -> None:
    gate = RateGate()
    calls: list[float] = []

    def limited() -> str:
        calls.append(time.monotonic())
        if len(calls) == 1:
            raise with_retry_after(RateLimitError("slow down"), 0.5)
        return "ok"

    t0 = time.monotonic()
    assert call_with_retries(limited, gate=gate, max_attempts=3, max_wait_s=10) == "ok"
    assert calls[1] - t0 >= 0.45  # the retry waited for Retry-After
    # another worker arriving while the gate is closed waits too
    gate.close_for(0.4)
    other: list[float] = []
    t1 = time.monotonic()
    th = threading.Thread(target=lambda: other.append(call_with_retries(time.monotonic, gate=gate, max_attempts=1,
                                                                         max_wait_s=5)))  # fmt: skip
    th.start()
    th.join()
    assert other[0] - t1 >= 0.35


def test_retries_are_bounded() -> None:
    n = 0

    def broken() -> None:
        nonlocal n
        n += 1
        raise TransientBackendError("503")

    with pytest.raises(TransientBackendError):
        call_with_retries(broken, gate=RateGate(), max_attempts=3, max_wait_s=30, base=0.01)
    assert n == 3
