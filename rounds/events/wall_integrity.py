"""The full check of a wall that comes from outside (a file on disk, a venue's export), before it is used.

Like integrity.py for the event record, with the field checks of rounds/integrity_fields.py, but it
returns every problem found (up to MAX_PROBLEMS) rather than stopping at the first: sizes within the
limits, ids well formed, groupings, renames and dots only on known themes, no card left in a retired
theme, and nobody over the dots budget. Problems are short English, naming the field.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from ..integrity import MAX_NEXT_ID
from ..integrity_fields import IntegrityProblem, _bool, _enum, _int, _text, _time, check_json_depth
from ..model import Role
from ..text import look_alike_key
from .wall_model import (
    MAX_GROUPINGS,
    MAX_RENAMES,
    MAX_THEME_TITLE_CHARS,
    MAX_WALL_DOTS,
    MAX_WALL_DOTS_PER_PERSON,
    MAX_WALL_THEMES,
    REF_ID,
    THEME_ID,
    VOTER,
    Wall,
    WallTheme,
)
from .wall_serialize import wall_from_dict

MAX_PROBLEMS = 20  # enough to act on; a file with 50,000 bad groupings should not make a 50,000-line report
_LISTS = {"themes": MAX_WALL_THEMES, "groupings": MAX_GROUPINGS, "dots": MAX_WALL_DOTS, "renames": MAX_RENAMES}


class _Problems(list[str]):
    def check(self, test: Callable[..., None], *args: Any, **kwargs: Any) -> bool:
        """Run one field check; note its problem. True when it passed."""
        try:
            test(*args, **kwargs)
        except IntegrityProblem as problem:
            self.append(problem.reason)
            return False
        return True

    def full(self) -> bool:
        return len(self) >= MAX_PROBLEMS


def _header(wall: Wall, found: _Problems) -> bool:
    found.check(_bool, wall.voting_open, "voting_open")
    found.check(_int, wall.dots_per_person, "dots_per_person", 1, MAX_WALL_DOTS_PER_PERSON)
    found.check(_int, wall.next_id, "next_id", 1, MAX_NEXT_ID)
    found.check(_time, wall.voting_opened_at, "voting_opened_at", optional=True)
    found.check(_time, wall.voting_closed_at, "voting_closed_at", optional=True)
    lists_ok = True
    for name, limit in _LISTS.items():
        value = getattr(wall, name)
        if not isinstance(value, list):
            found.append(f"not a list: {name}")
            lists_ok = False
        elif len(value) > limit:
            found.append(f"too many {name}")
            lists_ok = False  # too big to walk through: the size alone is the answer
    return lists_ok


def _themes(wall: Wall, found: _Problems) -> dict[str, WallTheme]:
    known: dict[str, WallTheme] = {}
    titles: set[str] = set()
    for i, theme in enumerate(wall.themes):
        at = f"themes[{i}]"
        if not isinstance(theme.id, str) or not THEME_ID.fullmatch(theme.id) or theme.id in known:
            found.append(f"theme id format or duplicate: {at}.id")
            continue
        known[theme.id] = theme
        if isinstance(wall.next_id, int) and int(theme.id[1:]) >= wall.next_id:
            found.append(f"next_id not above every id used: {at}.id")
        found.check(_time, theme.created_at, f"{at}.created_at")
        if found.check(_text, theme.title, f"{at}.title", MAX_THEME_TITLE_CHARS, line=True) and not theme.retired:
            if look_alike_key(theme.title) in titles:
                found.append(f"duplicate live theme title: {at}.title")
            titles.add(look_alike_key(theme.title))
        if found.check(_bool, theme.retired, f"{at}.retired"):
            found.check(_time, theme.retired_at, f"{at}.retired_at", optional=not theme.retired)
            if not theme.retired and theme.retired_at is not None:
                found.append(f"retired_at on a live theme: {at}.retired_at")
        if found.full():
            break
    return known


def _groupings(wall: Wall, themes: dict[str, WallTheme], found: _Problems) -> None:
    current: dict[tuple[str, str], str] = {}
    for i, g in enumerate(wall.groupings):
        at = f"groupings[{i}]"
        ok = found.check(_time, g.at, f"{at}.at")
        if not all(isinstance(ref, str) and REF_ID.fullmatch(ref) for ref in (g.table_id, g.card_id)):
            found.append(f"card reference format: {at}")
        elif g.theme_id != "" and not _known(g.theme_id, themes):
            found.append(f"unknown theme id in {at}.theme_id")
        else:
            current[(g.table_id, g.card_id)] = g.theme_id
            theme = themes.get(g.theme_id)
            if ok and theme and theme.retired and _number(theme.retired_at) and g.at > theme.retired_at:
                found.append(f"grouped into a theme after it was retired: {at}")
        if found.full():
            return
    if any(theme_id and themes[theme_id].retired is True for theme_id in current.values()):
        found.append("a card is still in a retired theme")


def _known(theme_id: Any, themes: dict[str, WallTheme]) -> bool:
    return isinstance(theme_id, str) and theme_id in themes  # a list from a file is not even hashable


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _renames(wall: Wall, themes: dict[str, WallTheme], found: _Problems) -> None:
    for i, r in enumerate(wall.renames):
        at = f"renames[{i}]"
        found.check(_time, r.at, f"{at}.at")
        if not _known(r.theme_id, themes):
            found.append(f"unknown theme id in {at}.theme_id")
        found.check(_text, r.title, f"{at}.title", MAX_THEME_TITLE_CHARS, line=True)
        found.check(_text, r.previous, f"{at}.previous", MAX_THEME_TITLE_CHARS, line=True)
        if found.full():
            return


def _dots(wall: Wall, themes: dict[str, WallTheme], found: _Problems) -> None:
    used: Counter[str] = Counter()
    for i, dot in enumerate(wall.dots):
        at = f"dots[{i}]"
        found.check(_time, dot.at, f"{at}.at")
        found.check(_enum, dot.role, Role, f"{at}.role")
        if not isinstance(dot.voter, str) or not VOTER.fullmatch(dot.voter):
            found.append(f"voter format: {at}.voter")
        elif not _known(dot.theme_id, themes):
            found.append(f"unknown theme id in {at}.theme_id")
        elif themes[dot.theme_id].retired is False:
            used[dot.voter] += 1  # a retired theme's dots are recorded but do not count
        if found.full():
            return
    if isinstance(wall.dots_per_person, int) and any(n > wall.dots_per_person for n in used.values()):
        found.append("a voter has more dots than dots_per_person")


def check_wall(data: Wall | dict[str, Any]) -> list[str]:
    """Every problem (up to MAX_PROBLEMS) that makes this wall unsafe to use; [] when it can be used."""
    if isinstance(data, Wall):
        wall = data
    else:
        try:
            wall = wall_from_dict(data)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
            return [f"malformed wall: {type(error).__name__}"]
    found = _Problems()
    if not _header(wall, found):
        return found
    themes = _themes(wall, found)
    for section in (_groupings, _renames, _dots):
        if not found.full():
            section(wall, themes, found)
    return found[:MAX_PROBLEMS]


def wall_from_json(raw: str | bytes) -> Wall:
    """Parse, rebuild and check a wall's JSON text; anything wrong is one IntegrityProblem (the first found)."""
    check_json_depth(raw)
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as error:
        raise IntegrityProblem(f"malformed wall: {type(error).__name__}") from None
    problems = check_wall(data)
    if problems:
        raise IntegrityProblem(problems[0])
    return wall_from_dict(data)


__all__ = ["MAX_PROBLEMS", "check_wall", "wall_from_json"]
