"""A fake OpenAI-compatible server on 127.0.0.1 for protocol and fault tests.

Each request takes the next scripted action (or the default one): a status, a body, headers, a delay,
or a dropped connection. Requests are counted and kept, so tests assert the number of attempts.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

try:
    from .local_http import LocalHTTPServer
except ImportError:  # run as a script: python tests/fake_openai.py
    from local_http import LocalHTTPServer  # type: ignore[no-redef]


def facts(**answers: Any) -> dict[str, Any]:
    """Decision answers in the schema's shape: each with its own quote (empty here)."""
    return {k: {"answer": v, "quote": ""} for k, v in answers.items()}


def answer(leaf: str = "llm4rl/reward", **over: Any) -> dict[str, Any]:
    body = {
        "reasoning": "The LLM writes reward code used to train an RL agent on robot tasks.",
        "evidence": ["reward functions"],
        "facts": facts(
            combines_rl_and_llm=True,
            task_is_language=False,
            rl_updates_llm_weights=False,
            rl_edits_prompts_only=False,
            feedback_is_human=False,
            llm_role_for_rl_agent="reward",
            trained_independently=False,
            language_feedback_to_llm=False,
        ),
        "leaf": leaf,
        "confidence": 0.8,
    }
    body.update(over)
    return body


def completion(content: str | None, finish: str = "stop", refusal: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": "fake-model",
        "choices": [
            {
                "index": 0,
                "finish_reason": finish,
                "message": {"role": "assistant", "content": content, "refusal": refusal},
            }
        ],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }


@dataclass
class Action:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False
    raw: bytes | None = None
    drip: float = 0.0  # seconds between bytes of the body: a server that never quite stops sending


def ok(content: Any = None, **kw: Any) -> Action:
    text = content if isinstance(content, str) else json.dumps(content or answer())
    return Action(body=completion(text, **kw))


def error(status: int, message: str = "boom", code: str | None = None, **kw: Any) -> Action:
    return Action(status=status, body={"error": {"message": message, "type": "error", "code": code}}, **kw)


class FakeOpenAI(LocalHTTPServer):
    def __init__(self, default: Action | None = None, latency: float = 0.0) -> None:
        self.script: list[Action] = []
        self.default = default or ok()
        self.latency = latency
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.times: list[float] = []  # when each request arrived (time.monotonic)
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                if len(body) < length:  # the client died mid-request (a SIGKILL test): nothing was asked
                    return
                payload = json.loads(body or b"{}")
                with outer._lock:
                    outer.requests.append(payload)
                    outer.times.append(time.monotonic())
                    outer.headers.append({k.lower(): v for k, v in self.headers.items()})
                    action = outer.script.pop(0) if outer.script else outer.default
                time.sleep(outer.latency + action.delay)
                if action.drop:
                    self.connection.shutdown(2)
                    self.connection.close()
                    return
                data = action.raw if action.raw is not None else json.dumps(action.body).encode()
                self.send_response(action.status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for k, v in action.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                if not action.drip:
                    self.wfile.write(data)
                    return
                for i in range(len(data)):
                    try:
                        self.wfile.write(data[i : i + 1])
                        self.wfile.flush()
                    except OSError:  # the client gave up, as it should
                        return
                    time.sleep(action.drip)

        super().__init__(Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def count(self) -> int:
        return len(self.requests)


if __name__ == "__main__":  # a standalone server for benchmarks: python tests/fake_openai.py [latency]
    import sys

    srv = FakeOpenAI(latency=float(sys.argv[1]) if len(sys.argv) > 1 else 0.2)
    with srv:
        print(srv.url, flush=True)
        threading.Event().wait()
