"""Quotes checked against the paper: a backend's evidence counts only where it occurs in the text."""

from __future__ import annotations

import re
import unicodedata

from .ingest import fix_chars


def normalise_for_match(text: str) -> str:
    """Lower-case, ligature-free, hyphenation- and whitespace-insensitive form, for quote checks."""
    text = fix_chars(text).lower()
    text = re.sub(r"-\s*\n\s*", "", text)
    return re.sub(r"[^0-9a-z]+", "", unicodedata.normalize("NFKD", text))


MIN_QUOTE_CHARS = 12  # a word or two is not evidence


def quotable(quote: str) -> bool:
    """Long enough to count as evidence once found in the paper."""
    return len(normalise_for_match(quote)) >= MIN_QUOTE_CHARS


class QuoteChecker:
    """Checks quotes against a paper's text, insensitive to case, spacing, hyphenation and ligatures."""

    def __init__(self, text: str) -> None:
        self._norm = normalise_for_match(text)

    def __contains__(self, quote: str) -> bool:
        q = normalise_for_match(quote)
        return len(q) >= MIN_QUOTE_CHARS and q in self._norm

    def split(self, quotes: list[str]) -> tuple[list[str], list[str]]:
        found = [q for q in quotes if q in self]
        return found, [q for q in quotes if q not in found]
