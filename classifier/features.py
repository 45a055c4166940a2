"""What the learned offline model sees of a paper's text: words and word pairs of its title and abstract
(the engine's reading, the other half, is ``backends.engine.engine_view``).

Pure Python and deterministic, shared by learning (``learn.py``) and prediction (``model.py``), so a
model learned here reads papers exactly as it is used: the same tokens, the same engine numbers.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .taxonomy import Taxonomy

_TOKEN = re.compile(r"[a-z][a-z0-9]+(?:-[a-z0-9]+)*|\d+")
_URL = re.compile(r"https?://\S+|this https? url", re.IGNORECASE)
#: Words too common to tell leaves apart (kept short: bigrams such as "without human" need "without").
STOP = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "we",
        "on",
        "for",
        "with",
        "that",
        "this",
        "by",
        "as",
        "an",
        "are",
        "from",
        "be",
        "it",
        "its",
        "our",
        "at",
        "or",
        "can",
        "which",
        "these",
        "such",
        "has",
        "have",
        "been",
        "was",
        "were",
        "into",
        "their",
        "than",
        "also",
        "both",
        "using",
        "use",
        "used",
        "based",
    ]
)


def tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", _URL.sub(" ", text)).lower()
    out = []
    for tok in _TOKEN.findall(text):
        if tok.isdigit():
            tok = "<num>"
        out.append(tok)
    return out


def text_counts(title: str, abstract: str) -> Counter[str]:
    """Unigrams and bigrams of title + abstract (stop words dropped from unigrams only), and the title's
    own unigrams once more, marked, since a title says what a paper is about."""
    counts: Counter[str] = Counter()
    words = tokens(f"{title} . {abstract}")
    counts.update(w for w in words if w not in STOP)
    counts.update(f"{a} {b}" for a, b in zip(words, words[1:]) if not (a in STOP and b in STOP))
    counts.update(f"title:{w}" for w in tokens(title) if w not in STOP)
    return counts


def has_cues(tax: Taxonomy) -> bool:
    return bool(
        tax.questions and tax.rules and (tax.spec.offline or any(a.cues for q in tax.questions for a in q.answers))
    )
