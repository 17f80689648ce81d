"""The plenary wall: the organiser groups the tables' cards, the projector shows them, every phone places dots."""

from __future__ import annotations

from nicegui.testing import User

from facilitator_app import app as wijk_app
from facilitator_app.events import ORGANISER
from facilitator_app.pages.event_wall_access import wall_path
from rounds import FACILITATOR, CardKind, Role

from .conftest import join_as, until


async def _event(tables: int = 2):
    made = await wijk_app.current.events.create(title="Dag van de Dialoog", tables=tables)
    return made.hall, made.organiser_key


async def _open_round_of(room, kind: CardKind) -> None:
    """Open the first round that asks for this kind of card, closing earlier ones by override."""
    while True:
        now = next((r for r in room.dialogue.rounds if r.state == "open"), None)
        if now is not None and now.card_kind == kind:
            return
        if now is not None:
            await room.close_round(FACILITATOR, reason="kort")
        await room.open_next_round(FACILITATOR)


async def _card(room, text: str, kind: CardKind = CardKind.DREAM, author: str = "Anna"):
    """A card written at a table (by someone who joined there on another phone)."""
    person = next((p for p in room.dialogue.participants if p.name == author), None)
    if person is None:
        person = await room.join(f"token-{author}", author, Role.RESIDENT)
    await _open_round_of(room, kind)
    return await room.add_card(person.id, person.id, text)


def _texts(user: User, marker: str) -> list[str]:
    return [el.text for el in user.find(marker=marker).elements]


def _inside(user: User, marker: str, text: str) -> bool:
    """Is this text shown inside the element(s) with this marker (False when there is none)?"""
    try:
        elements = user.find(marker=marker).elements
    except AssertionError:
        return False
    return any(getattr(child, "text", None) == text for el in elements for child in el.descendants())


async def test_grouping_a_card_puts_it_in_the_theme_on_the_wall(create_user):
    organiser, wall = create_user(), create_user()
    await organiser.open("/")
    hall, key = await _event()
    table = hall.event.tables[1]
    card = await _card(hall.table_room(table), "Een moestuin voor iedereen")
    await organiser.open(f"/e/{hall.slug}/plenair?key={key}")
    await organiser.should_see("Een moestuin voor iedereen")
    await organiser.should_see(f"droom · {table.name}")
    await organiser.should_not_see("Anna")  # never who wrote it
    organiser.find(marker="wall-theme-input").type("Groen in de wijk")
    organiser.find(marker="wall-theme-add").click()
    theme = await _theme_named(hall, "Groen in de wijk")
    await wall.open(wall_path(wijk_app.current, hall.slug))
    await wall.should_see("Een moestuin voor iedereen")  # still ungrouped: "just in"
    assert _texts(wall, "wall-tile-title") == ["Groen in de wijk"]
    organiser.find(marker=f"wall-put-{table.id}-{card.id}-{theme.id}").click()
    await organiser.should_see("1 keer gegroepeerd. Alles wordt bewaard.")
    await until(lambda: _inside(wall, "wall-tile", "Een moestuin voor iedereen"))
    assert not _inside(wall, "wall-loose", "Een moestuin voor iedereen")  # no longer among the new ones
    await wall.should_not_see("Anna")


async def _theme_named(hall, title: str):
    await until(lambda: any(th.title == title for th in hall.wall.themes))
    return next(th for th in hall.wall.themes if th.title == title)


async def test_new_cards_arrive_live_on_the_wall_and_in_the_organisers_list(create_user):
    organiser, wall = create_user(), create_user()
    await organiser.open("/")
    hall, key = await _event()
    await organiser.open(f"/e/{hall.slug}/plenair?key={key}")
    await wall.open(wall_path(wijk_app.current, hall.slug))
    await wall.should_see(marker="wall-empty")
    await _card(hall.table_room(hall.event.tables[0]), "Een bankje bij de bushalte", CardKind.NEED)
    await _card(hall.table_room(hall.event.tables[1]), "Ik ga koken voor de buren", CardKind.PLEDGE)
    await wall.should_see("Een bankje bij de bushalte")
    await organiser.should_see("Een bankje bij de bushalte")
    await organiser.should_see("Ik ga koken voor de buren")
    assert _inside(organiser, "wall-pledges", "Ik ga koken voor de buren")  # pledges have their own list
    assert not _inside(organiser, "wall-cards", "Ik ga koken voor de buren")
    assert _inside(organiser, "wall-cards", "Een bankje bij de bushalte")


async def test_a_hidden_card_never_appears(create_user):
    organiser, wall, phone = create_user(), create_user(), create_user()
    await organiser.open("/")
    hall, key = await _event()
    table = hall.event.tables[0]
    room = hall.table_room(table)
    await join_as(phone, room.dialogue.join_code, "Ravi")
    early = await _card(room, "Iets kwetsends over de buren")
    await room.set_card_hidden(FACILITATOR, early.id, True)  # hidden by the host before the wall saw it
    later = await _card(room, "Een speeltuin op het plein")
    slide = await _card(room, "Een glijbaan voor de kleintjes")
    theme = await hall.add_theme(ORGANISER, "Spelen")
    for card in (later, slide):
        await hall.group_card(ORGANISER, table.id, card.id, theme.id)
    await organiser.open(f"/e/{hall.slug}/plenair?key={key}")
    await wall.open(wall_path(wijk_app.current, hall.slug))
    for screen in (organiser, wall):
        await screen.should_see("Een speeltuin op het plein")
        await screen.should_not_see("Iets kwetsends over de buren")
    await room.set_card_hidden(FACILITATOR, later.id, True)  # hidden at the table after it was grouped
    for screen in (organiser, wall):
        await screen.should_not_see("Een speeltuin op het plein")
        await screen.should_see("Een glijbaan voor de kleintjes")
    await hall.open_voting(ORGANISER, 3)
    await phone.open(f"/e/{hall.slug}/vote")
    await phone.should_see("Een glijbaan voor de kleintjes")
    await phone.should_not_see("Een speeltuin op het plein")
    await phone.should_not_see("Iets kwetsends over de buren")
    await room.set_card_hidden(FACILITATOR, slide.id, True)  # during the voting: gone from the phone at once
    await phone.should_not_see("Een glijbaan voor de kleintjes")
    await phone.should_see(marker="vote-no-themes")


async def test_a_dot_from_a_phone_moves_the_walls_bar_and_the_dots_left(create_user):
    phone, wall, organiser = create_user(), create_user(), create_user()
    await phone.open("/")
    hall, key = await _event()
    table = hall.event.tables[1]
    room = hall.table_room(table)
    await join_as(phone, room.dialogue.join_code, "Ravi")
    card = await _card(room, "Meer groen in de straat")
    theme = await hall.add_theme(ORGANISER, "Groen")
    await hall.group_card(ORGANISER, table.id, card.id, theme.id)
    await phone.open(f"/e/{hall.slug}/vote")
    await phone.should_see("Het stemmen is nog niet begonnen")
    await organiser.open(f"/e/{hall.slug}/plenair?key={key}")
    organiser.find(marker="wall-open-voting").click()  # the phone's page changes by itself
    await phone.should_see("Je hebt nog 3 stippen")
    await wall.open(wall_path(wijk_app.current, hall.slug))
    assert _texts(wall, "wall-bar-dots") == ["0"]
    phone.find(marker=f"vote-plus-{theme.id}").click()
    await phone.should_see("Je hebt nog 2 stippen")
    await phone.should_see("1 stip van jou")
    await until(lambda: _texts(wall, "wall-bar-dots") == ["1"])
    phone.find(marker=f"vote-plus-{theme.id}").click()
    phone.find(marker=f"vote-minus-{theme.id}").click()
    await until(lambda: len(hall.wall.dots) == 1 and _texts(wall, "wall-bar-dots") == ["1"])
    await phone.should_see("Je hebt nog 2 stippen")
    organiser.find(marker="wall-close-voting").click()
    await phone.should_see("Het stemmen is klaar")
    await until(lambda: _texts(wall, "wall-result-roles") == ["Bewoner 1"])
    await until(lambda: _inside(organiser, "wall-result-row", "Groen"))


async def test_a_phone_that_is_nobody_at_any_table_cannot_vote(user: User):
    await user.open("/")
    hall, _ = await _event()
    table = hall.event.tables[0]
    card = await _card(hall.table_room(table), "Een buurtkamer")
    theme = await hall.add_theme(ORGANISER, "Ontmoeten")
    await hall.group_card(ORGANISER, table.id, card.id, theme.id)
    await hall.open_voting(ORGANISER, 3)
    await user.open(f"/e/{hall.slug}/vote")
    await user.should_see("We weten nog niet aan welke tafel je zit")
    await user.should_see(marker="vote-to-join")
    await user.should_not_see(marker="vote-plus")
    assert hall.wall.dots == []


async def test_a_retired_theme_keeps_its_record_and_its_cards_return(user: User):
    await user.open("/")
    hall, key = await _event()
    table = hall.event.tables[0]
    card = await _card(hall.table_room(table), "Samen de straat schoonmaken")
    theme = await hall.add_theme(ORGANISER, "Schoon")
    await hall.group_card(ORGANISER, table.id, card.id, theme.id)
    await user.open(f"/e/{hall.slug}/plenair?key={key}")
    await user.should_see(marker=f"wall-take-out-{table.id}-{card.id}")
    await user.should_see("1 keer gegroepeerd")
    user.find(marker=f"wall-retire-{theme.id}").click()
    await user.should_see(marker="wall-retire-question")
    user.find(marker="wall-retire-yes").click()
    await user.should_see("2 keer gegroepeerd")
    await user.should_see(marker="wall-retired", content="Schoon")
    await user.should_not_see(marker=f"wall-take-out-{table.id}-{card.id}")
    await user.should_see(marker=f"wall-card-{table.id}-{card.id}")  # back among the cards not in a theme
    assert [(th.title, th.retired) for th in hall.wall.themes] == [("Schoon", True)]
    assert [g.theme_id for g in hall.wall.groupings] == [theme.id, ""]


async def test_the_wall_opens_only_with_its_own_link_or_the_organisers_key(create_user):
    stranger, projector = create_user(), create_user()
    await stranger.open("/")
    hall, _ = await _event()
    await stranger.open(f"/e/{hall.slug}/wall")
    await stranger.should_see(marker="wall-locked")
    await stranger.open(f"/e/{hall.slug}/wall?s=0123456789abcdef0123456789abcdef")
    await stranger.should_see(marker="wall-locked")
    await stranger.open(f"/e/{hall.slug}/plenair")
    await stranger.should_see(marker="wall-locked")
    await projector.open(wall_path(wijk_app.current, hall.slug))
    await projector.should_see(marker="wall-screen")
    await projector.should_see("Dag van de Dialoog")


async def test_the_vote_page_speaks_the_phones_own_language(user: User):
    await user.open("/")
    hall, _ = await _event()
    await join_as(user, hall.table_room(hall.event.tables[0]).dialogue.join_code, "Samira")
    await user.open(f"/e/{hall.slug}/vote?lang=ar")
    await user.should_see("لم يبدأ التصويت بعد")


async def test_the_table_phones_button_to_the_dots_shows_only_while_voting_is_open(user: User):
    await user.open("/")
    hall, _ = await _event()
    table = hall.event.tables[0]
    card = await _card(hall.table_room(table), "Een buurtkamer")
    theme = await hall.add_theme(ORGANISER, "Ontmoeten")
    await hall.group_card(ORGANISER, table.id, card.id, theme.id)
    await join_as(user, hall.table_room(table).dialogue.join_code, "Samira")  # the table's own phone page
    await user.should_not_see("Stem op de thema’s")
    await hall.open_voting(ORGANISER, 3)
    await user.should_see("Stem op de thema’s")
    user.find(marker="phone-wall-vote").click()
    await user.should_see("Ontmoeten")
    await user.should_see("Je hebt nog 3 stippen")
    await hall.close_voting(ORGANISER)
    await user.open(f"/join/{hall.table_room(table).dialogue.join_code}")
    await user.should_see("Hallo Samira")
    await user.should_not_see("Stem op de thema’s")
