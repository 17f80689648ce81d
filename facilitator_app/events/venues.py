"""Several laptops: export this laptop's tables of an event, and read another venue's export into it.

Importing the same file twice doubles nothing; a table exported from two venues (or twice) is kept once,
with the later version (rounds/events/merge.py). The plenary wall stays this event's own.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from exports.event_json import EventExport, event_to_json
from rounds import FACILITATOR
from rounds.events import Event, EventTable
from rounds.events.merge import MergePlan, add_imported_table, origin_of, plan_merge
from rounds.events.tables import planned_tables
from rounds.events.wall import Wall

from ..room import Room, Rooms
from .door import EventChange, EventChanged, EventCore


@dataclass(frozen=True)
class VenueImport:
    added: int
    replaced: int
    unchanged: int
    older: int


class VenueCommands(EventCore):
    rooms: Rooms

    def table_room(self, table: EventTable) -> Room | None:  # provided by EventHall
        raise NotImplementedError

    def _tables_here(self) -> dict[str, tuple[EventTable, object]]:
        found = {}
        for table in planned_tables(self.event):
            room = self.table_room(table)
            if room is not None:
                found[table.id] = (table, room.dialogue)
        return found

    def export_json(self) -> str:
        """This event's tables as one file for the organiser's laptop."""
        here = self._tables_here()
        dialogues = {tid: dialogue for tid, (_, dialogue) in here.items()}
        origins = {tid: origin_of(table, dialogue) for tid, (table, dialogue) in here.items()}
        return event_to_json(self.event, dialogues, self.clock(), origins)

    async def import_venue(self, actor: str, export: EventExport) -> VenueImport:
        """Add the tables of another venue's export that are new here; replace older copies by newer ones."""
        venue = export.event.places[0] if len(export.event.places) == 1 else export.event.title

        def merge(event: Event, _wall: Wall, _now: float) -> MergePlan:
            plan = plan_merge(self._tables_here(), export.tables)
            for table, origin, dialogue in plan.add:
                room = self.rooms.import_dialogue(copy.deepcopy(dialogue))  # the export stays as read
                add_imported_table(event, table.name, room.slug, origin, venue=table.place or venue)
            return plan
        plan = await self._act(EventChanged.TABLES, actor, merge)
        for table_id, newer in plan.replace:
            table = next(t for t in self.event.tables if t.id == table_id)
            room = self.table_room(table)
            if room is not None:
                await room.replace_with_newer_copy(FACILITATOR, copy.deepcopy(newer))
        if plan.replace:
            self.version += 1
            self.changed.emit(EventChange(EventChanged.TABLES))
        return VenueImport(len(plan.add), len(plan.replace), plan.unchanged, plan.older)
