"""A batch's labels as LaTeX for a survey: per leaf, one ``\\cite{...}`` list and a table of its papers.

The file is meant for ``\\input{}`` and needs only ``longtable`` (any TeX distribution has it). Leaf
names are the tree's; every text from a paper or a list is escaped (``latex_text.escape``), and cite
keys that LaTeX could not take go to the table only. Papers flagged for review are marked so, and a
person's decision (``rltaxo review``) wins over the model's, as in every derived output.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .latex_text import escape
from .records import RecordSummary
from .taxonomy import Taxonomy

_CITABLE = re.compile(r"[^\s{},%#\\~]+")  # what \cite{} takes as one key


def leaf_title(tax: Taxonomy, leaf: str) -> str:
    names = tax.path_names(leaf) if tax.is_label(leaf) else [leaf]
    return r" \,/\, ".join(escape(n) for n in names)


def render(records: Iterable[RecordSummary], tax: Taxonomy, source: str = "") -> str:
    """The LaTeX text: a section per leaf in the tree's order (leaves without papers left out)."""
    by_leaf: dict[str, list[RecordSummary]] = {}
    failed = 0
    for r in records:
        if r.result is None or not r.ok:
            failed += 1
            continue
        by_leaf.setdefault(r.result.leaf, []).append(r)
    leaves = [leaf for leaf in tax.labels if leaf in by_leaf] + [leaf for leaf in by_leaf if not tax.is_label(leaf)]
    labelled = sum(len(v) for v in by_leaf.values())
    out = [
        f"% rltaxo: {labelled} papers by leaf of {' '.join(tax.name.split())}"
        + (f", from {' '.join(source.split())}" if source else "")
        + (f"; {failed} items failed and are not listed" if failed else ""),
        "% \\input{} this file; it needs \\usepackage{longtable}. Papers marked $\\dagger$ still need review.",
        "",
    ]
    for leaf in leaves:
        papers = sorted(by_leaf[leaf], key=lambda r: (r.result.title if r.result else "").lower())
        keys = [
            k for r in papers if (k := r.bib_key) and not k.startswith(("ris:", "zotero:")) and _CITABLE.fullmatch(k)
        ]
        out += [f"\\subsection*{{{leaf_title(tax, leaf)}}}", f"\\label{{rltaxo:{_label(leaf)}}}", ""]
        out.append(
            f"{len(papers)} paper{'s' if len(papers) != 1 else ''}"
            + (f": \\cite{{{','.join(keys)}}}." if keys else ".")
        )
        out += ["", "\\begin{longtable}{@{}p{0.6\\linewidth}p{0.22\\linewidth}r@{}}",
                "Paper & Key & Confidence \\\\ \\hline", "\\endhead"]  # fmt: skip
        for r in papers:
            res = r.result
            assert res is not None
            title = escape(res.title or r.source or r.item)
            key = (
                f"\\texttt{{{escape(r.bib_key)}}}"
                if r.bib_key and not r.bib_key.startswith(("ris:", "zotero:"))
                else "--"
            )
            mark = ""
            if r.review == "changed":
                mark = " (label set by a reviewer)"
            elif r.review != "confirmed" and res.needs_review:
                mark = " $\\dagger$"
            out.append(f"{title}{mark} & {key} & {res.confidence:.2f} \\\\")
        out += ["\\end{longtable}", ""]
    return "\n".join(out) + "\n"


def _label(leaf: str) -> str:
    return re.sub(r"[^A-Za-z0-9:-]+", "-", leaf)


def write_latex(records: Iterable[RecordSummary], path: Path, tax: Taxonomy, source: str = "") -> None:
    path.write_text(render(records, tax, source), encoding="utf-8")
