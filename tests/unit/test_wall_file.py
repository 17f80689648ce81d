"""A wall to and from a file: the round trip, and the check that refuses a wall the app must not use."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from rounds import Role
from rounds.events.wall import (
    Wall,
    add_theme,
    group_card,
    new_wall,
    open_voting,
    place_dot,
    rename_theme,
    retire_theme,
)
from rounds.events.wall_integrity import MAX_PROBLEMS, check_wall, wall_from_json
from rounds.events.wall_serialize import wall_from_dict, wall_to_dict
from rounds.integrity import IntegrityProblem


def full_wall() -> Wall:
    """A wall with a rename, a retired theme, moved cards and dots, also on the retired theme."""
    wall = new_wall()
    add_theme(wall, "Groen", 1.0)
    add_theme(wall, "Ontmoeten", 2.0)
    add_theme(wall, "Dubbel", 3.0)
    group_card(wall, "t1", "c1", "w1", 4.0)
    group_card(wall, "t2", "c1", "w2", 5.0)
    group_card(wall, "t2", "c7", "w3", 6.0)
    rename_theme(wall, "w2", "Elkaar ontmoeten", 7.0)
    open_voting(wall, 2, 8.0)
    place_dot(wall, "t1:p1", Role.RESIDENT, "w3", 9.0)
    place_dot(wall, "t1:p1", Role.RESIDENT, "w1", 9.5)
    retire_theme(wall, "w3", 10.0)
    place_dot(wall, "t1:p1", Role.RESIDENT, "w2", 11.0)
    return wall


def test_a_wall_survives_the_round_trip_through_json() -> None:
    wall = full_wall()
    text = json.dumps(wall_to_dict(wall))
    again = wall_from_json(text)
    assert again == wall and isinstance(again.dots[0].role, Role)
    assert check_wall(wall) == [] and check_wall(json.loads(text)) == []
    assert wall_from_dict(wall_to_dict(new_wall())) == new_wall()


def _bad(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    data = json.loads(json.dumps(wall_to_dict(full_wall())))
    change(data)
    return data


@pytest.mark.parametrize(("change", "problem"), [
    (lambda d: d.update(themes=[d["themes"][0]] * 501), "too many themes"),
    (lambda d: d.update(groupings=d["groupings"] * 12_501), "too many groupings"),
    (lambda d: d.update(dots=d["dots"] * 6_667), "too many dots"),
    (lambda d: d["themes"][1].update(id="w1"), "theme id format or duplicate: themes[1].id"),
    (lambda d: d["themes"][0].update(id="x1"), "theme id format or duplicate: themes[0].id"),
    (lambda d: d.update(next_id=3), "next_id not above every id used: themes[2].id"),
    (lambda d: d["themes"][1].update(title="GROEN"), "duplicate live theme title: themes[1].title"),
    (lambda d: d["themes"][0].update(title="a\nb"), "control character: themes[0].title"),
    (lambda d: d["themes"][0].update(title="x" * 81), "text too long: themes[0].title"),
    (lambda d: d["themes"][2].update(retired_at=None), "not a number: themes[2].retired_at"),
    (lambda d: d["themes"][0].update(retired_at=4.0), "retired_at on a live theme: themes[0].retired_at"),
    (lambda d: d["themes"][0].update(created_at=float("nan")), "not finite: themes[0].created_at"),
    (lambda d: d["groupings"][0].update(theme_id="w9"), "unknown theme id in groupings[0].theme_id"),
    (lambda d: d["groupings"][0].update(theme_id=["w1"]), "unknown theme id in groupings[0].theme_id"),
    (lambda d: d["groupings"][0].update(card_id="c 1"), "card reference format: groupings[0]"),
    (lambda d: d["groupings"].pop(), "a card is still in a retired theme"),
    (lambda d: d["groupings"][2].update(at=10.5), "grouped into a theme after it was retired: groupings[2]"),
    (lambda d: d["renames"][0].update(theme_id="w7"), "unknown theme id in renames[0].theme_id"),
    (lambda d: d["dots"][0].update(theme_id="w8"), "unknown theme id in dots[0].theme_id"),
    (lambda d: d["dots"][0].update(voter="p1"), "voter format: dots[0].voter"),
    (lambda d: d.update(dots_per_person=1), "a voter has more dots than dots_per_person"),
    (lambda d: d.update(dots_per_person=11), "out of range: dots_per_person"),
    (lambda d: d.update(voting_open="yes"), "not a boolean: voting_open"),
    (lambda d: d.update(voting_opened_at=-1), "out of range: voting_opened_at"),
])
def test_the_check_names_what_is_wrong(change, problem) -> None:
    data = _bad(change)
    assert problem in check_wall(data)
    with pytest.raises(IntegrityProblem):
        wall_from_json(json.dumps(data))


@pytest.mark.parametrize("change", [
    lambda d: d["dots"][0].update(role="mayor"), lambda d: d["themes"][0].update(colour="red"),
    lambda d: d["dots"][0].pop("voter"), lambda d: d.update(groupings=[["t1", "c1"]]), lambda d: d.update(themes="w1"),
])
def test_a_malformed_wall_is_one_problem_not_a_crash(change) -> None:
    assert check_wall(_bad(change))[0].startswith("malformed wall")
    assert check_wall(["not", "a", "wall"]) == ["malformed wall: TypeError"]


def test_the_check_stops_at_a_readable_number_of_problems() -> None:
    data = _bad(lambda d: [g.update(card_id="?") for g in d["groupings"]])
    data["groupings"] = data["groupings"] * 100
    assert len(check_wall(data)) == MAX_PROBLEMS


def test_json_that_is_too_deep_or_not_json_is_refused() -> None:
    with pytest.raises(IntegrityProblem, match="too deeply nested"):
        wall_from_json("[" * 1000)
    with pytest.raises(IntegrityProblem, match="malformed wall"):
        wall_from_json("{")
