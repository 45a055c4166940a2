"""LaTeX in bibliography text, both ways: BibTeX titles read for display and matching (``Catch \\& {Carry}``
is "Catch & Carry"), and any text written into a LaTeX table (``50% & more_x`` must not break it).

Only what bibliographies hold: escaped specials, protecting braces, accent commands and a few named
symbols. Anything else (a math formula, an unknown command) is kept as it is rather than guessed at.
"""

from __future__ import annotations

import re
import unicodedata

_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307",
    "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328", "r": "\u030a",
}  # fmt: skip
_NAMED = {
    "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
    "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "textendash": "–", "textemdash": "—", "ldots": "…",
    "textasciitilde": "~", "textbackslash": "\\", "textasciicircum": "^", "textquoteright": "’",
}  # fmt: skip
# \'e  \'{e}  {\'e}  \"{\i}  \c{c}  \v s
_ACCENT = re.compile(r"""\\(['`^"~=.])\s*\{?\\?([A-Za-z])\}?|\\([cvuHkr])(?:\s+|\{)\\?([A-Za-z])\}?""")
_NAMED_CMD = re.compile(r"\\(" + "|".join(sorted(_NAMED, key=len, reverse=True)) + r")(?![A-Za-z])\s?")
_ESCAPED = re.compile(r"\\([&%$#_{}])")


def decode(text: str) -> str:
    """BibTeX/LaTeX text as a reader sees it: accents composed, escapes undone, protecting braces gone,
    dashes and spaces as typeset."""
    if "\\" not in text and "{" not in text and "~" not in text and "--" not in text:
        return " ".join(text.split())

    def accent(m: re.Match[str]) -> str:
        mark, letter = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return unicodedata.normalize("NFC", letter + _ACCENTS[mark])

    text = _ACCENT.sub(accent, text)
    text = _NAMED_CMD.sub(lambda m: _NAMED[m.group(1)], text)
    text = text.replace("---", "—").replace("--", "–")
    text = re.sub(r"(?<!\\)~", " ", text)  # a tie is a space
    # escaped specials (\{ \& ...) become private-use stand-ins while the protecting braces go
    text = _ESCAPED.sub(lambda m: chr(0xE000 + "&%$#_{}".index(m.group(1))), text)
    text = text.replace("{", "").replace("}", "")
    text = "".join("&%$#_{}"[ord(c) - 0xE000] if 0xE000 <= ord(c) < 0xE007 else c for c in text)
    return " ".join(text.split())


_SPECIAL = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{",
    "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "<": r"\textless{}", ">": r"\textgreater{}",
}  # fmt: skip
_SPECIAL_RE = re.compile("|".join(map(re.escape, _SPECIAL)))
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def escape(text: str) -> str:
    """Plain text as LaTeX source that typesets as that text (one line: no paragraph breaks)."""
    text = " ".join(_CONTROL.sub(" ", text).split())
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group(0)], text)
