"""Who may act as facilitator, and how fast anyone may guess keys or join codes."""

from __future__ import annotations

import hmac
import time
from collections import deque
from collections.abc import Callable

EVERYONE = "*"  # the one "address" under which the limits for all addresses together are counted


class RateLimiter:
    """At most `limit` events per `window` seconds per client address."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._events: dict[str, deque[float]] = {}

    def _trim(self, address: str) -> deque[float]:
        events = self._events.get(address, deque())
        cutoff = self.clock() - self.window
        while events and events[0] < cutoff:
            events.popleft()
        if not events:
            # An attacker can make up many addresses; forget the quiet ones so this does not grow forever.
            self._events.pop(address, None)
        return events

    def blocked(self, address: str) -> bool:
        return len(self._trim(address)) >= self.limit

    def hit(self, address: str) -> None:
        events = self._trim(address)
        events.append(self.clock())
        self._events[address] = events


class Access:
    """The app's key, and the limits on guessing.

    Anyone on the room's Wi-Fi can take many addresses, so each limit per address has a limit for all
    addresses together. The numbers are for a hall of up to 300 people (MAX_PARTICIPANTS):
    - wrong join codes: 10 a minute per address, 300 a minute in all. Someone who mistypes needs a
      couple of tries; a whole hall mistyping at once stays far below 300. With 31^5 (28 million)
      codes, 300 guesses a minute take weeks to hit a dialogue.
    - joins: 30 a minute per address (a shared phone or a facilitator adding people), 150 a minute in
      all. People type a name and read the ground rules first, so even a full hall that scans the QR
      code together spreads over a few minutes; a flood of made-up people is slowed to a pace the
      facilitator sees and can remove.
    """

    def __init__(self, key: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.key = key
        self.wrong_keys = RateLimiter(limit=5, window=60, clock=clock)
        self.wrong_codes = RateLimiter(limit=10, window=60, clock=clock)
        self.all_wrong_codes = RateLimiter(limit=300, window=60, clock=clock)
        self.joins = RateLimiter(limit=30, window=60, clock=clock)
        self.all_joins = RateLimiter(limit=150, window=60, clock=clock)

    def key_matches(self, candidate: str | None) -> bool:
        """Constant-time comparison against the key this app printed, and nothing else.

        A dialogue's own `facilitator_key` is not accepted: it used to travel in exported files.
        """
        if not candidate or not self.key:
            return False
        return hmac.compare_digest(candidate.encode(), self.key.encode())

    def code_guessing_blocked(self, address: str) -> bool:
        """Checked before a join code is looked up, so a blocked guesser learns nothing, right code or not."""
        return self.wrong_codes.blocked(address) or self.all_wrong_codes.blocked(EVERYONE)

    def count_wrong_code(self, address: str) -> None:
        self.wrong_codes.hit(address)
        self.all_wrong_codes.hit(EVERYONE)

    def joining_blocked(self, address: str) -> bool:
        return self.joins.blocked(address) or self.all_joins.blocked(EVERYONE)

    def joining_busy(self) -> bool:
        """True when the limit for everyone together is what blocks, so the message can say why."""
        return self.all_joins.blocked(EVERYONE)

    def count_join(self, address: str) -> None:
        self.joins.hit(address)
        self.all_joins.hit(EVERYONE)
