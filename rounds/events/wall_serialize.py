"""Wall <-> plain dict (JSON-ready), like serialize.py for the event record. Pure."""

from __future__ import annotations

from typing import Any

from ..model import Role
from .wall_model import Grouping, Rename, Wall, WallDot, WallTheme


def wall_to_dict(wall: Wall) -> dict[str, Any]:
    # vars() rather than asdict: no deep copy of 50,000 groupings; Role is a StrEnum and dumps as str.
    data = dict(vars(wall))
    data["themes"] = [dict(vars(theme)) for theme in wall.themes]
    data["groupings"] = [dict(vars(g)) for g in wall.groupings]
    data["dots"] = [dict(vars(dot)) for dot in wall.dots]
    data["renames"] = [dict(vars(r)) for r in wall.renames]
    return data


def _list(data: dict[str, Any], name: str) -> list[Any]:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise TypeError(f"{name} is a list")
    return value


def wall_from_dict(data: dict[str, Any]) -> Wall:
    """Rebuild a wall. Raises KeyError, TypeError or ValueError on a malformed dict; check it with check_wall."""
    if not isinstance(data, dict):
        raise TypeError("a wall is a JSON object")
    return Wall(
        **{
            **data,
            "themes": [WallTheme(**t) for t in _list(data, "themes")],
            "groupings": [Grouping(**g) for g in _list(data, "groupings")],
            "dots": [WallDot(**{**d, "role": Role(d["role"])}) for d in _list(data, "dots")],
            "renames": [Rename(**r) for r in _list(data, "renames")],
        }
    )
