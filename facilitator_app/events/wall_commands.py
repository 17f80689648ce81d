"""The plenary wall's commands: themes, grouping cards from the tables, and dots from every phone.

The wall refers to a card as (table id, card id); this layer checks that the card really is a visible
dream, need or pledge of that table's dialogue, and that a voter really is a person of a table.
"""

from __future__ import annotations

from rounds import CardKind, DomainError, Role
from rounds import errors as e
from rounds.events import Event, EventTable
from rounds.events import tables as rules
from rounds.events import wall as board
from rounds.events.wall import Wall, WallTheme

from ..room import Room
from .door import EventChanged, EventCore

WALL_KINDS = frozenset({CardKind.DREAM, CardKind.NEED, CardKind.PLEDGE})


def voter_id(table_id: str, person_id: str) -> str:
    return f"{table_id}:{person_id}"


class WallCommands(EventCore):
    def table_room(self, table: EventTable) -> Room | None:  # provided by EventHall
        raise NotImplementedError

    def _require_card(self, event: Event, table_id: str, card_id: str) -> None:
        table = rules.table_by_id(event, table_id)
        room = self.table_room(table)
        cards = (c for rnd in room.dialogue.rounds for c in rnd.cards) if room else ()
        card = next((c for c in cards if c.id == card_id), None)
        if card is None or card.hidden or card.kind not in WALL_KINDS:
            raise DomainError(e.UNKNOWN_CARD)

    def voter_role(self, voter: str) -> Role:
        """The role of a voter "<table id>:<person id>"; refused for anyone who is not at a table."""
        table_id, _, person_id = voter.partition(":")
        table = self.table(table_id) if person_id else None
        room = self.table_room(table) if table else None
        person = room.person(person_id) if room else None
        if person is None:  # a removed person is no longer among the participants
            raise DomainError(e.UNKNOWN_PARTICIPANT)
        return person.role

    def table(self, table_id: str) -> EventTable | None:  # provided by EventHall
        raise NotImplementedError

    async def add_theme(self, actor: str, title: str) -> WallTheme:
        return await self._act(EventChanged.WALL, actor, lambda _ev, wall, now: board.add_theme(wall, title, now))

    async def rename_theme(self, actor: str, theme_id: str, title: str) -> WallTheme:
        return await self._act(EventChanged.WALL, actor,
                               lambda _ev, wall, now: board.rename_theme(wall, theme_id, title, now))

    async def retire_theme(self, actor: str, theme_id: str) -> WallTheme:
        """The theme stays in the record; its cards go back to the ungrouped cards."""
        return await self._act(EventChanged.WALL, actor,
                               lambda _ev, wall, now: board.retire_theme(wall, theme_id, now))

    async def group_card(self, actor: str, table_id: str, card_id: str, theme_id: str) -> None:
        """Put a table's dream, need or pledge into a theme ("" takes it out again). Recorded, never deleted."""
        def group(ev: Event, wall: Wall, now: float) -> None:
            self._require_card(ev, table_id, card_id)
            board.group_card(wall, table_id, card_id, theme_id, now)
        return await self._act(EventChanged.WALL, actor, group)

    async def open_voting(self, actor: str, dots_per_person: int = 3) -> Wall:
        def open_(_ev: Event, wall: Wall, now: float) -> Wall:
            board.open_voting(wall, dots_per_person, now)
            return wall
        return await self._act(EventChanged.VOTES, actor, open_)

    async def close_voting(self, actor: str) -> Wall:
        def close(_ev: Event, wall: Wall, now: float) -> Wall:
            board.close_voting(wall, now)
            return wall
        return await self._act(EventChanged.VOTES, actor, close)

    async def place_wall_dot(self, voter: str, theme_id: str) -> int:
        """A phone places one dot on a theme; returns the dots it has left."""
        def place(_ev: Event, wall: Wall, now: float) -> int:
            board.place_dot(wall, voter, self.voter_role(voter), theme_id, now)
            return board.dots_left(wall, voter)
        return await self._act(EventChanged.VOTES, voter, place, check=self.voter_role)

    async def remove_wall_dot(self, voter: str, theme_id: str) -> int:
        def remove(_ev: Event, wall: Wall, now: float) -> int:
            board.remove_dot(wall, voter, theme_id, now)
            return board.dots_left(wall, voter)
        return await self._act(EventChanged.VOTES, voter, remove, check=self.voter_role)
