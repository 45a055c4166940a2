"""pypdf's text extractor with two shortcuts for what it computes over and over.

1. After every shown string pypdf runs ``crlf_space_check``: it multiplies the text and
   transformation matrices twice, takes three square roots and copies the page's text so far, to
   decide whether the string starts a new line or a new word. Inside a ``TJ`` array (each word, and
   each space pypdf adds between words) the matrices are those of the previous check, so the answer
   is always "neither". ``_settled`` answers that case with pypdf's own arithmetic on the same values.
2. For every string it decodes the bytes through the font's encoding and character map and sums the
   glyph widths, though a paper shows the same few thousand strings in the same few fonts again and
   again. ``_shown`` asks pypdf once per font and string and remembers the answer for the PDF.

3. Inside ``word_gaps()`` (ingestion), a pen move of at least ``WORD_GAP`` em inside a ``TJ`` array is a
   word space even when the font declares a wide space: pypdf asks for 95% of half the declared space, and
   fonts that declare 500/1000 while the line is set with 0.24 em gaps read "Largelanguagemodelsare".

Every other case is left to pypdf. The shortcuts are proven against one version of pypdf's code, so
they are installed only when the source of the functions they stand in for hashes as expected; any
other pypdf runs as it is (and a test says so). They act only inside ``enabled()``, the block in
which ingestion reads one PDF.
"""

from __future__ import annotations

import hashlib
import inspect
import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

# The strings remembered for the PDF being read; set only inside ``enabled()``, so it also says whether
# the shortcuts are on. An extractor takes it when it is built (one per page or form).
_SHOWN: ContextVar[dict[tuple[int, Any], tuple[Any, float, str, float, int]] | None] = ContextVar(
    "rltaxo_shown", default=None
)
# sha256 of the source of the pypdf functions below (``source_hash``) in the versions the shortcuts were
# checked against: tests compare the text of every corpus page, made-up pages and random streams
VERIFIED = frozenset({"e4a5788f2f8be2711ae53e99c57ba14438c1840e68126086c62bc6f52f3a771f"})  # pypdf 7.1.1
_installed: bool | None = None
#: The least TJ pen move (thousandths of an em) that always counts as a word space: kerning stays well
#: below it, a word space (0.2-0.35 em) above it; set inside ``word_gaps()`` only.
WORD_GAP = 180.0
_GAP: ContextVar[float | None] = ContextVar("rltaxo_word_gap", default=None)


@contextmanager
def enabled() -> Iterator[None]:
    """Take the shortcut while reading one PDF in this thread; elsewhere pypdf is unchanged."""
    install()
    token = _SHOWN.set({})
    try:
        yield
    finally:
        _SHOWN.reset(token)


@contextmanager
def word_gaps() -> Iterator[None]:
    """Inside the block, TJ gaps of WORD_GAP or more are word spaces whatever the font declares."""
    token = _GAP.set(WORD_GAP)
    try:
        yield
    finally:
        _GAP.reset(token)


def source_hash() -> str | None:
    """The hash of the pypdf code the shortcut stands in for, or None when that code is not there."""
    try:
        from pypdf._text_extraction import crlf_space_check, get_display_str, get_text_operands, mult, orient
        from pypdf._text_extraction._text_extractor import TextExtraction

        code = (mult, orient, crlf_space_check, get_text_operands, get_display_str)
        parts = [inspect.getsource(f) for f in code]
        parts += [
            inspect.getsource(f)
            for f in (TextExtraction._post_process_text_operation, TextExtraction._handle_tj,
                      TextExtraction.process_tj_offset)
        ]  # fmt: skip
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
    import pypdf._text_extraction as te
    from pypdf._text_extraction import mult, orient
    from pypdf._text_extraction._text_extractor import TextExtraction

    class FastTextExtraction(TextExtraction):
        """``TextExtraction`` that settles the unmoved pen without ``crlf_space_check`` and shows each
        string of a font once."""

        def __init__(self) -> None:
            super().__init__()
            self._rltaxo_shown = _SHOWN.get()  # None outside enabled(): pypdf as it is

        def _post_process_text_operation(self, str_widths: float) -> None:
            if self._rltaxo_shown is None or not _settled(self, str_widths, mult, orient):
                super()._post_process_text_operation(str_widths)

        def process_tj_offset(self, offset: float, space_width: float) -> None:
            gap = _GAP.get()
            super().process_tj_offset(offset, space_width if gap is None else min(space_width, gap))

        def _handle_tj(
            self,
            text: str,
            operands: list[Any],
            cm_matrix: list[float],
            tm_matrix: list[float],
            font_resource: Any,
            font: Any,
            orientations: tuple[int, ...],
            font_size: float,
            rtl_dir: bool,
            visitor_text: Any,
            actual_str_size: dict[str, float],
        ) -> tuple[str, bool, dict[str, float]]:
            shown = (
                _shown(te, self._rltaxo_shown, operands, cm_matrix, tm_matrix, font, orientations, rtl_dir)
                if self._rltaxo_shown is not None
                else None
            )
            if shown is None:
                return super()._handle_tj(
                    text,
                    operands,
                    cm_matrix,
                    tm_matrix,
                    font_resource,
                    font,
                    orientations,
                    font_size,
                    rtl_dir,
                    visitor_text,
                    actual_str_size,
                )
            appended, font_widths, count = shown
            actual_str_size["str_widths"] += font_widths * font_size + 1000 * self.char_spacing * count
            actual_str_size["str_height"] = font_size
            return text + appended, rtl_dir, actual_str_size

    return FastTextExtraction


def _shown(
    te: Any,
    cache: dict[tuple[int, Any], tuple[Any, float, str, float, int]],
    operands: list[Any],
    cm: list[float],
    tm: list[float],
    font: Any,
    orientations: tuple[int, ...],
    rtl_dir: bool,
) -> tuple[str, float, int] | None:
    """What showing ``operands[0]`` in ``font`` appends to the text, its width and its length, as
    pypdf's ``get_text_operands`` and ``get_display_str`` compute them, remembered per font and
    string; None where pypdf must decide (another orientation, right-to-left text)."""
    if not operands:
        return None
    operand = operands[0]
    is_str = isinstance(operand, str)
    if not is_str and (rtl_dir or (te.CUSTOM_RTL_MIN and te.CUSTOM_RTL_MAX)):
        return None
    if te.orient(te.mult(tm, cm)) not in orientations:
        return None
    key = (id(font), operand)
    hit = cache.get(key)
    if hit is not None and hit[0] is font and hit[1] == font.space_width:
        return hit[2], hit[3], hit[4]
    text_operands, is_str_operands, font_widths = te.get_text_operands(operands, cm, tm, font, orientations)
    if is_str_operands:
        appended = text_operands
    else:
        appended = "".join(font.character_map.get(c, c) for c in text_operands)
        if te.RTL_CHARACTER_PATTERN.search(appended) is not None:
            return None
    cache[key] = (font, font.space_width, appended, font_widths, len(text_operands))
    return appended, font_widths, len(text_operands)


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
