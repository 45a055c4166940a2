"""A generated corpus of hostile and broken PDFs (made here, never downloaded)."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from fpdf import FPDF

from .pdfs import encrypted_pdf, image_only_pdf, text_pdf


def raw_pdf(objects: list[bytes], *, root: int = 1, garble_xref: bool = False) -> bytes:
    """Assemble numbered objects into a PDF with a correct (or deliberately wrong) xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % ((off * 7 + 13) if garble_xref else off)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def _stream(data: bytes, flate: bool = False) -> bytes:
    head = b"<< /Length %d%s >>\nstream\n" % (len(data), b" /Filter /FlateDecode" if flate else b"")
    return head + data + b"\nendstream"


def zero_pages() -> bytes:
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def circular() -> bytes:
    """A page tree whose Kids point back at itself, and a page whose Parent is itself."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 3 0 R /Resources 3 0 R /Contents 3 0 R /MediaBox [0 0 612 792] >>",
        ]
    )


def bomb(decompressed_mb: int = 300) -> bytes:
    """One page whose content stream inflates to ``decompressed_mb`` MiB of spaces."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(comp.compress(chunk) for _ in range(decompressed_mb)) + comp.flush()
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>",
            _stream(data, flate=True),
        ]
    )


def long_stream(mb: int = 85) -> bytes:
    """One page whose content stream is stored uncompressed and is longer than pypdf reads in one go."""
    data = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n" * (mb * 2**20 // 38)
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>",
            _stream(data),
        ]
    )


def text_page_pdf(garble_xref: bool) -> bytes:
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    lines = b" ".join(b"(Line %d of a plain test page about nothing in particular.) Tj 0 -14 Td" % i for i in range(40))
    content = b"BT /F1 11 Tf 72 720 Td " + lines + b" ET"
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(content),
            font,
        ],
        garble_xref=garble_xref,
    )


def many_pages(path: Path, pages: int = 2000) -> Path:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for i in range(pages):
        pdf.add_page()
        pdf.cell(0, 10, f"Page {i + 1} of a very long thesis about reinforcement learning agents.")
    pdf.output(str(path))
    return path


def build(folder: Path) -> dict[str, Path]:
    """Every kind of bad input, by name."""
    folder.mkdir(parents=True, exist_ok=True)
    good = text_pdf(folder / "good.pdf", pages=3).read_bytes()
    files: dict[str, bytes | Path] = {
        "random_bytes": os.urandom(20_000),
        "html": b"<!DOCTYPE html><html><head><title>404</title></head><body>Not Found</body></html>\n" * 20,
        "zero_pages": zero_pages(),
        "circular": circular(),
        "bomb": bomb(),
        "long_stream": long_stream(),
        "broken_xref": text_page_pdf(garble_xref=True),
    }
    for frac in (0.1, 0.5, 0.9):
        files[f"truncated_{int(frac * 100)}"] = good[: int(len(good) * frac)]
    out: dict[str, Path] = {}
    for name, data in files.items():
        p = folder / f"{name}.pdf"
        p.write_bytes(data) if isinstance(data, bytes) else None
        out[name] = p
    out["encrypted_empty_password"] = encrypted_pdf(folder / "good.pdf", folder / "enc_empty.pdf", "")
    out["encrypted_password"] = encrypted_pdf(folder / "good.pdf", folder / "enc_pw.pdf", "s3cret")
    out["image_only"] = image_only_pdf(folder / "image_only.pdf")
    out["pages_2000"] = many_pages(folder / "pages_2000.pdf")
    return out
