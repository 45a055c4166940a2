"""Tokenise a content stream with one C-level regex instead of pypdf's byte-by-byte reader.

After ``slim`` drops the drawing operators, pypdf still spends about a third of a text page's time
reading the rest one byte at a time (``ContentStream._parse_content_stream``). ``parse_operations``
builds the very list pypdf would build, the same ``(operands, operator)`` pairs of the same pypdf
types and values, from the common subset that LaTeX and most PDF writers emit: numbers, names,
literal and hex strings, arrays, dictionaries (marked content in tagged PDFs), comments and
operators. Anything outside it (an inline image, a malformed number, an octal escape past 255, a
token over pypdf's length limits, an unbalanced array or dictionary, a dictionary key that is not a
name or comes twice, a name that is not UTF-8) returns ``None``, and pypdf parses that stream itself,
meeting (and reporting) the same problem it always did. Tests compare both parsers on every page of
the corpus, on made-up streams with each kind of token, and on random ones.
"""

from __future__ import annotations

import re
from typing import Any

# The lexical grammar of a content stream, shared with ``slim`` (no capturing groups in these pieces).
_WS = rb"\x00\t\n\f\r "  # pypdf's WHITESPACES
DELIMS = rb"\s()<>\[\]{}/%"  # pypdf's NameObject.delimiter_pattern, which ends operators and names
NUMBER = rb"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"  # unambiguous, so a repeated group of numbers cannot backtrack
_S0 = rb"[^()\\]*(?:\\.[^()\\]*)*"  # a string's bytes with no parenthesis: escapes taken whole
_S1 = _S0 + rb"(?:\(" + _S0 + rb"\)" + _S0 + rb")*"
STRING_BODY = _S0 + rb"(?:\(" + _S1 + rb"\)" + _S0 + rb")*"  # balanced parentheses, three levels with the outer
STRING = rb"\(" + STRING_BODY + rb"\)"
_TOKEN = re.compile(
    rb"(?:(?P<num>" + NUMBER + rb")(?![+,\-.0-9])"  # pypdf reads a number while it sees [+,-.0-9]
    rb"|\((?P<str>" + STRING_BODY + rb")\)"
    rb"|(?P<op>[A-Za-z'\"][^" + DELIMS + rb"]{0,100}?)(?=[" + DELIMS + rb"]|\Z)"
    rb"|(?P<name>/[!-~]{0,200}?)(?=[" + DELIMS + rb"]|\Z)"
    rb"|(?P<open>\[)|(?P<close>\])|(?P<dopen><<)|(?P<dclose>>>)"
    rb"|<(?P<hex>[0-9A-Fa-f" + _WS + rb"]*)>"
    rb"|%[^\r\n]*"
    rb")[" + _WS + rb"]*",
    re.DOTALL,
)
_LEADING_WS = re.compile(rb"[" + _WS + rb"]*")
# a backslash before a line break continues the line; pypdf takes any second \r or \n with it
_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|([\r\n][\r\n]?)|(.))", re.DOTALL)
_ESCAPES = {
    b"n": b"\n",
    b"r": b"\r",
    b"t": b"\t",
    b"b": b"\b",
    b"f": b"\f",
    **{c: c for c in (b"(", b")", b"/", b"\\", b" ", b"%", b"<", b">", b"[", b"]", b"#", b"_", b"&", b"$")},
}
_WS_RE = re.compile(rb"[" + _WS + rb"]")
# an inline image's binary data, or an indirect reference (which pypdf refuses in a content stream)
_REFUSED_OPERATORS = frozenset((b"BI", b"ID", b"EI", b"R"))
MAX_TOKENS = 1_000_000  # past this, pypdf's own reader applies its parsing budget
# pypdf reads a number in 16-byte chunks and gives up (LimitReachedError) at the fourth: a number whose
# delimiter lies within the first 48 bytes always parses
MAX_NUMBER = 47


class _Unsupported(Exception):
    """A token outside the subset: pypdf parses the stream instead."""


def _unescape(m: re.Match[bytes]) -> bytes:
    octal, newline, other = m.groups()
    if octal is not None:
        value = int(octal, 8)
        if value > 255:
            raise _Unsupported
        return bytes((value,))
    if newline is not None:
        return b""
    return _ESCAPES.get(other, b"\\" + other)


def parse_operations(data: bytes) -> list[tuple[Any, bytes]] | None:
    """The operations pypdf would parse from ``data`` (with ``forced_encoding="bytes"``), or None."""
    from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, FloatObject, NameObject, NumberObject

    ops: list[tuple[Any, bytes]] = []
    operands: list[Any] = []
    stack: list[list[Any]] = []  # what encloses each open array or dictionary, innermost last
    in_dict: list[bool] = []  # for each of those: a dictionary (its items collected in a list)?
    target = operands
    numbers: dict[bytes, Any] = {}  # immutable, so one object per spelling
    pos = _LEADING_WS.match(data).end()  # type: ignore[union-attr]
    if len(data) // 2 > MAX_TOKENS:
        return None
    try:
        for m in _TOKEN.finditer(data, pos):
            if m.start() != pos:
                return None  # a byte no alternative accepts
            pos = m.end()
            kind = m.lastgroup
            if kind == "num":
                value = m.group(1)
                number = numbers.get(value)
                if number is None:
                    if len(value) > MAX_NUMBER:
                        return None
                    number = numbers[value] = FloatObject(value) if b"." in value else NumberObject(value)
                target.append(number)
            elif kind == "str":
                value = m.group(2)
                if b"\\" in value:
                    value = _ESCAPE.sub(_unescape, value)
                target.append(ByteStringObject(value))
            elif kind == "op":
                value = m.group(3)
                if stack or value in _REFUSED_OPERATORS:
                    return None
                ops.append((operands, value))
                operands = target = []
            elif kind == "name":
                value = m.group(4)
                if b"#" in value:  # "/Andale#20Mono": pypdf decodes the escapes, then tries UTF-8 first
                    try:
                        value = NameObject.unnumber(value)
                        target.append(NameObject(value.decode("utf-8")))
                    except (AttributeError, ValueError):
                        return None
                else:
                    target.append(NameObject(value.decode("ascii")))
            elif kind == "open":
                array = ArrayObject()
                target.append(array)
                stack.append(target)
                in_dict.append(False)
                target = array
            elif kind == "close":
                if not stack or in_dict.pop():
                    return None
                target = stack.pop()
            elif kind == "dopen":
                stack.append(target)
                in_dict.append(True)
                target = []
            elif kind == "dclose":
                if not stack or not in_dict.pop() or data.startswith(b"stream", pos):
                    return None  # unbalanced, or a stream object, which a content stream cannot hold
                entries = _dictionary(target, DictionaryObject, NameObject)
                if entries is None:
                    return None
                target = stack.pop()
                target.append(entries)
            elif kind == "hex":
                digits = _WS_RE.sub(b"", m.group(9))
                if len(digits) % 2:
                    digits += b"0"
                target.append(ByteStringObject(bytes.fromhex(digits.decode("ascii"))))
    except _Unsupported:
        return None
    if pos != len(data) or stack:
        return None
    return ops


def _dictionary(items: list[Any], dictionary: Any, name: Any) -> Any:
    """The DictionaryObject pypdf reads from ``<< key value ... >>``, or None where pypdf would warn
    (a key that is not a name, a key given twice, a key without a value)."""
    keys = items[0::2]
    if len(items) % 2 or not all(isinstance(k, name) for k in keys) or len(set(keys)) != len(keys):
        return None
    entries = dictionary()
    entries.update(zip(keys, items[1::2]))
    return entries
