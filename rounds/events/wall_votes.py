"""Dots on the wall's themes and the ranked result per role (see wall.py).

Like the dialogue's dots: each voter has `dots_per_person` dots, may put several on one theme, and may
take one back while voting is open. Only dots on live themes count; a retired theme's dots stay recorded
but count for nothing, and the voter gets them back.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .. import errors as e
from ..agenda import competition_ranks
from ..errors import DomainError
from ..model import Role
from .wall_model import (
    MAX_WALL_DOTS,
    MAX_WALL_DOTS_PER_PERSON,
    THEME_EMPTY,
    VOTER,
    WALL_DOTS_BELOW_USED,
    WALL_FULL,
    WALL_NO_THEMES,
    WALL_VOTING_CLOSED,
    WALL_VOTING_OPEN,
    CardRef,
    Wall,
    WallDot,
)
from .wall_themes import _live_theme, cards_in, live_themes


@dataclass(frozen=True)
class ThemeResult:
    theme_id: str
    title: str
    rank: int  # 1, 2, 2, 4: equal dots share a rank
    dots: int
    by_role: dict[Role, int]  # every role, in Role order, 0 included
    cards: list[CardRef]


def live_dots(wall: Wall) -> list[WallDot]:
    """The dots that count: those on live themes."""
    live = {theme.id for theme in live_themes(wall)}
    return [dot for dot in wall.dots if dot.theme_id in live]


def _used(wall: Wall) -> Counter[str]:
    return Counter(dot.voter for dot in live_dots(wall))


def dots_left(wall: Wall, voter: str) -> int:
    return max(wall.dots_per_person - _used(wall)[voter], 0)


def open_voting(wall: Wall, dots_per_person: int, now: float) -> None:
    """Open the dots. Needs a live theme with a card; dots placed before (voting reopened) stay."""
    if wall.voting_open:
        raise DomainError(WALL_VOTING_OPEN)
    if (not isinstance(dots_per_person, int) or isinstance(dots_per_person, bool)
            or not 1 <= dots_per_person <= MAX_WALL_DOTS_PER_PERSON):
        raise DomainError(e.INVALID_VALUE, field="dots_per_person")
    if not any(cards_in(wall).values()):
        raise DomainError(WALL_NO_THEMES)
    most = max(_used(wall).values(), default=0)
    if dots_per_person < most:
        # Fewer dots than someone already placed would leave that person over budget.
        raise DomainError(WALL_DOTS_BELOW_USED, limit=most)
    wall.dots_per_person = dots_per_person
    wall.voting_open, wall.voting_opened_at = True, now


def close_voting(wall: Wall, now: float) -> None:
    if not wall.voting_open:
        raise DomainError(WALL_VOTING_CLOSED)
    wall.voting_open, wall.voting_closed_at = False, now


def _check_voter(wall: Wall, voter: str) -> None:
    if not isinstance(voter, str) or not VOTER.fullmatch(voter):
        raise DomainError(e.UNKNOWN_PARTICIPANT)
    if not wall.voting_open:
        raise DomainError(WALL_VOTING_CLOSED)


def place_dot(wall: Wall, voter: str, role: Role, theme_id: str, now: float) -> WallDot:
    _check_voter(wall, voter)
    if not isinstance(role, Role):
        raise DomainError(e.INVALID_VALUE, field="role")
    theme = _live_theme(wall, theme_id)
    if not cards_in(wall)[theme.id]:
        raise DomainError(THEME_EMPTY, (theme.title,))
    if dots_left(wall, voter) <= 0:
        raise DomainError(e.NO_DOTS_LEFT, limit=wall.dots_per_person)
    if len(wall.dots) >= MAX_WALL_DOTS:
        raise DomainError(WALL_FULL)
    dot = WallDot(voter=voter, role=role, theme_id=theme.id, at=now)
    wall.dots.append(dot)
    return dot


def remove_dot(wall: Wall, voter: str, theme_id: str, now: float) -> WallDot:
    """Take back the voter's latest dot on a live theme. `now` is unused: a taken-back dot leaves no record."""
    _check_voter(wall, voter)
    theme = _live_theme(wall, theme_id)
    for index in range(len(wall.dots) - 1, -1, -1):
        dot = wall.dots[index]
        if dot.voter == voter and dot.theme_id == theme.id:
            return wall.dots.pop(index)
    raise DomainError(e.NO_DOT_HERE)


def wall_result(wall: Wall) -> list[ThemeResult]:
    """Live themes by dots, most first; equal dots share a rank and keep creation order.

    A theme nobody put a dot on is not in the result, as a card without dots is not on the agenda.
    """
    counts: dict[str, Counter[Role]] = {theme.id: Counter() for theme in live_themes(wall)}
    for dot in live_dots(wall):
        counts[dot.theme_id][dot.role] += 1
    cards = cards_in(wall)
    ranked = competition_ranks(live_themes(wall), lambda theme: counts[theme.id].total())
    return [
        ThemeResult(theme_id=theme.id, title=theme.title, rank=rank, dots=counts[theme.id].total(),
                    by_role={role: counts[theme.id][role] for role in Role}, cards=list(cards[theme.id]))
        for rank, theme in ranked
    ]
