"""Access: only the app's key, and limits per address and for all addresses together."""

from __future__ import annotations

from facilitator_app.access import Access, RateLimiter
from facilitator_app.pages.refused import preferred_language


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_only_the_apps_own_key_is_accepted():
    access = Access("the-apps-key")
    assert access.key_matches("the-apps-key")
    assert not access.key_matches("a-dialogues-key")
    assert not access.key_matches("")
    assert not access.key_matches(None)
    assert not Access("").key_matches("")


def test_wrong_codes_from_many_addresses_block_everyone_for_a_minute():
    clock = Clock()
    access = Access("k", clock=clock)
    for n in range(299):
        access.count_wrong_code(f"10.0.{n // 250}.{n % 250}")
    assert not access.code_guessing_blocked("192.168.1.20")
    access.count_wrong_code("10.9.9.9")
    assert access.code_guessing_blocked("192.168.1.20")  # an address that never guessed is blocked too
    clock.now += 61
    assert not access.code_guessing_blocked("192.168.1.20")


def test_ten_wrong_codes_block_one_address_only():
    access = Access("k", clock=Clock())
    for _ in range(10):
        access.count_wrong_code("10.0.0.1")
    assert access.code_guessing_blocked("10.0.0.1")
    assert not access.code_guessing_blocked("10.0.0.2")


def test_joins_from_many_addresses_are_limited_together():
    clock = Clock()
    access = Access("k", clock=clock)
    for n in range(149):
        access.count_join(f"10.0.0.{n}")
    assert not access.joining_blocked("10.0.1.1") and not access.joining_busy()
    access.count_join("10.0.0.200")
    assert access.joining_blocked("10.0.1.1") and access.joining_busy()
    clock.now += 61
    assert not access.joining_blocked("10.0.1.1")


def test_the_limiter_forgets_quiet_addresses():
    clock = Clock()
    limiter = RateLimiter(limit=2, window=60, clock=clock)
    for n in range(1000):
        limiter.hit(f"10.0.{n // 250}.{n % 250}")
    clock.now += 61
    for n in range(1000):
        assert not limiter.blocked(f"10.0.{n // 250}.{n % 250}")
    assert limiter._events == {}


def test_the_refusal_speaks_the_visitors_language():
    assert preferred_language("en-GB,en;q=0.9,nl;q=0.8", "nl") == "en"
    assert preferred_language("de-DE,nl;q=0.5,en;q=0.9", "nl") == "en"
    assert preferred_language("nl-BE", "en") == "nl"
    assert preferred_language("fr, de", "nl") == "nl"
    assert preferred_language("en;q=0, nl;q=bad", "nl") == "nl"
    assert preferred_language(None, "en") == "en"
