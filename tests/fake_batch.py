"""A fake OpenAI Files + Batches API on 127.0.0.1 with the real state machine, for the --batch-api tests.

validating → in_progress → finalizing → completed, one step per retrieve (``steps`` retrieves each);
``mode`` "fail" fails at validation, "expire_half" expires with half the answers, and a cancel
request ends in "cancelled" with what was done. Answers are built from each request's schema. Faults
per custom_id: "malformed" (a line that is not JSON), "error" (a line in the error file), "bad_json"
(an answer that is not JSON), plus ``unknown_line`` (a result for an id nobody asked about). ``hold``
names routes that, once handled, hold their answer until ``release()``: crash tests kill the client
there. It counts uploads and batch creations, so a test can check that nothing is done twice.
"""

from __future__ import annotations

import json
import threading
import time
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlparse

try:
    from .fake_openai import answer, completion
    from .local_http import LocalHTTPServer
except ImportError:  # run as a script: python tests/fake_batch.py
    from fake_openai import answer, completion  # type: ignore[no-redef]
    from local_http import LocalHTTPServer  # type: ignore[no-redef]

ORDER = ("validating", "in_progress", "finalizing", "completed")


def answer_for(body: dict[str, Any]) -> dict[str, Any]:
    """An answer that fits the request's schema (the bundled tree's consistent one where it applies)."""
    schema = body.get("response_format", {}).get("json_schema", {}).get("schema", {})
    facts = schema.get("properties", {}).get("facts", {}).get("properties", {})
    if "combines_rl_and_llm" in facts:
        return answer()
    out: dict[str, Any] = {}
    for name, prop in facts.items():
        kind = prop["properties"]["answer"]
        out[name] = {"answer": kind["enum"][0] if "enum" in kind else True, "quote": ""}
    leaf = schema.get("properties", {}).get("leaf", {}).get("enum", ["?"])[0]
    return {"reasoning": "fake", "evidence": [], "facts": out, "leaf": leaf, "confidence": 0.7}


class FakeBatchAPI(LocalHTTPServer):
    def __init__(self, mode: str = "complete", steps: int = 1, faults: dict[str, str] | None = None) -> None:
        self.mode = mode
        self.steps = steps
        self.faults = faults or {}
        self.unknown_line = False
        self.files: dict[str, dict[str, Any]] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.uploads = 0
        self.creates = 0
        self.chat_calls = 0
        self.hold: set[str] = set()
        self.held = threading.Event()
        self._release = threading.Event()
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: Any, raw: bytes | None = None) -> None:
                data = raw if raw is not None else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json" if raw is None else "application/octet-stream")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _route(self, method: str) -> None:
                url = urlparse(self.path)
                parts = [p for p in url.path.split("/") if p][1:]  # drop "v1"
                length = int(self.headers.get("content-length") or 0)
                data = self.rfile.read(length) if length else b""
                name = f"{method} {'/'.join(p if i % 2 == 0 else '*' for i, p in enumerate(parts))}"
                status, body, raw = outer.handle(method, parts, data, self.headers, parse_qs(url.query))
                if name in outer.hold:  # done on our side, not yet answered: the client may die here
                    outer.held.set()
                    outer._release.wait(30)
                self._send(status, body, raw)

            def do_GET(self) -> None:
                self._route("GET")

            def do_POST(self) -> None:
                self._route("POST")

        super().__init__(Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def release(self) -> None:
        self.hold.clear()
        self._release.set()

    # -- the API -----------------------------------------------------------------------------------
    def handle(self, method: str, parts: list[str], data: bytes, headers: Any, query: dict) -> tuple[int, Any, Any]:
        with self._lock:
            if parts[:1] == ["files"]:
                return self._files(method, parts, data, headers)
            if parts[:1] == ["batches"]:
                return self._batches(method, parts, data)
            if parts == ["chat", "completions"]:
                self.chat_calls += 1
                return 200, completion(json.dumps(answer_for(json.loads(data)))), None
        return 404, {"error": {"message": "no such route"}}, None

    def _files(self, method: str, parts: list[str], data: bytes, headers: Any) -> tuple[int, Any, Any]:
        if method == "POST" and len(parts) == 1:
            msg = BytesParser(policy=HTTP).parsebytes(
                b"Content-Type: " + headers["content-type"].encode() + b"\r\n\r\n" + data
            )
            fields = {p.get_param("name", header="content-disposition"): p for p in msg.iter_parts()}
            upload = fields["file"]
            content = upload.get_payload(decode=True)
            fid = f"file-{len(self.files) + 1}"
            self.files[fid] = {
                "id": fid, "object": "file", "bytes": len(content), "created_at": int(time.time()),
                "filename": upload.get_filename(), "purpose": fields["purpose"].get_content().strip(),
                "status": "processed", "content": content,
            }  # fmt: skip
            self.uploads += 1
            return 200, self._public(self.files[fid]), None
        if method == "GET" and len(parts) == 1:
            listing = [self._public(f) for f in self.files.values()]
            return 200, {"object": "list", "data": listing, "has_more": False}, None
        f = self.files.get(parts[1]) if len(parts) > 1 else None
        if f is None:
            return 404, {"error": {"message": "no such file"}}, None
        if parts[2:] == ["content"]:
            return 200, None, f["content"]
        return 200, self._public(f), None

    @staticmethod
    def _public(f: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in f.items() if k != "content"}

    def _batches(self, method: str, parts: list[str], data: bytes) -> tuple[int, Any, Any]:
        if method == "POST" and len(parts) == 1:
            req = json.loads(data)
            source = self.files.get(req["input_file_id"])
            if source is None:
                return 404, {"error": {"message": "no such input file"}}, None
            lines = [json.loads(x) for x in source["content"].decode().splitlines() if x.strip()]
            bid = f"batch_{len(self.batches) + 1}"
            self.batches[bid] = {
                "id": bid, "object": "batch", "endpoint": req["endpoint"], "input_file_id": req["input_file_id"],
                "completion_window": req["completion_window"], "status": "validating", "created_at": int(time.time()),
                "output_file_id": None, "error_file_id": None, "metadata": req.get("metadata"),
                "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
                "_lines": lines, "_polls": 0,
            }  # fmt: skip
            self.creates += 1
            return 200, self._public_batch(self.batches[bid]), None
        if method == "GET" and len(parts) == 1:
            data_ = [self._public_batch(b) for b in self.batches.values()]
            return 200, {"object": "list", "data": data_, "has_more": False}, None
        b = self.batches.get(parts[1])
        if b is None:
            return 404, {"error": {"message": "no such batch"}}, None
        if method == "POST" and parts[2:] == ["cancel"]:
            b["status"] = "cancelling"
            return 200, self._public_batch(b), None
        self._advance(b)
        return 200, self._public_batch(b), None

    @staticmethod
    def _public_batch(b: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in b.items() if not k.startswith("_")}

    def _advance(self, b: dict[str, Any]) -> None:
        b["_polls"] += 1
        if b["status"] == "cancelling":
            self._finish(b, "cancelled", len(b["_lines"]) // 2)
            return
        if b["status"] in ("completed", "failed", "expired", "cancelled") or b["_polls"] % self.steps:
            return
        if self.mode == "fail" and b["status"] == "validating":
            b["status"] = "failed"
            b["errors"] = {"data": [{"code": "invalid_request", "message": "the file is not valid"}]}
            return
        if self.mode == "expire_half" and b["status"] == "in_progress":
            self._finish(b, "expired", len(b["_lines"]) // 2)
            return
        nxt = ORDER[ORDER.index(b["status"]) + 1]
        if nxt == "completed":
            self._finish(b, "completed", len(b["_lines"]))
        else:
            b["status"] = nxt

    def _finish(self, b: dict[str, Any], status: str, n: int) -> None:
        out, err = [], []
        for i, req in enumerate(b["_lines"][:n]):
            cid = req["custom_id"]
            fault = self.faults.get(cid)
            if fault == "malformed":
                out.append('{"custom_id": "' + cid + '", "response": ')  # cut short: not JSON
                continue
            if fault == "error":
                err.append({"id": f"req_{i}", "custom_id": cid, "response": None,
                            "error": {"code": "server_error", "message": "the request failed"}})  # fmt: skip
                continue
            content = "not json at all" if fault == "bad_json" else json.dumps(answer_for(req["body"]))
            response = {"status_code": 200, "request_id": f"r{i}", "body": completion(content)}
            out.append({"id": f"req_{i}", "custom_id": cid, "error": None, "response": response})
        if self.unknown_line:
            out.append({"id": "req_x", "custom_id": "nobody-asked", "error": None,
                        "response": {"status_code": 200, "body": completion(json.dumps(answer()))}})  # fmt: skip
        b["status"] = status
        b["request_counts"] = {"total": len(b["_lines"]), "completed": len(out), "failed": len(err)}
        for kind, lines in (("output_file_id", out), ("error_file_id", err)):
            if lines:
                fid = f"file-{len(self.files) + 1}"
                text = "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines).encode()
                self.files[fid] = {"id": fid, "object": "file", "bytes": len(text), "created_at": 0,
                                   "filename": f"{b['id']}-{kind}.jsonl", "purpose": "batch_output",
                                   "status": "processed", "content": text}  # fmt: skip
                b[kind] = fid


if __name__ == "__main__":  # a standalone server for the benchmark: python tests/fake_batch.py
    srv = FakeBatchAPI()
    with srv:
        print(srv.url, flush=True)
        threading.Event().wait()
