"""The one door into an event, like a dialogue's (facilitator_app/room/door.py), in four steps.

1. Check who acts: the organiser (the organiser key or the app key; the pages check which), or a voter
   at the plenary wall ("<table id>:<person id>", a person of that table's dialogue).
2. Call the domain (rounds/events): it checks before it changes anything, so a refusal changes nothing.
3. Save the event file before anyone is told; a failed save reloads the file, so nothing half-done stays.
4. Emit one typed `EventChange`, so the dashboard and the wall redraw only what changed.

Each command writes the whole event file (a few milliseconds: it holds no dialogue, only the record).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from nicegui import Event as Signal
from nicegui import run

from rounds import DomainError
from rounds import errors as e
from rounds.events import Event
from rounds.events.wall import Wall

from .keys import ORGANISER
from .store import EventStore

log = logging.getLogger(__name__)
T = TypeVar("T")


class EventChanged(StrEnum):
    TABLES = "tables"  # added, cancelled, linked to a dialogue
    PEOPLE = "people"  # sign-ups, seating, moves, walk-ins
    KEYS = "keys"  # a host link made or revoked
    STARTED = "started"
    WALL = "wall"  # themes and groupings
    VOTES = "votes"  # voting opened or closed, a dot placed or taken back


@dataclass(frozen=True)
class EventChange:
    kind: EventChanged
    subject: Any = None


class EventCore:
    def __init__(self, store: EventStore, event: Event, wall: Wall, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.event = event
        self.wall = wall
        self.clock = clock
        self.changed: Signal[EventChange] = Signal()
        self.version = 0
        self.writes = 0
        self._lock = asyncio.Lock()

    @property
    def slug(self) -> str:
        return self.event.slug

    def _check_actor(self, actor: str) -> None:
        if actor != ORGANISER:
            raise DomainError(e.NOT_FACILITATOR)

    async def _act(self, kind: EventChanged, actor: str, action: Callable[[Event, Wall, float], T], *,
                   check: Callable[[str], None] | None = None) -> T:
        """Run one domain action for `actor`, save the event, then tell every page. Raises DomainError."""
        async with self._lock:
            (check or self._check_actor)(actor)
            try:
                result = action(self.event, self.wall, self.clock())
            except DomainError:
                raise
            except Exception:
                log.exception("event command %s failed; reloading %s from disk", kind.value, self.slug)
                self._reload()
                raise
            self.version += 1
            try:
                saved = await run.io_bound(self._save)
                if saved is not True:
                    raise RuntimeError("the save did not complete")
            except BaseException:
                log.exception("saving event %s failed; reloading from disk", self.slug)
                self._reload()
                raise
            self.writes += 1
        self.changed.emit(EventChange(kind, result))
        return result

    def _save(self) -> bool:
        self.store.save(self.event, self.wall)
        return True

    def _reload(self) -> None:
        self.event, self.wall = self.store.load(self.slug)
        self.version += 1
