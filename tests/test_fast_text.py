"""The shortcuts must extract exactly what pypdf extracts, and act only where they are asked to."""

from __future__ import annotations

import contextlib
from typing import Any

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf.generic import ContentStream, DictionaryObject, NameObject, StreamObject

from classifier import fast_text

CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Shift def
1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfchar <61> <0062> <62> <0061> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"""


def _page(content: bytes) -> Any:
    """A one-page document whose text uses two standard fonts, F1 (Helvetica) and F2 (Courier), and
    F3, Helvetica whose ToUnicode map swaps a and b."""
    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(612, 792)
    fonts = DictionaryObject()
    for name, base in (("/F1", "/Helvetica"), ("/F2", "/Courier"), ("/F3", "/Helvetica")):
        fonts[NameObject(name)] = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject(base),
            }
        )
    to_unicode = StreamObject()
    to_unicode.set_data(CMAP)
    fonts["/F3"][NameObject("/ToUnicode")] = writer._add_object(to_unicode)
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    stream = ContentStream(None, None, "bytes")  # strings stay bytes, decoded by each font, as ingestion reads them
    stream.set_data(content)
    page[NameObject("/Contents")] = stream
    return page


ALL = (0, 90, 180, 270)


def _extract(content: bytes, fast: bool, orientations: tuple[int, ...] = ALL) -> tuple[str, list[Any]]:
    """The page's text and every call pypdf made to a text visitor (positions and fonts included)."""
    calls: list[tuple[Any, ...]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        calls.append((text, list(cm), list(tm), size))

    page = _page(content)
    with fast_text.enabled() if fast else contextlib.nullcontext():
        plain = page.extract_text(orientations)
        page.extract_text(orientations, visitor_text=visit)
    return plain, calls


def _same(content: bytes, orientations: tuple[int, ...] = ALL) -> None:
    assert _extract(content, True, orientations) == _extract(content, False, orientations), content


needs_verified_pypdf = pytest.mark.skipif(
    not fast_text.install(),
    reason=f"pypdf {pypdf.__version__}'s text-extraction code is not the one the shortcut was checked "
    "against, so ingestion runs pypdf as is; check the shortcut against it and add its hash to VERIFIED",
)


@needs_verified_pypdf
@pytest.mark.parametrize(
    "content",
    [
        b"BT /F1 10 Tf 72 700 Td [(W)80(ord)-333(and)-250(more)]TJ 0 -12 Td [(next)-500(line)]TJ ET",
        b"BT /F1 10 Tf 72 700 Td (a) Tj (b) Tj /F2 10 Tf (c) Tj 5 0 Td (d) Tj ET",
        b"BT /F1 10 Tf 0 1 -1 0 300 300 Tm [(up)-400(wards)]TJ ET",  # rotated a quarter turn
        b"BT /F1 10 Tf 72 700 Td (x) Tj ET q 2 0 0 2 0 0 cm BT /F1 10 Tf 36 350 Td (y) Tj (z) Tj ET Q",
        b"BT /F1 0 Tf 72 700 Td [(zero)-400(size)]TJ ET",  # a zero font size: pypdf's own path decides
        b"BT /F1 -10 Tf 72 700 Td [(neg)-400(size)]TJ ET",
        b"BT /F1 -10 Tf 72 700 Td [(neg) 5000] TJ 0 0 Td (kern) Tj ET",  # a wide kern: positive width
        b"BT /F1 10 Tf 0 0 0 0 72 700 Tm [(flat)-400(matrix)]TJ ET",  # a zero scale
        b"BT /F1 10 Tf 12 TL 72 700 Td (one) ' (two) ' 1 2 (three) \" T* [(four)]TJ ET",
        b"BT /F1 10 Tf 50 Tz 2 Tc 72 700 Td [(s)-3000(p)-3000(a)-3000(c)]TJ ET",
        b"BT /F1 10 Tf 72 700 Td [(a)] TJ 0 0 Td [(b)] TJ 0 0.5 Td [(c)] TJ ET",  # small moves on one line
        b"BT /F1 10 Tf 72 700 Td (a) Tj 0 5 Td (b) Tj [(\n) (c)] TJ 0 -9 Td (d) Tj ET",  # a line break resets
        b"BT /F1 10 Tf 2 Tc 72 700 Td (abc) Tj 20 0 Td (def) Tj ET",  # character spacing widens a string
        b"BT /F1 10 Tf 72 700 Td (abc) Tj 20 0 Td (x) Tj /F2 10 Tf 0 -12 Td (abc) Tj 20 0 Td (x) Tj ET",  # per font
        b"BT /F1 10 Tf 72 700 Td [(ab)-333(ba)]TJ /F3 10 Tf 0 -12 Td [(ab)-333(ba)]TJ ET",  # a ToUnicode map
    ],
)
def test_text_and_visitor_calls_are_pypdfs(content: bytes) -> None:
    _same(content)


@needs_verified_pypdf
def test_text_in_orientations_left_out_stays_out() -> None:
    content = b"BT /F1 10 Tf 72 700 Td (flat) Tj 0 1 -1 0 300 300 Tm (up) Tj 1 0 0 1 72 600 Tm (up) Tj ET"
    _same(content, orientations=(0,))
    assert _extract(content, True, (0,))[0].split() == ["flat", "up"]  # the rotated one is left out


_NUM = st.sampled_from([b"0", b"1", b"-1", b"0.5", b"12", b"-12", b"300", b"1e3"])
_WORD = st.sampled_from([b"(a)", b"(word)", b"( )", b"(\\n)", b"()", b"(ab)", b"<e9>"])
_TJ = st.lists(st.one_of(_WORD, st.sampled_from([b"-333", b"80", b"-2000", b"0", b"5000"])), max_size=6)
_OP = st.one_of(
    _WORD.map(lambda w: w + b" Tj"),
    _TJ.map(lambda xs: b"[" + b" ".join(xs) + b"] TJ"),
    st.tuples(_NUM, _NUM).map(lambda t: t[0] + b" " + t[1] + b" Td"),
    st.tuples(st.sampled_from([b"/F1", b"/F2", b"/F3"]), _NUM).map(lambda t: t[0] + b" " + t[1] + b" Tf"),
    st.lists(_NUM, min_size=6, max_size=6).map(lambda xs: b" ".join(xs) + b" Tm"),
    st.just(b"T*"),
    st.sampled_from([b"ET BT", b"q 1 0 0 1 5 5 cm", b"Q", b"2 Tc", b"3 Tw", b"14 TL", b"0 1 -1 0 0 0 cm"]),
)


@needs_verified_pypdf
@settings(max_examples=300, deadline=None)
@given(st.lists(_OP, max_size=25))
def test_random_text_operators_extract_as_pypdf_extracts_them(ops: list[bytes]) -> None:
    _same(b"q BT /F1 10 Tf 72 700 Td " + b"\n".join(ops) + b" ET Q")


@needs_verified_pypdf
def test_the_shortcut_settles_most_checks_inside_the_block_and_none_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdf._text_extraction._text_extractor as extractor

    calls = []
    real = extractor.crlf_space_check
    monkeypatch.setattr(extractor, "crlf_space_check", lambda *a: calls.append(1) or real(*a))
    words = b" ".join(b"(w%d)-333" % i for i in range(40))
    page = _page(b"BT /F1 10 Tf 72 700 Td [" + words + b"] TJ 0 -12 Td [" + words + b"] TJ ET")
    page.extract_text()
    outside = len(calls)
    calls.clear()
    with fast_text.enabled():
        page.extract_text()
    assert outside > 150 and len(calls) < 10, (outside, len(calls))


def test_an_unverified_pypdf_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fast_text, "_installed", None)
    monkeypatch.setattr(fast_text, "VERIFIED", frozenset({"another version"}))
    import pypdf._page

    before = pypdf._page.TextExtraction
    assert fast_text.install() is False
    assert pypdf._page.TextExtraction is before


@needs_verified_pypdf
def test_right_to_left_text_is_left_to_pypdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a custom right-to-left range pypdf reverses runs; the remembered strings must step aside."""
    import pypdf._text_extraction as te

    content = b"BT /F1 10 Tf 72 700 Td [(abc)-333(abc)-333(xyz)]TJ 0 -12 Td (abc) Tj ET"
    plain = _extract(content, fast=True)
    for name in ("CUSTOM_RTL_MIN", "CUSTOM_RTL_MAX", "CUSTOM_RTL_SPECIAL_CHARS"):
        monkeypatch.setattr(te, name, getattr(te, name))  # restored after the test
    te.set_custom_rtl("a", "z", [])
    reversed_ = _extract(content, fast=True)
    assert reversed_ == _extract(content, fast=False)
    assert reversed_[0] != plain[0] and "cba" in reversed_[0]
