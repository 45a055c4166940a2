"""`rltaxo taxonomy grow` and `adopt` (classifier/grow.py, classifier/adopt.py) on a made-up corpus with a
planted family whose leaf a copy of the tree lacks (tests/grow_corpus.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("sklearn", reason="rltaxo taxonomy grow needs scikit-learn (pip install '.[learn]')")

from classifier.taxonomy import load as load_tree

from .conftest import run_cli
from .grow_corpus import OTHERS, PLANTED, records, tree_without_planted_leaf
from .trees import write

PLANTED_TITLES = {title for title, _ in PLANTED}


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    tree = write(tmp_path, tree_without_planted_leaf(), "nogoal.json")
    tax = load_tree(tree)
    out = tmp_path / "labels.jsonl"
    recs = [r for r in records(f"{tax.name} ({tax.short_hash})") if tax.is_label(r["result"]["leaf"])]
    out.write_text("".join(json.dumps(r) + "\n" for r in recs))
    return tree, out


def _new_leaves(doc: dict) -> list[dict]:
    return [p for p in doc["proposals"] if p["kind"] == "new-leaf"]


def test_grow_finds_the_planted_family_under_the_right_parent(setup: tuple[Path, Path], env: dict[str, str]) -> None:
    tree, out = setup
    r = run_cli("taxonomy", "grow", str(out), "-t", str(tree), "-b", "offline", env=env)
    assert r.returncode == 0, r.stderr
    doc = json.loads(out.with_name("labels.proposals.json").read_text())
    best = max(_new_leaves(doc), key=lambda p: sum(m["title"] in PLANTED_TITLES for m in p["members"]))
    planted = sum(m["title"] in PLANTED_TITLES for m in best["members"])
    assert planted >= 10 and len(best["members"]) - planted <= 2, best["members"]
    assert best["parent"] == "llm4rl" and best["draft"] is True
    assert all(m["sentence"] and m["sentence"] in m["title"] + ". " + _abstract(m["title"]) for m in best["members"])
    md = out.with_name("labels.proposals.md").read_text()
    assert best["name"] in md and "Leaf sizes before → after" in md and "█" in md


def _abstract(title: str) -> str:
    texts = dict(PLANTED) | {t: a for pairs in OTHERS.values() for t, a in pairs}
    return texts[title]


def test_an_llm_names_the_cluster_and_its_quotes_are_checked(setup: tuple[Path, Path], env: dict[str, str],
                                                              tmp_path: Path) -> None:  # fmt: skip
    tree, out = setup
    real_quote = "the suggested tasks become goals for its goal-conditioned reinforcement learning"
    script = tmp_path / "script.json"
    script.write_text(json.dumps([{
        "name": "Goal proposal", "definition": "A language model proposes goals that an RL agent learns to reach.",
        "include": ["subgoals for exploration"], "exclude": ["rewards written by a language model"],
        "differs": "The language model sets what to pursue, not how it is rewarded.",
        "evidence": [real_quote, "a quote that no member paper contains at all"],
    }]))  # fmt: skip
    r = run_cli("taxonomy", "grow", str(out), "-t", str(tree), "-b", "scripted", "-o", str(tmp_path / "p.json"),
                env={**env, "RLTAXO_SCRIPT": str(script)})  # fmt: skip
    assert r.returncode == 0, r.stderr
    named = [p for p in _new_leaves(json.loads((tmp_path / "p.json").read_text())) if p.get("named_by")]
    assert named and named[0]["name"] == "Goal proposal" and named[0]["draft"] is False
    assert named[0]["evidence"] == [real_quote]
    assert named[0]["unverified_evidence"] == ["a quote that no member paper contains at all"]
    assert named[0]["leaf_id"] == "llm4rl/goal-proposal"


def test_adopt_writes_a_valid_tree_that_places_the_family(setup: tuple[Path, Path], env: dict[str, str],
                                                          tmp_path: Path) -> None:  # fmt: skip
    tree, out = setup
    assert run_cli("taxonomy", "grow", str(out), "-t", str(tree), "-b", "offline", env=env).returncode == 0
    again = run_cli("taxonomy", "grow", str(out), "-t", str(tree), "-b", "offline", env=env)
    assert again.returncode == 0, again.stderr  # its own proposals (and their summary) are its to replace
    proposals = out.with_name("labels.proposals.json")
    doc = json.loads(proposals.read_text())
    pid = max(_new_leaves(doc), key=lambda p: len(p["members"]))["id"]
    grown = tmp_path / "grown.json"
    before = tree.read_bytes()
    r = run_cli("taxonomy", "adopt", str(proposals), "--id", str(pid), "-t", str(tree), "-o", str(grown), env=env)
    assert r.returncode == 0, r.stderr
    assert tree.read_bytes() == before  # the input tree is never written
    assert run_cli("taxonomy", "validate", str(grown), env=env).returncode == 0
    new_tax = load_tree(grown)
    leaf = json.loads(grown.read_text())["nodes"][-1]["id"]
    assert new_tax.is_label(leaf) and new_tax.node(leaf).parent == "llm4rl"

    # an LLM backend (scripted) may now answer with the new leaf: the tree accepts it
    script = tmp_path / "script.json"
    script.write_text(json.dumps([{"leaf": leaf, "confidence": 0.9}]))
    title, abstract = PLANTED[0]
    r = run_cli("classify", "--title", title, "--abstract", abstract, "-t", str(grown), "-b", "scripted", "--json",
                env={**env, "RLTAXO_SCRIPT": str(script)})  # fmt: skip
    assert r.returncode == 0 and json.loads(r.stdout)["leaf"] == leaf, r.stderr

    # a learned offline model, from rows that use the new leaf, places held-out members of the family there
    rows = [{"title": t, "abstract": a, "leaf": lf} for lf, pairs in OTHERS.items() for t, a in pairs]
    rows += [{"title": t, "abstract": a, "leaf": leaf} for t, a in PLANTED[:8]]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(x) + "\n" for x in rows))
    model = tmp_path / "model.json"
    r = run_cli("learn", str(gold), "-o", str(model), "-t", str(grown), env=env)
    assert r.returncode == 0, r.stderr
    held = tmp_path / "held.jsonl"
    held.write_text("".join(json.dumps({"title": t, "abstract": a}) + "\n" for t, a in PLANTED[8:]))
    r = run_cli("batch", str(held), "-o", str(tmp_path / "held-out.jsonl"), "-t", str(grown), "--offline-model",
                str(model), env=env)  # fmt: skip
    assert r.returncode == 0, r.stderr
    got = [json.loads(x)["result"]["leaf"] for x in (tmp_path / "held-out.jsonl").read_text().splitlines()]
    assert sum(g == leaf for g in got) >= 3, got


@pytest.mark.parametrize("case", ["empty", "other-tree", "no-cluster", "not-a-proposal", "not-proposals"])
def test_bad_input_is_one_line_and_nothing_is_written(case: str, setup: tuple[Path, Path], env: dict[str, str],
                                                      tmp_path: Path) -> None:  # fmt: skip
    tree, out = setup
    before = sorted(p.name for p in tmp_path.iterdir())
    if case == "empty":
        out.write_text("")
        r = run_cli("taxonomy", "grow", str(out), "-t", str(tree), "-b", "offline", env=env)
        code, words = 2, "no labelled papers"
    elif case == "other-tree":
        r = run_cli("taxonomy", "grow", str(out), "-b", "offline", env=env)  # the bundled tree, not the results'
        code, words = 2, "--taxonomy"
    elif case == "no-cluster":
        r = run_cli("taxonomy", "grow", str(out), "-t", str(tree), "-b", "offline", "--min-size", "40", env=env)
        code, words = 1, "smaller --min-size"
    else:
        assert run_cli("taxonomy", "grow", str(out), "-t", str(tree), "-b", "offline", env=env).returncode == 0
        before = sorted(p.name for p in tmp_path.iterdir())
        proposals = out.with_name("labels.proposals.json")
        if case == "not-proposals":
            proposals = out  # a results file is not a proposals file
        r = run_cli("taxonomy", "adopt", str(proposals), "--id", "99", "-t", str(tree), env=env)
        code, words = 2, ("--id" if case == "not-a-proposal" else "not a proposals file")
    assert r.returncode == code, r.stderr
    lines = [x for x in r.stderr.splitlines() if x.startswith("rltaxo:") and "using the" not in x]
    assert len(lines) == 1 and words in lines[0], r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_openai_endpoint_names_clusters_with_a_strict_schema_and_retries(
    setup: tuple[Path, Path], env: dict[str, str], tmp_path: Path
) -> None:
    """One structured request per cluster over the real client: json_schema with the naming schema, the
    same retry layer as classification (a 429 first), the key never written."""
    from .fake_openai import FakeOpenAI, error, ok

    tree, out = setup
    named = {"name": "Goal proposal", "definition": "A language model proposes goals for an RL agent.",
             "include": [], "exclude": [], "differs": "It sets goals, not rewards.",
             "evidence": ["a language model suggests subgoals"]}  # fmt: skip
    with FakeOpenAI(default=ok(named)) as fake:
        fake.script = [error(429, "slow down", headers={"retry-after": "0"})]
        e = {**env, "OPENAI_BASE_URL": fake.url, "OPENAI_API_KEY": "sk-test-grow-secret", "RLTAXO_MAX_WAIT_S": "1"}
        r = run_cli("taxonomy", "grow", str(out), "-t", str(tree), "-b", "openai", "-o", str(tmp_path / "p.json"),
                    env=e)  # fmt: skip
        assert r.returncode == 0, r.stderr
        requests = list(fake.requests)
    fmt = requests[-1]["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["name"] == "new_leaf"
    assert set(fmt["json_schema"]["schema"]["required"]) >= {"name", "definition", "evidence"}
    assert len(requests) == 2 + len(_new_leaves(json.loads((tmp_path / "p.json").read_text()))) - 1
    text = (tmp_path / "p.json").read_text()
    assert "Goal proposal" in text and "sk-test-grow-secret" not in text + r.stderr + r.stdout


def test_a_leaf_whose_papers_form_two_groups_gets_a_split_proposal() -> None:
    from classifier.adopt import adopt
    from classifier.grow import Paper, Settings, grow
    from classifier.taxonomy import bundled

    legs = [
        (
            f"Reward code for quadrupeds {i}",
            "A language model writes reward code for quadruped locomotion; "
            f"legged robots learn gaits with reinforcement learning in simulation, terrain {i}.",
        )
        for i in range(6)
    ]
    music = [
        (
            f"Rewards for melody generation {i}",
            "A language model scores melodies as a reward; a music "
            f"composition agent learns harmony and rhythm with reinforcement learning, song {i}.",
        )
        for i in range(6)
    ]
    papers = [Paper(f"i{j}", t, a, "llm4rl/reward", 0.9, False) for j, (t, a) in enumerate(legs + music)]
    papers += [Paper(f"o{j}", f"Other {j}", f"Supervised image classification on benchmark {j}.", "out-of-scope",
                     0.9, False) for j in range(5)]  # fmt: skip
    doc = grow(papers, bundled(), Settings(min_size=5))
    splits = [p for p in doc["proposals"] if p["kind"] == "split"]
    assert len(splits) == 1 and splits[0]["leaf"] == "llm4rl/reward" and splits[0]["silhouette"] >= 0.12
    halves = [{m["title"] for m in h["members"]} for h in splits[0]["parts"]]
    assert sorted(halves, key=len) and {frozenset(h) for h in halves} == {
        frozenset(t for t, _ in legs),
        frozenset(t for t, _ in music),
    }
    # one group of the same kind of paper is no split
    same = grow([Paper(f"i{j}", t, a, "llm4rl/reward", 0.9, False) for j, (t, a) in enumerate(legs * 2)],
                bundled(), Settings(min_size=5))  # fmt: skip
    assert not [p for p in same["proposals"] if p["kind"] == "split"]
    with pytest.raises(Exception, match="advice for a person"):
        adopt(doc, splits[0]["id"], bundled())


def test_the_review_page_filters_a_proposals_members(setup: tuple[Path, Path], env: dict[str, str]) -> None:
    """rltaxo review reads <results>.proposals.json beside the results: each paper says which proposal
    holds it, and the page has a filter for it (in Chromium where there is one)."""
    import shutil

    from classifier.review.view import load_papers

    tree, out = setup
    assert run_cli("taxonomy", "grow", str(out), "-t", str(tree), "-b", "offline", env=env).returncode == 0
    doc = json.loads(out.with_name("labels.proposals.json").read_text())
    best = max(_new_leaves(doc), key=lambda p: len(p["members"]))
    papers = load_papers(out, load_tree(tree), {})
    tagged = {p["item"] for p in papers if p["proposal"] == f"{best['id']}. {best['name']}"}
    assert tagged == {m["item"] for m in best["members"]}
    chromium = shutil.which("chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if chromium is None:
        pytest.skip("no chromium on PATH (Debian: apt-get install chromium)")
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "classifier", "review", str(out), "-t", str(tree)], env=env,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)  # fmt: skip
    try:
        assert proc.stderr is not None
        url = proc.stderr.readline().split()[2]
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(url)
            page.select_option("#f-proposal", f"{best['id']}. {best['name']}")
            page.wait_for_function(f"document.querySelectorAll('#list .row').length === {len(tagged)}")
            browser.close()
    finally:
        proc.terminate()
        proc.wait(10)


def test_an_item_labelled_again_counts_once_as_its_latest_label(tmp_path: Path) -> None:
    from classifier.grow import read_records

    out = tmp_path / "out.jsonl"
    lines = [
        {"item": "a", "status": "ok", "result": {"leaf": "x", "confidence": 0.2}},
        {"item": "b", "status": "ok", "result": {"leaf": "y", "confidence": 0.9}},
        {"item": "a", "status": "ok", "result": {"leaf": "z", "confidence": 0.8}},  # --relabel
        {"item": "b", "status": "error", "error": {"code": "x", "message": "m"}},  # its latest run failed
    ]
    out.write_text("".join(json.dumps(x) + "\n" for x in lines) + "not json\n")
    got = list(read_records(out))
    assert [(r["item"], r["result"]["leaf"]) for r in got] == [("a", "z")]
