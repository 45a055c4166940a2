import json
import shutil
import subprocess
from pathlib import Path

import pytest

from classifier import gold
from classifier.errors import GoldLabelError
from classifier.evaluation.metrics import Row, summarise
from classifier.evaluation.report import render_html, render_markdown
from classifier.taxonomy import bundled

from .conftest import CORPUS, ROOT, needs_corpus, run_cli

TAX = bundled()
GOLD_HEADER = "key,short_name,title,first_author,year,arxiv_id,leaf,confidence\n"


def test_gold_labels_load_and_match_the_survey_count() -> None:
    studies = gold.load()
    assert len(studies) == 24
    assert {s.confidence for s in studies} <= {"high", "medium", "low"}
    assert sum(s.confidence == "low" for s in studies) == 2


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("a,A,T,X,2022,2203.02155,rl4llm/nope,high\n", "leaves not in The RL/LLM Taxonomy Tree: .rl4llm/nope."),
        ("a,A,T,X,2022,2203.02155,llm4rl/goal,sure\n", "confidence"),
        ("a,A,T,X,2022,not-an-id,llm4rl/goal,high\n", "not an arXiv id"),
        ("a,A,T,X,2022,2203.02155,llm4rl/goal,high\na,B,T,X,2022,2203.02156,llm4rl/goal,high\n", "duplicate key"),
        (
            "a,A,T,X,2022,2203.02155,llm4rl/goal,high\nb,B,T,X,2022,arXiv:2203.02155,llm4rl/goal,high\n",
            "duplicate arXiv id",
        ),
    ],
)
def test_gold_validation_errors_name_the_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "g.csv"
    path.write_text(GOLD_HEADER + row)
    with pytest.raises(GoldLabelError, match=message) as info:
        gold.load(path)
    assert "g.csv:" in str(info.value)


def test_gold_missing_column(tmp_path: Path) -> None:
    (tmp_path / "g.csv").write_text("key,leaf\na,llm4rl/goal\n")
    with pytest.raises(GoldLabelError, match="missing column"):
        gold.load(tmp_path / "g.csv")
    (tmp_path / "h.csv").write_text("arxiv_id,title\n2203.02155,T\n")
    with pytest.raises(GoldLabelError, match=r"missing column\(s\) leaf"):
        gold.load(tmp_path / "h.csv")


def test_gold_rows_as_labelled_sets_write_them(tmp_path: Path) -> None:
    """A labelled set in ../shared/train's shape (label, sureness, second_choice) is a gold file as it is:
    eval had refused it as "leaves not in the tree: ''". sure rows are the high-confidence subset."""
    rows = [
        {"arxiv_id": "2501.00001", "title": "Made Up A", "abstract": "We do a made-up thing.", "label": "llm4rl/goal",
         "sureness": "sure", "second_choice": ""},
        {"arxiv_id": "2501.00002", "Title": "Made Up B", "summary": "Another made-up thing.", "label": "out-of-scope",
         "sureness": "unsure", "second_choice": "llm4rl/goal"},
    ]  # fmt: skip
    path = tmp_path / "labelled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    studies = gold.load(path)
    assert [(s.leaf, s.confidence, s.title, bool(s.abstract)) for s in studies] == [
        ("llm4rl/goal", "high", "Made Up A", True), ("out-of-scope", "low", "Made Up B", True)]  # fmt: skip
    (tmp_path / "t.csv").write_text('title,abstract,Label\n"Made Up C","A made-up abstract.",llm4rl/reward\n')
    assert gold.load(tmp_path / "t.csv")[0].leaf == "llm4rl/reward"  # no arxiv_id column needed with abstracts
    path.write_text(json.dumps({"arxiv_id": "2501.00003", "title": "No label"}) + "\n")
    with pytest.raises(GoldLabelError, match=r"labelled\.jsonl:1: no leaf"):
        gold.load(path)


def _metrics():  # type: ignore[no-untyped-def]
    rows = [
        Row("a", "llm4rl/reward", "llm4rl/reward", 0.9, 1, 1, extra={"short_name": "A", "arxiv_id": "1"}),
        Row(
            "b",
            "llm4rl/goal",
            "out-of-scope",
            0.4,
            0,
            1,
            extra={"short_name": "B<script>", "arxiv_id": "2", "rationale": "why <b>", "evidence": ["q"]},
        ),
        Row("c", "llm4rl/policy", None, extra={"short_name": "C", "arxiv_id": "3", "note": "missing: no PDF"}),
    ]
    return summarise(rows, TAX).model_copy(update={"backend": "offline", "model": "m", "prompt_version": "n/a"})


def test_markdown_report_is_tables() -> None:
    md = render_markdown(_metrics())
    assert "| metric | value |" in md and "|---|---|" in md
    assert "| B<script> (2) | `llm4rl/goal` | `out-of-scope` | 0.40 | wrong |" in md


def test_report_has_a_per_leaf_table_and_a_stamp() -> None:
    """An appendix: per-leaf P/R/F1 with support, macro averages over the leaves with gold studies (said
    so), no out-of-scope row when the gold has no such paper, and what made the run."""
    stamp = {
        "rltaxo_version": "9.9",
        "taxonomy_sha256": "ab" * 32,
        "gold_sha256": "cd" * 32,
        "gold_file": "my-gold.csv",
        "created": "2026-12-05T00:00:00+00:00",
        "notes": ["Fitted on this gold."],
    }
    m = _metrics().model_copy(update=stamp)
    md = render_markdown(m)
    assert "| LLM4RL › Reward (`llm4rl/reward`) | 1.00 | 1.00 | 1.00 | 1 |" in md
    assert "| LLM4RL › Goal (`llm4rl/goal`) | 0.00 | 0.00 | 0.00 | 1 |" in md
    assert "out-of-scope`) |" not in md  # predicted once, but the gold has no out-of-scope paper
    assert "macro P / R / F1 over the 2 leaves with gold studies* | 0.500 | 0.500 | 0.500 | 2 |" in md
    for text in ("| rltaxo | 9.9 |", "sha256 abababababab", "my-gold.csv (sha256 cdcdcdcdcdcd)",
                 "| date | 2026-12-05", "> Fitted on this gold."):  # fmt: skip
        assert text in md, text
    html = render_html(m)
    assert "id='stamp'" in html and "Fitted on this gold." in html and "LLM4RL › Reward" in html


def test_html_report_escapes_and_is_self_contained() -> None:
    html = render_html(_metrics())
    assert "<script>" not in html and "B&lt;script&gt;" in html
    assert "http://" not in html and "https://" not in html  # nothing fetched at view time
    assert "id='heatmap'" in html and "id='misses'" in html
    misses = html[html.index("id='misses'") : html.index("id='missing'")]
    assert "B&lt;script&gt;" in misses and "missing: no PDF" not in misses  # missing is not a miss


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_html_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_html(_metrics()))
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(["chromium", *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert 'id="heatmap"' in dom.stdout and "rgba(40,140,60," in dom.stdout
    shot = tmp_path / "shot.png"
    subprocess.run(
        ["chromium", *flags, f"--screenshot={shot}", "--window-size=1200,900", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.stat().st_size > 5000


@pytest.mark.slow
@needs_corpus
def test_eval_offline_on_corpus_json(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "run"
    r = run_cli("eval", "--backend", "offline", "--pdf-dir", str(CORPUS), "--json", "--out", str(out), "--repeat", "2",
                env=env)  # fmt: skip
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    for key in ("n", "missing", "top_accuracy", "leaf_accuracy", "hierarchical_f1", "macro_f1", "kappa"):
        assert key in m
    assert m["n"] == 24 and m["classified"] + m["missing"] == 24
    assert m["rltaxo_version"] and len(m["taxonomy_sha256"]) == len(m["gold_sha256"]) == 64
    assert any("learned from" in note for note in m["notes"])  # the bundled model saw the survey's studies
    assert all(row["support"] > 0 for row in m["per_leaf"] if row["leaf"] == "out-of-scope")
    assert m["classified"] >= 5 and m["leaf_accuracy"] >= 0.8  # at least 4 of the 5 corpus gold studies
    assert m["flip_rate"] == 0.0 and m["repeat"] == 2  # the offline backend is deterministic
    for name in ("metrics.json", "predictions.jsonl", "report.md", "report.html"):
        assert (out / name).exists()
    preds = [json.loads(x) for x in (out / "predictions.jsonl").read_text().splitlines()]
    assert len(preds) == 24 and sum(p["result"] is None for p in preds) == m["missing"]
    assert all(p["error"].startswith("missing") for p in preds if p["result"] is None)

    r2 = run_cli("eval", "compare", str(out), str(out), "--json", env=env)
    assert r2.returncode == 0 and json.loads(r2.stdout)["changes"] == []


def test_eval_compare_reports_changes(env: dict[str, str], tmp_path: Path) -> None:
    def run(folder: Path, leaf: str) -> Path:
        folder.mkdir()
        rec = {"key": "k", "arxiv_id": "1", "gold": "llm4rl/goal", "error": None, "result": {"leaf": leaf}}
        (folder / "predictions.jsonl").write_text(json.dumps(rec) + "\n")
        return folder

    a, b = run(tmp_path / "a", "llm4rl/reward"), run(tmp_path / "b", "llm4rl/goal")
    r = run_cli("eval", "compare", str(a), str(b), env=env)
    assert r.returncode == 0 and "fixed" in r.stdout and "llm4rl/reward → llm4rl/goal" in r.stdout


def test_the_run_folder_defaults_beside_the_gold_not_where_the_user_stands(env: dict[str, str], tmp_path: Path) -> None:
    gold_dir, cwd = tmp_path / "labels", tmp_path / "elsewhere"
    gold_dir.mkdir()
    cwd.mkdir()
    gold = gold_dir / "mine.jsonl"
    gold.write_text((ROOT / "examples" / "gold.jsonl").read_text())
    r = run_cli("eval", "--backend", "offline", "--gold", str(gold), env=env, cwd=cwd)
    assert r.returncode == 0, r.stderr
    runs = list((gold_dir / "mine.eval").iterdir())
    assert len(runs) == 1 and (runs[0] / "report.md").exists()
    assert list(cwd.iterdir()) == []
    (gold_dir / "mine.eval" / runs[0].name).rename(tmp_path / "moved")
    (gold_dir / "mine.eval").rmdir()
    gold_dir.chmod(0o555)  # shared, read-only data (root ignores the bits; rltaxo must not)
    try:
        r = run_cli("eval", "--backend", "offline", "--gold", str(gold), env=env, cwd=cwd)
    finally:
        gold_dir.chmod(0o755)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in gold_dir.iterdir()) == ["mine.jsonl"]
    runs = list((cwd / "eval" / "runs").iterdir())
    assert len(runs) == 1 and runs[0].name.startswith("mine-") and (runs[0] / "report.md").exists()
