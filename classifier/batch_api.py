"""Big reading lists through the OpenAI Batch API, or through any runner of the same files (vLLM).

The requests are exactly the normal path's (prompts, schema, model parameters, exemplars) in the
Batch API's JSONL (``custom_id``, ``method``, ``url``, ``body``), split at the API's limits. Every step
(built, uploaded, created, collected) is written to a state file beside the output *before* the next
one starts, and each upload and batch is also found again by its name on the server, so a run killed
at any point resumes: re-running the same command polls, never uploads or creates twice for the same
items. Answers pass the normal path's validation; unusable ones are retried through the normal API
once (or kept as error records), and records are appended to the same output JSONL with
``via: "batch-api"``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from . import batch
from .batch import Appender, done_items
from .errors import ConfigError, InvalidOutputError, RltaxoError, UsageError
from .excerpt import Excerpt, estimate_tokens
from .files import size_ok
from .ingest import Paper
from .pipeline import Pipeline
from .readinglist import Item
from .records import BatchRecord
from .result import ClassificationResult, Usage, Verdict

MAX_REQUESTS = 50_000  # per input file (the API's limit)
MAX_BYTES = 200 * 1024 * 1024
ENDPOINT = "/v1/chat/completions"
TERMINAL = ("completed", "failed", "expired", "cancelled")
STATE_VERSION = 1


class Job(BaseModel):
    """One input file and the batch made from it."""

    name: str = Field(description="Unique name; the uploaded file is <name>.jsonl, the batch carries it as metadata.")
    items: list[str] = Field(description="The custom_id (item key) of every request in the file.")
    requests: str = Field(description="Path of the request file on disk.")
    file_id: str | None = None
    batch_id: str | None = None
    status: str = "built"
    counts: dict[str, int] = Field(default_factory=dict)
    output_file_id: str | None = None
    error_file_id: str | None = None
    collected: bool = False
    note: str = ""


class BatchState(BaseModel):
    """Everything a later run needs to resume: what was built, uploaded, created and collected."""

    version: int = STATE_VERSION
    model: str
    prompt_version: str
    created: float = Field(default_factory=time.time)
    jobs: list[Job] = Field(default_factory=list)

    def in_flight(self) -> set[str]:
        return {key for job in self.jobs if not job.collected for key in job.items}


def state_path(out: Path) -> Path:
    return out.with_name(out.name + ".batch-state.json")


def work_dir(out: Path) -> Path:
    return out.with_name(out.name + ".batch")


def load_state(out: Path) -> BatchState | None:
    path = state_path(out)
    if not path.exists():
        return None
    try:
        return BatchState.model_validate_json(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ConfigError(
            f"{path}: unreadable batch state ({str(exc).splitlines()[0]})",
            hint="move it away to start over (batches already created keep running)",
        ) from None


def save_state(out: Path, state: BatchState) -> None:
    """Atomically: a crash leaves the old state or the new one, never half of one."""
    path = state_path(out)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(state.model_dump_json(indent=1))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


# -- building requests ------------------------------------------------------------------------------
@dataclass
class Prepared:
    """Items read and ready: their requests, plus the ones answered from the cache or unreadable."""

    requests: Iterator[tuple[Item, dict[str, Any]]]
    cached: list[dict[str, Any]] = field(default_factory=list)
    failed: list[dict[str, Any]] = field(default_factory=list)


def _read(pipe: Pipeline, item: Item) -> tuple[Paper, Excerpt] | RltaxoError:
    if item.error or item.source is None:
        return RltaxoError(item.error or "unreadable entry")
    try:
        paper = pipe.read(item.source)
        return paper, pipe.excerpt(paper)
    except RltaxoError as exc:
        return exc


def read_all(pipe: Pipeline, items: list[Item], workers: int) -> Iterator[tuple[Item, Paper | None, Any]]:
    """Each item with its paper and excerpt (or its error), in order, read on ``workers`` threads: a PDF
    is parsed in its own process, so this uses every core; metadata items cost nothing."""
    workers = max(workers, os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        chunk = max(64, workers * 8)  # bounded look-ahead: never the whole list in memory
        for start in range(0, len(items), chunk):
            part = items[start : start + chunk]
            for item, got in zip(part, pool.map(lambda it: _read(pipe, it), part)):
                if isinstance(got, RltaxoError):
                    yield item, None, got
                else:
                    yield item, got[0], got[1]


def settle_offline(pipe: Pipeline, paper: Paper, excerpt: Excerpt) -> Verdict | None:
    """With --escalate, the offline answer where it stands (no request for it); else None."""
    settle = getattr(pipe.backend, "settle_offline", None)
    return settle(paper, excerpt) if settle is not None else None


def request_line(pipe: Pipeline, item: Item, paper: Paper, excerpt: Excerpt) -> dict[str, Any]:
    body = pipe.backend.request_body(paper, excerpt)  # type: ignore[attr-defined]
    return {"custom_id": item.key, "method": "POST", "url": ENDPOINT, "body": body}


def error_record(item: Item, exc: RltaxoError, via: str = "batch-api") -> BatchRecord:
    return batch.error_record(item, exc.code if exc.code != "error" else "bad_entry", exc.one_line(), via)


def ok_record(item: Item, result: ClassificationResult, via: str = "batch-api") -> BatchRecord:
    return batch.ok_record(item, result, via)


def write_request_files(
    lines: Iterable[dict[str, Any]], folder: Path, prefix: str, max_requests: int = MAX_REQUESTS,
    max_bytes: int = MAX_BYTES,
) -> list[tuple[Path, list[str]]]:  # fmt: skip
    """Stream request lines into files of at most ``max_requests`` lines and ``max_bytes`` bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    files: list[tuple[Path, list[str]]] = []
    fh: Any = None
    size = 0
    for line in lines:
        data = (json.dumps(line, separators=(",", ":")) + "\n").encode()
        if fh is None or len(files[-1][1]) >= max_requests or size + len(data) > max_bytes:
            if fh is not None:
                fh.close()
            path = folder / f"{prefix}-{len(files) + 1:03d}.jsonl"
            fh = open(path, "wb")  # noqa: SIM115  (closed when the next file starts, or below)
            files.append((path, []))
            size = 0
        fh.write(data)
        size += len(data)
        files[-1][1].append(line["custom_id"])
    if fh is not None:
        fh.close()
    return files


# -- results ---------------------------------------------------------------------------------------
class ResultIndex:
    """Where each custom_id's line is in one or more result files on disk: answers are read one at a
    time, so a result file of any size is never held in memory."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self.where: dict[str, tuple[Path, int]] = {}
        self.junk = 0
        self.repeated: set[str] = set()  # ids answered more than once (the last answer is used)
        self.models: Counter[str] = Counter()  # the models that answered, as the response bodies name them
        for path in paths:
            size_ok(path, what="results file")
            if not path.is_file():  # answers are found again by offset: a pipe cannot be read twice
                raise UsageError(f"{path}: not a regular file; the results file must be a file")
            with open(path, "rb") as fh:
                offset = 0
                for line in fh:
                    obj = _line(line)
                    if obj is not None and "custom_id" in obj:
                        cid = str(obj["custom_id"])
                        if cid in self.where:
                            self.repeated.add(cid)
                        self.where[cid] = (path, offset)
                        model = _model_of(obj)
                        if model:
                            self.models[model] += 1
                    elif line.strip():
                        self.junk += 1
                    offset += len(line)

    def get(self, cid: str) -> dict[str, Any] | None:
        if cid not in self.where:
            return None
        path, offset = self.where[cid]
        with open(path, "rb") as fh:
            fh.seek(offset)
            line: dict[str, Any] = json.loads(fh.readline())
            return line


def _line(line: bytes) -> dict[str, Any] | None:
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    return obj if isinstance(obj, dict) else None


def _model_of(obj: dict[str, Any]) -> str:
    response = obj.get("response")
    body = response.get("body") if isinstance(response, dict) else None
    model = body.get("model") if isinstance(body, dict) else None
    return model[:200] if isinstance(model, str) else ""


def verdict_of(pipe: Pipeline, line: dict[str, Any] | None) -> Any:
    """The verdict in one result line, or the error that makes it unusable."""
    if line is None:
        return InvalidOutputError("no result for this request")
    err = line.get("error")
    response = line.get("response") if isinstance(line.get("response"), dict) else None
    if err or response is None:
        detail = err.get("message") if isinstance(err, dict) else err
        return InvalidOutputError(f"the batch request failed: {str(detail or 'no response')[:200]}")
    status = response.get("status_code", 200)
    if status != 200:
        body: dict[str, Any] = response["body"] if isinstance(response.get("body"), dict) else {}
        inner: dict[str, Any] = body["error"] if isinstance(body.get("error"), dict) else {}
        return InvalidOutputError(f"the batch request failed (HTTP {status}): {str(inner.get('message', ''))[:200]}")
    try:
        return pipe.backend.verdict_from_completion(response.get("body"))  # type: ignore[attr-defined]
    except RltaxoError as exc:
        return exc


@dataclass
class Collected:
    ok: int = 0
    failed: int = 0
    fallback: int = 0
    returned: int = 0
    junk: int = 0
    unknown: int = 0
    usage: Usage = field(default_factory=Usage)  # what the batch answers cost (batch rates)
    fallback_usage: Usage = field(default_factory=Usage)  # what the normal-API retries cost
    notes: list[str] = field(default_factory=list)


def apply_results(
    pipe: Pipeline, items: dict[str, Item], wanted: list[str], lines: ResultIndex, appender: Appender, *,
    fallback: bool, partial: bool, via: str, report: Collected,
) -> list[str]:  # fmt: skip
    """Validate the result lines of the ``wanted`` items and append their records. Returns the items
    with no line at all when ``partial`` (a failed, expired or cancelled batch): back to pending."""
    report.junk += lines.junk
    asked = set(wanted)
    report.unknown += sum(1 for cid in lines.where if cid not in asked)
    pending: list[str] = []
    buffer: list[BatchRecord] = []
    for cid in wanted:
        item = items.get(cid)
        if item is None:  # the reading list changed since the batch was made: nothing to attach it to
            continue
        line = lines.get(cid)
        if line is None and partial:
            pending.append(cid)
            continue
        verdict = verdict_of(pipe, line)
        got = _read(pipe, item)
        if isinstance(got, RltaxoError):
            buffer.append(error_record(item, got, via))
            report.failed += 1
            continue
        paper, excerpt = got
        if not isinstance(verdict, RltaxoError):
            report.usage.add(verdict.usage)
            buffer.append(ok_record(item, pipe.finish(item.source, paper, excerpt, verdict), via))  # type: ignore[arg-type]
            report.ok += 1
        elif fallback:
            report.fallback += 1
            try:
                result = pipe.classify_paper(item.source, paper)  # type: ignore[arg-type]
                report.fallback_usage.add(result.usage)
                buffer.append(ok_record(item, result, "api-fallback"))
                report.ok += 1
            except RltaxoError as exc:
                buffer.append(error_record(item, exc, "api-fallback"))
                report.failed += 1
        else:
            buffer.append(error_record(item, verdict, via))
            report.failed += 1
        if len(buffer) >= 500:
            appender.write_many(buffer)
            buffer = []
    appender.write_many(buffer)
    return pending


# -- the API ------------------------------------------------------------------------------------------
class BatchClient:
    """The few Files and Batches calls we make, each through the one retry layer."""

    def __init__(self, pipe: Pipeline) -> None:
        self.backend: Any = getattr(pipe.backend, "llm", pipe.backend)  # --escalate: the LLM behind it
        if not hasattr(self.backend, "client"):
            raise ConfigError("--batch-api needs an LLM backend", hint="use --backend openai")

    def _call(self, fn: Any, *args: Any, **kw: Any) -> Any:
        from .retry import call_with_retries

        def attempt() -> Any:
            import openai

            try:
                return fn(*args, **kw)
            except openai.APIStatusError as exc:
                raise self.backend._map_status(exc) from None
            except openai.APIConnectionError as exc:
                from .errors import TransientBackendError

                raise TransientBackendError(f"cannot reach the Batch API: {self.backend._redact(str(exc))}") from None

        s = self.backend.settings
        return call_with_retries(attempt, gate=self.backend.gate, max_attempts=s.max_attempts, max_wait_s=s.max_wait_s)

    def find_file(self, filename: str) -> str | None:
        c = self.backend.client()
        for f in self._call(c.files.list, purpose="batch"):
            if getattr(f, "filename", None) == filename:
                return str(f.id)
        return None

    def upload(self, path: Path, filename: str) -> str:
        """The request file streamed from disk (httpx reads a file object in chunks)."""
        c = self.backend.client()

        def send() -> str:
            with open(path, "rb") as fh:
                return str(c.files.create(file=(filename, fh), purpose="batch").id)

        return self._call(send)

    def find_batch(self, file_id: str) -> str | None:
        c = self.backend.client()
        for b in self._call(c.batches.list, limit=100):
            if getattr(b, "input_file_id", None) == file_id:
                return str(b.id)
        return None

    def create(self, file_id: str, name: str) -> str:
        c = self.backend.client()
        return str(self._call(c.batches.create, input_file_id=file_id, endpoint=ENDPOINT, completion_window="24h",
                              metadata={"rltaxo_job": name}).id)  # fmt: skip

    def retrieve(self, batch_id: str) -> Any:
        return self._call(self.backend.client().batches.retrieve, batch_id)

    def cancel(self, batch_id: str) -> Any:
        return self._call(self.backend.client().batches.cancel, batch_id)

    def download(self, file_id: str, dest: Path) -> Path:
        """A result file streamed to disk (never whole in memory)."""
        files = self.backend.client().files

        def fetch() -> Path:
            with files.with_streaming_response.content(file_id) as resp, open(dest, "wb") as fh:
                for chunk in resp.iter_bytes():
                    fh.write(chunk)
            return dest

        return self._call(fetch)


@dataclass
class ApiReport:
    submitted_items: int = 0
    cached: int = 0
    unreadable: int = 0
    kept_offline: int = 0  # --escalate: settled offline, never submitted
    collected: Collected = field(default_factory=Collected)
    jobs: list[Job] = field(default_factory=list)
    done_before: int = 0
    waiting: int = 0
    seconds_submit: float = 0.0
    seconds_collect: float = 0.0


def submit(
    pipe: Pipeline, items: list[Item], out: Path, *, workers: int, show_progress: bool
) -> tuple[BatchState, ApiReport]:
    """Build request files for every item not labeled and not already in a batch; upload and create."""
    t0 = time.monotonic()
    report = ApiReport()
    state = load_state(out) or BatchState(model=pipe.backend.model, prompt_version=pipe.backend.prompt_version)
    done = done_items(out)
    report.done_before = len(done)
    in_flight = state.in_flight()
    todo = [it for it in items if it.key not in done and it.key not in in_flight]
    client = BatchClient(pipe)
    if todo:
        appender = Appender(out)
        early: list[BatchRecord] = []

        def lines() -> Iterator[dict[str, Any]]:
            for item, paper, got in read_all(pipe, todo, workers):
                if paper is None:
                    early.append(error_record(item, got, "batch-api"))
                    report.unreadable += 1
                    continue
                hit = pipe.cached(item.source, paper, got)  # type: ignore[arg-type]
                if hit is not None:
                    early.append(ok_record(item, hit, "cache"))
                    report.cached += 1
                    continue
                settled = settle_offline(pipe, paper, got)
                if settled is not None:  # --escalate: only the doubtful are submitted
                    early.append(ok_record(item, pipe.finish(item.source, paper, got, settled), "offline"))  # type: ignore[arg-type]
                    report.kept_offline += 1
                    continue
                report.submitted_items += 1
                if len(early) >= 500:
                    appender.write_many(early)
                    early.clear()
                yield request_line(pipe, item, paper, got)

        prefix = f"job-{int(time.time())}"
        files = write_request_files(lines(), work_dir(out), prefix)  # papers read on every core (read_all)
        appender.write_many(early)
        appender.close()
        for path, ids in files:
            state.jobs.append(Job(name=f"rltaxo-{out.name}-{path.stem}", items=ids, requests=str(path)))
        save_state(out, state)  # built: the files exist; nothing sent yet
    for job in state.jobs:
        if job.collected:
            continue
        if job.file_id is None:
            filename = f"{job.name}.jsonl"
            job.file_id = client.find_file(filename) or client.upload(Path(job.requests), filename)
            job.status = "uploaded"
            save_state(out, state)
        if job.batch_id is None:
            job.batch_id = client.find_batch(job.file_id) or client.create(job.file_id, job.name)
            job.status = "submitted"
            save_state(out, state)
    report.seconds_submit = time.monotonic() - t0
    return state, report


def poll(pipe: Pipeline, out: Path, state: BatchState) -> None:
    client = BatchClient(pipe)
    for job in state.jobs:
        if job.collected or job.batch_id is None:
            continue
        b = client.retrieve(job.batch_id)
        job.status = str(b.status)
        rc = getattr(b, "request_counts", None)
        job.counts = {k: int(getattr(rc, k, 0) or 0) for k in ("total", "completed", "failed")} if rc else {}
        job.output_file_id = getattr(b, "output_file_id", None)
        job.error_file_id = getattr(b, "error_file_id", None)
    save_state(out, state)


def collect(
    pipe: Pipeline, items: list[Item], out: Path, state: BatchState, *, fallback: bool, report: ApiReport
) -> None:
    """Every finished batch: its output and error files validated and appended; items a failed, expired
    or cancelled batch never answered go back to pending (the next run submits them again)."""
    t0 = time.monotonic()
    client = BatchClient(pipe)
    by_key = {it.key: it for it in items}
    done = done_items(out)
    appender = Appender(out)
    try:
        for job in state.jobs:
            if job.collected or job.status not in TERMINAL:
                continue
            folder = Path(job.requests).parent
            stem = Path(job.requests).stem
            files = (("output", job.output_file_id), ("errors", job.error_file_id))
            paths = [client.download(fid, folder / f"{stem}.{kind}.jsonl") for kind, fid in files if fid]
            wanted = [cid for cid in job.items if cid not in done]
            partial = job.status != "completed"
            back = apply_results(pipe, by_key, wanted, ResultIndex(paths), appender, fallback=fallback,
                                 partial=partial, via="batch-api", report=report.collected)  # fmt: skip
            if back:
                report.collected.returned += len(back)
                report.collected.notes.append(f"{job.name}: {job.status}; {len(back)} item(s) back to pending")
            job.collected = True
            job.note = f"{job.status}; {len(back)} returned to pending" if back else job.status
            save_state(out, state)
    finally:
        appender.close()
    report.seconds_collect = time.monotonic() - t0


def wait_for(pipe: Pipeline, out: Path, state: BatchState, *, poll_s: float, show_progress: bool) -> None:
    """Poll until every batch is finished, backing off between polls, with a progress line."""
    t0 = time.monotonic()
    delay = poll_s
    while True:
        poll(pipe, out, state)
        open_jobs = [j for j in state.jobs if not j.collected and j.status not in TERMINAL]
        if show_progress:
            done = sum(j.counts.get("completed", 0) for j in state.jobs if not j.collected)
            total = sum(j.counts.get("total", 0) or len(j.items) for j in state.jobs if not j.collected)
            statuses = ", ".join(sorted({j.status for j in state.jobs if not j.collected})) or "none"
            sys.stderr.write(f"rltaxo: batch {statuses}: {done}/{total} done, {time.monotonic() - t0:.0f}s\n")
        if not open_jobs:
            return
        time.sleep(delay)
        delay = min(delay * 1.5, 60.0)


def cancel(pipe: Pipeline, out: Path, state: BatchState) -> int:
    client = BatchClient(pipe)
    n = 0
    for job in state.jobs:
        if not job.collected and job.batch_id and job.status not in TERMINAL:
            client.cancel(job.batch_id)
            n += 1
    poll(pipe, out, state)
    return n


# -- plans and files for other runners -----------------------------------------------------------------
def estimate_prompt_tokens(body: dict[str, Any]) -> int:
    """The request's prompt tokens, estimated at ~4 characters a token (the same estimate the token budget
    uses). No tokenizer: the ones that count exactly download their encodings on first use."""
    return sum(estimate_tokens(m["content"]) for m in body["messages"])
