import csv
import re
from pathlib import Path

import pytest

from classifier.errors import CorruptPdf, EncryptedPdf, NotAPdf, NoTextPdf, PdfTooLarge, SourceNotFound
from classifier.evidence import normalise_for_match
from classifier.excerpt import build_excerpt
from classifier.ingest import _title_from_runs, clean_pages, read_pdf, read_pdf_guarded
from classifier.settings import Limits

from .conftest import CORPUS, SAMPLE, corpus_pdf, corpus_pdfs, needs_corpus
from .pdfs import encrypted_pdf, image_only_pdf, text_pdf

# Exact titles, and the first and last words of each abstract as printed in the PDF.
KNOWN = {
    "1312.5602": ("Playing Atari with Deep Reinforcement Learning", "We present the first deep", "on three of them."),
    "1706.03762": ("Attention Is All You Need", "The dominant sequence transduction", "limited training data."),
    "1707.06347": ("Proximal Policy Optimization Algorithms", "We propose a new family", "simplicity, and wall-time."),
    "2203.02155": (
        "Training language models to follow instructions with human feedback",
        "Making language models bigger",
        "with human intent.",
    ),
    "2212.08073": (
        "Constitutional AI: Harmlessness from AI Feedback",
        "As AI systems become more capable",
        "performance and reliability.",
    ),
    "2302.02662": (
        "Grounding Large Language Models in Interactive Environments with Online Reinforcement Learning",
        "Recent works successfully leveraged",
        "variants (size, architecture) of FLAN-T5.",
    ),
    "2305.11206": (
        "LIMA: Less Is More for Alignment",
        "Large language models are trained in two stages",
        "to produce high quality output.",
    ),
    "2309.06553": (
        "Query-Dependent Prompt Evaluation and Optimization with Offline Inverse RL",
        "In this study, we aim to enhance",
        "effectively and cost-efficiently.",
    ),
    "2310.12931": (
        "Eureka: Human-Level Reward Design via Coding Large Language Models",
        "Large Language Models (LLMs) have excelled",
        "in circles at rapid speed.",
    ),
}


def squash(text: str) -> str:
    """Case, spacing and hyphenation do not count."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


@pytest.mark.slow
@needs_corpus
@pytest.mark.parametrize("pdf", corpus_pdfs(), ids=lambda p: p.stem)
def test_title_and_whole_abstract(pdf: Path) -> None:
    paper = read_pdf(pdf)
    assert paper.pages_total > 0 and 0 < paper.pages_read <= paper.pages_total
    if pdf.stem not in KNOWN:  # a paper added to the corpus later: at least something sensible
        assert len(paper.title) > 5 and len(paper.abstract) > 300
        return
    title, first, last = KNOWN[pdf.stem]
    assert squash(paper.title) == squash(title)
    abstract = squash(paper.abstract)
    assert abstract.startswith(squash(first)), paper.abstract[:120]
    assert abstract.endswith(squash(last)), paper.abstract[-120:]


def _labelled_titles() -> list[tuple[str, str]]:
    labels = CORPUS / "labels.csv"
    if not labels.exists():
        return []
    with labels.open(encoding="utf-8-sig", newline="") as fh:
        return [(row["arxiv_id"], row["title"]) for row in csv.DictReader(fh)]


@pytest.mark.slow
@needs_corpus
@pytest.mark.parametrize(("arxiv_id", "title"), _labelled_titles(), ids=[a for a, _ in _labelled_titles()])
def test_every_corpus_title_comes_out_exactly(arxiv_id: str, title: str) -> None:
    """Small caps, ligatures, venue lines, figures in large type and authors beside the title: all general
    rules, checked against the exact titles in labels.csv (only case and white space may differ)."""
    got = read_pdf(corpus_pdf(arxiv_id)).title
    assert " ".join(got.split()).casefold() == " ".join(title.split()).casefold()
    assert not re.search("[\ufb00-\ufb06]", got)  # no ligature glyphs


def test_title_skips_venue_and_date_lines_and_folds_small_caps() -> None:
    runs = [
        (10.0, 760.0, "Published as a conference paper at SOMECONF 2031"),
        (12.5, 740.0, "March 2031"),
        (17.0, 700.0, "T"),
        (13.6, 700.0, "OWARDS"),
        (17.0, 700.0, " M"),
        (13.6, 700.0, "ADE-"),
        (13.6, 680.0, "UP"),
        (17.0, 680.0, " T"),
        (13.6, 680.0, "ITLES"),
        (13.0, 650.0, "Ada Author, Bo Writer"),
        (10.0, 600.0, "Abstract"),
        (28.0, 300.0, "A figure caption set in huge type"),
    ]
    assert _title_from_runs(runs) == "Towards Madeup Titles"


@needs_corpus
def test_sections_and_partial_reading() -> None:
    paper = read_pdf(corpus_pdf("2203.02155"))
    heads = [s.heading.lower() for s in paper.sections]
    assert "1 introduction" in heads and any("method" in h for h in heads)
    assert paper.pages_read < paper.pages_total == 68  # stops at the references, never reads the appendix
    ex = build_excerpt(paper, 3000)
    assert [p.name for p in ex.parts][:3] == ["Title", "Abstract", "Introduction"]
    assert ex.tokens <= 3000 * 1.05


@needs_corpus
def test_cleanup_on_real_pdf_removes_ligatures_and_stamps() -> None:
    paper = read_pdf(corpus_pdf("1312.5602"))
    assert "ﬁ" not in paper.text and "arXiv:1312.5602v1" not in paper.text
    assert "first deep learning model" in paper.text


def test_clean_pages_rules() -> None:
    header = "Running Head of the Paper"
    words = ["alpha", "beta", "gamma", "delta"]
    pages = [
        f"{header}\nBody {w} with a ﬁne hyphen-\nated word {w}\nmore {w}\nand {w}\nend {w}\n{i + 1}"
        for i, w in enumerate(words)
    ]
    pages[0] = "arXiv:2101.00001v2 [cs.CL] 3 Jan 2021\n" + pages[0]
    out = clean_pages(pages)
    assert all(header not in p for p in out)
    assert "arXiv:2101" not in out[0]
    assert "Body beta with a fine hyphenated word beta" in out[1]
    assert not out[2].rstrip().endswith("3")


def test_normalise_for_match_ignores_layout() -> None:
    assert normalise_for_match("Fine-\ntuning  the ﬁrst") == normalise_for_match("finetuning the first")


def test_sample_pdf_reads() -> None:
    paper = read_pdf_guarded(SAMPLE)
    assert paper.title == "Language Models as Reward Engineers for Quadruped Locomotion"
    assert paper.abstract.startswith("Designing reward functions")
    assert [s.heading for s in paper.sections][1:] == [
        "Abstract",
        "1 Introduction",
        "2 Method",
        "3 Experiments",
        "4 Conclusion",
    ]


# --- bad input -------------------------------------------------------------------------------------
def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFound):
        read_pdf_guarded(tmp_path / "nope.pdf")


def test_empty_and_non_pdf(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "page.pdf").write_text("<!doctype html><html><body>Not found</body></html>")
    with pytest.raises(NotAPdf, match="empty"):
        read_pdf_guarded(tmp_path / "empty.pdf")
    with pytest.raises(NotAPdf, match="HTML"):
        read_pdf_guarded(tmp_path / "page.pdf")


def test_truncated_pdf(tmp_path: Path) -> None:
    whole = text_pdf(tmp_path / "whole.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 3])
    with pytest.raises((CorruptPdf, NoTextPdf)):
        read_pdf_guarded(cut)


def test_encrypted_with_password_is_a_clear_error(tmp_path: Path) -> None:
    enc = encrypted_pdf(text_pdf(tmp_path / "p.pdf"), tmp_path / "enc.pdf", user_password="secret")
    with pytest.raises(EncryptedPdf, match="password"):
        read_pdf_guarded(enc)


def test_encrypted_with_empty_password_is_read(tmp_path: Path) -> None:
    enc = encrypted_pdf(text_pdf(tmp_path / "p.pdf", title="Open Secrets"), tmp_path / "enc.pdf", user_password="")
    assert read_pdf_guarded(enc).title == "Open Secrets"


def test_image_only_pdf(tmp_path: Path) -> None:
    with pytest.raises(NoTextPdf, match="OCR"):
        read_pdf_guarded(image_only_pdf(tmp_path / "scan.pdf"))


def test_file_size_limit(tmp_path: Path) -> None:
    pdf = text_pdf(tmp_path / "p.pdf")
    with pytest.raises(PdfTooLarge):
        read_pdf_guarded(pdf, Limits(max_file_mb=0.0001))


def test_words_set_with_pen_moves_in_a_font_that_declares_a_wide_space_come_apart(tmp_path: Path) -> None:
    """A font whose space is declared 500/1000 while its lines are set with 0.24 em gaps (a TJ array of
    words and pen moves, no space characters): pypdf alone reads "Largelanguagemodelsare"."""
    from .badpdfs import _stream, raw_pdf

    words = [b"Large", b"language", b"models", b"are", b"trained", b"in", b"two", b"stages", b"with", b"reinforcement",
             b"learning", b"from", b"feedback"]  # fmt: skip
    tj = b"[" + b"-237".join(b"(" + w + b")" for w in words) + b"] TJ"
    lines = b"".join(b"BT /F1 10 Tf 72 %d Td " % (700 - 14 * i) + tj + b" ET\n" for i in range(6))
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [" + \
        b" ".join([b"500"] * 95) + b"] >>"  # fmt: skip
    path = tmp_path / "glued.pdf"
    path.write_bytes(raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(lines),
        font,
    ]))  # fmt: skip
    text = read_pdf(path).text
    assert "Large language models are trained in two stages" in text, text[:200]


UNHEADED = """A Made-Up Study of Reward Shaping With Language Models
Ada Example1, Bo Sample2
1Department of Computer Science, Example University
2Made-Up Research Lab {ada,bo}@example.org
Reward design is hard for agents trained with reinforcement
learning, and hand-written rewards often miss what a designer
wants. We ask a large language model to write reward code from
a task description, train agents on those rewards, and feed the
training statistics back to the model to refine the code. On
twelve simulated manipulation tasks the written rewards match
expert ones on nine tasks.
Keywords: reward design, language models
1 Introduction
Agents need rewards."""


def test_an_abstract_without_a_heading_is_the_prose_before_the_keywords() -> None:
    from classifier.ingest import find_abstract

    got = find_abstract(UNHEADED)
    assert got.startswith("Reward design is hard") and got.endswith("expert ones on nine tasks."), got
    assert find_abstract("A Title Line\nAda Example, Bo Sample\n1 Introduction\nText.") == ""


def test_a_figure_caption_inside_an_abstract_is_left_out() -> None:
    from classifier.ingest import find_abstract

    text = ("Abstract\nWe train agents with rewards written by a language model and\n"
            "Figure 1: Overview of the loop. The model writes code, agents\ntrain, statistics go back.\n"
            "evaluate them on twelve made-up tasks across three simulators.\n1 Introduction\n")  # fmt: skip
    got = find_abstract(text)
    assert "Overview" not in got and "statistics go back" not in got
    assert got == "We train agents with rewards written by a language model and evaluate them on twelve " \
                  "made-up tasks across three simulators."  # fmt: skip
