"""Ctrl-C as a flag, not an exception, while work runs in threads.

CPython cannot raise out of a finalizer, a weakref callback or a GC callback: a KeyboardInterrupt raised
there is printed as "Exception ignored" and lost. The main thread of a batch runs such code whenever it
frees objects that worker threads made, so a Ctrl-C landing there used to be swallowed and the batch ran
to the end. A handler that only sets an event cannot be lost; the waiting loops poll it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
POLL_S = 0.1  # how often a waiting loop looks at the flag: Ctrl-C is noticed within this


@contextmanager
def sigint_flag() -> Iterator[threading.Event]:
    """While inside, SIGINT sets the yielded event instead of raising (main thread only; elsewhere the
    event is simply never set). The previous handler is restored on the way out."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, frame: Any) -> None:
        stop.set()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def wait_any(pending: Iterable[Future[T]], stop: threading.Event) -> tuple[set[Future[T]], set[Future[T]]]:
    """``concurrent.futures.wait(FIRST_COMPLETED)`` that raises KeyboardInterrupt, from ordinary code,
    once ``stop`` is set."""
    waiting = set(pending)
    while True:
        if stop.is_set():
            raise KeyboardInterrupt
        done, waiting = wait(waiting, timeout=POLL_S, return_when=FIRST_COMPLETED)
        if done:
            return done, waiting


def result_of(fut: Future[T], stop: threading.Event) -> T:
    """``fut.result()`` that raises KeyboardInterrupt once ``stop`` is set."""
    while True:
        if stop.is_set():
            raise KeyboardInterrupt
        try:
            return fut.result(timeout=POLL_S)
        except FutureTimeout:
            continue
