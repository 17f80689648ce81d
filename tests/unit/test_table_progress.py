"""The dashboard's view of one table: round, floor, not heard yet, time against plan, talk per role."""

from __future__ import annotations

from rounds import FACILITATOR, Outcome, Role
from rounds.events.progress import BEHIND_MINIMUM, table_progress
from rounds.people import join
from rounds.talking_piece import close_round, end_turn, give_floor, open_next_round

from .helpers import Clock, table


def _mixed_table(clock: Clock):
    dialogue, people = table("Anna", "Bram", clock=clock)
    people["Pim"] = join(dialogue, "Pim", Role.PROFESSIONAL, clock.tick())
    return dialogue, people


def test_before_the_first_round_nothing_is_running_or_flagged():
    clock = Clock()
    dialogue, _ = _mixed_table(clock)
    progress = table_progress(dialogue, clock.now)
    assert (progress.round_number, progress.round_open, progress.floor_taken) == (0, False, False)
    assert progress.present == 3 and not progress.behind and progress.roles_not_heard == ()


def test_an_open_round_counts_who_has_the_floor_and_who_was_not_heard_yet():
    clock = Clock()
    dialogue, people = _mixed_table(clock)
    open_next_round(dialogue, FACILITATOR, clock.tick())
    give_floor(dialogue, FACILITATOR, people["Anna"].id, clock.tick())
    progress = table_progress(dialogue, clock.tick(30))
    assert progress.round_number == 1 and progress.round_open and progress.floor_taken
    assert progress.not_heard == 3  # Anna is still speaking: not heard until her turn ends
    end_turn(dialogue, FACILITATOR, Outcome.SPOKE, clock.tick())
    assert table_progress(dialogue, clock.now).not_heard == 2


def test_talk_share_per_role_is_set_against_the_share_of_people():
    clock = Clock()
    dialogue, people = _mixed_table(clock)
    open_next_round(dialogue, FACILITATOR, clock.tick())
    for name, seconds in (("Anna", 60), ("Bram", 60), ("Pim", 120)):
        give_floor(dialogue, FACILITATOR, people[name].id, clock.tick())
        clock.tick(seconds)
        end_turn(dialogue, FACILITATOR, Outcome.SPOKE, clock.now)
    shares = {share.role: share for share in table_progress(dialogue, clock.now).roles}
    assert round(shares[Role.RESIDENT].share_people, 2) == 0.67
    assert round(shares[Role.PROFESSIONAL].share_talk, 2) == 0.5  # 120 of 240 seconds


def test_a_role_nobody_heard_is_flagged_once_a_round_has_closed():
    clock = Clock()
    dialogue, people = _mixed_table(clock)
    open_next_round(dialogue, FACILITATOR, clock.tick())
    for name in ("Anna", "Bram"):
        give_floor(dialogue, FACILITATOR, people[name].id, clock.tick())
        end_turn(dialogue, FACILITATOR, Outcome.SPOKE, clock.tick(30))
    assert table_progress(dialogue, clock.now).roles_not_heard == ()  # the round is still running
    close_round(dialogue, FACILITATOR, clock.tick(), override_reason="Pim moest weg")
    progress = table_progress(dialogue, clock.now)
    assert progress.roles_not_heard == (Role.PROFESSIONAL,)
    assert progress.closed_early


def test_a_table_far_over_its_planned_time_runs_behind():
    clock = Clock()
    dialogue, _ = _mixed_table(clock)
    open_next_round(dialogue, FACILITATOR, clock.tick())
    planned = table_progress(dialogue, clock.now).planned_seconds
    assert planned == 3 * dialogue.rounds[0].speaking_seconds
    assert not table_progress(dialogue, clock.now + planned + BEHIND_MINIMUM - 1).behind
    assert table_progress(dialogue, clock.now + planned + BEHIND_MINIMUM + 1).behind
