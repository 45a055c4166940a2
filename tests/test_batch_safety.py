"""Output safety of `rltaxo batch`: derived outputs never overwrite results or inputs, one run at a time
per results file, and a full disk never leaves a torn record."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

from classifier import batch
from classifier.batch import Appender, OutputLock
from classifier.records import BatchRecord, RecordError

from .conftest import ROOT, run_cli
from .pdfs import text_pdf


def _list_of_pdfs(tmp: Path, n: int) -> Path:
    pdfs = [text_pdf(tmp / f"p{i}.pdf", title=f"A Made Up Paper Number {i}") for i in range(n)]
    lst = tmp / "reading-list.txt"
    lst.write_text("\n".join(map(str, pdfs)) + "\n")
    return lst


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_summary_never_overwrites_results_named_md_or_csv(env: dict[str, str], tmp_path: Path) -> None:
    lst = _list_of_pdfs(tmp_path, 2)
    for name, extra in (("labels.md", []), ("lab.csv", ["--csv"])):
        out = tmp_path / name
        r = run_cli("batch", str(lst), "-o", str(out), "--backend", "offline", *extra, env=env)
        assert r.returncode == 0, r.stderr
        assert len(_jsonl(out)) == 2  # still the results, not a summary
        again = run_cli("batch", str(lst), "-o", str(out), "--backend", "offline", "--json", *extra, env=env)
        summary = json.loads(again.stdout)
        assert summary["done_before"] == 2 and summary["labeled_now"] == 0  # nothing redone
    assert (tmp_path / "labels.md.md").read_text().startswith("# rltaxo batch summary")
    assert (tmp_path / "lab.csv.csv").read_text().startswith("item,")


def test_bibtex_output_never_rewrites_the_input(env: dict[str, str], tmp_path: Path) -> None:
    text_pdf(tmp_path / "paper.pdf", title="A Made Up Paper")
    bib = tmp_path / "library.bib"
    bib.write_text("@article{key1,\n  title = {A Made Up Paper},\n  file = {PDF:paper.pdf:application/pdf},\n}\n")
    before = bib.read_bytes()
    r = run_cli("batch", str(bib), "--format", "bibtex", "-o", str(tmp_path / "library.jsonl"), env=env)
    assert r.returncode == 0, r.stderr
    assert bib.read_bytes() == before
    assert "rltaxo:" in (tmp_path / "library.rltaxo.bib").read_text()


def test_results_file_cannot_be_the_list(env: dict[str, str], tmp_path: Path) -> None:
    lst = _list_of_pdfs(tmp_path, 1)
    before = lst.read_bytes()
    r = run_cli("batch", str(lst), "-o", str(lst), env=env)
    assert r.returncode == 2 and "is the reading list itself" in r.stderr and "Traceback" not in r.stderr
    assert lst.read_bytes() == before


def test_second_run_on_the_same_output_is_refused(env: dict[str, str], tmp_path: Path) -> None:
    lst = _list_of_pdfs(tmp_path, 1)
    out = tmp_path / "out.jsonl"
    with OutputLock(out):  # a real flock, as a first run holds it
        r = run_cli("batch", str(lst), "-o", str(out), env=env)
    assert r.returncode == 2, r.stderr
    assert "another rltaxo run is writing it (pid" in r.stderr
    assert not out.exists() or out.read_text() == ""  # nothing labeled, nothing paid for twice
    r = run_cli("batch", str(lst), "-o", str(out), env=env)  # released: the next run goes ahead
    assert r.returncode == 0 and len(_jsonl(out)) == 1


def test_full_disk_mid_batch_keeps_whole_records_and_resumes(env: dict[str, str], tmp_path: Path) -> None:
    lst = _list_of_pdfs(tmp_path, 4)
    out = tmp_path / "out.jsonl"
    probe = tmp_path / "probe.jsonl"
    assert run_cli("batch", str(lst), "-o", str(probe), "--workers", "1", "--no-cache", env=env).returncode == 0
    one_record = max(len(line) + 1 for line in probe.read_text().splitlines())
    limit = int(one_record * 2.5)  # room for two records and part of a third: a short write, then EFBIG

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    cmd = [sys.executable, "-m", "classifier", "batch", str(lst), "-o", str(out), "--workers", "1", "--no-cache"]
    r = subprocess.run(
        cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, preexec_fn=small_disk,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert r.returncode == 2, r.stderr
    assert "writing a record failed" in r.stderr and "Traceback" not in r.stderr
    data = out.read_bytes()
    assert data.endswith(b"\n") and len(data) <= limit
    kept = _jsonl(out)
    assert len(kept) == 2
    r = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert r.returncode == 0, r.stderr
    assert sorted(x["item"] for x in _jsonl(out)) == sorted(x["item"] for x in _jsonl(probe))


def test_results_are_fsynced_in_groups_and_on_close(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An fsync per line held the offline backend to the disk's pace; a group per SYNC_EVERY seconds
    and one on close keep the same durability for everything but the last fraction of a second."""
    synced: list[int] = []
    real = batch.os.fsync
    monkeypatch.setattr(batch.os, "fsync", lambda fd: (synced.append(fd), real(fd))[1])
    out = tmp_path / "out.jsonl"
    appender = Appender(out)
    for i in range(200):
        appender.write(BatchRecord(item=f"i{i}", source=f"s{i}", status="error", error=RecordError(message="x")))
    during = len(synced)
    appender.close()
    assert len(out.read_text().splitlines()) == 200
    assert during < 20  # not one per line
    assert len(synced) == during + 1  # the tail is made durable on close
