"""Papers written out in Markdown: daily arXiv digests and notes that give each paper a heading, a link
and an ``Abstract:`` paragraph. Such an entry is classified from its own title and abstract, with no
network; everything else in the file (an awesome-list's lines of links) is read line by line.

Pure text work: ``readinglist`` turns what this finds into items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sources import Source, find_arxiv

# Patterns here see whatever a file holds, so none may backtrack over a long line: no lazy group before
# optional tails, and bounded spans (tests/test_markdown_entries.py reads 100,000-character lines).
_HEADING = re.compile(r"^\s{0,3}#{1,6}[ \t]+(.*)$")  # a closing "###" is stripped in Python
_RULE = re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
#: "**Abstract**: …", "Abstract: …", "**Abstract:** …", "> Title: …" (a quoted block)
_LABEL = re.compile(r"^\s*(?:>\s*)?[*_]{0,2}(title|abstract|summary)[*_]{0,2}\s*[:：]\s*[*_]{0,2}\s*(.*)$", re.I)
_LINK = re.compile(r"!?\[([^\[\]\n]{0,500})\]\([^()\s]{0,2000}\)")
_EMPHASIS = re.compile(r"(?<!\w)[*_]([^\s*_](?:[^*_\n]{0,300}?[^\s*_])?)[*_](?!\w)")
MIN_ABSTRACT_WORDS = 8  # fewer: a label on a stub ("Abstract: see paper"), not an abstract


@dataclass
class Block:
    """A heading or rule and the lines up to the next one; ``entry`` when it describes one paper."""

    lines: list[str]
    title: str = ""
    abstract: str = ""
    arxiv: Source | None = None

    @property
    def entry(self) -> bool:
        return len(self.abstract.split()) >= MIN_ABSTRACT_WORDS


def plain(text: str) -> str:
    """Markdown inline markup removed: links become their text, emphasis and code marks go."""
    text = _LINK.sub(r"\1", text)
    text = re.sub(r"(\*\*|__|`)", "", text)
    text = _EMPHASIS.sub(r"\1", text)
    return " ".join(text.split())


def blocks(lines: list[str]) -> list[Block]:
    """The file cut at headings and rules, each block read for a title, an abstract and its arXiv link."""
    out: list[Block] = []
    current: list[str] = []
    for line in lines:
        if (_HEADING.match(line) or _RULE.match(line)) and current:
            out.append(_read(current))
            current = []
        current.append(line)
    if current:
        out.append(_read(current))
    return out


def _read(lines: list[str]) -> Block:
    block = Block(lines)
    heading = _HEADING.match(lines[0])
    labelled: dict[str, list[str]] = {}
    key = ""
    for line in lines:
        m = _LABEL.match(line)
        if m:
            key = m.group(1).lower()
            labelled[key] = [m.group(2)]
        elif not line.strip() or _HEADING.match(line) or _RULE.match(line):
            key = ""  # a paragraph ends at a blank line
        elif key in ("abstract", "summary"):
            labelled[key].append(line)
    block.abstract = plain(" ".join(labelled.get("abstract") or labelled.get("summary") or []))
    title = heading.group(1).rstrip().rstrip("#").rstrip() if heading else ""
    block.title = plain(" ".join(labelled.get("title", []))) or plain(title)
    if block.entry:
        linked = find_arxiv("\n".join(lines))
        if len(linked) > 1:  # several papers' links in one block: not one entry; read it line by line
            block.abstract = ""
        elif linked:
            block.arxiv = linked[0]
    return block
