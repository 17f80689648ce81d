"""One Room per dialogue: the single writer between the pages and the domain.

Every action goes: page -> Room.apply -> rounds/ validates and mutates -> store.save (on disk)
-> Event.emit(Change) -> each open page changes only what changed.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from nicegui import Event, run

from rounds import Dialogue, DomainError, RoundState
from rounds.talking_piece import Summary, open_round, summarize

from .store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    """What an action changed, so a page can update just that part.

    kind: participants | floor | cards | votes | round | notes | prepare | status
    """

    kind: str
    subject: Any = None
    extra: dict[str, Any] = field(default_factory=dict)


class Room:
    def __init__(self, store: Store, dialogue: Dialogue, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.dialogue = dialogue
        self.clock = clock
        self.changed: Event[Change] = Event()
        self._lock = asyncio.Lock()
        self.version = 0  # goes up with every applied action; caches below key on it
        self._summary: tuple[int, str, Summary] | None = None
        self._labels: tuple[int, str, dict[str, str]] | None = None

    @property
    def slug(self) -> str:
        return self.dialogue.slug

    async def apply(self, kind: str, action: Callable[[Dialogue, float], T], *, every_round: bool = False,
                    extra: dict[str, Any] | None = None) -> T:
        """Run one domain action, save it, then tell every page. Raises DomainError on a refusal.

        The domain checks before it changes anything, so a refusal leaves the dialogue as it was.
        Any other failure reloads the dialogue from its last saved file, so no half-done change
        survives in memory. The save happens before anyone is told.
        """
        async with self._lock:
            current = open_round(self.dialogue)
            try:
                result = action(self.dialogue, self.clock())
                self.version += 1
            except DomainError:
                raise
            except Exception:
                log.exception("action %s failed; reloading %s from disk", kind, self.slug)
                self.dialogue = self.store.load(self.slug)
                self.version += 1
                raise
            touched = None
            if not every_round:
                touched = {r.id for r in self.dialogue.rounds if r.state == RoundState.OPEN}
                if current is not None:
                    touched.add(current.id)
            try:
                saved = await run.io_bound(self._save, touched)
                if saved is not True:  # io_bound gives None when cancelled or shutting down: not on disk
                    raise RuntimeError("the save did not complete")
            except BaseException:
                log.exception("saving %s failed; reloading from disk", self.slug)
                self.dialogue = self.store.load(self.slug)
                self.version += 1
                raise
        self.version += 1
        self.changed.emit(Change(kind, result, extra or {}))
        return result

    def summary(self) -> Summary | None:
        """The open round's summary, worked out once per change for all pages (not once per phone)."""
        rnd = open_round(self.dialogue)
        if rnd is None:
            return None
        if self._summary is None or self._summary[:2] != (self.version, rnd.id):
            self._summary = (self.version, rnd.id, summarize(self.dialogue, rnd))
        return self._summary[2]

    def labels(self, lang: str) -> dict[str, str]:
        """Display names (two Annas told apart), once per change and language."""
        from .pages.common import person_labels

        if self._labels is None or self._labels[:2] != (self.version, lang):
            self._labels = (self.version, lang, person_labels(self.dialogue, lang))
        return self._labels[2]


    def _save(self, touched: set[str] | None) -> bool:
        self.store.save(self.dialogue, touched)
        return True


class Rooms:
    """The rooms of one running app, created on first use from the store."""

    def __init__(self, store: Store, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.clock = clock
        self._rooms: dict[str, Room] = {}

    def get(self, slug: str) -> Room | None:
        if slug not in self._rooms:
            if not self.store.exists(slug):
                return None
            self._rooms[slug] = Room(self.store, self.store.load(slug), self.clock)
        return self._rooms[slug]

    def by_code(self, code: str) -> Room | None:
        slug = self.store.slug_for_code(code)
        return self.get(slug) if slug else None

    def add(self, dialogue: Dialogue) -> Room:
        self._rooms[dialogue.slug] = Room(self.store, dialogue, self.clock)
        return self._rooms[dialogue.slug]
