"""Several laptops: a venue's export read into the organiser's event, twice, and a later version of it."""

from __future__ import annotations

import itertools
import json

import pytest

from exports import ImportProblem
from exports.event_json import event_from_json
from facilitator_app.events import ORGANISER, Events, EventStore
from facilitator_app.room import Rooms
from facilitator_app.store import Store
from rounds import FACILITATOR, CardKind, Role

SIGNUPS = b"naam,rol\nAnna de Vries,bewoner\nDirk,professional\n"


def laptop(path, clock_start: int) -> Events:
    ticks = itertools.count(clock_start)
    return Events(EventStore(path), Rooms(Store(path), clock=lambda: float(next(ticks))), f"secret-{path.name}")


async def _a_card_at(hall, table, text: str, token: str = "tok") -> None:
    room = hall.table_room(table)
    person = await room.join(token, "Anna de Vries", Role.RESIDENT)
    if not any(r.state == "open" for r in room.dialogue.rounds):
        await room.open_next_round(FACILITATOR)
    while next(r for r in room.dialogue.rounds if r.state == "open").card_kind != CardKind.DREAM:
        await room.close_round(FACILITATOR, reason="kort")
        await room.open_next_round(FACILITATOR)
    await room.add_card(person.id, person.id, text)


async def test_a_venue_file_read_twice_doubles_nothing_and_a_later_one_replaces_the_older_copy(tmp_path):
    organiser = laptop(tmp_path / "a", 1_000)
    venue = laptop(tmp_path / "b", 50_000)
    main = (await organiser.create(title="Dag van de Dialoog", tables=2)).hall
    there = (await venue.create(title="Dag van de Dialoog", tables=2, places=["Buurthuis De Boog"])).hall
    await _a_card_at(there, there.event.tables[0], "Een bankje bij de speeltuin")
    first = event_from_json(there.export_json())

    report = await main.import_venue(ORGANISER, first)
    assert (report.added, report.replaced, report.unchanged) == (2, 0, 0)
    assert [t.name for t in main.event.tables] == ["Tafel 1", "Tafel 2", "Tafel 1 (Buurthuis De Boog)",
                                                   "Tafel 2 (Buurthuis De Boog)"]
    report = await main.import_venue(ORGANISER, event_from_json(there.export_json()))
    assert (report.added, report.replaced, report.unchanged) == (0, 0, 2)
    assert len(main.event.tables) == 4 and len(Store(tmp_path / "a").slugs()) == 4

    await _a_card_at(there, there.event.tables[0], "Een moestuin")  # the venue goes on, then exports again
    report = await main.import_venue(ORGANISER, event_from_json(there.export_json()))
    assert (report.added, report.replaced, report.unchanged) == (0, 1, 1)
    copy = main.table_room(main.event.tables[2]).dialogue
    assert sorted(c.text for r in copy.rounds for c in r.cards) == ["Een bankje bij de speeltuin", "Een moestuin"]
    report = await main.import_venue(ORGANISER, first)  # the first file again: the newer copy stays
    assert (report.added, report.replaced, report.older) == (0, 0, 1)
    assert len([c for r in main.table_room(main.event.tables[2]).dialogue.rounds for c in r.cards]) == 2

    own = await main.import_venue(ORGANISER, event_from_json(main.export_json()))  # its own file
    assert (own.added, own.replaced, own.unchanged) == (0, 0, 4)


async def test_the_export_carries_no_keys_no_tokens_and_no_sign_up_list(tmp_path):
    events = laptop(tmp_path, 1_000)
    made = await events.create(title="Dag", tables=1, signups=SIGNUPS)
    hall = made.hall
    await _a_card_at(hall, hall.event.tables[0], "Meer licht", token="device-token-123")
    text = hall.export_json()
    for secret in (made.organiser_key, hall.host_key(hall.event.tables[0]), hall.event.organiser_key_hash,
                   "device-token-123", "Dirk", hall.table_room(hall.event.tables[0]).dialogue.facilitator_key):
        assert secret not in text
    assert "Meer licht" in text


@pytest.mark.parametrize("damage", [
    lambda d: d.update(format="something-else"),
    lambda d: d["event"].update(tables="not a list"),
    lambda d: d["tables"]["t1"]["dialogue"].update(rounds=[{"id": 3}]),
    lambda d: d.update(schema_version=99),
])
async def test_a_damaged_venue_file_is_refused_and_changes_nothing(tmp_path, damage):
    main = (await laptop(tmp_path / "a", 1_000).create(title="Dag", tables=1)).hall
    there = (await laptop(tmp_path / "b", 9_000).create(title="Dag", tables=1)).hall
    data = json.loads(there.export_json())
    damage(data)
    with pytest.raises(ImportProblem):
        event_from_json(json.dumps(data))
    assert len(main.event.tables) == 1
