"""The unmoved-pen shortcut must extract exactly what pypdf extracts, and act only where it is asked to."""

from __future__ import annotations

from typing import Any

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf.generic import ContentStream, DictionaryObject, NameObject

from classifier import fast_text


def _page(content: bytes) -> Any:
    """A one-page document whose text uses two standard fonts, F1 (Helvetica) and F2 (Courier)."""
    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(612, 792)
    fonts = DictionaryObject()
    for name, base in (("/F1", "/Helvetica"), ("/F2", "/Courier")):
        fonts[NameObject(name)] = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject(base),
            }
        )
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    stream = ContentStream(None, None)
    stream.set_data(content)
    page[NameObject("/Contents")] = stream
    return page


def _extract(content: bytes, fast: bool) -> tuple[str, list[tuple[Any, ...]]]:
    """The page's text and every call pypdf made to a text visitor (positions and fonts included)."""
    calls: list[tuple[Any, ...]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        calls.append((text, list(cm), list(tm), size))

    page = _page(content)
    if fast:
        with fast_text.enabled():
            plain = page.extract_text()
            page.extract_text(visitor_text=visit)
    else:
        plain = page.extract_text()
        page.extract_text(visitor_text=visit)
    return plain, calls


def _same(content: bytes) -> None:
    assert _extract(content, fast=True) == _extract(content, fast=False), content


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
    ],
)
def test_text_and_visitor_calls_are_pypdfs(content: bytes) -> None:
    _same(content)


_NUM = st.sampled_from([b"0", b"1", b"-1", b"0.5", b"12", b"-12", b"300", b"1e3"])
_WORD = st.sampled_from([b"(a)", b"(word)", b"( )", b"(\\n)", b"()"])
_TJ = st.lists(st.one_of(_WORD, st.sampled_from([b"-333", b"80", b"-2000", b"0", b"5000"])), max_size=6)
_OP = st.one_of(
    _WORD.map(lambda w: w + b" Tj"),
    _TJ.map(lambda xs: b"[" + b" ".join(xs) + b"] TJ"),
    st.tuples(_NUM, _NUM).map(lambda t: t[0] + b" " + t[1] + b" Td"),
    st.tuples(st.sampled_from([b"/F1", b"/F2"]), _NUM).map(lambda t: t[0] + b" " + t[1] + b" Tf"),
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
