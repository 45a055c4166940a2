"""Label a whole reading list: concurrent, resumable, crash-safe, one record per distinct item.

Records are appended to a JSON Lines file as each item finishes, one ``write`` per line on an
``O_APPEND`` descriptor: a ``kill -9`` can lose the items in flight, never a finished one (the kernel
has the line). They are fsynced at most every ``SYNC_EVERY`` seconds and at the end, so a power loss
costs at most that much work, redone on resume, and a torn last line is cut off on the next start.
(An fsync per line held the offline backend to the disk's pace: 9 ms a paper here.) Re-running the same command skips
what is done; ``--retry-failed`` also retries the failures.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import OutputError, RltaxoError
from .interrupt import sigint_flag, wait_any
from .pipeline import Pipeline
from .progress import Progress
from .readinglist import Item
from .records import BatchRecord, RecordError, RecordSummary, latest
from .result import ClassificationResult, Usage, same_model


@dataclass
class BatchReport:
    total: int
    skipped: int = 0
    ok: int = 0
    failed: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    leaves: Counter[str] = field(default_factory=Counter)
    usage: list[Usage] = field(default_factory=list)  # token usage of this run's answers only
    decided: Counter[str] = field(default_factory=Counter)  # --escalate: offline / llm, this run


Maker = tuple[str, str, str, str]  # (tree, backend, model, prompt version), as ResultSummary.made_by


def maker_of(pipe: Pipeline) -> Maker:
    tax = pipe.taxonomy
    b = pipe.backend
    return (f"{tax.name} ({tax.short_hash})", b.name, b.model, b.prompt_version)


def _same_maker(rec: RecordSummary, maker: Maker) -> bool:
    if rec.result is None or not rec.result.backend:  # an error record, or a line from an older rltaxo
        return True
    tree, backend, model, prompt = rec.result.made_by()
    return (tree, backend, prompt) == (maker[0], maker[1], maker[3]) and same_model(model, maker[2])


def check_maker(done: dict[str, RecordSummary], maker: Maker, out: Path, relabel: bool) -> dict[str, RecordSummary]:
    """Labels made by another tree, backend, model or prompt are not this run's: refuse the output in one
    line, or with ``relabel`` count them as not done (the new record supersedes the old one)."""
    other = {k for k, r in done.items() if not _same_maker(r, maker)}
    if not other:
        return done
    if relabel:
        return {k: r for k, r in done.items() if k not in other}
    r = done[next(iter(other))].result
    assert r is not None
    raise OutputError(
        f"{out}: {len(other)} label(s) there were made by {r.backend} {r.model} (tree {r.taxonomy}, prompt "
        f"{r.prompt_version}); this run is {maker[1]} {maker[2]} (tree {maker[0]}, prompt {maker[3]})",
        hint="use another -o, or --relabel to label those items again",
    )


def load_done(out: Path, retry_failed: bool) -> dict[str, RecordSummary]:
    """The last record of every item in ``out`` (summaries); repairs a torn tail, and drops garbage
    lines and, with ``retry_failed``, failures, by rewriting the file line by line."""
    if not out.exists():
        return {}
    with out.open("rb+") as fh:  # a torn last line (power loss): cut it off, the item will be redone
        size = fh.seek(0, os.SEEK_END)
        if size:
            fh.seek(max(0, size - 1))
            if fh.read(1) != b"\n":
                fh.seek(0)
                data = fh.read()
                fh.truncate(data.rfind(b"\n") + 1)
    records: dict[str, RecordSummary] = {}
    last: dict[str, int] = {}
    junk = 0
    with out.open("rb") as fh:
        for n, line in enumerate(fh):
            rec = RecordSummary.read(line)
            if rec is None:
                junk += bool(line.strip())
                continue
            records[rec.item] = rec
            last[rec.item] = n
    failed = {k for k, r in records.items() if not r.ok}
    if junk or (retry_failed and failed):  # jq must read the file; retried items must start over
        keep = {n for k, n in last.items() if not (retry_failed and k in failed)}
        _rewrite(out, keep)
        if retry_failed:
            records = {k: r for k, r in records.items() if k not in failed}
    return records


def done_items(out: Path) -> set[str]:
    """The items that have a record in ``out`` (the keys only: cheap for lists of any size)."""
    found: set[str] = set()
    if not out.exists():
        return found
    with out.open("rb") as fh:
        for line in fh:
            rec = RecordSummary.read(line)
            if rec is not None:
                found.add(rec.item)
    return found


def _rewrite(out: Path, keep: set[int]) -> None:
    """Replace the results file atomically with the lines numbered ``keep`` (the run holds the lock)."""
    tmp = out.with_name(out.name + ".tmp")
    with out.open("rb") as src, tmp.open("wb") as dst:
        for n, line in enumerate(src):
            if n in keep:
                dst.write(line)
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(tmp, out)


SYNC_EVERY = 0.25  # seconds between fsyncs of the results file


class Appender:
    """Appends whole lines, fsynced at most every ``SYNC_EVERY`` seconds and on close.

    A short ``os.write`` is continued; a write that fails (disk full, file too large) is rolled back to
    the last whole line, so the file never keeps a torn record, and becomes an OutputError."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._synced = time.monotonic()
        self._dirty = False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(
                f"{path}: cannot write the results file ({exc.strerror or exc})", hint="choose another place with -o"
            ) from exc

    def write(self, record: BatchRecord) -> None:
        self.write_many([record])

    def write_many(self, records: list[BatchRecord]) -> None:
        """Several records, durable together (one fsync): for results that arrive in bulk."""
        if not records:
            return
        data = "".join(json.dumps(r.to_json()) + "\n" for r in records).encode()
        start = os.fstat(self.fd).st_size
        try:
            view = memoryview(data)
            while view:
                n = os.write(self.fd, view)
                view = view[n:]
            self._dirty = True
            if time.monotonic() - self._synced >= SYNC_EVERY:
                self._sync()
        except OSError as exc:
            try:
                os.ftruncate(self.fd, start)  # no torn record: the item will simply be redone
            except OSError:
                pass
            raise OutputError(
                f"{self.path}: writing a record failed ({exc.strerror or exc}); every record before it is kept",
                hint="free some space, then re-run the same command to resume",
            ) from exc

    def _sync(self) -> None:
        os.fsync(self.fd)
        self._synced, self._dirty = time.monotonic(), False

    def close(self) -> None:
        try:
            if self._dirty:
                self._sync()
        except OSError:
            pass  # every line is written; only its durability against a power loss is in doubt
        finally:
            os.close(self.fd)


class OutputLock:
    """An exclusive lock on a results file for the length of a run, so two runs never label (and pay
    for) the same items twice. It is an ``flock`` on a sidecar file, released by the kernel when the
    process dies, so a ``kill -9`` never leaves a stale lock behind."""

    def __init__(self, out: Path) -> None:
        self.path = out.with_name(out.name + ".lock")
        self.fd: int | None = None

    def __enter__(self) -> OutputLock:
        import fcntl

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(
                f"{self.path}: cannot create the lock file ({exc.strerror or exc})", hint="choose another place with -o"
            ) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 200, 0).decode(errors="replace").strip() or "another process"
            os.close(fd)
            raise OutputError(
                f"{self.path.with_suffix('')}: another rltaxo run is writing it ({holder})",
                hint="wait for it to finish, or give this run another -o",
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode(), 0)
        self.fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing releases the flock; the file stays (removing it would race)
            self.fd = None


def ok_record(item: Item, result: ClassificationResult, via: str | None = None) -> BatchRecord:
    return BatchRecord(**_base(item), status="ok", result=result, via=via)


def error_record(item: Item, code: str, message: str, via: str | None = None) -> BatchRecord:
    return BatchRecord(**_base(item), status="error", error=RecordError(code=code, message=message), via=via)


def _base(item: Item) -> dict[str, Any]:
    """The fields every record of an item has, whatever became of it."""
    return {"item": item.key, "source": item.raw, "bib_key": item.bib_key, "duplicates": item.duplicates,
            "bib_duplicates": item.dup_bib_keys, "bib": item.bib or None}  # fmt: skip


def _work(pipe: Pipeline, item: Item) -> BatchRecord:
    if item.error or item.source is None:
        return error_record(item, "bad_entry", item.error or "unreadable")
    try:
        return ok_record(item, pipe.classify(item.source))
    except RltaxoError as exc:
        return error_record(item, exc.code, exc.one_line())
    except Exception as exc:  # one bad item never stops the batch
        return error_record(item, "internal", f"{type(exc).__name__}: {exc}")


#: The offline backend is pure Python and holds the GIL: on lists of titles + abstracts at least this
#: long, its work goes to forked processes (one per --workers, up to the cores), each taking a chunk.
PROCESS_MIN_ITEMS = 200
PROCESS_CHUNK = 16
_FORKED: Pipeline | None = None  # the pipeline a forked worker inherited


def _work_chunk(items: list[Item], pipe: Pipeline | None = None) -> list[BatchRecord]:
    """A chunk of items, by ``pipe`` (a thread) or by the pipeline a forked worker inherited."""
    use = pipe or _FORKED
    assert use is not None
    return [_work(use, it) for it in items]


def _forked_worker(parent: int) -> None:
    """Ctrl-C is the parent's (it stops handing out work); and a worker goes when the parent goes, however
    it went (a worker waits on a queue whose write end its siblings also hold, so it would wait for ever)."""
    import signal

    from .ingest import _die_with_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)


def _process_pool(pipe: Pipeline, todo: list[Item], workers: int) -> Any:
    """A pool of forked processes for offline work on titles + abstracts (no file, download or network in
    the workers, so nothing there needs the parent's locks or pacing), or None where threads serve."""
    global _FORKED
    import multiprocessing

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    n = min(workers, cores)
    metadata_only = all(it.source is not None and it.source.meta is not None and it.source.path is None
                        and it.source.arxiv_id is None for it in todo)  # fmt: skip
    if (pipe.backend.name != "offline" or n < 2 or len(todo) < PROCESS_MIN_ITEMS or not metadata_only
            or sys.platform != "linux"):  # fmt: skip
        return None
    from concurrent.futures import ProcessPoolExecutor

    _FORKED = pipe
    return ProcessPoolExecutor(
        max_workers=n,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_forked_worker,
        initargs=(os.getpid(),),
    )


def fill_by_doi(pipe: Pipeline, todo: list[Item], show_progress: bool = True) -> None:
    """Abstracts from OpenAlex for entries known by a DOI and a title only, 50 DOIs a request, before the
    work starts; an entry OpenAlex cannot help stays title-only (classified from it, flagged)."""
    from .doi_api import normal_doi
    from .sources import metadata_source

    wanted: dict[str, list[Item]] = {}
    for it in todo:
        src, doi = it.source, normal_doi((it.bib or {}).get("doi", ""))
        if src is None or src.meta is None or not doi or src.has_abstract or src.arxiv_id or src.path is not None:
            continue
        wanted.setdefault(doi, []).append(it)
    if not wanted or pipe.reader.offline:
        return
    if show_progress:
        n_req = -(-len(wanted) // 50)
        sys.stderr.write(f"rltaxo: asking OpenAlex for {len(wanted)} abstracts by DOI ({n_req} request(s))\n")
    try:
        found = pipe.reader.doi_api.lookup(list(wanted))
    except RltaxoError as exc:
        sys.stderr.write(f"rltaxo: warning: {exc.one_line()}; those entries are classified from their titles\n")
        return
    for doi, items in wanted.items():
        hit = found.get(doi)
        if hit and hit.get("abstract"):
            for it in items:
                assert it.source is not None and it.source.meta is not None
                title = it.source.meta.title or hit.get("title", "")
                it.source = metadata_source(title, hit["abstract"], raw=it.source.raw)


def prefetch_metadata(pipe: Pipeline, todo: list[Item], show_progress: bool = True) -> None:
    """Ask the arXiv API for every title + abstract the batch will need, 100 ids a request, before the
    work starts: 2,000 ids cost 20 requests instead of 2,000 PDF downloads. A failure here is not fatal:
    each item then says for itself what went wrong."""
    ids = [it.source.arxiv_id for it in todo if it.source and it.source.arxiv_id and pipe.reader.needs_api(it.source)]
    fresh = [i for i in ids if pipe.reader.api.cached(i) is None]
    if not fresh or pipe.reader.offline:
        return
    if show_progress:
        n_req = -(-len(fresh) // 100)
        sys.stderr.write(f"rltaxo: asking the arXiv API for {len(fresh)} titles and abstracts ({n_req} request(s))\n")
    try:
        pipe.reader.api.prefetch(fresh)
    except RltaxoError:
        pass


def run_batch(
    pipe: Pipeline,
    items: list[Item],
    out: Path,
    workers: int = 1,
    retry_failed: bool = False,
    show_progress: bool = True,
    relabel: bool = False,
) -> BatchReport:
    done = check_maker(load_done(out, retry_failed), maker_of(pipe), out, relabel)
    todo = [it for it in items if it.key not in done]
    fill_by_doi(pipe, todo, show_progress)
    prefetch_metadata(pipe, todo, show_progress)
    report = BatchReport(total=len(items), skipped=len(items) - len(todo))
    for done_rec in done.values():
        if done_rec.result is not None and done_rec.ok:
            report.leaves[done_rec.result.leaf] += 1
    t0 = time.monotonic()
    appender = Appender(out)
    write_error: OutputError | None = None
    processes = _process_pool(pipe, todo, workers)
    pool = processes or ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="rltaxo")
    chunk = PROCESS_CHUNK if processes else 1
    pending: set[Future[list[BatchRecord]]] = set()
    queue = [todo[i : i + chunk] for i in range(0, len(todo), chunk)][::-1]
    try:
        with sigint_flag() as stop, Progress(len(todo), "batch", enabled=show_progress) as bar:
            while queue or pending:
                while queue and len(pending) < max(1, workers) * 2:  # bounded: never the whole list at once
                    pending.add(pool.submit(_work_chunk, queue.pop(), None if processes else pipe))
                finished, pending = wait_any(pending, stop)
                for fut in finished:
                    recs = fut.result()
                    appender.write_many(recs)
                    for rec in recs:
                        ok = rec.result is not None
                        report.ok += ok
                        report.failed += not ok
                        if rec.result is not None:
                            report.leaves[rec.result.leaf] += 1
                            if rec.result.decided_by:
                                report.decided[rec.result.decided_by] += 1
                            if not rec.result.cached:
                                report.usage.append(rec.result.usage)
                        bar.advance(ok)
    except KeyboardInterrupt:
        report.interrupted = True
        for fut in pending:
            fut.cancel()
    except OutputError as exc:  # nothing more can be saved: stop at once instead of paying for more
        write_error = exc
        for fut in pending:
            fut.cancel()
    finally:
        # threads may be mid-request: an interrupted run does not wait for them; forked workers finish their
        # chunk (a few hundred ms at most) and are told to go, before the CLI's os._exit could orphan them
        pool.shutdown(wait=processes is not None or not (report.interrupted or write_error), cancel_futures=True)
        appender.close()
        report.seconds = time.monotonic() - t0
    if write_error is not None:
        raise write_error
    return report


def iter_records(out: Path) -> Iterator[RecordSummary]:
    """The last record of every item (summaries), read from disk one at a time: outputs of any size."""
    return latest(out, RecordSummary.read, lambda rec: rec.item)
