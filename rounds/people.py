"""Who is at the table: joining, leaving, coming back, changing name or role."""

from __future__ import annotations

import secrets

from . import errors as e
from .current import finish_turn, open_round
from .errors import DomainError
from .model import (
    FACILITATOR,
    MAX_NAME_CHARS,
    MAX_PARTICIPANTS,
    Dialogue,
    Participant,
    Role,
    Status,
)
from .text import clean_name


def new_token() -> str:
    return secrets.token_urlsafe(24)


def require_facilitator(actor: str) -> None:
    if actor != FACILITATOR:
        raise DomainError(e.NOT_FACILITATOR)


def participant(dialogue: Dialogue, participant_id: str) -> Participant:
    for person in dialogue.participants:
        if person.id == participant_id:
            return person
    raise DomainError(e.UNKNOWN_PARTICIPANT)


def by_token(dialogue: Dialogue, token: str) -> Participant | None:
    if not token:
        return None
    for person in dialogue.participants:
        if secrets.compare_digest(person.token, token):
            return person
    return None


def names(dialogue: Dialogue, participant_ids: list[str]) -> list[str]:
    lookup = {p.id: p.name for p in dialogue.participants}
    return [lookup.get(pid, "?") for pid in participant_ids]


def _parse_role(role: str | Role) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise DomainError(e.INVALID_VALUE, field="role") from None


def join(
    dialogue: Dialogue,
    name: str,
    role: str | Role,
    now: float,
    *,
    token: str | None = None,
    has_phone: bool = True,
    name_in_report: bool = False,
) -> Participant:
    """Add someone to the dialogue. The same device token joining again gets the same person back."""
    if token:
        existing = by_token(dialogue, token)
        if existing is not None:
            return existing
    if dialogue.status == Status.FINISHED:
        raise DomainError(e.DIALOGUE_FINISHED)
    if token and any(secrets.compare_digest(token, blocked) for blocked in dialogue.blocked_tokens):
        raise DomainError(e.REMOVED)
    if token and dialogue.joining_locked:  # a phone; the facilitator can still add someone at the table
        raise DomainError(e.JOINING_LOCKED)
    clean = clean_name(name, MAX_NAME_CHARS)
    parsed_role = _parse_role(role)
    if len(dialogue.participants) >= MAX_PARTICIPANTS:
        raise DomainError(e.DIALOGUE_FULL, limit=MAX_PARTICIPANTS)
    person = Participant(
        id=secrets.token_hex(6),
        name=clean,
        role=parsed_role,
        token=token or new_token(),
        has_phone=has_phone,
        joined_at=now,
        name_in_report=bool(name_in_report),
    )
    dialogue.participants.append(person)
    running = open_round(dialogue)
    if running is not None:  # a late arrival joins the end of the running round's order
        running.order.append(person.id)
    return person


def rename(
    dialogue: Dialogue,
    actor: str,
    participant_id: str,
    *,
    name: str | None = None,
    role: str | Role | None = None,
    name_in_report: bool | None = None,
) -> Participant:
    if actor not in (FACILITATOR, participant_id):
        raise DomainError(e.NOT_FACILITATOR)
    if dialogue.status == Status.FINISHED:
        raise DomainError(e.DIALOGUE_FINISHED)
    person = participant(dialogue, participant_id)
    clean = clean_name(name, MAX_NAME_CHARS) if name is not None else person.name
    parsed_role = _parse_role(role) if role is not None else person.role
    person.name, person.role = clean, parsed_role
    if name_in_report is not None:
        person.name_in_report = bool(name_in_report)
    return person


def mark_left(dialogue: Dialogue, actor: str, participant_id: str, now: float) -> Participant:
    """Someone left the table: skipped, never blocks a round. A running turn of theirs ends."""
    if actor not in (FACILITATOR, participant_id):
        raise DomainError(e.NOT_FACILITATOR)
    person = participant(dialogue, participant_id)
    if not person.present:
        return person
    running = open_round(dialogue)
    if running is not None:
        turn = running.current_turn
        if turn is not None and turn.participant_id == participant_id:
            finish_turn(running, turn, now, by_facilitator=actor == FACILITATOR)
    person.present = False
    return person


def mark_back(dialogue: Dialogue, actor: str, participant_id: str) -> Participant:
    """Someone came back: if they have not had their turn, they rejoin at the end of the order."""
    require_facilitator(actor)
    person = participant(dialogue, participant_id)
    if person.present:
        return person
    person.present = True
    running = open_round(dialogue)
    if running is not None:
        had_turn = any(
            t.participant_id == participant_id and not t.open_conversation for t in running.turns
        )
        if not had_turn:
            if participant_id in running.order:
                running.order.remove(participant_id)
            running.order.append(participant_id)
        elif participant_id not in running.order:
            running.order.append(participant_id)
    return person

