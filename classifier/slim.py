"""Drop drawing operators from a page's content streams before pypdf extracts its text.

pypdf tokenises every operator of a content stream in Python, and a vector plot is tens of thousands
of path operators (one 12-page paper spent 5 of its 6 seconds there). Path construction and painting,
clipping, line style and numeric colour operators never change the text state or the CTM, so removing
them changes no extracted character: a test compares the text of every corpus page with and without.
The removal is one regular-expression pass in C. Strings, hex strings and comments are matched first
and kept whole, so text that looks like an operator inside a string is never touched; a stream with an
inline image (binary data) is left alone.

Each slimmed stream is then tokenised by ``content_ops`` (a C-level regex) and pypdf is handed the
operations it would have parsed itself, byte by byte, in a fraction of the time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import islice
from typing import Any

from .content_ops import DELIMS, NUMBER, STRING, parse_operations

_KEEP = rb"(" + STRING + rb"|<[0-9A-Fa-f\s]*>|%[^\r\n]*)"  # strings (three levels of nesting), hex, comments
# operators whose operands are all numbers (or none) and that only draw: m l c v y h re, S s f F f* B B*
# b b* n, W W*, w J j M i, g G rg RG k K sc SC
_DRAWING = rb"(?:re|rg|RG|sc|SC|[mlcvyhSsfFBbnWw]\*?|[JjMiGgKk])"
_DROP = rb"(?<![^" + DELIMS + rb"])(?:" + NUMBER + rb"\s+)*" + _DRAWING + rb"(?![^" + DELIMS + rb"])\s*"
_PATTERN = re.compile(_KEEP + rb"|" + _DROP, re.DOTALL)
_INLINE_IMAGE = re.compile(rb"(?<![^" + DELIMS + rb"])BI(?![^" + DELIMS + rb"])")
_PATH_OPS = re.compile(rb"\s(?:[mlcvy]|re)\s")
# pypdf's own test (``_has_text_operator``) for a form worth parsing: any bytes that could be a text or Do
# operator. Forms it passes are parsed, so they are prepared here; forms it fails it never parses.
_MAY_SHOW_TEXT = re.compile(rb"T[jJ]|Do|['\"]")
MIN_PATH_OPS = 64  # below this a stream is mostly text: the pass would cost more than it saves
MAX_FORM_DEPTH = 4


def drop_drawing(data: bytes) -> bytes:
    """The stream without its drawing operators; the same bytes when there is little to drop."""
    if sum(1 for _ in islice(_PATH_OPS.finditer(data), MIN_PATH_OPS)) < MIN_PATH_OPS:
        return data
    if b"BI" in data and _INLINE_IMAGE.search(data):  # the substring test is C-fast; the regex is not
        return data
    return b"".join(filter(None, _PATTERN.split(data)))  # kept runs and strings; split and join stay in C


def slim_page(page: Any, reader: Any) -> None:
    """Replace, in memory only, the page's content stream and its form XObjects (figures) with slim
    copies. pypdf then parses the copies; the file is never written. Anything unexpected leaves the
    page as it was: pypdf's own extraction then meets (and reports) the same problem."""
    try:
        _slim_page(page, reader)
    except MemoryError:
        raise
    except Exception as exc:
        if type(exc).__name__ == "LimitReachedError":  # pypdf would meet it again, misreported as a loop
            raise
        return


def _prepare(stream: Any, data: bytes) -> None:
    """Give ``stream`` (a pypdf ContentStream holding ``data``) its slim bytes and, where the fast
    tokeniser accepts them, its parsed operations; pypdf's ``operations`` returns those as they are."""
    slim = drop_drawing(data)
    if slim is not data:
        stream.set_data(slim)
    stream.forced_encoding = "bytes"  # as pypdf's text extraction reads strings
    ops = parse_operations(slim)
    if ops and hasattr(stream, "_operations"):
        stream._operations = ops


def _slim_page(page: Any, reader: Any) -> None:
    from pypdf.generic import NameObject

    contents = page.get_contents()
    if contents is None:
        return
    _prepare(contents, contents.get_data())
    page[NameObject("/Contents")] = contents
    resources = page.get("/Resources")
    if resources is not None:
        _slim_forms(resources.get_object(), reader, set(), 0)


def _slim_forms(resources: Any, reader: Any, seen: set[int], depth: int) -> None:
    from pypdf.generic import ContentStream, NameObject

    xobjects = resources.get("/XObject")
    if xobjects is None or depth > MAX_FORM_DEPTH:
        return
    xobjects = xobjects.get_object()
    for name in list(xobjects.keys()):
        form = xobjects[name]
        if isinstance(form, ContentStream) or form.get("/Subtype") != "/Form" or id(form) in seen:
            continue
        seen.add(id(form))
        inner = form.get("/Resources")
        if inner is not None:
            _slim_forms(inner.get_object(), reader, seen, depth + 1)
        data = form.get_data()
        if not _MAY_SHOW_TEXT.search(data):
            continue  # pypdf skips it without parsing
        copy = ContentStream(None, reader, "bytes")
        copy.set_data(data)
        _prepare(copy, data)
        for key, value in form.items():
            if key not in ("/Length", "/Filter", "/DecodeParms"):
                copy[key] = value
        xobjects[NameObject(name)] = copy


# ---------------------------------------------------------------------------------------------
# fonts: built once per reader, not once per page
# ---------------------------------------------------------------------------------------------
_FONTS: ContextVar[dict[int, tuple[Any, Any]] | None] = ContextVar("rltaxo_fonts", default=None)


@contextmanager
def shared_fonts() -> Iterator[None]:
    """While reading one PDF, build each font (its encoding, its ToUnicode map, its widths) once.

    pypdf rebuilds every font of a page's resources on every page (about a seventh of ingestion), though
    pages share the same font dictionaries. The wrapper is installed once, process-wide, and passes
    through outside this block, so other pypdf users and other threads see pypdf unchanged; inside,
    the Font for the same dictionary object is reused. pypdf sets one attribute on it per page, the
    same value each time."""
    _install_font_cache()
    token = _FONTS.set({})
    try:
        yield
    finally:
        _FONTS.reset(token)


def _install_font_cache() -> None:
    try:
        from pypdf.generic._font import Font
    except ImportError:  # an older pypdf: no shared Font class to reuse
        return
    build = Font.__dict__.get("from_font_resource")
    if not isinstance(build, classmethod) or getattr(build.__func__, "_rltaxo_cached", False):
        return
    original = build.__func__

    def from_font_resource(cls: Any, pdf_font_dict: Any) -> Any:
        cache = _FONTS.get()
        if cache is None:
            return original(cls, pdf_font_dict)
        hit = cache.get(id(pdf_font_dict))
        if hit is not None and hit[0] is pdf_font_dict:
            return hit[1]
        font = original(cls, pdf_font_dict)
        cache[id(pdf_font_dict)] = (pdf_font_dict, font)  # the key object is held, so its id stays its own
        return font

    from_font_resource._rltaxo_cached = True  # type: ignore[attr-defined]
    Font.from_font_resource = classmethod(from_font_resource)  # type: ignore[method-assign,assignment]
