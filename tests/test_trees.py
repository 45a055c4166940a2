"""Trees other than the bundled one, end to end through the CLI: a second real tree (examples/llm-enhanced-rl),
the made-up toy, and edited copies of the bundled file (renamed, added and merged leaves)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from classifier import gold
from classifier.taxonomy import load

from .conftest import ROOT, SAMPLE, run_cli
from .trees import TOY, TOY_TEXTS, added, merged, renamed, write

CAO = ROOT / "examples" / "llm-enhanced-rl"
SURVEY = ROOT.parent / "shared" / "surveys" / "2404.00282.pdf"


def test_second_tree_and_its_gold_file_are_valid() -> None:
    tax = load(CAO / "taxonomy.json")
    assert len(tax.top_classes) == 4 and len(tax.leaves) == 8
    studies = gold.load(CAO / "gold.csv", tax)
    assert {s.leaf for s in studies} <= set(tax.leaves)
    with pytest.raises(Exception, match="leaves not in The RL/LLM Taxonomy Tree"):
        gold.load(CAO / "gold.csv")  # the bundled tree does not know these roles


@pytest.mark.skipif(not SURVEY.exists(), reason=f"the survey's PDF is not at {SURVEY}")
def test_every_gold_row_of_the_second_tree_is_in_the_surveys_text() -> None:
    from pypdf import PdfReader

    text = " ".join(page.extract_text() or "" for page in PdfReader(SURVEY).pages)
    for study in gold.load(CAO / "gold.csv", load(CAO / "taxonomy.json")):
        assert study.arxiv_id in text, study.key
    rows = (CAO / "gold.csv").read_text().splitlines()[1:]
    assert all(re.search(r"p\. \d+, Sec\. [IVX]+-[A-C]", row) for row in rows)  # each row cites where


def _script(tmp: Path, verdicts: list[dict]) -> Path:
    path = tmp / "script.json"
    path.write_text(json.dumps(verdicts))
    return path


def test_second_tree_classifies_and_evaluates_with_the_scripted_backend(env: dict[str, str], tmp_path: Path) -> None:
    tree = str(CAO / "taxonomy.json")
    facts = {"enhances_rl_agent": True, "sub_role": "explicit_reward"}
    env["RLTAXO_SCRIPT"] = str(_script(tmp_path, [{"leaf": "reward-designer/explicit", "facts": facts}]))
    r = run_cli("classify", str(SAMPLE), "--backend", "scripted", "--taxonomy", tree, "--json", env=env)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["leaf"] == "reward-designer/explicit" and out["top_class"] == "reward-designer"
    assert out["path"] == ["Reward designer", "Explicit reward model"] and out["taxonomy"].startswith("LLM-enhanced")
    # eval: the tree's own gold file, with made-up abstracts standing in for the PDFs
    abstracts = tmp_path / "abstracts.jsonl"
    studies = gold.load(CAO / "gold.csv", load(tree))
    abstracts.write_text(
        "".join(
            json.dumps({"arxiv_id": s.arxiv_id, "title": f"Made-up {s.key}", "abstract": "A made-up abstract."}) + "\n"
            for s in studies
        )
    )
    env["RLTAXO_TAXONOMY"] = tree  # the environment variable works as the flag does
    r = run_cli("eval", "--backend", "scripted", "--gold", str(CAO / "gold.csv"), "--abstracts", str(abstracts),
                "--no-download", "--json", "--out", str(tmp_path / "run"), env=env)  # fmt: skip
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    assert m["n"] == len(studies) and m["leaf_accuracy"] == pytest.approx(1 / len(studies))
    assert m["labels"][-1] == "out-of-scope" and len(m["levels"]) == 2


def test_a_leaf_the_tree_does_not_have_is_a_clear_error(env: dict[str, str], tmp_path: Path) -> None:
    env["RLTAXO_SCRIPT"] = str(_script(tmp_path, [{"leaf": "llm4rl/reward"}]))
    r = run_cli("classify", str(SAMPLE), "-b", "scripted", "-t", str(CAO / "taxonomy.json"), env=env)
    assert r.returncode == 1 and "'llm4rl/reward' is not a leaf of LLM-enhanced RL" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize(
    "edit",
    [
        lambda: renamed("llm4rl/reward", "llm4rl/reward-design"),
        lambda: added("llm4rl", "llm4rl/world-model"),
        lambda: merged(
            "rl4llm/fine-tuning/with-human-feedback",
            "rl4llm/fine-tuning/without-human-feedback",
            "rl4llm/fine-tuning/any-feedback",
            "Any feedback",
        ),
    ],
    ids=["rename", "add", "merge"],
)
def test_an_edited_copy_of_the_bundled_tree_needs_no_code_change(env: dict[str, str], tmp_path: Path, edit) -> None:
    tree = write(tmp_path, edit())
    tax = load(tree)
    r = run_cli("tree", "--taxonomy", str(tree), "--json", env=env)
    assert r.returncode == 0 and json.loads(r.stdout)["labels"] == list(tax.labels)
    r = run_cli("classify", str(SAMPLE), "--taxonomy", str(tree), "--json", env=env)
    assert r.returncode == 0, r.stderr
    leaf = json.loads(r.stdout)["leaf"]
    assert tax.is_label(leaf)
    listing = tmp_path / "list.txt"
    listing.write_text(f"{SAMPLE}\n")
    r = run_cli("batch", str(listing), "--taxonomy", str(tree), "--csv", env=env)
    assert r.returncode == 0, r.stderr
    assert leaf in (tmp_path / "list.txt.rltaxo.csv").read_text()
    assert leaf in (tmp_path / "list.txt.rltaxo.md").read_text()
    # eval: a gold file in the copy's ids works; the bundled gold names the leaves the copy lacks
    mine = tmp_path / "gold.jsonl"
    mine.write_text(json.dumps({"title": "Reward code", "abstract": "made up", "leaf": tax.leaves[0]}) + "\n")
    r = run_cli("eval", "-t", str(tree), "--gold", str(mine), "--no-download", "--json",
                "--out", str(tmp_path / "run"), env=env)  # fmt: skip
    assert r.returncode == 0, r.stderr
    r = run_cli("eval", "-t", str(tree), "--no-download", "--out", str(tmp_path / "run2"), env=env)
    lacking = sorted({s.leaf for s in gold.load()} - set(tax.labels))
    if lacking:
        assert r.returncode == 2 and "leaves not in" in r.stderr and all(x in r.stderr for x in lacking)
        assert len(r.stderr.strip().splitlines()) <= 2  # the backend line, then one error line


def test_toy_tree_end_to_end_offline(env: dict[str, str], tmp_path: Path) -> None:
    tree = write(tmp_path, TOY)
    rows = [{"title": t, "abstract": a, "leaf": leaf} for leaf, (t, a) in TOY_TEXTS.items()]
    goldfile = tmp_path / "toy.jsonl"
    goldfile.write_text("".join(json.dumps(r) + "\n" for r in rows))
    r = run_cli("eval", "-t", str(tree), "--gold", str(goldfile), "--json", "--out", str(tmp_path / "run"), env=env)
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    assert m["leaf_accuracy"] == 1.0 and m["taxonomy"] == "Toy tree of learning methods"
    r = run_cli("classify", "--title", "Sorting socks", "--abstract", "We cluster unlabelled socks by colour.",
                "-t", str(tree), env=env)  # fmt: skip
    assert r.returncode == 0 and "[learning/unsupervised]" in r.stdout and "approach = clusters" in r.stdout


def test_validate_command_lists_every_problem_and_exits_2(env: dict[str, str], tmp_path: Path) -> None:
    broken = json.loads(json.dumps(TOY))
    broken["nodes"][1]["parent"] = "nowhere"
    broken["nodes"].append(dict(broken["nodes"][3]))
    broken["rules"][0]["leaf"] = "learning/semi"
    broken["questions"][0]["answers"] = []
    r = run_cli("taxonomy", "validate", str(write(tmp_path, broken)), env=env)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert any("nodes[1].parent: unknown node 'nowhere'" in x for x in lines)
    assert any("duplicate id 'search'" in x for x in lines)
    assert any("rules[0].leaf: unknown leaf 'learning/semi'" in x for x in lines)
    assert any("question 'approach' has no answers" in x for x in lines)
    r = run_cli("taxonomy", "validate", str(CAO / "taxonomy.json"), env=env)
    assert r.returncode == 0 and "valid" in r.stdout
    (tmp_path / "bad.json").write_text('{"name": "x",\n "nodes": [}')
    r = run_cli("taxonomy", "validate", str(tmp_path / "bad.json"), env=env)
    assert r.returncode == 2 and "line 2, column 12" in r.stderr
    r = run_cli("classify", str(SAMPLE), "-t", str(tmp_path / "bad.json"), env=env)
    assert r.returncode == 2 and "line 2, column 12" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("classify", str(SAMPLE), "-t", str(CAO / "taxonomy.json"), env=env)
    assert r.returncode == 2 and "the offline backend needs cues in the taxonomy" in r.stderr


def test_schema_command_prints_the_file_formats_json_schema(env: dict[str, str]) -> None:
    r = run_cli("taxonomy", "schema", env=env)
    schema = json.loads(r.stdout)
    assert r.returncode == 0 and "nodes" in schema["properties"] and "$defs" in schema
