"""The derived outputs of a batch (classifier/batch_outputs.py), on a library in the shapes Zotero and
Better BibTeX write: made-up entries with ``file`` fields, LaTeX escapes, DOIs without arXiv ids,
existing keywords, and an entry without an abstract."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from classifier.batch_outputs import write_bibtex
from classifier.records import RecordSummary, ResultSummary

LIBRARY = r"""@article{doe_catch_2031,
	title = {Catch \& {Carry}: reward machines written by language models},
	volume = {12},
	url = {https://example.org/catch},
	doi = {10.5555/catch.2031},
	abstract = {We let a language model write reward functions for a quadruped; 50\% fewer samples.},
	journal = {Journal of Made-up Results},
	author = {Doe, Jane and Roe, Richard},
	year = {2031},
	keywords = {robots, {Reward} design},
	file = {Full Text PDF:/home/jane/Zotero/storage/ABCD1234/Doe - 2031 - Catch & Carry.pdf:application/pdf},
}

@inproceedings{roe_prompts_2032,
	title = {Prompt\_Search: choosing prompts with a bandit},
	booktitle = {Proceedings of a Made-up Conference},
	author = {Roe, Richard},
	year = {2032},
	file = {arXiv Fulltext PDF:/home/jane/Zotero/storage/EFGH5678/2032.pdf:application/pdf},
}

@misc{unlabelled_2033,
	title = {An entry nobody labelled},
	author = {Poe, Pat},
	year = {2033},
	keywords = "rltaxo:llm4rl/goal, kept",
}
"""


def _record(key: str, leaf: str) -> RecordSummary:
    result = ResultSummary.model_validate(
        {"leaf": leaf, "top_class": leaf.split("/")[0], "confidence": 0.9, "title": key}
    )
    return RecordSummary(item=key, source=key, bib_key=key, status="ok", result=result)


@pytest.fixture
def written(tmp_path: Path) -> tuple[str, str]:
    bib = tmp_path / "library.bib"
    bib.write_text(LIBRARY, encoding="utf-8")
    out = tmp_path / "out.bib"
    records = [_record("doe_catch_2031", "llm4rl/reward"), _record("roe_prompts_2032", "rl4llm/prompt-engineering")]
    write_bibtex(bib, records, out)
    return LIBRARY, out.read_text(encoding="utf-8")


def test_bibtex_write_back_changes_only_keywords_lines(written: tuple[str, str]) -> None:
    before, after = written
    changed = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed, "nothing was written back"
    assert all("keywords" in line for line in changed), changed
    assert "\tkeywords = {robots, {Reward} design, rltaxo:llm4rl/reward}," in after
    assert "\tkeywords = {rltaxo:rl4llm/prompt-engineering}," in after  # added, in the file's own indent
    assert 'keywords = "rltaxo:llm4rl/goal, kept",' in after  # an entry not in the results is untouched


def test_bibtex_write_back_is_idempotent_and_still_parses(written: tuple[str, str], tmp_path: Path) -> None:
    import bibtexparser

    _, after = written
    again = tmp_path / "again.bib"
    (tmp_path / "in2.bib").write_text(after, encoding="utf-8")
    records = [_record("doe_catch_2031", "llm4rl/reward"), _record("roe_prompts_2032", "rl4llm/prompt-engineering")]
    write_bibtex(tmp_path / "in2.bib", records, again)
    assert again.read_text(encoding="utf-8") == after  # no second rltaxo: keyword, no drift
    lib = bibtexparser.parse_string(after)
    assert not lib.failed_blocks and len(lib.entries) == 3


RIS = (
    "TY  - JOUR\r\nTI  - Catch & Carry: reward machines\r\nAU  - Doe, Jane\r\nKW  - robots\r\n"
    "KW  - rltaxo:out-of-scope\r\nDO  - 10.5555/catch.2031\r\nER  - \r\n\r\n"
    "TY  - CONF\r\nTI  - Nobody labelled this\r\nER  - \r\n\r\n"
    "TY  - JOUR\r\nTI  - Prompt_Search\r\nAU  - Roe, Richard\r\n"  # no end line: still a record
)


def test_ris_write_back_only_adds_its_keyword_line(tmp_path: Path) -> None:
    from classifier.batch_outputs import write_ris

    ris = tmp_path / "library.ris"
    ris.write_bytes(RIS.encode())
    out = tmp_path / "out.ris"
    records = [_record("ris:1", "llm4rl/reward"), _record("ris:3", "rl4llm/prompt-engineering")]
    records[0].bib_key, records[1].bib_key = "ris:1", "ris:3"
    write_ris(ris, records, out)
    after = out.read_bytes().decode()
    diff = [
        line
        for line in difflib.unified_diff(RIS.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert sorted(diff) == sorted(
        ["-KW  - rltaxo:out-of-scope", "+KW  - rltaxo:llm4rl/reward", "+KW  - rltaxo:rl4llm/prompt-engineering"]
    )
    assert "KW  - rltaxo:llm4rl/reward\r\nER  - \r\n" in after  # before the record's end, in its line endings
    import rispy

    assert [e.get("keywords", []) for e in rispy.loads(after + "ER  - \r\n")] == [
        ["robots", "rltaxo:llm4rl/reward"],
        [],
        ["rltaxo:rl4llm/prompt-engineering"],
    ]
