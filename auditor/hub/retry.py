"""Retry policy as data: bounded attempts, server-asked waits, one pause per bucket on a 429; the run's counters."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import tenacity

from auditor.hub.answers import Transient
from auditor.hub.ratelimit import Bucket


@dataclass
class HubStats:
    """Counters for one run (thread-safe through the Hub's lock)."""

    api_calls: int = 0
    file_reads: int = 0
    retries: int = 0
    rate_limited: int = 0  # 429 answers received
    waited_seconds: float = 0.0


@dataclass(frozen=True)
class RetryPolicy:
    """How every request retries: bounded attempts, bounded waits."""

    attempts: int = 5
    base_wait: float = 0.5
    max_backoff: float = 8.0
    max_wait: float = 300.0  # cap on any single wait (server-asked, backoff, or a bucket block)
    min_429_wait: float = 1.0  # a 429 whose reset is 0 or missing still waits this long (plus jitter)
    sleep: Callable[[float], None] | None = None  # None: time.sleep


def retrying(policy: RetryPolicy, buckets: Mapping[str, Bucket], count: Callable[..., None],
             rng: random.Random) -> tenacity.Retrying:
    """A tenacity loop that retries `Transient` failures by `policy`; `count(name, amount=1)` keeps the stats."""

    def wait(state: tenacity.RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hinted = exc.wait if isinstance(exc, Transient) else None
        backoff = min(policy.max_backoff, policy.base_wait * 2 ** (state.attempt_number - 1))
        seconds = hinted if hinted is not None else backoff
        count("retries")
        limited = isinstance(exc, Transient) and exc.error.status == 429
        if limited:
            count("rate_limited")
        if limited and (hinted or 0.0) < policy.min_429_wait:
            # A reset of 0 (or none) is not "retry now": this request waits a second or so (jittered);
            # the Hub said nothing about when its window ends, so the others are not held up.
            seconds = policy.min_429_wait + rng.uniform(0, 0.25 * policy.min_429_wait)
        elif limited and exc.bucket in buckets:
            # The Hub said when the window resets: the whole client pauses on that bucket, not just this
            # thread (no retry storm); the next attempt's acquire() does the waiting and counts it.
            buckets[exc.bucket].block(min(policy.max_wait, seconds))
            return 0.0
        seconds = min(policy.max_wait, seconds)
        count("waited_seconds", seconds)
        return seconds

    return tenacity.Retrying(
        stop=tenacity.stop_after_attempt(policy.attempts),
        wait=wait,
        retry=tenacity.retry_if_exception_type(Transient),
        sleep=policy.sleep if policy.sleep is not None else time.sleep,
        reraise=True,
    )
