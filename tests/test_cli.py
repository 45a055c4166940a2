import json
import re
from pathlib import Path

import pytest

from .conftest import SAMPLE, corpus_pdfs, needs_corpus, run_cli
from .pdfs import encrypted_pdf, image_only_pdf, text_pdf


def test_help_and_tree(env: dict[str, str]) -> None:
    r = run_cli("--help", env=env)
    assert r.returncode == 0 and "classify" in r.stdout and "inspect" in r.stdout
    r = run_cli("tree", env=env)
    assert r.returncode == 0
    assert "rl+llm/with-language-feedback" in r.stdout and "Out of scope" in r.stdout
    nodes = json.loads(run_cli("tree", "--json", env=env).stdout)["nodes"]
    assert sum(n["leaf"] for n in nodes) == 9


def test_version_works_on_its_own(env: dict[str, str]) -> None:
    r = run_cli("--version", env=env)
    assert r.returncode == 0 and r.stdout.startswith("rltaxo ")


@pytest.mark.parametrize("width", ["60", "100", "200"])
def test_help_reads_well_at_any_width(env: dict[str, str], width: str) -> None:
    """Flags are shown as flags, "[default: x]" / "[env var: X]" survive (Rich took them for markup and
    dropped them), and a help paragraph is wrapped by the terminal, not at the source file's breaks."""
    for cmd in (["--help"], ["batch", "--help"], ["learn", "--help"], ["review", "--help"]):
        r = run_cli(*cmd, env={**env, "COLUMNS": width})
        assert r.returncode == 0, r.stderr
        assert "<bool>" not in r.stdout, cmd
        assert not re.search(r" \.(\s|$)", r.stdout, re.M), cmd  # what a dropped "[env RLTAXO_X]" left behind
    text = " ".join(run_cli("batch", "--help", env={**env, "COLUMNS": "200"}).stdout.split())
    assert "[env var: RLTAXO_TAXONOMY]" in text and "[default: <LIST>.rltaxo.jsonl]" in text
    top = run_cli("--help", env={**env, "COLUMNS": "200"}).stdout
    ev = run_cli("eval", "--help", env={**env, "COLUMNS": "200"}).stdout
    assert "Usage: rltaxo eval [OPTIONS] [compare RUN_A RUN_B]" in ev  # one command, its one subcommand named
    learn = next(line for line in top.splitlines() if "learn " in line)
    assert "review threshold are printed" in learn  # one paragraph, one line at this width


def test_classify_sample_human_output(env: dict[str, str]) -> None:
    r = run_cli("classify", str(SAMPLE), env=env)
    assert r.returncode == 0, r.stderr
    assert "LLM4RL › Reward" in r.stdout and "confidence" in r.stdout and "“" in r.stdout
    assert "using the offline backend" in r.stderr  # says which backend it picked, on stderr


def test_classify_json_lines(env: dict[str, str]) -> None:
    r = run_cli("classify", str(SAMPLE), str(SAMPLE), "--json", env=env)
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert r.returncode == 0 and len(lines) == 2
    for rec in lines:
        assert rec["leaf"] == "llm4rl/reward" and rec["top_class"] == "llm4rl"
        assert rec["backend"] == "offline" and len(rec["pdf_sha256"]) == 64 and rec["evidence"]


@pytest.mark.slow
@needs_corpus
def test_classify_whole_corpus_json(env: dict[str, str]) -> None:
    pdfs = corpus_pdfs()
    r = run_cli("classify", *map(str, pdfs), "--json", env=env)
    assert r.returncode == 0, r.stderr
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(recs) == len(pdfs)
    from classifier import taxonomy
    from classifier.evidence import QuoteChecker
    from classifier.ingest import read_pdf

    labels = set(taxonomy.load().labels)
    for pdf, rec in zip(pdfs, recs):
        assert rec["leaf"] in labels
        checker = QuoteChecker(read_pdf(pdf).text)
        assert rec["evidence"] and all(q in checker for q in rec["evidence"]), rec["source"]


@needs_corpus
def test_inspect_json(env: dict[str, str]) -> None:
    pdf = corpus_pdfs()[0]
    r = run_cli("inspect", str(pdf), "--json", env=env)
    obj = json.loads(r.stdout)
    for key in ("title", "abstract", "sections", "excerpt", "pages_read", "pages_total", "excerpt_tokens"):
        assert key in obj
    assert obj["pages_read"] <= obj["pages_total"]


def _bad_inputs(tmp: Path) -> dict[str, Path | str]:
    (tmp / "empty.pdf").write_bytes(b"")
    (tmp / "notes.pdf").write_text("just some text, not a pdf\n" * 20)
    whole = text_pdf(tmp / "whole.pdf").read_bytes()
    (tmp / "trunc.pdf").write_bytes(whole[: len(whole) // 3])
    return {
        "missing": tmp / "missing.pdf",
        "not_pdf": tmp / "notes.pdf",
        "empty": tmp / "empty.pdf",
        "truncated": tmp / "trunc.pdf",
        "encrypted": encrypted_pdf(tmp / "whole.pdf", tmp / "enc.pdf", user_password="pw"),
        "image_only": image_only_pdf(tmp / "scan.pdf"),
        "unknown_id": "2399.99999",
    }


@pytest.mark.parametrize("kind", ["missing", "not_pdf", "empty", "truncated", "encrypted", "image_only", "unknown_id"])
def test_bad_input_one_line_error(kind: str, env: dict[str, str], tmp_path: Path) -> None:
    src = _bad_inputs(tmp_path)[kind]
    r = run_cli("classify", str(src), env=env)
    assert r.returncode == 1
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("rltaxo: error:")]
    assert len(errors) == 1, r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_some_failed_exit_code_and_json_error_record(env: dict[str, str], tmp_path: Path) -> None:
    r = run_cli("classify", str(SAMPLE), str(tmp_path / "nope.pdf"), "--json", env=env)
    assert r.returncode == 1
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert recs[0]["leaf"] and recs[1]["error"]["code"] == "not_found" and recs[1]["status"] == "error"


def test_usage_errors_exit_2(env: dict[str, str]) -> None:
    assert run_cli("classify", env=env).returncode == 2
    r = run_cli("classify", str(SAMPLE), "--backend", "nonsense", env=env)
    assert r.returncode == 2 and "unknown backend" in r.stderr
    r = run_cli("classify", str(SAMPLE), "--backend", "openai", env=env)
    assert r.returncode == 2 and "OPENAI_API_KEY" in r.stderr


def test_debug_shows_traceback(env: dict[str, str], tmp_path: Path) -> None:
    r = run_cli("--debug", "classify", str(tmp_path / "nope.pdf"), env=env)
    assert r.returncode != 0 and "Traceback" in r.stderr


@pytest.mark.parametrize("arg", ["--help", "tree"])
def test_startup_does_not_import_heavy_sdks(arg: str, env: dict[str, str]) -> None:
    import subprocess
    import sys

    code = (
        f"import sys, atexit; sys.argv = ['rltaxo', {arg!r}]; "
        "atexit.register(lambda: print('HEAVY', sorted(m for m in ('openai', 'pypdf') if m in sys.modules))); "
        "from classifier.cli import main; main()"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert "HEAVY []" in r.stdout, r.stdout[-500:]


def test_a_bug_in_one_papers_path_is_one_line_and_exit_1(env: dict[str, str], tmp_path: Path) -> None:
    import json as _json

    script = tmp_path / "s.json"
    script.write_text(_json.dumps([{"leaf": 5}]))  # not a Verdict: a pydantic error, not an rltaxo one
    env["RLTAXO_SCRIPT"] = str(script)
    r = run_cli("classify", str(SAMPLE), "-b", "scripted", "--json", env=env)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "internal error: ValidationError" in r.stderr
    rec = _json.loads(r.stdout)
    assert rec["status"] == "error" and rec["error"]["code"] == "internal"
    r = run_cli("--debug", "classify", str(SAMPLE), "-b", "scripted", env=env)
    assert r.returncode == 1 and "Traceback" in r.stderr
