"""Make test PDFs on the fly (nothing downloaded, nothing copied from ../shared)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

LOREM = (
    "We study how agents learn from interaction. The method is evaluated on several benchmarks and compared "
    "with strong baselines. Results show consistent improvements across settings. "
)


def text_pdf(
    path: Path, title: str = "A Test Paper", abstract: str = LOREM * 2, body: str = LOREM * 6, pages: int = 1
) -> Path:
    pdf = FPDF()
    for i in range(pages):
        pdf.add_page()
        if i == 0:
            pdf.set_font("Helvetica", "B", 17)
            pdf.multi_cell(0, 9, title, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 7, "Abstract", align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(0, 5, abstract, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 7, "1 Introduction", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 5, body, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def image_only_pdf(path: Path, pages: int = 2) -> Path:
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.set_fill_color(120, 120, 120)
        for y in range(20, 260, 12):
            pdf.rect(20, y, 170, 6, style="F")  # grey bars, as a scan of text would look: no text layer
    pdf.output(str(path))
    return path


def encrypted_pdf(src: Path, path: Path, user_password: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(src)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-256")
    with path.open("wb") as fh:
        writer.write(fh)
    return path
