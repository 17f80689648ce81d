"""Themes on the wall and the cards grouped into them: an append-only record (see wall.py)."""

from __future__ import annotations

from .. import errors as e
from ..errors import DomainError
from ..text import clean_text, look_alike_key
from .wall_model import (
    MAX_GROUPINGS,
    MAX_RENAMES,
    MAX_THEME_TITLE_CHARS,
    MAX_WALL_THEMES,
    REF_ID,
    THEME_RETIRED,
    THEME_TITLE_TAKEN,
    TOO_MANY_THEMES,
    UNKNOWN_THEME,
    WALL_FULL,
    CardRef,
    Grouping,
    Rename,
    Wall,
    WallTheme,
)


def new_wall() -> Wall:
    return Wall()


def _theme(wall: Wall, theme_id: str) -> WallTheme:
    for theme in wall.themes:
        if theme.id == theme_id:
            return theme
    raise DomainError(UNKNOWN_THEME)


def _live_theme(wall: Wall, theme_id: str) -> WallTheme:
    theme = _theme(wall, theme_id)
    if theme.retired:
        raise DomainError(THEME_RETIRED, (theme.title,))
    return theme


def live_themes(wall: Wall) -> list[WallTheme]:
    """The themes not retired, in creation order."""
    return [theme for theme in wall.themes if not theme.retired]


def _clean_title(wall: Wall, title: str, keep: str = "") -> str:
    # One line: a theme title is a heading on the wall, so a newline becomes a space.
    cleaned = " ".join(clean_text(title, MAX_THEME_TITLE_CHARS).split())
    key = look_alike_key(cleaned)
    for theme in live_themes(wall):
        if theme.id != keep and look_alike_key(theme.title) == key:
            raise DomainError(THEME_TITLE_TAKEN, (theme.title,))
    return cleaned


def add_theme(wall: Wall, title: str, now: float) -> WallTheme:
    """A new theme. A title that looks like a live theme's is refused; a retired theme's title may return."""
    if len(wall.themes) >= MAX_WALL_THEMES:
        raise DomainError(TOO_MANY_THEMES, limit=MAX_WALL_THEMES)
    theme = WallTheme(id=f"w{wall.next_id}", title=_clean_title(wall, title), created_at=now)
    wall.themes.append(theme)
    wall.next_id += 1
    return theme


def rename_theme(wall: Wall, theme_id: str, title: str, now: float) -> Rename | None:
    """Rename a live theme; None (nothing recorded) when the cleaned title is exactly the current one."""
    theme = _live_theme(wall, theme_id)
    cleaned = _clean_title(wall, title, keep=theme.id)
    if cleaned == theme.title:
        return None
    if len(wall.renames) >= MAX_RENAMES:
        raise DomainError(WALL_FULL)
    rename = Rename(at=now, theme_id=theme.id, title=cleaned, previous=theme.title)
    wall.renames.append(rename)
    theme.title = cleaned
    return rename


def retire_theme(wall: Wall, theme_id: str, now: float) -> list[Grouping]:
    """Retire a live theme: it stays recorded, its cards go back to ungrouped, its dots stop counting.

    The voters get those dots back (dots_left counts live themes only); the dots stay in the record.
    Returns the groupings appended, one per card that was in the theme.
    """
    theme = _live_theme(wall, theme_id)
    cards = cards_in(wall)[theme.id]
    if len(wall.groupings) + len(cards) > MAX_GROUPINGS:
        raise DomainError(WALL_FULL)
    moved = [Grouping(at=now, table_id=t, card_id=c, theme_id="") for t, c in cards]
    wall.groupings.extend(moved)
    theme.retired, theme.retired_at = True, now
    return moved


def _check_ref(table_id: str, card_id: str) -> None:
    if not (isinstance(table_id, str) and REF_ID.fullmatch(table_id)
            and isinstance(card_id, str) and REF_ID.fullmatch(card_id)):
        raise DomainError(e.UNKNOWN_CARD)


def group_card(wall: Wall, table_id: str, card_id: str, theme_id: str, now: float) -> Grouping | None:
    """Put a card in a live theme, or take it out of any theme (theme_id "").

    A move to where the card already is (same theme, or "" for an ungrouped card) records nothing and
    returns None rather than refusing: two organisers clicking the same move is not a mistake.
    """
    _check_ref(table_id, card_id)
    if theme_id:
        _live_theme(wall, theme_id)
    if theme_of(wall).get((table_id, card_id), "") == theme_id:
        return None
    if len(wall.groupings) >= MAX_GROUPINGS:
        raise DomainError(WALL_FULL)
    grouping = Grouping(at=now, table_id=table_id, card_id=card_id, theme_id=theme_id)
    wall.groupings.append(grouping)
    return grouping


def theme_of(wall: Wall) -> dict[CardRef, str]:
    """The theme each grouped card is in now: its last grouping wins; ungrouped cards are left out."""
    current: dict[CardRef, str] = {}
    for g in wall.groupings:
        current[(g.table_id, g.card_id)] = g.theme_id
    return {ref: theme_id for ref, theme_id in current.items() if theme_id}


def cards_in(wall: Wall) -> dict[str, list[CardRef]]:
    """Every live theme (also an empty one) -> its cards, in the order they were last put there."""
    result: dict[str, list[CardRef]] = {theme.id: [] for theme in live_themes(wall)}
    # Walk from the end so a card's last grouping decides both its theme and its place in the order.
    seen: set[CardRef] = set()
    for g in reversed(wall.groupings):
        ref = (g.table_id, g.card_id)
        if ref in seen:
            continue
        seen.add(ref)
        if g.theme_id in result:
            result[g.theme_id].append(ref)
    for cards in result.values():
        cards.reverse()
    return result
