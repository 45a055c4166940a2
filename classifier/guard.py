"""Where rltaxo may write: never an input, and never over a file it did not write itself.

Every command that writes (batch results and their sidecars, exported requests, the review page, eval
runs, learned models) asks ``claim`` first. A file is rltaxo's when it is empty or carries one of the
marks rltaxo's writers put in their first lines; anything else (a gold file, notes, ``poetry.lock``) is
refused with one line, before any work, so a mistyped ``-o`` loses nothing.
"""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError

#: First-line marks of rltaxo's text outputs (CSV header, Markdown and BibTeX heads, the lock's owner).
_PREFIXES = ("item,source,bib_key,status", "# rltaxo", "% rltaxo", "pid ", "<!-- rltaxo")
_HTML_MARK = '<meta name="generator" content="rltaxo">'
_BIB_MARK = re.compile(r"keywords\s*=\s*[{\"][^\n]*\brltaxo:", re.IGNORECASE)
#: Keys that make a JSON first line one of ours: a batch record, an exported request, an eval prediction,
#: eval metrics, a learned model, a review decision.
_JSON_KEYS = (("item", "status"), ("custom_id",), ("key", "gold"), ("leaf_accuracy",), ("rltaxo_model",), ("decision",))


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a.absolute() == b.absolute()


def written_by_rltaxo(path: Path) -> bool:
    """Whether an existing regular file is empty or carries a mark of rltaxo's writers."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8192).decode("utf-8", errors="replace")
            # a written-back .bib/.ris carries no header (its diff is only keywords lines): its mark is an
            # rltaxo: keyword, which may come after entries that failed
            more = head + fh.read(1_000_000).decode("utf-8", errors="replace") if head.lstrip()[:1] in "@%T" else ""
    except OSError:
        return False
    if not head.strip():
        return True
    first = head.lstrip().split("\n", 1)[0].strip()
    if first.startswith(_PREFIXES) or _HTML_MARK in head or "\nKW  - rltaxo:" in more or _BIB_MARK.search(more):
        return True
    if head.lstrip().startswith("{"):
        try:
            data = json.loads(first) if first != "{" else json.loads(path.read_text(encoding="utf-8")[:1_000_000])
        except ValueError:
            return False
        return isinstance(data, dict) and any(all(k in data for k in keys) for keys in _JSON_KEYS)
    return False


def claim(target: Path, *, keep: Iterable[tuple[Path, str]] = (), what: str = "output") -> None:
    """Refuse, in one line, to write ``target`` when it is one of ``keep`` (path, name), is not a regular
    file (a folder, FIFO or device), or exists and was not written by rltaxo."""
    for path, name in keep:
        if same_file(target, path):
            raise OutputError(f"{target}: is the {name} itself; refusing to write the {what} there",
                              hint="choose another name")  # fmt: skip
    try:
        st = target.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"{target}: cannot use it for the {what} ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{target}: is a folder", hint=f"give the {what} a file name")
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"{target}: is not a regular file (a FIFO or device)", hint=f"give the {what} a file name")
    if not written_by_rltaxo(target):
        raise OutputError(
            f"{target}: exists and was not written by rltaxo; refusing to overwrite it with the {what}",
            hint="move it away or choose another name",
        )


def free(target: Path, keep: Iterable[tuple[Path, str]] = ()) -> bool:
    """Whether ``claim`` would allow writing ``target`` (for choosing among candidate names)."""
    try:
        claim(target, keep=keep)
    except OutputError:
        return False
    return True
