"""CLI behaviour under hostile input: terminal escapes, junk in results, ignored options, odd folders."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import SAMPLE, run_cli
from .pdfs import text_pdf


def test_terminal_escapes_from_a_pdf_title_are_not_printed(env: dict[str, str], tmp_path: Path) -> None:
    pdf = text_pdf(tmp_path / "evil.pdf", title="Robots \x1b[2J\x1b]0;pwned\x07Learn")
    for cmd in ("classify", "inspect"):
        r = run_cli(cmd, str(pdf), env=env)
        assert r.returncode == 0 and "\x1b" not in r.stdout and "\x07" not in r.stdout


def test_garbage_line_mid_file_is_removed_and_the_rest_kept(env: dict[str, str], tmp_path: Path) -> None:
    pdfs = [text_pdf(tmp_path / f"p{i}.pdf", title=f"A Made Up Paper {i}") for i in range(2)]
    lst = tmp_path / "l.txt"
    lst.write_text("\n".join(map(str, pdfs)) + "\n")
    out = tmp_path / "out.jsonl"
    assert run_cli("batch", str(lst), "-o", str(out), env=env).returncode == 0
    lines = out.read_text().splitlines()
    out.write_text(lines[0] + "\n{not json at all\n" + lines[1] + "\n")
    r = run_cli("batch", str(lst), "-o", str(out), "--json", env=env)
    assert json.loads(r.stdout)["done_before"] == 2
    assert [json.loads(x)["item"] for x in out.read_text().splitlines()] == [json.loads(x)["item"] for x in lines]


def test_ignored_options_are_said(env: dict[str, str], tmp_path: Path) -> None:
    r = run_cli("classify", str(SAMPLE), "--backend", "offline", "--votes", "5", env=env)
    assert r.returncode == 0 and "--votes do nothing with the offline backend" in r.stderr
    lst = tmp_path / "l.txt"
    lst.write_text(f"{SAMPLE}\n")
    r = run_cli("batch", str(lst), "--column", "x", env=env)
    assert r.returncode == 0 and "--column is for CSV lists" in r.stderr


def test_batch_of_the_current_folder(env: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    text_pdf(folder / "a.pdf", title="A Made Up Paper")
    r = run_cli("batch", ".", env=env, cwd=folder)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "papers.rltaxo.jsonl").exists()


def test_eval_compare_on_what_is_not_a_run(env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "notarun").mkdir()
    r = run_cli("eval", "compare", str(tmp_path / "notarun"), str(tmp_path / "notarun"), env=env)
    assert r.returncode == 2 and "not an eval run" in r.stderr
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "predictions.jsonl").write_text('{"key": "a"}\n{cut sho')
    r = run_cli("eval", "compare", str(bad), str(bad), env=env)
    assert r.returncode == 2 and "predictions.jsonl:2" in r.stderr and "Traceback" not in r.stderr


def test_batch_token_totals_count_this_run_only(env: dict[str, str], tmp_path: Path) -> None:
    from .fake_openai import FakeOpenAI

    pdfs = [text_pdf(tmp_path / f"p{i}.pdf", title=f"A Made Up Paper {i}") for i in range(3)]
    lst = tmp_path / "l.txt"
    out = tmp_path / "out.jsonl"
    with FakeOpenAI() as fake:
        e = {**env, "OPENAI_BASE_URL": fake.url, "OPENAI_API_KEY": "sk-x"}
        args = ("-o", str(out), "--json", "--structured-mode", "json_object")
        lst.write_text("\n".join(map(str, pdfs[:2])) + "\n")
        first = json.loads(run_cli("batch", str(lst), *args, env=e).stdout)
        lst.write_text("\n".join(map(str, pdfs)) + "\n")
        second = json.loads(run_cli("batch", str(lst), *args, env=e).stdout)
    assert first["usage"]["prompt_tokens"] == 200  # the fake server counts 100 prompt tokens per request
    assert second["usage"]["prompt_tokens"] == 100 and second["done_before"] == 2


def test_a_list_from_process_substitution(env: dict[str, str], tmp_path: Path) -> None:
    import subprocess
    import sys

    from .conftest import ROOT

    script = f'"{sys.executable}" -m classifier batch <(echo "{SAMPLE}")'
    r = subprocess.run(["bash", "-c", script], cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)},
                       capture_output=True, text=True, timeout=120)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "rltaxo.jsonl").exists() and "Traceback" not in r.stderr


def test_bad_settings_exit_2_naming_the_variable(env: dict[str, str], tmp_path: Path) -> None:
    cases = [
        ({"RLTAXO_TIMEOUT": "abc"}, (), "RLTAXO_TIMEOUT"),
        ({"RLTAXO_EXCERPT_TOKENS": "-5"}, (), "RLTAXO_EXCERPT_TOKENS"),
        ({"RLTAXO_DOWNLOAD_DELAY": "x"}, (), "RLTAXO_DOWNLOAD_DELAY"),
        ({"RLTAXO_FROM": "sideways"}, (), "RLTAXO_FROM"),
        ({}, ("--pdf-timeout", "inf"), "--pdf-timeout"),
        ({}, ("--pdf-timeout", "1e300"), "--pdf-timeout"),
        ({}, ("--pdf-memory-mb", "99999999999999"), "--pdf-memory-mb"),
    ]
    for extra_env, args, name in cases:
        r = run_cli("classify", str(SAMPLE), *args, env={**env, **extra_env})
        assert r.returncode == 2 and name in r.stderr and "Traceback" not in r.stderr, (name, r.stderr)
        assert len(r.stderr.strip().splitlines()) <= 2  # one line (plus the backend notice)


def test_eval_refuses_bad_inputs_before_classifying(env: dict[str, str], tmp_path: Path) -> None:
    gold = tmp_path / "g.csv"
    gold.write_text("arxiv_id,leaf\n2101.00001,llm4rl/reward\n", encoding="utf-16")
    r = run_cli("eval", "--backend", "offline", "--gold", str(gold), "--no-download", env=env)
    assert r.returncode == 2 and "UTF-8" in r.stderr
    gold.write_text("\ufeffarxiv_id,leaf\n2101.00001,llm4rl/reward\n", encoding="utf-8")  # Excel's BOM is fine
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = run_cli("eval", "--backend", "offline", "--gold", str(gold), "--no-download", "--out", str(blocker / "run"),
                env=env)  # fmt: skip
    assert r.returncode == 2 and "--out" in r.stderr
    (tmp_path / "empty").mkdir()
    r = run_cli("eval", "--backend", "offline", "--gold", str(gold), "--pdf-dir", str(tmp_path / "empty"), env=env)
    assert r.returncode == 2 and "holds no PDF" in r.stderr


def test_an_eval_that_could_score_nothing_says_so_and_exits_1(env: dict[str, str], tmp_path: Path) -> None:
    """Every study missing (no PDF, no abstract, no network): no accuracy is printed as if measured, and a
    script sees exit 1 with the reason; one study at hand is a partial run as before (exit 0)."""
    gold = tmp_path / "g.csv"
    gold.write_text("arxiv_id,leaf\n2101.00001,llm4rl/reward\n2101.00002,out-of-scope\n", encoding="utf-8")
    r = run_cli("eval", "--backend", "offline", "--gold", str(gold), "--no-download", "--out", str(tmp_path / "a"),
                env=env)  # fmt: skip
    assert r.returncode == 1, r.stderr
    errors = [line for line in r.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and "none of the 2 studies could be classified" in errors[0], r.stderr
    assert "leaf accuracy  –" in r.stdout and "0.0%" not in r.stdout
    assert "trained on" not in r.stdout  # no studies classified: none counted as seen in training
    abstracts = tmp_path / "abs.jsonl"
    abstracts.write_text('{"arxiv_id": "2101.00001", "title": "Made Up", "abstract": "An LLM writes the reward '
                         'function for a robot learning to walk with reinforcement learning."}\n')  # fmt: skip
    r = run_cli("eval", "--backend", "offline", "--gold", str(gold), "--no-download", "--abstracts", str(abstracts),
                "--out", str(tmp_path / "b"), env=env)  # fmt: skip
    assert r.returncode == 0 and "1 classified, 1 missing" in r.stdout, r.stderr
