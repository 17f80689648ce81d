"""One story per rule of the talking piece."""

from __future__ import annotations

import random

import pytest

from rounds import FACILITATOR as F
from rounds import DomainError, Outcome, RoundState, SpeakerState, Status
from rounds import errors as e
from rounds.people import join, mark_back, mark_left
from rounds.preparation import plan_round_order, shuffle_round_order
from rounds.talking_piece import (
    close_round,
    end_turn,
    give_floor,
    next_speaker,
    not_heard,
    open_next_round,
    speaker_state,
    start_open_conversation,
)

from .helpers import Clock, order_names, running_table, table


def go_around(dialogue, clock, outcome=Outcome.SPOKE):
    """Everyone present takes a turn with the same outcome."""
    while True:
        try:
            turn = next_speaker(dialogue, F, clock.tick())
        except DomainError as err:
            assert err.code == e.EVERYONE_HEARD
            return
        end_turn(dialogue, turn.participant_id, outcome, clock.tick(30))


# 1. The speaking order
def test_the_first_round_follows_the_seating():
    dialogue, _ = running_table("Anna", "Ben", "Chris")
    assert order_names(dialogue) == ["Anna", "Ben", "Chris"]


def test_each_round_starts_one_seat_further():
    clock = Clock()
    dialogue, _ = running_table("Anna", "Ben", "Chris", clock=clock)
    go_around(dialogue, clock)
    close_round(dialogue, F, clock.tick())
    open_next_round(dialogue, F, clock.tick())
    assert order_names(dialogue, 1) == ["Ben", "Chris", "Anna"]


def test_facilitator_sets_the_seating_order_for_a_round():
    dialogue, people = table("Anna", "Ben", "Chris")
    plan_round_order(dialogue, F, dialogue.rounds[0].id, [people["Chris"].id, people["Anna"].id])
    open_next_round(dialogue, F, 5)
    assert order_names(dialogue) == ["Chris", "Anna", "Ben"]


def test_shuffle_gives_everyone_a_place_once():
    dialogue, _ = table(*"ABCDEFG")
    shuffle_round_order(dialogue, F, dialogue.rounds[0].id, random.Random(4))
    open_next_round(dialogue, F, 5)
    assert sorted(order_names(dialogue)) == list("ABCDEFG")
    assert order_names(dialogue) != list("ABCDEFG")


def test_order_cannot_be_changed_once_the_round_is_open():
    dialogue, people = running_table("Anna", "Ben")
    with pytest.raises(DomainError) as err:
        plan_round_order(dialogue, F, dialogue.rounds[0].id, [people["Ben"].id])
    assert err.value.code == e.ROUND_NOT_PENDING


# 2. One speaker at a time
def test_next_gives_the_floor_in_order():
    dialogue, people = running_table("Anna", "Ben")
    turn = next_speaker(dialogue, F, 10)
    assert turn.participant_id == people["Anna"].id


def test_only_one_person_holds_the_floor():
    dialogue, people = running_table("Anna", "Ben")
    next_speaker(dialogue, F, 10)
    with pytest.raises(DomainError) as err:
        give_floor(dialogue, F, people["Ben"].id, 11)
    assert err.value.code == e.SOMEONE_SPEAKING and err.value.names == ("Anna",)


def test_facilitator_gives_the_floor_out_of_order_to_someone_waiting():
    dialogue, people = running_table("Anna", "Ben", "Chris")
    turn = give_floor(dialogue, F, people["Chris"].id, 10)
    assert turn.participant_id == people["Chris"].id
    end_turn(dialogue, F, Outcome.SPOKE, 20)
    assert next_speaker(dialogue, F, 21).participant_id == people["Anna"].id


def test_nobody_speaks_twice_while_someone_is_waiting():
    dialogue, people = running_table("Anna", "Ben", "Chris")
    next_speaker(dialogue, F, 10)
    end_turn(dialogue, F, Outcome.SPOKE, 20)
    with pytest.raises(DomainError) as err:
        give_floor(dialogue, F, people["Anna"].id, 21)
    assert err.value.code == e.ALREADY_HAD_TURN
    assert err.value.names == ("Anna",)
    assert err.value.details["waiting"] == ["Ben", "Chris"]


def test_only_the_facilitator_gives_the_floor():
    dialogue, people = running_table("Anna", "Ben")
    with pytest.raises(DomainError) as err:
        next_speaker(dialogue, people["Anna"].id, 10)
    assert err.value.code == e.NOT_FACILITATOR


# 3. How a turn ends
def test_the_speaker_ends_their_own_turn():
    dialogue, people = running_table("Anna", "Ben")
    next_speaker(dialogue, F, 10)
    turn = end_turn(dialogue, people["Anna"].id, Outcome.SPOKE, 40)
    assert (turn.outcome, turn.ended_at, turn.ended_by_facilitator) == (Outcome.SPOKE, 40, False)


def test_someone_else_cannot_end_my_turn():
    dialogue, people = running_table("Anna", "Ben")
    next_speaker(dialogue, F, 10)
    with pytest.raises(DomainError) as err:
        end_turn(dialogue, people["Ben"].id, Outcome.PASSED, 12)
    assert err.value.code == e.NOT_YOUR_TURN
    assert dialogue.rounds[0].current_turn.participant_id == people["Anna"].id


def test_someone_who_passed_is_asked_again():
    clock = Clock()
    dialogue, people = running_table("Anna", "Ben", "Chris", clock=clock)
    next_speaker(dialogue, F, clock.tick())
    end_turn(dialogue, people["Anna"].id, Outcome.PASSED, clock.tick())
    rnd = dialogue.rounds[0]
    assert speaker_state(dialogue, rnd, people["Anna"].id) == SpeakerState.PASSED
    for name in ("Ben", "Chris"):
        assert next_speaker(dialogue, F, clock.tick()).participant_id == people[name].id
        end_turn(dialogue, F, Outcome.SPOKE, clock.tick())
    again = next_speaker(dialogue, F, clock.tick())
    assert again.participant_id == people["Anna"].id
    assert speaker_state(dialogue, rnd, people["Anna"].id) == SpeakerState.ASKED_AGAIN


def test_a_second_pass_is_final():
    clock = Clock()
    dialogue, people = running_table("Anna", clock=clock)
    go_around(dialogue, clock, Outcome.PASSED)
    rnd = dialogue.rounds[0]
    assert speaker_state(dialogue, rnd, people["Anna"].id) == SpeakerState.PASSED_FINAL
    assert sum(1 for t in rnd.turns if t.participant_id == people["Anna"].id) == 2
    close_round(dialogue, F, clock.tick())
    assert rnd.state == RoundState.CLOSED


# 4. Late arrivals and people who leave
def test_late_joiner_gets_a_turn():
    clock = Clock()
    dialogue, people = running_table("Anna", "Ben", clock=clock)
    go_around(dialogue, clock)
    dana = join(dialogue, "Dana", "municipality", clock.tick())
    assert order_names(dialogue)[-1] == "Dana"
    with pytest.raises(DomainError) as err:
        close_round(dialogue, F, clock.tick())
    assert err.value.names == ("Dana",)
    assert next_speaker(dialogue, F, clock.tick()).participant_id == dana.id


def test_someone_who_left_does_not_block_the_round():
    clock = Clock()
    dialogue, people = running_table("Anna", "Ben", clock=clock)
    next_speaker(dialogue, F, clock.tick())
    end_turn(dialogue, F, Outcome.SPOKE, clock.tick())
    mark_left(dialogue, F, people["Ben"].id, clock.tick())
    assert not_heard(dialogue, dialogue.rounds[0]) == []
    close_round(dialogue, F, clock.tick())


def test_leaving_while_speaking_ends_the_turn():
    dialogue, people = running_table("Anna", "Ben")
    next_speaker(dialogue, F, 10)
    mark_left(dialogue, F, people["Anna"].id, 25)
    turn = dialogue.rounds[0].turns[0]
    assert turn.ended_at == 25 and dialogue.rounds[0].current_turn is None


def test_someone_who_comes_back_rejoins_at_the_end():
    dialogue, people = running_table("Anna", "Ben", "Chris")
    mark_left(dialogue, F, people["Anna"].id, 5)
    assert next_speaker(dialogue, F, 6).participant_id == people["Ben"].id
    mark_back(dialogue, F, people["Anna"].id)
    assert order_names(dialogue) == ["Ben", "Chris", "Anna"]


# 5. Closing a round
def test_closing_early_is_refused_and_names_who_waits():
    dialogue, people = running_table("Anna", "Ben", "Chris")
    next_speaker(dialogue, F, 10)
    end_turn(dialogue, F, Outcome.SPOKE, 20)
    with pytest.raises(DomainError) as err:
        close_round(dialogue, F, 21)
    assert err.value.code == e.NOT_EVERYONE_HEARD and err.value.names == ("Ben", "Chris")
    assert dialogue.rounds[0].state == RoundState.OPEN


def test_closing_early_needs_a_reason():
    dialogue, _ = running_table("Anna", "Ben")
    with pytest.raises(DomainError) as err:
        close_round(dialogue, F, 21, override_reason="   ")
    assert err.value.code == e.REASON_REQUIRED
    assert dialogue.rounds[0].state == RoundState.OPEN


def test_override_records_who_was_not_heard():
    dialogue, people = running_table("Anna", "Ben", "Chris")
    next_speaker(dialogue, F, 10)
    rnd = close_round(dialogue, F, 30, override_reason="De tijd is op")
    assert rnd.override.reason == "De tijd is op"
    assert rnd.override.not_heard == [people["Ben"].id, people["Chris"].id]
    assert rnd.turns[0].outcome == Outcome.SPOKE and rnd.turns[0].ended_at == 30


# 6. Open conversation
def test_open_conversation_only_after_the_go_around():
    clock = Clock()
    dialogue, people = running_table("Anna", "Ben", clock=clock)
    with pytest.raises(DomainError) as err:
        start_open_conversation(dialogue, F)
    assert err.value.code == e.GO_AROUND_NOT_COMPLETE
    go_around(dialogue, clock)
    start_open_conversation(dialogue, F)
    turn = give_floor(dialogue, F, people["Anna"].id, clock.tick())
    assert turn.open_conversation
    end_turn(dialogue, F, Outcome.SPOKE, clock.tick(45))
    assert len(dialogue.rounds[0].turns) == 3


# 7. Speaking time
def test_going_over_time_is_recorded_but_never_cuts_off():
    clock = Clock()
    dialogue, people = running_table("Anna", clock=clock)
    next_speaker(dialogue, F, clock.tick())
    clock.tick(500)
    assert dialogue.rounds[0].current_turn is not None
    turn = end_turn(dialogue, people["Anna"].id, Outcome.SPOKE, clock.now)
    assert turn.over_time and turn.ended_at - turn.started_at == 500


def test_a_turn_within_time_is_not_over():
    dialogue, _ = running_table("Anna")
    next_speaker(dialogue, F, 10)
    assert not end_turn(dialogue, F, Outcome.SPOKE, 60).over_time


# 8. Round and dialogue order
def test_next_round_waits_for_the_current_to_close():
    dialogue, _ = running_table("Anna")
    with pytest.raises(DomainError) as err:
        open_next_round(dialogue, F, 10)
    assert err.value.code == e.ROUND_STILL_OPEN


def test_closing_the_last_round_finishes_the_dialogue():
    clock = Clock()
    dialogue, _ = running_table("Anna", clock=clock)
    for index in range(len(dialogue.rounds)):
        if index:
            open_next_round(dialogue, F, clock.tick())
        go_around(dialogue, clock)
        close_round(dialogue, F, clock.tick())
    assert dialogue.status == Status.FINISHED
    with pytest.raises(DomainError) as err:
        open_next_round(dialogue, F, clock.tick())
    assert err.value.code == e.DIALOGUE_FINISHED
