"""One full check of an event record that comes from outside: a file on disk or a venue's export.

In the spirit of rounds/integrity.py, with the field checks of rounds/integrity_fields.py: finite times,
text limits, ids that refer, everyone seated at most once, nothing seated at a cancelled table or beyond
the maximum.
Raises `IntegrityProblem` with a short English reason that names the field, e.g. "unknown person id in
tables[2].seats".
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..integrity import MAX_NEXT_ID
from ..integrity_fields import (
    IntegrityProblem,
    _bool,
    _enum,
    _fail,
    _ids,
    _int,
    _text,
    _time,
    _unique_id,
    check_json_depth,
)
from ..model import MAX_NAME_CHARS, MAX_TITLE_CHARS, Role
from ..templates import LANGUAGES
from ..text import look_alike_key
from .model import (
    LANGUAGE_TAG,
    MAX_EVENT_DATE_CHARS,
    MAX_EVENT_PEOPLE,
    MAX_EVENT_PLACE_CHARS,
    MAX_EVENT_THEME_CHARS,
    MAX_NEIGHBOURHOOD_CHARS,
    MAX_ORIGIN_CHARS,
    MAX_PLACES,
    MAX_SEATS_PER_TABLE,
    MAX_TABLE_NAME_CHARS,
    MAX_TABLES,
    MAX_WISHES,
    Event,
    SignUp,
    TableStatus,
)
from .serialize import event_from_dict
from .tables import KEY_HASH, SLUG

_COUNTED_ID = re.compile(r"[tp]([0-9]{1,13})")


def _header(ev: Event) -> None:
    if not isinstance(ev.slug, str) or not SLUG.fullmatch(ev.slug):
        raise IntegrityProblem("slug format")
    _text(ev.title, "title", MAX_TITLE_CHARS, line=True)
    _text(ev.theme, "theme", MAX_EVENT_THEME_CHARS, empty=True)
    _text(ev.date, "date", MAX_EVENT_DATE_CHARS, empty=True)
    if ev.language not in LANGUAGES:
        raise IntegrityProblem("unknown language")
    _time(ev.created_at, "created_at")
    _time(ev.started_at, "started_at", optional=True)
    _int(ev.min_per_table, "min_per_table", 1, MAX_SEATS_PER_TABLE)
    _int(ev.max_per_table, "max_per_table", ev.min_per_table, MAX_SEATS_PER_TABLE)
    _int(ev.next_id, "next_id", 1, MAX_NEXT_ID)
    if not isinstance(ev.organiser_key_hash, str) or not KEY_HASH.fullmatch(ev.organiser_key_hash):
        raise IntegrityProblem("key hash format: organiser_key_hash")
    for name in ("places", "tables", "people"):
        if not isinstance(getattr(ev, name), list):
            raise _fail("not a list", name)
    if len(ev.places) > MAX_PLACES:
        raise IntegrityProblem("too many places")
    keys: set[str] = set()
    for i, place in enumerate(ev.places):
        _text(place, f"places[{i}]", MAX_EVENT_PLACE_CHARS, line=True)
        if look_alike_key(place) in keys:
            raise _fail("duplicate place", f"places[{i}]")
        keys.add(look_alike_key(place))


def _people(ev: Event) -> dict[str, SignUp]:
    if len(ev.people) > MAX_EVENT_PEOPLE:
        raise IntegrityProblem("too many people")
    ids: set[str] = set()
    for i, p in enumerate(ev.people):
        _unique_id(p.id, ids, "person", f"people[{i}].id")
    known = {p.id: p for p in ev.people}
    for i, p in enumerate(ev.people):
        at = f"people[{i}]"
        _text(p.name, f"{at}.name", MAX_NAME_CHARS, line=True)
        _enum(p.role, Role, f"{at}.role")
        _text(p.neighbourhood, f"{at}.neighbourhood", MAX_NEIGHBOURHOOD_CHARS, line=True, empty=True)
        _bool(p.has_phone, f"{at}.has_phone")
        _bool(p.walk_in, f"{at}.walk_in")
        if not isinstance(p.language, str) or not (p.language == "" or LANGUAGE_TAG.fullmatch(p.language)):
            raise _fail("language format", f"{at}.language")
        for kind in ("together", "apart"):
            wishes: Any = getattr(p, kind)
            _ids(wishes, known, "person", f"{at}.{kind}")
            if len(wishes) > MAX_WISHES:
                raise _fail("too many wishes", f"{at}.{kind}")
            if p.id in wishes or len(set(wishes)) != len(wishes):
                raise _fail("wish for oneself or twice", f"{at}.{kind}")
        if set(p.together) & set(p.apart):
            raise _fail("together and apart with the same person", at)
    return known


def _tables(ev: Event, people: dict[str, SignUp]) -> None:
    if len(ev.tables) > MAX_TABLES:
        raise IntegrityProblem("too many tables")
    ids: set[str] = set()
    names: set[str] = set()
    slugs: set[str] = set()
    seated: set[str] = set()
    for i, table in enumerate(ev.tables):
        at = f"tables[{i}]"
        _unique_id(table.id, ids, "table", f"{at}.id")
        _text(table.name, f"{at}.name", MAX_TABLE_NAME_CHARS, line=True)
        if look_alike_key(table.name) in names:
            raise _fail("duplicate table name", f"{at}.name")
        names.add(look_alike_key(table.name))
        if not isinstance(table.place, str) or (table.place and table.place not in ev.places):
            raise _fail("unknown place", f"{at}.place")
        if not isinstance(table.dialogue_slug, str) or (
            table.dialogue_slug and not SLUG.fullmatch(table.dialogue_slug)
        ):
            raise _fail("slug format", f"{at}.dialogue_slug")
        if table.dialogue_slug in slugs:
            raise _fail("dialogue of two tables", f"{at}.dialogue_slug")
        if table.dialogue_slug:
            slugs.add(table.dialogue_slug)
        _enum(table.status, TableStatus, f"{at}.status")
        _text(table.origin, f"{at}.origin", MAX_ORIGIN_CHARS, line=True, empty=True)
        if not isinstance(table.host_key_hash, str) or not KEY_HASH.fullmatch(table.host_key_hash):
            raise _fail("key hash format", f"{at}.host_key_hash")
        _ids(table.seats, people, "person", f"{at}.seats")
        if seated & set(table.seats) or len(set(table.seats)) != len(table.seats):
            raise _fail("seated twice", f"{at}.seats")
        seated |= set(table.seats)
        if len(table.seats) > ev.max_per_table:
            raise _fail("more than the maximum", f"{at}.seats")
        if table.status == TableStatus.CANCELLED and (table.seats or table.host_key_hash):
            raise _fail("people or a host link at a cancelled table", at)


def check_event(event: Event) -> None:
    """Raise IntegrityProblem on the first thing in the event record the app could not safely use."""
    _header(event)
    people = _people(event)
    _tables(event, people)
    counted = [int(m.group(1)) for ident in [*(t.id for t in event.tables), *people]
               if (m := _COUNTED_ID.fullmatch(ident))]
    if counted and event.next_id <= max(counted):
        raise IntegrityProblem("next_id not above every id used")


def event_from_json(raw: str | bytes) -> Event:
    """Parse, rebuild and check an event's JSON text; anything wrong is one IntegrityProblem."""
    check_json_depth(raw)
    try:
        event = event_from_dict(json.loads(raw))
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
        raise IntegrityProblem(f"malformed event: {type(error).__name__}") from None
    check_event(event)
    return event
