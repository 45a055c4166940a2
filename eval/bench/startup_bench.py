"""Start-up benchmark: ``rltaxo --help`` and ``rltaxo tree`` against ``python -c pass``, same run.

python eval/bench/startup_bench.py [RUNS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

CASES = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "rltaxo --help": [sys.executable, "-m", "classifier", "--help"],
    "rltaxo tree": [sys.executable, "-m", "classifier", "tree"],
}
CHECK = (
    "import sys, atexit; sys.argv = ['rltaxo', {arg!r}]; "
    "atexit.register(lambda: print(sorted(m for m in ('openai', 'pypdf', 'httpx') if m in sys.modules), "
    "file=sys.stderr)); from classifier.cli import main; main()"
)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    for name, cmd in CASES.items():
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times.append(time.perf_counter() - t0)
        print(f"{name:<16} median {statistics.median(times) * 1000:6.0f} ms  (min {min(times) * 1000:.0f}, n={runs})")
    for arg in ("--help", "tree"):
        r = subprocess.run([sys.executable, "-c", CHECK.format(arg=arg)], capture_output=True, text=True)
        print(f"heavy modules imported by rltaxo {arg}: {r.stderr.strip().splitlines()[-1]}")


if __name__ == "__main__":
    main()
