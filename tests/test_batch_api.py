"""--batch-api against a fake Files + Batches API (tests/fake_batch.py), and the files other runners use."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from classifier.batch_api import estimate_prompt_tokens, write_request_files

from .conftest import ROOT, run_cli
from .fake_batch import FakeBatchAPI
from .fake_openai import answer, completion


def make_list(tmp: Path, n: int = 6) -> Path:
    path = tmp / "list.jsonl"
    path.write_text("".join(
        json.dumps({"title": f"Made-up paper {i}", "abstract": f"We ask a language model to write reward code {i} "
                    "for a robot trained with reinforcement learning."}) + "\n" for i in range(n)))  # fmt: skip
    return path


def api_env(env: dict[str, str], fake: FakeBatchAPI) -> dict[str, str]:
    return env | {"OPENAI_BASE_URL": fake.url, "OPENAI_API_KEY": "sk-test", "RLTAXO_BATCH_POLL_S": "0.01",
                  "RLTAXO_FROM": "abstract", "RLTAXO_MAX_WAIT_S": "2"}  # fmt: skip


def records(tmp: Path) -> list[dict]:
    return [json.loads(x) for x in (tmp / "list.jsonl.rltaxo.jsonl").read_text().splitlines()]


def batch(env: dict[str, str], lst: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("batch", str(lst), "--backend", "openai", *args, env=env)


def test_submit_then_collect_on_the_next_run(env: dict[str, str], tmp_path: Path) -> None:
    lst = make_list(tmp_path)
    with FakeBatchAPI(steps=1) as fake:
        e = api_env(env, fake)
        r = batch(e, lst, "--batch-api")
        assert r.returncode == 0, r.stderr
        assert "submitted; run the same command again to collect" in r.stdout
        assert not (tmp_path / "list.jsonl.rltaxo.jsonl").exists() or not records(tmp_path)
        r = batch(e, lst, "--batch-api", "--wait", "--json")
        assert r.returncode == 0, r.stderr
        summary = json.loads(r.stdout)
        assert summary["collected_ok"] == 6 and summary["submitted_now"] == 0
        r = batch(e, lst, "--batch-api")  # a third run: nothing new, nothing sent again
        assert r.returncode == 0
        assert fake.uploads == 1 and fake.creates == 1 and fake.chat_calls == 0
    recs = records(tmp_path)
    assert len(recs) == 6 and {r["via"] for r in recs} == {"batch-api"}
    assert all(r["status"] == "ok" and r["result"]["leaf"] == "llm4rl/reward" for r in recs)
    assert (tmp_path / "list.jsonl.rltaxo.md").exists()  # the derived outputs as in the normal path
    built = [p for p in (tmp_path / "list.jsonl.rltaxo.jsonl.batch").glob("*.jsonl") if p.name.count(".") == 1]
    request = json.loads(built[0].read_text().splitlines()[0])  # the request file, not a downloaded result file
    assert request["method"] == "POST" and request["url"] == "/v1/chat/completions"
    assert request["body"]["response_format"]["type"] == "json_schema" and request["body"]["temperature"] == 0


def test_an_expired_batch_keeps_its_half_and_the_rest_is_resubmitted(env: dict[str, str], tmp_path: Path) -> None:
    lst = make_list(tmp_path)
    with FakeBatchAPI(mode="expire_half") as fake:
        e = api_env(env, fake)
        r = batch(e, lst, "--batch-api", "--wait")
        assert r.returncode == 0, r.stderr
        assert "expired; 3 item(s) back to pending" in r.stdout
        assert len(records(tmp_path)) == 3
        fake.mode = "complete"
        r = batch(e, lst, "--batch-api", "--wait")
        assert r.returncode == 0, r.stderr
        assert fake.uploads == 2 and fake.creates == 2
    recs = records(tmp_path)
    assert len(recs) == 6 and len({r["item"] for r in recs}) == 6


def test_a_failed_batch_returns_every_item_to_pending(env: dict[str, str], tmp_path: Path) -> None:
    lst = make_list(tmp_path, 4)
    with FakeBatchAPI(mode="fail") as fake:
        r = batch(api_env(env, fake), lst, "--batch-api", "--wait")
        assert r.returncode == 0, r.stderr
        assert "failed; 4 item(s) back to pending" in r.stdout
    assert not (tmp_path / "list.jsonl.rltaxo.jsonl").exists() or not records(tmp_path)


@pytest.mark.parametrize("fallback", [True, False])
def test_unusable_answers_are_retried_normally_or_kept_as_errors(
    env: dict[str, str], tmp_path: Path, fallback: bool
) -> None:
    lst = make_list(tmp_path)
    from classifier.readinglist import dedupe, read_list

    keys = [it.key for it in dedupe(read_list(lst))]
    faults = {keys[0]: "malformed", keys[1]: "error", keys[2]: "bad_json"}
    with FakeBatchAPI(faults=faults) as fake:
        fake.unknown_line = True
        args = ["--batch-api", "--wait", "--json"] + ([] if fallback else ["--no-fallback"])
        r = batch(api_env(env, fake), lst, *args)
        summary = json.loads(r.stdout)
        assert summary["malformed_lines"] == 1 and summary["unknown_ids"] == 1
        assert fake.chat_calls == (3 if fallback else 0)
    recs = {r["item"]: r for r in records(tmp_path)}
    assert len(recs) == 6
    if fallback:
        assert r.returncode == 0
        assert {recs[k]["via"] for k in faults} == {"api-fallback"} and all(recs[k]["status"] == "ok" for k in faults)
    else:
        assert r.returncode == 1
        assert all(recs[k]["status"] == "error" for k in faults)
        assert "not JSON" in recs[keys[2]]["error"]["message"]


def _killed_at(env: dict[str, str], lst: Path, fake: FakeBatchAPI, route: str) -> None:
    fake.hold = {route}
    proc = subprocess.Popen([sys.executable, "-m", "classifier", "batch", str(lst), "--backend", "openai",
                             "--batch-api"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)  # fmt: skip
    try:
        assert fake.held.wait(60), "the client never reached " + route
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
    finally:
        fake.release()


@pytest.mark.slow
@pytest.mark.parametrize("route", ["POST files", "GET batches", "GET batches/*"])
def test_sigkill_at_any_step_resumes_without_doing_anything_twice(
    env: dict[str, str], tmp_path: Path, route: str
) -> None:
    """During the upload's answer (uploaded, not yet recorded), before the batch is created, and after it
    was created but before anything was collected: the re-run finishes with one upload and one batch."""
    lst = make_list(tmp_path)
    with FakeBatchAPI() as fake:
        e = api_env(env, fake)
        _killed_at(e, lst, fake, route)
        assert fake.uploads == 1
        r = batch(e, lst, "--batch-api", "--wait")
        assert r.returncode == 0, r.stderr
        assert fake.uploads == 1 and fake.creates == 1
    recs = records(tmp_path)
    assert len(recs) == 6 and len({r["item"] for r in recs}) == 6


def test_status_and_cancel(env: dict[str, str], tmp_path: Path) -> None:
    lst = make_list(tmp_path)
    with FakeBatchAPI(steps=50) as fake:
        e = api_env(env, fake)
        r = batch(e, lst, "--status")
        assert r.returncode == 2 and "no batch recorded" in r.stderr
        assert batch(e, lst, "--batch-api").returncode == 0
        r = batch(e, lst, "--status", "--json")
        assert r.returncode == 0 and json.loads(r.stdout)["batches_open"] == 1
        r = batch(e, lst, "--cancel")
        assert r.returncode == 0 and "asked to cancel 1 batch(es)" in r.stdout
        r = batch(e, lst, "--batch-api", "--wait")  # collects the cancelled half, submits the other half
        assert r.returncode == 0, r.stderr
        assert "cancelled; 3 item(s) back to pending" in r.stdout
        fake.steps = 1
        r = batch(e, lst, "--batch-api", "--wait")
        assert r.returncode == 0, r.stderr
    assert len(records(tmp_path)) == 6


def test_dry_run_prices_the_plan_and_sends_nothing(env: dict[str, str], tmp_path: Path) -> None:
    lst = make_list(tmp_path)
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"gpt-4o-mini": {"input": 0.15, "output": 0.6, "batch_input": 0.075,
                                                  "batch_output": 0.3}}))  # fmt: skip
    with FakeBatchAPI() as fake:
        e = api_env(env, fake) | {"RLTAXO_PRICES": str(prices)}
        r = batch(e, lst, "--batch-api", "--dry-run", "--json")
        assert r.returncode == 0, r.stderr
        plan = json.loads(r.stdout)
        assert plan["requests"] == 6 and plan["sent"] == 0 and plan["prompt_tokens_estimate"] > 6 * 500
        assert plan["batch_cost_usd"] == pytest.approx(plan["cost_usd"] / 2)
        r = batch(e | {"OPENAI_API_KEY": "", "OPENAI_BASE_URL": ""}, lst, "--dry-run")  # no endpoint needed
        assert r.returncode == 0 and "6 request(s)" in r.stdout
        assert sorted(p.name for p in tmp_path.iterdir() if p.name != "cache") == ["list.jsonl", "prices.json"]
        assert fake.uploads == 0 and fake.creates == 0 and fake.chat_calls == 0
        r = batch(e, lst, "--batch-api", "--max-cost", "0.0001")
        assert r.returncode == 1 and "over --max-cost" in r.stderr and fake.uploads == 0


def test_export_then_import_a_vllm_style_result_file(env: dict[str, str], tmp_path: Path) -> None:
    lst = make_list(tmp_path, 4)
    requests = tmp_path / "requests.jsonl"
    r = batch(env, lst, "--export-requests", str(requests), "--from", "abstract")
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in requests.read_text().splitlines()]
    assert len(lines) == 4 and all(x["url"] == "/v1/chat/completions" for x in lines)
    results = tmp_path / "results.jsonl"
    out = []
    for i, req in enumerate(lines[:3]):  # vLLM's run_batch output: id, custom_id, response{status_code, body}
        content = "{broken" if i == 2 else json.dumps(answer())
        out.append(json.dumps({"id": f"vllm-{i}", "custom_id": req["custom_id"], "error": None,
                               "response": {"status_code": 200, "request_id": f"r{i}",
                                            "body": completion(content)}}))  # fmt: skip
    out += ["not a result line", json.dumps({"custom_id": "someone-else", "response": {"status_code": 200}})]
    out.append(out[0])  # the same id answered twice
    results.write_text("\n".join(out) + "\n")
    r = batch(env, lst, "--import-results", str(results), "--from", "abstract", "-m", "fake-model", "--json")
    summary = json.loads(r.stdout)
    assert r.returncode == 1  # one answer was unusable
    assert summary == {"imported": 2, "failed": 1, "not_in_file": 1, "malformed_lines": 1, "unknown_ids": 1,
                       "answered_twice": 1}  # fmt: skip
    recs = records(tmp_path)
    assert sorted(x["status"] for x in recs) == ["error", "ok", "ok"] and {x["via"] for x in recs} == {"import"}


def test_imported_answers_carry_the_model_that_made_them(env: dict[str, str], tmp_path: Path) -> None:
    lst = make_list(tmp_path, 2)
    requests = tmp_path / "requests.jsonl"
    assert batch(env, lst, "--export-requests", str(requests), "--from", "abstract").returncode == 0
    results = tmp_path / "results.jsonl"
    lines = []
    for i, line in enumerate(requests.read_text().splitlines()):
        body = completion(json.dumps(answer())) | {"model": "gpt-4o-mini-2024-07-18"}  # what OpenAI's Batch API says
        lines.append(json.dumps({"id": f"b{i}", "custom_id": json.loads(line)["custom_id"],
                                 "response": {"status_code": 200, "body": body}}))  # fmt: skip
    results.write_text("\n".join(lines) + "\n")
    r = batch(env, lst, "--import-results", str(results), "--from", "abstract", "-m", "gpt-4o")
    assert r.returncode == 2 and not (tmp_path / "list.jsonl.rltaxo.jsonl").exists(), r.stderr
    assert "2 answer(s) there were made by gpt-4o-mini-2024-07-18, not gpt-4o" in r.stderr
    assert "-m gpt-4o-mini-2024-07-18" in r.stderr
    r = batch(env, lst, "--import-results", str(results), "--from", "abstract")  # -m gpt-4o-mini: its snapshot
    assert r.returncode == 0, r.stderr
    assert {x["result"]["model"] for x in records(tmp_path)} == {"gpt-4o-mini-2024-07-18"}
    r = batch(env, lst, "--from", "abstract", "--dry-run", "--json")  # the snapshot's labels are this run's
    assert r.returncode == 0 and json.loads(r.stdout)["labeled"] == 2, r.stderr


def test_importing_a_file_that_answers_nothing_of_the_list_exits_2(env: dict[str, str], tmp_path: Path) -> None:
    lst = make_list(tmp_path, 2)
    junk = tmp_path / "junk.jsonl"
    junk.write_text("not a result\n" + json.dumps({"custom_id": "other-list", "response": {"status_code": 200}}) + "\n")
    r = batch(env, lst, "--import-results", str(junk), "--from", "abstract")
    assert r.returncode == 2 and "no result in it answers an item of this list" in r.stderr
    assert "1 malformed line(s), 1 unknown id(s)" in r.stderr


def test_request_files_split_at_the_limits(tmp_path: Path) -> None:
    lines = [{"custom_id": f"k{i}", "method": "POST", "url": "/v1/chat/completions", "body": {"x": "y" * 100}}
             for i in range(10)]  # fmt: skip
    files = write_request_files(lines, tmp_path, "job", max_requests=4)
    assert [len(ids) for _, ids in files] == [4, 4, 2]
    files = write_request_files(lines, tmp_path, "small", max_bytes=400)
    assert all(p.stat().st_size <= 400 for p, _ in files) and sum(len(ids) for _, ids in files) == 10


def test_prompt_tokens_are_estimated_without_a_tokenizer() -> None:
    body = {"messages": [{"role": "system", "content": "a" * 400}, {"role": "user", "content": "b" * 800}]}
    assert estimate_prompt_tokens(body) == pytest.approx(300, rel=0.05)


@pytest.mark.slow
def test_ctrl_c_mid_request_ends_at_once_says_how_to_resume_and_the_rerun_collects(
    env: dict[str, str], tmp_path: Path
) -> None:
    """Ctrl-C while the client waits on the server (a status request the fake never answers): exit 130 at
    once with one line on how to resume; the re-run finds the batch it submitted and collects it."""
    import time

    lst = make_list(tmp_path)
    with FakeBatchAPI(steps=1) as fake:
        e = api_env(env, fake)
        fake.hold = {"GET batches/*"}
        proc = subprocess.Popen([sys.executable, "-m", "classifier", "batch", str(lst), "--backend", "openai",
                                 "--batch-api", "--wait"], env=e, cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)  # fmt: skip
        try:
            assert fake.held.wait(60), "the client never asked for the batch's status"
            t0 = time.monotonic()
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=30)
            took = time.monotonic() - t0
        finally:
            fake.release()
        assert proc.returncode == 130 and took < 5, (proc.returncode, took, err)
        assert "re-run the same command to resume" in err and "Traceback" not in err
        r = batch(e, lst, "--batch-api", "--wait")
        assert r.returncode == 0, r.stderr
        assert fake.uploads == 1 and fake.creates == 1
    assert len(records(tmp_path)) == 6


def test_the_shipped_price_table_prices_common_models_with_its_date(env: dict[str, str], tmp_path: Path) -> None:
    lst = make_list(tmp_path)
    with FakeBatchAPI() as fake:
        e = api_env(env, fake) | {"RLTAXO_MODEL": "gpt-4o-mini-2024-07-18"}  # a dated snapshot: its model's rate
        r = batch(e, lst, "--batch-api", "--dry-run")
        assert r.returncode == 0, r.stderr
        assert "unknown" not in r.stdout and "prices: rltaxo's table of 20" in r.stdout, r.stdout
        plan = json.loads(batch(e, lst, "--dry-run", "--json").stdout)
        assert plan["cost_usd"] > 0 and plan["batch_cost_usd"] == pytest.approx(plan["cost_usd"] / 2)
        mine = tmp_path / "mine.json"  # a file of one's own overrides the row and says so
        mine.write_text(json.dumps({"$as_of": "2099-01", "gpt-4o-mini": {"input": 0.0, "output": 0.0}}))
        plan = json.loads(batch(e | {"RLTAXO_PRICES": str(mine)}, lst, "--dry-run", "--json").stdout)
        assert plan["cost_usd"] == 0 and plan["batch_cost_usd"] is None
        assert plan["prices"].startswith("mine.json of 2099-01 over rltaxo's table of 20")
        assert fake.uploads == 0 and fake.chat_calls == 0


def test_the_shipped_price_table_is_whole() -> None:
    from classifier.costs import KEYS, bundled_prices

    table = bundled_prices()
    assert re.fullmatch(r"rltaxo's table of \d{4}-\d{2}", table.label)
    assert {"gpt-4o-mini", "gpt-4.1-mini", "gpt-5-mini"} <= set(table.rates)
    for model, rates in table.rates.items():
        assert set(rates) == set(KEYS), model
        assert rates["batch_input"] == pytest.approx(rates["input"] / 2), model
