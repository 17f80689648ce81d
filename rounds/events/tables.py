"""Creating an event and changing its tables and people. Every refusal is a DomainError; nothing changes then.

Seating (who sits where, moves, walk-ins) lives in rounds/seating.py; this module keeps the tables themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .. import errors as e
from ..errors import DomainError
from ..model import MAX_TITLE_CHARS
from ..templates import LANGUAGES
from ..text import clean_name, clean_text, look_alike_key
from .model import (
    DEFAULT_MAX_PER_TABLE,
    DEFAULT_MIN_PER_TABLE,
    EVENT_STARTED,
    MAX_EVENT_DATE_CHARS,
    MAX_EVENT_PEOPLE,
    MAX_EVENT_PLACE_CHARS,
    MAX_EVENT_THEME_CHARS,
    MAX_KEY_HASH_CHARS,
    MAX_PLACES,
    MAX_SEATS_PER_TABLE,
    MAX_TABLE_NAME_CHARS,
    MAX_TABLES,
    SLUG_TAKEN,
    TABLE_CANCELLED,
    TABLE_HAS_DIALOGUE,
    TABLE_LIMITS,
    TABLE_NAME_TAKEN,
    TOO_MANY_PEOPLE,
    TOO_MANY_TABLES,
    UNKNOWN_PERSON,
    UNKNOWN_PLACE,
    UNKNOWN_TABLE,
    Event,
    EventTable,
    SignUp,
    TableStatus,
)

SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")  # the store's file name: no dots, no slashes
KEY_HASH = re.compile(rf"[A-Za-z0-9$:._+/=-]{{0,{MAX_KEY_HASH_CHARS}}}")  # hex, base64 or "algo$salt$hash"
_TABLE_WORD = {"nl": "Tafel", "en": "Table"}  # the default name printed on a table tent


def _require_not_started(event: Event) -> None:
    if event.started:
        raise DomainError(EVENT_STARTED)


def _require_slug(slug: str) -> None:
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        raise DomainError(e.INVALID_VALUE, field="slug")


def _limits(min_per_table: int, max_per_table: int) -> None:
    for value in (min_per_table, max_per_table):
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_SEATS_PER_TABLE:
            raise DomainError(TABLE_LIMITS, limit=MAX_SEATS_PER_TABLE)
    if min_per_table > max_per_table:
        raise DomainError(TABLE_LIMITS, limit=MAX_SEATS_PER_TABLE)


def _clean_places(places: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    for raw in places:
        place = clean_name(raw, MAX_EVENT_PLACE_CHARS)
        if look_alike_key(place) not in {look_alike_key(p) for p in cleaned}:
            cleaned.append(place)  # the same venue typed twice is one venue
    if len(cleaned) > MAX_PLACES:
        raise DomainError(e.INVALID_VALUE, field="places", limit=MAX_PLACES)
    return cleaned


def take_id(event: Event, prefix: str) -> str:
    """A fresh id for a table ("t") or a person ("p"); ids are never reused, not even after a cancel."""
    ident = f"{prefix}{event.next_id}"
    event.next_id += 1
    return ident


def table_by_id(event: Event, table_id: str) -> EventTable:
    for table in event.tables:
        if table.id == table_id:
            return table
    raise DomainError(UNKNOWN_TABLE)


def person_by_id(event: Event, person_id: str) -> SignUp:
    for person in event.people:
        if person.id == person_id:
            return person
    raise DomainError(UNKNOWN_PERSON)


def planned_tables(event: Event) -> list[EventTable]:
    return [t for t in event.tables if t.status == TableStatus.PLANNED]


def table_of(event: Event, person_id: str) -> EventTable | None:
    for table in event.tables:
        if person_id in table.seats:
            return table
    return None


def unseated(event: Event) -> list[SignUp]:
    seated = {pid for table in event.tables for pid in table.seats}
    return [p for p in event.people if p.id not in seated]


def new_event(
    *,
    slug: str,
    title: str,
    now: float,
    tables: int = 0,
    theme: str = "",
    date: str = "",
    places: Sequence[str] = (),
    language: str = "nl",
    min_per_table: int = DEFAULT_MIN_PER_TABLE,
    max_per_table: int = DEFAULT_MAX_PER_TABLE,
) -> Event:
    """A new event with `tables` planned tables named "Tafel 1", "Tafel 2", ... (in the event's language)."""
    _require_slug(slug)
    if language not in LANGUAGES:
        raise DomainError(e.INVALID_VALUE, field="language")
    if not isinstance(tables, int) or isinstance(tables, bool) or not 0 <= tables <= MAX_TABLES:
        raise DomainError(TOO_MANY_TABLES, limit=MAX_TABLES)
    _limits(min_per_table, max_per_table)
    event = Event(
        slug=slug,
        title=clean_name(title, MAX_TITLE_CHARS),
        created_at=now,
        theme=clean_text(theme, MAX_EVENT_THEME_CHARS, allow_empty=True),
        date=clean_text(date, MAX_EVENT_DATE_CHARS, allow_empty=True),
        places=_clean_places(places),
        language=language,
        min_per_table=min_per_table,
        max_per_table=max_per_table,
    )
    for _ in range(tables):
        add_table(event)
    return event


def add_table(event: Event, *, name: str | None = None, place: str = "") -> EventTable:
    """Add a planned table; without a name it gets the next free "Tafel <n>"."""
    _require_not_started(event)
    if len(event.tables) >= MAX_TABLES:  # cancelled tables count: they stay in the record
        raise DomainError(TOO_MANY_TABLES, limit=MAX_TABLES)
    taken = {look_alike_key(t.name) for t in event.tables}
    if name is None:
        word = _TABLE_WORD.get(event.language, "Table")
        number = len(event.tables) + 1
        while look_alike_key(f"{word} {number}") in taken:
            number += 1
        name = f"{word} {number}"
    clean = clean_name(name, MAX_TABLE_NAME_CHARS)
    if look_alike_key(clean) in taken:
        raise DomainError(TABLE_NAME_TAKEN, (clean,))
    if place and place not in event.places:
        raise DomainError(UNKNOWN_PLACE)
    table = EventTable(id=take_id(event, "t"), name=clean, place=place)
    event.tables.append(table)
    return table


def cancel_table(event: Event, table_id: str) -> list[str]:
    """Cancel a table before the day starts. Returns the ids of the people who sat there, now unseated.

    The table stays in the record (its name and id are never reused) so a printed tent cannot point
    at another table later.
    """
    _require_not_started(event)
    table = table_by_id(event, table_id)
    if table.status == TableStatus.CANCELLED:
        raise DomainError(TABLE_CANCELLED, (table.name,))
    freed, table.seats = table.seats, []
    table.status = TableStatus.CANCELLED
    table.host_key_hash = ""  # a host link of a cancelled table opens nothing
    return freed


def link_dialogue(event: Event, table_id: str, dialogue_slug: str) -> EventTable:
    """Record the slug of the dialogue created for a table (once; a table keeps its dialogue)."""
    _require_slug(dialogue_slug)
    table = table_by_id(event, table_id)
    if table.status == TableStatus.CANCELLED:
        raise DomainError(TABLE_CANCELLED, (table.name,))
    if table.dialogue_slug == dialogue_slug:
        return table
    if table.dialogue_slug:
        raise DomainError(TABLE_HAS_DIALOGUE, (table.name,))
    if any(t.dialogue_slug == dialogue_slug for t in event.tables):
        raise DomainError(SLUG_TAKEN)
    table.dialogue_slug = dialogue_slug
    return table


def set_host_key_hash(event: Event, table_id: str, key_hash: str) -> EventTable:
    """Store the hash of a table's new host key; "" revokes the host link."""
    if not isinstance(key_hash, str) or not KEY_HASH.fullmatch(key_hash):
        raise DomainError(e.INVALID_VALUE, field="host_key_hash")
    table = table_by_id(event, table_id)
    if table.status == TableStatus.CANCELLED and key_hash:
        raise DomainError(TABLE_CANCELLED, (table.name,))
    table.host_key_hash = key_hash
    return table


def set_organiser_key_hash(event: Event, key_hash: str) -> None:
    if not isinstance(key_hash, str) or not KEY_HASH.fullmatch(key_hash):
        raise DomainError(e.INVALID_VALUE, field="organiser_key_hash")
    event.organiser_key_hash = key_hash


def set_table_limits(event: Event, min_per_table: int, max_per_table: int) -> None:
    """Change the minimum and maximum per table; refused if a table already holds more than the new maximum."""
    _limits(min_per_table, max_per_table)
    crowded = [t.name for t in event.tables if len(t.seats) > max_per_table]
    if crowded:
        raise DomainError(TABLE_LIMITS, crowded, limit=MAX_SEATS_PER_TABLE)
    event.min_per_table, event.max_per_table = min_per_table, max_per_table


def start_event(event: Event, now: float) -> None:
    """The day begins: from now on tables are fixed. Starting twice keeps the first start."""
    if event.started_at is None:
        event.started_at = now


def add_people(event: Event, people: Sequence[SignUp]) -> None:
    """Add imported sign-ups (unseated). Their ids must be fresh (see signups.parse_signups(next_id=...))."""
    if len(event.people) + len(people) > MAX_EVENT_PEOPLE:
        raise DomainError(TOO_MANY_PEOPLE, limit=MAX_EVENT_PEOPLE)
    known = {p.id for p in event.people}
    new_ids = [p.id for p in people]
    if len(set(new_ids)) != len(new_ids) or known & set(new_ids):
        raise DomainError(e.INVALID_VALUE, field="id")
    wished = {pid for p in people for pid in (*p.together, *p.apart)}
    if not wished <= known | set(new_ids):
        raise DomainError(UNKNOWN_PERSON)
    counted = [int(pid[1:]) for pid in new_ids if pid[:1] == "p" and pid[1:].isdigit()]
    event.people.extend(people)
    if counted:
        event.next_id = max(event.next_id, max(counted) + 1)
