"""What the review page shows, and the page itself (``page.html``: one self-contained file, no build step).

Every string from a paper (titles, quotes, rationales) is untrusted: the data travels as JSON inside a
``<script type="application/json">`` element (with ``<`` escaped, so no string can close it) and is put
on the page with ``textContent`` only, never as HTML.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..taxonomy import Taxonomy
from .corrections import last_per_item


def check_tree(out: Path, tax: Taxonomy) -> None:
    """Refuse to review labels made with another tree: its leaves would not be this tree's to choose."""
    from ..batch import iter_records
    from ..errors import UsageError

    mine = f"{tax.name} ({tax.short_hash})"
    for rec in iter_records(out):
        made = rec.result.taxonomy if rec.result is not None else ""
        if made and made != mine:
            raise UsageError(f"{out}: labelled with the tree {made}; this review uses {mine}",
                             hint="pass the --taxonomy the batch used")  # fmt: skip


Rows = list[dict[str, Any]]


def load_view(out: Path, tax: Taxonomy, corrections: dict[str, dict[str, Any]]) -> tuple[Rows, list[dict[str, str]]]:
    """The page's papers and its failed items, from one read of the results file."""
    last = last_per_item(out)
    return _papers(out, last, tax, corrections), _failed(last)


def load_papers(out: Path, tax: Taxonomy, corrections: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every labeled paper of a results file (last record per item), doubtful first."""
    return _papers(out, last_per_item(out), tax, corrections)


def _papers(out: Path, last: dict[str, dict[str, Any]], tax: Taxonomy,
            corrections: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:  # fmt: skip
    proposed = proposals_of(out)
    papers = []
    for item, rec in last.items():
        res = rec.get("result")
        if rec.get("status") != "ok" or not isinstance(res, dict):
            continue
        try:
            conf = float(res.get("confidence") or 0.0)
        except (TypeError, ValueError):
            continue  # an edited or odd record: not shown rather than a broken page
        if conf != conf:  # NaN
            continue
        leaf = str(res.get("leaf", ""))
        facts = res.get("facts") or {}
        quotes = res.get("fact_evidence") or {}
        used = _facts_used(facts, tax)
        bib: dict[str, Any] = rec["bib"] if isinstance(rec.get("bib"), dict) else {}
        papers.append({
            "item": item,
            "source": str(rec.get("source") or ""),
            "arxiv_id": res.get("arxiv_id") or "",
            "title": str(res.get("title") or rec.get("source") or item),
            "abstract": str(res.get("abstract") or ""),
            "leaf": leaf,
            "path": " › ".join(tax.path_names(leaf)) if tax.is_label(leaf) else leaf,
            "confidence": min(max(conf, 0.0), 1.0),
            "needs_review": bool(res.get("needs_review")),
            "rationale": str(res.get("rationale") or ""),
            "facts": [{"question": q, "answer": _answer(v), "quote": str(quotes.get(q, "")),
                       "applies": used is None or q in used} for q, v in facts.items()],
            "citekey": str(bib.get("citekey") or rec.get("bib_key") or ""),
            "authors": str(bib.get("authors") or ""),
            "year": str(bib.get("year") or ""),
            "evidence": [str(q) for q in res.get("evidence") or []],
            "issues": [str(i) for i in res.get("issues") or []],
            "backend": f"{res.get('backend', '')}/{res.get('model', '')}",
            "decision": corrections.get(item),
            "proposal": proposed.get(item, ""),
        })  # fmt: skip
    papers.sort(key=lambda p: (not p["needs_review"], p["confidence"]))
    return papers


def proposals_of(out: Path) -> dict[str, str]:
    """item -> "N. name" of the new-leaf proposal holding it, from ``rltaxo taxonomy grow``'s file beside
    the results (``<results>.proposals.json``), so the page can show a proposal's members together."""
    path = out.with_name(out.name.removesuffix(".jsonl") + ".proposals.json")
    try:
        doc = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError):
        return {}
    found: dict[str, str] = {}
    for p in doc.get("proposals", []) if isinstance(doc, dict) else []:
        if isinstance(p, dict) and p.get("kind") == "new-leaf":
            for m in p.get("members", []):
                found.setdefault(str(m.get("item")), f"{p.get('id')}. {p.get('name')}")
    return found


def load_failed(out: Path) -> list[dict[str, str]]:
    """Items whose last record failed, with the reason: listed on the page so none silently drops out."""
    return _failed(last_per_item(out))


def _failed(last: dict[str, dict[str, Any]]) -> list[dict[str, str]]:
    return [
        {"item": item, "source": str(rec.get("source") or item),
         "reason": str(rec["error"].get("message") if isinstance(rec.get("error"), dict) else "failed")}
        for item, rec in last.items()
        if rec.get("status") != "ok"
    ]  # fmt: skip


def _facts_used(facts: dict[str, Any], tax: Taxonomy) -> set[str] | None:
    """The questions the rule that gave the leaf asks; the other answers do not apply to it (an
    out-of-scope paper's sub-facts), so the page greys them. None when no rule can be told."""
    if not isinstance(facts, dict) or not facts:
        return None
    try:
        rule = tax.rule_for(facts)
    except (TypeError, ValueError):
        return None
    return set(rule.when) if rule is not None else None


def _answer(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def labels(tax: Taxonomy) -> list[dict[str, str]]:
    return [{"id": leaf, "name": " › ".join(tax.path_names(leaf))} for leaf in tax.labels]


def render_page(
    papers: list[dict[str, Any]],
    tax: Taxonomy,
    *,
    title: str,
    editable: bool,
    failed: list[dict[str, str]] | None = None,
) -> str:
    data = {"papers": papers, "labels": labels(tax), "editable": editable, "tree": tax.name, "title": title,
            "failed": failed or []}  # fmt: skip
    blob = json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    page = files("classifier.review").joinpath("page.html").read_text(encoding="utf-8")
    # the title first: a paper whose title says "__TITLE__" must stay data (and the file name is no regex)
    page = page.replace("__TITLE__", _escape(f"rltaxo review: {title}"), 1)
    return page.replace("__DATA__", blob, 1)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
