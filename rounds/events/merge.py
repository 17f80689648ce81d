"""Several laptops, one event harvest: which tables of another venue's export are new, newer or already here.

A table is known across laptops by its origin: the creation time and join code of its dialogue on the
laptop where it ran ("<created_at>:<join code>"). That survives export and import, unlike the slug or the
table id, which each laptop chooses for itself. A table read from an export keeps its origin in the event
record, so importing the same file again, or a later export of the same venue, finds it.
Of two versions of one table the one with the latest activity is kept. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import DomainError
from ..model import Dialogue
from ..text import clean_name, look_alike_key
from .model import MAX_TABLE_NAME_CHARS, MAX_TABLES, TOO_MANY_TABLES, Event, EventTable, TableStatus
from .tables import take_id


def origin_of(table: EventTable, dialogue: Dialogue) -> str:
    return table.origin or f"{dialogue.created_at!r}:{dialogue.join_code}"


def last_activity(dialogue: Dialogue) -> float:
    """The time of the last thing that happened in a dialogue: the later of two copies is the newer."""
    times = [dialogue.created_at, dialogue.started_at or 0.0, dialogue.finished_at or 0.0]
    times += [p.joined_at for p in dialogue.participants]
    for rnd in dialogue.rounds:
        times += [rnd.opened_at or 0.0, rnd.closed_at or 0.0]
        times += [t.ended_at or t.started_at for t in rnd.turns]
        times += [c.updated_at or c.created_at for c in rnd.cards]
        times += [v.placed_at for v in rnd.votes]
    times += [r.at for r in dialogue.removals] + [a.at for a in dialogue.felt_heard]
    return max(times)


@dataclass
class MergePlan:
    add: list[tuple[EventTable, str, Dialogue]] = field(default_factory=list)  # (their table, origin, dialogue)
    replace: list[tuple[str, Dialogue]] = field(default_factory=list)  # (table id here, newer dialogue)
    unchanged: int = 0  # the same version is here already
    older: int = 0  # a newer version is here already


def plan_merge(here: dict[str, tuple[EventTable, Dialogue]], incoming: list[tuple[EventTable, Dialogue]]
               ) -> MergePlan:
    """`here`: table id -> (table, dialogue) of this event; `incoming`: the tables of another venue's export."""
    by_origin = {origin_of(table, dialogue): (table.id, dialogue) for table, dialogue in here.values()}
    plan = MergePlan()
    seen: set[str] = set()
    for table, dialogue in incoming:
        origin = origin_of(table, dialogue)
        if origin in seen:
            continue  # the same table twice in one file: the first counts
        seen.add(origin)
        known = by_origin.get(origin)
        if known is None:
            plan.add.append((table, origin, dialogue))
        elif last_activity(dialogue) > last_activity(known[1]):
            plan.replace.append((known[0], dialogue))
        elif last_activity(dialogue) == last_activity(known[1]):
            plan.unchanged += 1
        else:
            plan.older += 1
    return plan


def add_imported_table(event: Event, name: str, dialogue_slug: str, origin: str, venue: str = "") -> EventTable:
    """A table that ran on another laptop, added for the harvest (also after the day started).

    Its name says the venue ("Tafel 1 (Buurthuis De Boog)"), numbered on when that name is taken.
    """
    if len(event.tables) >= MAX_TABLES:
        raise DomainError(TOO_MANY_TABLES, limit=MAX_TABLES)
    taken = {look_alike_key(t.name) for t in event.tables}
    base = clean_name(name, MAX_TABLE_NAME_CHARS)
    number = 1
    while True:
        label = venue if number == 1 else f"{venue} {number}".strip()
        final = f"{base[: MAX_TABLE_NAME_CHARS - len(label) - 3].rstrip()} ({label})" if label else base
        if look_alike_key(final) not in taken:
            break
        number += 1
    table = EventTable(id=take_id(event, "t"), name=final, dialogue_slug=dialogue_slug,
                       status=TableStatus.PLANNED, origin=origin)
    event.tables.append(table)
    return table
