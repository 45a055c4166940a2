"""How long Ctrl-C takes to end rltaxo while it waits on an LLM (a 429 with Retry-After: 60, or a slow server).

    python eval/bench/interrupt_bench.py [--runs 5]

For `classify` and for `batch`, starts the command against a fake OpenAI-compatible server on 127.0.0.1,
sends SIGINT once the first request arrived, and reports the median and worst seconds to exit (and the
exit codes seen).
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def one(cmd: list[str], env: dict[str, str], fake: object) -> tuple[float, int]:
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    start = fake.count  # type: ignore[attr-defined]
    while time.monotonic() < deadline and fake.count == start:  # type: ignore[attr-defined]
        time.sleep(0.02)
    time.sleep(0.3)
    t0 = time.monotonic()
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=120)
    return time.monotonic() - t0, proc.returncode


def main() -> None:
    from tests.fake_openai import FakeOpenAI, error, ok
    from tests.pdfs import text_pdf

    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="rltaxo-interrupt-"))
    pdfs = [text_pdf(tmp / f"p{i}.pdf", title=f"A Made Up Paper {i}") for i in range(4)]
    lst = tmp / "list.txt"
    lst.write_text("\n".join(map(str, pdfs)) + "\n")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "RLTAXO_"))}
    cases = {
        "429 with Retry-After: 60": dict(default=error(429, "slow down", headers={"retry-after": "60"})),
        "server taking 30 s": dict(default=ok(), latency=30.0),
    }
    for label, kw in cases.items():
        for name in ("classify", "batch"):
            with FakeOpenAI(**kw) as fake:  # type: ignore[arg-type]
                env = {**base, "OPENAI_BASE_URL": fake.url, "OPENAI_API_KEY": "sk-x",
                       "RLTAXO_CACHE_DIR": str(tmp / "cache"), "RLTAXO_TIMEOUT": "120"}  # fmt: skip
                target = [str(pdfs[0])] if name == "classify" else [str(lst), "-o", str(tmp / f"{time.time()}.jsonl")]
                cmd = [sys.executable, "-m", "classifier", name, *target, "--structured-mode", "json_object"]
                runs = [one(cmd, env, fake) for _ in range(args.runs)]
            secs = [s for s, _ in runs]
            codes = sorted({c for _, c in runs})
            print(f"{name:8s} {label:26s} median {statistics.median(secs):.2f} s, worst {max(secs):.2f} s, "
                  f"exit codes {codes}")  # fmt: skip


if __name__ == "__main__":
    main()
