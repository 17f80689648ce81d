"""The event record of a Dag van de Dialoog: one event, many tables, one organiser. Plain data, no I/O.

Each table stays an ordinary dialogue with its own file; the event only knows the table's dialogue slug,
the hash of its host key (the key itself is made and shown elsewhere) and who is seated there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from ..model import Role

MAX_TABLES = 250  # Rotterdam had 137 tables in one day
MAX_EVENT_PEOPLE = 2_000
MAX_PLACES = 50
MAX_SEATS_PER_TABLE = 40  # a table is a conversation; 40 is already a hall
MAX_TABLE_NAME_CHARS = 60
MAX_EVENT_THEME_CHARS = MAX_EVENT_PLACE_CHARS = 200  # the same limits as a dialogue's theme and place
MAX_EVENT_DATE_CHARS = 40
MAX_NEIGHBOURHOOD_CHARS = 80
MAX_WISHES = 10  # per person and per kind ("together with", "apart from")
MAX_KEY_HASH_CHARS = 256
MAX_ORIGIN_CHARS = 120
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}")  # a person's language: "nl", "en", "ar", "tr", ...
DEFAULT_MIN_PER_TABLE = 6
DEFAULT_MAX_PER_TABLE = 8

# The roles that count as "at least one professional or municipality person" at every table.
PROFESSIONAL_ROLES = frozenset({Role.PROFESSIONAL, Role.MUNICIPALITY})

# Refusal codes for the event (rounds.errors.DomainError codes; the UI catalog has one message per code).
EVENT_STARTED = "event_started"
UNKNOWN_TABLE = "unknown_table"
UNKNOWN_PERSON = "unknown_person"
UNKNOWN_PLACE = "unknown_place"
TABLE_CANCELLED = "table_cancelled"
TABLE_FULL = "table_full"
TABLE_NAME_TAKEN = "table_name_taken"
TOO_MANY_TABLES = "too_many_tables"
TOO_MANY_PEOPLE = "too_many_people"
NO_TABLE_WITH_ROOM = "no_table_with_room"
ALREADY_AT_TABLE = "already_at_table"
SLUG_TAKEN = "slug_taken"
TABLE_HAS_DIALOGUE = "table_has_dialogue"
TABLE_LIMITS = "table_limits"  # minimum above maximum, or a table already holds more than the new maximum


class TableStatus(StrEnum):
    PLANNED = "planned"
    CANCELLED = "cancelled"


@dataclass
class SignUp:
    """One person for the event: from the sign-up list, or a walk-in on the day.

    `together` and `apart` hold ids of other people of the event. A wish is one-sided as written
    down; seating treats it as mutual.
    """

    id: str
    name: str
    role: Role
    neighbourhood: str = ""
    has_phone: bool = True
    language: str = ""  # "" = the event's language
    together: list[str] = field(default_factory=list)
    apart: list[str] = field(default_factory=list)
    walk_in: bool = False


@dataclass
class EventTable:
    id: str
    name: str
    place: str = ""  # one of Event.places, or "" when the event has one place
    dialogue_slug: str = ""  # "" until the table's dialogue is created
    status: TableStatus = TableStatus.PLANNED
    host_key_hash: str = ""  # "" = no host link (never made, or revoked)
    seats: list[str] = field(default_factory=list)  # SignUp ids, in seating order
    origin: str = ""  # for a table read from another laptop's export: who it was there (see merge.py)


@dataclass
class Event:
    slug: str
    title: str
    created_at: float
    theme: str = ""
    date: str = ""
    places: list[str] = field(default_factory=list)
    language: str = "nl"
    min_per_table: int = DEFAULT_MIN_PER_TABLE
    max_per_table: int = DEFAULT_MAX_PER_TABLE
    organiser_key_hash: str = ""
    started_at: float | None = None
    tables: list[EventTable] = field(default_factory=list)
    people: list[SignUp] = field(default_factory=list)
    next_id: int = 1  # table ids "t<n>" and people ids "p<n>" are counted from here, never reused

    @property
    def started(self) -> bool:
        """The day has begun: tables can no longer be added or cancelled, and nobody is reseated at once."""
        return self.started_at is not None
