"""--batch-api at scale against the fake Files + Batches server (instant processing), on made-up metadata.

    python eval/bench/batch_api_bench.py [--sizes 1000,10000]

For each size: a reading list of N made-up titles + abstracts (JSON Lines, --from abstract: no PDF is
read). Run 1 builds the requests, uploads and creates the batch; run 2 (--wait) polls, downloads,
validates every answer and appends every record. Reports the wall time of each run and the peak memory
(max RSS) of each rltaxo process, and the ratio of the peaks between the largest and smallest size.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(seconds, peak RSS in MiB, exit code) of one rltaxo run."""
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "classifier", *args], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.stderr.write(proc.stderr.read().decode() if proc.stderr else "")
    return time.monotonic() - t0, usage.ru_maxrss / 1024, proc.returncode


def fake_server() -> tuple[subprocess.Popen[str], str]:
    """The fake API in its own process: a child's peak RSS starts from its parent's at fork, so the
    parent must stay small for the figures to be the rltaxo process's own."""
    proc = subprocess.Popen([sys.executable, str(ROOT / "tests" / "fake_batch.py")], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    return proc, proc.stdout.readline().strip()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    sizes = [int(x) for x in ap.parse_args().sizes.split(",")]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    peaks = {}
    for n in sizes:
        tmp = Path(tempfile.mkdtemp(prefix="rltaxo-batchapi-"))
        lst = tmp / "list.jsonl"
        with lst.open("w") as fh:
            for i in range(n):
                abstract = (f"We ask a large language model to write reward functions ({i}) for agents trained "
                            "with reinforcement learning on simulated robots.")  # fmt: skip
                fh.write(json.dumps({"title": f"Made-up study number {i} on reward code", "abstract": abstract}) + "\n")
        server, url = fake_server()
        try:
            env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "RLTAXO_"))}
            env |= {"OPENAI_BASE_URL": url, "OPENAI_API_KEY": "sk-bench", "RLTAXO_BATCH_POLL_S": "0.01",
                    "RLTAXO_FROM": "abstract", "RLTAXO_CACHE_DIR": str(tmp / "cache")}  # fmt: skip
            base = ["batch", str(lst), "--backend", "openai", "--batch-api"]
            s1, m1, c1 = run(base, env)
            s2, m2, c2 = run([*base, "--wait"], env)
        finally:
            server.kill()
        lines = sum(1 for _ in (tmp / "list.jsonl.rltaxo.jsonl").open())
        peaks[n] = max(m1, m2)
        print(f"{n:>6} items: build+submit {s1:6.1f} s (peak {m1:5.0f} MiB), collect+write {s2:6.1f} s "
              f"(peak {m2:5.0f} MiB); {lines} records; exit {c1}/{c2}")  # fmt: skip
    lo, hi = min(sizes), max(sizes)
    print(f"peak memory at {hi} / at {lo}: {peaks[hi] / peaks[lo]:.2f}x")


if __name__ == "__main__":
    main()
