"""Request budgets per Hub bucket: stay under the quota, heed `RateLimit` headers, pause together on 429."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping

#: The Hub's documented fixed-window quotas (per 5 minutes): anonymous vs. with a (free) token. A token of a
#: higher tier (PRO, Team, Enterprise) is told its own quota by `RateLimit-Policy`, which the buckets adopt.
WINDOW_SECONDS = 300.0
DEFAULT_QUOTAS = {
    False: {"api": 500, "resolvers": 3000},
    True: {"api": 1000, "resolvers": 5000},
}
#: When the Hub says this few requests are left, wait for its window to reset instead of spending them
#: (requests already in flight are counted apart, so the reserve never has to cover them).
RESERVE = 2
#: Any number the Hub sends is capped here (seconds or counts): a 400-digit `t=` is just "very long".
MAX_NUMBER = 10**7
_RATELIMIT = re.compile(r'"([\w-]+)"\s*;\s*r\s*=\s*(\d{1,400})\s*;\s*t\s*=\s*(\d{1,400})')
_POLICY = re.compile(r'"([\w-]+)"\s*;\s*q\s*=\s*(\d{1,400})\s*;\s*w\s*=\s*(\d{1,400})')


def _number(digits: str) -> int:
    return MAX_NUMBER if len(digits) > 7 else min(int(digits), MAX_NUMBER)


class Bucket:
    """A fixed-window budget shared by every thread that talks to one bucket.

    The window follows the Hub's own (`RateLimit` says how many requests are left and when it resets), the
    quota follows `RateLimit-Policy` unless the user pinned a lower one, and the requests in flight (sent,
    not yet answered, so not yet in the Hub's count) are added to what the Hub says was used: however many
    workers run, they never push the Hub over its limit. `acquire()` takes a request, `done()` returns its
    answer's headers.
    """

    def __init__(self, name: str, quota: int, window: float = WINDOW_SECONDS, *, reserve: int = RESERVE,
                 pinned: bool = False, max_block: float = float("inf"),
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        self.name = name
        self.quota = max(1, quota)
        self.window = window
        self.reserve = max(0, reserve)
        self.pinned = pinned  # the user set this budget: an announced policy may lower it, never raise it
        self.max_block = max_block
        self.announced: int | None = None  # quota announced by RateLimit-Policy, if any
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._window_end: float | None = None
        self._synced = False  # the window end comes from the Hub's RateLimit header, not our own guess
        self._used = 0
        self._in_flight = 0
        self._blocked_until = 0.0

    def acquire(self) -> float:
        """Take one request from the budget, waiting first if the window is spent or the Hub asked us to."""
        with self._lock:  # holding the lock while waiting makes every thread wait: no burst at the reset
            now = self._clock()
            wait = max(0.0, self._blocked_until - now)
            if self._window_end is not None and now + wait < self._window_end and self._used >= self.quota:
                wait = max(wait, self._window_end - now)
            wait = min(wait, self.max_block)  # never longer than the user's --max-wait
            if wait > 0:
                self._sleep(wait)
                now = self._clock()
            if self._window_end is None or now >= self._window_end:
                self._window_end, self._used, self._synced = now + self.window, 0, False
            self._used += 1
            self._in_flight += 1
            return wait

    def done(self, headers: Mapping[str, str] | None) -> None:
        """The request taken by `acquire()` was answered (headers) or failed (None)."""
        with self._lock:
            self._in_flight = max(0, self._in_flight - 1)
        if headers is not None:
            self.observe(headers)

    def observe(self, headers: Mapping[str, str]) -> None:
        """Adopt the Hub's policy and its count of what is left in the current window."""
        policy = parse_policy(headers, self.name)
        ratelimit = parse_ratelimit(headers, self.name)
        with self._lock:
            if policy is not None:
                quota, window = policy
                self.announced = quota
                self.quota = max(1, min(self.quota, quota) if self.pinned else quota)
                self.window = float(max(1, window))
            if ratelimit is not None:
                remaining, reset = ratelimit
                now = self._clock()
                if reset > 0:
                    end = now + min(float(reset), self.window)
                    used = max(0, self.quota - remaining) + self._in_flight
                    if (not self._synced or self._window_end is None or now >= self._window_end
                            or end > self._window_end + 1.0):
                        self._window_end, self._used = end, used  # our guess, or a window that moved on: the Hub's
                        self._synced = True
                    else:  # same window: answers may arrive out of order, so what is used never goes down
                        self._window_end, self._used = min(self._window_end, end), max(self._used, used)
                if remaining <= self.reserve and reset > 0:
                    self._blocked_until = max(self._blocked_until, now + min(float(reset), self.max_block))

    def block(self, seconds: float) -> None:
        """Nobody sends on this bucket for `seconds` (after a 429), capped by the longest allowed wait."""
        with self._lock:
            self._blocked_until = max(self._blocked_until, self._clock() + min(seconds, self.max_block))


def parse_ratelimit(headers: Mapping[str, str], bucket: str | None = None) -> tuple[int, int] | None:
    """`RateLimit: "<bucket>";r=<remaining>;t=<seconds to reset>` → (remaining, seconds), numbers capped."""
    match = _RATELIMIT.search(_header(headers, "RateLimit"))
    if match is None or (bucket is not None and match.group(1) != bucket):
        return None
    return _number(match.group(2)), _number(match.group(3))


def parse_policy(headers: Mapping[str, str], bucket: str | None = None) -> tuple[int, int] | None:
    """`RateLimit-Policy: "fixed window";"<bucket>";q=<quota>;w=<window s>` → (quota, window), numbers capped."""
    match = _POLICY.search(_header(headers, "RateLimit-Policy"))
    if match is None or (bucket is not None and match.group(1) != bucket):
        return None
    quota, window = _number(match.group(2)), _number(match.group(3))
    return (quota, window) if quota > 0 and window > 0 else None


def _header(headers: Mapping[str, str], name: str) -> str:
    value = headers.get(name) or headers.get(name.lower()) or ""
    return value[:1000] if isinstance(value, str) else ""
