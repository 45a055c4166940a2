"""Ctrl-C as a flag: it must reach the waiting loop even when it lands where CPython cannot raise."""

import gc
import os
import signal
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from classifier.interrupt import result_of, sigint_flag, wait_any


def _ctrl_c_inside_next_gc() -> threading.Event:
    """Deliver SIGINT from inside a GC callback on the main thread, where a raised KeyboardInterrupt is lost."""
    fired = threading.Event()

    def callback(phase: str, info: dict[str, int]) -> None:
        if fired.is_set() or threading.current_thread() is not threading.main_thread():
            return
        fired.set()
        os.kill(os.getpid(), signal.SIGINT)
        sum(i for i in range(10_000))  # Python code: a handler runs here

    gc.callbacks.append(callback)
    return fired


def test_a_signal_in_a_gc_callback_still_stops_result_of() -> None:
    with ThreadPoolExecutor(1) as pool, sigint_flag() as stop:
        slow: Future[int] = pool.submit(time.sleep, 1.0)  # type: ignore[arg-type]
        fired = _ctrl_c_inside_next_gc()
        try:
            gc.collect()
        finally:
            gc.callbacks.pop()
        assert fired.is_set() and stop.is_set()
        t0 = time.monotonic()
        with pytest.raises(KeyboardInterrupt):
            result_of(slow, stop)
        assert time.monotonic() - t0 < 0.5


def test_wait_any_returns_finished_work_and_stops_on_the_flag() -> None:
    with ThreadPoolExecutor(2) as pool, sigint_flag() as stop:
        quick, slow = pool.submit(lambda: 1), pool.submit(time.sleep, 0.5)
        done, pending = wait_any({quick, slow}, stop)
        assert quick in done and slow in pending
        os.kill(os.getpid(), signal.SIGINT)
        with pytest.raises(KeyboardInterrupt):
            wait_any(pending, stop)


def test_the_previous_handler_comes_back() -> None:
    before = signal.getsignal(signal.SIGINT)
    with sigint_flag():
        assert signal.getsignal(signal.SIGINT) is not before
    assert signal.getsignal(signal.SIGINT) is before


def test_off_the_main_thread_nothing_is_installed() -> None:
    seen: list[object] = []

    def run() -> None:
        with sigint_flag() as stop:
            seen.append(signal.getsignal(signal.SIGINT))
            seen.append(stop.is_set())

    t = threading.Thread(target=run)
    t.start()
    t.join()
    assert seen == [signal.getsignal(signal.SIGINT), False]
