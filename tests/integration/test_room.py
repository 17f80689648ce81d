# ruff: noqa: B023  (each action lambda is applied within its own loop step)
"""The Room: one writer per dialogue. Acknowledged means stored; nobody acts as someone else."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator_app.room import Room
from facilitator_app.store import Store
from rounds import FACILITATOR as F
from rounds import DomainError, Outcome
from rounds import errors as e
from rounds.cards import add_card, delete_card, edit_card, place_dot, remove_dot
from rounds.people import join, mark_back, mark_left, rename
from rounds.talking_piece import close_round, end_turn, give_floor, next_speaker, open_next_round


def make_room(tmp_path, *names: str) -> Room:
    store = Store(tmp_path)
    dialogue = store.create(title="Kamer", theme="thuis", now=1)
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
            await room.apply("round", lambda d, now: close_round(d, F, now, override_reason="kort"), every_round=True)
        await room.apply("round", lambda d, now: open_next_round(d, F, now), every_round=True)


async def test_an_acknowledged_action_is_on_disk(tmp_path):
    room = make_room(tmp_path, "Anna")
    await to_round(room, 1)
    turn = await room.apply("floor", lambda d, now: next_speaker(d, F, now))
    assert on_disk(room).rounds[0].current_turn.started_at == turn.started_at
    assert on_disk(room) == room.dialogue


async def test_a_participant_cannot_end_someone_elses_turn(tmp_path):
    room = make_room(tmp_path, "Anna", "Ben")
    anna, ben = (p.id for p in room.dialogue.participants)
    await to_round(room, 1)
    await room.apply("floor", lambda d, now: next_speaker(d, F, now))
    before = on_disk(room)
    with pytest.raises(DomainError) as err:
        await room.apply("floor", lambda d, now: end_turn(d, ben, Outcome.PASSED, now))
    assert err.value.code == e.NOT_YOUR_TURN
    assert room.dialogue.rounds[0].current_turn.participant_id == anna
    assert on_disk(room) == before == room.dialogue


async def test_a_participant_cannot_touch_someone_elses_cards_or_dots(tmp_path):
    room = make_room(tmp_path, "Anna", "Ben")
    anna, ben = (p.id for p in room.dialogue.participants)
    await to_round(room, 3)
    card = await room.apply("cards", lambda d, now: add_card(d, anna, anna, "Moestuin", now))
    for action in (lambda d, now: edit_card(d, ben, card.id, "Van mij", now),
                   lambda d, now: delete_card(d, ben, card.id),
                   lambda d, now: add_card(d, ben, anna, "Namens Anna", now)):
        with pytest.raises(DomainError) as err:
            await room.apply("cards", action)
        assert err.value.code == e.NOT_YOUR_CARD
    await to_round(room, 1)
    with pytest.raises(DomainError):
        await room.apply("votes", lambda d, now: place_dot(d, ben, anna, card.id, now))
    for _ in range(3):
        await room.apply("votes", lambda d, now: place_dot(d, ben, ben, card.id, now))
    with pytest.raises(DomainError) as err:
        await room.apply("votes", lambda d, now: place_dot(d, ben, ben, card.id, now))
    assert err.value.code == e.NO_DOTS_LEFT
    with pytest.raises(DomainError):
        await room.apply("votes", lambda d, now: remove_dot(d, anna, ben, card.id))
    assert len(on_disk(room).rounds[3].votes) == 3


async def test_a_failed_save_is_not_acknowledged_and_leaves_no_half_state(tmp_path, monkeypatch):
    room = make_room(tmp_path, "Anna")
    await to_round(room, 1)
    before = on_disk(room)

    def broken_disk(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(room.store, "save", broken_disk)
    with pytest.raises(OSError):
        await room.apply("floor", lambda d, now: next_speaker(d, F, now))
    assert room.dialogue == before and room.dialogue.rounds[0].current_turn is None


ACTIONS = st.sampled_from(["join", "leave", "back", "next", "floor", "spoke", "pass", "end_as_other", "card",
                           "edit_other", "dot", "undot", "close", "override", "open", "rename"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(ACTIONS, st.integers(0, 30), st.text(max_size=60)), max_size=40))
async def test_fuzzed_room_actions_raise_only_refusals_and_stay_saved(tmp_path_factory, steps):
    room = make_room(tmp_path_factory.mktemp("fuzz"), "Anna", "Ben")
    for action, number, text in steps:
        people = [p.id for p in room.dialogue.participants]
        who = people[number % len(people)]
        other = people[(number + 1) % len(people)]
        rnd = next((r for r in room.dialogue.rounds if r.state == "open"), None)
        cards = [c.id for r in room.dialogue.rounds for c in r.cards] or ["c0"]
        card = cards[number % len(cards)]
        speaker = rnd.current_turn.participant_id if rnd and rnd.current_turn else who
        chosen = {
            "join": lambda d, now: join(d, text, ["resident", "other", text][number % 3], now),
            "leave": lambda d, now: mark_left(d, F, who, now),
            "back": lambda d, now: mark_back(d, F, who),
            "next": lambda d, now: next_speaker(d, F, now),
            "floor": lambda d, now: give_floor(d, F, who, now),
            "spoke": lambda d, now: end_turn(d, speaker, Outcome.SPOKE, now),
            "pass": lambda d, now: end_turn(d, F, Outcome.PASSED, now),
            "end_as_other": lambda d, now: end_turn(d, other if other != speaker else "nobody", "passed", now),
            "card": lambda d, now: add_card(d, who, who, text, now),
            "edit_other": lambda d, now: edit_card(d, other, card, text, now),
            "dot": lambda d, now: place_dot(d, who, who, card, now),
            "undot": lambda d, now: remove_dot(d, who, who, card),
            "close": lambda d, now: close_round(d, F, now),
            "override": lambda d, now: close_round(d, F, now, override_reason=text),
            "open": lambda d, now: open_next_round(d, F, now),
            "rename": lambda d, now: rename(d, who, who, name=text),
        }[action]
        try:
            await room.apply(action, chosen, every_round=action in ("close", "override", "open"))
        except DomainError:
            pass
        assert on_disk(room) == room.dialogue
