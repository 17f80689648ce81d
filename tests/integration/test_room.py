"""The Room: one writer per dialogue. Acknowledged means stored; nobody acts as someone else."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from facilitator_app.room import Change, Changed, Room
from facilitator_app.store import Store
from rounds import FACILITATOR as F
from rounds import DomainError, Outcome
from rounds import errors as e
from rounds.people import join
from tests.factories import hold_saves, new_dialogue_in


def make_room(tmp_path, *names: str) -> Room:
    store = Store(tmp_path)
    dialogue = new_dialogue_in(store, title="Kamer", theme="thuis", now=1)
    for name in names:
        join(dialogue, name, "resident", 1)
    store.save(dialogue)
    ticks = itertools.count(100)
    return Room(store, store.load(dialogue.slug), clock=lambda: float(next(ticks)))


def on_disk(room: Room):
    return Store(room.store.data_dir).load(room.slug)


async def to_round(room: Room, number: int) -> None:
    for _ in range(number):
        if any(r.state == "open" for r in room.dialogue.rounds):
            await room.close_round(F, reason="kort")
        await room.open_next_round(F)


async def test_an_acknowledged_action_is_on_disk(tmp_path):
    room = make_room(tmp_path, "Anna")
    await to_round(room, 1)
    turn = await room.next_speaker(F)
    assert on_disk(room).rounds[0].current_turn.started_at == turn.started_at
    assert on_disk(room) == room.dialogue


async def test_next_ends_the_speaker_and_gives_the_floor_in_one_command(tmp_path):
    room = make_room(tmp_path, "Anna", "Ben")
    anna, ben = (p.id for p in room.dialogue.participants)
    await to_round(room, 1)
    first = await room.next_speaker(F)
    second = await room.next_speaker(F)
    assert (first.participant_id, second.participant_id) == (anna, ben)
    assert on_disk(room).rounds[0].turns[0].outcome == Outcome.SPOKE
    last = await room.next_speaker(F)  # nobody left: Ben's turn ends and is returned
    assert last.id == second.id and last.outcome == Outcome.SPOKE
    with pytest.raises(DomainError) as err:
        await room.next_speaker(F)
    assert err.value.code == e.EVERYONE_HEARD


async def test_a_round_note_written_after_closing_is_on_disk(tmp_path):
    room = make_room(tmp_path, "Anna")
    await to_round(room, 1)
    await room.next_speaker(F)
    await room.end_turn(F, Outcome.SPOKE)
    closed = await room.close_round(F)
    await room.set_round_notes(F, closed.id, "Samenvatting na afloop")
    assert on_disk(room).rounds[0].notes == "Samenvatting na afloop"
    await to_round(room, 1)
    await room.set_round_notes(F, closed.id, "Aangevuld in ronde 2")
    assert on_disk(room).rounds[0].notes == "Aangevuld in ronde 2"


async def test_a_turn_note_typed_after_the_speaker_ended_their_own_turn_is_kept(tmp_path):
    room = make_room(tmp_path, "Anna", "Ben")
    anna = room.dialogue.participants[0].id
    await to_round(room, 1)
    turn = await room.next_speaker(F)
    await room.end_turn(anna, Outcome.SPOKE)  # Anna taps "Klaar" on her phone
    await room.next_speaker(F)
    await room.set_turn_note(F, turn.id, "Anna: meer groen in de straat")
    assert on_disk(room).rounds[0].turns[0].note == "Anna: meer groen in de straat"


async def test_each_command_emits_one_typed_change(tmp_path):
    room = make_room(tmp_path, "Anna")
    seen: list[Change] = []
    room.changed.subscribe(seen.append)
    await to_round(room, 3)
    anna = room.dialogue.participants[0].id
    card = await room.add_card(anna, anna, "Moestuin")
    await room.set_card_hidden(F, card.id, True)
    assert [c.kind for c in seen] == [Changed.ROUND] * 5 + [Changed.CARDS, Changed.CARDS]
    assert seen[-2].card_added and seen[-2].person_id == anna and not seen[-1].card_added


async def test_a_participant_cannot_end_someone_elses_turn(tmp_path):
    room = make_room(tmp_path, "Anna", "Ben")
    anna, ben = (p.id for p in room.dialogue.participants)
    await to_round(room, 1)
    await room.next_speaker(F)
    before = on_disk(room)
    with pytest.raises(DomainError) as err:
        await room.end_turn(ben, Outcome.PASSED)
    assert err.value.code == e.NOT_YOUR_TURN
    assert room.dialogue.rounds[0].current_turn.participant_id == anna
    assert on_disk(room) == before == room.dialogue


async def test_an_unknown_actor_is_refused_before_the_domain_is_asked(tmp_path):
    room = make_room(tmp_path, "Anna")
    await to_round(room, 1)
    with pytest.raises(DomainError) as err:
        await room.mark_left("iemand-anders", room.dialogue.participants[0].id)
    assert err.value.code == e.UNKNOWN_PARTICIPANT
    assert room.dialogue.participants[0].present and on_disk(room) == room.dialogue


async def test_a_participant_cannot_touch_someone_elses_cards_or_dots(tmp_path):
    room = make_room(tmp_path, "Anna", "Ben")
    anna, ben = (p.id for p in room.dialogue.participants)
    await to_round(room, 3)
    card = await room.add_card(anna, anna, "Moestuin")
    for command in (lambda: room.edit_card(ben, card.id, "Van mij"), lambda: room.delete_card(ben, card.id),
                    lambda: room.add_card(ben, anna, "Namens Anna")):
        with pytest.raises(DomainError) as err:
            await command()
        assert err.value.code == e.NOT_YOUR_CARD
    await to_round(room, 1)
    with pytest.raises(DomainError):
        await room.place_dot(ben, anna, card.id)
    for _ in range(3):
        await room.place_dot(ben, ben, card.id)
    with pytest.raises(DomainError) as err:
        await room.place_dot(ben, ben, card.id)
    assert err.value.code == e.NO_DOTS_LEFT
    with pytest.raises(DomainError):
        await room.remove_dot(anna, ben, card.id)
    assert len(on_disk(room).rounds[3].votes) == 3


async def test_a_failed_save_is_not_acknowledged_and_leaves_no_half_state(tmp_path, monkeypatch):
    room = make_room(tmp_path, "Anna")
    await to_round(room, 1)
    before = on_disk(room)

    def broken_disk(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(room.store, "save", broken_disk)
    with pytest.raises(OSError):
        await room.next_speaker(F)
    assert room.dialogue == before and room.dialogue.rounds[0].current_turn is None


async def test_a_failed_write_does_not_leave_stale_rounds_for_the_next_save(tmp_path, monkeypatch):
    """The store's per-round cache is only updated after the file is written."""
    room = make_room(tmp_path, "Anna", "Ben")
    await to_round(room, 1)
    storage = room.store._db(room.slug).storage
    real_write = storage.write_text
    monkeypatch.setattr(storage, "write_text", lambda text: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        await room.next_speaker(F)
    monkeypatch.setattr(storage, "write_text", real_write)
    anna = room.dialogue.participants[0].id
    await room.rename(F, anna, name="Anna B.")
    assert on_disk(room) == room.dialogue and room.dialogue.rounds[0].turns == []


async def test_a_person_is_found_by_id_as_the_room_changes(tmp_path):
    room = make_room(tmp_path, "Anna", "Ben")
    anna, ben = room.dialogue.participants
    assert room.person(anna.id) is anna and room.person("nobody") is None
    chris = await room.join("token-chris", "Chris", "resident")
    assert room.person(chris.id) is chris  # a join is seen at once
    await room.rename(F, ben.id, name="Benjamin")
    assert room.person(ben.id).name == "Benjamin"
    await room.remove_person(F, anna.id)
    assert room.person(anna.id) is None and room.person(ben.id) is not None
    room._reload()  # noqa: SLF001 - what a failed write does: the dialogue is read again from disk
    assert room.person(ben.id) is room.dialogue.participants[0]


async def test_until_quiet_waits_for_a_command_on_its_way_and_no_longer(tmp_path, monkeypatch):
    """Work a page can put off (the rest of a long order) waits until no command is being saved or told."""
    room = make_room(tmp_path, "Anna")
    anna = room.dialogue.participants[0].id
    released = hold_saves(room, monkeypatch)
    command = asyncio.create_task(room.rename(F, anna, name="Anna B."))
    await asyncio.sleep(0.05)
    waiter = asyncio.create_task(room.until_quiet(5))
    await asyncio.sleep(0.2)
    assert not waiter.done() and not command.done()  # the rename is still being written
    await room.until_quiet(0.05)  # but never longer than asked
    assert not command.done()
    released.set()
    await asyncio.wait_for(waiter, 2)
    assert command.done() and room.person(anna).name == "Anna B."
