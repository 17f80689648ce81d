"""Who may act as facilitator, and how fast anyone may guess keys or join codes."""

from __future__ import annotations

import hmac
import time
from collections import defaultdict, deque


class RateLimiter:
    """At most `limit` events per `window` seconds per client address."""

    def __init__(self, limit: int, window: float, clock=time.monotonic) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._events: dict[str, deque[float]] = defaultdict(deque)

    def _trim(self, address: str) -> deque[float]:
        events = self._events[address]
        cutoff = self.clock() - self.window
        while events and events[0] < cutoff:
            events.popleft()
        return events

    def blocked(self, address: str) -> bool:
        return len(self._trim(address)) >= self.limit

    def hit(self, address: str) -> None:
        self._trim(address).append(self.clock())


class Access:
    def __init__(self, key: str) -> None:
        self.key = key
        self.wrong_keys = RateLimiter(limit=5, window=60)
        self.wrong_codes = RateLimiter(limit=10, window=60)
        self.joins = RateLimiter(limit=30, window=60)

    def key_matches(self, candidate: str | None, *extra_keys: str) -> bool:
        """Constant-time comparison against the machine key and any dialogue key given."""
        if not candidate:
            return False
        given = candidate.encode()
        return any(hmac.compare_digest(given, key.encode()) for key in (self.key, *extra_keys) if key)
