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


def plotted_pdf(path: Path, pages: int = 2, points: int = 400) -> Path:
    """Text pages, each with a vector 'plot' (many path operators) that has axis labels, drawn inline
    and inside a form XObject: what makes pypdf slow on real papers."""
    import math

    pdf = FPDF()
    for n in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 16)
        pdf.multi_cell(0, 9, f"A Plotted Paper, page {n + 1}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 5, LOREM * 3 + "Odd text: (nested (parens)) 1 2 m 3 4 l re S f* 0 0 1 rg.",
                       new_x="LMARGIN", new_y="NEXT")  # fmt: skip
        pdf.set_draw_color(200, 30, 30)
        xs = [20 + 170 * i / points for i in range(points)]
        ys = [200 + 30 * math.sin(i / 9) for i in range(points)]
        pdf.polyline(list(zip(xs, ys)))
        for i in range(0, points, 20):
            pdf.rect(xs[i], 240, 3, 3 + i % 7, style="DF")
        pdf.text(20, 250, "epoch")
        pdf.text(20, 255, "reward (mean)")
        pdf.multi_cell(0, 5, "1 Introduction", new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 5, LOREM * 2, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def form_pdf(path: Path, points: int = 300, wrapper: bool = False) -> Path:
    """A hand-written one-page PDF whose whole text and a plot sit inside a form XObject (as some
    producers wrap every page), with a nested form for the plot's labels; with ``wrapper``, that form
    sits in another that only places it (no text operator of its own)."""
    plot = " ".join(f"{i} {i % 17} l" for i in range(points))
    label = f"q 0 0 1 RG 0 0 m {plot} S Q BT /F1 9 Tf 10 10 Td (reward vs. steps) Tj ET".encode()
    body = (
        f"q 1 0 0 RG 0 0 m {plot} S Q BT /F1 18 Tf 72 720 Td (A Paper Wrapped in a Form) Tj ET "
        "BT /F1 11 Tf 72 690 Td (Abstract) Tj 0 -14 Td (We train a policy and report (odd 1 2 m) text.) Tj ET "
        "q 1 0 0 1 72 400 cm /Fx2 Do Q"
    ).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Fx1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(b"q /Fx1 Do Q"), b"q /Fx1 Do Q"),
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 7 0 R >> "
        b"/XObject << /Fx2 6 0 R >> >> /Length %d >>\nstream\n%s\nendstream" % (len(body), body),
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 400 100] /Resources << /Font << /F1 7 0 R >> >> "
        b"/Length %d >>\nstream\n%s\nendstream" % (len(label), label),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if wrapper:
        place = b"q 1 0 0 1 0 0 cm /Fx1 Do Q"
        objects[2] = objects[2].replace(b"/Fx1 5 0 R", b"/Fx1 8 0 R")
        objects.append(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /Fx1 5 0 R >> >> "
            b"/Length %d >>\nstream\n%s\nendstream" % (len(place), place)
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
