"""The plenary wall: themes, groupings that are only ever appended, dots on themes, the result per role."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

from rounds import DomainError, Role
from rounds.events.wall import (
    MAX_THEME_TITLE_CHARS,
    Wall,
    add_theme,
    cards_in,
    close_voting,
    dots_left,
    group_card,
    new_wall,
    open_voting,
    place_dot,
    remove_dot,
    rename_theme,
    retire_theme,
    theme_of,
    wall_result,
)


def refused(code: str, action: Callable[[], object], wall: Wall) -> DomainError:
    """The action is refused with `code`, and the wall is exactly as it was."""
    before = copy.deepcopy(wall)
    with pytest.raises(DomainError) as caught:
        action()
    assert caught.value.code == code
    assert wall == before
    return caught.value


def grouped_wall() -> Wall:
    """Two themes; three cards from two tables in "Groen", one in "Ontmoeten", voting not yet open."""
    wall = new_wall()
    green = add_theme(wall, "Groen", 1.0)
    meet = add_theme(wall, "Ontmoeten", 2.0)
    for at, (table, card) in enumerate([("t1", "c1"), ("t2", "c1"), ("t1", "c3")], start=3):
        group_card(wall, table, card, green.id, float(at))
    group_card(wall, "t2", "c4", meet.id, 6.0)
    return wall


def test_themes_are_numbered_cleaned_and_kept_apart_by_how_they_look() -> None:
    wall = new_wall()
    first = add_theme(wall, "  Groen\nin de wijk ", 1.0)
    assert (first.id, first.title, first.created_at, first.retired) == ("w1", "Groen in de wijk", 1.0, False)
    assert add_theme(wall, "Ontmoeten", 2.0).id == "w2" and wall.next_id == 3
    refused("theme_title_taken", lambda: add_theme(wall, "GROEN  IN DE WIJK", 3.0), wall)
    refused("theme_title_taken", lambda: add_theme(wall, "Оntmoeten", 3.0), wall)  # a Cyrillic O
    refused("text_empty", lambda: add_theme(wall, " \u200b ", 3.0), wall)
    refused("text_too_long", lambda: add_theme(wall, "x" * (MAX_THEME_TITLE_CHARS + 1), 3.0), wall)
    refused("text_control_chars", lambda: add_theme(wall, "a\x07b", 3.0), wall)


def test_a_rename_is_recorded_with_the_title_before_and_a_same_title_records_nothing() -> None:
    wall = grouped_wall()
    rename = rename_theme(wall, "w1", "Groen en water", 10.0)
    assert rename is not None and (rename.previous, rename.title, rename.at) == ("Groen", "Groen en water", 10.0)
    assert wall.themes[0].title == "Groen en water" and wall.renames == [rename]
    assert rename_theme(wall, "w1", " Groen en water ", 11.0) is None and len(wall.renames) == 1
    assert rename_theme(wall, "w1", "groen en water", 12.0) is not None  # its own title in other letters
    refused("theme_title_taken", lambda: rename_theme(wall, "w1", "ontmoeten", 13.0), wall)
    refused("unknown_theme", lambda: rename_theme(wall, "w9", "Nieuw", 13.0), wall)


def test_the_last_grouping_wins_and_nothing_is_ever_deleted() -> None:
    wall = grouped_wall()
    assert group_card(wall, "t1", "c1", "w2", 10.0) is not None
    assert group_card(wall, "t1", "c3", "", 11.0) is not None
    assert theme_of(wall) == {("t1", "c1"): "w2", ("t2", "c1"): "w1", ("t2", "c4"): "w2"}
    assert cards_in(wall) == {"w1": [("t2", "c1")], "w2": [("t2", "c4"), ("t1", "c1")]}
    assert len(wall.groupings) == 6  # four placements and two moves, all still there
    assert [(g.card_id, g.theme_id) for g in wall.groupings[-2:]] == [("c1", "w2"), ("c3", "")]


def test_a_move_to_where_the_card_already_is_records_nothing() -> None:
    wall = grouped_wall()
    before = copy.deepcopy(wall)
    assert group_card(wall, "t1", "c1", "w1", 10.0) is None
    assert group_card(wall, "t9", "c9", "", 10.0) is None  # never grouped, "taken out" again
    assert wall == before


@pytest.mark.parametrize(("table_id", "card_id", "theme_id", "code"), [
    ("t1", "c9", "w9", "unknown_theme"), ("t1", "c9", "1", "unknown_theme"), ("", "c1", "w1", "unknown_card"),
    ("t1", "c 1", "w1", "unknown_card"), ("t1", "x" * 65, "w1", "unknown_card"), (None, "c1", "w1", "unknown_card"),
])
def test_a_bad_grouping_is_refused(table_id, card_id, theme_id, code) -> None:
    wall = grouped_wall()
    refused(code, lambda: group_card(wall, table_id, card_id, theme_id, 10.0), wall)


def test_a_retired_theme_stays_recorded_and_its_cards_go_back_to_ungrouped() -> None:
    wall = grouped_wall()
    moved = retire_theme(wall, "w1", 10.0)
    assert [(g.table_id, g.card_id, g.theme_id, g.at) for g in moved] == [
        ("t1", "c1", "", 10.0), ("t2", "c1", "", 10.0), ("t1", "c3", "", 10.0)]
    assert wall.themes[0].retired and wall.themes[0].retired_at == 10.0 and len(wall.themes) == 2
    assert cards_in(wall) == {"w2": [("t2", "c4")]} and theme_of(wall) == {("t2", "c4"): "w2"}
    assert len(wall.groupings) == 7
    refused("theme_retired", lambda: group_card(wall, "t1", "c1", "w1", 11.0), wall)
    refused("theme_retired", lambda: rename_theme(wall, "w1", "Weer groen", 11.0), wall)
    refused("theme_retired", lambda: retire_theme(wall, "w1", 11.0), wall)
    assert add_theme(wall, "Groen", 12.0).id == "w3"  # a retired theme's title may come back


def test_voting_opens_only_with_a_theme_that_holds_a_card() -> None:
    wall = new_wall()
    add_theme(wall, "Groen", 1.0)
    refused("wall_no_themes", lambda: open_voting(wall, 3, 2.0), wall)
    group_card(wall, "t1", "c1", "w1", 2.0)
    refused("invalid_value", lambda: open_voting(wall, 0, 3.0), wall)
    refused("invalid_value", lambda: open_voting(wall, 11, 3.0), wall)
    refused("invalid_value", lambda: open_voting(wall, True, 3.0), wall)
    open_voting(wall, 2, 3.0)
    assert wall.voting_open and wall.dots_per_person == 2 and wall.voting_opened_at == 3.0
    refused("wall_voting_open", lambda: open_voting(wall, 3, 4.0), wall)
    close_voting(wall, 5.0)
    assert not wall.voting_open and wall.voting_closed_at == 5.0
    refused("wall_voting_closed", lambda: close_voting(wall, 6.0), wall)


def test_dots_keep_to_the_budget_and_several_may_go_on_one_theme() -> None:
    wall = grouped_wall()
    refused("wall_voting_closed", lambda: place_dot(wall, "t1:p1", Role.RESIDENT, "w1", 9.0), wall)
    open_voting(wall, 3, 10.0)
    for _ in range(3):
        place_dot(wall, "t1:p1", Role.RESIDENT, "w1", 11.0)
    assert dots_left(wall, "t1:p1") == 0 and dots_left(wall, "t2:p1") == 3  # the same id at another table
    error = refused("no_dots_left", lambda: place_dot(wall, "t1:p1", Role.RESIDENT, "w2", 12.0), wall)
    assert error.details == {"limit": 3}
    assert remove_dot(wall, "t1:p1", "w1", 13.0).theme_id == "w1" and dots_left(wall, "t1:p1") == 1
    refused("no_dot_here", lambda: remove_dot(wall, "t1:p1", "w2", 14.0), wall)
    refused("unknown_theme", lambda: place_dot(wall, "t1:p2", Role.RESIDENT, "w9", 14.0), wall)
    refused("unknown_participant", lambda: place_dot(wall, "p2", Role.RESIDENT, "w1", 14.0), wall)
    refused("invalid_value", lambda: place_dot(wall, "t1:p2", "mayor", "w1", 14.0), wall)
    group_card(wall, "t2", "c4", "", 15.0)
    refused("theme_empty", lambda: place_dot(wall, "t1:p2", Role.RESIDENT, "w2", 16.0), wall)
    close_voting(wall, 17.0)
    refused("wall_voting_closed", lambda: remove_dot(wall, "t1:p1", "w1", 18.0), wall)


def test_reopening_with_fewer_dots_than_someone_placed_is_refused() -> None:
    wall = grouped_wall()
    open_voting(wall, 3, 10.0)
    place_dot(wall, "t1:p1", Role.RESIDENT, "w1", 11.0)
    place_dot(wall, "t1:p1", Role.RESIDENT, "w1", 12.0)
    close_voting(wall, 13.0)
    assert refused("wall_dots_below_used", lambda: open_voting(wall, 1, 14.0), wall).details == {"limit": 2}
    open_voting(wall, 2, 14.0)
    assert dots_left(wall, "t1:p1") == 0


def test_the_result_ranks_live_themes_with_shared_ranks_and_counts_per_role() -> None:
    wall = grouped_wall()
    add_theme(wall, "Veilig", 7.0)
    group_card(wall, "t3", "c1", "w3", 8.0)
    add_theme(wall, "Leeg", 8.5)
    open_voting(wall, 3, 9.0)
    for voter, role, theme in [("t1:p1", Role.RESIDENT, "w2"), ("t2:p1", Role.PROFESSIONAL, "w2"),
                               ("t1:p2", Role.RESIDENT, "w3"), ("t1:p2", Role.RESIDENT, "w3"),
                               ("t3:p1", Role.MUNICIPALITY, "w1")]:
        place_dot(wall, voter, role, theme, 10.0)
    result = wall_result(wall)
    assert [(r.theme_id, r.rank, r.dots) for r in result] == [("w2", 1, 2), ("w3", 1, 2), ("w1", 3, 1)]
    assert result[0].by_role == {role: {Role.RESIDENT: 1, Role.PROFESSIONAL: 1}.get(role, 0) for role in Role}
    assert list(result[0].by_role) == list(Role)
    assert result[2].cards == [("t1", "c1"), ("t2", "c1"), ("t1", "c3")] and result[2].title == "Groen"


def test_a_retired_themes_dots_stay_recorded_but_count_for_nothing_and_come_back() -> None:
    wall = grouped_wall()
    open_voting(wall, 2, 9.0)
    place_dot(wall, "t1:p1", Role.RESIDENT, "w1", 10.0)
    place_dot(wall, "t1:p1", Role.RESIDENT, "w2", 10.0)
    retire_theme(wall, "w1", 11.0)
    assert len(wall.dots) == 2 and dots_left(wall, "t1:p1") == 1
    assert [(r.theme_id, r.dots) for r in wall_result(wall)] == [("w2", 1)]
    refused("theme_retired", lambda: remove_dot(wall, "t1:p1", "w1", 12.0), wall)
    refused("theme_retired", lambda: place_dot(wall, "t1:p1", Role.RESIDENT, "w1", 12.0), wall)


@pytest.mark.parametrize("lang", ["nl", "en", "ar", "tr", "pl"])
def test_every_wall_refusal_is_said_in_every_language_of_the_phone(lang) -> None:
    from facilitator_app.i18n import CATALOGS, refusal
    from rounds.events.wall import WALL_CODES

    assert [code for code in WALL_CODES if f"error.{code}" not in CATALOGS[lang]] == []
    wall = grouped_wall()
    with pytest.raises(DomainError) as caught:
        add_theme(wall, "groen", 9.0)
    said = refusal(lang, caught.value)
    assert "Groen" in said and "{" not in said
