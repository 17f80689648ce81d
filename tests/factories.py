"""Making dialogues in tests the way the app makes them: through the one door (`Rooms.create`)."""

from __future__ import annotations

import threading

import pytest

from facilitator_app.room import Room, Rooms
from facilitator_app.store import Store
from rounds import Dialogue


def new_dialogue_in(store: Store, *, title: str, theme: str = "thuis", now: float = 1.0, **fields) -> Dialogue:
    """A dialogue from the five-round template, saved in `store`, created at `now`."""
    return Rooms(store, clock=lambda: float(now)).create(title=title, theme=theme, **fields).dialogue


def hold_saves(room: Room, monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Every save of `room` waits (in its worker thread) until the returned event is set: a command stays on
    its way, applied but not yet written or told, for as long as a test needs."""
    released = threading.Event()
    real_save = room.store.save

    def slow_disk(*args, **kwargs):
        released.wait(5)
        return real_save(*args, **kwargs)

    monkeypatch.setattr(room.store, "save", slow_disk)
    return released
