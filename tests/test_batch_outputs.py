"""The derived outputs of a batch (classifier/batch_outputs.py), on a library in the shapes Zotero and
Better BibTeX write: made-up entries with ``file`` fields, LaTeX escapes, DOIs without arXiv ids,
existing keywords, and an entry without an abstract."""

from __future__ import annotations

import difflib
import shutil
import subprocess
from pathlib import Path

import pytest

from classifier.batch_outputs import write_bibtex
from classifier.records import RecordSummary, ResultSummary

from .conftest import run_cli

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


def test_latex_has_a_cite_list_and_a_table_per_leaf_escaped() -> None:
    from classifier.latex_out import render
    from classifier.taxonomy import bundled

    records = [
        _record("doe_catch_2031", "llm4rl/reward"),
        _record("roe_prompts_2032", "llm4rl/reward"),
        _record("ris:4", "rl4llm/prompt-engineering"),
        _record("bad key{1}", "rl4llm/prompt-engineering"),
    ]
    records[0].result.title = "Catch & Carry: 50% of x_y"  # type: ignore[union-attr]
    records[1].result.needs_review = True  # type: ignore[union-attr]
    records[2].review = "changed"
    tex = render(records, bundled(), source="library.bib")
    assert "\\subsection*{LLM4RL \\,/\\, Reward}" in tex and "\\cite{doe_catch_2031,roe_prompts_2032}" in tex
    assert "Catch \\& Carry: 50\\% of x\\_y & \\texttt{doe\\_catch\\_2031} & 0.90 \\\\" in tex
    assert "roe\\_prompts\\_2032} & 0.90" in tex and "$\\dagger$ & \\texttt{roe" in tex  # still needs review
    prompt_section = tex.split("Prompt engineering")[1].split("\\subsection")[0]
    assert "\\cite{" not in prompt_section  # neither ris:4 nor a key with braces is citable
    assert "(label set by a reviewer) & --" in tex
    assert "Out of scope" not in tex  # only leaves with papers


def _zotero_library(tmp_path: Path) -> Path:
    bib = tmp_path / "library.bib"
    extra = (
        "\n@article{kim_no_abstract_2034,\n\ttitle = {Policy Gradient Fine-Tuning of Chat Models},\n"
        "\tdoi = {10.5555/kim.2034},\n\tyear = {2034},\n}\n"
    )
    bib.write_text(LIBRARY.replace("@inproceedings{roe_prompts_2032,", "@inproceedings{roe_prompts_2032,\n"
                   "\tabstract = {A bandit chooses prompts for a frozen language model.},", 1) + extra)  # fmt: skip
    return bib


@pytest.mark.skipif(
    not (shutil.which("pdflatex") or shutil.which("tectonic")),
    reason="no LaTeX here (pdflatex or tectonic; .ci/run installs Debian's texlive-latex-base)",
)
def test_a_zotero_library_goes_to_latex_that_compiles(env: dict[str, str], tmp_path: Path) -> None:
    bib = _zotero_library(tmp_path)
    out = tmp_path / "labels.jsonl"
    r = run_cli("batch", str(bib), "-o", str(out), "--format", "latex", env=env)
    assert r.returncode == 0, r.stderr
    tex = (tmp_path / "labels.tex").read_text(encoding="utf-8")
    assert "Catch \\& Carry" in tex and "\\cite{" in tex
    doc = tmp_path / "doc.tex"
    doc.write_text("\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{longtable}\n"
                   "\\begin{document}\n\\input{labels.tex}\n\\end{document}\n")  # fmt: skip
    engine = shutil.which("pdflatex") or shutil.which("tectonic")
    assert engine is not None
    args = (
        [engine, "-interaction=nonstopmode", "-halt-on-error", doc.name] if "pdflatex" in engine else [engine, doc.name]
    )
    done = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stdout[-3000:]
    assert (tmp_path / "doc.pdf").stat().st_size > 1000


def test_a_zotero_library_written_back_twice_changes_only_keywords(env: dict[str, str], tmp_path: Path) -> None:
    """The written-back .bib has no header to mark it as rltaxo's: its rltaxo: keywords do, so a second
    run writes the same file again rather than a new name each time."""
    bib = _zotero_library(tmp_path)
    out = tmp_path / "labels.jsonl"
    for _ in range(2):
        r = run_cli("batch", str(bib), "-o", str(out), "--format", "bibtex", "--relabel", env=env)
        assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in tmp_path.glob("*.bib")) == ["labels.bib", "library.bib"]
    before, after = bib.read_text(), (tmp_path / "labels.bib").read_text()
    diff = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]  # fmt: skip
    assert len(diff) >= 4 and all("keywords" in line for line in diff), diff


def test_csv_and_markdown_carry_what_the_list_says_of_each_paper(env: dict[str, str], tmp_path: Path) -> None:
    """citekey, authors, year, venue and DOI from the list, the leaf's readable path beside its id, and
    the Markdown names papers by title and citekey, never by a PDF path that does not exist."""
    import csv
    import json

    bib = _zotero_library(tmp_path)
    out = tmp_path / "labels.jsonl"
    r = run_cli("batch", str(bib), "-o", str(out), "--csv", env=env)
    assert r.returncode == 0, r.stderr
    rows = {row["bib_key"]: row for row in csv.DictReader((tmp_path / "labels.csv").open(encoding="utf-8"))}
    doe = rows["doe_catch_2031"]
    assert (doe["citekey"], doe["authors"], doe["year"]) == ("doe_catch_2031", "Doe, Jane; Roe, Richard", "2031")
    assert (doe["venue"], doe["doi"]) == ("Journal of Made-up Results", "10.5555/catch.2031")
    assert doe["title"] == "Catch & Carry: reward machines written by language models"
    from classifier.taxonomy import bundled

    assert all(row["leaf_path"] == " › ".join(bundled().path_names(row["leaf"])) for row in rows.values())
    assert rows["kim_no_abstract_2034"]["input"] == "title" and rows["kim_no_abstract_2034"]["needs_review"] == "yes"
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert {rec["bib"]["citekey"] for rec in records} == set(rows)
    md = (tmp_path / "labels.md").read_text(encoding="utf-8")
    assert "Catch &amp; Carry: reward machines written by language models (doe_catch_2031)" in md
    assert "Zotero/storage" not in md and "2 titles alone (each needs review)" in md


def test_a_duplicate_bibtex_key_is_named_not_called_malformed(env: dict[str, str], tmp_path: Path) -> None:
    import json

    bib = tmp_path / "dup.bib"
    bib.write_text(
        "@article{k1,\n title={First made-up paper},\n abstract={We fine-tune a language model with RL.}\n}\n"
        "@article{k1,\n title={Second made-up paper},\n abstract={A language model writes rewards for robots.}\n}\n"
    )
    r = run_cli("batch", str(bib), "-o", str(tmp_path / "out.jsonl"), env=env)
    assert r.returncode == 1
    errors = [json.loads(x)["error"]["message"] for x in (tmp_path / "out.jsonl").read_text().splitlines()
              if json.loads(x)["status"] == "error"]  # fmt: skip
    assert errors == ["duplicate BibTeX key 'k1' (line 5): only the first entry with a key is read; give this one "
                      "its own key"]  # fmt: skip


def test_a_zotero_file_field_uses_the_pdf_that_is_here_and_no_made_up_path(env: dict[str, str],
                                                                             tmp_path: Path) -> None:  # fmt: skip
    import json

    from .pdfs import text_pdf

    here = text_pdf(tmp_path / "here.pdf", title="Reward Code Written by Language Models")
    bib = tmp_path / "lib.bib"
    bib.write_text(
        "@article{a_2031,\n\ttitle = {Gone Elsewhere},\n\tabstract = {We fine-tune a language model with RL.},\n"
        "\tfile = {Full Text PDF:/home/jane/Zotero/storage/ABCD/Gone.pdf:application/pdf},\n}\n\n"
        "@article{b_2031,\n\ttitle = {Two Files},\n\tfile = {Snapshot:/nowhere/snap.html:text/html;"
        f"Missing:/nowhere/x.pdf:application/pdf;Full Text:{here}:application/pdf}},\n}}\n"
    )
    out = tmp_path / "out.jsonl"
    r = run_cli("batch", str(bib), "-o", str(out), "--csv", env=env)
    assert r.returncode == 0, r.stderr
    recs = {json.loads(x)["bib_key"]: json.loads(x) for x in out.read_text().splitlines()}
    assert recs["a_2031"]["result"]["input"] == "abstract" and "Zotero/storage" not in out.read_text()
    assert recs["b_2031"]["result"]["input"] == "pdf" and recs["b_2031"]["source"] == str(here)
    assert "Zotero/storage" not in (tmp_path / "out.csv").read_text()
