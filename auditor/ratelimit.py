"""Request budgets per Hub bucket: stay under the quota, heed `RateLimit` headers, pause together on 429."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping

#: The Hub's documented fixed-window quotas (per 5 minutes): anonymous vs. with a (free) token.
WINDOW_SECONDS = 300.0
DEFAULT_QUOTAS = {
    False: {"api": 500, "resolvers": 3000},
    True: {"api": 1000, "resolvers": 5000},
}
#: When the Hub says this few requests are left, wait for its window to reset instead of spending them.
RESERVE = 2
_RATELIMIT = re.compile(r";\s*r=(\d+)\s*;\s*t=(\d+)")


class Bucket:
    """A fixed-window budget shared by every thread that talks to one bucket."""

    def __init__(self, name: str, quota: int, window: float = WINDOW_SECONDS, *,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        self.name = name
        self.quota = max(1, quota)
        self.window = window
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._window_start: float | None = None
        self._used = 0
        self._blocked_until = 0.0

    def acquire(self) -> float:
        """Take one request from the budget, waiting first if the window is spent or the Hub asked us to."""
        with self._lock:  # holding the lock while waiting makes every thread wait: no burst at the reset
            now = self._clock()
            wait = max(0.0, self._blocked_until - now)
            if self._window_start is not None and now + wait - self._window_start < self.window and self._used >= self.quota:
                wait = max(wait, self._window_start + self.window - now)
            if wait > 0:
                self._sleep(wait)
                now = self._clock()
            if self._window_start is None or now - self._window_start >= self.window:
                self._window_start, self._used = now, 0
            self._used += 1
            return wait

    def observe(self, headers: Mapping[str, str]) -> None:
        """Read the `RateLimit` header: when little is left, block until the reset."""
        parsed = parse_ratelimit(headers)
        if parsed is not None and parsed[0] <= RESERVE:
            self.block(parsed[1])

    def block(self, seconds: float) -> None:
        """Nobody sends on this bucket for `seconds` (after a 429, or when the Hub's budget is nearly spent)."""
        with self._lock:
            self._blocked_until = max(self._blocked_until, self._clock() + seconds)


def parse_ratelimit(headers: Mapping[str, str]) -> tuple[int, float] | None:
    """`RateLimit: "<bucket>";r=<remaining>;t=<seconds>` → (remaining, seconds to reset), if present."""
    match = _RATELIMIT.search(headers.get("RateLimit") or headers.get("ratelimit") or "")
    return (int(match.group(1)), float(match.group(2))) if match else None
