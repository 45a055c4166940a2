"""PDF → Paper: pypdf text per page, clean-up, title, abstract and sections, under hard limits.

Only this module (and its helpers ``slim`` and ``content_ops``, which make pypdf fast without changing a
character) imports pypdf, and only inside functions, so ``rltaxo --help`` stays fast.
``read_pdf`` does the work in-process; ``read_pdf_guarded`` runs it in a child process that can be
killed, with an address-space limit, because pypdf has had hangs and decompression bombs.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import fast_text
from .errors import (
    CorruptPdf,
    EncryptedPdf,
    NotAPdf,
    NoTextPdf,
    PdfError,
    PdfMemoryLimit,
    PdfTimeout,
    PdfTooLarge,
    RltaxoError,
    SourceNotFound,
)
from .settings import Limits
from .slim import shared_fonts, slim_page
from .sources import sha256_file

_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st", "\u00ad": ""}
_SPACING_ACCENTS = {"¨": "\u0308", "´": "\u0301", "`": "\u0300", "ˆ": "\u0302", "˜": "\u0303", "¸": "\u0327"}
_ACCENT_RE = re.compile(r"([¨´`ˆ˜¸])\s?([A-Za-z])")
_STAMP_RE = re.compile(r"^\s*arXiv:\s*\d{4}\.\d{4,5}(v\d+)?\s*\[[^\]]*\]\s*\d{1,2}\s*[A-Za-z]{3}\s*\d{4}\s*$")
_VENUE_RE = re.compile(
    r"^\s*(preliminary work\.?|published as a (conference )?paper at .*|under review( as a conference paper)?"
    r"( at .*)?|preprint\.?( under review\.?)?|work in progress\.?)\s*$",
    re.IGNORECASE,
)
_HYPHEN_RE = re.compile(r"(\w)-\n(?=[a-z])")
_NUMBERED_HEADING = re.compile(
    r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,2}|[IVX]{1,5})\.?\s+(?P<title>[A-Z][A-Za-z0-9 ,:;&'’\-()/]{1,80})$"
)
_PLAIN_HEADINGS = {
    "abstract",
    "introduction",
    "related work",
    "background",
    "method",
    "methods",
    "approach",
    "experiments",
    "results",
    "discussion",
    "conclusion",
    "conclusions",
    "limitations",
    "references",
    "bibliography",
    "acknowledgements",
    "acknowledgments",
    "appendix",
    "conclusion and future work",
    "conclusions and future work",
}
_REFERENCES = {"references", "bibliography"}


#: Bump when extraction changes what a Paper holds: cached papers of another version are read again.
INGEST_VERSION = "2"


MAX_TITLE_CHARS = 1_000
MAX_ABSTRACT_CHARS = 20_000  # real abstracts stay under 3,000; a list row may hold a whole text


@dataclass
class Section:
    heading: str
    text: str
    page: int


@dataclass
class Paper:
    """What ingestion got from one PDF: enough for a backend, and for a person to see why."""

    path: str
    sha256: str
    title: str
    abstract: str
    sections: list[Section]
    text: str
    pages_read: int
    pages_total: int
    notes: list[str] = field(default_factory=list)
    input: str = "pdf"  # "pdf"; "abstract" when only the title and abstract were read; "title" for a title alone
    arxiv_version: str | None = None  # "v2" when the version read is known
    arxiv_id: str | None = None  # when the paper came from arXiv (few-shot leave-one-out compares it)

    @classmethod
    def from_metadata(cls, title: str, abstract: str, origin: str = "") -> Paper:
        """A paper known only by its title and abstract (a reading list's, a gold file's, the arXiv API's)."""
        caps = (("title", title, MAX_TITLE_CHARS), ("abstract", abstract, MAX_ABSTRACT_CHARS))
        notes = [f"{what} cut to its first {cap:,} characters" for what, text, cap in caps if len(text) > cap]
        # cut before normalising: an 11 MB one-sentence "abstract" must cost what a long real one costs
        title = " ".join(unicodedata.normalize("NFKC", title[: MAX_TITLE_CHARS * 2]).split())[:MAX_TITLE_CHARS]
        abstract = " ".join(unicodedata.normalize("NFKC", abstract[: MAX_ABSTRACT_CHARS * 2]).split())
        abstract = abstract[:MAX_ABSTRACT_CHARS]
        text = f"{title}\n\n{abstract}"
        digest = hashlib.sha256(text.encode()).hexdigest()
        kind = "abstract" if abstract else "title"
        return cls(origin, digest, title, abstract, [], text, 0, 0, notes=notes, input=kind)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Paper:
        sections = [Section(**sec) for sec in data.pop("sections")]
        return cls(**data, sections=sections)

    def abstract_only(self) -> Paper:
        """The same paper cut down to its title and abstract (``--from abstract`` on a local PDF)."""
        if not self.abstract:
            raise NoTextPdf(f"{self.path}: no abstract found in the PDF", hint="use --from pdf for this paper")
        return Paper.from_metadata(self.title, self.abstract, self.path)

    def section(self, *names: str) -> Section | None:
        """The first section whose heading contains any of ``names`` (case-insensitive)."""
        for sec in self.sections:
            low = sec.heading.lower()
            if any(n in low for n in names):
                return sec
        return None


# ---------------------------------------------------------------------------------------------
# clean-up
# ---------------------------------------------------------------------------------------------
def fix_chars(text: str) -> str:
    for lig, rep in _LIGATURES.items():
        text = text.replace(lig, rep)
    text = _ACCENT_RE.sub(lambda m: unicodedata.normalize("NFC", m.group(2) + _SPACING_ACCENTS[m.group(1)]), text)
    text = text.replace("\x00", "").replace("\r", "\n").replace("\t", " ")
    return text


def _edge_lines(lines: list[str], k: int = 2) -> list[str]:
    return [ln.strip() for ln in lines[:k] + lines[-k:] if ln.strip()]


def _normalise_edge(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def clean_pages(pages: list[str]) -> list[str]:
    """Remove what is not the paper's prose: arXiv stamps, venue banners, running headers and footers,
    page numbers; fix ligatures, detached accents and words hyphenated across lines."""
    pages = [fix_chars(p) for p in pages]
    split = [p.split("\n") for p in pages]
    repeated: set[str] = set()
    if len(split) >= 3:
        counts = Counter(_normalise_edge(ln) for lines in split for ln in set(_edge_lines(lines)))
        repeated = {ln for ln, c in counts.items() if c >= max(3, len(split) // 2) and len(ln) < 120}
    out: list[str] = []
    for lines in split:
        n = len(lines)
        body_page = n > 4  # a running header is only told apart from a page with body text under it
        kept: list[str] = []
        for i, ln in enumerate(lines):
            s = ln.strip()
            if _STAMP_RE.match(s):
                continue
            at_edge = i < 3 or i >= n - 3
            if at_edge and (_VENUE_RE.match(s) or re.fullmatch(r"\d{1,4}", s)):
                continue
            if at_edge and body_page and s and _normalise_edge(s) in repeated:
                continue
            kept.append(re.sub(r"[ \u00a0]{2,}", " ", ln).rstrip())
        text = "\n".join(kept)
        out.append(_HYPHEN_RE.sub(r"\1", text))
    return out


# ---------------------------------------------------------------------------------------------
# structure: title, abstract, sections
# ---------------------------------------------------------------------------------------------
Run = tuple[float, float, str]  # (font size in points, baseline y, text) of one text run on page 1
_DATE_LINE = re.compile(
    r"^\s*(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2},?\s+)?\d{4}\s*$",
    re.IGNORECASE,
)


def _front_runs(runs: list[Run]) -> list[Run]:
    """The runs before the abstract (or the introduction): figures and body text set in large type come
    later in the content stream, and a title is never among them."""
    seen = ""
    for i, (_, _, text) in enumerate(runs):
        seen += text.lower()
        squashed = re.sub(r"\s+", "", seen)
        if i > 0 and (squashed.endswith("abstract") or re.search(r"(^|\n)\s*1\.?\s*introduction", seen)):
            return runs[:i]
    return runs


def _continues_word(block: list[Run]) -> bool:
    """Whether the last run goes on the word before it, on the same line (``M`` + ``ODELS``)."""
    if len(block) < 2:
        return False
    (_, y0, before), (_, y1, after) = block[-2], block[-1]
    return abs(y1 - y0) <= 1 and before[-1:].isalpha() and after[:1].isalpha()


def _title_from_runs(runs: list[Run]) -> str:
    """The title: the first block of the largest type in the front matter, stamps, venue and date lines
    skipped. Small capitals (set at about 80% of the capitals, between full-size runs) are folded back to
    lower case, and a word hyphenated across the title's lines is joined."""
    runs = [r for r in runs if not _STAMP_RE.match(r[2].strip())]
    front = [r for r in _front_runs(runs) if r[2].strip()]
    if not front:
        return ""
    sizes = [s for s, _, _ in runs if s > 0]
    body = statistics.median(sizes) if sizes else 0.0
    skip = [bool(_VENUE_RE.match(t.strip()) or _DATE_LINE.match(t.strip())) for _, _, t in front]
    candidates = [s for (s, _, _), sk in zip(front, skip) if not sk]
    if not candidates:
        return ""
    big = max(candidates)
    if big < body * 1.1 and big <= 12.0:
        return ""
    block: list[Run] = []
    for run, sk in zip(front, skip):
        size = run[0]
        if not block:
            if size >= big * 0.95 and not sk:
                block.append(run)
            continue
        if size >= big * 0.75:
            block.append(run)
        else:
            break
    while block and block[-1][0] < big * 0.95 and not _continues_word(block):
        block.pop()  # trailing smaller runs on a line of their own are the authors, not small caps
    title = ""
    prev_y: float | None = None
    for size, y, text in block:
        piece = text.lower() if size < big * 0.95 else text
        if prev_y is not None and abs(y - prev_y) > 1 and title.endswith("-") and piece[:1].islower():
            title = title[:-1]  # "Lan-" / "guage" across a line break
        elif prev_y is not None and abs(y - prev_y) > 1 and not title.endswith((" ", "\n", "-")):
            title += " "
        title += piece
        prev_y = y
    title = " ".join(unicodedata.normalize("NFKC", fix_chars(title)).split())
    return re.sub(r"(\w)- (?=[a-z])", r"\1", title).strip()


def _heading(line: str) -> str | None:
    s = line.strip()
    if not s or len(s) > 90:
        return None
    low = s.lower().rstrip(".:")
    if low in _PLAIN_HEADINGS:
        return s.rstrip(".:")
    m = _NUMBERED_HEADING.match(s)
    if m and not s.endswith((".", ",")) and len(m.group("title").split()) <= 10:
        title = m.group("title")
        if sum(ch.isalpha() for ch in title) >= 3:
            return s
    return None


def _top_number(heading: str) -> int | None:
    m = re.match(r"^(\d{1,2})(?:\.\d+)*\.?\s", heading)
    return int(m.group(1)) if m else None


def find_sections(pages: list[str]) -> list[Section]:
    """Headings in reading order, numbered ones kept only while their numbering is plausible."""
    sections: list[Section] = []
    current_top = 0
    buf: list[str] = []
    head, head_page = "Front matter", 0
    for pno, page in enumerate(pages):
        for line in page.split("\n"):
            h = _heading(line)
            if h is not None:
                top = _top_number(h)
                if top is not None:
                    if top not in (current_top, current_top + 1) or ("." in h.split()[0][:-1] and top != current_top):
                        h = None
                    else:
                        current_top = top
            if h is not None:
                sections.append(Section(head, "\n".join(buf).strip(), head_page))
                head, head_page, buf = h, pno, []
            else:
                buf.append(line)
    sections.append(Section(head, "\n".join(buf).strip(), head_page))
    return [s for s in sections if s.text or s.heading != "Front matter"]


_ABSTRACT_START = re.compile(r"(?im)^\s*a\s?b\s?s\s?t\s?r\s?a\s?c\s?t\s*[.:—-]?\s*")
_ABSTRACT_END = re.compile(
    r"(?im)^\s*((1|I)\.?\s+introduction|introduction|keywords?\s*[:—-]|index terms|ccs concepts|"
    r"\d\s+[A-Z][a-z]+( [A-Za-z]+){0,4}$)"
)


def find_abstract(first_pages: str) -> str:
    """The abstract: after its heading, up to the keywords or the first section; without a heading (some
    templates have none), the paragraph of prose just before the keywords or the first section. A figure
    caption that the layout put inside it is left out."""
    m = _ABSTRACT_START.search(first_pages)
    if m:
        rest = first_pages[m.end() :]
        end = _ABSTRACT_END.search(rest)
        lines = (rest[: end.start()] if end else rest[:3000]).split("\n")
    else:
        lines = _unheaded(first_pages)
    return " ".join(" ".join(_without_captions(lines)).split())


_CAPTION = re.compile(r"^\s*(figure|fig\.|table)\s*\d+\s*[:.|]", re.IGNORECASE)


def _without_captions(lines: list[str]) -> list[str]:
    """Drop each caption: from its "Figure N:" line to the first line that ends a sentence."""
    out: list[str] = []
    in_caption = False
    for ln in lines:
        if _CAPTION.match(ln):
            in_caption = True
        if not in_caption:
            out.append(ln)
        elif ln.rstrip().endswith("."):
            in_caption = False
    return out


def _prose(line: str) -> bool:
    """A line of running text: a third or more of its words lowercase, no e-mail address (author, title and
    affiliation lines are mostly capitalised: "Department of Computer Science")."""
    words = re.findall(r"[A-Za-z][\w'-]*", line)
    return bool(words) and "@" not in line and sum(w[0].islower() for w in words) >= len(words) / 3


def _unheaded(text: str) -> list[str]:
    """Walk up from the keywords or the first section while the lines read as prose; one capitalised line
    between two of prose ("... called Trust Region Policy Optimization (TRPO).") does not end it."""
    end = _ABSTRACT_END.search(text)
    if not end or end.start() > 8000:
        return []
    lines = [ln.strip() for ln in text[: end.start()].rstrip().split("\n")]
    kept: list[str] = []
    for i in range(len(lines) - 1, -1, -1):
        s = lines[i]
        if not s:
            if kept:
                break
            continue
        bridged = kept and i > 0 and _prose(lines[i - 1]) and "@" not in s and len(s.split()) >= 3
        if not (_prose(s) or bridged):
            break
        kept.append(s)
    body = list(reversed(kept))
    return body if len(body) >= 3 and 300 <= len(" ".join(body)) <= 4000 else []


# ---------------------------------------------------------------------------------------------
# reading
# ---------------------------------------------------------------------------------------------
def _open(path: Path, limits: Limits) -> Any:
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PdfReadError, PdfStreamError

    if not path.exists():
        raise SourceNotFound(f"{path}: no such file")
    if path.is_dir():
        raise NotAPdf(f"{path}: is a directory, not a PDF")
    size = path.stat().st_size
    if size == 0:
        raise NotAPdf(f"{path}: empty file")
    if size > limits.max_file_mb * 1024 * 1024:
        raise PdfTooLarge(
            f"{path}: {size / 2**20:.0f} MiB is over the {limits.max_file_mb:.0f} MiB limit",
            hint="raise it with --max-file-mb",
        )
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        kind = "HTML" if b"<html" in head.lower() or b"<!doctype" in head.lower() else "not a PDF"
        raise NotAPdf(f"{path}: {kind} (no %PDF header)")
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (FileNotDecryptedError, NotImplementedError, DependencyError) as exc:
                raise EncryptedPdf(f"{path}: encrypted PDF that cannot be opened ({exc})") from exc
            if not ok:
                raise EncryptedPdf(f"{path}: encrypted with a password", hint="decrypt it first, e.g. qpdf")
        total = len(reader.pages)
    except RltaxoError:
        raise
    except LimitReachedError as exc:
        raise PdfMemoryLimit(f"{path}: the PDF's structure exceeds pypdf's safety limits ({_short(exc)})") from exc
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise CorruptPdf(f"{path}: unreadable PDF ({type(exc).__name__}: {_short(exc)})") from exc
    except RecursionError as exc:
        raise CorruptPdf(f"{path}: unreadable PDF (object references nest too deep)") from exc
    if total == 0:
        raise CorruptPdf(f"{path}: PDF has no pages")
    return reader


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:160] or "no detail"


def _extract(page: Any, runs: list[Run] | None) -> str:
    if runs is None:
        return str(page.extract_text() or "")

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
        y = float(tm[5]) * float(cm[3]) + float(cm[5])
        runs.append((round(float(size) * scale, 1), round(y, 1), text))

    return str(page.extract_text(visitor_text=visit) or "")


def read_pdf(path: str | Path, limits: Limits | None = None) -> Paper:
    """Read a PDF in this process. Reads the front pages, then on until the references (or the page
    cap): the excerpt needs the introduction and the conclusion, never the appendix."""
    limits = limits or Limits()
    path = Path(path)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about broken files are ours to report
    reader = _open(path, limits)
    total = len(reader.pages)
    cap = min(total, limits.max_pages)
    raw: list[str] = []
    runs: list[Run] = []
    chars = 0
    try:
        with shared_fonts(), fast_text.enabled(), fast_text.word_gaps():
            for i in range(cap):
                page = reader.pages[i]
                slim_page(page, reader)
                text = _extract(page, runs if i == 0 else None)
                raw.append(text)
                chars += len(text)
                if chars > limits.max_chars:
                    break
                if i >= 2 and re.search(r"(?im)^\s*(references|bibliography)\s*$", text):
                    break
    except RltaxoError:
        raise
    except RecursionError as exc:
        raise CorruptPdf(f"{path}: unreadable page (object references nest too deep)") from exc
    except Exception as exc:  # pypdf raises a wide variety on broken content streams
        if type(exc).__name__ == "LimitReachedError" or isinstance(exc, MemoryError):
            raise PdfMemoryLimit(_limit_message(path, len(raw) + 1, exc)) from exc
        if not raw:
            raise CorruptPdf(f"{path}: unreadable page 1 ({type(exc).__name__}: {_short(exc)})") from exc
    pages = clean_pages(raw)
    body = "\n".join(pages)
    if len(re.sub(r"\s+", "", body)) < 200:
        _raise_if_bomb(reader, path, len(raw))
        raise NoTextPdf(
            f"{path}: no extractable text in {len(raw)} of {total} pages (scanned or image-only?)",
            hint="run OCR (e.g. ocrmypdf) first",
        )
    title = _title_from_runs(runs)
    if not title:
        meta_title = (reader.metadata or {}).get("/Title") if _safe_meta(reader) else None
        title = (
            str(meta_title).strip() if meta_title else next((ln.strip() for ln in body.split("\n") if ln.strip()), "")
        )
    notes: list[str] = []
    if cap < total:
        notes.append(f"read {len(raw)} of {total} pages")
    return Paper(
        path=str(path),
        sha256=sha256_file(path),
        title=title,
        abstract=find_abstract("\n".join(pages[:2])),
        sections=find_sections(pages),
        text=body,
        pages_read=len(raw),
        pages_total=total,
        notes=notes,
    )


def _raise_if_bomb(reader: Any, path: Path, pages: int) -> None:
    """pypdf logs and skips a stream that inflates past its limit; say so instead of 'no text'."""
    from pypdf.errors import LimitReachedError

    for i in range(min(pages, 3)):
        try:
            contents = reader.pages[i].get_contents()
            if contents is not None:
                contents.get_data()
        except LimitReachedError as exc:
            raise PdfMemoryLimit(_limit_message(path, i + 1, exc)) from exc
        except Exception:
            continue


def _limit_message(path: Path, page: int, exc: BaseException) -> str:
    """pypdf's limits in words: a stream too long to read at all is not one that inflates too far."""
    m = re.search(r"Declared stream length of (\d+) exceeds", str(exc))
    if m:
        mib = int(m.group(1)) / 2**20
        return f"{path}: page {page} holds a stream of {mib:.0f} MiB, over pypdf's limit for one stream"
    return f"{path}: page {page} decompresses past pypdf's safety limit ({_short(exc)})"


def _safe_meta(reader: Any) -> bool:
    try:
        _ = reader.metadata
        return True
    except Exception:
        return False


# ---------------------------------------------------------------------------------------------
# the guarded reader: a killable child process with a memory limit
# ---------------------------------------------------------------------------------------------
def _die_with_parent(pid: int) -> None:
    """Exit as soon as process ``pid`` (rltaxo) is gone. Readers are forked by multiprocessing's
    forkserver, which outlives a SIGKILLed rltaxo, so neither being its child nor PDEATHSIG helps:
    a watchdog thread polls rltaxo twice a second (pypdf's pure-Python loops let it run)."""
    import threading
    import time

    def watch() -> None:
        while True:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(3)
            except PermissionError:
                pass
            time.sleep(0.5)

    threading.Thread(target=watch, name="rltaxo-parent-watch", daemon=True).start()


def _child(conn: Any, path: str, limits: Limits, parent: int) -> None:
    import resource
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it kills us if need be
    _die_with_parent(parent)
    cap = limits.memory_mb * 1024 * 1024
    cpu = int(limits.timeout_s) + 5  # a backstop: even orphaned, a reader never spins past its time limit
    for which, value in ((resource.RLIMIT_AS, cap), (resource.RLIMIT_CPU, cpu)):
        try:
            resource.setrlimit(which, (value, value))
        except (ValueError, OSError):
            pass
    message: tuple[str, Any]
    try:
        message = ("ok", read_pdf(path, limits))
    except RltaxoError as exc:
        message = ("err", exc)
    except MemoryError:
        message = ("err", PdfMemoryLimit(f"{path}: parsing needed more than {limits.memory_mb} MiB"))
    except BaseException as exc:
        message = ("err", CorruptPdf(f"{path}: unreadable PDF ({type(exc).__name__}: {_short(exc)})"))
    try:
        conn.send(message)
    except OSError:
        pass  # the parent is gone (timeout, Ctrl-C): nobody to tell
    finally:
        conn.close()


_CTX: Any = None


def _context() -> Any:
    global _CTX
    if _CTX is None:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["classifier.ingest", "pypdf"])
        _CTX = ctx
    return _CTX


def read_pdf_guarded(path: str | Path, limits: Limits | None = None) -> Paper:
    """``read_pdf`` in a child process: killed after ``limits.timeout_s``, address space capped."""
    limits = limits or Limits()
    path = Path(path)
    if not path.exists():  # cheap checks first, without a process
        raise SourceNotFound(f"{path}: no such file")
    if path.is_dir():
        raise NotAPdf(f"{path}: is a folder", hint="rltaxo batch reads every PDF in a folder")
    if not path.is_file():
        raise NotAPdf(f"{path}: not a regular file (a pipe, socket or device)", hint="save it to a file first")
    ctx = _context()
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, str(path), limits, os.getpid()), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(limits.timeout_s):
            raise PdfTimeout(
                f"{path}: reading took longer than {limits.timeout_s:g} s and was stopped",
                hint="raise it with --pdf-timeout",
            )
        try:
            status, value = parent.recv()
        except EOFError as exc:
            proc.join(1)
            raise PdfMemoryLimit(
                f"{path}: the PDF reader died (exit {proc.exitcode}); likely over the {limits.memory_mb} MiB limit"
            ) from exc
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if status == "err":
        assert isinstance(value, PdfError | RltaxoError)
        raise value
    assert isinstance(value, Paper)
    return value
