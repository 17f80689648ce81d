"""Who may open the plenary wall: the organiser, or whoever has the wall's own link.

The projector laptop is often not the organiser's own, so the wall also opens with a token in its link,
like a table's projector (screen_access.py): made from the app's secret, unguessable, nothing to store,
the same after a restart.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING

from ..events import EventHall
from .event_access import may_organise

if TYPE_CHECKING:
    from ..app import AppState


def wall_token(state: AppState, slug: str) -> str:
    return hmac.new(state.secret.encode(), f"wall:{slug}".encode(), hashlib.sha256).hexdigest()[:32]


def wall_path(state: AppState, slug: str) -> str:
    """The wall's own address for the projector laptop: it works without the organiser's key."""
    return f"/e/{slug}/wall?s={wall_token(state, slug)}"


def wall_link(state: AppState, slug: str) -> str:
    return state.base_url + wall_path(state, slug)


def vote_path(slug: str) -> str:
    return f"/e/{slug}/vote"


def may_see_wall(state: AppState, hall: EventHall, token: str | None, key: str | None = None) -> bool:
    if token and hmac.compare_digest(token.encode(), wall_token(state, hall.slug).encode()):
        return True
    return may_organise(state, hall, key)
