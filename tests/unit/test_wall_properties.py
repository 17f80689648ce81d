"""Properties of the plenary wall under any sequence of organiser and phone actions.

Whatever happens: the record only grows, a refusal changes nothing, a wall the domain made passes the file
check and survives the round trip, nobody goes over the dots budget, and the result adds up.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from rounds import DomainError, Role
from rounds.events.wall import (
    Wall,
    add_theme,
    cards_in,
    close_voting,
    dots_left,
    group_card,
    live_dots,
    live_themes,
    new_wall,
    open_voting,
    place_dot,
    remove_dot,
    rename_theme,
    retire_theme,
    theme_of,
    wall_result,
)
from rounds.events.wall_integrity import check_wall, wall_from_json
from rounds.events.wall_serialize import wall_to_dict

TITLES = st.sampled_from(["Groen", "groen", "Ontmoeten", "Veilig", "Spelen", "  ", "Zorg\nthuis"])
THEME = st.sampled_from(["w1", "w1", "w2", "w2", "w3", "w4", "w0"])  # w0 is never an id; w4 seldom exists
# "t1:p1" often enough to run out of dots; "t1:p1" and "t2:p1" are two people with the same id at two tables.
VOTER = st.sampled_from(["t1:p1", "t1:p1", "t1:p1", "t1:p1", "t1:p2", "t2:p1"])
CARD = st.tuples(st.sampled_from(["t1", "t2", "t3"]), st.sampled_from(["c1", "c2", "c3", "c4"]))

# Every sequence starts from a wall with two grouped themes and voting open, so dots are exercised too.
PRELUDE = [("add", "Groen"), ("add", "Ontmoeten"), ("group", ("t1", "c1"), "w1"), ("group", ("t2", "c1"), "w2"),
           ("open", 3)]
BY_KIND: dict[str, st.SearchStrategy[tuple[Any, ...]]] = {
    "add": st.tuples(st.just("add"), TITLES),
    "rename": st.tuples(st.just("rename"), THEME, TITLES),
    "retire": st.tuples(st.just("retire"), THEME),
    "group": st.tuples(st.just("group"), CARD, st.one_of(st.just(""), THEME)),
    "open": st.tuples(st.just("open"), st.integers(0, 4)),
    "close": st.tuples(st.just("close")),
    "dot": st.tuples(st.just("dot"), VOTER, st.sampled_from(list(Role)), THEME),
    "undot": st.tuples(st.just("undot"), VOTER, THEME),
}
# Weighted so that dots are placed, run out and are taken back, between the organiser's moves.
KINDS = ["add", "rename", "retire", "group", "group", "open", "close", *["dot"] * 6, *["undot"] * 3]
ACTIONS = st.sampled_from(KINDS).flatmap(lambda kind: BY_KIND[kind])


def apply(wall: Wall, action: tuple[Any, ...], now: float) -> None:
    kind, *args = action
    if kind == "add":
        add_theme(wall, args[0], now)
    elif kind == "rename":
        rename_theme(wall, args[0], args[1], now)
    elif kind == "retire":
        retire_theme(wall, args[0], now)
    elif kind == "group":
        (table_id, card_id), theme_id = args
        group_card(wall, table_id, card_id, theme_id, now)
    elif kind == "open":
        open_voting(wall, args[0], now)
    elif kind == "close":
        close_voting(wall, now)
    elif kind == "dot":
        place_dot(wall, args[0], args[1], args[2], now)
    else:
        remove_dot(wall, args[0], args[1], now)


def assert_sound(wall: Wall) -> None:
    assert check_wall(wall) == []
    assert wall_from_json(json.dumps(wall_to_dict(wall))) == wall
    live = {theme.id for theme in live_themes(wall)}
    # Where each card is: a plain replay of the log, and the two views of it agree.
    replay: dict[tuple[str, str], str] = {}
    for g in wall.groupings:
        replay[(g.table_id, g.card_id)] = g.theme_id
    assert theme_of(wall) == {ref: theme for ref, theme in replay.items() if theme}
    assert set(theme_of(wall).values()) <= live
    assert {(ref, theme) for theme, refs in cards_in(wall).items() for ref in refs} == set(theme_of(wall).items())
    used = Counter(dot.voter for dot in live_dots(wall))
    assert all(n <= wall.dots_per_person for n in used.values())
    assert all(dots_left(wall, voter) == wall.dots_per_person - n for voter, n in used.items())
    result = wall_result(wall)
    assert sum(r.dots for r in result) == len(live_dots(wall))
    for r in result:
        assert r.dots > 0 and sum(r.by_role.values()) == r.dots and r.theme_id in live
        assert r.rank == 1 + sum(other.dots > r.dots for other in result)
    order = [theme.id for theme in wall.themes]
    for a, b in zip(result, result[1:], strict=False):
        assert a.dots > b.dots or (a.dots == b.dots and order.index(a.theme_id) < order.index(b.theme_id))


@settings(max_examples=150, deadline=None)
@given(st.lists(ACTIONS, min_size=5, max_size=40))
def test_any_sequence_of_actions_keeps_the_wall_sound_and_its_record_only_grows(actions) -> None:
    wall = new_wall()
    for step, action in enumerate([*PRELUDE, *actions], start=1):
        before = copy.deepcopy(wall)
        try:
            apply(wall, action, float(step))
        except DomainError:
            assert wall == before  # a refusal changes nothing
            continue
        # Nothing is deleted: what was recorded is still there, unchanged but for a theme's title and retirement.
        assert wall.groupings[: len(before.groupings)] == before.groupings
        assert wall.renames[: len(before.renames)] == before.renames
        assert [t.id for t in wall.themes[: len(before.themes)]] == [t.id for t in before.themes]
        assert [t.created_at for t in wall.themes[: len(before.themes)]] == [t.created_at for t in before.themes]
        assert all(t.retired for t, old in zip(wall.themes, before.themes, strict=False) if old.retired)
        assert_sound(wall)


@settings(max_examples=100, deadline=None)
@given(st.lists(ACTIONS, max_size=30), st.randoms(use_true_random=False))
def test_a_damaged_file_is_refused_or_still_sound(actions, rnd) -> None:
    wall = new_wall()
    for step, action in enumerate([*PRELUDE, *actions], start=1):
        try:
            apply(wall, action, float(step))
        except DomainError:
            pass
    data = wall_to_dict(wall)
    lists = [name for name in ("themes", "groupings", "dots", "renames") if data[name]]
    if not lists:
        return
    items = data[rnd.choice(lists)]
    item = items[rnd.randrange(len(items))]
    field = rnd.choice(sorted(item))
    item[field] = rnd.choice([None, "", "w99", -1.0, 10**20, ["x"], "t1:p1", True, "Groen"])
    problems = check_wall(json.loads(json.dumps(data)))
    if not problems:
        assert_sound(wall_from_json(json.dumps(data)))  # the change happened to keep the wall usable
