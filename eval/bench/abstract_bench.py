"""Metadata throughput: reading lists of titles + abstracts through ``rltaxo batch`` (offline backend).

    python eval/bench/abstract_bench.py [--n 1000] [--pdf-dir ../shared/corpus]

Three runs, each a fresh ``rltaxo batch`` process with an empty cache:
(a) a JSON Lines list of N made-up titles + abstracts (no network at all);
(b) a list of N arXiv ids whose metadata comes from a fake arXiv API on 127.0.0.1 (100 ids a request,
    the 3-second spacing set to 0 here so the figure is rltaxo's, not the pause's);
(c) for scale, the PDF path: the corpus PDFs in a plain list.
Reports papers per second, requests made, and the peak RSS of the batch process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SUBJECTS = ["a language model", "a robot arm", "a chat assistant", "a navigation agent", "a code model"]
METHODS = [
    "is fine-tuned with reinforcement learning from human preference rankings",
    "writes reward functions used to train reinforcement learning agents",
    "proposes subgoals that guide the exploration of an RL agent",
    "is trained with supervised learning only, without any reinforcement learning",
    "plans over skills learned separately with reinforcement learning",
]


def made_up(i: int) -> tuple[str, str]:
    subject, method = SUBJECTS[i % len(SUBJECTS)], METHODS[(i // 5) % len(METHODS)]
    title = f"Study {i}: how {subject} {method.split(' ', 2)[-1][:40]}"
    abstract = f"In this work {subject} {method}. We evaluate it on {i % 7 + 2} tasks and report gains of {i % 13}%."
    return title, abstract


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, check=False, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    seconds = time.perf_counter() - t0
    if done.returncode:  # a run whose papers failed measures the failing, not the reading: say so, stop
        tail = done.stderr.strip().splitlines()[-1:] or ["no message"]
        raise SystemExit(f"{' '.join(cmd[2:4])}: exit {done.returncode}: {tail[0]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) // 1024


def main() -> None:
    from tests.arxiv_api_server import ArxivApiServer

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--pdf-dir", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--train", default=str(ROOT.parent / "shared" / "train" / "real-abstracts.jsonl"))
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="rltaxo-abstract-bench-"))
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "RLTAXO_"))}
    rltaxo = [sys.executable, "-m", "classifier", "batch"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")

    lst = tmp / "abstracts.jsonl"
    lst.write_text("".join(json.dumps({"title": t, "abstract": a}) + "\n" for t, a in map(made_up, range(args.n))))
    real = Path(args.train)
    lists = [("made-up", lst, args.n)]
    if real.exists():  # real abstracts are longer than made-up ones: the figure a user will see
        rows = [json.loads(line) for line in real.read_text(encoding="utf-8").splitlines()]
        real_lst = tmp / "real.jsonl"
        real_lst.write_text("".join(json.dumps({"title": r["title"], "abstract": r["abstract"]}) + "\n" for r in rows))
        lists.append(("real", real_lst, len(rows)))
    for kind, path, n in lists:
        for model in ("bundled", "none"):
            env = {**base_env, "RLTAXO_CACHE_DIR": str(tmp / f"c1-{kind}-{model}"),
                   "RLTAXO_ARXIV_API_URL": "http://127.0.0.1:9/q"}  # fmt: skip
            if model == "none":
                env["RLTAXO_OFFLINE_MODEL"] = "none"
            out = tmp / f"out-{kind}-{model}.jsonl"
            s, rss = run([*rltaxo, str(path), "-o", str(out), "--backend", "offline", "--from", "abstract"], env)
            what = "learned model" if model == "bundled" else "engine alone"
            print(f"(a) {n} {kind} titles + abstracts from a JSON Lines list, {what}: {s:.1f} s, {n / s:.0f} "
                  f"papers/s, peak RSS {rss} MiB")  # fmt: skip

    ids = [f"2101.{i:05d}" for i in range(args.n)]
    with ArxivApiServer({i: made_up(n) for n, i in enumerate(ids)}) as api:
        lst = tmp / "ids.txt"
        lst.write_text("\n".join(ids) + "\n")
        env = {**base_env, "RLTAXO_CACHE_DIR": str(tmp / "c2"), "RLTAXO_ARXIV_API_URL": api.url,
               "RLTAXO_ARXIV_API_DELAY": "0"}  # fmt: skip
        s, rss = run([*rltaxo, str(lst), "--backend", "offline"], env)
        print(f"(b) {args.n} arXiv ids through the arXiv API (fake, no spacing): {s:.1f} s, {args.n / s:.0f} "
              f"papers/s, {len(api.requests)} API requests, peak RSS {rss} MiB; with arXiv's 3 s spacing add "
              f"{3 * (len(api.requests) - 1)} s")  # fmt: skip

    pdfs = sorted(Path(args.pdf_dir).resolve().glob("*.pdf"))  # a list's relative paths are the list's
    if pdfs:
        lst = tmp / "pdfs.txt"
        lst.write_text("\n".join(map(str, pdfs)) + "\n")
        env = {**base_env, "RLTAXO_CACHE_DIR": str(tmp / "c3")}
        s, rss = run([*rltaxo, str(lst), "--backend", "offline", "--from", "pdf"], env)
        print(f"(c) {len(pdfs)} real PDFs: {s:.1f} s, {len(pdfs) / s:.2f} papers/s, peak RSS {rss} MiB "
              "(the PDF readers are child processes of their own)")  # fmt: skip


if __name__ == "__main__":
    main()
