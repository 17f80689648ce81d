"""The plenary wall of a Dag van de Dialoog: cards from all tables grouped into themes, then dots on the themes.

Nothing is deleted. The themes and the groupings are a record of how the room formed its themes, and the
event harvest shows it:
- a grouping is appended for every move of a card, also "taken out of a theme" (theme_id ""); where a
  card is now is simply its last grouping;
- a retired theme stays recorded (retired=True); its cards go back to "ungrouped" by appended groupings;
- a rename is appended to `renames`, with the title before and after.
Only dots are taken back (remove_dot), like the dialogue's dots: a dot is a choice, not a record.

A card is a CardRef (table_id, card_id). The wall does not know the tables' dialogues: the service layer
checks that a card exists and is a dream, need or pledge before it calls group_card.
Every refusal is a DomainError with one of the codes in wall_model.py, and then nothing has changed.

This module is the one to import: the data is in wall_model.py, themes and groupings in wall_themes.py,
dots and the result in wall_votes.py, to and from dicts in wall_serialize.py, the check in wall_integrity.py.
"""

from __future__ import annotations

from .wall_model import (
    DEFAULT_WALL_DOTS,
    MAX_GROUPINGS,
    MAX_RENAMES,
    MAX_THEME_TITLE_CHARS,
    MAX_WALL_DOTS,
    MAX_WALL_DOTS_PER_PERSON,
    MAX_WALL_THEMES,
    THEME_EMPTY,
    THEME_RETIRED,
    THEME_TITLE_TAKEN,
    TOO_MANY_THEMES,
    UNKNOWN_THEME,
    WALL_DOTS_BELOW_USED,
    WALL_FULL,
    WALL_NO_THEMES,
    WALL_VOTING_CLOSED,
    WALL_VOTING_OPEN,
    CardRef,
    Grouping,
    Rename,
    Wall,
    WallDot,
    WallTheme,
)
from .wall_themes import (
    add_theme,
    cards_in,
    group_card,
    live_themes,
    new_wall,
    rename_theme,
    retire_theme,
    theme_of,
)
from .wall_votes import (
    ThemeResult,
    close_voting,
    dots_left,
    live_dots,
    open_voting,
    place_dot,
    remove_dot,
    wall_result,
)

# The refusal codes of the wall, each with "error.<code>" in the app's catalogs.
WALL_CODES = (UNKNOWN_THEME, THEME_RETIRED, THEME_TITLE_TAKEN, THEME_EMPTY, TOO_MANY_THEMES, WALL_FULL,
              WALL_NO_THEMES, WALL_VOTING_OPEN, WALL_VOTING_CLOSED, WALL_DOTS_BELOW_USED)

__all__ = [
    "DEFAULT_WALL_DOTS", "MAX_GROUPINGS", "MAX_RENAMES", "MAX_THEME_TITLE_CHARS", "MAX_WALL_DOTS",
    "MAX_WALL_DOTS_PER_PERSON", "MAX_WALL_THEMES", "WALL_CODES",
    "THEME_EMPTY", "THEME_RETIRED", "THEME_TITLE_TAKEN", "TOO_MANY_THEMES", "UNKNOWN_THEME", "WALL_DOTS_BELOW_USED",
    "WALL_FULL", "WALL_NO_THEMES", "WALL_VOTING_CLOSED", "WALL_VOTING_OPEN",
    "CardRef", "Grouping", "Rename", "ThemeResult", "Wall", "WallDot", "WallTheme",
    "add_theme", "cards_in", "close_voting", "dots_left", "group_card", "live_dots", "live_themes", "new_wall",
    "open_voting", "place_dot", "remove_dot", "rename_theme", "retire_theme", "theme_of", "wall_result",
]
