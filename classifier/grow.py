"""Grow the tree: find the papers no leaf holds well, cluster them, and propose new leaves (or splits).

Input is a batch's results file, from any backend and any tree. A paper fits poorly when it is flagged
``needs_review``, its confidence is low, its runner-up leaf is close behind, or it is out of scope with an
in-scope runner-up. Those papers are clustered on their words (TF-IDF of title + abstract reduced to 10
LSA dimensions, average-linkage clusters on cosine distance, the number of clusters chosen by the best
cosine silhouette), and each cluster of at least ``min_size`` papers becomes a proposal: the parent is
the parent of the existing leaf whose well-placed papers sit nearest; a draft name and definition come
from the cluster's most distinctive terms (class-based TF-IDF), to be rewritten by a person or named by
an LLM (``name_with``). A leaf whose own papers fall into two clearly separate groups gets a split
proposal. scikit-learn is needed (``rltaxo[learn]``); nothing is written here, the CLI writes the files.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UsageError
from .files import SMALL_BYTES, read_text, size_ok
from .records import latest
from .taxonomy import Taxonomy

FORMAT = "rltaxo-proposals/1"
LOW_CONFIDENCE = 0.6  # below: a poor fit
CLOSE_RUNNER_UP = 0.15  # a runner-up this close: a poor fit
OUT_RUNNER_UP = 0.25  # out of scope, with an in-scope runner-up at least this likely: a poor fit
SPLIT_SILHOUETTE = 0.12  # a leaf's two groups this separate (cosine silhouette): a split proposal
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


@dataclass
class Paper:
    """What grow needs of a record."""

    item: str
    title: str
    abstract: str
    leaf: str
    confidence: float
    needs_review: bool
    runner_up: str | None = None
    runner_up_confidence: float | None = None
    why: list[str] = field(default_factory=list)  # why it fits poorly; empty for a good fit

    @property
    def text(self) -> str:
        return f"{self.title}. {self.abstract}"


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """The last record of each item in a results file, where it is a label, one at a time (a file of any
    size): an item labelled again (--relabel, --retry-failed) counts once, as its latest label."""
    size_ok(path, what="results file")
    for rec in latest(path, _record, lambda rec: str(rec["item"])):
        if rec.get("status") == "ok" and isinstance(rec.get("result"), dict):
            yield rec


def _record(line: bytes) -> dict[str, Any] | None:
    try:
        rec = json.loads(line.decode("utf-8", errors="replace"))
    except ValueError:
        return None
    return rec if isinstance(rec, dict) and "item" in rec else None


def papers_of(records: Iterable[dict[str, Any]], tax: Taxonomy) -> list[Paper]:
    """Each record as a Paper, with the reasons it fits poorly (if it does)."""
    out = []
    for rec in records:
        r = rec["result"]
        leaf = str(r.get("leaf", ""))
        if not tax.is_label(leaf):
            continue
        conf = float(r.get("confidence") or 0.0)
        p = Paper(str(rec.get("item", "")), str(r.get("title") or ""), str(r.get("abstract") or ""), leaf, conf,
                  bool(r.get("needs_review")), r.get("runner_up"), r.get("runner_up_confidence"))  # fmt: skip
        if p.needs_review:
            p.why.append("needs review")
        if conf < LOW_CONFIDENCE:
            p.why.append(f"confidence {conf:.2f}")
        second = p.runner_up_confidence
        if p.runner_up and second is not None and conf - float(second) < CLOSE_RUNNER_UP:
            p.why.append(f"runner-up {p.runner_up} close behind ({float(second):.2f})")
        if leaf == tax.out_of_scope and p.runner_up and p.runner_up != leaf and float(second or 0) >= OUT_RUNNER_UP:
            p.why.append(f"out of scope, but {p.runner_up} at {float(second or 0):.2f}")
        out.append(p)
    return out


@dataclass
class Settings:
    min_size: int = 5
    max_clusters: int = 12
    seed: int = 0


def grow(papers: list[Paper], tax: Taxonomy, s: Settings | None = None, namer: Any = None) -> dict[str, Any]:
    """The proposals document (JSON-ready) for these papers; with *namer* (an LLM backend), each new leaf's
    name and definition come from one structured request, its quotes checked against the members."""
    try:
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer
    except ImportError:
        raise UsageError("rltaxo taxonomy grow needs scikit-learn", hint="pip install 'rltaxo[learn]'") from None

    s = s or Settings()
    poor = sorted((p for p in papers if p.why), key=lambda p: p.confidence)[:MAX_POOR]
    good = [p for p in papers if not p.why and p.leaf != tax.out_of_scope]
    doc: dict[str, Any] = {
        "rltaxo_proposals": FORMAT,
        "tree_name": tax.name,
        "tree_sha256": tax.sha256,
        "papers": len(papers),
        "poor_fits": len(poor),
        "settings": {
            "min_size": s.min_size,
            "max_clusters": s.max_clusters,
            "seed": s.seed,
            "low_confidence": LOW_CONFIDENCE,
            "close_runner_up": CLOSE_RUNNER_UP,
            "split_silhouette": SPLIT_SILHOUETTE,
        },
        "sizes": dict(Counter(p.leaf for p in papers)),
        "proposals": [],
    }
    vec = TfidfVectorizer(analyzer=_words, sublinear_tf=True, min_df=2, max_df=0.5, max_features=50_000)
    try:
        vec.fit([p.text for p in papers])
    except ValueError:  # no words left (empty or one-word texts)
        return doc
    terms = np.array(vec.get_feature_names_out())
    if len(poor) >= s.min_size:
        x_poor = vec.transform([p.text for p in poor])
        labels, k, sil = _cluster(x_poor, s)
        doc["clusters"] = {
            "k": k,
            "silhouette": round(sil, 4),
            "criterion": "best cosine silhouette, k = 2 .. poor fits / min-size",
        }
        centroids = _leaf_centroids(vec, good or [p for p in papers if p.leaf != tax.out_of_scope], tax)
        groups = [[i for i in range(len(poor)) if labels[i] == c] for c in range(k)]
        for g in sorted((g for g in groups if len(g) >= s.min_size), key=len, reverse=True):
            members = [poor[i] for i in g]
            proposal = _proposal(len(doc["proposals"]) + 1, members, x_poor[g], x_poor, terms, centroids, tax, papers)
            if namer is not None:
                name_with(namer, proposal, members, tax)
            doc["proposals"].append(proposal)
    for leaf in tax.leaves:
        mine = [p for p in good if p.leaf == leaf]
        split = _split(leaf, mine, vec, terms, s) if len(mine) >= 2 * s.min_size else None
        if split:
            split["id"] = len(doc["proposals"]) + 1
            doc["proposals"].append(split)
    return doc


LSA_DIMS = 10
MAX_POOR = 6000  # poor fits clustered at most (the least confident first): memory stays under 1 GB


def _cluster(x: Any, s: Settings) -> tuple[Any, int, float]:
    """Average-linkage clusters on cosine distance in a 10-dimensional LSA space (one tree, cut at each
    k), k chosen by the best cosine silhouette. Raw TF-IDF was tried: on real abstracts its silhouette
    is near 0 and the tree puts almost everything in one cluster; in 10 LSA dimensions the 174 poor
    fits of ../shared/train form 9 groups (silhouette 0.34) and the tests' planted family one."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.metrics import silhouette_score

    n = x.shape[0]
    dims = min(LSA_DIMS, x.shape[0] - 1, x.shape[1] - 1)
    if dims >= 2:
        from sklearn.decomposition import TruncatedSVD

        dense = TruncatedSVD(n_components=dims, random_state=s.seed).fit_transform(x)
    else:
        dense = x.toarray()
    dense = dense / np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-12)
    tree = linkage(dense, method="average", metric="cosine")
    best: tuple[float, int, Any] = (-2.0, 1, np.zeros(n, int))
    # at most n / min_size clusters: more could not all reach min_size, and silhouette favours many small ones
    for k in range(2, max(2, min(s.max_clusters, n // max(1, s.min_size))) + 1):
        if k >= n:
            break
        labels = fcluster(tree, t=k, criterion="maxclust") - 1
        if len(set(labels)) < 2:
            continue
        sil = float(silhouette_score(dense, labels, metric="cosine", sample_size=min(n, 3000), random_state=s.seed))
        if sil > best[0] + 1e-9:
            best = (sil, int(labels.max()) + 1, labels)
    return best[2], best[1], max(best[0], 0.0)


def _words(text: str) -> list[str]:
    """Words, lower-cased, stop words out, and a light stem, so "plan", "plans" and "planning" count as one."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    out = []
    for w in _WORD.findall(text.lower()):
        if w in ENGLISH_STOP_WORDS or w in _MARKUP:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
        out.append(w)
    return out


_WORD = re.compile(r"[a-z][a-z-]+")
_MARKUP = frozenset({"textbf", "textit", "emph", "mathbf", "mathrm", "mathcal", "cite", "url", "href", "http", "https"})


def _leaf_centroids(vec: Any, papers: list[Paper], tax: Taxonomy) -> dict[str, Any]:
    import numpy as np

    out = {}
    for leaf in tax.leaves:
        texts = [p.text for p in papers if p.leaf == leaf]
        if texts:
            c = np.asarray(vec.transform(texts).mean(axis=0)).ravel()
            out[leaf] = c / (np.linalg.norm(c) or 1.0)
    return out


def _distinctive(x_in: Any, x_all: Any, terms: Any, n: int = 8) -> list[str]:
    """Class-based TF-IDF: a term's weight in the cluster against how spread it is over all papers."""
    import numpy as np

    tf = np.asarray(x_in.sum(axis=0)).ravel()
    df = np.asarray((x_all > 0).sum(axis=0)).ravel()
    score = tf / (tf.sum() or 1.0) * np.log(1 + x_all.shape[0] / (1 + df))
    picked: list[str] = []
    for j in np.argsort(-score):
        term = str(terms[j])
        if score[j] <= 0 or len(picked) >= n:
            break
        if any(term in t or t in term for t in picked):  # "sound model" and "sound": keep the first
            continue
        picked.append(term)
    return picked


def _surface(stem: str, texts: list[str]) -> str:
    """The commonest written form of a stemmed term in the texts ("propos" reads "proposes")."""
    found = Counter(m.group(0).lower() for t in texts for m in re.finditer(rf"\b{re.escape(stem)}[a-z]*", t, re.I))
    return found.most_common(1)[0][0] if found else stem


def _tie_sentence(p: Paper, words: list[str]) -> str:
    """The member's sentence that holds most of the cluster's distinctive terms: why it belongs."""
    sentences = [s for s in _SENTENCE.split(p.abstract) if s.strip()] or [p.title]
    return max(sentences, key=lambda s: sum(w in s.lower() for w in words))


def _proposal(pid: int, members: list[Paper], x_in: Any, x_all: Any, terms: Any, centroids: dict[str, Any],
              tax: Taxonomy, papers: list[Paper]) -> dict[str, Any]:  # fmt: skip
    import numpy as np

    c = np.asarray(x_in.mean(axis=0)).ravel()
    c = c / (np.linalg.norm(c) or 1.0)
    near = sorted(((float(c @ v), leaf) for leaf, v in centroids.items()), reverse=True)
    nearest = near[0][1] if near else next(iter(Counter(m.leaf for m in members)))
    parent = tax.node(nearest).parent  # None: a new top-level class
    words = [_surface(w, [m.text for m in members]) for w in _distinctive(x_in, x_all, terms)]
    siblings = [leaf for leaf in tax.leaves if tax.node(leaf).parent == parent and leaf != tax.out_of_scope]
    name = " / ".join(words[:3]) or f"cluster {pid}"
    return {
        "id": pid,
        "kind": "new-leaf",
        "draft": True,
        "parent": parent,
        "nearest_leaf": nearest,
        "similarity": round(near[0][0], 4) if near else None,
        "name": name,
        "leaf_id": _slug(parent or "", words[:2] or [f"cluster-{pid}"]).lstrip("/"),
        "definition": f"Papers whose own method is about {', '.join(words[:5])} (a draft from the members' most "
        "distinctive terms: rewrite it before adopting).",
        "include": [f"papers centred on {w}" for w in words[:3]],
        "exclude": [f"papers that fit {tax.node(s).name} ({s}) as it stands" for s in siblings],
        "differs": f"Nearest existing leaf: {nearest} (cosine {near[0][0]:.2f}); these papers share "
        f"{', '.join(words[:5])}, which its well-placed papers do not."
        if near
        else "",
        "terms": words,
        "members": [
            {
                "item": m.item,
                "title": m.title,
                "leaf": m.leaf,
                "confidence": m.confidence,
                "why": m.why,
                "sentence": _tie_sentence(m, words),
            }
            for m in members
        ],
        "sizes": _sizes(papers, members, None),
    }


NAME_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "definition", "include", "exclude", "differs", "evidence"],
    "properties": {
        "name": {"type": "string", "maxLength": 80},
        "definition": {"type": "string", "maxLength": 400},
        "include": {"type": "array", "items": {"type": "string", "maxLength": 200}, "maxItems": 5},
        "exclude": {"type": "array", "items": {"type": "string", "maxLength": 200}, "maxItems": 5},
        "differs": {"type": "string", "maxLength": 400},
        "evidence": {"type": "array", "items": {"type": "string", "maxLength": 300}, "maxItems": 6},
    },
}


def grow_prompt() -> str:
    """prompts/grow.md, its placeholders checked (it is not part of the classification prompts' version)."""
    from .errors import PromptError
    from .prompts import placeholders
    from .resources import data_dir

    path = data_dir("prompts") / "grow.md"
    text = path.read_text(encoding="utf-8")
    allowed = {"tree_name", "parent", "siblings", "terms", "members"}
    used = placeholders(text)
    if used - allowed or "members" not in used:
        raise PromptError(f"{path}: placeholders must be among ${', $'.join(sorted(allowed))} and use $members")
    return text


def name_with(backend: Any, proposal: dict[str, Any], members: list[Paper], tax: Taxonomy) -> None:
    """Name and define a cluster with an LLM: one structured request; quotes not found in any member are
    kept apart (``unverified_evidence``), and with none verified the proposal stays a draft."""
    import string

    from .evidence import QuoteChecker

    parent = proposal["parent"]
    siblings = [tax.node(c).name for c in tax.nodes if tax.node(c).parent == parent] if parent else tax.top_classes
    shown = members[:15]
    user = string.Template(grow_prompt()).substitute(
        tree_name=tax.name,
        parent=tax.node(parent).name if parent else "(the root)",
        siblings=", ".join(map(str, siblings)) or "none",
        terms=", ".join(proposal["terms"]),
        members="\n".join(f"- {m.title}: {m.abstract[:700]}" for m in shown),
    )
    answer = backend.complete_json("You extend research taxonomies. Answer in JSON.", user, "new_leaf", NAME_SCHEMA)
    checker = QuoteChecker("\n".join(m.text for m in shown))
    quotes = [str(q) for q in answer.get("evidence") or [] if isinstance(q, str)]
    found, missing = checker.split(quotes)
    name = " ".join(str(answer.get("name") or "").split())[:80]
    definition = " ".join(str(answer.get("definition") or "").split())[:400]
    if not name or not definition:
        proposal["naming_error"] = "the model's answer had no name or definition; the draft is kept"
        return
    proposal.update(
        name=name,
        definition=definition,
        include=[str(x) for x in answer.get("include") or []][:5],
        exclude=[str(x) for x in answer.get("exclude") or []][:5],
        differs=str(answer.get("differs") or proposal["differs"]),
        evidence=found,
        unverified_evidence=missing,
        draft=not found,
        named_by=f"{backend.name} / {backend.model}",
        leaf_id=_slug(parent or "", name.split()[:3]) if parent else _slug("", name.split()[:3]).lstrip("/"),
    )


def _split(leaf: str, mine: list[Paper], vec: Any, terms: Any, s: Settings) -> dict[str, Any] | None:
    """A split proposal when the leaf's well-placed papers form two clearly separate groups."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    x = vec.transform([p.text for p in mine])
    km = KMeans(n_clusters=2, n_init=10, random_state=s.seed).fit(x)
    parts = [[i for i in range(len(mine)) if km.labels_[i] == c] for c in (0, 1)]
    if min(map(len, parts)) < s.min_size:
        return None
    sil = float(silhouette_score(x, km.labels_, metric="cosine", sample_size=min(len(mine), 3000), random_state=s.seed))
    if sil < SPLIT_SILHOUETTE:
        return None
    halves = []
    for part in parts:
        words = [_surface(w, [mine[i].text for i in part]) for w in _distinctive(x[part], x, terms)]
        halves.append({"name": " / ".join(words[:3]), "terms": words,
                       "members": [{"item": mine[i].item, "title": mine[i].title,
                                    "sentence": _tie_sentence(mine[i], words)} for i in part]})  # fmt: skip
    return {"kind": "split", "draft": True, "leaf": leaf, "silhouette": round(sil, 4), "parts": halves,
            "name": f"split {leaf}"}  # fmt: skip


def _sizes(papers: list[Paper], moved: list[Paper], new_leaf: str | None) -> dict[str, dict[str, int]]:
    before = Counter(p.leaf for p in papers)
    after = before.copy()
    for m in moved:
        after[m.leaf] -= 1
    after[new_leaf or "(new leaf)"] += len(moved)
    return {"before": dict(before), "after": {k: v for k, v in after.items() if v}}


def _slug(parent: str, words: list[str]) -> str:
    tail = "-".join(re.sub(r"[^a-z0-9]+", "-", w.lower()).strip("-") for w in words)[:40].strip("-")
    return f"{parent}/{tail or 'new'}"


def render_markdown(doc: dict[str, Any], tax: Taxonomy) -> str:
    """proposals.md: each proposal with its members, and leaf sizes before and after as bars."""
    lines = [f"# Proposals to grow {tax.name}", "",
             f"{doc['papers']} labelled papers, {doc['poor_fits']} fit poorly (needs review, confidence below "
             f"{LOW_CONFIDENCE}, a runner-up within {CLOSE_RUNNER_UP}, or out of scope with an in-scope runner-up).",
             ""]  # fmt: skip
    if "clusters" in doc:
        cl = doc["clusters"]
        lines += [f"Clusters: k = {cl['k']} by {cl['criterion']} (silhouette {cl['silhouette']}).", ""]
    if not doc["proposals"]:
        lines.append(f"No cluster reached {doc['settings']['min_size']} papers: nothing to propose.")
    for p in doc["proposals"]:
        if p["kind"] == "split":
            lines += [f"## {p['id']}. Split `{p['leaf']}` (silhouette {p['silhouette']}) — draft", ""]
            for half in p["parts"]:
                lines += [f"- **{half['name']}**: {len(half['members'])} papers"]
            lines.append("")
            continue
        draft = " — draft" if p.get("draft") else ""
        lines += [f"## {p['id']}. {p['name']}{draft}", ""]
        lines += [f"New leaf `{p['leaf_id']}` under `{p['parent']}`. {p['definition']}", "", p["differs"], ""]
        lines += ["| paper | now in | confidence | why it belongs |", "|---|---|---|---|"]
        for m in p["members"]:
            lines.append(f"| {_cell(m['title'])} | `{m['leaf']}` | {m['confidence']:.2f} | {_cell(m['sentence'])} |")
        lines += ["", "Leaf sizes before → after:", "", "```"]
        before, after = p["sizes"]["before"], p["sizes"]["after"]
        top = max([*before.values(), *after.values(), 1])
        for leaf in sorted(set(before) | set(after), key=lambda k: -after.get(k, 0)):
            b, a = before.get(leaf, 0), after.get(leaf, 0)
            bar = "█" * math.ceil(20 * a / top) if a else ""
            lines.append(f"{leaf[:44]:<44} {b:>5} → {a:<5} {bar}")
        lines += ["```", ""]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|").replace("<", "&lt;")[:300]


def load_proposals(path: Path) -> dict[str, Any]:
    try:
        doc = json.loads(read_text(path, what="proposals file", limit=SMALL_BYTES))
    except ValueError as exc:
        raise UsageError(
            f"{path}: not a proposals file ({exc})", hint="give the JSON rltaxo taxonomy grow wrote"
        ) from exc
    if not isinstance(doc, dict) or doc.get("rltaxo_proposals") != FORMAT:
        raise UsageError(f"{path}: not a proposals file", hint="give the JSON rltaxo taxonomy grow wrote")
    return doc
