"""Who may open a projector screen: the facilitator's browser, or whoever has the screen's own link.

The slug comes from the title and is easy to guess, and the screen lists who is present. So the screen
asks for the facilitator's key (remembered by the browser that opened the console) or for a token in
the link, made from the app's secret: unguessable, nothing to store, and the same after a restart.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING

from .event_access import may_run_dialogue

if TYPE_CHECKING:
    from ..app import AppState


def screen_token(state: AppState, slug: str) -> str:
    return hmac.new(state.secret.encode(), f"screen:{slug}".encode(), hashlib.sha256).hexdigest()[:32]


def screen_path(state: AppState, slug: str) -> str:
    """The projector's own address: it keeps working after a restart, whatever the browser remembers."""
    return f"/d/{slug}/screen?s={screen_token(state, slug)}"


def screen_link(state: AppState, slug: str) -> str:
    return state.base_url + screen_path(state, slug)


def may_see_screen(state: AppState, slug: str, token: str | None) -> bool:
    if token and hmac.compare_digest(token.encode(), screen_token(state, slug).encode()):
        return True
    return may_run_dialogue(state, slug)  # the app's key, or this table's organiser or host
