"""Seating an event, moving people and seating walk-ins: the stories. Properties: test_seating_properties.py."""

from __future__ import annotations

import random

import pytest

from rounds import DomainError, Role
from rounds.events.model import Event, SignUp
from rounds.events.tables import add_people, cancel_table, new_event, start_event, table_of
from rounds.seating import (
    SPLIT,
    TOGETHER,
    UnmetWish,
    add_walk_in,
    move_person,
    plan_seating,
    seat_event,
    seating_report,
)


def _people(roles: list[Role]) -> list[SignUp]:
    return [SignUp(id=f"p{i}", name=f"Person {i}", role=role) for i, role in enumerate(roles)]


def test_a_seed_gives_one_seating_and_another_seed_may_give_another() -> None:
    people = _people([Role.RESIDENT] * 12 + [Role.PROFESSIONAL] * 4)
    plans = [plan_seating(people, ["a", "b"], min_per_table=6, max_per_table=8, rng=random.Random(s))
             for s in (1, 1, 2, 3, 4)]
    assert plans[0] == plans[1]
    assert any(plan.tables != plans[0].tables for plan in plans[2:])


def test_too_few_people_for_every_table_leaves_the_last_tables_empty_and_reported() -> None:
    people = _people([Role.RESIDENT, Role.PROFESSIONAL] * 7)  # 14 people, 3 tables of at least 6
    seating = plan_seating(people, ["a", "b", "c"], min_per_table=6, max_per_table=8, rng=random.Random(0))
    assert [len(seating.tables[t]) for t in "abc"] == [7, 7, 0]
    assert seating.below_minimum == ["c"]


def test_a_wish_that_cannot_be_kept_is_reported_by_name() -> None:
    people = _people([Role.RESIDENT] * 4)
    for person in people:  # four people who all want to sit together, at tables of at most three
        person.together = [p.id for p in people if p is not person]
    seating = plan_seating(people, ["a", "b"], min_per_table=1, max_per_table=3, rng=random.Random(0))
    assert all(len(s) <= 3 for s in seating.tables.values())
    assert {w.reason for w in seating.unmet} == {SPLIT}
    assert len(seating.unmet) == 3  # the one person at the other table misses three companions


def _event(roles: list[Role], tables: int = 2, low: int = 2, high: int = 3) -> Event:
    event = new_event(slug="dag", title="Dag van de Dialoog", now=0, tables=tables, min_per_table=low,
                      max_per_table=high)
    add_people(event, _people(roles))
    return event


def test_seat_event_writes_the_seats_and_refuses_once_the_day_started() -> None:
    event = _event([Role.RESIDENT, Role.PROFESSIONAL] * 3)
    seating = seat_event(event, random.Random(3))
    assert {t.id: t.seats for t in event.tables} == seating.tables
    assert seating_report(event) == seating
    start_event(event, 10)
    with pytest.raises(DomainError) as refused:
        seat_event(event, random.Random(3))
    assert refused.value.code == "event_started"
    assert {t.id: t.seats for t in event.tables} == seating.tables


def test_moving_to_a_full_table_is_refused_and_nothing_changes() -> None:
    event = _event([Role.RESIDENT, Role.PROFESSIONAL] * 3)
    seat_event(event, random.Random(1))
    first, second = event.tables
    before = [list(first.seats), list(second.seats)]
    with pytest.raises(DomainError) as refused:
        move_person(event, first.seats[0], second.id)
    assert refused.value.code == "table_full" and refused.value.names == (second.name,)
    assert [first.seats, second.seats] == before
    mover = first.seats[0]
    second.seats.pop()  # someone went home: now there is room
    assert move_person(event, mover, second.id) is second
    assert table_of(event, mover) is second and mover not in first.seats


def test_moving_someone_to_their_own_table_or_a_cancelled_one_is_refused() -> None:
    event = _event([Role.RESIDENT, Role.PROFESSIONAL] * 2, tables=3)
    seat_event(event, random.Random(1))
    seated = event.tables[0].seats[0]
    with pytest.raises(DomainError) as own:
        move_person(event, seated, event.tables[0].id)
    assert own.value.code == "already_at_table"
    cancel_table(event, event.tables[2].id)
    with pytest.raises(DomainError) as cancelled:
        move_person(event, seated, event.tables[2].id)
    assert cancelled.value.code == "table_cancelled"
    with pytest.raises(DomainError) as unknown:
        move_person(event, "p999", event.tables[1].id)
    assert unknown.value.code == "unknown_person"


def test_a_walk_in_goes_where_their_role_is_missing_and_never_to_a_full_table() -> None:
    event = _event([Role.RESIDENT, Role.PROFESSIONAL, Role.RESIDENT, Role.RESIDENT, Role.RESIDENT], tables=3,
                   high=4)
    small, large, empty = event.tables
    small.seats, large.seats = ["p0", "p1"], ["p2", "p3", "p4"]  # the larger table has no professional yet
    person, table = add_walk_in(event, "Wendy", "gemeente")
    assert table is large and person.walk_in and person.role == Role.MUNICIPALITY
    assert large.seats[-1] == person.id and event.people[-1] is person
    assert add_walk_in(event, "Xander", Role.RESIDENT)[1] is small  # a table with people before an empty one
    assert add_walk_in(event, "Yara", "bewoner")[1] is small
    assert add_walk_in(event, "Zeno", "professional")[1] is empty  # only the empty table has room now
    assert all(add_walk_in(event, name, Role.RESIDENT)[1] is empty for name in ("Ali", "Bo", "Cem"))
    with pytest.raises(DomainError) as full:
        add_walk_in(event, "Dewi", Role.RESIDENT)
    assert full.value.code == "no_table_with_room"
    assert len(event.people) == 5 + 7 and all(len(t.seats) == 4 for t in event.tables)


def test_a_walk_in_with_a_bad_name_or_role_changes_nothing() -> None:
    event = _event([Role.RESIDENT])
    for name, role in (("   ", Role.RESIDENT), ("Zoë", "astronaut")):
        with pytest.raises(DomainError):
            add_walk_in(event, name, role)
    assert len(event.people) == 1 and all(not t.seats for t in event.tables)


def test_mixing_roles_comes_before_a_together_wish_and_the_broken_wish_is_reported() -> None:
    people = _people([Role.RESIDENT, Role.PROFESSIONAL, Role.RESIDENT, Role.PROFESSIONAL])
    people[0].together = ["p2"]  # two residents together would leave a table without one
    people[0].apart = ["p1"]
    people[2].apart = ["p3"]
    seating = plan_seating(people, ["a", "b"], min_per_table=2, max_per_table=2, rng=random.Random(0))
    assert seating.without_professional == [] and seating.without_resident == []
    assert seating.unmet == [UnmetWish(TOGETHER, "p0", "p2", SPLIT)]


@pytest.mark.parametrize(("low", "high"), [(0, 4), (5, 4), (3, 0)])
def test_impossible_table_limits_are_refused(low: int, high: int) -> None:
    with pytest.raises(DomainError) as refused:
        plan_seating(_people([Role.RESIDENT]), ["a"], min_per_table=low, max_per_table=high, rng=random.Random(0))
    assert refused.value.code == "table_limits"
