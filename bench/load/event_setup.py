"""A Dag van de Dialoog on disk before the app starts: the event, its tables, and each table in the break.

Everything goes through the app's own service layer (`Events.create`, the event's `start`, and each
table room's named commands), with the same data folder and storage secret the app will use, so the
app finds the event and its key hashes as if an organiser had made it in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitator_app.config import storage_secret
from facilitator_app.events import ORGANISER, Events, EventStore
from facilitator_app.room import Rooms
from facilitator_app.store import Store
from rounds import FACILITATOR

from .servers import DialogueInfo

TITLE = "Dag van de Dialoog bench"


@dataclass(frozen=True)
class TableInfo:
    table_id: str
    name: str  # as the organiser's pages show it ("Tafel 7")
    dialogue: DialogueInfo


@dataclass(frozen=True)
class EventPlan:
    slug: str
    organiser_key: str
    tables: list[TableInfo]


async def prepare_event(data_dir: Path, tables: int) -> EventPlan:
    """An event of `tables` tables, started, every table between round 1 (closed) and round 2.

    As in bench/room_load.py people join in the break, and the host then opens "Ervaringen" from the
    console, so everyone present is in that round's order.
    """
    events = Events(EventStore(data_dir), Rooms(Store(data_dir)), storage_secret(data_dir))
    created = await events.create(title=TITLE, tables=tables)
    hall = created.hall
    await hall.start(ORGANISER)  # the day has begun: the dashboard shows a running event
    infos = []
    for table in hall.event.tables:
        room = hall.table_room(table)
        if room is None:
            raise RuntimeError(f"table {table.name} has no dialogue")
        await room.open_next_round(FACILITATOR)
        await room.close_round(FACILITATOR, reason="bench")
        dialogue = room.dialogue
        path = data_dir / f"{dialogue.slug}.json"
        infos.append(TableInfo(table.id, table.name, DialogueInfo(dialogue.slug, dialogue.title,
                                                                   dialogue.join_code, path)))
    return EventPlan(hall.slug, created.organiser_key, infos)


async def prepare_single(data_dir: Path, extra_rounds: int) -> EventPlan:
    """The baseline: one ordinary dialogue, no event, in the same break as the event's tables.

    With 7 people a round holds 7 timed actions; the extra rounds let the baseline go on as long as the
    event's actions it alternates with."""
    room = Rooms(Store(data_dir)).create(title="Een tafel alleen", theme="thuis")
    for n in range(extra_rounds):
        await room.add_round(FACILITATOR, f"Nog een ronde {n + 1}", "Wat werkt er goed in de buurt?")
    await room.open_next_round(FACILITATOR)
    await room.close_round(FACILITATOR, reason="bench")
    dialogue = room.dialogue
    info = DialogueInfo(dialogue.slug, dialogue.title, dialogue.join_code, data_dir / f"{dialogue.slug}.json")
    return EventPlan("", "", [TableInfo("", "baseline", info)])
