"""The plenary wall's data: dataclasses, limits and refusal codes. Plain data, no I/O.

Groupings, renames and themes are an append-only record: nothing is deleted (see wall.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Role

CardRef = tuple[str, str]  # (table_id, card_id): a card in a table's dialogue

# Limits: what the check of a wall from a file allows, and what the domain refuses to go beyond.
MAX_WALL_THEMES = 500
MAX_GROUPINGS = 50_000
MAX_WALL_DOTS = 20_000
MAX_RENAMES = 5_000
MAX_THEME_TITLE_CHARS = 80  # read from the back of the room
MAX_WALL_DOTS_PER_PERSON = 10
DEFAULT_WALL_DOTS = 3

# The ids the wall accepts: a table's or a card's id, and a voter "<table_id>:<participant_id>".
REF_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
VOTER = re.compile(r"[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64}")
THEME_ID = re.compile(r"w[1-9][0-9]{0,12}")

# Refusal codes (rounds.errors.DomainError codes; the app catalog has "error.<code>" for each).
# Reused from rounds.errors: TEXT_EMPTY, TEXT_TOO_LONG, TEXT_CONTROL_CHARS (the title), UNKNOWN_CARD (a
# malformed card reference), UNKNOWN_PARTICIPANT (a malformed voter), INVALID_VALUE (role, dots per
# person), NO_DOTS_LEFT and NO_DOT_HERE.
UNKNOWN_THEME = "unknown_theme"
THEME_RETIRED = "theme_retired"
THEME_TITLE_TAKEN = "theme_title_taken"
THEME_EMPTY = "theme_empty"  # a dot on a theme that holds no card
TOO_MANY_THEMES = "too_many_themes"
WALL_FULL = "wall_full"  # the record reached its limit of groupings, renames or dots
WALL_NO_THEMES = "wall_no_themes"  # voting cannot open: no live theme holds a card
WALL_VOTING_OPEN = "wall_voting_open"
WALL_VOTING_CLOSED = "wall_voting_closed"
WALL_DOTS_BELOW_USED = "wall_dots_below_used"  # reopening with fewer dots than someone already placed


@dataclass
class WallTheme:
    id: str  # "w1", "w2", ... never reused
    title: str
    created_at: float
    retired: bool = False
    retired_at: float | None = None


@dataclass
class Grouping:
    """One move of a card, appended and never removed. theme_id "" = taken out of any theme."""

    at: float
    table_id: str
    card_id: str
    theme_id: str


@dataclass
class Rename:
    at: float
    theme_id: str
    title: str  # the new title
    previous: str


@dataclass
class WallDot:
    voter: str  # f"{table_id}:{participant_id}": participant ids are only unique within a table
    role: Role
    theme_id: str
    at: float


@dataclass
class Wall:
    themes: list[WallTheme] = field(default_factory=list)
    groupings: list[Grouping] = field(default_factory=list)
    dots: list[WallDot] = field(default_factory=list)
    voting_open: bool = False
    dots_per_person: int = DEFAULT_WALL_DOTS
    next_id: int = 1  # theme ids "w<n>" are counted from here, never reused
    renames: list[Rename] = field(default_factory=list)
    voting_opened_at: float | None = None  # the last opening and closing, for the harvest's timeline
    voting_closed_at: float | None = None

