"""Ingestion benchmark: pypdf's raw extract_text on every page vs rltaxo's full ingestion.

    python eval/bench/ingest_bench.py [PDF_DIR] [REPEATS]     (defaults ../shared/corpus, 3)

(a) raw: PdfReader + extract_text() on every page. (b) rltaxo: read_pdf (drawing operators dropped,
operations tokenised in C, fonts built once, pypdf's repeated per-string answers remembered, clean-up,
title, abstract, sections, reading only the pages the excerpt needs) + build_excerpt, in-process;
(b') the same through the guarded child process the CLI uses. Each is timed REPEATS times per paper
and the fastest kept, because a shared machine's noise only ever adds time. Reports medians, pages/s
and the (b)/(a) ratio.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from pathlib import Path


def main() -> None:
    import pypdf

    from classifier.excerpt import build_excerpt
    from classifier.ingest import read_pdf, read_pdf_guarded

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "corpus"
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    pdfs = sorted(folder.glob("*.pdf"))
    if not pdfs:
        sys.exit(f"no PDFs in {folder}")
    read_pdf_guarded(pdfs[0])  # start the fork server outside the timings
    rows = []
    for pdf in pdfs:
        raw = ours = guarded = float("inf")
        for _ in range(repeats):
            t0 = time.perf_counter()
            reader = pypdf.PdfReader(str(pdf))
            n = len(reader.pages)
            for page in reader.pages:
                page.extract_text()
            raw = min(raw, time.perf_counter() - t0)
            t0 = time.perf_counter()
            paper = read_pdf(pdf)
            build_excerpt(paper)
            ours = min(ours, time.perf_counter() - t0)
            t0 = time.perf_counter()
            build_excerpt(read_pdf_guarded(pdf))
            guarded = min(guarded, time.perf_counter() - t0)
        rows.append((pdf.stem, n, paper.pages_read, raw, ours, guarded))
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"pypdf {pypdf.__version__}; fastest of {repeats} per paper"
    )
    print(f"{'paper':<12}{'pages':>6}{'read':>6}{'raw ms':>10}{'rltaxo ms':>11}{'guarded ms':>12}{'ratio':>7}")
    for stem, n, read, raw, ours, guarded in rows:
        print(
            f"{stem:<12}{n:>6}{read:>6}{raw * 1000:>10.0f}{ours * 1000:>11.0f}{guarded * 1000:>12.0f}{ours / raw:>7.2f}"
        )
    med = statistics.median
    raw_ms, ours_ms, g_ms = (med(r[i] for r in rows) * 1000 for i in (3, 4, 5))
    raw_pps = sum(r[1] for r in rows) / sum(r[3] for r in rows)
    ours_pps = sum(r[2] for r in rows) / sum(r[4] for r in rows)
    print(
        f"median ms/paper: raw {raw_ms:.0f}, rltaxo {ours_ms:.0f}, guarded {g_ms:.0f}; "
        f"ratio rltaxo/raw (medians) {ours_ms / raw_ms:.2f}, total time ratio "
        f"{sum(r[4] for r in rows) / sum(r[3] for r in rows):.2f}"
    )
    print(
        f"pages/s: raw {raw_pps:.1f} (all pages), rltaxo {ours_pps:.1f} (pages read); pages read per paper: "
        f"median {med(r[2] for r in rows):.0f} of {med(r[1] for r in rows):.0f}"
    )


if __name__ == "__main__":
    main()
