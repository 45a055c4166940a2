"""Learning an offline model from labelled papers, for any tree (``rltaxo learn``; the bundled model).

A class-weighted multinomial logistic regression over the features of ``features.py``, its temperature
fitted on out-of-fold predictions, its review threshold chosen so that the results it does not flag are
right at least ``review_accuracy`` of the time under cross-validation. Every figure it reports is
cross-validated (grouped by paper, stratified by label), never the training fit.

scikit-learn, numpy and scipy are needed here only (``pip install 'rltaxo[learn]'``); prediction is
``model.py`` in plain Python. Deterministic: the same rows give the same file, byte for byte.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .backends.engine import engine_view
from .errors import UsageError
from .features import text_counts
from .ingest import Paper
from .model import FORMAT, ModelFile, Weights, data_hash, paper_hash, scaled, tfidf
from .taxonomy import Taxonomy

MIN_PER_LEAF = 5  # fewer rows than this for a leaf: learn warns that its figures mean little
#: Weights for shorter texts: (used below this many words of abstract, learned from the rows cut to these
#: lengths). A title alone (0 words); a short abstract, a one-line summary (real abstracts have 100-300
#: words: under 80 the whole-abstract weights are out of their depth).
SHORTER = ((1, (0,)), (80, (15, 30, 60)))
SHORTER_VOCAB = 4000  # their vocabulary: cross-validated, 3,000 words do as well as 20,000 on short texts


@dataclass
class Row:
    """One labelled paper. ``weight`` says how much it counts (a person's correction more than a model's
    label); an uncertain row may name a ``second`` label, learned at ``second_weight``."""

    title: str
    abstract: str
    label: str
    weight: float = 1.0
    group: str = ""  # rows of one paper share a group: never split across folds
    second: str = ""
    second_weight: float = 0.0
    tags: frozenset[str] = frozenset()  # e.g. "sure", "gold": figures are also reported per tag
    features: tuple[Counter[str], dict[str, float] | None] | None = field(default=None, repr=False)


@dataclass(frozen=True)
class LearnSettings:
    C: float = 10.0  # inverse regularisation strength
    engine_weight: float = 0.5  # scale of the engine's features against the text's
    min_df: int = 2  # a word must occur in this many papers to be a feature
    max_vocab: int = 20_000
    class_weight_power: float = 0.0  # 0: rows as they come; 1: every leaf weighs the same in total
    out_of_scope_prior: float = 0.0  # log-odds added to the out-of-scope node (recall against accuracy)
    folds: int = 5
    seed: int = 0
    review_accuracy: float = 0.9  # unflagged results must be right this often (cross-validated)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def featurize(rows: Sequence[Row], tax: Taxonomy, progress: Callable[[int], None] | None = None) -> None:
    """Compute each row's features once (the engine's reading is the slow part)."""
    for i, row in enumerate(rows):
        if row.features is None:
            paper = Paper.from_metadata(row.title, row.abstract)
            view = engine_view(paper, tax)
            row.features = (text_counts(paper.title, paper.abstract), view.features if view else None)
        if progress:
            progress(i + 1)


def cut_rows(rows: Sequence[Row], words: int, tax: Taxonomy) -> list[Row]:
    """The rows with their abstracts cut to their first ``words`` words (0: a title alone), featurized:
    what the weights for shorter texts learn from."""
    cut = [replace(r, abstract=" ".join(r.abstract.split()[:words]), features=None) for r in rows]
    featurize(cut, tax)
    return cut


def check_rows(rows: Sequence[Row], tax: Taxonomy) -> list[str]:
    """Refuse what cannot be learned from (one line each); return warnings for what is merely thin."""
    if not rows:
        raise UsageError("no labelled rows to learn from")
    unknown = sorted({r.label for r in rows if not tax.is_label(r.label)})
    if unknown:
        raise UsageError(
            f"unknown leaf {unknown[0]!r} for the tree {tax.name!r}" + (f" (and {len(unknown) - 1} more)" if
            len(unknown) > 1 else ""), hint=f"labels are: {', '.join(tax.labels)}")  # fmt: skip
    counts = Counter(r.label for r in rows)
    if len(counts) < 2:
        raise UsageError(f"every row has the label {next(iter(counts))!r}: a model needs at least two")
    warnings = [f"{leaf}: only {counts.get(leaf, 0)} row(s); its figures mean little" for leaf in tax.labels
                if 0 < counts.get(leaf, 0) < MIN_PER_LEAF]  # fmt: skip
    missing = [leaf for leaf in tax.labels if leaf not in counts]
    if missing:
        warnings.append(f"no rows for {', '.join(missing)}: the model will never answer them")
    return warnings


# --- fitting -----------------------------------------------------------------------------------------
def _design(rows: Sequence[Row], labels: list[str], s: LearnSettings) -> tuple[Any, ...]:
    """Rows (with their second labels) as matrix, targets and weights, plus the vocabulary they made."""
    import numpy as np
    from scipy.sparse import csr_matrix

    docs = [r.features for r in rows]
    assert all(d is not None for d in docs)
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d[0].keys())  # type: ignore[index]
    vocab = sorted((t for t, n in df.items() if n >= s.min_df), key=lambda t: (-df[t], t))[: s.max_vocab]
    vocab.sort()
    index = {t: j for j, t in enumerate(vocab)}
    n = len(rows)
    idf = [math.log((1 + n) / (1 + df[t])) + 1.0 for t in vocab]
    engine_names = sorted({name for d in docs if d[1] for name in d[1]})  # type: ignore[index]
    maxabs = {name: 0.0 for name in engine_names}
    for d in docs:
        for name, v in (d[1] or {}).items():  # type: ignore[index]
            maxabs[name] = max(maxabs[name], abs(v))
    scale = [max(maxabs[name], 1e-9) / s.engine_weight for name in engine_names]
    e_index = {name: j for j, name in enumerate(engine_names)}
    X, y, w = _matrix(rows, index, idf, e_index, scale), [], []
    extra = []
    k_of = {label: c for c, label in enumerate(labels)}
    for i, r in enumerate(rows):
        y.append(k_of[r.label])
        w.append(r.weight)
        if r.second and r.second in k_of and r.second != r.label and r.second_weight > 0:
            extra.append(i)
    if extra:
        from scipy.sparse import vstack

        X = vstack([X, X[extra]]).tocsr()
        y += [k_of[rows[i].second] for i in extra]
        w += [rows[i].second_weight for i in extra]
    y_arr, w_arr = np.array(y), np.array(w, dtype=float)
    if s.class_weight_power:
        counts = Counter(y)
        cw = {c: (len(y) / (len(counts) * m)) ** s.class_weight_power for c, m in counts.items()}
        w_arr = w_arr * np.array([cw[c] for c in y])
    return csr_matrix(X), y_arr, w_arr, vocab, idf, engine_names, scale


def _matrix(rows: Sequence[Row], index: dict[str, int], idf: list[float], e_index: dict[str, int],
            scale: list[float]) -> Any:  # fmt: skip
    from scipy.sparse import csr_matrix

    data, ind, ptr = [], [], [0]
    off = len(index)
    for r in rows:
        counts, eng = r.features  # type: ignore[misc]
        for j, v in sorted(tfidf(counts, index, idf).items()):
            ind.append(j)
            data.append(v)
        for j, v in sorted(scaled(eng or {}, e_index, scale).items()):
            ind.append(off + j)
            data.append(v)
        ptr.append(len(ind))
    return csr_matrix((data, ind, ptr), shape=(len(rows), off + len(e_index)))


@dataclass
class Fitted:
    labels: list[str]
    vocab: list[str]
    idf: list[float]
    engine_names: list[str]
    scale: list[float]
    coef: Any  # (k, features)
    intercept: Any

    def logits(self, rows: Sequence[Row]) -> Any:
        index = {t: j for j, t in enumerate(self.vocab)}
        e_index = {n: j for j, n in enumerate(self.engine_names)}
        X = _matrix(rows, index, self.idf, e_index, self.scale)
        return X @ self.coef.T + self.intercept


def fit(rows: Sequence[Row], labels: list[str], s: LearnSettings) -> Fitted:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    X, y, w, vocab, idf, engine_names, scale = _design(rows, labels, s)
    clf = LogisticRegression(C=s.C, max_iter=5000, tol=1e-6)
    clf.fit(X, y, sample_weight=w)
    k = len(labels)
    coef = np.zeros((k, X.shape[1]))
    intercept = np.full(k, -30.0)  # a label with no rows: never answered
    if len(clf.classes_) == 2:  # sklearn keeps one row for two classes
        coef[clf.classes_[1]], intercept[clf.classes_[1]] = clf.coef_[0] / 2, clf.intercept_[0] / 2
        coef[clf.classes_[0]], intercept[clf.classes_[0]] = -clf.coef_[0] / 2, -clf.intercept_[0] / 2
    else:
        coef[clf.classes_] = clf.coef_
        intercept[clf.classes_] = clf.intercept_
    return Fitted(labels, vocab, idf, engine_names, scale, coef, intercept)


# --- cross-validation and calibration -----------------------------------------------------------------
def folds(rows: Sequence[Row], labels: list[str], n_splits: int, seed: int) -> list[tuple[list[int], list[int]]]:
    """Grouped by paper, stratified by label (as far as the groups allow)."""
    import numpy as np
    from sklearn.model_selection import StratifiedGroupKFold

    y = np.array([labels.index(r.label) for r in rows])
    groups = np.array([r.group or f"row{i}" for i, r in enumerate(rows)])
    smallest = min(Counter(y.tolist()).values())
    n_splits = max(2, min(n_splits, len(set(groups.tolist()))))
    if smallest < n_splits:  # StratifiedGroupKFold warns and copes; say nothing twice
        import warnings

        warnings.filterwarnings("ignore", message="The least populated class", category=UserWarning)
    splitter = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return [(tr.tolist(), te.tolist()) for tr, te in splitter.split(np.zeros(len(rows)), y, groups)]


def out_of_fold_logits(rows: Sequence[Row], labels: list[str], s: LearnSettings) -> Any:
    import numpy as np

    out = np.zeros((len(rows), len(labels)))
    for tr, te in folds(rows, labels, s.folds, s.seed):
        model = fit([rows[i] for i in tr], labels, s)
        out[te] = model.logits([rows[i] for i in te])
    return out


def class_prior(labels: list[str], out_label: str, s: LearnSettings) -> Any:
    """Log-odds added to each label's logit: ``out_of_scope_prior`` on the out-of-scope node, 0 elsewhere."""
    import numpy as np

    prior = np.zeros(len(labels))
    if out_label in labels:
        prior[labels.index(out_label)] = s.out_of_scope_prior
    return prior


def softmax(z: Any, temperature: float = 1.0) -> Any:
    import numpy as np

    z = z / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_temperature(logits: Any, y: Any, weights: Any = None) -> float:
    """The temperature minimising the out-of-fold negative log-likelihood (a grid, then a finer one).

    Rows count with their learning weights: a label a strong model was unsure of (or a model's label
    against a person's correction) should not pull confidence down as hard as a sure one, else the model
    is under-confident on exactly the papers whose labels can be trusted."""
    import numpy as np

    w = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=float)

    def nll(t: float) -> float:
        p = softmax(logits, t)[np.arange(len(y)), y]
        return float(-(w * np.log(np.clip(p, 1e-12, 1))).sum() / w.sum())

    best = min(np.exp(np.linspace(-2.5, 2.5, 51)), key=nll)
    fine = min(best * np.exp(np.linspace(-0.1, 0.1, 21)), key=nll)
    return round(float(fine), 4)


def review_threshold(conf: Any, ok: Any, target: float) -> float:
    """The lowest confidence above which results are right at least ``target`` of the time."""
    import numpy as np

    order = np.argsort(-conf, kind="stable")
    right = np.cumsum(ok[order]) / np.arange(1, len(order) + 1)
    good = np.where(right >= target)[0]
    if not len(good):
        return 1.0
    return round(float(conf[order][good[-1]]), 4)


def figures(probs: Any, y: Any, rows: Sequence[Row], labels: list[str], out_label: str, threshold: float) -> dict:
    """Accuracy, top-2, per-leaf recall, out-of-scope recall, ECE, confidence right vs wrong, and coverage
    and accuracy at the review threshold: on all rows and on each tag's rows."""
    import numpy as np

    pred = probs.argmax(1)
    conf = probs.max(1)
    top2 = np.argsort(-probs, axis=1)[:, :2]
    ok = pred == y

    def block(m: Any) -> dict[str, Any]:
        if not m.any():
            return {"n": 0}
        okm, cm = ok[m], conf[m]
        flagged = cm < threshold
        ece = 0.0
        for lo in np.linspace(0, 1, 11)[:-1]:
            b = (cm >= lo) & (cm < lo + 0.1 + (1e-9 if lo >= 0.9 else 0))
            if b.any():
                ece += b.mean() * abs(okm[b].mean() - cm[b].mean())
        out_m = y[m] == labels.index(out_label) if out_label in labels else np.zeros(m.sum(), bool)
        return {
            "n": int(m.sum()),
            "accuracy": round(float(okm.mean()), 4),
            "top2_accuracy": round(float((top2[m] == y[m][:, None]).any(1).mean()), 4),
            "out_of_scope_recall": round(float(okm[out_m].mean()), 4) if out_m.any() else None,
            "ece": round(float(ece), 4),
            "confidence_right": round(float(cm[okm].mean()), 4) if okm.any() else None,
            "confidence_wrong": round(float(cm[~okm].mean()), 4) if (~okm).any() else None,
            "coverage": round(float((~flagged).mean()), 4),
            "accuracy_unflagged": round(float(okm[~flagged].mean()), 4) if (~flagged).any() else None,
            "per_leaf_recall": {
                labels[c]: round(float(okm[y[m] == c].mean()), 4) for c in range(len(labels)) if (y[m] == c).any()
            },
        }

    everything = np.ones(len(rows), bool)
    tags = sorted({t for r in rows for t in r.tags})
    out: dict[str, Any] = {"all": block(everything)}
    for t in tags:
        out[t] = block(np.array([t in r.tags for r in rows]))
    out["curve"] = coverage_curve(conf, ok)
    return out


def coverage_curve(conf: Any, ok: Any) -> list[dict[str, float]]:
    """Accuracy of the most confident results at each coverage (10%, 20%, … 100%)."""
    import numpy as np

    order = np.argsort(-conf, kind="stable")
    out = []
    for frac in np.linspace(0.1, 1.0, 10):
        m = max(1, round(float(frac) * len(order)))
        out.append({"coverage": round(float(frac), 2), "accuracy": round(float(ok[order][:m].mean()), 4),
                    "min_confidence": round(float(conf[order][m - 1]), 4)})  # fmt: skip
    return out


@dataclass
class Learned:
    model: ModelFile
    warnings: list[str]
    rows: list[Row]  # in the order of oof_probs
    oof_probs: Any  # out-of-fold probabilities, rows x labels (for reports)


def learn(rows: list[Row], tax: Taxonomy, s: LearnSettings | None = None,
          progress: Callable[[int], None] | None = None) -> Learned:  # fmt: skip
    """Cross-validate (figures, temperature, threshold), then fit on every row; the model file's content."""
    s = s or LearnSettings()
    warnings = check_rows(rows, tax)
    featurize(rows, tax, progress)
    rows = sorted(rows, key=lambda r: (r.group, r.title, r.abstract, r.label, r.weight))  # order-independent
    labels = list(tax.labels)
    main, probs = _learned_weights(rows, labels, tax, s)
    # the same rows cut short, for lists that give a title alone or a line of summary: a shorter text says
    # less, and the weights learned from whole abstracts are far too sure of it (cross-validated on the
    # bundled rows: above 0.8 confidence for 38-49% right, mostly "out of scope"), so shorter texts get
    # weights and a calibration of their own
    shorter = []
    for below, cuts in SHORTER:
        cut = [r for n in cuts for r in cut_rows(rows, n, tax)]
        weights, _ = _learned_weights(cut, labels, tax, replace(s, max_vocab=min(s.max_vocab, SHORTER_VOCAB)))
        shorter.append(weights.model_copy(update={"below_words": below}))
    spec = ModelFile(
        rltaxo_model=FORMAT,
        tree_name=tax.name,
        tree_sha256=tax.sha256,
        data_sha256=data_hash([(r.title, r.abstract, r.label, r.weight) for r in rows]),
        labels=labels,
        **main.model_dump(),
        shorter=shorter,
        trained_on=sorted({paper_hash(r.group) for r in rows if r.group}),
        settings={**s.as_dict(), "rows": len(rows)},
    )
    return Learned(spec, warnings, rows, probs)


def _learned_weights(rows: list[Row], labels: list[str], tax: Taxonomy, s: LearnSettings) -> tuple[Weights, Any]:
    """Cross-validate (figures, temperature, review threshold), then fit on every row; with the
    out-of-fold probabilities."""
    import numpy as np

    y = np.array([labels.index(r.label) for r in rows])
    prior = class_prior(labels, tax.out_of_scope, s)
    logits = out_of_fold_logits(rows, labels, s) + prior
    temperature = fit_temperature(logits, y, [r.weight for r in rows])
    probs = softmax(logits, temperature)
    # the threshold is set on the rows whose labels are sure where there are such rows (a strong model's
    # doubtful labels are not the yardstick), else on all
    sure = np.array(["sure" in r.tags for r in rows])
    if not sure.any():
        sure = np.ones(len(rows), bool)
    threshold = review_threshold(probs.max(1)[sure], (probs.argmax(1) == y)[sure], s.review_accuracy)
    figs = figures(probs, y, rows, labels, tax.out_of_scope, threshold)
    final = fit(rows, labels, s)
    nv = len(final.vocab)

    def r6(values: Any) -> list[float]:
        return [float(f"{v:.6g}") for v in values]

    weights = Weights(
        vocab=final.vocab,
        idf=r6(final.idf),
        text_weights=[r6(final.coef[:, j]) for j in range(nv)],
        engine_names=final.engine_names,
        engine_scale=r6(final.scale),
        engine_weights=[r6(final.coef[:, nv + j]) for j in range(len(final.engine_names))],
        intercept=r6(final.intercept),
        temperature=temperature,
        prior=r6(prior) if prior.any() else [],
        review_below=threshold,
        figures=figs,
    )
    return weights, probs


def dump(spec: ModelFile) -> str:
    """The model file's text: compact, keys in a fixed order, so the same rows give the same bytes."""
    return json.dumps(spec.model_dump(mode="json"), separators=(",", ":"), ensure_ascii=False) + "\n"
