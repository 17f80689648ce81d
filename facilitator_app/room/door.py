"""The one door into a dialogue: every command goes through `RoomCore._act`, which does four things.

1. Check who acts: the facilitator, a participant of this dialogue, or (only for joining) a newcomer.
2. Call the domain: it checks before it changes anything, so a refusal leaves everything as it was.
3. Save what the command says it touched (`Saves`); before anyone is told, and never chosen by a page.
4. Emit one typed `Change` on the room's event, so each open page changes only what changed.

Saves are a group commit. Each save writes the whole file (about 13 ms with its fsync), so one save per
command capped a burst of cards at about 35 a second. Commands still change the dialogue one at a time
under the lock, but the commands that arrive while a write runs are written together by the next one.
A command is acknowledged only after a write that started after its change is on disk, and when a write
fails, every command in it fails and the dialogue is reloaded from the file.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from nicegui import Event, run

from rounds import FACILITATOR, Dialogue, DomainError, Participant
from rounds import errors as e
from rounds.talking_piece import Summary, open_round, summarize

from ..store import Store
from .changes import Change, Changed, Saves
from .labels import person_labels

log = logging.getLogger(__name__)
T = TypeVar("T")
NEWCOMER = None  # the actor of a join: a phone that is nobody in this dialogue yet
QUIET_POLL = 0.01  # seconds between two looks for a moment without commands (`until_quiet`)


class _Batch:
    """The commands applied since the last write began: written together, acknowledged together."""

    def __init__(self) -> None:
        self.written: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.touched: set[str] | None = set()  # rounds to re-encode; None: all of them
        self.commands = 0

    def add(self, touched: set[str] | None) -> None:
        self.commands += 1
        self.touched = None if touched is None or self.touched is None else self.touched | touched

    def fail(self, err: BaseException) -> None:
        if not self.written.done():
            failure = err if isinstance(err, Exception) else RuntimeError("the save did not complete")
            self.written.set_exception(failure)
            self.written.exception()  # retrieved here: a waiter that went away must not log it again


class RoomCore:
    def __init__(self, store: Store, dialogue: Dialogue, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.dialogue = dialogue
        self.clock = clock
        self.changed: Event[Change] = Event()
        self._slug = dialogue.slug  # the file this room was loaded from; every save writes that file
        self._lock = asyncio.Lock()  # held while the domain changes and while a write runs; FIFO
        self._pending: _Batch | None = None  # applied in memory, not on disk yet
        self._writer: asyncio.Task[None] | None = None
        self.writes = 0  # completed writes, for tests and benchmarks: fewer than commands in a burst
        self.version = 0  # goes up with every applied command; the caches below key on it
        self._in_flight = 0  # commands that arrived and have not told the pages yet
        self._summary: tuple[int, str, Summary] | None = None
        self._labels: tuple[int, str, dict[str, str]] | None = None
        self._people: tuple[tuple[int, int, int], dict[str, Participant]] | None = None

    @property
    def slug(self) -> str:
        return self._slug

    def _check_actor(self, actor: str | None) -> None:
        if actor is NEWCOMER or actor == FACILITATOR:
            return
        if self.person(actor) is None:
            raise DomainError(e.UNKNOWN_PARTICIPANT)

    async def _act(self, kind: Changed, actor: str | None, action: Callable[[Dialogue, float], T], *,
                   saves: Saves = Saves.EVERYTHING, person_id: str | None = None, card_added: bool = False) -> T:
        """Run one domain action for `actor`, save it, then tell every page. Raises DomainError on a refusal.

        Any failure other than a refusal reloads the dialogue from its last saved file, so no
        half-done change survives in memory, and nothing is acknowledged that is not on disk.
        """
        self._in_flight += 1
        try:
            return await self._apply_save_tell(kind, actor, action, saves, person_id, card_added)
        finally:
            self._in_flight -= 1

    async def _apply_save_tell(self, kind: Changed, actor: str | None, action: Callable[[Dialogue, float], T],
                               saves: Saves, person_id: str | None, card_added: bool) -> T:
        async with self._lock:
            self._check_actor(actor)
            before = open_round(self.dialogue)
            try:
                result = action(self.dialogue, self.clock())
            except DomainError:
                raise
            except Exception as err:
                log.exception("command %s failed; reloading %s from disk", kind.value, self.slug)
                # The reload also drops the commands waiting for the next write: they fail with this one.
                self._rollback(err)
                raise
            self.version += 1  # once per command: pages that draw during the save already show this version
            touched = None
            if saves is Saves.OPEN_ROUND:
                after = open_round(self.dialogue)
                touched = {rnd.id for rnd in (before, after) if rnd is not None}
            batch = self._pending = self._pending or _Batch()
            batch.add(touched)
            if self._writer is None:
                self._writer = asyncio.create_task(self._write_batches())
        # shield: a caller that goes away (a phone's page closed) must not cancel the write for the others
        await asyncio.shield(batch.written)
        self.changed.emit(Change(kind, result, person_id=person_id, card_added=card_added))
        return result

    async def _write_batches(self) -> None:
        """The one writer: writes the latest state for every command applied before the write began."""
        try:
            while self._pending is not None:
                async with self._lock:  # queued behind the commands that arrived first: they join this batch
                    batch, self._pending = self._pending, None
                    if batch is None:  # rolled back while we waited for the lock
                        continue
                    try:
                        saved = await run.io_bound(self._save, batch.touched)
                        if saved is not True:  # io_bound gives None when cancelled or shutting down: not on disk
                            raise RuntimeError("the save did not complete")
                    except BaseException as err:
                        log.exception("saving %s failed (%d commands); reloading from disk", self.slug,
                                      batch.commands)
                        self._reload()
                        batch.fail(err)
                        if not isinstance(err, Exception):
                            raise
                        continue
                    self.writes += 1
                    batch.written.set_result(None)
        finally:
            self._writer = None
            if self._pending is not None:  # the loop was cancelled (shutdown): nobody will write these
                self._rollback(RuntimeError("the save did not complete"))

    async def until_quiet(self, longest: float) -> None:
        """Wait until no command is on its way (being applied, written or told), but at most `longest` seconds.

        For work a page can put off, such as drawing the rest of a long order on the console: a card sent
        meanwhile goes first. That drawing, 250 rows just after a round opened, made the cards of a burst
        wait up to half a second (issue 10).
        """
        deadline = time.monotonic() + longest
        while self._in_flight and time.monotonic() < deadline:
            await asyncio.sleep(QUIET_POLL)

    def _rollback(self, err: BaseException) -> None:
        """Back to the file on disk; every command not written yet fails. Called with the lock held."""
        pending, self._pending = self._pending, None
        self._reload()
        if pending is not None:
            pending.fail(err)

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

    def person(self, person_id: str) -> Participant | None:
        """One participant by id. Every phone asks on every change (a burst of 500 cards on 500 phones), so the
        lookup is an index made once per change instead of a walk over everyone."""
        people = self.dialogue.participants
        key = (self.version, id(self.dialogue), len(people))
        if self._people is None or self._people[0] != key:
            self._people = (key, {p.id: p for p in people})
        return self._people[1].get(person_id)
