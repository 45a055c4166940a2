import pytest

from classifier.evaluation.metrics import (
    Row,
    agreement,
    calibration,
    cohen_kappa,
    flip_rate,
    hierarchical_prf,
    macro_f1,
    summarise,
    wilson,
)
from classifier.taxonomy import bundled

TAX = bundled()

HF = "rl4llm/fine-tuning/with-human-feedback"
NHF = "rl4llm/fine-tuning/without-human-feedback"
PE = "rl4llm/prompt-engineering"
REW = "llm4rl/reward"
GOAL = "llm4rl/goal"


def test_wilson_matches_published_values() -> None:
    lo, hi = wilson(20, 24)
    assert lo == pytest.approx(0.641, abs=0.002) and hi == pytest.approx(0.933, abs=0.002)
    assert wilson(0, 0) == (0.0, 1.0)


def test_perfect() -> None:
    rows = [Row("a", HF, HF, 0.9), Row("b", REW, REW, 0.8), Row("c", GOAL, GOAL, 0.7)]
    m = summarise(rows, TAX)
    assert m.leaf_accuracy == m.top_accuracy == m.hierarchical_f1 == m.macro_f1 == m.kappa == 1.0
    assert m.missing == 0 and m.coverage == 1.0


def test_all_wrong() -> None:
    rows = [Row("a", HF, REW), Row("b", REW, HF)]
    m = summarise(rows, TAX)
    assert m.leaf_accuracy == m.top_accuracy == m.hierarchical_f1 == m.macro_f1 == 0.0
    assert m.kappa == pytest.approx(-1.0)


def test_partial_hierarchy_credit() -> None:
    # gold HF = {rl4llm, rl4llm/fine-tuning, HF}; predicted NHF shares two of three ancestors
    hp, hr, hf = hierarchical_prf([(HF, NHF)], TAX)
    assert (hp, hr, hf) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    # predicted prompt-engineering = {rl4llm, PE}: overlap 1; precision 1/2, recall 1/3
    hp, hr, hf = hierarchical_prf([(HF, PE)], TAX)
    assert hp == pytest.approx(1 / 2) and hr == pytest.approx(1 / 3) and hf == pytest.approx(0.4)
    hp, hr, hf = hierarchical_prf([(HF, "out-of-scope")], TAX)
    assert hf == 0.0
    m = summarise([Row("a", HF, NHF)], TAX)
    assert m.top_accuracy == 1.0 and m.leaf_accuracy == 0.0 and m.studies[0].correct == "top"


def test_missing_studies_are_counted_not_scored() -> None:
    rows = [Row("a", HF, HF), Row("b", REW, None), Row("c", GOAL, GOAL)]
    m = summarise(rows, TAX)
    assert m.n == 3 and m.missing == 1 and m.classified == 2
    assert m.leaf_accuracy == 1.0 and m.coverage == pytest.approx(2 / 3)
    assert m.studies[1].correct == "missing"


def test_kappa_and_macro_f1_hand_computed() -> None:
    pairs = [(HF, HF), (HF, NHF), (NHF, NHF), (NHF, NHF)]
    # po = 3/4; gold HF 2, NHF 2; pred HF 1, NHF 3; pe = (2*1 + 2*3)/16 = 1/2; kappa = (0.75-0.5)/0.5
    assert cohen_kappa(pairs) == pytest.approx(0.5)
    # HF: p=1, r=.5, f1=2/3; NHF: p=2/3, r=1, f1=.8
    assert macro_f1(pairs) == pytest.approx((2 / 3 + 0.8) / 2)


def test_confusion_has_out_of_scope_column() -> None:
    m = summarise([Row("a", HF, "out-of-scope")], TAX)
    assert m.confusion[HF]["out-of-scope"] == 1
    assert "out-of-scope" not in m.confusion


def test_calibration_and_ece() -> None:
    cal = calibration([(0.9, True), (0.9, False), (0.1, False)], bins=5)
    # bucket 0.8-1.0: conf .9 acc .5 -> weight 2/3 * .4; bucket 0-.2: conf .1 acc 0 -> 1/3 * .1
    assert cal["ece"] == pytest.approx(2 / 3 * 0.4 + 1 / 3 * 0.1)
    assert cal["buckets"][4]["n"] == 2


def test_flip_rate_and_agreement() -> None:
    runs = [{"a": HF, "b": REW}, {"a": HF, "b": GOAL}]
    assert flip_rate(runs) == 0.5
    ag = agreement(runs[0], runs[1])
    assert ag["agreement"] == 0.5 and ag["n"] == 2


def test_levels_and_hierarchy_come_from_any_tree() -> None:
    import json

    from classifier.taxonomy import Taxonomy, check_text

    from .trees import TOY

    spec, _ = check_text(json.dumps(TOY))
    assert spec is not None
    toy = Taxonomy(spec)
    m = summarise([Row("a", "learning/supervised", "learning/unsupervised"), Row("b", "search", "search")], toy)
    assert [lv.correct for lv in m.levels] == [2, 1]  # top class right twice, the leaf once
    assert m.top_accuracy == 1.0 and m.leaf_accuracy == 0.5
    assert m.labels == ["learning/supervised", "learning/unsupervised", "search", "elsewhere"]
    assert list(m.confusion["search"]) == m.labels
    assert hierarchical_prf([("learning/supervised", "learning/unsupervised")], toy) == (0.5, 0.5, 0.5)
