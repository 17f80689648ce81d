"""Making dialogues in tests the way the app makes them: through the one door (`Rooms.create`)."""

from __future__ import annotations

from facilitator_app.room import Rooms
from facilitator_app.store import Store
from rounds import Dialogue


def new_dialogue_in(store: Store, *, title: str, theme: str = "thuis", now: float = 1.0, **fields) -> Dialogue:
    """A dialogue from the five-round template, saved in `store`, created at `now`."""
    return Rooms(store, clock=lambda: float(now)).create(title=title, theme=theme, **fields).dialogue
