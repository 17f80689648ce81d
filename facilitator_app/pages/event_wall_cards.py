"""What the plenary wall pages read: the tables' visible dreams, needs and pledges, and live table changes.

The wall record (rounds/events/wall.py) holds only (table id, card id) references; the texts live in the
tables' dialogues. A card hidden or deleted at its table after it was grouped stays in the record, but
every wall page reads through here, so its text never appears again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rounds import Card
from rounds.events import tables as rules
from rounds.events.wall import CardRef, cards_in

from ..events import EventChange, EventChanged, EventHall
from ..events.wall_commands import WALL_KINDS
from ..room import Change, Changed


@dataclass(frozen=True)
class WallCard:
    table_id: str
    table_name: str
    card: Card

    @property
    def ref(self) -> CardRef:
        return (self.table_id, self.card.id)


def wall_cards(hall: EventHall) -> list[WallCard]:
    """Every visible dream, need and pledge of the planned tables, newest first. Never an author's name."""
    found: list[WallCard] = []
    for table in rules.planned_tables(hall.event):
        room = hall.table_room(table)
        if room is None:
            continue
        found.extend(WallCard(table.id, table.name, card) for rnd in room.dialogue.rounds for card in rnd.cards
                     if card.kind in WALL_KINDS and not card.hidden)
    found.sort(key=lambda c: c.card.created_at, reverse=True)
    return found


def cards_by_theme(hall: EventHall, visible: dict[CardRef, WallCard]) -> dict[str, list[WallCard]]:
    """Each live theme -> its visible cards, the one put there last first."""
    return {theme_id: [visible[ref] for ref in reversed(refs) if ref in visible]
            for theme_id, refs in cards_in(hall.wall).items()}


def wall_version(hall: EventHall) -> int:
    """Goes up with every change to the event or to any table: a draw of this version need not be repeated."""
    total = hall.version
    for table in rules.planned_tables(hall.event):
        room = hall.table_room(table)
        total += room.version if room is not None else 0
    return total


def table_card_changed(change: Change, *, new_cards: bool = True) -> bool:
    """Does this table change touch what a wall page shows? Only cards (and a person taken out with theirs)."""
    if change.kind is Changed.REMOVED:
        return True
    return change.kind is Changed.CARDS and (new_cards or not change.card_added)


class TableWatch:
    """Follows every table's room for one page, also the tables added later in the day.

    Subscribed inside the page function, so NiceGUI drops the subscriptions with the page.
    """

    def __init__(self, hall: EventHall, on_table: Callable[[Change], None]) -> None:
        self.hall, self.on_table = hall, on_table
        self.watched: set[str] = set()
        self.follow_new_tables()

    def follow_new_tables(self) -> None:
        for table in rules.planned_tables(self.hall.event):
            room = self.hall.table_room(table)
            if room is not None and room.slug not in self.watched:
                self.watched.add(room.slug)
                room.changed.subscribe(self.on_table)

    def event_changed(self, change: EventChange) -> None:
        if change.kind is EventChanged.TABLES:
            self.follow_new_tables()
