"""``rltaxo review`` on a big results file: page load and decision latency.

    python eval/bench/review_bench.py [--n 50000]

Writes N made-up records, starts the review server in a fresh process, and times the page, the paper
listing and 20 decisions (each a POST that is fsynced to the corrections file). Where Playwright and a
Chromium are installed, it also times the page in the browser: load until a paper shows, a step with
``j``, an accept with ``a`` and a search.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from classifier.taxonomy import bundled

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=50000)
    args = ap.parse_args()
    tax = bundled()
    label = f"{tax.name} ({tax.short_hash})"
    tmp = Path(tempfile.mkdtemp(prefix="rltaxo-review-bench-"))
    out = tmp / "labels.jsonl"
    leaves = list(tax.labels)
    with out.open("w") as fh:
        for i in range(args.n):
            fh.write(json.dumps({"item": f"title:{i:06d}", "source": f"Paper {i}", "status": "ok", "result": {
                "title": f"Made-up paper {i}", "abstract": "We study things. " * 20, "leaf": leaves[i % len(leaves)],
                "confidence": (i % 100) / 100, "needs_review": i % 3 == 0, "taxonomy": label,
                "facts": {}, "evidence": []}}) + "\n")  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "RLTAXO_"))}
    proc = subprocess.Popen([sys.executable, "-m", "classifier", "review", str(out)], env=env,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)  # fmt: skip
    try:
        assert proc.stderr is not None
        url = proc.stderr.readline().split()[2].rstrip("/")

        def timed(path: str, body: object = None) -> float:
            data = None if body is None else json.dumps(body).encode()
            req = urllib.request.Request(url + path, data=data, method="POST" if data else "GET",
                                         headers={"content-type": "application/json"})  # fmt: skip
            t0 = time.perf_counter()
            with urllib.request.urlopen(req, timeout=120) as resp:
                resp.read()
            return time.perf_counter() - t0

        first = timed("/")
        page = statistics.median(timed("/") for _ in range(3))
        listing = statistics.median(timed("/api/papers") for _ in range(3))
        decisions = [timed("/api/decisions", {"item": f"title:{i:06d}", "leaf": leaves[0]}) for i in range(20)]
        in_browser = browser(url + "/")
    finally:
        proc.terminate()
        proc.wait(10)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    med, top = 1000 * statistics.median(decisions), 1000 * max(decisions)
    print(f"{args.n} records: first page {first:.2f} s, page {page:.2f} s, listing {listing:.2f} s, "
          f"decision median {med:.0f} ms (max {top:.0f} ms)")  # fmt: skip
    print(in_browser)


def browser(url: str) -> str:
    """The page in Chromium: what a reviewer waits for."""
    import shutil

    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "in the browser: skipped (pip install playwright)"
    if exe is None:
        return "in the browser: skipped (no chromium on PATH)"
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        page = b.new_page()
        t0 = time.perf_counter()
        page.goto(url)
        page.wait_for_selector("#detail h2")
        load = time.perf_counter() - t0
        t0 = time.perf_counter()
        for _ in range(20):
            page.keyboard.press("j")
        page.evaluate("1")  # the last key's work is done
        step = (time.perf_counter() - t0) / 20
        t0 = time.perf_counter()
        page.keyboard.press("a")
        page.wait_for_selector("#list .row.sel .decided")
        accept = time.perf_counter() - t0
        t0 = time.perf_counter()
        page.fill("#search", "paper 123")
        page.evaluate("1")
        search = time.perf_counter() - t0
        b.close()
    return (
        f"in Chromium: load {load:.2f} s, j {1000 * step:.0f} ms, accept {1000 * accept:.0f} ms, "
        f"search {1000 * search:.0f} ms"
    )


if __name__ == "__main__":
    main()
