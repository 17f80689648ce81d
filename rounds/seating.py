"""Who sits at which table of an event: the first seating, moving one person, and seating a walk-in.

The seating mixes roles: where the numbers allow, each table gets residents and at least one professional
or municipality person. It never seats more than the maximum, reaches the minimum where the numbers allow,
and keeps together- and apart-wishes when it can. What it could not do is reported, never hidden.
Deterministic for a seeded `random.Random`; the search itself is in seating_search.py.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import errors as e
from .errors import DomainError
from .events.model import (
    ALREADY_AT_TABLE,
    EVENT_STARTED,
    MAX_EVENT_PEOPLE,
    MAX_NEIGHBOURHOOD_CHARS,
    NO_TABLE_WITH_ROOM,
    PROFESSIONAL_ROLES,
    TABLE_CANCELLED,
    TABLE_FULL,
    TABLE_LIMITS,
    TOO_MANY_PEOPLE,
    Event,
    EventTable,
    SignUp,
    TableStatus,
)
from .events.tables import person_by_id, planned_tables, table_by_id, table_of, take_id
from .model import MAX_NAME_CHARS, Role
from .seating_search import solve
from .signups import parse_language, parse_role
from .text import clean_name

TOGETHER, APART = "together", "apart"
NOT_SEATED, SPLIT, SAME_TABLE = "not_seated", "split", "same_table"


@dataclass(frozen=True)
class UnmetWish:
    kind: str  # TOGETHER or APART
    person_id: str  # who wished it (the first, when both did)
    other_id: str
    reason: str  # NOT_SEATED (together, one of them has no seat), SPLIT (together) or SAME_TABLE (apart)


@dataclass
class Seating:
    """Who sits where, and everything about it that falls short."""

    tables: dict[str, list[str]]  # table id -> person ids, for every table given (an unused one is empty)
    not_seated: list[str] = field(default_factory=list)  # in sign-up order: too few seats for them
    below_minimum: list[str] = field(default_factory=list)  # table ids, empty tables included
    without_resident: list[str] = field(default_factory=list)  # table ids of tables with people
    without_professional: list[str] = field(default_factory=list)  # nobody professional or from the municipality
    unmet: list[UnmetWish] = field(default_factory=list)


def tables_to_use(people: int, tables: int, min_per_table: int, max_per_table: int) -> int:
    """As many tables as can each reach the minimum, but never fewer than needed to seat everyone."""
    if people <= 0 or tables <= 0:
        return 0
    needed = -(-people // max_per_table)
    return min(tables, max(needed, min(tables, people // min_per_table)))


def _report(people: Sequence[SignUp], tables: dict[str, list[str]], min_per_table: int) -> Seating:
    at = {pid: tid for tid, seats in tables.items() for pid in seats}
    roles = {p.id: p.role for p in people}
    seating = Seating(tables={tid: list(seats) for tid, seats in tables.items()})
    seating.not_seated = [p.id for p in people if p.id not in at]
    seating.below_minimum = [tid for tid, seats in tables.items() if len(seats) < min_per_table]
    for tid, seats in tables.items():
        present = {roles[pid] for pid in seats}
        if seats and Role.RESIDENT not in present:
            seating.without_resident.append(tid)
        if seats and not present & PROFESSIONAL_ROLES:
            seating.without_professional.append(tid)
    reported: set[tuple[str, str, str]] = set()
    for person in people:
        for kind in (TOGETHER, APART):
            for other in getattr(person, kind):
                pair = (kind, *sorted((person.id, other)))
                if pair in reported or other not in roles:
                    continue
                reported.add(pair)
                mine, theirs = at.get(person.id), at.get(other)
                if kind == TOGETHER and (mine is None or theirs is None):
                    seating.unmet.append(UnmetWish(kind, person.id, other, NOT_SEATED))
                elif kind == TOGETHER and mine != theirs:
                    seating.unmet.append(UnmetWish(kind, person.id, other, SPLIT))
                elif kind == APART and mine is not None and mine == theirs:
                    seating.unmet.append(UnmetWish(kind, person.id, other, SAME_TABLE))
    return seating


def plan_seating(people: Sequence[SignUp], table_ids: Sequence[str], *, min_per_table: int, max_per_table: int,
                 rng: random.Random) -> Seating:
    """Seat `people` at the tables `table_ids` (in this order of preference). Changes nothing given.

    When there are more people than seats, the last to sign up are not seated. When there are too few
    people to fill every table to the minimum, the last tables stay empty (reported below the minimum,
    so the organiser can cancel them).
    """
    if not 1 <= min_per_table <= max_per_table:
        raise DomainError(TABLE_LIMITS, limit=max_per_table)
    capacity = len(table_ids) * max_per_table
    seated = list(people)[:capacity]
    used = tables_to_use(len(seated), len(table_ids), min_per_table, max_per_table)
    base, extra = divmod(len(seated), used) if used else (0, 0)
    targets = [base + 1 if i < extra else base for i in range(used)]
    members = solve(seated, targets, min_per_table, max_per_table, rng)
    tables = {tid: (list(members[i]) if i < used else []) for i, tid in enumerate(table_ids)}
    return _report(people, tables, min_per_table)


def seat_event(event: Event, rng: random.Random) -> Seating:
    """Seat everyone of the event at its planned tables, replacing any earlier seating (before the day only)."""
    if event.started:
        raise DomainError(EVENT_STARTED)
    tables = planned_tables(event)
    seating = plan_seating(event.people, [t.id for t in tables], min_per_table=event.min_per_table,
                           max_per_table=event.max_per_table, rng=rng)
    for table in event.tables:
        table.seats = list(seating.tables.get(table.id, []))
    return seating


def seating_report(event: Event) -> Seating:
    """The event's seating as it is now, with what falls short (after moves and walk-ins too)."""
    return _report(event.people, {t.id: list(t.seats) for t in planned_tables(event)}, event.min_per_table)


def move_person(event: Event, person_id: str, table_id: str) -> EventTable:
    """Move someone (seated or not) to another planned table; refused when that table is full."""
    person = person_by_id(event, person_id)
    target = table_by_id(event, table_id)
    if target.status == TableStatus.CANCELLED:
        raise DomainError(TABLE_CANCELLED, (target.name,))
    if person_id in target.seats:
        raise DomainError(ALREADY_AT_TABLE, (person.name, target.name))
    if len(target.seats) >= event.max_per_table:
        raise DomainError(TABLE_FULL, (target.name,), limit=event.max_per_table)
    current = table_of(event, person_id)
    if current is not None:
        current.seats.remove(person_id)
    target.seats.append(person_id)
    return target


def best_table_for(event: Event, role: Role) -> EventTable | None:
    """The planned table with room where someone of `role` best keeps the mix; None when all are full.

    In order: a table that already has people, one that lacks this person's kind (resident, or
    professional/municipality), one still below the minimum, fewest of the same role, fewest people.
    """
    role_of = {p.id: p.role for p in event.people}

    def key(item: tuple[int, EventTable]) -> tuple[bool, bool, bool, int, int, int]:
        index, table = item
        roles = [role_of[pid] for pid in table.seats]
        fills_gap = (role == Role.RESIDENT and Role.RESIDENT not in roles) or (
            role in PROFESSIONAL_ROLES and not PROFESSIONAL_ROLES & set(roles))
        return (not table.seats, not fills_gap, len(table.seats) >= event.min_per_table, roles.count(role),
                len(table.seats), index)

    open_tables = [(i, t) for i, t in enumerate(planned_tables(event)) if len(t.seats) < event.max_per_table]
    return min(open_tables, key=key)[1] if open_tables else None


def add_walk_in(event: Event, name: str, role: str | Role, *, has_phone: bool = True, language: str = "",
                neighbourhood: str = "") -> tuple[SignUp, EventTable]:
    """Someone who did not sign up arrives on the day: add them and seat them where the mix gains most."""
    clean = clean_name(name, MAX_NAME_CHARS)
    parsed_role = parse_role(role)
    if parsed_role is None:
        raise DomainError(e.INVALID_VALUE, field="role")
    area = clean_name(neighbourhood, MAX_NEIGHBOURHOOD_CHARS) if neighbourhood.strip() else ""
    tag = parse_language(language)
    if tag is None:
        raise DomainError(e.INVALID_VALUE, field="language")
    if len(event.people) >= MAX_EVENT_PEOPLE:
        raise DomainError(TOO_MANY_PEOPLE, limit=MAX_EVENT_PEOPLE)
    table = best_table_for(event, parsed_role)
    if table is None:
        raise DomainError(NO_TABLE_WITH_ROOM)
    person = SignUp(id=take_id(event, "p"), name=clean, role=parsed_role, neighbourhood=area,
                    has_phone=bool(has_phone), language=tag, walk_in=True)
    event.people.append(person)
    table.seats.append(person.id)
    return person, table
