"""The one retry layer (tenacity). The openai client is built with ``max_retries=0``, so nothing else retries.

Retried: rate limits (honouring ``Retry-After``), 5xx, timeouts, dropped connections. A rate limit
also closes a gate shared by every worker using the same backend, so a 429 slows everyone.
"""

from __future__ import annotations

import random
import re
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, stop_after_delay
from tenacity.stop import stop_base

from .errors import RateLimitError, TransientBackendError


class stop_when(stop_base):
    """A stop condition from a predicate (tenacity combines only its own stop classes with ``|``)."""

    def __init__(self, predicate: Callable[[RetryCallState], bool]) -> None:
        self.predicate = predicate

    def __call__(self, retry_state: RetryCallState) -> bool:
        return self.predicate(retry_state)


T = TypeVar("T")
NOTICE_S = 5.0  # waits at least this long are announced on stderr


def notify(message: str) -> None:
    """A line for the person waiting (not an error: the run goes on)."""
    print(message, file=sys.stderr, flush=True)


class RateGate:
    """Shared 'not before' time: after a 429, every caller waits until the server said to come back."""

    def __init__(self) -> None:
        self._until = 0.0
        self._lock = threading.Lock()

    def close_for(self, seconds: float) -> None:
        with self._lock:
            self._until = max(self._until, time.monotonic() + seconds)

    def wait(self) -> None:
        while True:
            with self._lock:
                delay = self._until - time.monotonic()
            if delay <= 0:
                return
            time.sleep(min(delay, 1.0))


class Pacer:
    """Paces requests before the server has to refuse them: token buckets for ``--rpm`` and ``--tpm``
    (each full at the start, refilled continuously), and the server's own ``x-ratelimit-remaining-*``
    headers, which close the shared gate until their ``x-ratelimit-reset-*`` time when a budget is spent.
    Shared by every worker of one backend; waits in short sleeps, so Ctrl-C ends them."""

    def __init__(self, gate: RateGate, rpm: float | None = None, tpm: float | None = None) -> None:
        self.gate = gate
        limits = [float(x) if x is not None else 1.0 for x in (rpm, tpm)]
        self._buckets = [[x, x / 60.0, x] for x in limits]  # level, refill per second, capacity
        self._on = [rpm is not None, tpm is not None]
        self._lock = threading.Lock()
        self._last_tokens = 0

    def acquire(self, tokens: int) -> None:
        """Block until one request of ``tokens`` (prompt + answer budget) fits both buckets."""
        self._last_tokens = tokens
        if not any(self._on):
            return
        need = [1.0, float(tokens)]
        last = time.monotonic()
        while True:
            with self._lock:
                now = time.monotonic()
                for b in self._buckets:
                    b[0] = min(b[2], b[0] + (now - last) * b[1])
                last = now
                # a request larger than the whole bucket could never fit: it waits for a full bucket
                short = [min(n, b[2]) - b[0] if on else 0.0 for n, b, on in zip(need, self._buckets, self._on)]
                if all(x <= 0 for x in short):
                    for n, b, on in zip(need, self._buckets, self._on):
                        if on:
                            b[0] -= n
                    return
                delay = max(x / b[1] for x, b in zip(short, self._buckets) if x > 0)
            time.sleep(min(delay, 0.5))

    def observe(self, headers: Any) -> None:
        """Read the server's remaining budgets; when one is spent, every worker waits for its reset."""
        for what, floor in (("requests", 1), ("tokens", max(self._last_tokens, 1))):
            remaining = _number(headers, f"x-ratelimit-remaining-{what}")
            if remaining is None or remaining >= floor:
                continue
            reset = _duration(headers.get(f"x-ratelimit-reset-{what}"))
            wait = min(60.0, reset if reset is not None else 1.0)
            if wait >= NOTICE_S:
                notify(f"rltaxo: the server's {what} budget is spent; pausing {wait:.0f} s until it resets")
            self.gate.close_for(wait)


def _number(headers: Any, key: str) -> float | None:
    try:
        value = float(headers.get(key))
    except (TypeError, ValueError):
        return None
    return value if value >= 0 else None


def _duration(value: Any) -> float | None:
    """OpenAI's reset times: "1s", "6m0s", "20ms", "1h2m3.5s"."""
    if not isinstance(value, str):
        return None
    parts = re.findall(r"(\d+(?:\.\d+)?)(ms|h|m|s)", value.strip())
    if not parts or "".join(n + u for n, u in parts) != value.strip():
        return None
    scale = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}
    return sum(float(n) * scale[u] for n, u in parts)


def _retryable(exc: BaseException) -> bool:
    return isinstance(exc, RateLimitError | TransientBackendError)


def backoff(attempt: int, base: float = 0.5, cap: float = 30.0) -> float:
    """Exponential backoff with full jitter."""
    return float(random.uniform(0, min(cap, base * 2 ** (attempt - 1))))


def call_with_retries(
    fn: Callable[[], T], *, gate: RateGate, max_attempts: int, max_wait_s: float, base: float = 0.5
) -> T:
    """Run ``fn`` until it succeeds, a non-retryable error, or the attempt/time bound; re-raise the last."""

    def asked(state: RetryCallState) -> float | None:
        exc = state.outcome.exception() if state.outcome else None
        retry_after = getattr(exc, "retry_after", None)
        if isinstance(retry_after, int | float) and 0 <= retry_after < float("inf"):
            return float(retry_after)
        return None

    def wait(state: RetryCallState) -> float:
        retry_after = asked(state)
        if retry_after is not None:
            if retry_after >= NOTICE_S:
                notify(f"rltaxo: rate limited; waiting {retry_after:.0f} s as the server asked (Ctrl-C stops)")
            gate.close_for(retry_after)
            return 0.0  # the gate does the waiting, for every worker at once
        return backoff(state.attempt_number, base)

    def past_budget(state: RetryCallState) -> bool:
        """A server asking for a longer wait than RLTAXO_MAX_WAIT_S leaves: give up now, not after it."""
        retry_after = asked(state)
        return retry_after is not None and retry_after > max_wait_s - (state.seconds_since_start or 0.0)

    retrying = Retrying(
        retry=retry_if_exception(_retryable),
        wait=wait,
        stop=stop_after_attempt(max_attempts) | stop_after_delay(max_wait_s) | stop_when(past_budget),
        reraise=True,
        before=lambda _s: gate.wait(),
    )
    return retrying(fn)


def retry_after_s(headers: Any, cap: float = 120.0) -> float | None:
    """Seconds to wait from ``retry-after-ms``, ``retry-after`` (seconds or an HTTP date); capped. The one
    reading of these headers: the LLM client, OpenAlex and Zotero all use it."""
    from email.utils import parsedate_to_datetime

    try:
        if headers.get("retry-after-ms") is not None:
            return min(cap, max(0.0, float(headers["retry-after-ms"]) / 1000))
        value = headers.get("retry-after")
        if value is None:
            return None
        try:
            return min(cap, max(0.0, float(value)))
        except ValueError:
            when = parsedate_to_datetime(value)
            return min(cap, max(0.0, when.timestamp() - time.time()))
    except (TypeError, ValueError, OverflowError):
        return None
