"""The events of one running app, and the one way to create an event."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from rounds.errors import DomainError
from rounds.events import EventTable
from rounds.events import tables as rules
from rounds.events.model import DEFAULT_MAX_PER_TABLE, DEFAULT_MIN_PER_TABLE, MAX_TABLES, TOO_MANY_TABLES
from rounds.events.wall import new_wall
from rounds.signups import SignupImport, parse_signups

from ..room import Rooms
from ..store import StoreError
from .door import EventChanged
from .hall import EventHall, SignupsRefused
from .keys import ORGANISER, key_matches, next_key
from .store import EventStore

log = logging.getLogger(__name__)


class EventDamaged(Exception):
    def __init__(self, slug: str, reason: str) -> None:
        self.slug, self.reason = slug, reason
        super().__init__(f"{slug}: {reason}")


@dataclass(frozen=True)
class Created:
    hall: EventHall
    organiser_key: str
    signups: SignupImport | None  # the sign-up list's result, when one was given


class Events:
    def __init__(self, store: EventStore, rooms: Rooms, secret: str) -> None:
        self.store = store
        self.rooms = rooms
        self.secret = secret
        self._halls: dict[str, EventHall] = {}
        self._by_dialogue: dict[str, tuple[str, str]] | None = None  # dialogue slug -> (event slug, table id)

    def get(self, slug: str) -> EventHall | None:
        """The event, opened on first use. Raises EventDamaged for a file that cannot be used."""
        if slug not in self._halls:
            if not self.store.exists(slug):
                return None
            try:
                event, wall = self.store.load(slug)
            except StoreError as err:
                raise EventDamaged(slug, err.detail or err.code) from None
            hall = self._halls[slug] = EventHall(self.store, self.rooms, self.secret, event, wall)
            hall.changed.subscribe(self._forget_index, unsubscribe_on_delete=False)
        return self._halls[slug]

    def all(self) -> list[EventHall]:
        found = []
        for slug in self.store.slugs():
            try:
                hall = self.get(slug)
            except EventDamaged as err:
                log.warning("event %s cannot be used: %s", slug, err.reason)
                continue
            if hall is not None:
                found.append(hall)
        return found

    def of_dialogue(self, dialogue_slug: str) -> tuple[EventHall, EventTable] | None:
        """The event and table a dialogue belongs to (None for a dialogue on its own)."""
        if self._by_dialogue is None:
            self._by_dialogue = {t.dialogue_slug: (hall.slug, t.id) for hall in self.all()
                                 for t in hall.event.tables if t.dialogue_slug}
        found = self._by_dialogue.get(dialogue_slug)
        if found is None:
            return None
        hall = self.get(found[0])
        table = hall.table(found[1]) if hall else None
        return (hall, table) if hall and table else None

    def grant_works(self, grant: str, key: str) -> bool:
        """Does a remembered key still open what it opened: "<event>" (organiser) or "<event>/<table id>" (host)?"""
        event_slug, _, table_id = grant.partition("/")
        try:
            hall = self.get(event_slug)
        except EventDamaged:
            return False
        if hall is None:
            return False
        if not table_id:
            return key_matches(hall.event.organiser_key_hash, key)
        table = hall.table(table_id)
        return table is not None and key_matches(table.host_key_hash, key)

    def _forget_index(self, change) -> None:
        if change.kind == EventChanged.TABLES:
            self._by_dialogue = None

    async def create(self, *, title: str, tables: int, theme: str = "", date: str = "",
                     places: Sequence[str] = (), language: str = "nl", signups: str | bytes | None = None,
                     seed: int | None = None, min_per_table: int = DEFAULT_MIN_PER_TABLE,
                     max_per_table: int = DEFAULT_MAX_PER_TABLE) -> Created:
        """A new event with its tables (a dialogue each), host links and organiser key; optionally a sign-up
        list, seated at once. A refused sign-up list refuses the whole event, so nothing is left half made."""
        if not isinstance(tables, int) or isinstance(tables, bool) or not 0 <= tables <= MAX_TABLES:
            raise DomainError(TOO_MANY_TABLES, limit=MAX_TABLES)
        slug = self.store.unique_slug(title)
        event = rules.new_event(slug=slug, title=title, now=self.rooms.clock(), theme=theme, date=date,
                                places=places, language=language, min_per_table=min_per_table,
                                max_per_table=max_per_table)
        organiser_key, stored = next_key(self.secret, slug, "")
        rules.set_organiser_key_hash(event, stored)
        hall = EventHall(self.store, self.rooms, self.secret, event, new_wall())
        if signups is not None:  # checked before any file is written
            result = parse_signups(signups, existing=(), next_id=event.next_id)
            if any(not p.kept for p in result.problems) or not result.signups:
                raise SignupsRefused(result)
        for _ in range(tables):
            hall._create_table(event)
        self.store.save(event, hall.wall)
        self._halls[slug] = hall
        hall.changed.subscribe(self._forget_index, unsubscribe_on_delete=False)
        self._by_dialogue = None
        result = None
        if signups is not None:
            result = await hall.import_signups(ORGANISER, signups)
            await hall.seat_everyone(ORGANISER, seed)
        return Created(hall, organiser_key, result)
