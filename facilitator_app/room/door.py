"""The one door into a dialogue: every command goes through `RoomCore._act`, which does four things.

1. Check who acts: the facilitator, a participant of this dialogue, or (only for joining) a newcomer.
2. Call the domain: it checks before it changes anything, so a refusal leaves everything as it was.
3. Save what the command says it touched (`Saves`); before anyone is told, and never chosen by a page.
4. Emit one typed `Change` on the room's event, so each open page changes only what changed.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from nicegui import Event, run

from rounds import FACILITATOR, Dialogue, DomainError
from rounds import errors as e
from rounds.talking_piece import Summary, open_round, summarize

from ..store import Store
from .changes import Change, Changed, Saves
from .labels import person_labels

log = logging.getLogger(__name__)
T = TypeVar("T")
NEWCOMER = None  # the actor of a join: a phone that is nobody in this dialogue yet


class RoomCore:
    def __init__(self, store: Store, dialogue: Dialogue, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.dialogue = dialogue
        self.clock = clock
        self.changed: Event[Change] = Event()
        self._slug = dialogue.slug  # the file this room was loaded from; every save writes that file
        self._lock = asyncio.Lock()
        self.version = 0  # goes up with every applied command; the caches below key on it
        self._summary: tuple[int, str, Summary] | None = None
        self._labels: tuple[int, str, dict[str, str]] | None = None

    @property
    def slug(self) -> str:
        return self._slug

    def _check_actor(self, actor: str | None) -> None:
        if actor is NEWCOMER or actor == FACILITATOR:
            return
        if not any(p.id == actor for p in self.dialogue.participants):
            raise DomainError(e.UNKNOWN_PARTICIPANT)

    async def _act(self, kind: Changed, actor: str | None, action: Callable[[Dialogue, float], T], *,
                   saves: Saves = Saves.EVERYTHING, person_id: str | None = None, card_added: bool = False) -> T:
        """Run one domain action for `actor`, save it, then tell every page. Raises DomainError on a refusal.

        Any failure other than a refusal reloads the dialogue from its last saved file, so no
        half-done change survives in memory, and nothing is acknowledged that is not on disk.
        """
        async with self._lock:
            self._check_actor(actor)
            before = open_round(self.dialogue)
            try:
                result = action(self.dialogue, self.clock())
            except DomainError:
                raise
            except Exception:
                log.exception("command %s failed; reloading %s from disk", kind.value, self.slug)
                self._reload()
                raise
            self.version += 1  # once per command: pages that draw during the save already show this version
            touched = None
            if saves is Saves.OPEN_ROUND:
                after = open_round(self.dialogue)
                touched = {rnd.id for rnd in (before, after) if rnd is not None}
            try:
                saved = await run.io_bound(self._save, touched)
                if saved is not True:  # io_bound gives None when cancelled or shutting down: not on disk
                    raise RuntimeError("the save did not complete")
            except BaseException:
                log.exception("saving %s failed; reloading from disk", self.slug)
                self._reload()
                raise
        self.changed.emit(Change(kind, result, person_id=person_id, card_added=card_added))
        return result

    def _reload(self) -> None:
        self.dialogue = self.store.load(self.slug)
        self.version += 1

    def _save(self, touched: set[str] | None) -> bool:
        self.store.save(self.dialogue, touched)
        return True

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
        if self._labels is None or self._labels[:2] != (self.version, lang):
            self._labels = (self.version, lang, person_labels(self.dialogue, lang))
        return self._labels[2]

    def person(self, person_id: str):
        return next((p for p in self.dialogue.participants if p.id == person_id), None)
