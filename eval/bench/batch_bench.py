"""Batch throughput against a fake OpenAI-compatible server with a fixed latency, over real PDFs.

    python eval/bench/batch_bench.py [PDF_DIR] [--copies N] [--latency 0.2] [--workers 1,4,16]

Each PDF is copied N times with a distinct trailing comment (same text, different content hash) so the
batch has enough distinct items. Reports papers/minute per worker count next to the two ceilings it
cannot beat: the endpoint's (workers / latency) and ingestion's (cores / ingestion seconds per paper),
and the per-paper overhead outside ingestion and the LLM call (from the workers=1 run).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from classifier.ingest import read_pdf_guarded
    from tests.fake_openai import FakeOpenAI

    ap = argparse.ArgumentParser()
    ap.add_argument("pdf_dir", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--workers", default="1,4,16")
    args = ap.parse_args()
    pdfs = sorted(Path(args.pdf_dir).glob("*.pdf"))
    if not pdfs:
        sys.exit(f"no PDFs in {args.pdf_dir}")
    tmp = Path(tempfile.mkdtemp(prefix="rltaxo-bench-"))
    items = []
    for i in range(args.copies):
        for pdf in pdfs:
            dst = tmp / f"{pdf.stem}-{i}.pdf"
            dst.write_bytes(pdf.read_bytes() + f"\n% copy {i}\n".encode())
            items.append(dst)
    ingest = []
    for pdf in pdfs:  # ingestion alone, one process at a time, as the batch does it
        t0 = time.perf_counter()
        read_pdf_guarded(pdf)
        ingest.append(time.perf_counter() - t0)
    mean_ingest = statistics.mean(ingest)
    cores = os.cpu_count() or 1
    print(
        f"machine: {platform.machine()}, {cores} cores, Python {platform.python_version()}; "
        f"{len(items)} papers ({len(pdfs)} PDFs x {args.copies}); fake LLM latency {args.latency * 1000:.0f} ms"
    )
    print(f"ingestion: mean {mean_ingest:.2f} s/paper -> ingestion ceiling {60 * cores / mean_ingest:.0f} papers/min")
    with FakeOpenAI(latency=args.latency) as fake:
        for w in (int(x) for x in args.workers.split(",")):
            lst = tmp / f"list-{w}.txt"
            lst.write_text("\n".join(map(str, items)) + "\n")
            env = {
                **os.environ,
                "OPENAI_BASE_URL": fake.url,
                "OPENAI_API_KEY": "sk-bench",
                "RLTAXO_CACHE_DIR": str(tmp / f"cache-{w}"),
            }
            t0 = time.perf_counter()
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "classifier",
                    "batch",
                    str(lst),
                    "-o",
                    str(tmp / f"out-{w}.jsonl"),
                    "--workers",
                    str(w),
                    "--structured-mode",
                    "json_object",
                    "--no-cache",
                ],
                env=env,
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                cwd=ROOT,
            )
            wall = time.perf_counter() - t0
            if done.returncode:  # failed papers would be timed as if read: stop instead
                sys.exit(f"workers {w}: rltaxo batch exited {done.returncode}; run it by hand on {lst} to see why")
            ppm = 60 * len(items) / wall
            endpoint = 60 * w / args.latency
            line = (
                f"workers {w:>2}: {ppm:6.1f} papers/min ({wall:.1f} s)   ceilings: endpoint {endpoint:.0f}, "
                f"ingestion {60 * cores / mean_ingest:.0f}"
            )
            if w == 1:
                overhead = wall / len(items) - mean_ingest - args.latency
                line += f"   overhead/paper outside ingestion+LLM: {overhead * 1000:.0f} ms"
            print(line, flush=True)


if __name__ == "__main__":
    main()
