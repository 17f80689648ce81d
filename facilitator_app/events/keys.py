"""The organiser key of an event and the host key of each table.

A key is an HMAC of the app's secret, the event, the table and a generation number, so the organiser
can print the handouts again or show a host link again at any time, without the key being stored.
The record keeps only "g<generation>$<sha256 of the key>": revoking a host link stores the next
generation (or nothing), and the old link stops matching. On another laptop (another secret) no old
key matches; the organiser makes new links there. Keys are compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import re

ORGANISER = "organiser"
_STORED = re.compile(r"g(\d{1,9})\$([0-9a-f]{64})")
_GENERATION = re.compile(r"g(\d{1,9})\$")
REVOKED = "revoked"  # stored after the generation instead of a digest: matches no key


def _derive(secret: str, purpose: str, event_slug: str, table_id: str, generation: int) -> str:
    message = f"event-{purpose}:{event_slug}:{table_id}:{generation}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:32]


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def generation_of(stored: str) -> int:
    match = _GENERATION.match(stored or "")
    return int(match.group(1)) if match else 0


def next_key(secret: str, event_slug: str, stored: str, table_id: str = ORGANISER) -> tuple[str, str]:
    """A new key (the next generation after `stored`) and what the record keeps of it."""
    generation = generation_of(stored) + 1
    key = _derive(secret, "host" if table_id != ORGANISER else ORGANISER, event_slug, table_id, generation)
    return key, f"g{generation}${_digest(key)}"


def revoked(stored: str) -> str:
    """What the record keeps for a revoked key: its generation only, so a new key never repeats an old one."""
    return f"g{generation_of(stored)}${REVOKED}"


def current_key(secret: str, event_slug: str, stored: str, table_id: str = ORGANISER) -> str | None:
    """The key that matches `stored` on this laptop; None when revoked or made with another secret."""
    match = _STORED.fullmatch(stored or "")
    if not match:
        return None
    key = _derive(secret, "host" if table_id != ORGANISER else ORGANISER, event_slug, table_id,
                  int(match.group(1)))
    return key if hmac.compare_digest(_digest(key), match.group(2)) else None


def key_matches(stored: str, key: str | None) -> bool:
    """Constant time: does `key` belong to what the record keeps? An empty record matches nothing."""
    match = _STORED.fullmatch(stored or "")
    if not match or not key or len(key) > 200:
        return False
    return hmac.compare_digest(_digest(key), match.group(2))
