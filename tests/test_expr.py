"""The expression language under threads: batch workers compile a tree's expressions at the same time."""

from __future__ import annotations

import gc
import sys
import threading
import time

from classifier import expr


class _Cycle:
    """Garbage whose collection runs Python code (and lets another thread in) in the middle of a parse."""

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        time.sleep(0)


def test_parsing_in_many_threads_at_once_never_fails() -> None:
    # CPython 3.11 fails one of these parses with "AST constructor recursion depth mismatch" unless parses
    # are serialised (checked: every run without the lock)
    source = "max(" + ", ".join(f"(a{i} + b{i}) * 2 if c{i} > 1 else min(d{i}, e{i})" for i in range(40)) + ")"
    errors: list[str] = []

    def work() -> None:
        for _ in range(150):
            try:
                [_Cycle() for _ in range(5)]
                expr.parse(source)
            except Exception as exc:  # any failure is the finding
                errors.append(f"{type(exc).__name__}: {exc}")

    old_threshold, old_interval = gc.get_threshold(), sys.getswitchinterval()
    gc.set_threshold(5, 1, 1)
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        gc.set_threshold(*old_threshold)
        sys.setswitchinterval(old_interval)
        gc.collect()
    assert errors == []
