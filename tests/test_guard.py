"""Where rltaxo may write: every command that writes refuses inputs, results, unrelated files and
devices (`classifier/guard.py`), and a run made by another tree or backend refuses the old output."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from classifier.errors import OutputError
from classifier.guard import claim, written_by_rltaxo

from .conftest import run_cli
from .trees import TOY

ABSTRACTS = [
    {"title": "Language Models Write Reward Programs", "abstract": "We prompt a language model to write reward "
     "code; reinforcement learning agents are trained with these rewards on robot locomotion tasks."},
    {"title": "A Small Study of Tokenizers", "abstract": "We compare byte-pair and unigram tokenizers for small "
     "language models trained with supervised learning."},
]  # fmt: skip
NOTES = "my notes: do not lose these\n"


def _list(tmp: Path, name: str = "list.jsonl") -> Path:
    lst = tmp / name
    lst.write_text("".join(json.dumps(a) + "\n" for a in ABSTRACTS))
    return lst


# --- the guard itself ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "ours"),
    [
        ("", True),
        ('{"item": "x", "status": "ok"}\n', True),
        ("item,source,bib_key,status,leaf\n", True),
        ("# rltaxo batch summary\n", True),
        ('<html><head><meta name="generator" content="rltaxo"></head>', True),
        ('{"arxiv_id": "2401.00001", "leaf": "out-of-scope"}\n', False),  # a gold file
        (NOTES, False),
        ("# My summary\n", False),
        ("{not json", False),
    ],
)
def test_what_counts_as_written_by_rltaxo(tmp_path: Path, text: str, ours: bool) -> None:
    f = tmp_path / "f"
    f.write_text(text)
    assert written_by_rltaxo(f) is ours


def test_claim_refuses_inputs_devices_and_folders(tmp_path: Path) -> None:
    lst = _list(tmp_path)
    with pytest.raises(OutputError, match="is the reading list itself"):
        claim(lst, keep=[(lst, "reading list")])
    with pytest.raises(OutputError, match="is a folder"):
        claim(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="not a regular file"):
        claim(fifo)
    claim(tmp_path / "new.jsonl")  # a file that does not exist yet is fine


# --- every command that writes × every target it must never overwrite --------------------------
def _results(tmp: Path, env: dict[str, str]) -> tuple[Path, Path]:
    lst = _list(tmp)
    out = tmp / "out.jsonl"
    r = run_cli("batch", str(lst), "-o", str(out), env=env)
    assert r.returncode == 0, r.stderr
    return lst, out


CASES = ["unrelated", "list-as-lock", "export-onto-list", "export-onto-results", "html-onto-results",
         "html-onto-corrections", "eval-onto-gold", "learn-onto-list"]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_writers_never_overwrite(case: str, env: dict[str, str], tmp_path: Path) -> None:
    if case == "unrelated":  # -o onto a gold file or notes
        lst = _list(tmp_path)
        victim = tmp_path / "gold.jsonl"
        victim.write_text('{"arxiv_id": "2401.00001", "leaf": "out-of-scope"}\n')
        args = ["batch", str(lst), "-o", str(victim)]
    elif case == "list-as-lock":  # the lock sidecar of -o q is q.lock: the list itself
        victim = _list(tmp_path, "q.lock")
        args = ["batch", str(victim), "-o", str(tmp_path / "q")]
    elif case.startswith("export"):
        lst, out = _results(tmp_path, env)
        victim = lst if case.endswith("list") else out
        args = ["batch", str(lst), "-o", str(out), "-b", "openai", "--export-requests", str(victim)]
    elif case.startswith("html"):
        _, out = _results(tmp_path, env)
        corrections = out.with_name("out.corrections.jsonl")
        corrections.write_text('{"item": "x", "decision": "confirmed"}\n')
        victim = out if case.endswith("results") else corrections
        args = ["review", str(out), "--html", str(victim)]
    elif case == "eval-onto-gold":
        victim = tmp_path / "predictions.jsonl"
        victim.write_text('{"key": "a", "arxiv_id": "2203.02155", "leaf": "rl4llm/fine-tuning/with-human-feedback"}\n')
        args = ["eval", "--gold", str(victim), "--out", str(tmp_path), "--from", "abstract"]
    else:
        pytest.importorskip("sklearn")
        victim = _list(tmp_path)
        args = ["learn", str(victim), "-o", str(victim)]
    before = victim.read_bytes()
    r = run_cli(*args, env=env)
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = [ln for ln in r.stderr.splitlines() if not ln.startswith("rltaxo: using the offline backend")]
    assert "Traceback" not in r.stderr and len(lines) == 1 and lines[0].startswith("rltaxo: error:"), r.stderr
    assert victim.read_bytes() == before


def test_derived_outputs_step_around_unrelated_files_and_fifos(env: dict[str, str], tmp_path: Path) -> None:
    lst = _list(tmp_path)
    notes = tmp_path / "out.md"
    notes.write_text(NOTES)
    os.mkfifo(tmp_path / "out.csv")
    r = run_cli("batch", str(lst), "-o", str(tmp_path / "out.jsonl"), "--csv", env=env, timeout=60)
    assert r.returncode == 0, r.stderr
    assert notes.read_text() == NOTES
    assert (tmp_path / "out.rltaxo.md").read_text().startswith("# rltaxo batch summary")
    assert (tmp_path / "out.rltaxo.csv").read_text().startswith("item,")


def test_ris_record_without_its_end_line_is_kept(env: dict[str, str], tmp_path: Path) -> None:
    ris = tmp_path / "lib.ris"
    ris.write_text("TY  - JOUR\nTI  - First Made Up Paper\nAB  - An abstract.\nER  - \n\n"
                   "TY  - JOUR\nTI  - Second Made Up Paper\nAB  - Another abstract.\n")  # fmt: skip
    r = run_cli("batch", str(ris), "-o", str(tmp_path / "o.jsonl"), "--json", env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["items"] == 2


def test_binary_ris_is_refused(env: dict[str, str], tmp_path: Path) -> None:
    ris = tmp_path / "lib.ris"
    ris.write_bytes(os.urandom(2000).replace(b"TY  -", b"xx"))
    r = run_cli("batch", str(ris), "-o", str(tmp_path / "o.jsonl"), env=env)
    assert r.returncode == 2 and "not a RIS file" in r.stderr


def test_another_tree_refuses_the_output_and_relabel_relabels(env: dict[str, str], tmp_path: Path) -> None:
    lst, out = _results(tmp_path, env)
    before = out.read_bytes()
    toy = tmp_path / "toy.json"
    toy.write_text(json.dumps(TOY))
    r = run_cli("batch", str(lst), "-o", str(out), "-t", str(toy), env=env)
    assert r.returncode == 2 and "made by offline" in r.stderr and "--relabel" in r.stderr, r.stderr
    assert out.read_bytes() == before
    r = run_cli("batch", str(lst), "-o", str(out), "-t", str(toy), "--relabel", "--json", env=env)
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["labeled_now"] == 2 and set(summary["leaves"]) <= {n["id"] for n in TOY["nodes"]}


def test_review_with_another_tree_than_the_results_says_so(toy_tree: Path, env: dict[str, str],
                                                            tmp_path: Path) -> None:  # fmt: skip
    _, out = _results(tmp_path, env)
    r = run_cli("review", str(out), "--html", str(tmp_path / "page.html"), "-t", str(toy_tree), env=env)
    assert r.returncode == 2 and "labelled with the tree The RL/LLM Taxonomy Tree" in r.stderr, r.stderr
    assert not (tmp_path / "page.html").exists()
    r = run_cli("review", str(out), "--html", str(tmp_path / "page.html"), env=env)
    assert r.returncode == 0, r.stderr


@pytest.fixture
def toy_tree(tmp_path: Path) -> Path:
    path = tmp_path / "toy.json"
    path.write_text(json.dumps(TOY))
    return path
