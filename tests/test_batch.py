import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from classifier.readinglist import dedupe, read_list

from .arxiv_server import ArxivServer
from .conftest import ROOT, SAMPLE, corpus_pdf, needs_corpus, run_cli
from .fake_openai import FakeOpenAI
from .pdfs import text_pdf


def records(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text().splitlines()]


@needs_corpus
def test_mixed_list_one_record_per_distinct_item(env: dict[str, str], tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n" + os.urandom(3000))
    copy = tmp_path / "same-content.pdf"
    copy.write_bytes(SAMPLE.read_bytes())
    with ArxivServer({"2310.12931": corpus_pdf("2310.12931")}) as arxiv:
        lst = tmp_path / "list.txt"
        lst.write_text(
            "\n".join(
                [
                    "# a reading list",
                    str(corpus_pdf("2203.02155")),
                    str(corpus_pdf("1312.5602")),
                    "2310.12931",
                    "https://arxiv.org/abs/2310.12931v1",  # the same paper twice, written two ways
                    str(SAMPLE),
                    str(copy),  # the same PDF content under two names
                    str(corrupt),
                    str(tmp_path / "missing.pdf"),
                    "2399.99999",
                    "",
                ]
            )
        )
        env = {**env, "RLTAXO_ARXIV_URL": arxiv.url}
        r = run_cli("batch", str(lst), "--workers", "3", "--csv", "--from", "pdf", env=env)
        assert arxiv.hits.count("2310.12931") == 1  # downloaded once
    assert r.returncode == 1, r.stderr  # some failed
    recs = records(tmp_path / "list.txt.rltaxo.jsonl")
    assert len(recs) == 7 and len({x["item"] for x in recs}) == 7
    by_source = {x["source"]: x for x in recs}
    assert by_source["2310.12931"]["result"]["leaf"] == "llm4rl/reward"
    assert by_source["2310.12931"]["duplicates"] == ["https://arxiv.org/abs/2310.12931v1"]
    assert by_source[str(SAMPLE)]["duplicates"] == [str(copy)]
    assert by_source[str(corrupt)]["error"]["code"] in ("corrupt_pdf", "no_text")
    assert by_source["2399.99999"]["error"]["code"] == "unknown_arxiv_id"
    assert by_source[str(tmp_path / "missing.pdf")]["status"] == "error"
    assert all(x["status"] == "ok" for x in recs if x["source"] in (str(corpus_pdf("2203.02155")), str(SAMPLE)))
    assert (tmp_path / "list.txt.rltaxo.csv").read_text().count("\n") == 8
    assert "## Failures" in (tmp_path / "list.txt.rltaxo.md").read_text()

    # a re-run skips everything done; --retry-failed retries only the failures, still one record each
    r2 = run_cli("batch", str(lst), "--json", env=env)
    assert json.loads(r2.stdout)["done_before"] == 7 and json.loads(r2.stdout)["labeled_now"] == 0
    r3 = run_cli("batch", str(lst), "--json", "--retry-failed", env=env)
    assert json.loads(r3.stdout)["done_before"] == 4 and json.loads(r3.stdout)["failed_now"] == 3
    assert len(records(tmp_path / "list.txt.rltaxo.jsonl")) == 7


def test_all_ok_exit_0_and_malformed_list_exit_2(env: dict[str, str], tmp_path: Path) -> None:
    lst = tmp_path / "l.txt"
    lst.write_text(f"{SAMPLE}\n")
    assert run_cli("batch", str(lst), env=env).returncode == 0
    bad = tmp_path / "l.csv"
    bad.write_text("name,year\nfoo,2020\n")
    r = run_cli("batch", str(bad), env=env)
    assert r.returncode == 2 and "--column" in r.stderr and "Traceback" not in r.stderr
    assert run_cli("batch", str(tmp_path / "nope.txt"), env=env).returncode == 2


def test_csv_and_directory_lists(tmp_path: Path) -> None:
    (tmp_path / "papers").mkdir()
    text_pdf(tmp_path / "papers" / "a.pdf", title="Alpha")
    text_pdf(tmp_path / "papers" / "b.pdf", title="Beta")
    assert [i.raw for i in read_list(tmp_path / "papers")] == [str(tmp_path / "papers" / n) for n in ("a.pdf", "b.pdf")]
    (tmp_path / "l.csv").write_text("title,arXiv\nEureka,2310.12931\nSame,arXiv:2310.12931\nBad,zzz\n")
    items = dedupe(read_list(tmp_path / "l.csv"))
    assert [i.key for i in items] == ["arxiv:2310.12931", "bad:zzz"] and items[0].duplicates == ["arXiv:2310.12931"]


ZOTERO_BIB = r"""
@article{ouyang_training_2022,
	title = {Training language models to follow instructions with human feedback},
	url = {http://arxiv.org/abs/2203.02155},
	doi = {10.48550/arXiv.2203.02155},
	urldate = {2024-01-10},
	publisher = {arXiv},
	author = {Ouyang, Long and Wu, Jeff and Jiang, Xu},
	month = mar,
	year = {2022},
	note = {arXiv:2203.02155 [cs]},
	keywords = {Computer Science - Computation and Language, Computer Science - Machine Learning},
	file = {arXiv Fulltext PDF:SAMPLE_DIR/sample-paper.pdf:application/pdf},
}

@misc{ma_eureka_2023,
	title = {Eureka: Human-Level Reward Design via Coding Large Language Models},
	shorttitle = {Eureka},
	url = {http://arxiv.org/abs/2310.12931},
	doi = {10.48550/arXiv.2310.12931},
	publisher = {arXiv},
	author = {Ma, Yecheng Jason and Liang, William},
	year = {2023},
	eprint = {2310.12931},
	archivePrefix = {arXiv},
	primaryClass = {cs.RO},
}

@inproceedings{local_pdf_only,
	title = {A Local Sample},
	author = {Author, A.},
	year = {2024},
	file = {Full Text:SAMPLE_DIR/sample-paper.pdf:application/pdf},
}

@book{no_source_at_all,
	title = {Reinforcement Learning: An Introduction},
	author = {Sutton, Richard S. and Barto, Andrew G.},
	year = {2018},
}
"""


@needs_corpus
def test_zotero_bibtex_round_trips_with_labels_as_keywords(env: dict[str, str], tmp_path: Path) -> None:
    bib = tmp_path / "library.bib"
    bib.write_text(ZOTERO_BIB.replace("SAMPLE_DIR", str(SAMPLE.parent)))
    with ArxivServer({"2203.02155": corpus_pdf("2203.02155"), "2310.12931": corpus_pdf("2310.12931")}) as arxiv:
        r = run_cli(
            "batch", str(bib), "--format", "bibtex", "--from", "pdf", env={**env, "RLTAXO_ARXIV_URL": arxiv.url}
        )
    assert r.returncode == 1  # the book has no source: one failure, reported
    import bibtexparser

    out = bibtexparser.parse_file(str(tmp_path / "library.bib.rltaxo.bib"))
    kw = {e.key: e.fields_dict["keywords"].value if "keywords" in e.fields_dict else "" for e in out.entries}
    assert [e.key for e in out.entries] == [
        "ouyang_training_2022",
        "ma_eureka_2023",
        "local_pdf_only",
        "no_source_at_all",
    ]
    assert kw["ouyang_training_2022"].startswith("Computer Science - Computation and Language")
    assert kw["ouyang_training_2022"].endswith("rltaxo:rl4llm/fine-tuning/with-human-feedback")
    assert kw["ma_eureka_2023"] == "rltaxo:llm4rl/reward"
    assert kw["local_pdf_only"] == "rltaxo:llm4rl/reward"
    assert kw["no_source_at_all"] == ""
    assert out.entries[1].fields_dict["primaryClass"].value == "cs.RO"  # everything else kept


def _slow_batch(
    tmp: Path, env: dict[str, str], fake: FakeOpenAI, n: int, workers: int, stderr: bool = False
) -> tuple[list[str], dict[str, str], subprocess.Popen[str], list[Path], Path]:
    """Start a batch of ``n`` distinct papers against ``fake``: (cmd, env, process, pdfs, out)."""
    pdfs = [text_pdf(tmp / f"p{i}.pdf", title=f"Distinct Paper Number {i}") for i in range(n)]
    lst = tmp / "list.txt"
    lst.write_text("\n".join(map(str, pdfs)) + "\n")
    out = tmp / "out.jsonl"
    e = {**env, "OPENAI_BASE_URL": fake.url, "OPENAI_API_KEY": "sk-x"}
    cmd = [sys.executable, "-m", "classifier", "batch", str(lst), "-o", str(out), "--workers", str(workers),
           "--structured-mode", "json_object"]  # fmt: skip
    pipe = subprocess.PIPE if stderr else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, env=e, cwd=ROOT, stdout=pipe, stderr=pipe, text=True)
    return cmd, e, proc, pdfs, out


def _wait_for_records(out: Path, n: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.read_text().count("\n") < n):
        time.sleep(0.05)


@pytest.mark.slow
def test_sigkill_then_resume_loses_nothing_and_redoes_nothing(env: dict[str, str], tmp_path: Path) -> None:
    with FakeOpenAI(latency=0.6) as fake:
        cmd, e, proc, pdfs, out = _slow_batch(tmp_path, env, fake, n=8, workers=2)
        _wait_for_records(out, 3)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        before = records(out)
        assert 3 <= len(before) < 8, "the kill should land part-way"
        done_titles = {r["result"]["title"] for r in before}
        n_before = fake.count
        r = subprocess.run(cmd, env=e, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        resent = [q["messages"][1]["content"] for q in fake.requests[n_before:]]
    after = records(out)
    assert sorted(x["source"] for x in after) == sorted(map(str, pdfs))  # every item exactly once
    for title in done_titles:
        assert not any(title in msg for msg in resent), f"{title} was sent again"


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_says_how_to_resume(env: dict[str, str], tmp_path: Path) -> None:
    with FakeOpenAI(latency=1.0) as fake:
        cmd, e, proc, pdfs, out = _slow_batch(tmp_path, env, fake, n=6, workers=1, stderr=True)
        _wait_for_records(out, 1)
        t0 = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 130 and time.monotonic() - t0 < 5
        assert "re-run the same command to resume" in err and "Traceback" not in err
        assert 1 <= len(records(out)) < 6
        r = subprocess.run(cmd, env=e, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and sorted(x["source"] for x in records(out)) == sorted(map(str, pdfs))


def test_ctrl_c_that_lands_in_a_finalizer_still_stops_the_batch(tmp_path: Path) -> None:
    """CPython cannot raise out of a finalizer or a GC callback: a KeyboardInterrupt raised there is printed
    as "Exception ignored" and lost, and a batch that relied on it ran to the end and exited 0. A signal
    that lands in such a place must still stop the batch."""
    import gc
    import threading

    from classifier.backends.scripted import ScriptedBackend
    from classifier.batch import run_batch
    from classifier.pipeline import Pipeline
    from classifier.settings import Settings

    class Slow(ScriptedBackend):
        def classify(self, paper, excerpt):  # type: ignore[no-untyped-def]
            time.sleep(0.15)
            return super().classify(paper, excerpt)

    lst = tmp_path / "list.jsonl"
    lst.write_text("".join(json.dumps({"title": f"Made-up paper {i}", "abstract": "We study things."}) + "\n"
                           for i in range(8)))  # fmt: skip
    out = tmp_path / "out.jsonl"
    pipe = Pipeline(Settings(cache_dir=tmp_path / "cache"), backend=Slow(script=[{"leaf": "out-of-scope"}]))
    fired = threading.Event()

    def ctrl_c_inside_gc(phase: str, info: dict[str, int]) -> None:
        first_record_written = out.exists() and out.stat().st_size > 0
        if fired.is_set() or threading.current_thread() is not threading.main_thread() or not first_record_written:
            return
        fired.set()
        os.kill(os.getpid(), signal.SIGINT)
        sum(i for i in range(10_000))  # Python code: the handler runs here, inside the callback

    threshold = gc.get_threshold()
    gc.callbacks.append(ctrl_c_inside_gc)
    gc.set_threshold(1)
    try:
        report = run_batch(pipe, read_list(lst), out, workers=1, show_progress=False)
    finally:
        gc.callbacks.remove(ctrl_c_inside_gc)
        gc.set_threshold(*threshold)
        pipe.close()
    assert fired.is_set(), "the test never delivered its Ctrl-C"
    assert report.interrupted and report.ok < 8


@pytest.mark.parametrize(
    ("answered", "asked", "same"),
    [("gpt-4o", "gpt-4o", True), ("gpt-4o-2024-08-06", "gpt-4o", True), ("gpt-4-0613", "gpt-4", True),
     ("gpt-4o-mini", "gpt-4o", False), ("gpt-4o-mini-2024-07-18", "gpt-4o", False), ("gpt-4o", "gpt-4o-mini", False)],
)  # fmt: skip
def test_a_dated_snapshot_is_its_model_and_no_other(answered: str, asked: str, same: bool) -> None:
    from classifier.result import same_model

    assert same_model(answered, asked) is same


def _made_up_list(tmp: Path, n: int) -> Path:
    topics = [
        "a language model fine-tuned with reinforcement learning from human preferences",
        "a robot whose rewards a language model writes",
        "a tokenizer trained with supervised learning",
    ]
    lst = tmp / "many.jsonl"
    lst.write_text("".join(json.dumps({"title": f"Made-up study {i}", "abstract": f"We study {topics[i % 3]}, "
                                       f"on {i % 7 + 2} made-up tasks."}) + "\n" for i in range(n)))  # fmt: skip
    return lst


def test_offline_work_on_long_abstract_lists_goes_to_processes_and_reads_the_same(tmp_path: Path) -> None:
    """The offline backend holds the GIL: past PROCESS_MIN_ITEMS titles + abstracts, forked processes do the
    work; the records are those threads give, every item once."""
    from classifier.batch import PROCESS_MIN_ITEMS, _process_pool, run_batch
    from classifier.pipeline import Pipeline
    from classifier.settings import Settings

    if (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1) < 2 or sys.platform != "linux":
        pytest.skip("processes are used on Linux with two cores or more; this machine has fewer")
    items = read_list(_made_up_list(tmp_path, PROCESS_MIN_ITEMS + 40))
    pipe = Pipeline(Settings(backend="offline", cache_dir=tmp_path / "cache"))
    try:
        pool = _process_pool(pipe, items, workers=2)
        assert pool is not None
        pool.shutdown()
        assert _process_pool(pipe, items[:10], workers=2) is None  # short lists: threads
        assert _process_pool(pipe, items, workers=1) is None
        runs = {}
        for workers in (1, 2):
            out = tmp_path / f"out{workers}.jsonl"
            report = run_batch(pipe, items, out, workers=workers, show_progress=False)
            assert report.ok == len(items)
            runs[workers] = {r["item"]: (r["result"]["leaf"], r["result"]["confidence"]) for r in records(out)}
    finally:
        pipe.close()
    assert len(runs[2]) == len(items) == len(records(tmp_path / "out2.jsonl"))
    assert runs[1] == runs[2]


def _cmdline(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


@pytest.mark.slow
def test_ctrl_c_stops_a_batch_in_processes_and_it_resumes(env: dict[str, str], tmp_path: Path) -> None:
    lst = _made_up_list(tmp_path, 5_000)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "classifier", "batch", str(lst), "-o", str(out), "-w", "2"]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for_records(out, 200)
    t0 = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and time.monotonic() - t0 < 5, err
    assert "re-run the same command to resume" in err and "Traceback" not in err
    time.sleep(0.5)  # the workers finish their chunk and go; none may stay behind
    left = [pid for pid in os.listdir("/proc") if pid.isdigit() and _cmdline(pid).count(str(lst))]
    assert not left, f"worker processes left behind: {left}"
    n = len(records(out))
    assert 200 <= n < 5_000
    r = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert sorted(x["item"] for x in records(out)) == sorted({x["item"] for x in records(out)})  # each once
    assert len(records(out)) == 5_000
    # a kill -9 of rltaxo leaves no worker behind either (they watch for their parent)
    out2 = tmp_path / "out2.jsonl"
    proc = subprocess.Popen([*cmd[:-3], str(out2), "-w", "2"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    _wait_for_records(out2, 200)
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 5
    while (left := [pid for pid in os.listdir("/proc") if pid.isdigit() and str(lst) in _cmdline(pid)]) and (
        time.monotonic() < deadline
    ):
        time.sleep(0.1)
    assert not left, f"worker processes outlived a killed rltaxo: {left}"


def test_the_default_output_of_a_list_in_a_read_only_folder_lands_here(env: dict[str, str], tmp_path: Path) -> None:
    shared, here = tmp_path / "shared", tmp_path / "here"
    shared.mkdir()
    here.mkdir()
    lst = shared / "list.jsonl"
    lst.write_text(json.dumps({"title": "A Made-Up Paper", "abstract": "We study tokenizers."}) + "\n")
    shared.chmod(0o555)  # shared, read-only data (root ignores the bits; rltaxo must not)
    try:
        r = run_cli("batch", str(lst), env=env, cwd=here)
    finally:
        shared.chmod(0o755)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in shared.iterdir()) == ["list.jsonl"]
    assert (here / "list.jsonl.rltaxo.jsonl").exists() and (here / "list.jsonl.rltaxo.md").exists()
