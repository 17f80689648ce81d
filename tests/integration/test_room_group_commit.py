"""Group commit: a burst of commands shares writes, and acknowledged still means stored."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from facilitator_app.room import Room
from facilitator_app.store import Store
from rounds import FACILITATOR as F
from rounds.people import join
from tests.factories import new_dialogue_in

PHONES = 12


def room_with_cards_round(tmp_path) -> Room:
    store = Store(tmp_path)
    dialogue = new_dialogue_in(store, title="Stapel", theme="thuis", now=1)
    for n in range(PHONES):
        join(dialogue, f"Persoon {n}", "resident", 1)
    store.save(dialogue)
    ticks = itertools.count(100)
    return Room(store, store.load(dialogue.slug), clock=lambda: float(next(ticks)))


async def open_cards_round(room: Room) -> None:
    """Round 2 ("ervaringen") takes cards; round 1 is closed first."""
    await room.open_next_round(F)
    await room.close_round(F, reason="kort")
    await room.open_next_round(F)


def cards_on_disk(room: Room) -> set[str]:
    dialogue = Store(room.store.data_dir).load(room.slug)  # a fresh store: only what is in the file
    return {card.text for rnd in dialogue.rounds for card in rnd.cards}


def count_saves(room: Room, monkeypatch, fail: bool = False) -> list[int]:
    calls: list[int] = []
    real_save = room.store.save

    def save(*args, **kwargs):
        calls.append(1)
        if fail:
            raise OSError("disk full")
        return real_save(*args, **kwargs)

    monkeypatch.setattr(room.store, "save", save)
    return calls


async def test_a_burst_of_cards_is_written_in_fewer_writes_and_each_is_on_disk_when_acknowledged(
        tmp_path, monkeypatch):
    room = room_with_cards_round(tmp_path)
    await open_cards_round(room)
    saves = count_saves(room, monkeypatch)
    missing_at_acknowledgement: list[str] = []

    async def send(person_id: str, text: str) -> None:
        await room.add_card(person_id, person_id, text)
        if text not in cards_on_disk(room):  # read right when the command returns, before anything else runs
            missing_at_acknowledgement.append(text)

    people = [p.id for p in room.dialogue.participants]
    await asyncio.gather(*(send(pid, f"Kaartje {n}") for n, pid in enumerate(people)))

    assert missing_at_acknowledgement == []
    assert cards_on_disk(room) == {f"Kaartje {n}" for n in range(PHONES)}
    assert 1 <= len(saves) < PHONES


async def test_a_failed_batch_write_acknowledges_none_of_its_commands(tmp_path, monkeypatch):
    room = room_with_cards_round(tmp_path)
    await open_cards_round(room)
    before = Store(room.store.data_dir).load(room.slug)
    saves = count_saves(room, monkeypatch, fail=True)
    changes = []
    room.changed.subscribe(changes.append)

    people = [p.id for p in room.dialogue.participants]
    results = await asyncio.gather(*(room.add_card(pid, pid, f"Kaartje {n}") for n, pid in enumerate(people)),
                                   return_exceptions=True)

    assert all(isinstance(r, OSError) for r in results), results
    assert len(saves) < PHONES  # they were one batch, and the one failed write failed them all
    assert changes == []  # nobody was told about a card that is not stored
    assert room.dialogue == before and cards_on_disk(room) == set()


async def test_after_a_failed_batch_the_next_command_is_written_with_nothing_of_the_failed_batch(
        tmp_path, monkeypatch):
    room = room_with_cards_round(tmp_path)
    await open_cards_round(room)
    people = [p.id for p in room.dialogue.participants]
    count_saves(room, monkeypatch, fail=True)
    await asyncio.gather(*(room.add_card(pid, pid, f"Weg {n}") for n, pid in enumerate(people)),
                         return_exceptions=True)
    monkeypatch.undo()

    await room.add_card(people[0], people[0], "Blijft")

    assert cards_on_disk(room) == {"Blijft"}


async def test_a_command_whose_caller_goes_away_is_still_written_for_the_others(tmp_path):
    room = room_with_cards_round(tmp_path)
    await open_cards_round(room)
    people = [p.id for p in room.dialogue.participants]
    leaving = asyncio.create_task(room.add_card(people[0], people[0], "Telefoon dicht"))
    staying = asyncio.create_task(room.add_card(people[1], people[1], "Blijft open"))
    await asyncio.sleep(0)  # both have changed the dialogue and wait for the same write
    leaving.cancel()

    await staying
    with pytest.raises(asyncio.CancelledError):
        await leaving
    assert cards_on_disk(room) == {"Telefoon dicht", "Blijft open"}
