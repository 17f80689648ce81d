"""Every command, in random order and with random timing: after each step the file on disk equals memory.

This covers the actions that once were only changed in memory: notes on closed rounds and between
rounds, hiding and unhiding, planning the order, renaming, leaving and coming back, and importing.
"""

from __future__ import annotations

import asyncio
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports import from_json, to_json
from facilitator_app.room import Room, Rooms
from facilitator_app.store import Store
from rounds import FACILITATOR as F
from rounds import DomainError, Outcome
from rounds.people import join

COMMANDS = [
    "join", "add_without_phone", "rename", "leave", "back", "next", "give_floor", "end_spoke", "end_pass",
    "end_as_other", "conversation", "open", "close", "override", "turn_note", "round_notes", "card", "card_for",
    "edit", "delete", "hide", "unhide", "dot", "undot", "dot_for", "plan", "move_in_order", "shuffle",
    "add_round", "remove_round", "move_round", "update_round", "felt_heard", "felt_heard_for", "lock", "unlock",
    "remove", "import", "together",
]


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def pick(items: list, number: int, fallback: str = "x0"):
    return items[number % len(items)] if items else fallback


def command_for(room: Room, rooms: Rooms, name: str, number: int, text: str):
    """One named command with arguments drawn from the dialogue as it is now."""
    d = room.dialogue
    people = [p.id for p in d.participants]
    who, other = pick(people, number), pick(people, number + 1)
    rounds = [r.id for r in d.rounds] or ["r0"]
    rnd = pick(rounds, number)
    turns = [t.id for r in d.rounds for t in r.turns]
    cards = [c.id for r in d.rounds for c in r.cards]
    card = pick(cards, number, "c0")
    role = ["resident", "professional", text][number % 3]
    return {
        "join": lambda: room.join(f"token-{number}", text or "Nieuw", role, consent=number % 2 == 0),
        "add_without_phone": lambda: room.add_person_without_phone(F, text, role),
        "rename": lambda: room.rename(who, who, name=text),
        "leave": lambda: room.mark_left(F, who),
        "back": lambda: room.mark_back(F, who),
        "next": lambda: room.next_speaker(F),
        "give_floor": lambda: room.give_floor(F, who),
        "end_spoke": lambda: room.end_turn(F, Outcome.SPOKE),
        "end_pass": lambda: room.end_turn(who, Outcome.PASSED),
        "end_as_other": lambda: room.end_turn(other, Outcome.SPOKE),
        "conversation": lambda: room.open_conversation(F),
        "open": lambda: room.open_next_round(F),
        "close": lambda: room.close_round(F),
        "override": lambda: room.close_round(F, reason=text or "tijd"),
        "turn_note": lambda: room.set_turn_note(F, pick(turns, number, "t0"), text),
        "round_notes": lambda: room.set_round_notes(F, rnd, text),
        "card": lambda: room.add_card(who, who, text),
        "card_for": lambda: room.add_card(F, who, text),
        "edit": lambda: room.edit_card(who, card, text),
        "delete": lambda: room.delete_card(who, card),
        "hide": lambda: room.set_card_hidden(F, card, True),
        "unhide": lambda: room.set_card_hidden(F, card, False),
        "dot": lambda: room.place_dot(who, who, card),
        "undot": lambda: room.remove_dot(who, who, card),
        "dot_for": lambda: room.place_dot(F, who, card),
        "plan": lambda: room.plan_order(F, rnd, list(reversed(people))),
        "move_in_order": lambda: room.move_in_order(F, rnd, who, 1 if number % 2 else -1),
        "shuffle": lambda: room.shuffle_order(F, rnd, random.Random(number)),
        "add_round": lambda: room.add_round(F, text or "Extra", "Wat wil je nog zeggen?"),
        "remove_round": lambda: room.remove_round(F, rnd),
        "move_round": lambda: room.move_round(F, rnd, number % max(len(d.rounds), 1)),
        "update_round": lambda: room.update_round(F, rnd, question=text or "Vraag", dot_vote=number % 2 == 0),
        "felt_heard": lambda: room.answer_felt_heard(who, who, number % 7, text),  # 0 and 6 are refused
        "felt_heard_for": lambda: room.answer_felt_heard(F, who, 1 + number % 5, text),
        "lock": lambda: room.lock_joining(F, True),
        "unlock": lambda: room.lock_joining(F, False),
        "remove": lambda: room.remove_person(F, who),
    }[name]


def on_disk(store: Store, slug: str):
    return Store(store.data_dir).load(slug)


async def run_step(room: Room, rooms: Rooms, name: str, number: int, text: str) -> None:
    if name == "import":  # the JSON of this dialogue, imported beside it through the same door
        copy = rooms.import_dialogue(from_json(to_json(room.dialogue)))
        assert on_disk(rooms.store, copy.slug) == copy.dialogue
        return
    if name == "together":  # two phones and the console at the same moment: the lock keeps one writer
        names = [COMMANDS[(number + k) % (len(COMMANDS) - 2)] for k in range(3)]
        results = await asyncio.gather(*(command_for(room, rooms, n, number + k, text)() for k, n in
                                         enumerate(names)), return_exceptions=True)
        for result in results:
            if isinstance(result, Exception) and not isinstance(result, DomainError):
                raise result
        return
    try:
        await command_for(room, rooms, name, number, text)()
    except DomainError:
        pass


STEPS = st.lists(st.tuples(st.sampled_from(COMMANDS), st.integers(0, 40), st.text(max_size=40),
                           st.floats(0, 400, allow_nan=False)), min_size=10, max_size=45)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(finished=st.integers(0, 5), steps=STEPS)  # 5: every round closed, so the answers after the end run too
async def test_every_command_leaves_the_file_equal_to_memory(tmp_path_factory, finished, steps):
    store = Store(tmp_path_factory.mktemp("commands"))
    clock = Clock()
    rooms = Rooms(store, clock=clock)
    room = rooms.create(title="Eigenschap", theme="thuis")
    for name in ("Anna", "Ben", "Chris"):
        join(room.dialogue, name, "resident", clock.now)
    store.save(room.dialogue)
    for _ in range(finished):  # start from a dialogue with several finished rounds
        await room.open_next_round(F)
        await room.close_round(F, reason="verder")
    assert on_disk(store, room.slug) == room.dialogue
    for name, number, text, seconds in steps:
        clock.now += seconds
        await run_step(room, rooms, name, number, text)
        assert on_disk(store, room.slug) == room.dialogue, name
