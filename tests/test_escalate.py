"""`--escalate`: offline first, and only the results the offline backend flags reach the LLM (a fake
OpenAI-compatible server on 127.0.0.1). The invariant is model-independent: the requests sent are exactly
the items an offline run flags for review."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import run_cli
from .fake_openai import FakeOpenAI

PAPERS = [
    {"title": "Language Models That Write Reward Programs for Legged Robots",
     "abstract": "We prompt a large language model to write reward function code, which is then used to train "
                 "reinforcement learning agents on simulated legged locomotion tasks."},
    {"title": "A Study", "abstract": "A language model helps an agent trained with reinforcement learning."},
    {"title": "Notes on Things", "abstract": "This document collects several remarks about various topics."},
    {"title": "Language Models Propose Subgoals for Exploration",
     "abstract": "A large language model suggests subgoals to a reinforcement learning agent in a crafting game; "
                 "the agent is rewarded for reaching them, which guides its exploration."},
]  # fmt: skip


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_only_flagged_items_reach_the_llm_and_a_rerun_sends_nothing(env: dict[str, str], tmp_path: Path) -> None:
    lst = tmp_path / "list.jsonl"
    lst.write_text("".join(json.dumps(p) + "\n" for p in PAPERS))
    offline_out = tmp_path / "offline.jsonl"
    r = run_cli("batch", str(lst), "-o", str(offline_out), env=env)
    assert r.returncode == 0, r.stderr
    flagged = {rec["result"]["title"] for rec in _records(offline_out) if rec["result"]["needs_review"]}
    assert 0 < len(flagged) < len(PAPERS)  # the vague study is flagged, clear papers and notes are not
    with FakeOpenAI() as fake:
        e = {**env, "OPENAI_BASE_URL": fake.url, "OPENAI_API_KEY": "sk-x", "RLTAXO_MODEL": "fake-model"}
        out = tmp_path / "escalated.jsonl"
        r = run_cli("batch", str(lst), "-o", str(out), "--escalate", "--structured-mode", "json_object",
                    "--workers", "1", "--json", env=e)  # fmt: skip
        assert r.returncode == 0, r.stderr
        assert fake.count == len(flagged)
        summary = json.loads(r.stdout)
        assert summary["escalation"]["llm"] == len(flagged)
        assert summary["escalation"]["offline"] == len(PAPERS) - len(flagged)
        assert summary["escalation"]["tokens_saved"] > 0
        results = {rec["result"]["title"]: rec["result"] for rec in _records(out)}
        for title, res in results.items():
            if title in flagged:  # the LLM's answer stands, and the offline one is kept beside it
                assert res["decided_by"] == "llm" and res["offline_answer"]["leaf"]
            else:
                assert res["decided_by"] == "offline" and res["usage"]["attempts"] == 0
        again = run_cli("batch", str(lst), "-o", str(out), "--escalate", "--json", env=e)  # resume: all done
        assert again.returncode == 0, again.stderr
        assert json.loads(again.stdout)["labeled_now"] == 0 and fake.count == len(flagged)


def test_max_cost_holds_for_the_escalated(env: dict[str, str], tmp_path: Path) -> None:
    lst = tmp_path / "list.jsonl"
    lst.write_text("".join(json.dumps(p) + "\n" for p in PAPERS))
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"fake-model": {"input": 1000.0, "output": 1000.0}}))
    with FakeOpenAI() as fake:
        e = {**env, "OPENAI_BASE_URL": fake.url, "OPENAI_API_KEY": "sk-x", "RLTAXO_MODEL": "fake-model",
             "RLTAXO_PRICES": str(prices)}  # fmt: skip
        out = tmp_path / "o.jsonl"
        r = run_cli("batch", str(lst), "-o", str(out), "--escalate", "--max-cost", "0.01", "--json", env=e)
        assert fake.count == 0  # not one request fits the cap
        recs = _records(out)
        kept = [rec for rec in recs if rec["status"] == "ok"]
        assert kept and all(rec["result"]["decided_by"] == "offline" for rec in kept)
        assert any("cost cap" in rec["error"]["message"] for rec in recs if rec["status"] == "error")
        assert r.returncode == 1  # the doubtful items failed, and say why


def test_escalate_without_an_llm_is_one_line(env: dict[str, str]) -> None:
    r = run_cli("classify", "--title", "A Title", "--abstract", "An abstract.", "--escalate", env=env)
    assert r.returncode == 2 and "--escalate" in r.stderr and "no LLM backend" in r.stderr


def test_batch_api_submits_only_the_doubtful_and_dry_run_plans_it(env: dict[str, str], tmp_path: Path) -> None:
    from .fake_batch import FakeBatchAPI
    from .test_batch_api import api_env

    lst = tmp_path / "list.jsonl"
    lst.write_text("".join(json.dumps(p) + "\n" for p in PAPERS))
    offline_out = tmp_path / "offline.jsonl"
    assert run_cli("batch", str(lst), "-o", str(offline_out), env=env).returncode == 0
    flagged = sum(rec["result"]["needs_review"] for rec in _records(offline_out))
    assert 0 < flagged < len(PAPERS)
    with FakeBatchAPI(steps=1) as fake:
        e = api_env(env, fake)
        out = tmp_path / "esc.jsonl"
        args = ["batch", str(lst), "-o", str(out), "--backend", "openai", "--escalate", "--batch-api"]
        plan = run_cli(*args, "--dry-run", "--json", env=e)
        assert plan.returncode == 0, plan.stderr
        info = json.loads(plan.stdout)
        assert info["settled_offline"] == len(PAPERS) - flagged and info["requests"] == flagged and info["sent"] == 0
        r = run_cli(*args, "--wait", "--json", env=e)
        assert r.returncode == 0, r.stderr
        summary = json.loads(r.stdout)
        assert summary["submitted_now"] == flagged and summary["settled_offline"] == len(PAPERS) - flagged
        assert summary["collected_ok"] == flagged and fake.uploads == 1 and fake.chat_calls == 0
    decided = {rec["result"]["decided_by"] for rec in _records(out)}
    assert decided == {"offline", "llm"}
