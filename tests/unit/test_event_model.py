"""The event record: tables added and cancelled until the day starts, keys and links, and a full check."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rounds import DomainError, Role
from rounds.events.integrity import check_event, event_from_json
from rounds.events.model import Event, SignUp, TableStatus
from rounds.events.serialize import event_from_dict, event_to_dict
from rounds.events.tables import (
    add_people,
    add_table,
    cancel_table,
    link_dialogue,
    new_event,
    set_host_key_hash,
    set_organiser_key_hash,
    set_table_limits,
    start_event,
    unseated,
)
from rounds.integrity import IntegrityProblem
from rounds.seating import add_walk_in, move_person, seat_event
from rounds.signups import parse_signups

SIGNUPS = ("naam;rol;samen met;niet samen met\n"
           "Anna;bewoner;Ben;\nBen;bewoner;;\nChris;gemeente;;Anna\nDaan;professional;;\n"
           "Eva;bewoner;;\nFenna;zorg/welzijn;;\nGijs;bewoner;;\nHanna;ondernemer;;\n")


def _refused(code: str, action: Callable[[], object], event: Event) -> None:
    """The action is refused with `code`, and the event is exactly as it was."""
    before = copy.deepcopy(event_to_dict(event))
    with pytest.raises(DomainError) as refused:
        action()
    assert refused.value.code == code
    assert event_to_dict(event) == before


def _full_event() -> Event:
    """An event as the app makes it: places, tables, people seated, a walk-in, keys, a cancelled table."""
    event = new_event(slug="dag-2025", title="Dag van de Dialoog", now=1_000.0, tables=3, theme="thuis",
                      date="2025-10-31", places=["Buurthuis Noord", "Bibliotheek"], min_per_table=2,
                      max_per_table=4)
    imported = parse_signups(SIGNUPS, next_id=event.next_id)
    add_people(event, imported.signups)
    extra = add_table(event, name="Tafel bij het raam", place="Bibliotheek")
    cancel_table(event, event.tables[2].id)
    seat_event(event, random.Random(7))
    link_dialogue(event, event.tables[0].id, "dag-2025-t1")
    set_host_key_hash(event, extra.id, "sha256$abc$" + "f" * 64)
    set_organiser_key_hash(event, "0123abcd" * 8)
    start_event(event, 2_000.0)
    add_walk_in(event, "Ilse", "bewoner", has_phone=False)
    return event


def test_a_new_event_has_numbered_tables_in_its_language() -> None:
    event = new_event(slug="dag", title="  Dag van de Dialoog ", now=0, tables=3)
    assert [t.name for t in event.tables] == ["Tafel 1", "Tafel 2", "Tafel 3"]
    assert [t.id for t in event.tables] == ["t1", "t2", "t3"] and event.next_id == 4
    assert event.title == "Dag van de Dialoog" and not event.started
    assert all(t.status == TableStatus.PLANNED and t.dialogue_slug == "" for t in event.tables)
    english = new_event(slug="day", title="Day of Dialogue", now=0, tables=1, language="en")
    assert english.tables[0].name == "Table 1"


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"slug": "../etc"}, "invalid_value"), ({"title": " "}, "name_empty"), ({"tables": 251}, "too_many_tables"),
    ({"language": "fr"}, "invalid_value"), ({"min_per_table": 9}, "table_limits"),
    ({"max_per_table": 41}, "table_limits"), ({"places": ["\x07"]}, "name_control_chars"),
])
def test_a_new_event_with_bad_input_is_refused_by_name(kwargs: dict[str, Any], code: str) -> None:
    with pytest.raises(DomainError) as refused:
        new_event(**{"slug": "dag", "title": "Dag", "now": 0, "tables": 2, **kwargs})
    assert refused.value.code == code


def test_tables_are_added_and_cancelled_until_the_day_starts() -> None:
    event = new_event(slug="dag", title="Dag", now=0, tables=2, places=["Noord"])
    event.people.append(SignUp(id="p9", name="Anna", role=Role.RESIDENT))
    event.next_id = 10
    event.tables[1].seats = ["p9"]
    assert cancel_table(event, event.tables[1].id) == ["p9"]  # who sat there is handed back to be reseated
    assert event.tables[1].status == TableStatus.CANCELLED and [p.name for p in unseated(event)] == ["Anna"]
    third = add_table(event, place="Noord")
    assert (third.id, third.name, third.place) == ("t10", "Tafel 3", "Noord")  # a cancelled name is not reused
    _refused("table_cancelled", lambda: cancel_table(event, event.tables[1].id), event)
    _refused("table_name_taken", lambda: add_table(event, name="tafel 1"), event)
    _refused("unknown_place", lambda: add_table(event, place="Zuid"), event)
    _refused("unknown_table", lambda: cancel_table(event, "t99"), event)
    start_event(event, 50)
    start_event(event, 60)
    assert event.started_at == 50
    _refused("event_started", lambda: add_table(event), event)
    _refused("event_started", lambda: cancel_table(event, third.id), event)


def test_a_table_gets_its_dialogue_once_and_host_keys_can_be_revoked() -> None:
    event = new_event(slug="dag", title="Dag", now=0, tables=2)
    first, second = event.tables
    link_dialogue(event, first.id, "dag-t1")
    link_dialogue(event, first.id, "dag-t1")  # the same link again is harmless
    _refused("table_has_dialogue", lambda: link_dialogue(event, first.id, "dag-t9"), event)
    _refused("slug_taken", lambda: link_dialogue(event, second.id, "dag-t1"), event)
    _refused("invalid_value", lambda: link_dialogue(event, second.id, "../dag"), event)
    set_host_key_hash(event, first.id, "a" * 64)
    set_host_key_hash(event, first.id, "")
    assert first.host_key_hash == ""
    _refused("invalid_value", lambda: set_host_key_hash(event, first.id, "no spaces"), event)
    cancel_table(event, second.id)
    _refused("table_cancelled", lambda: set_host_key_hash(event, second.id, "b" * 64), event)


def test_table_limits_cannot_leave_anyone_above_the_maximum() -> None:
    event = _full_event()
    crowded = max(event.tables, key=lambda t: len(t.seats))
    _refused("table_limits", lambda: set_table_limits(event, 1, len(crowded.seats) - 1), event)
    _refused("table_limits", lambda: set_table_limits(event, 5, 4), event)
    set_table_limits(event, 1, 6)
    assert (event.min_per_table, event.max_per_table) == (1, 6)


def test_people_with_ids_that_clash_or_wishes_that_point_nowhere_are_refused() -> None:
    event = new_event(slug="dag", title="Dag", now=0, tables=1)
    add_people(event, [SignUp(id="p5", name="Anna", role=Role.RESIDENT)])
    assert event.next_id == 6
    _refused("invalid_value", lambda: add_people(event, [SignUp(id="p5", name="Ben", role=Role.RESIDENT)]), event)
    stray = SignUp(id="p6", name="Ben", role=Role.RESIDENT, together=["p77"])
    _refused("unknown_person", lambda: add_people(event, [stray]), event)


def test_the_events_the_app_makes_pass_the_check_and_survive_json() -> None:
    event = _full_event()
    check_event(event)
    text = json.dumps(event_to_dict(event))
    again = event_from_json(text)
    assert again == event
    assert event_from_json(text.encode()) == event
    assert event_from_dict(event_to_dict(event)).started


def _damage(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    data = copy.deepcopy(event_to_dict(_full_event()))
    change(data)
    return data


DAMAGE: list[tuple[str, Callable[[dict[str, Any]], object]]] = [
    ("not finite: created_at", lambda d: d.update(created_at=float("nan"))),
    ("not finite: started_at", lambda d: d.update(started_at=float("inf"))),
    ("text too long: title", lambda d: d.update(title="x" * 121)),
    ("control character: theme", lambda d: d.update(theme="a\x1bb")),
    ("slug format", lambda d: d.update(slug="../../etc/passwd")),
    ("out of range: max_per_table", lambda d: d.update(max_per_table=1)),
    ("not a whole number: min_per_table", lambda d: d.update(min_per_table=True)),
    ("key hash format: organiser_key_hash", lambda d: d.update(organiser_key_hash="<script>")),
    ("duplicate table id", lambda d: d["tables"][1].update(id=d["tables"][0]["id"])),
    ("duplicate table name", lambda d: d["tables"][1].update(name=d["tables"][0]["name"].upper())),
    ("unknown place", lambda d: d["tables"][0].update(place="Elders")),
    ("unknown person id in tables[0].seats", lambda d: d["tables"][0]["seats"].append("p999")),
    ("seated twice", lambda d: d["tables"][1]["seats"].append(d["tables"][0]["seats"][0])),
    ("people or a host link at a cancelled table",
     lambda d: d["tables"][2].update(seats=[d["tables"][0]["seats"].pop()])),
    ("people or a host link at a cancelled table", lambda d: d["tables"][2].update(host_key_hash="ab" * 32)),
    ("more than the maximum", lambda d: d.update(max_per_table=2, min_per_table=1)),
    ("dialogue of two tables", lambda d: d["tables"][1].update(dialogue_slug=d["tables"][0]["dialogue_slug"])),
    ("malformed event: ValueError", lambda d: d["tables"][0].update(status="maybe")),
    ("unknown person id in people[0].together", lambda d: d["people"][0]["together"].append("p999")),
    ("wish for oneself or twice", lambda d: d["people"][1]["apart"].append(d["people"][1]["id"])),
    ("together and apart with the same person", lambda d: d["people"][0]["apart"].extend(d["people"][0]["together"])),
    ("text too long: people[0].name", lambda d: d["people"][0].update(name="x" * 41)),
    ("language format", lambda d: d["people"][0].update(language="nederlands")),
    ("not a boolean: people[0].has_phone", lambda d: d["people"][0].update(has_phone="yes")),
    ("duplicate person id", lambda d: d["people"][1].update(id=d["people"][0]["id"])),
    ("next_id not above every id used", lambda d: d.update(next_id=3)),
    ("duplicate place", lambda d: d["places"].append("buurthuis noord")),
]


@pytest.mark.parametrize(("reason", "change"), DAMAGE)
def test_a_damaged_event_is_refused_by_name(reason: str, change: Callable[[dict[str, Any]], object]) -> None:
    data = _damage(change)
    with pytest.raises(IntegrityProblem) as problem:
        event_from_json(json.dumps(data))
    assert reason in problem.value.reason


@pytest.mark.parametrize("raw", [
    "[]", "{}", '{"slug": "x"}', "not json", '{"slug": "x", "title": "t", "created_at": 0, "hack": 1}',
    "[" * 10_000 + "]" * 10_000,
])
def test_text_that_is_no_event_at_all_is_one_integrity_problem(raw: str) -> None:
    with pytest.raises(IntegrityProblem):
        event_from_json(raw)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 8), max_size=40), st.randoms(use_true_random=False))
def test_any_sequence_of_organiser_actions_keeps_the_record_sound(steps: list[int], rng: Any) -> None:
    event = new_event(slug="dag", title="Dag", now=0, tables=2, min_per_table=2, max_per_table=3)
    add_people(event, parse_signups(SIGNUPS, next_id=event.next_id).signups)

    def some_table() -> str:
        return rng.choice([t.id for t in event.tables] + ["t999"])

    actions: list[Callable[[], object]] = [
        lambda: add_table(event),
        lambda: cancel_table(event, some_table()),
        lambda: seat_event(event, rng),
        lambda: move_person(event, rng.choice([p.id for p in event.people]), some_table()),
        lambda: add_walk_in(event, rng.choice(["Iris", " ", "Jan"]), rng.choice(list(Role))),
        lambda: start_event(event, 100),
        lambda: set_host_key_hash(event, some_table(), rng.choice(["", "ab" * 32, "bad key"])),
        lambda: link_dialogue(event, some_table(), f"dag-{rng.randint(1, 3)}"),
        lambda: set_table_limits(event, rng.randint(1, 4), rng.randint(1, 5)),
    ]
    for step in steps:
        try:
            actions[step]()
        except DomainError:
            pass
        check_event(event)
    assert event_from_json(json.dumps(event_to_dict(event))) == event
