"""pypdf's text extractor with a shortcut for the pen that did not move.

After every shown string pypdf runs ``crlf_space_check``: it multiplies the text and transformation
matrices twice, takes three square roots and copies the page's text so far, to decide whether the
string starts a new line or a new word. Inside a ``TJ`` array (each word, and each space pypdf adds
between words) the matrices are those of the previous check, so the answer is always "neither": a
third of text extraction went to asking it again. ``FastTextExtraction`` answers that case itself,
with pypdf's own arithmetic on the same values, and leaves every other case to pypdf.

The shortcut is proven against one version of pypdf's code, so it is installed only when the source
of the functions it stands in for hashes as expected; any other pypdf runs as it is (and a test says
so). It acts only inside ``enabled()``, the block in which ingestion reads one PDF.
"""

from __future__ import annotations

import hashlib
import inspect
import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_ENABLED: ContextVar[bool] = ContextVar("rltaxo_fast_text", default=False)
# sha256 of the source of mult, orient, crlf_space_check and TextExtraction._post_process_text_operation
# in the pypdf versions the shortcut was checked against (a test compares the text of every corpus page)
VERIFIED = frozenset({"e33fa92ff2d816942613185417fb58d2d562c3a994825be464fc9156668522b6"})  # pypdf 7.1.1
_installed: bool | None = None


@contextmanager
def enabled() -> Iterator[None]:
    """Take the shortcut while reading one PDF in this thread; elsewhere pypdf is unchanged."""
    install()
    token = _ENABLED.set(True)
    try:
        yield
    finally:
        _ENABLED.reset(token)


def source_hash() -> str | None:
    """The hash of the pypdf code the shortcut stands in for, or None when that code is not there."""
    try:
        from pypdf._text_extraction import crlf_space_check, mult, orient
        from pypdf._text_extraction._text_extractor import TextExtraction

        parts = [inspect.getsource(f) for f in (mult, orient, crlf_space_check)]
        parts.append(inspect.getsource(TextExtraction._post_process_text_operation))
    except (ImportError, AttributeError, OSError, TypeError):
        return None
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def install() -> bool:
    """Make pypdf's page extraction build ``FastTextExtraction``; True when it does."""
    global _installed
    if _installed is None:
        _installed = source_hash() in VERIFIED
        if _installed:
            import pypdf._page

            setattr(pypdf._page, "TextExtraction", _fast_class())  # noqa: B010 (a module's global, on purpose)
    return _installed


def _fast_class() -> type:
    from pypdf._text_extraction import mult, orient
    from pypdf._text_extraction._text_extractor import TextExtraction

    class FastTextExtraction(TextExtraction):
        """``TextExtraction`` that settles the unmoved pen without ``crlf_space_check``."""

        def __init__(self) -> None:
            super().__init__()
            self._rltaxo_fast = _ENABLED.get()

        def _post_process_text_operation(self, str_widths: float) -> None:
            if not (self._rltaxo_fast and _settled(self, str_widths, mult, orient)):
                super()._post_process_text_operation(str_widths)

    return FastTextExtraction


def _settled(ex: Any, str_widths: float, mult: Any, orient: Any) -> bool:
    """Do what ``crlf_space_check`` would do when neither matrix changed since its last call, and
    say True; say False, changing nothing, in any case where its answer is not plainly "same line,
    same word" (a moved pen, no line yet, a zero or negative size or space width, NaN).

    With the matrices unchanged, pypdf's position deltas are zero and the baseline lies inside the
    current line's span, so its distance is 0. That is no new line when its threshold (a product of
    non-negative sizes and scales) is not negative, and no word gap when the space width (plus the
    string widths) times the horizontal scale is positive. What remains is its bookkeeping: the
    line span, copies of the matrices and the memo of where the current text began."""
    span = ex._line_span
    tm = ex.tm_matrix
    cm = ex.cm_matrix
    try:
        if span is None or tm != ex.tm_prev or cm != ex.cm_prev:
            return False
        m = mult(tm, cm)
        orientation = orient(m)
        if orientation not in ex.orientations:
            return False  # pypdf skips the check (OrientationNotFoundError) and changes nothing
        axis_index = 5 if orientation in (0, 180) else 4
        axis = m[axis_index]
        if span[0] != axis_index or not span[1] <= axis <= span[2]:
            return False
        if not (ex._actual_str_size["str_height"] >= 0 and ex.font_size >= 0):
            return False
        space_width = ex.font_size * ex._space_width
        if ex._previous_font_space is not None:
            space_width = min(space_width, ex._previous_font_space)
        if not (ex.compute_str_widths(space_width) + str_widths) * math.sqrt(m[0] ** 2 + m[1] ** 2) > 0:
            return False
    except (TypeError, ValueError, OverflowError, IndexError, KeyError):
        return False
    text = ex.text
    last = text[-1:] if text else ex.output[-1:]
    if last in ("", "\n"):
        ex._line_span = (axis_index, axis, axis)
    else:
        ex._line_span = (axis_index, min(span[1], axis), max(span[2], axis))
    ex.tm_prev = tm.copy()
    ex.cm_prev = cm.copy()
    if text == "":
        ex.memo_cm = cm.copy()
        ex.memo_tm = tm.copy()
    return True
