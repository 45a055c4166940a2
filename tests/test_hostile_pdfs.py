"""Hostile, broken and huge PDFs: each ends in a result or a typed error within its bound."""

import json
import re
import signal
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from classifier import errors as E
from classifier.ingest import read_pdf, read_pdf_guarded
from classifier.settings import Limits

from .badpdfs import build
from .conftest import SAMPLE, corpus_pdfs, run_cli

BOUND_S = 20.0
LIMITS = Limits(timeout_s=BOUND_S)

EXPECTED: dict[str, type[Exception] | None] = {
    "random_bytes": E.NotAPdf,
    "html": E.NotAPdf,
    "zero_pages": E.CorruptPdf,
    "circular": E.CorruptPdf,
    "bomb": E.PdfMemoryLimit,
    "long_stream": E.PdfMemoryLimit,  # said as a stream too long, not as a loop
    "broken_xref": None,  # pypdf rebuilds the xref: a result
    "truncated_10": E.CorruptPdf,
    "truncated_50": E.CorruptPdf,
    "truncated_90": E.CorruptPdf,
    "encrypted_empty_password": None,  # must still be read
    "encrypted_password": E.EncryptedPdf,
    "image_only": E.NoTextPdf,
    "pages_2000": None,  # read, but only up to the page cap
}


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build(tmp_path_factory.mktemp("bad"))


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_bad_input_ends_as_expected_within_bound(name: str, bad: dict[str, Path]) -> None:
    expected = EXPECTED[name]
    t0 = time.monotonic()
    if expected is None:
        paper = read_pdf_guarded(bad[name], LIMITS)
        assert paper.pages_read <= LIMITS.max_pages and paper.text
        if name == "pages_2000":
            assert paper.pages_total == 2000 and paper.pages_read == LIMITS.max_pages
    else:
        with pytest.raises(expected) as info:
            read_pdf_guarded(bad[name], LIMITS)
        line = info.value.one_line()  # type: ignore[attr-defined]
        assert "\n" not in line and str(bad[name]) in line
        if name == "long_stream":
            assert re.search(r"holds a stream of 8\d MiB, over pypdf.s limit", line), line
    assert time.monotonic() - t0 < BOUND_S


def test_wall_clock_bound_stops_the_reader(bad: dict[str, Path]) -> None:
    t0 = time.monotonic()
    with pytest.raises(E.PdfTimeout, match=r"longer than 0\.05 s"):  # 2,000 pages take far longer
        read_pdf_guarded(bad["pages_2000"], Limits(timeout_s=0.05, max_pages=2000))
    assert time.monotonic() - t0 < 5


def test_memory_bound_stops_the_reader() -> None:
    with pytest.raises(E.PdfMemoryLimit):
        read_pdf_guarded(SAMPLE, Limits(memory_mb=40))


def test_page_cap(bad: dict[str, Path]) -> None:
    assert read_pdf_guarded(bad["pages_2000"], Limits(max_pages=5)).pages_read == 5


def test_batch_over_every_bad_input_accounts_for_each(
    bad: dict[str, Path], env: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "all"
    folder.mkdir()
    for name, path in bad.items():
        (folder / f"{name}.pdf").write_bytes(path.read_bytes())
    out = tmp_path / "out.jsonl"
    r = run_cli("batch", str(folder), "-o", str(out), "--workers", "4", "--pdf-timeout", str(BOUND_S), env=env)
    assert r.returncode == 1, r.stderr
    recs = [json.loads(x) for x in out.read_text().splitlines()]
    assert sorted(Path(x["source"]).stem for x in recs) == sorted(bad)  # every item accounted for, once
    ok = {Path(x["source"]).stem for x in recs if x["status"] == "ok"}
    assert ok == {n for n, exp in EXPECTED.items() if exp is None}, [(x["source"], x.get("error")) for x in recs]


# --- fuzzing ---------------------------------------------------------------------------------------
def _seeds() -> list[bytes]:
    pdfs = sorted(corpus_pdfs(), key=lambda p: p.stat().st_size)[:3] or [SAMPLE]
    return [p.read_bytes() for p in pdfs]


SEEDS = _seeds()


@st.composite
def mutated_pdf(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "truncate", "delete", "duplicate", "zero"]))
        pos = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[pos] ^= draw(st.integers(1, 255))
        elif kind == "truncate":
            del data[max(pos, 16) :]
        elif kind == "delete":
            del data[pos : pos + draw(st.integers(1, 4096))]
        elif kind == "duplicate":
            data[pos:pos] = data[pos : pos + draw(st.integers(1, 4096))]
        else:
            data[pos : pos + 64] = bytes(min(64, len(data) - pos))
        if len(data) < 32:
            break
    return bytes(data)


class _Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Hang()


@pytest.mark.slow
@seed(20261128)
@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=mutated_pdf())
def test_fuzz_mutated_real_pdfs_never_crash_or_hang(data: bytes, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "m.pdf"
    path.write_bytes(data)
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(30)
    try:
        read_pdf(path, Limits(max_pages=4))  # in-process, so any stray exception type surfaces here
    except E.RltaxoError as exc:
        assert "\n" not in exc.one_line()
    except _Hang:
        pytest.fail("reading a mutated PDF took over 30 s")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _sleeper(with_guard: bool, parent: int) -> None:
    """A stand-in for a reader stuck in a PDF: forked the way readers are, then busy for a minute."""
    import time

    from classifier import ingest

    if with_guard:
        ingest._die_with_parent(parent)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # busy, as pypdf would be
        sum(range(10_000))


_PARENT = """
import os, sys, time
sys.path.insert(0, {root!r})
from classifier import ingest
from tests.test_hostile_pdfs import _sleeper
p = ingest._context().Process(target=_sleeper, args=({guard}, os.getpid()), daemon=True)
p.start()
print(p.pid, flush=True)
time.sleep(60)
"""


def _state(pid: int) -> str:
    """The process state letter from /proc, or "gone"."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "gone"


@pytest.mark.slow
@pytest.mark.parametrize("guard", [True, False])
def test_a_reader_dies_with_a_killed_rltaxo(guard: bool) -> None:
    """A reader watches rltaxo (``_child`` calls ``_die_with_parent``) and exits when it is SIGKILLed;
    without the watch (the control case) it would live on under the forkserver, which outlives rltaxo."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from .conftest import ROOT

    parent = subprocess.Popen(
        [sys.executable, "-c", _PARENT.format(root=str(ROOT), guard=guard)], stdout=subprocess.PIPE, text=True
    )
    assert parent.stdout is not None
    reader = int(parent.stdout.readline())
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _state(reader) not in ("gone", "Z"):
        time.sleep(0.1)
    alive = _state(reader) not in ("gone", "Z")
    if not guard:
        os.kill(reader, signal.SIGKILL)
    assert alive is (not guard)
