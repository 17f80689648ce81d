"""The organiser's "Oogst" tab: gated until every table is done, then every format; a venue's file read in once."""

from __future__ import annotations

import json

from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User

from facilitator_app import app as wijk_app
from facilitator_app.events import Events, EventStore
from facilitator_app.room import Rooms
from facilitator_app.store import Store
from rounds import FACILITATOR, Outcome, Role


async def _finish(room, *names: str) -> None:
    people = [await room.add_person_without_phone(FACILITATOR, name, Role.RESIDENT, consent=True) for name in names]
    while any(r.state != "closed" for r in room.dialogue.rounds):
        await room.open_next_round(FACILITATOR)
        for person in people:
            await room.give_floor(FACILITATOR, person.id)
            await room.end_turn(FACILITATOR, Outcome.SPOKE)
        await room.close_round(FACILITATOR)


async def test_the_harvest_opens_when_the_last_table_finishes_and_downloads(user: User, setup):
    hall = (await wijk_app.current.events.create(title="Dag Oost", tables=2)).hall
    first, second = (hall.table_room(t) for t in hall.event.tables)
    await _finish(first, "Anna")
    await user.open(f"/e/{hall.slug}?key={setup.key}")
    user.find(marker="tab-harvest").click()
    await user.should_see("De oogst kan nog niet")
    await user.should_see("Tafel 2")
    await user.should_not_see(marker="event-harvest-md")
    await _finish(second, "Bram")
    await user.should_see(marker="event-harvest-md")  # live: the last table finishing opens the gate
    user.find(marker="event-harvest-md").click()
    response = await user.download.next(timeout=10)
    assert b"Dag Oost" in response.content and b"Tafel 2" in response.content


async def test_a_venues_file_adds_its_tables_once(user: User, setup, tmp_path):
    hall = (await wijk_app.current.events.create(title="Dag Oost", tables=1)).hall
    venue_dir = tmp_path / "venue"
    venue = Events(EventStore(venue_dir), Rooms(Store(venue_dir)), "another laptop")
    there = (await venue.create(title="Dag Oost", tables=2, places=["De Boog"])).hall
    data = there.export_json().encode()
    await user.open(f"/e/{hall.slug}?key={setup.key}")
    user.find(marker="tab-harvest").click()
    upload = user.find(marker="event-import-venue").elements.pop()
    for _ in range(2):
        await upload.handle_uploads([SmallFileUpload("dag-oost-tafels.json", "application/json", data)])
    await user.should_see("0 nieuwe tafels, 0 vervangen door een nieuwere versie, 2 al aanwezig")
    assert [t.name for t in hall.event.tables] == ["Tafel 1", "Tafel 1 (De Boog)", "Tafel 2 (De Boog)"]
    await upload.handle_uploads([SmallFileUpload("kapot.json", "application/json", json.dumps({"a": 1}).encode())])
    await user.should_see("Dit bestand kan niet gebruikt worden")
    assert len(hall.event.tables) == 3
