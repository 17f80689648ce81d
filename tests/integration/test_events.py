"""The event service: creating an event with its tables, keys and host links, sign-ups, the start, the wall."""

from __future__ import annotations

import itertools

import pytest

from facilitator_app.events import ORGANISER, EventChanged, Events, EventStore, SignupsRefused
from facilitator_app.events.keys import current_key, key_matches
from facilitator_app.events.wall_commands import voter_id
from facilitator_app.room import Rooms
from facilitator_app.store import Store
from rounds import FACILITATOR, CardKind, DomainError, Role
from rounds import errors as e
from rounds.events.wall import cards_in

SIGNUPS = (
    "naam;rol;geen telefoon\n"
    "Anna;bewoner;nee\nBram;bewoner;nee\nChris;bewoner;ja\nDirk;professional;nee\n"
    "Eva;bewoner;nee\nFatima;gemeente;nee\nGerrit;bewoner;ja\nHenk;bewoner;nee\n"
)


def make_events(tmp_path, secret: str = "s3cret") -> Events:
    ticks = itertools.count(1_000)
    store = Store(tmp_path)
    return Events(EventStore(tmp_path), Rooms(store, clock=lambda: float(next(ticks))), secret)


async def test_an_event_makes_a_dialogue_and_a_host_link_per_table_and_survives_a_restart(tmp_path):
    events = make_events(tmp_path)
    made = await events.create(title="Dag van de Dialoog Kersenbuurt", tables=3, theme="Samen leven",
                               signups=SIGNUPS.encode(), seed=1)
    hall = made.hall
    slugs = [t.dialogue_slug for t in hall.event.tables]
    assert len(set(slugs)) == 3 and all(Store(tmp_path).exists(s) for s in slugs)
    assert key_matches(hall.event.organiser_key_hash, made.organiser_key)
    assert all(key_matches(t.host_key_hash, hall.host_key(t)) for t in hall.event.tables)
    assert len({hall.host_key(t) for t in hall.event.tables}) == 3  # one key per table
    assert sum(len(t.seats) for t in hall.event.tables) == 8
    again = make_events(tmp_path).get(hall.slug)  # a fresh app on the same folder
    assert [t.seats for t in again.event.tables] == [t.seats for t in hall.event.tables]
    assert again.organiser_key() == made.organiser_key


async def test_a_sign_up_list_with_a_bad_line_makes_nothing_at_all(tmp_path):
    events = make_events(tmp_path)
    with pytest.raises(SignupsRefused) as refused:
        await events.create(title="Dag", tables=2, signups=b"naam;rol\nAnna;bewoner\nBram;koning\n")
    assert [(p.line, p.code) for p in refused.value.result.problems] == [(3, "role_unknown")]
    assert events.store.slugs() == [] and Store(tmp_path).slugs() == []


async def test_a_new_host_link_replaces_the_old_one_and_a_revoked_one_never_comes_back(tmp_path):
    events = make_events(tmp_path)
    hall = (await events.create(title="Dag", tables=2)).hall
    table = hall.event.tables[0]
    first = hall.host_key(table)
    second = await hall.new_host_link(ORGANISER, table.id)
    assert second != first and not key_matches(table.host_key_hash, first)
    await hall.revoke_host_link(ORGANISER, table.id)
    assert hall.host_key(table) is None and not key_matches(table.host_key_hash, second)
    third = await hall.new_host_link(ORGANISER, table.id)
    assert third not in (first, second)
    assert events.grant_works(f"{hall.slug}/{table.id}", third)
    assert not events.grant_works(f"{hall.slug}/{hall.event.tables[1].id}", third)  # not another table
    assert current_key("another laptop", hall.slug, table.host_key_hash, table.id) is None


async def test_only_the_organiser_changes_an_event(tmp_path):
    hall = (await make_events(tmp_path).create(title="Dag", tables=1)).hall
    with pytest.raises(DomainError) as refused:
        await hall.add_table("p1")
    assert refused.value.code == e.NOT_FACILITATOR and len(hall.event.tables) == 1


async def test_the_start_seats_the_people_without_a_phone_in_their_tables_dialogue(tmp_path):
    events = make_events(tmp_path)
    hall = (await events.create(title="Dag", tables=2, signups=SIGNUPS.encode(), seed=3)).hall
    await hall.start(ORGANISER)
    await hall.start(ORGANISER)  # twice: nobody is added twice
    in_dialogues = sorted(p.name for t in hall.event.tables for p in hall.table_room(t).dialogue.participants)
    assert in_dialogues == ["Chris", "Gerrit"]
    with pytest.raises(DomainError):  # the tables are fixed now
        await hall.add_table(ORGANISER)


async def test_the_wall_takes_only_a_tables_real_dreams_and_dots_from_its_people(tmp_path):
    events = make_events(tmp_path)
    hall = (await events.create(title="Dag", tables=2)).hall
    table = hall.event.tables[0]
    room = hall.table_room(table)
    anna = await room.join("token-a", "Anna", Role.RESIDENT)
    await room.open_next_round(FACILITATOR)
    dream_round = next(r for r in room.dialogue.rounds if r.card_kind == CardKind.DREAM)
    while room.dialogue.rounds.index(dream_round) > [r.state for r in room.dialogue.rounds].index("open"):
        await room.close_round(FACILITATOR, reason="kort")
        await room.open_next_round(FACILITATOR)
    card = await room.add_card(anna.id, anna.id, "Een moestuin voor iedereen")
    theme = await hall.add_theme(ORGANISER, "Groen")
    with pytest.raises(DomainError):
        await hall.group_card(ORGANISER, table.id, "c999", theme.id)
    changes = []
    hall.changed.subscribe(changes.append)
    await hall.group_card(ORGANISER, table.id, card.id, theme.id)
    assert cards_in(hall.wall)[theme.id] == [(table.id, card.id)]
    await hall.open_voting(ORGANISER, 2)
    assert await hall.place_wall_dot(voter_id(table.id, anna.id), theme.id) == 1
    with pytest.raises(DomainError):
        await hall.place_wall_dot(voter_id(table.id, "p999"), theme.id)
    assert [c.kind for c in changes] == [EventChanged.WALL, EventChanged.VOTES, EventChanged.VOTES]
    assert make_events(tmp_path).get(hall.slug).wall.dots[0].role == Role.RESIDENT  # on disk


async def test_after_the_start_someone_without_a_phone_moves_in_the_dialogues_too(tmp_path):
    events = make_events(tmp_path)
    hall = (await events.create(title="Dag", tables=2, signups=SIGNUPS.encode(), seed=3)).hall
    await hall.start(ORGANISER)
    chris = next(p for p in hall.event.people if p.name == "Chris")
    old = next(t for t in hall.event.tables if chris.id in t.seats)
    new = next(t for t in hall.event.tables if t is not old)
    await hall.move_person(ORGANISER, chris.id, new.id)
    at_old = [p for p in hall.table_room(old).dialogue.participants if p.name == "Chris"]
    at_new = [p for p in hall.table_room(new).dialogue.participants if p.name == "Chris"]
    assert [p.present for p in at_old] == [False] and [p.present for p in at_new] == [True]
