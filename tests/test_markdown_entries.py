"""Markdown reading lists: a digest's entries (heading, link, Abstract) read from their own text, an
awesome-list's lines of links read line by line (made-up papers throughout)."""

from __future__ import annotations

from pathlib import Path

import pytest

from classifier.errors import ReadingListError
from classifier.markdown_entries import blocks, plain
from classifier.readinglist import read_list

ABSTRACT = (
    "We prompt a large language model to write reward function code, which is then used to train "
    "reinforcement learning agents on simulated legged locomotion tasks."
)
DIGEST = f"""# Reward Programs for **Legged** Robots

**Authors**: A. Person, B. Person

**Link**: [PDF](https://arxiv.org/pdf/2101.00003)

**Abstract**: {ABSTRACT[:57]}
{ABSTRACT[58:]}

Some commentary after the abstract, not part of it.

---
## A paper known by its abstract alone
Abstract: A made-up study of tabular data with gradient-boosted trees and no learning agents anywhere in it.

---
# Links, not an entry

* [One](https://arxiv.org/abs/2101.00004) and [two](https://arxiv.org/abs/2101.00005)
**Abstract**: too short
"""


def test_a_digest_entry_is_its_title_abstract_and_link() -> None:
    got = [b for b in blocks(DIGEST.splitlines()) if b.entry]
    assert [(b.title, b.arxiv and b.arxiv.raw) for b in got] == [
        ("Reward Programs for Legged Robots", "arXiv:2101.00003"),
        ("A paper known by its abstract alone", None),
    ]
    assert got[0].abstract == ABSTRACT  # the paragraph, across its lines, and not the commentary after it


def test_markdown_lists_mix_entries_and_links(tmp_path: Path) -> None:
    md = tmp_path / "digest.md"
    md.write_text(DIGEST)
    items = read_list(md)
    assert [i.key for i in items][:1] == ["arxiv:2101.00003"] and [i.key for i in items][2:] == [
        "arxiv:2101.00004",
        "arxiv:2101.00005",
    ]
    first, second = items[0].source, items[1].source
    assert first is not None and first.meta is not None and first.meta.abstract == ABSTRACT  # no network needed
    assert second is not None and second.key.startswith("title:") and second.has_abstract


def test_a_block_linking_several_papers_is_not_one_entry() -> None:
    links = "[a](https://arxiv.org/abs/2101.00004) [b](https://arxiv.org/abs/2101.00005)"
    text = f"# Two papers\n{links}\n\nAbstract: {ABSTRACT}"
    assert not blocks(text.splitlines())[0].entry


def test_plain_drops_markup_keeps_words() -> None:
    assert plain("**RL** with _model_ [rewards](https://x.org) and `code`  ") == "RL with model rewards and code"
    assert plain("snake_case_name stays") == "snake_case_name stays"


def test_markdown_with_nothing_to_read_is_one_clear_error(tmp_path: Path) -> None:
    md = tmp_path / "notes.md"
    md.write_text("# Notes\n\nNothing linked here.\n")
    with pytest.raises(ReadingListError, match="no arXiv links, PDF paths or abstracts"):
        read_list(md)


def test_hostile_lines_are_read_in_linear_time(tmp_path: Path) -> None:
    """A hang guard, not a benchmark: before the patterns were bounded, one 4,000-character heading of
    spaces took 75 s (cubic backtracking) and '*x ' lines grew quadratically."""
    import time

    n = 100_000
    lines = ["# a" + " " * n + "b", "# a" + " #" * n, "*x " * n, "_x " * n, "[a](" * n, "![" * n, "[" * n,
             "arxiv: " * n, "https://huggingface.co/papers/" * 10_000, "Abstract: " + "*x " * n]  # fmt: skip
    md = tmp_path / "hostile.md"
    md.write_text("\n".join(lines) + "\n")
    t0 = time.monotonic()
    items = read_list(md)  # the last heading and its "abstract" make one (odd) entry; the rest name no paper
    assert time.monotonic() - t0 < 20
    assert len(items) == 1 and items[0].source is not None and items[0].source.meta is not None
