"""LaTeX in bibliography text (classifier/latex_text.py): decoded for display and matching, escaped for
tables; made-up titles in the shapes BibTeX exports hold."""

from __future__ import annotations

import pytest

from classifier.latex_text import decode, escape


@pytest.mark.parametrize(
    ("tex", "text"),
    [
        (r"Catch \& {Carry}", "Catch & Carry"),
        (r"{RL}HF for {S}chr\"{o}dinger's Cat", "RLHF for Schrödinger's Cat"),
        (r"Na\"ive \'{e}t\'e \c{c}a \v{s} {\'E}cole", "Naïve été ça š École"),
        (r"50\% of \$x\_y\$ -- a~b --- c", "50% of $x_y$ – a b — c"),
        (r"\ss{} and \o", "ß and ø"),
        ("plain   title", "plain title"),
        (r"\{braces\} kept when escaped", "{braces} kept when escaped"),
    ],
)
def test_decode(tex: str, text: str) -> None:
    assert decode(tex) == text


def test_escape_typesets_as_the_text() -> None:
    assert escape("Catch & Carry: 50% of $x_y$ #1 {a}") == r"Catch \& Carry: 50\% of \$x\_y\$ \#1 \{a\}"
    assert (
        escape("a\\b ~ ^ <b>\n\nnew")
        == r"a\textbackslash{}b \textasciitilde{} \textasciicircum{} \textless{}b\textgreater{} new"
    )
    assert decode(escape("R&D 100% _x_")) == "R&D 100% _x_"
