""""Did you feel heard?": one answer per person on a scale of 1 to 5, once the last round has closed.

The question is about the facilitator's work, so the answer is the person's own: a phone answers for
itself, and the facilitator types an answer only for someone who takes part without a phone. The
harvest reports the answers per role, never per person (exports/model.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import errors as e
from .errors import DomainError
from .model import (
    FACILITATOR,
    FELT_HEARD_HIGHEST,
    FELT_HEARD_LOWEST,
    MAX_FELT_HEARD_WORD_CHARS,
    Dialogue,
    FeltHeard,
    Role,
    Status,
)
from .people import participant
from .text import clean_text

# Refusal codes of this module (the UI catalog has "error.<code>" for each).
ANSWERS_ON_OWN_PHONE = "answers_on_own_phone"  # the facilitator tried to answer for someone with a phone
NOT_FINISHED_YET = "felt_heard_not_yet"  # asked before the last round closed


def _score(value: object) -> int:
    # bool is an int in Python; True must not count as "1 - not at all".
    if isinstance(value, bool) or not isinstance(value, int) or not FELT_HEARD_LOWEST <= value <= FELT_HEARD_HIGHEST:
        raise DomainError(e.INVALID_VALUE, field="score")
    return value


def answer_felt_heard(dialogue: Dialogue, actor: str, participant_id: str, score: int, word: str,
                      now: float) -> FeltHeard:
    """Store one person's answer; answering again replaces their earlier answer. Checks everything first."""
    if dialogue.status != Status.FINISHED:
        raise DomainError(NOT_FINISHED_YET)
    person = participant(dialogue, participant_id)
    if actor == FACILITATOR:
        if person.has_phone:
            raise DomainError(ANSWERS_ON_OWN_PHONE, [person.name])
    elif actor != participant_id:
        raise DomainError(e.NOT_FACILITATOR)
    answer = FeltHeard(participant_id=participant_id, score=_score(score), at=now,
                       word=clean_text(word, MAX_FELT_HEARD_WORD_CHARS, allow_empty=True),
                       by_facilitator=actor == FACILITATOR)
    dialogue.felt_heard = [a for a in dialogue.felt_heard if a.participant_id != participant_id] + [answer]
    return answer


def answer_of(dialogue: Dialogue, participant_id: str) -> FeltHeard | None:
    return next((a for a in dialogue.felt_heard if a.participant_id == participant_id), None)


def forget_answer_of(dialogue: Dialogue, participant_id: str) -> None:
    """For taking someone out of the dialogue: their answer goes with everything else they put in."""
    dialogue.felt_heard = [a for a in dialogue.felt_heard if a.participant_id != participant_id]


@dataclass(frozen=True)
class RoleAnswers:
    role: Role
    answers: int
    average: float | None  # None when nobody in this role answered


def answers_by_role(dialogue: Dialogue) -> dict[Role, RoleAnswers]:
    """Count and average per role, by each person's role as it is now. No ids, no names, no words."""
    roles = {p.id: p.role for p in dialogue.participants}
    scores: dict[Role, list[int]] = {}
    for answer in dialogue.felt_heard:
        role = roles.get(answer.participant_id)
        if role is not None:
            scores.setdefault(role, []).append(answer.score)
    return {
        role: RoleAnswers(role, len(scores.get(role, [])),
                          sum(scores[role]) / len(scores[role]) if scores.get(role) else None)
        for role in Role
    }
