"""`rltaxo learn` and the learned offline model, on made-up rows (tests/learn_rows.py): any tree, with or
without cues; distillation from a scripted backend; the model file (JSON, deterministic, checked on
load); prediction in plain Python equal to the fitted model's; bad input refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("sklearn", reason="rltaxo learn needs scikit-learn (pip install '.[learn]')")

from classifier.learn import LearnSettings, Row, dump, fit, learn
from classifier.learn_data import read_labelled
from classifier.model import ModelFile, load
from classifier.taxonomy import Taxonomy
from classifier.taxonomy import load as load_tree

from .conftest import ROOT, run_cli
from .learn_rows import rows, write_jsonl
from .trees import TOY

SECOND = ROOT / "examples" / "llm-enhanced-rl" / "taxonomy.json"


@pytest.fixture
def toy(tmp_path: Path) -> Path:
    path = tmp_path / "toy.json"
    path.write_text(json.dumps(TOY))
    return path


def _agreement(model_path: Path, tree: Path, held: list[dict], env: dict[str, str], tmp: Path) -> float:
    lst = write_jsonl(tmp / "held.jsonl", [{"title": r["title"], "abstract": r["abstract"]} for r in held])
    out = tmp / "held-out.jsonl"
    r = run_cli("batch", str(lst), "-o", str(out), "-t", str(tree), "--offline-model", str(model_path), env=env)
    assert r.returncode == 0, r.stderr
    got = {
        json.loads(line)["result"]["title"]: json.loads(line)["result"]["leaf"] for line in out.read_text().splitlines()
    }
    return sum(got[h["title"]] == h["leaf"] for h in held) / len(held)


@pytest.mark.parametrize("tree_kind", ["toy", "second"])
def test_learn_end_to_end_on_any_tree(tree_kind: str, toy: Path, env: dict[str, str], tmp_path: Path) -> None:
    tree = toy if tree_kind == "toy" else SECOND  # the second tree has no cues: text features alone
    tax = load_tree(tree)
    gold = write_jsonl(tmp_path / "gold.jsonl", rows(tax, 14, seed=1))
    model = tmp_path / "model.json"
    r = run_cli("learn", str(gold), "-o", str(model), "-t", str(tree), env=env)
    assert r.returncode == 0, r.stderr
    assert "cross-validated (5 folds): accuracy" in r.stdout and f"--offline-model {model}" in r.stdout
    spec = ModelFile.model_validate_json(model.read_text())
    assert spec.tree_sha256 == tax.sha256 and bool(spec.engine_names) == (tree_kind == "toy")
    assert spec.figures["all"]["accuracy"] >= 0.8  # cross-validated, not the training fit
    assert _agreement(model, tree, rows(tax, 4, seed=99, prefix="Held "), env, tmp_path) >= 0.8


def test_distillation_scripted_labels_learned_and_reproduced_offline(toy: Path, env: dict[str, str],
                                                                     tmp_path: Path) -> None:  # fmt: skip
    tax = load_tree(toy)
    train = rows(tax, 14, seed=2)
    lst = write_jsonl(tmp_path / "list.jsonl", [{"title": r["title"], "abstract": r["abstract"]} for r in train])
    script = tmp_path / "script.json"  # the "LLM": one answer per item, in list order (one worker)
    script.write_text(json.dumps([{"leaf": r["leaf"], "confidence": 0.9, "rationale": "scripted"} for r in train]))
    labelled = tmp_path / "llm-labels.jsonl"
    r = run_cli("batch", str(lst), "-o", str(labelled), "-t", str(toy), "-b", "scripted", "--workers", "1",
                env={**env, "RLTAXO_SCRIPT": str(script)})  # fmt: skip
    assert r.returncode == 0, r.stderr
    model = tmp_path / "distilled.json"
    r = run_cli("learn", str(labelled), "-o", str(model), "-t", str(toy), "--json", env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["rows"] == len(train)
    assert _agreement(model, toy, rows(tax, 4, seed=77, prefix="Held "), env, tmp_path) >= 0.8


def test_prediction_in_plain_python_equals_the_fitted_model(toy: Path) -> None:
    import numpy as np

    from classifier.learn import softmax

    tax = load_tree(toy)
    data = [Row(r["title"], r["abstract"], r["leaf"], group=str(i)) for i, r in enumerate(rows(tax, 6, seed=3))]
    learned = learn(data, tax, LearnSettings(folds=3))
    model = load_model_text(dump(learned.model), tax)
    fitted = fit(learned.rows, list(tax.labels), LearnSettings(folds=3))
    expect = softmax(fitted.logits(learned.rows[:5]), learned.model.temperature)
    for row, p in zip(learned.rows[:5], expect):
        got = dict(model.predict(*row.features).probs)  # type: ignore[misc]
        assert np.allclose([got[label] for label in tax.labels], p, atol=1e-4)
    # two views of one paper (a PDF's abstract and its introduction): their logits averaged
    a, b = learned.rows[0], learned.rows[-1]
    expect2 = softmax(fitted.logits([a, b]).mean(axis=0, keepdims=True), learned.model.temperature)[0]
    got = dict(model.predict(*a.features, also=[b.features]).probs)  # type: ignore[misc]
    assert np.allclose([got[label] for label in tax.labels], expect2, atol=1e-4)
    assert not np.allclose(expect2, expect[0], atol=1e-2)  # the second view did count


def test_shorter_texts_are_read_by_weights_learned_and_calibrated_for_them(toy: Path) -> None:
    """A title alone, or a line of summary, gives the model little: the file's weights for such texts
    (learned from the same rows cut to that length, cross-validated) answer them, in plain Python equal to
    the fitted model; a whole abstract keeps the main weights."""
    from dataclasses import replace

    import numpy as np

    from classifier.backends.offline import learned_verdict
    from classifier.ingest import Paper
    from classifier.learn import SHORTER, featurize, softmax

    tax = load_tree(toy)
    data = [Row(r["title"], r["abstract"], r["leaf"], group=str(i)) for i, r in enumerate(rows(tax, 6, seed=3))]
    learned = learn(data, tax, LearnSettings(folds=3))
    spec = learned.model
    assert [w.below_words for w in spec.shorter] == [below for below, _ in SHORTER] == [1, 80]
    titles, short = spec.shorter
    assert titles.figures["all"]["n"] == len(data) and short.figures["all"]["n"] == 3 * len(data)
    model = load_model_text(dump(spec), tax)
    for weights, words in ((titles, 0), (short, 12)):
        cut = [replace(r, abstract=" ".join(r.abstract.split()[:words]), features=None) for r in learned.rows[:3]]
        featurize(cut, tax)
        train = [replace(r, abstract=" ".join(r.abstract.split()[:n]), features=None)
                 for n in dict(SHORTER)[weights.below_words] for r in learned.rows]  # fmt: skip
        featurize(train, tax)
        expect = softmax(fit(train, list(tax.labels), LearnSettings(folds=3)).logits(cut), weights.temperature)
        for row, p in zip(cut, expect):
            verdict = learned_verdict(model, Paper.from_metadata(row.title, row.abstract), tax)
            assert verdict.rationale.startswith("Learned model (from the title alone): " if words == 0
                                                else "Learned model (for a short abstract, 12 words): ")  # fmt: skip
            assert verdict.review_below == weights.review_below
            got = dict(model.predict(*row.features, abstract_words=words).probs)  # type: ignore[misc]
            assert np.allclose([got[label] for label in tax.labels], p, atol=1e-4)
            assert abs(verdict.confidence - max(p)) < 1e-3
    long = " ".join([data[0].abstract] * 20)  # a whole abstract's length: the main weights
    verdict = learned_verdict(model, Paper.from_metadata(data[0].title, long), tax)
    assert verdict.rationale.startswith("Learned model: ") and verdict.review_below == spec.review_below
    # a model file from before shorter weights reads every text with its one set of weights, as it did
    old = json.loads(dump(spec))
    del old["shorter"]
    model = load_model_text(json.dumps(old), tax)
    verdict = learned_verdict(model, Paper.from_metadata(data[0].title, ""), tax)
    assert verdict.rationale.startswith("Learned model: ") and verdict.review_below == spec.review_below
    # shorter weights of the wrong shape, or out of order, are refused like any other
    bad = json.loads(dump(spec))
    bad["shorter"][0]["intercept"] = bad["shorter"][0]["intercept"][:-1]
    with pytest.raises(ValueError, match="one value per label"):
        ModelFile.model_validate_json(json.dumps(bad))
    bad = json.loads(dump(spec))
    bad["shorter"].reverse()
    with pytest.raises(ValueError, match="shortest first"):
        ModelFile.model_validate_json(json.dumps(bad))


def load_model_text(text: str, tax: Taxonomy):  # type: ignore[no-untyped-def]
    from classifier.model import LearnedModel

    model = LearnedModel(ModelFile.model_validate_json(text))
    model.check_tree(tax)
    return model


def test_learning_is_deterministic_and_order_free(toy: Path) -> None:
    tax = load_tree(toy)
    made = rows(tax, 6, seed=4)

    def once(items: list[dict]) -> str:
        data = [Row(r["title"], r["abstract"], r["leaf"], group=r["title"]) for r in items]
        return dump(learn(data, tax, LearnSettings(folds=3)).model)

    assert once(made) == once(list(reversed(made)))


def test_the_temperature_weighs_rows_as_learning_does() -> None:
    """Doubtful labels (low weight) that the logits contradict must not make sure rows under-confident."""
    import numpy as np

    from classifier.learn import fit_temperature

    logits = np.array([[3.0, 0.0]] * 8)
    y = np.array([0] * 6 + [1] * 2)  # two rows against the logits
    plain = fit_temperature(logits, y)
    assert fit_temperature(logits, y, [1.0] * 8) == plain
    weighted = fit_temperature(logits, y, [1.0] * 6 + [0.25] * 2)
    assert weighted < plain  # sharper: the contradicting rows count a quarter each


def test_a_correction_outweighs_the_llm_label(toy: Path, tmp_path: Path) -> None:
    tax = load_tree(toy)
    paper = {"title": "Made Up Paper About Search", "abstract": "We search a tree of candidates."}
    batch = tmp_path / "labels.jsonl"
    batch.write_text(json.dumps({"item": "x", "status": "ok", "result": {**paper, "leaf": "learning/supervised",
                                 "backend": "openai", "needs_review": False}}) + "\n")  # fmt: skip
    corr = tmp_path / "labels.corrections.jsonl"
    corr.write_text(json.dumps({"item": "x", **paper, "leaf": "search", "original": "learning/supervised"}) + "\n")
    data = read_labelled([batch, corr], tax)
    assert [(r.label, r.weight) for r in data.rows] == [("search", 3.0)]


def test_a_set_that_marks_doubtful_labels_learns_them_at_half_and_sets_the_threshold_on_the_sure(
    toy: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """A labelled set shaped like ../shared/train (label, sureness): unsure rows weigh half, and the review
    threshold is chosen on the sure rows, as for the bundled model; a set without such marks is as before."""
    tax = load_tree(toy)
    made = rows(tax, 10, seed=5)
    marked = [{"title": r["title"], "abstract": r["abstract"], "label": r["leaf"],
               "sureness": "unsure" if i % 3 == 0 else "sure"} for i, r in enumerate(made)]  # fmt: skip
    path = write_jsonl(tmp_path / "marked.jsonl", marked)
    data = read_labelled([path], tax)
    by_title = {r.title: r for r in data.rows}
    for m in marked:
        row = by_title[m["title"]]
        assert (row.weight, "sure" in row.tags) == ((2.0, True) if m["sureness"] == "sure" else (1.0, False))
    plain = read_labelled([write_jsonl(tmp_path / "plain.jsonl", made)], tax)
    assert {(r.weight, r.tags) for r in plain.rows} == {(2.0, frozenset())}
    r = run_cli("learn", str(path), "-o", str(tmp_path / "m.json"), "-t", str(toy), env=env)
    assert r.returncode == 0, r.stderr
    n_sure = sum(m["sureness"] == "sure" for m in marked)
    assert f"on the {n_sure} sure labels: accuracy" in r.stdout


def test_an_llm_s_flagged_results_are_the_doubtful_ones_beside_a_person_s_labels(toy: Path, tmp_path: Path) -> None:
    """Distillation: a batch's results flagged needs_review weigh half and are not the yardstick; its
    unflagged results and a person's corrections are the sure rows, whichever file they come from."""
    tax = load_tree(toy)
    made = rows(tax, 4, seed=9)
    results = [{"title": r["title"], "abstract": r["abstract"], "leaf": r["leaf"], "backend": "openai",
                "needs_review": k % 2 == 1} for k, r in enumerate(made)]  # fmt: skip
    lines = [json.dumps({"item": f"i{k}", "status": "ok", "result": res}) for k, res in enumerate(results)]
    batch = tmp_path / "labels.jsonl"
    batch.write_text("\n".join(lines) + "\n")
    corr = tmp_path / "labels.corrections.jsonl"
    fixed = made[1]  # flagged by the LLM, then corrected by a person: sure
    corr.write_text(json.dumps({"item": "i1", "title": fixed["title"], "abstract": fixed["abstract"],
                                "leaf": fixed["leaf"], "original": fixed["leaf"]}) + "\n")  # fmt: skip
    got = {r.title: (r.weight, "sure" in r.tags) for r in read_labelled([batch, corr], tax).rows}
    want = {r["title"]: ((0.5, False) if k % 2 == 1 else (1.0, True)) for k, r in enumerate(made)}
    want[fixed["title"]] = (3.0, True)
    assert got == want
    unflagged = batch.read_text().replace('"needs_review": true', '"needs_review": false')
    batch.write_text(unflagged)  # nothing doubtful: no yardstick apart from all rows
    assert {r.tags for r in read_labelled([batch], tax).rows} == {frozenset()}


# --- bad input: one line, exit 2, nothing written ---------------------------------------------------------
BAD = {
    "unknown-leaf": [{"title": "A", "abstract": "Made up.", "leaf": "learning/semi"}],
    "empty-abstract": [
        {"title": "A", "abstract": "", "leaf": "search"},
        {"title": "B", "abstract": "x y z.", "leaf": "elsewhere"},
    ],
    "duplicate": [
        {"title": "Same Title", "abstract": "Made up.", "leaf": "search"},
        {"title": "Same Title", "abstract": "Made up.", "leaf": "elsewhere"},
    ],
    "single-class": [{"title": f"T{i}", "abstract": f"Made up {i}.", "leaf": "search"} for i in range(6)],
}


@pytest.mark.parametrize("case", [*BAD, "missing-file", "other-tree-model", "corrupt-model"])
def test_bad_input_is_one_line_exit_2_nothing_written(case: str, toy: Path, env: dict[str, str],
                                                      tmp_path: Path) -> None:  # fmt: skip
    out = tmp_path / "m.json"
    if case in BAD:
        args = ["learn", str(write_jsonl(tmp_path / "g.jsonl", BAD[case])), "-o", str(out), "-t", str(toy)]
    elif case == "missing-file":
        args = ["learn", str(tmp_path / "absent.csv"), "-o", str(out), "-t", str(toy)]
    else:  # the bundled model given for the toy tree, or a file that is no model
        model = ROOT / "classifier" / "models" / "rl-llm.json"
        if case == "corrupt-model":
            model = tmp_path / "bad.json"
            model.write_text('{"rltaxo_model": "rltaxo-model/1", "labels": [1')
        args = [
            "classify",
            "--title",
            "A Title",
            "--abstract",
            "Made up.",
            "-t",
            str(toy),
            "--offline-model",
            str(model),
        ]
    r = run_cli(*args, env=env)
    lines = [ln for ln in r.stderr.splitlines() if not ln.startswith("rltaxo: using the offline backend")]
    assert r.returncode == 2 and len(lines) == 1 and lines[0].startswith("rltaxo: error:"), r.stderr
    assert "Traceback" not in r.stderr and not out.exists()


def test_the_bundled_model_loads_for_the_bundled_tree_only() -> None:
    from classifier.model import bundled_path
    from classifier.taxonomy import bundled

    path = bundled_path()
    assert path is not None and path.stat().st_size <= 5_000_000
    model = load(path, bundled())
    assert model.spec.labels == list(bundled().labels) and 0 < model.spec.review_below < 1
    assert model.spec.figures["sure"]["accuracy"] > 0.7  # cross-validated figures travel with the file


@pytest.mark.parametrize(
    ("feature", "words"),
    [
        ("title:reward", '"reward" in the title'),
        ("reward model", '"reward model"'),
        ("fact:combines_rl_and_llm=False", 'the engine\'s answer "combines rl and llm = no"'),
        ("fact:llm_role_for_rl_agent=goal", 'the engine\'s answer "llm role for rl agent = goal"'),
        ("own:rl_trains_lm", "the paper's own claims of rl trains lm"),
        ("engine:confidence", "the engine's confidence"),
        ("engine:llm4rl/goal", "the engine's leaf llm4rl/goal"),
        ("val:lm_is_policy", "engine value lm_is_policy"),
    ],
)
def test_weighed_most_names_features_in_words(feature: str, words: str) -> None:
    from classifier.model import describe

    assert describe(feature) == words


def test_out_of_scope_odds_are_learned_into_the_model(toy: Path, env: dict[str, str], tmp_path: Path) -> None:
    """--out-of-scope-odds sets the prior the bundled model learns with (odds of 2): stored in the file, and
    the figures printed are the model's with it; a value out of range is a usage error, nothing written."""
    import math

    tax = load_tree(toy)
    gold = write_jsonl(tmp_path / "gold.jsonl", rows(tax, 8, seed=5))
    k = list(tax.labels).index(tax.out_of_scope)
    recall = {}
    for odds in (1.0, 20.0):
        model = tmp_path / f"odds-{odds:g}.json"
        r = run_cli("learn", str(gold), "-o", str(model), "-t", str(toy), "--out-of-scope-odds", f"{odds:g}",
                    "--json", env=env)  # fmt: skip
        assert r.returncode == 0, r.stderr
        spec = ModelFile.model_validate_json(model.read_text())
        assert (spec.prior[k] if spec.prior else 0.0) == pytest.approx(math.log(odds), abs=1e-5)
        assert spec.settings["out_of_scope_prior"] == pytest.approx(math.log(odds))
        recall[odds] = json.loads(r.stdout)["figures"]["all"]["per_leaf_recall"][tax.out_of_scope]
    assert recall[20.0] >= recall[1.0]
    bad = tmp_path / "bad.json"
    r = run_cli("learn", str(gold), "-o", str(bad), "-t", str(toy), "--out-of-scope-odds", "0", env=env)
    assert r.returncode == 2 and "--out-of-scope-odds" in r.stderr and not bad.exists()
