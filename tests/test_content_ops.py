"""The fast tokeniser must build exactly what pypdf's own content-stream parser builds, or step aside."""

from pathlib import Path
from typing import Any

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf.generic import ContentStream

from classifier.content_ops import parse_operations
from classifier.slim import drop_drawing

from .conftest import corpus_pdfs, needs_corpus


def _pypdf_ops(data: bytes) -> list[tuple[Any, bytes]]:
    stream = ContentStream(None, None, "bytes")
    stream.set_data(data)
    return stream.operations


def _shape(value: Any) -> Any:
    """A value with its pypdf type at every level, so 1 and 1.0, or a name and a string, differ."""
    if isinstance(value, list):
        return (type(value).__name__, [_shape(v) for v in value])
    if isinstance(value, dict):
        return (type(value).__name__, [(_shape(k), _shape(v)) for k, v in value.items()])
    return (type(value).__name__, value)


def _same_as_pypdf(data: bytes) -> bool:
    ours = parse_operations(data)
    assert ours is not None, f"the tokeniser refused {data!r}"
    return [(_shape(o), op) for o, op in ours] == [(_shape(o), op) for o, op in _pypdf_ops(data)]


@pytest.mark.parametrize(
    "data",
    [
        b"BT /F1 9.96 Tf 72 700 Td (Hello) Tj ET",
        b"BT [(W)80(ord)-333(s)]TJ 0 -11.955 TD [(x)] TJ T* ET",
        b"q 1 0 0 1 -5.2 +3 cm .5 0 5. 1 0 0 Tm Q",
        b"BT (a\\(b\\)c) Tj (nested (paren (deep)) ok) Tj (\\n\\r\\t\\b\\f\\\\\\/\\%) Tj ET",
        b"BT (\\101\\12\\7x\\0123) Tj (odd \\q escape) Tj ET",
        b"BT (line \\\r\nbreak \\\ncontinued \\\n\n\\\n\r\\\r\rtwice) Tj ET",  # pypdf: any 2nd \r or \n goes too
        b"BT <48656C6C6F> Tj <4 8 6\n5 6> Tj <> Tj <ABC> Tj ET",
        b"BT 10 TL (first) ' 1 2 (second) \" ET",
        b"% a comment\nBT /F2 12 Tf%another\n(x)Tj ET\r\n",
        b"/OC /MC0 BDC EMC [3 2] 0 d /GS1 gs /Im1 Do 0 0 1 sc d0 1 0 0 1 0 0 d1",
        b"BT [[1 2] (x) [(y) -1]] TJ ET",
        b"\x00 \t\f BT (a)Tj\x00ET",
        b"/Andale#20Mono-minus 8 Tf /A#23B#2fC Do /A#2 Do /A#zz Do /A# Do",  # names with escapes, odd ones too
        b"",
        b"  \n ",
        b"BT 1(x)2[(y)-3<41>]TJ/F1 9Tf(a)'(b)'1 2(c)\"ET",  # no space between tokens
        b"BT (x) Tj ET 1 2",  # trailing operands: pypdf drops them too
        b"/Span <</ActualText (x)>> BDC (y) Tj EMC /P<</MCID 3>>BDC EMC",  # marked content
        b"/X << /A [1 (b) <43>] /B << /C /D /E 2.5 >> /F <> >> BDC << >> 1 DP",  # nested, empty
        b"/P << % a comment\n /MCID 0 >> BDC",
        b"00000000000000036643514 0 Td " + b"1" * 47 + b" w -" + b"2" * 46 + b" w",  # long, within pypdf's limit
    ],
)
def test_what_latex_and_other_writers_emit_parses_as_pypdf_parses_it(data: bytes) -> None:
    assert _same_as_pypdf(data)


@pytest.mark.parametrize(
    "data",
    [
        b"/P << /MCID 0 /MCID 1 >> BDC",  # a key given twice: pypdf warns and keeps the first
        b"/P << /MCID >> BDC",  # a key without a value
        b"/P << 1 2 >> BDC",  # a key that is not a name
        b"/P << /A 1 >> stream\nxyz\nendstream",  # a stream object
        b"/P << /A 1 BDC",  # unbalanced
        b"/P /A 1 >> BDC",
        b"[ << ] >> BDC",  # crossed
        b"<< [ >> ] BDC",
        b"/P << /A true >> BDC",  # a keyword pypdf reads as a boolean inside a dictionary
        b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI",  # an inline image
        b"BT (\\777) Tj ET",  # an octal escape past 255: pypdf keeps the backslash and digits
        b"/A#ffB Do",  # an escaped name that is not UTF-8
        b"/Caf\xc3\xa9 Do",  # a name outside ASCII
        b"1 2 ] cm",  # an unbalanced array
        b"BT (x)) Tj ET",  # a stray parenthesis
        b"[ 1 Tj ]",  # an operator inside an array
        b"1.2.3 w",
        b"1-2 w",
        b"-- w",
        b"1" * 48 + b" w",  # past 47 bytes pypdf may stop (LimitReachedError, by what follows): its call
        b"(a (b (c (d))))Tj",  # deeper than three levels
        b"1 0 R",
        b"BT (unterminated Tj ET",
        b"<4G> Tj",
        b"[1 2",
    ],
)
def test_anything_outside_the_subset_is_left_to_pypdf(data: bytes) -> None:
    assert parse_operations(data) is None


_NUMBERS = st.one_of(
    st.integers(-99999, 99999).map(lambda i: b"%d" % i),
    st.floats(-9999, 9999, allow_nan=False).map(lambda f: (b"%.3f" % f).rstrip(b"0")),
    st.sampled_from([b".5", b"-.25", b"+3", b"5.", b"0", b"-0"]),
)
_STRINGS = st.lists(
    st.one_of(
        st.binary(min_size=1, max_size=4).filter(lambda b: not set(b) & set(b"()\\")),
        # three-digit octals only: a short one followed by random digits ("\\7" then "00") can pass 255,
        # which the tokeniser rightly leaves to pypdf (a fixed case covers "\\7x")
        st.sampled_from([b"\\(", b"\\)", b"\\\\", b"\\n", b"\\053", b"\\007", b"\\\n", b"\\z", b"(in)"]),
    ),
    max_size=6,
).map(lambda parts: b"(" + b"".join(parts) + b")")
_HEX = st.binary(max_size=6).map(lambda b: b"<" + b.hex().upper().encode() + b">")
_NAMES = st.from_regex(rb"\A/[A-Za-z][A-Za-z0-9.+_-]{0,8}\Z", fullmatch=True)
_OPERAND = st.one_of(_NUMBERS, _STRINGS, _HEX, _NAMES)
_ARRAY = st.lists(st.one_of(_NUMBERS, _STRINGS, _HEX), max_size=6).map(lambda xs: b"[" + b" ".join(xs) + b"]")
_DICT = st.lists(st.tuples(_NAMES, st.one_of(_OPERAND, _ARRAY)), max_size=3, unique_by=lambda kv: kv[0]).map(
    lambda kvs: b"<<" + b" ".join(k + b" " + v for k, v in kvs) + b">>"
)
_OPERATORS = st.sampled_from(
    [b"Tj", b"TJ", b"Td", b"Tf", b"cm", b"BT", b"ET", b"q", b"Q", b"T*", b"'", b'"', b"Do", b"gs", b"BDC"]
)
_OPERATION = st.tuples(st.lists(st.one_of(_OPERAND, _ARRAY, _DICT), max_size=4), _OPERATORS).map(
    lambda t: b" ".join([*t[0], t[1]])
)
_SEPARATOR = st.sampled_from([b" ", b"\n", b"\r\n", b"\t", b"  ", b"\n% note\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_OPERATION, _SEPARATOR), max_size=12))
def test_random_streams_of_common_tokens_parse_as_pypdf_parses_them(parts: list[tuple[bytes, bytes]]) -> None:
    data = b"".join(op + sep for op, sep in parts)
    assert _same_as_pypdf(data)


@pytest.mark.slow
@needs_corpus
@pytest.mark.parametrize("pdf", corpus_pdfs(), ids=lambda p: p.stem)
def test_every_corpus_page_tokenises_as_pypdf_does(pdf: Path) -> None:
    reader = pypdf.PdfReader(str(pdf))
    for page in reader.pages:
        contents = page.get_contents()
        if contents is not None:
            assert _same_as_pypdf(drop_drawing(contents.get_data()))
