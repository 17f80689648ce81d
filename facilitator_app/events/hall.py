"""One event's commands: tables, host links, sign-ups, seating, walk-ins, the start of the day.

Each table is an ordinary dialogue, created through `Rooms` (the one way to create a dialogue) when the
table is added. The event never writes into a table's dialogue except to seat the people without a
phone there when the day starts (or when such a walk-in arrives), through that room's own command.
The plenary wall's commands are in wall_commands.py.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from rounds import FACILITATOR, Role
from rounds.errors import DomainError
from rounds.events import Event, EventTable, SignUp
from rounds.events import tables as rules
from rounds.events.model import UNKNOWN_TABLE
from rounds.events.wall import Wall
from rounds.seating import Seating, add_walk_in, move_person, seat_event
from rounds.signups import SignupImport, parse_signups
from rounds.text import look_alike_key

from ..room import Room, Rooms
from .door import EventChanged, EventCore
from .keys import current_key, next_key, revoked
from .store import EventStore
from .venues import VenueCommands
from .wall_commands import WallCommands

SIGNUPS_REFUSED = "signups_refused"  # a line of the list could not be read: nothing was imported


class EventHall(WallCommands, VenueCommands, EventCore):
    """The single writer of one event record."""

    def __init__(self, store: EventStore, rooms: Rooms, secret: str, event: Event, wall: Wall,
                 clock: Callable[[], float] | None = None) -> None:
        super().__init__(store, event, wall, clock or rooms.clock)
        self.rooms = rooms
        self.secret = secret

    # --- reading -------------------------------------------------------------------------------------
    def table_room(self, table: EventTable) -> Room | None:
        """The dialogue of a table; None for a cancelled table or a dialogue file that cannot be used."""
        if not table.dialogue_slug:
            return None
        try:
            return self.rooms.get(table.dialogue_slug)
        except Exception:  # a damaged table file: the dashboard shows the table as damaged, the rest works
            return None

    def host_key(self, table: EventTable) -> str | None:
        """The table's current host key on this laptop (None: revoked, or made on another laptop)."""
        return current_key(self.secret, self.slug, table.host_key_hash, table.id)

    def organiser_key(self) -> str | None:
        return current_key(self.secret, self.slug, self.event.organiser_key_hash)

    def table(self, table_id: str) -> EventTable | None:
        try:
            return rules.table_by_id(self.event, table_id)
        except DomainError:
            return None

    # --- tables and keys -----------------------------------------------------------------------------
    def _create_table(self, event: Event, name: str | None = None, place: str = "") -> EventTable:
        """Plan a table, create its dialogue and its host key. Used at creation and until the day starts."""
        table = rules.add_table(event, name=name, place=place)
        room = self.rooms.create(title=f"{event.title} · {table.name}", theme=event.theme,
                                 place=table.place or (event.places[0] if len(event.places) == 1 else ""),
                                 date=event.date, language=event.language)
        rules.link_dialogue(event, table.id, room.slug)
        _, stored = next_key(self.secret, event.slug, "", table.id)
        rules.set_host_key_hash(event, table.id, stored)
        return table

    async def add_table(self, actor: str, *, name: str | None = None, place: str = "") -> EventTable:
        return await self._act(EventChanged.TABLES, actor, lambda ev, _w, _now: self._create_table(ev, name, place))

    async def cancel_table(self, actor: str, table_id: str) -> list[str]:
        """Cancel a table before the day; its people become unseated and its host link stops working."""
        return await self._act(EventChanged.TABLES, actor, lambda ev, _w, _now: rules.cancel_table(ev, table_id))

    async def new_host_link(self, actor: str, table_id: str) -> str:
        """A new host key for a table; the old link stops working at once."""
        def renew(ev: Event, _wall: Wall, _now: float) -> str:
            table = rules.table_by_id(ev, table_id)
            key, stored = next_key(self.secret, ev.slug, table.host_key_hash, table.id)
            rules.set_host_key_hash(ev, table.id, stored)
            return key
        return await self._act(EventChanged.KEYS, actor, renew)

    async def revoke_host_link(self, actor: str, table_id: str) -> EventTable:
        """No host link works for this table until the organiser makes a new one."""
        def revoke(ev: Event, _wall: Wall, _now: float) -> EventTable:
            table = rules.table_by_id(ev, table_id)
            # Keep the generation: the next link counts on from it and never brings an old key back.
            return rules.set_host_key_hash(ev, table.id, revoked(table.host_key_hash) if table.host_key_hash else "")
        return await self._act(EventChanged.KEYS, actor, revoke)

    async def set_table_limits(self, actor: str, min_per_table: int, max_per_table: int) -> Event:
        def limits(ev: Event, _wall: Wall, _now: float) -> Event:
            rules.set_table_limits(ev, min_per_table, max_per_table)
            return ev
        return await self._act(EventChanged.PEOPLE, actor, limits)

    # --- people --------------------------------------------------------------------------------------
    async def import_signups(self, actor: str, raw: str | bytes) -> SignupImport:
        """Add a sign-up list. A line that cannot be read stops the whole import (every problem is
        reported, nothing is added), so a fixed file can simply be imported again."""
        def add(ev: Event, _wall: Wall, _now: float) -> SignupImport:
            result = parse_signups(raw, existing=ev.people, next_id=ev.next_id)
            if any(not problem.kept for problem in result.problems) or not result.signups:
                raise SignupsRefused(result)
            rules.add_people(ev, result.signups)
            ev.next_id = max(ev.next_id, result.next_id)
            return result
        return await self._act(EventChanged.PEOPLE, actor, add)

    async def seat_everyone(self, actor: str, seed: int | None = None) -> Seating:
        """Seat everyone afresh (before the day), mixing roles and keeping wishes where possible."""
        rng = random.Random(seed)
        return await self._act(EventChanged.PEOPLE, actor, lambda ev, _w, _now: seat_event(ev, rng))

    async def move_person(self, actor: str, person_id: str, table_id: str) -> EventTable:
        """Move someone to another table. Once the day has started, someone without a phone also moves in
        the dialogues: marked as left at the old table and added at the new one, so both hosts see it."""
        before = rules.table_of(self.event, person_id)
        target = await self._act(EventChanged.PEOPLE, actor,
                                 lambda ev, _w, _now: move_person(ev, person_id, table_id))
        person = rules.person_by_id(self.event, person_id)
        if self.event.started and not person.has_phone:
            old_room = self.table_room(before) if before is not None else None
            if old_room is not None:
                key = look_alike_key(person.name)
                for there in old_room.dialogue.participants:
                    if not there.has_phone and there.present and look_alike_key(there.name) == key:
                        await old_room.mark_left(FACILITATOR, there.id)
                        break
            await self._seat_in_dialogue(target, [person])
        return target

    async def add_walk_in(self, actor: str, name: str, role: str | Role, *, has_phone: bool = True
                          ) -> tuple[SignUp, EventTable]:
        """Someone who did not sign up: seated where the mix gains most. Without a phone, and once the
        day has started, they are also added to that table's dialogue, so the host can give them a turn."""
        person, table = await self._act(EventChanged.PEOPLE, actor, lambda ev, _w, _now: add_walk_in(
            ev, name, role, has_phone=has_phone))
        if self.event.started and not person.has_phone:
            await self._seat_in_dialogue(table, [person])
        return person, table

    async def start(self, actor: str) -> Event:
        """The day begins: tables are fixed, and the people without a phone are added to their table."""
        was_started = self.event.started

        def begin(ev: Event, _wall: Wall, now: float) -> Event:
            rules.start_event(ev, now)
            return ev
        event = await self._act(EventChanged.STARTED, actor, begin)
        if not was_started:
            by_id = {p.id: p for p in event.people}
            for table in rules.planned_tables(event):
                await self._seat_in_dialogue(table, [by_id[pid] for pid in table.seats if not by_id[pid].has_phone])
        return event

    async def _seat_in_dialogue(self, table: EventTable, people: list[SignUp]) -> None:
        room = self.table_room(table)
        if room is None:
            raise DomainError(UNKNOWN_TABLE)
        for person in people:
            await room.add_person_without_phone(FACILITATOR, person.name, person.role)


class SignupsRefused(DomainError):
    """The sign-up list had lines that could not be read; `result.problems` says which and why."""

    def __init__(self, result: SignupImport) -> None:
        super().__init__(SIGNUPS_REFUSED)
        self.result = result
