"""Dropping drawing operators before text extraction must change no extracted character."""

import contextlib
from pathlib import Path

import pypdf
import pytest

from classifier import fast_text
from classifier.slim import MIN_PATH_OPS, drop_drawing, shared_fonts, slim_page

from .conftest import corpus_pdfs, needs_corpus
from .pdfs import form_pdf, plotted_pdf

PLOT = b" ".join(b"%d.5 %d l" % (i, i % 13) for i in range(MIN_PATH_OPS * 2))


def _texts(path: Path, slim: bool, pages: int | None = None) -> list[str]:
    """Every page's text, as pypdf alone reads it or as ingestion prepares it (slim streams, operations
    parsed by the fast tokeniser, fonts shared across pages, the unmoved-pen shortcut)."""
    reader = pypdf.PdfReader(str(path))
    out = []
    with contextlib.ExitStack() as speedups:
        if slim:
            speedups.enter_context(shared_fonts())
            speedups.enter_context(fast_text.enabled())
        for page in list(reader.pages)[:pages]:
            if slim:
                slim_page(page, reader)
            out.append(page.extract_text())
    return out


def test_drawing_goes_and_text_operators_stay() -> None:
    stream = b"q 0 0 1 RG 0.5 w 1 0 0 1 72 400 cm 0 0 m " + PLOT + b" S Q BT /F1 9 Tf 10 10 Td (x) Tj ET"
    slim = drop_drawing(stream)
    assert b" l" not in slim and b"RG" not in slim and b" S " not in slim
    assert slim == b"q 1 0 0 1 72 400 cm Q BT /F1 9 Tf 10 10 Td (x) Tj ET"


def test_strings_that_look_like_operators_are_kept_whole() -> None:
    text = b"BT (see 1 2 m and 3 4 l \\) re) Tj [(a (nested 5 6 c) b)-250(f*)] TJ <0102 03> Tj ET"
    stream = b"0 0 m " + PLOT + b" S " + text + b" % a comment 7 8 l\n"
    slim = drop_drawing(stream)
    assert text in slim and b"% a comment 7 8 l" in slim


def test_names_and_two_letter_operators_are_not_split() -> None:
    stream = PLOT + b" S BT /Fm1 12 Tf 1 0 0 1 5 5 Tm 2 TL T* (y) ' ET /Fx1 Do 0 g /GS0 gs"
    assert drop_drawing(stream) == b"BT /Fm1 12 Tf 1 0 0 1 5 5 Tm 2 TL T* (y) ' ET /Fx1 Do /GS0 gs"


def test_mostly_text_and_inline_images_are_left_alone() -> None:
    few = b"0 0 m 10 10 l S BT (text) Tj ET"
    assert drop_drawing(few) is few
    inline = PLOT + b" S BI /W 2 /H 2 /BPC 8 /CS /G ID \x00 1 2 m\xff EI"
    assert drop_drawing(inline) is inline


def test_a_plotted_pdf_extracts_the_same_text_from_a_much_smaller_stream(tmp_path: Path) -> None:
    pdf = plotted_pdf(tmp_path / "plot.pdf")
    assert _texts(pdf, slim=True) == _texts(pdf, slim=False)
    reader = pypdf.PdfReader(str(pdf))
    before = len(reader.pages[0].get_contents().get_data())
    slim_page(reader.pages[0], reader)
    assert len(reader.pages[0].get_contents().get_data()) < before / 3


def test_text_inside_nested_form_xobjects_is_the_same(tmp_path: Path) -> None:
    pdf = form_pdf(tmp_path / "form.pdf")
    texts = _texts(pdf, slim=True)
    assert texts == _texts(pdf, slim=False)
    assert "A Paper Wrapped in a Form" in texts[0] and "(odd 1 2 m)" in texts[0] and "reward vs. steps" in texts[0]
    reader = pypdf.PdfReader(str(pdf))
    page = reader.pages[0]
    slim_page(page, reader)
    outer = page["/Resources"]["/XObject"]["/Fx1"]
    inner = outer["/Resources"]["/XObject"]["/Fx2"]
    assert b" l " not in outer.get_data() and b" l " not in inner.get_data()
    assert outer["/BBox"] == [0, 0, 612, 792]


def test_an_undecodable_form_leaves_the_page_to_pypdf(tmp_path: Path) -> None:
    pdf = form_pdf(tmp_path / "form.pdf")
    raw = pdf.read_bytes().replace(b"/Subtype /Form /BBox [0 0 400 100]", b"/Subtype /Form /BBox [0 0 400 100] "
                                   b"/Filter /FlateDecode")  # fmt: skip
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(raw)  # the inner form claims compression it does not have
    assert _texts(broken, slim=True) == _texts(broken, slim=False)


@pytest.mark.slow
@needs_corpus
@pytest.mark.parametrize("pdf", corpus_pdfs(), ids=lambda p: p.stem)
def test_every_corpus_page_extracts_the_same_text(pdf: Path) -> None:
    assert _texts(pdf, slim=True, pages=24) == _texts(pdf, slim=False, pages=24)


def test_fonts_are_shared_inside_the_block_only() -> None:
    from pypdf.generic import DictionaryObject, NameObject
    from pypdf.generic._font import Font

    font = DictionaryObject(
        {NameObject("/Subtype"): NameObject("/Type1"), NameObject("/BaseFont"): NameObject("/Times-Roman")}
    )
    with shared_fonts():
        first = Font.from_font_resource(font)
        assert Font.from_font_resource(font) is first
        other = DictionaryObject(font)
        assert Font.from_font_resource(other) is not first  # another dictionary, even an equal one, is built
    assert Font.from_font_resource(font) is not first  # outside, pypdf as it always was
    with shared_fonts():
        assert Font.from_font_resource(font) is not first  # each PDF starts afresh


def test_pages_read_with_prepared_streams_keep_their_text(tmp_path: Path) -> None:
    pdf = plotted_pdf(tmp_path / "plot.pdf")
    reader = pypdf.PdfReader(str(pdf))
    page = reader.pages[0]
    slim_page(page, reader)
    contents = page["/Contents"].get_object()
    assert contents._operations, "the tokeniser's operations are in place, so pypdf does not parse again"
    assert contents.operations is contents._operations


def test_every_form_pypdf_would_parse_is_handed_its_operations(tmp_path: Path) -> None:
    """pypdf parses any form whose bytes hold a text or Do operator, including one that only places
    another form; each of those gets the tokeniser's operations, so pypdf parses none itself."""
    from pypdf._text_extraction import _has_text_operator
    from pypdf.generic import ContentStream

    pdf = form_pdf(tmp_path / "wrapped.pdf", wrapper=True)
    reader = pypdf.PdfReader(str(pdf))
    page = reader.pages[0]
    slim_page(page, reader)
    forms, todo = [], [page["/Resources"]]
    while todo:
        for form in todo.pop().get_object().get("/XObject", {}).values():
            forms.append(form.get_object())
            todo.extend([forms[-1]["/Resources"]] if "/Resources" in forms[-1] else [])
    assert len(forms) == 3
    for form in forms:
        assert isinstance(form, ContentStream) and form._operations, form.get_data()[:40]
    assert _has_text_operator(forms[0].get_data()) and b"BT" not in forms[0].get_data()
    assert "A Paper Wrapped in a Form" in page.extract_text()
