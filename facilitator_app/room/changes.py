"""What a command changed, typed, so each open page can update just that part."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Changed(Enum):
    PEOPLE = "people"  # joined, renamed, left, came back
    FLOOR = "floor"  # who has the floor, turns ended, open conversation
    CARDS = "cards"  # a card added, edited, deleted, hidden or shown again
    VOTES = "votes"  # a dot placed or removed
    ROUND = "round"  # a round opened or closed; the dialogue started or finished
    NOTES = "notes"  # a turn note or round notes
    PLAN = "plan"  # the rounds edited, the order planned or shuffled
    REMOVED = "removed"  # someone was taken out, with their cards and dots: every view redraws
    FELT_HEARD = "felt_heard"  # an answer to "did you feel heard?" after the last round (never on the wall)


@dataclass(frozen=True)
class Change:
    kind: Changed
    subject: object = None  # what the domain returned: a Participant, Turn, Card, Vote, Round
    person_id: str | None = None  # whose cards or dots changed, where a page needs to know
    card_added: bool = False  # a new card, so a page can append it instead of redrawing


class Saves(Enum):
    """What a command writes: decided by the command, never by whoever calls it."""

    OPEN_ROUND = "open_round"  # the hot path: the rules change only the open round (and the head)
    EVERYTHING = "everything"  # when in doubt: every round is encoded afresh
