"""Learn the bundled RL/LLM model from ../shared (deterministic: the same data gives the same bytes).

    python eval/learn_bundled.py [--shared ../shared] [--loo] [--curve] [--check]

Rows: the 651 real abstracts of ../shared/train (labels from a strong model: `sure` rows weigh 1, `unsure`
ones 0.5 with their second choice at 0.3) and the 24 gold + 22 dev abstracts (hand-labelled, weight 2).
Writes classifier/models/rl-llm.json (weights, vocabulary and figures only: no text of any paper) and
eval/BASELINE-learned.md with the cross-validated figures beside the engine alone's on the same rows.
--loo adds gold and dev leave-one-out: each study predicted, from its PDF where the corpus has it, by a
model learned without it. --curve adds a learning curve. --check only verifies that the bundled file is
what these rows give.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from classifier.learn import (  # noqa: E402
    SHORTER,
    LearnSettings,
    Row,
    class_prior,
    dump,
    featurize,
    figures,
    fit,
    learn,
    softmax,
)
from classifier.taxonomy import bundled  # noqa: E402

OUT = ROOT / "classifier" / "models" / "rl-llm.json"
REPORT = ROOT / "eval" / "BASELINE-learned.md"
#: How the bundled model is learned. out_of_scope_prior: log-odds for "out of scope", set once from the
#: cross-validated trade-off (README): recall of out-of-scope papers against leaf accuracy.
SETTINGS = LearnSettings(C=10.0, engine_weight=0.5, out_of_scope_prior=math.log(2.0))
#: Lengths the unseen PDFs' abstracts are cut to, for a short abstract read with and without its introduction.
CUT_ABSTRACT = (30, 50, 70)


def read_rows(shared: Path) -> list[Row]:
    rows = []
    for line in (shared / "train" / "real-abstracts.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        sure = r["sureness"] == "sure"
        rows.append(Row(r["title"], r["abstract"], r["label"], 1.0 if sure else 0.5, r["arxiv_id"],
                        second=r.get("second_choice") or "", second_weight=0.0 if sure else 0.3,
                        tags=frozenset({"train", "sure"} if sure else {"train"})))  # fmt: skip
    for role in ("gold", "dev"):
        for line in (shared / "corpus" / f"{role}-abstracts.jsonl").read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            rows.append(Row(r["title"], r["abstract"], r["leaf"], 2.0, r["arxiv_id"], tags=frozenset({role, "sure"})))
    return rows


def engine_probs(rows: list[Row], labels: list[str]):  # type: ignore[no-untyped-def]
    """The engine alone as probabilities: its confidence on its leaf, the rest shared evenly."""
    import numpy as np

    out = np.zeros((len(rows), len(labels)))
    for i, r in enumerate(rows):
        feats = r.features[1] or {}  # type: ignore[index]
        leaf = next(k.split(":", 1)[1] for k in feats if k.startswith("engine:") and k != "engine:confidence")
        conf = feats["engine:confidence"]
        out[i] = (1 - conf) / (len(labels) - 1)
        out[i, labels.index(leaf)] = conf
    return out


def leave_one_out(rows: list[Row], shared: Path, tax) -> list[dict]:  # type: ignore[no-untyped-def]
    """Each gold and dev study, from its PDF where the corpus has it, by a model learned without it."""

    from classifier.backends.offline import learned_input
    from classifier.ingest import read_pdf
    from classifier.model import load

    bundled_model = load(OUT, tax)  # only its settings (engine features on) matter to learned_input
    labels = list(tax.labels)
    prior = class_prior(labels, tax.out_of_scope, SETTINGS)
    corpus = shared / "corpus"
    out = []
    for r in rows:
        if not r.tags & {"gold", "dev"}:
            continue
        model = fit([x for x in rows if x.group != r.group], labels, SETTINGS)
        pdf = corpus / f"{r.group}.pdf"
        probe = Row(r.title, r.abstract, r.label)
        kind = "abstract"
        probes = [probe]
        if pdf.exists():
            got = learned_input(bundled_model, read_pdf(pdf), tax)
            probe.features = got.features
            probes += [Row("", "", r.label, features=(counts, eng)) for counts, eng in got.also]
            kind = "pdf"
        else:
            probe.features = r.features
        zs = model.logits(probes)
        z = zs.mean(axis=0)  # the views' logits averaged, as LearnedModel.predict does
        p = softmax(z[None, :] + prior, bundled_model.spec.temperature)[0]
        top = int(p.argmax())
        out.append({"id": r.group, "role": "gold" if "gold" in r.tags else "dev", "input": kind, "gold": r.label,
                    "pred": labels[top], "conf": round(float(p[top]), 3), "logits": z,
                    "views": len(probes), "abstract_alone": labels[int((zs[0] + prior).argmax())]})  # fmt: skip
    return out + unseen_pdfs(rows, shared, tax)


def unseen_pdfs(rows: list[Row], shared: Path, tax) -> list[dict]:  # type: ignore[no-untyped-def]
    """The corpus PDFs no row was learned from (labels.csv), predicted by the bundled model itself."""
    import csv

    from classifier.backends.offline import learned_input
    from classifier.ingest import read_pdf
    from classifier.model import load

    model = load(OUT, tax)
    seen = {r.group for r in rows}
    out = []
    with (shared / "corpus" / "labels.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            pdf = shared / "corpus" / f"{row['arxiv_id']}.pdf"
            if row["arxiv_id"] in seen or not pdf.exists():
                continue
            paper = read_pdf(pdf)
            got = learned_input(model, paper, tax)
            pred = model.predict(*got.features, got.weights_for, got.also)
            alone = model.predict(*got.features, got.words)  # the abstract alone, for the report's comparison
            cut = {}  # the abstract cut short (a workshop paper's, a bad extraction): with and without the intro
            for n in CUT_ABSTRACT:
                short = learned_input(model, replace(paper, abstract=" ".join(paper.abstract.split()[:n])), tax)
                cut[n] = (model.predict(*short.features, short.weights_for, short.also).leaf,
                          model.predict(*short.features, short.words).leaf)  # fmt: skip
            out.append({"id": row["arxiv_id"], "role": f"{row['role']} PDF (unseen)", "input": "pdf",
                        "gold": row["leaf"], "pred": pred.leaf, "conf": round(pred.confidence, 3),
                        "views": 1 + len(got.also), "abstract_alone": alone.leaf, "cut": cut})  # fmt: skip
    return out


def abstract_weights_on_cuts(rows: list[Row], tax, temperature: float, cuts: tuple[int, ...]):  # type: ignore[no-untyped-def]
    """Out-of-fold probabilities of the whole-abstract weights for each row cut to these lengths (rows in
    the order of the cuts): what such a text got before the model file had weights for shorter texts."""
    import numpy as np

    from classifier.learn import cut_rows, folds

    labels = list(tax.labels)
    cut = {n: cut_rows(rows, n, tax) for n in cuts}
    prior = class_prior(labels, tax.out_of_scope, SETTINGS)
    out = {n: np.zeros((len(rows), len(labels))) for n in cuts}
    for tr, te in folds(rows, labels, SETTINGS.folds, SETTINGS.seed):
        model = fit([rows[i] for i in tr], labels, SETTINGS)
        for n in cuts:
            out[n][te] = model.logits([cut[n][i] for i in te]) + prior
    return softmax(np.vstack([out[n] for n in cuts]), temperature)


def prior_tradeoff(learned, tax, loo: list[dict] | None) -> list[dict]:  # type: ignore[no-untyped-def]
    """The out-of-scope prior against what it trades: the out-of-fold logits with each prior in turn (the
    temperature and review threshold refitted as learn() does), and the leave-one-out gold studies."""
    import numpy as np

    from classifier.learn import fit_temperature, review_threshold

    labels, rows = list(tax.labels), learned.rows
    y = np.array([labels.index(r.label) for r in rows])
    sure = np.array(["sure" in r.tags for r in rows])
    t0 = learned.model.temperature
    # the logits without the prior, up to a constant per row
    base = np.log(np.clip(learned.oof_probs, 1e-300, 1)) * t0 - class_prior(labels, tax.out_of_scope, SETTINGS)
    out = []
    for odds in (1.0, 1.5, 2.0, 3.0, 4.0, 6.0):
        prior = class_prior(labels, tax.out_of_scope, replace(SETTINGS, out_of_scope_prior=math.log(odds)))
        z = base + prior
        p = softmax(z, fit_temperature(z, y, [r.weight for r in rows]))
        threshold = review_threshold(p.max(1)[sure], (p.argmax(1) == y)[sure], SETTINGS.review_accuracy)
        figs = figures(p, y, rows, labels, tax.out_of_scope, threshold)
        gold = None
        if loo:
            g = [x for x in loo if x["role"] == "gold"]
            preds = [labels[int((x["logits"] + prior).argmax())] for x in g]
            pairs = list(zip(preds, [x["gold"] for x in g]))
            gold = (sum(q == w for q, w in pairs), sum(tax.top_class(q) == tax.top_class(w) for q, w in pairs), len(g))
        out.append({"odds": odds, "all": figs["all"], "sure": figs["sure"], "gold": gold})
    return out


def learning_curve(rows: list[Row], tax) -> list[dict]:  # type: ignore[no-untyped-def]
    """Cross-validated accuracy when each fold learns from only part of its training papers: does the
    model want more data, or more settings? The held-out folds are the same at every size."""
    import random

    import numpy as np

    from classifier.learn import folds

    labels = list(tax.labels)
    y = np.array([labels.index(r.label) for r in rows])
    prior = class_prior(labels, tax.out_of_scope, SETTINGS)
    sure = np.array(["sure" in r.tags for r in rows])
    out_m = y == labels.index(tax.out_of_scope)
    out = []
    for frac in (0.25, 0.5, 0.75, 1.0):
        pred = np.zeros(len(rows), dtype=int)
        for tr, te in folds(rows, labels, SETTINGS.folds, SETTINGS.seed):
            groups = sorted({rows[i].group for i in tr})
            keep = set(random.Random(SETTINGS.seed).sample(groups, round(frac * len(groups))))
            model = fit([rows[i] for i in tr if rows[i].group in keep], labels, SETTINGS)
            pred[te] = (model.logits([rows[i] for i in te]) + prior).argmax(1)
        ok = pred == y
        out.append({"fraction": frac, "rows": round(frac * len(rows) * (SETTINGS.folds - 1) / SETTINGS.folds),
                    "accuracy": float(ok.mean()), "sure": float(ok[sure].mean()),
                    "oos_recall": float(ok[out_m].mean())})  # fmt: skip
    return out


def fmt(v: object) -> str:
    return "–" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--loo", action="store_true", help="also gold and dev leave-one-out (PDFs where present)")
    ap.add_argument("--check", action="store_true", help="only check the bundled file is what the rows give")
    ap.add_argument("--curve", action="store_true", help="also a learning curve (accuracy against rows learned from)")
    args = ap.parse_args()
    tax = bundled()
    rows = read_rows(args.shared)
    t0 = time.time()
    learned = learn(rows, tax, SETTINGS)
    text = dump(learned.model)
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("bundled model is up to date" if same else f"{OUT} differs from what the rows give: re-run this script")
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    labels = list(tax.labels)
    import numpy as np

    y = np.array([labels.index(r.label) for r in learned.rows])
    featurize(learned.rows, tax)
    eng = figures(engine_probs(learned.rows, labels), y, learned.rows, labels, tax.out_of_scope, 0.6)
    ours = learned.model.figures
    lines = [
        "# The learned offline model: cross-validated figures",
        "",
        f"`python eval/learn_bundled.py{' --loo' if args.loo else ''}{' --curve' if args.curve else ''}` on "
        f"{platform.machine()}, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}; {len(rows)} rows "
        "(../shared/train 651, gold 24, dev 22), 5-fold cross-validation grouped by arXiv id and stratified by "
        f"label; model file {OUT.stat().st_size / 1e6:.2f} MB, {len(learned.model.vocab):,} text features, "
        f"{len(learned.model.engine_names)} engine features, temperature {learned.model.temperature}, review "
        f"threshold {learned.model.review_below}. The engine alone is the hand-written offline backend "
        "(`--offline-model none`), scored on the same rows (it was tuned on gold and dev, so its figures there "
        "are not unseen).",
        "",
        "| rows | n | model accuracy | engine accuracy | model top-2 | model OOS recall | engine OOS recall "
        "| model ECE | engine ECE | model conf right / wrong | engine conf right / wrong | coverage | "
        "accuracy unflagged |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for tag in ("all", "sure", "train", "gold", "dev"):
        m, e = ours.get(tag, {}), eng.get(tag, {})
        if not m.get("n"):
            continue
        lines.append(
            f"| {tag} | {m['n']} | {fmt(m['accuracy'])} | {fmt(e['accuracy'])} | {fmt(m['top2_accuracy'])} | "
            f"{fmt(m['out_of_scope_recall'])} | {fmt(e['out_of_scope_recall'])} | {fmt(m['ece'])} | {fmt(e['ece'])} | "
            f"{fmt(m['confidence_right'])} / {fmt(m['confidence_wrong'])} | "
            f"{fmt(e['confidence_right'])} / {fmt(e['confidence_wrong'])} | {fmt(m['coverage'])} | "
            f"{fmt(m['accuracy_unflagged'])} |"
        )
    lines += ["", "Per-leaf recall (all rows): model / engine", ""]
    for leaf in labels:
        lines.append(f"- `{leaf}`: {fmt(ours['all']['per_leaf_recall'].get(leaf))} / "
                     f"{fmt(eng['all']['per_leaf_recall'].get(leaf))}")  # fmt: skip
    lines += ["", "Coverage against accuracy (all rows, most confident first):", "",
              "| coverage | accuracy | confidence at least |", "|---|---|---|"]  # fmt: skip
    lines += [f"| {c['coverage']:.0%} | {c['accuracy']:.3f} | {c['min_confidence']:.3f} |" for c in ours["curve"]]
    lines += ["", "## Shorter texts: a title alone, a short abstract", "",
              "A list may give a title alone (a bibliography, a Scholar export) or a line of summary. Real abstracts "
              "have 100-300 words; for fewer the file has weights of its own, learned from the same rows cut to "
              "that length (a title alone: no abstract; under 80 words: the first 15, 30 and 60 words of each), "
              "cross-validated and calibrated the same way. Title-only results are always `needs_review`. "
              "Beside them, the whole-abstract weights on the same cut texts (what such a text got before):", "",
              "| text | rows | n | own weights: accuracy | top-2 | OOS recall | ECE | conf right / wrong "
              "| whole-abstract weights: accuracy | ECE | conf right / wrong |",
              "|---|---|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for (below, cuts), short in zip(SHORTER, learned.model.shorter):
        what = "title alone" if below <= 1 else f"first {', '.join(map(str, cuts))} words"
        old_figs = {}
        if args.loo:
            cut_rows = [r for _ in cuts for r in learned.rows]
            y_cut = np.concatenate([y] * len(cuts))
            old_figs = figures(abstract_weights_on_cuts(learned.rows, tax, learned.model.temperature, cuts), y_cut,
                               cut_rows, labels, tax.out_of_scope, learned.model.review_below)  # fmt: skip
        for tag in ("all", "sure", "gold", "dev"):
            m, o = short.figures.get(tag, {}), old_figs.get(tag, {})
            if not m.get("n"):
                continue
            lines.append(
                f"| {what} | {tag} | {m['n']} | {fmt(m['accuracy'])} | {fmt(m['top2_accuracy'])} | "
                f"{fmt(m['out_of_scope_recall'])} | {fmt(m['ece'])} | {fmt(m['confidence_right'])} / "
                f"{fmt(m['confidence_wrong'])} | {fmt(o.get('accuracy'))} | {fmt(o.get('ece'))} | "
                f"{fmt(o.get('confidence_right'))} / {fmt(o.get('confidence_wrong'))} |"
            )
    loo = None
    if args.loo:
        loo = leave_one_out(learned.rows, args.shared, tax)
        lines += ["", "## Gold and dev, leave-one-out", "",
                  "Each study predicted by a model learned without it, from its PDF where ../shared/corpus has it "
                  "(its abstract and, as a second view, its introduction: their logits averaged).",
                  "", "| set | n | leaf right | top class right | from PDF |", "|---|---|---|---|---|"]  # fmt: skip
        for role in dict.fromkeys(x["role"] for x in loo):
            rs = [x for x in loo if x["role"] == role]
            leaf_ok = sum(x["pred"] == x["gold"] for x in rs)
            top_ok = sum(tax.top_class(x["pred"]) == tax.top_class(x["gold"]) for x in rs)
            lines.append(f"| {role} | {len(rs)} | {leaf_ok}/{len(rs)} | {top_ok}/{len(rs)} | "
                         f"{sum(x['input'] == 'pdf' for x in rs)} |")  # fmt: skip
        pdfs = [x for x in loo if x["input"] == "pdf"]
        lines += [
            "",
            f"The {len(pdfs)} PDFs: {sum(x['views'] > 1 for x in pdfs)} with an introduction read as a "
            f"second view; leaf right {sum(x['pred'] == x['gold'] for x in pdfs)}/{len(pdfs)}, from the "
            f"abstract alone {sum(x['abstract_alone'] == x['gold'] for x in pdfs)}/{len(pdfs)}. Few: "
            "the second view was chosen after InstructGPT's abstract, left out, read as out of scope.",
        ]
        cut = [x["cut"][n] + (x["gold"],) for x in loo if "cut" in x for n in CUT_ABSTRACT]  # (with, alone, gold)
        if cut:
            with_intro, alone = sum(c[0] == c[2] for c in cut), sum(c[1] == c[2] for c in cut)
            lines += ["", "A short abstract (a workshop paper's, or one the extraction cut): the "
                      f"{len(cut) // len(CUT_ABSTRACT)} unseen PDFs with their abstracts cut to "
                      f"{', '.join(map(str, CUT_ABSTRACT))} words, leaf right {with_intro}/{len(cut)} read with the "
                      f"introduction by the main weights (as rltaxo does), {alone}/{len(cut)} from the cut abstract "
                      "alone by the weights for short abstracts."]  # fmt: skip
        lines += ["", "Wrong:", ""]
        lines += [f"- {x['role']} {x['id']} ({x['input']}): gold `{x['gold']}`, predicted `{x['pred']}` at {x['conf']}"
                  for x in loo if x["pred"] != x["gold"]]  # fmt: skip
    lines += ["", "## The out-of-scope prior: its recall against the rest", "",
              "One setting, `out_of_scope_prior` in this script, adds log-odds to the out-of-scope node. Each row "
              "below re-scores the same out-of-fold logits (and, with --loo, the gold studies left out one at a "
              "time) with another prior, the temperature and review threshold refitted:", "",
              "| prior odds | accuracy (all / sure) | OOS recall (all / sure) | ECE (all) | conf right − wrong (all) "
              "| unflagged sure: coverage, accuracy | gold leaf / top class |",
              "|---|---|---|---|---|---|---|"]  # fmt: skip
    for t in prior_tradeoff(learned, tax, loo):
        a, s_ = t["all"], t["sure"]
        gold = f"{t['gold'][0]}/{t['gold'][2]} / {t['gold'][1]}/{t['gold'][2]}" if t["gold"] else "–"
        mark = " (this model)" if math.isclose(math.log(t["odds"]), SETTINGS.out_of_scope_prior) else ""
        lines.append(f"| {t['odds']:g}{mark} | {fmt(a['accuracy'])} / {fmt(s_['accuracy'])} | "
                     f"{fmt(a['out_of_scope_recall'])} / {fmt(s_['out_of_scope_recall'])} | {fmt(a['ece'])} | "
                     f"{a['confidence_right'] - a['confidence_wrong']:.3f} | {fmt(s_['coverage'])}, "
                     f"{fmt(s_['accuracy_unflagged'])} | {gold} |")  # fmt: skip
    unsure = [i for i, r in enumerate(learned.rows) if "sure" not in r.tags and r.second]
    pred = learned.oof_probs.argmax(1)
    missed = [i for i in unsure if labels[pred[i]] != learned.rows[i].label]
    second = sum(labels[pred[i]] == learned.rows[i].second for i in missed)
    oos_missed = [i for i in missed if learned.rows[i].label == tax.out_of_scope]
    oos_second = sum(labels[pred[i]] == learned.rows[i].second for i in oos_missed)
    lines += ["", f"Rows whose label the strong model was unsure of: the model misses {len(missed)} of {len(unsure)}, "
              f"and gives {second} of those misses the labeller's own second choice ({oos_second} of the "
              f"{len(oos_missed)} out-of-scope rows it misses)."]  # fmt: skip
    # out-of-scope recall falls short on all rows where the labeller hesitated between out of scope and a leaf:
    # does the model tell those rows apart any better than the labeller did?
    out = tax.out_of_scope
    hesitant = [i for i in unsure if out in (learned.rows[i].label, learned.rows[i].second)]
    both = {"out": [i for i in hesitant if learned.rows[i].label == out],
            "leaf": [i for i in hesitant if learned.rows[i].label != out]}  # fmt: skip
    called = {kind: sum(labels[pred[i]] == out for i in idx) for kind, idx in both.items()}
    n_out, n_leaf = len(both["out"]), len(both["leaf"])
    lines += ["", "Unsure between out of scope and a leaf, in both directions: of the "
              f"{n_out} rows labelled out of scope (a leaf second), the model calls {called['out']} out of scope "
              f"({called['out'] / max(1, n_out):.0%}); of the {n_leaf} labelled a leaf (out of scope second), "
              f"{called['leaf']} ({called['leaf'] / max(1, n_leaf):.0%}). It cannot tell them apart, nor could the "
              "labeller: out-of-scope recall on all rows is bounded by these rows, and a larger prior buys it only "
              "with the leaves of the rest (the table above)."]  # fmt: skip
    if args.curve:
        lines += ["", "## Learning curve", "",
                  "Each fold learns from part of its training papers (the held-out folds stay the same):", "",
                  "| training rows per fold | leaf accuracy (all) | leaf accuracy (sure) | out-of-scope recall |",
                  "|---|---|---|---|"]  # fmt: skip
        for c in learning_curve(learned.rows, tax):
            lines.append(f"| {c['rows']} ({c['fraction']:.0%}) | {c['accuracy']:.3f} | {c['sure']:.3f} | "
                         f"{c['oos_recall']:.3f} |")  # fmt: skip
    lines.append(f"\nLearned in {time.time() - t0:.0f} s.")
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
