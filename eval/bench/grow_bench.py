"""``rltaxo taxonomy grow`` on a big results file: wall time and peak memory.

    python eval/bench/grow_bench.py [--n 10000]

Writes N made-up batch records (the bundled tree; a fifth of them doubtful, among them a planted family
of goal-proposing papers) and runs ``rltaxo taxonomy grow`` on them in a fresh process, offline.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TOPICS = {
    "rl4llm/fine-tuning/with-human-feedback": "human preference rankings reward model PPO fine-tuning assistant",
    "rl4llm/fine-tuning/without-human-feedback": "verifiable rewards unit tests math answers GRPO reasoning model",
    "rl4llm/prompt-engineering": "policy selects prompts frozen language model downstream accuracy reward",
    "llm4rl/reward": "language model writes reward functions robot locomotion reinforcement learning",
    "llm4rl/policy": "language model acts as the policy text games actions PPO returns",
    "rl+llm/without-language-feedback": "planner sequences skills trained separately open loop robot",
    "rl+llm/with-language-feedback": "planner replans from textual feedback of RL skills closed loop",
    "out-of-scope": "supervised classifier images convolution accuracy benchmark dataset",
}
FAMILY = "language model proposes goals subgoals exploration agent pursues suggested targets autotelic"
FILLER = [
    "we",
    "study",
    "method",
    "results",
    "show",
    "improves",
    "baseline",
    "experiments",
    "across",
    "settings",
    "approach",
    "novel",
]


def record(i: int, rng: random.Random, label: str) -> dict:
    planted = i % 10 == 0
    words = (FAMILY if planted else TOPICS[rng.choice(list(TOPICS))]).split()
    abstract = " ".join(rng.choice(words + FILLER) for _ in range(60)).capitalize() + "."
    doubtful = planted or rng.random() < 0.1
    leaf = rng.choice(list(TOPICS))
    return {"item": f"title:{i:06d}", "source": f"Paper {i}", "status": "ok", "result": {
        "title": f"Paper {i}: " + " ".join(words[:4]), "abstract": abstract, "leaf": leaf, "confidence":
        0.45 if doubtful else 0.9, "needs_review": doubtful, "runner_up": None, "input": "abstract",
        "taxonomy": label}}  # fmt: skip


def main() -> None:
    from classifier.taxonomy import bundled

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10000)
    args = ap.parse_args()
    tax = bundled()
    label = f"{tax.name} ({tax.short_hash})"
    rng = random.Random(0)
    tmp = Path(tempfile.mkdtemp(prefix="rltaxo-grow-bench-"))
    out = tmp / "labels.jsonl"
    out.write_text("".join(json.dumps(record(i, rng, label)) + "\n" for i in range(args.n)))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "RLTAXO_"))}
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "classifier", "taxonomy", "grow", str(out), "-b", "offline"],
                       env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)  # fmt: skip
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"rltaxo taxonomy grow on {args.n} records: {seconds:.1f} s, peak RSS {peak} MiB, exit {r.returncode}")
    print(r.stdout.strip()[:600] or r.stderr.strip()[-600:])


if __name__ == "__main__":
    main()
