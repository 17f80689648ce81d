"""The dialogue's data: plain dataclasses, no I/O. Behaviour lives in dialogue.py and its helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

FACILITATOR = "facilitator"  # actor id for the facilitator; participant ids are random hex, never this

MAX_PARTICIPANTS = 300
MAX_CARDS_PER_ROUND = 20
MAX_CARD_CHARS = 500
MAX_NAME_CHARS = 40
MAX_ROUND_NOTES_CHARS = 10_000
MAX_TURN_NOTE_CHARS = 1_000
MAX_REASON_CHARS = 500
MAX_TITLE_CHARS = 120
MAX_QUESTION_CHARS = 500
MAX_FELT_HEARD_WORD_CHARS = 80  # "one word" after the last round: room for a few, never a second card
FELT_HEARD_LOWEST, FELT_HEARD_HIGHEST = 1, 5  # "did you feel heard?": 1 not at all .. 5 completely
DEFAULT_DOTS = 3
DEFAULT_SPEAKING_SECONDS = 120


class Role(StrEnum):
    RESIDENT = "resident"
    PROFESSIONAL = "professional"
    MUNICIPALITY = "municipality"
    CARE_WELFARE = "care_welfare"
    BUSINESS = "business"
    OTHER = "other"


class CardKind(StrEnum):
    NONE = "none"
    EXPERIENCE = "experience"
    DREAM = "dream"
    NEED = "need"
    PLEDGE = "pledge"


class RoundState(StrEnum):
    PENDING = "pending"
    OPEN = "open"
    CLOSED = "closed"


class Status(StrEnum):
    PREPARING = "preparing"
    RUNNING = "running"
    FINISHED = "finished"


class Outcome(StrEnum):
    SPOKE = "spoke"
    PASSED = "passed"


class SpeakerState(StrEnum):
    """Where one person stands in a round's go-around."""

    WAITING = "waiting"  # no turn yet
    SPEAKING = "speaking"
    SPOKE = "spoke"
    PASSED = "passed"  # passed once: will be asked again
    ASKED_AGAIN = "asked_again"  # passed once and now holds the floor again
    PASSED_FINAL = "passed_final"  # passed twice: done for this round
    LEFT = "left"


@dataclass
class Participant:
    id: str
    name: str
    role: Role
    token: str
    has_phone: bool
    joined_at: float
    present: bool = True
    name_in_report: bool = False


@dataclass
class Turn:
    id: str
    participant_id: str
    started_at: float
    ended_at: float | None = None
    outcome: Outcome | None = None
    over_time: bool = False
    note: str = ""
    open_conversation: bool = False
    ended_by_facilitator: bool = False

    @property
    def running(self) -> bool:
        return self.ended_at is None


@dataclass
class Card:
    id: str
    round_id: str
    kind: CardKind
    text: str
    author_id: str
    created_at: float
    by_facilitator: bool = False
    hidden: bool = False
    updated_at: float | None = None


@dataclass
class Vote:
    """One dot. A participant may put several dots on one card."""

    participant_id: str
    card_id: str
    placed_at: float


@dataclass
class Override:
    reason: str
    not_heard: list[str]
    at: float


@dataclass
class Removal:
    """Someone the facilitator took out of the dialogue. No name: the harvest only counts what went out."""

    at: float
    cards: int  # their cards, taken out with them
    dots: int  # the dots they had placed


@dataclass
class FeltHeard:
    """One answer to "did you feel heard?", given after the last round closed. One per person; a new one replaces it."""

    participant_id: str
    score: int  # FELT_HEARD_LOWEST .. FELT_HEARD_HIGHEST
    at: float
    word: str = ""
    by_facilitator: bool = False  # typed in the console for someone without a phone


@dataclass
class Round:
    id: str
    title: str
    question: str
    card_kind: CardKind = CardKind.NONE
    dot_vote: bool = False
    dots_per_person: int = DEFAULT_DOTS
    vote_on_rounds: list[str] = field(default_factory=list)
    show_dots_live: bool = True
    speaking_seconds: int | None = DEFAULT_SPEAKING_SECONDS
    notes: str = ""
    state: RoundState = RoundState.PENDING
    planned_order: list[str] | None = None  # the facilitator's seating order or shuffle for this round
    order: list[str] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    open_conversation: bool = False
    override: Override | None = None
    opened_at: float | None = None
    closed_at: float | None = None

    @property
    def current_turn(self) -> Turn | None:
        if self.turns and self.turns[-1].running:
            return self.turns[-1]
        return None


@dataclass
class Dialogue:
    slug: str
    title: str
    theme: str
    join_code: str
    facilitator_key: str
    created_at: float
    place: str = ""
    date: str = ""
    language: str = "nl"
    facilitator_name: str = ""
    status: Status = Status.PREPARING
    rounds: list[Round] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    started_at: float | None = None
    finished_at: float | None = None
    next_id: int = 1  # counter for card, turn and round ids; ids never repeat within a dialogue
    joining_locked: bool = False  # no new phones may join; people who joined before can come back
    removals: list[Removal] = field(default_factory=list)
    blocked_tokens: list[str] = field(default_factory=list)  # devices of removed people: they cannot rejoin
    felt_heard: list[FeltHeard] = field(default_factory=list)  # answers after the last round, one per person
