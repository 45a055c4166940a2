"""The retry layer's pacing (classifier/retry.py): token buckets and the server's rate-limit headers, on a
clock of our own, so no test waits."""

from __future__ import annotations

import pytest

from classifier import retry
from classifier.retry import Pacer, RateGate


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now

    def sleep(self, s: float) -> None:
        self.now += s


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(retry.time, "monotonic", c.monotonic)
    monkeypatch.setattr(retry.time, "sleep", c.sleep)
    return c


def test_rpm_lets_a_minute_through_then_paces(clock: Clock) -> None:
    pacer = Pacer(RateGate(), rpm=60)
    for _ in range(60):  # a full bucket at the start
        pacer.acquire(100)
    assert clock.now == 1000.0
    pacer.acquire(100)
    assert clock.now - 1000.0 == pytest.approx(1.0, abs=0.01)  # then one a second
    pacer.acquire(100)
    assert clock.now - 1000.0 == pytest.approx(2.0, abs=0.01)


def test_tpm_counts_tokens_and_a_request_larger_than_the_bucket_still_goes(clock: Clock) -> None:
    pacer = Pacer(RateGate(), tpm=3000)
    for _ in range(3):
        pacer.acquire(1000)
    assert clock.now == 1000.0
    pacer.acquire(1000)  # 1,000 tokens at 50 a second
    assert clock.now - 1000.0 == pytest.approx(20.0, abs=0.1)
    pacer.acquire(10_000)  # never fits: it waits for a full bucket, not for ever
    assert clock.now - 1000.0 == pytest.approx(80.0, abs=0.5)


def test_no_limits_never_wait(clock: Clock) -> None:
    pacer = Pacer(RateGate())
    for _ in range(10_000):
        pacer.acquire(100_000)
    assert clock.now == 1000.0


@pytest.mark.parametrize(
    ("headers", "closed_for"),
    [
        ({"x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "1s"}, 1.0),
        ({"x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "20ms"}, 0.02),
        ({"x-ratelimit-remaining-tokens": "10", "x-ratelimit-reset-tokens": "6m0s"}, 60.0),  # capped at a minute
        ({"x-ratelimit-remaining-requests": "0"}, 1.0),  # no reset time: a second
        ({"x-ratelimit-remaining-requests": "12", "x-ratelimit-remaining-tokens": "90000"}, 0.0),
        ({"x-ratelimit-remaining-requests": "zero", "x-ratelimit-reset-requests": "soon"}, 0.0),  # unreadable: ignored
        ({}, 0.0),
    ],
)
def test_the_servers_remaining_budget_closes_the_gate(
    clock: Clock, headers: dict[str, str], closed_for: float, capsys: pytest.CaptureFixture[str]
) -> None:
    gate = RateGate()
    pacer = Pacer(gate)
    pacer.acquire(500)  # the size of the next request: fewer tokens left than that is a spent budget
    pacer.observe(headers)
    gate.wait()
    assert clock.now - 1000.0 == pytest.approx(closed_for, abs=0.01)
    assert ("pausing 60 s until it resets" in capsys.readouterr().err) is (closed_for >= 5)
