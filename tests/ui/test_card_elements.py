"""A card is a few elements on the pages that hold it, and changes in place (issue 10, "a lean live room").

In a hall of 200 phones 600 cards arrive in ten minutes. The console lists every one of them, and each
author's phone lists their own, for the whole round; every NiceGUI element costs the server a few kB
(bench/card_memory.py). So a card is three elements on the console and three on its author's phone,
nothing on the other phones, and nothing more on the projector, which keeps its six newest.
"""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User
from nicegui.testing.user_interaction import UserInteraction

from rounds import FACILITATOR as F

from .conftest import join_as, live_room, screen_url, until
from .test_screen_and_cards import open_round_number

PER_CARD = 3


def elements(user: User) -> int:
    assert user.client is not None
    return len(user.client.elements)


def tap(user: User, element: ui.element) -> None:
    """Tap this one element (find() gives every element with a marker; a list has one per card)."""
    UserInteraction(user, {element}, None).click()


def own_list(phone: User) -> list[ui.element]:
    return list(phone.find(marker="own-cards").elements.pop().default_slot.children)


async def test_a_card_is_three_elements_on_its_authors_phone_and_on_the_console(create_user, setup):
    dialogue = setup.dialogue()
    anna, ben, console, screen = create_user(), create_user(), create_user(), create_user()
    await join_as(anna, dialogue.join_code, "Anna")
    await join_as(ben, dialogue.join_code, "Ben")
    room = live_room(dialogue.slug)
    await open_round_number(room, 2)
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    await screen.open(screen_url(dialogue.slug))
    author = next(p.id for p in room.dialogue.participants if p.name == "Anna")
    first = 6  # the first cards make what every later one reuses, and fill the wall's six tiles
    for n in range(first):
        await room.add_card(author, author, f"Kaartje {n}")
    for page in (anna, console, screen):
        await page.should_see(f"Kaartje {first - 1}")
    before = {page: elements(page) for page in (anna, ben, console, screen)}

    cards = 12
    for n in range(first, first + cards):
        await room.add_card(author, author, f"Kaartje {n}")
    for page in (anna, console, screen):
        await page.should_see(f"Kaartje {first + cards - 1}")
    assert elements(anna) - before[anna] <= PER_CARD * cards
    assert elements(console) - before[console] <= PER_CARD * cards
    assert elements(ben) == before[ben]  # nobody else's phone holds Anna's cards
    assert elements(screen) == before[screen]  # the wall keeps its six newest tiles
    shown = [e.text for e in own_list(anna) if isinstance(e, ui.label)]
    assert shown == [f"Kaartje {n}" for n in range(first + cards)]  # in the order they were written
    assert [e.text for e in sorted(console.find(marker="console-card").elements, key=lambda e: e.id)] == shown


async def anna_and_console_in_a_card_round(create_user, setup) -> tuple:
    """Anna's phone and the facilitator's console in round 2, which has cards: (room, phone, console)."""
    dialogue = setup.dialogue()
    phone, console = create_user(), create_user()
    await join_as(phone, dialogue.join_code, "Anna")
    room = live_room(dialogue.slug)
    await open_round_number(room, 2)
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    return room, phone, console


async def test_an_own_card_is_changed_and_taken_away_in_place(create_user, setup):
    room, phone, console = await anna_and_console_in_a_card_round(create_user, setup)
    for text in ("Een bankje bij de vijver", "Meer licht in het steegje"):
        phone.find(marker="card-input").type(text)
        phone.find(marker="card-send").click()
        await phone.should_see(marker="own-card", content=text)
    first, first_edit, first_read, _, second_edit, _ = own_list(phone)
    assert first_read.props["data-read"] == "Een bankje bij de vijver"
    assert first_read.props["aria-label"] == "Lees voor: Een bankje bij de vijver"

    tap(phone, first_edit)
    await phone.should_see(marker="card-edit-input")
    box = phone.find(marker="card-edit-input")
    assert next(iter(box.elements)).value == "Een bankje bij de vijver"
    box.clear().type("Een bankje in de schaduw bij de vijver")
    phone.find(marker="card-edit-save").click()
    await phone.should_see(marker="own-card", content="Een bankje in de schaduw bij de vijver")
    await console.should_see("Een bankje in de schaduw bij de vijver")
    assert first.text == "Een bankje in de schaduw bij de vijver" and not first.is_deleted  # changed, not redrawn
    assert first_read.props["data-read"] == "Een bankje in de schaduw bij de vijver"  # reads the card as it is now
    assert first_read.props["aria-label"] == "Lees voor: Een bankje in de schaduw bij de vijver"

    tap(phone, second_edit)
    await until(lambda: phone.find(marker="card-edit-input").elements.pop().value == "Meer licht in het steegje")
    phone.find(marker="card-edit-delete").click()
    await phone.should_not_see("Meer licht in het steegje")
    await console.should_not_see("Meer licht in het steegje")
    assert own_list(phone) == [first, first_edit, first_read]
    assert [c.text for c in setup.load(room.slug).rounds[1].cards] == ["Een bankje in de schaduw bij de vijver"]
    assert phone.client is not None
    assert sum(isinstance(e, ui.dialog) for e in phone.client.elements.values()) == 1  # one editor, made once


async def test_the_console_hides_and_shows_one_card_in_place(create_user, setup):
    dialogue = setup.dialogue("De Linde", ("Marja", "resident"), ("Henk", "resident"))
    room = live_room(dialogue.slug)
    await open_round_number(room, 2)
    marja, henk = (p.id for p in room.dialogue.participants)
    console = create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    await room.add_card(F, marja, "Een moestuin")
    await room.add_card(F, henk, "Een buurtfeest")
    await console.should_see("Een buurtfeest")
    garden, party = sorted(console.find(marker="console-card").elements, key=lambda e: e.id)
    hide_garden, hide_party = sorted(console.find(marker="hide-card").elements, key=lambda e: e.id)
    await console.should_see("Marja")

    tap(console, hide_garden)
    await until(lambda: setup.load(dialogue.slug).rounds[1].cards[0].hidden)
    await until(lambda: hide_garden.props["label"] == "Tonen")
    assert hide_garden.props["aria-label"] == "Weer tonen: Een moestuin"
    assert "wd-card-hidden" in garden.classes and "wd-card-hidden" not in party.classes
    assert hide_party.props["label"] == "Verbergen" and not party.is_deleted  # the other card is left as it was

    tap(console, hide_garden)
    await until(lambda: hide_garden.props["label"] == "Verbergen")
    assert not setup.load(dialogue.slug).rounds[1].cards[0].hidden
    assert "wd-card-hidden" not in garden.classes and hide_garden.props["aria-label"] == "Verbergen: Een moestuin"
    await room.edit_card(henk, room.dialogue.rounds[1].cards[1].id, "Een buurtfeest in juni")  # Henk says so
    await until(lambda: party.text == "Een buurtfeest in juni")
    assert hide_party.props["aria-label"] == "Verbergen: Een buurtfeest in juni"


async def test_the_box_is_empty_before_the_card_shows_and_a_refused_card_keeps_its_words(create_user, setup):
    dialogue = setup.dialogue()
    phone = create_user()
    await join_as(phone, dialogue.join_code, "Anna")
    room = live_room(dialogue.slug)
    await open_round_number(room, 2)
    await phone.should_see(marker="card-input")
    box = phone.find(marker="card-input").elements.pop()
    in_the_box_when_shown: list[str] = []
    room.changed.subscribe(lambda change: in_the_box_when_shown.append(box.value))  # after the phone's own
    phone.find(marker="card-input").type("Een bankje bij de vijver")
    phone.find(marker="card-send").click()
    await phone.should_see(marker="own-card", content="Een bankje bij de vijver")
    # The card is in the list at once; a box emptied only after that would wipe a next card begun meanwhile.
    assert in_the_box_when_shown == [""]

    phone.find(marker="card-input").type("x" * 501)
    phone.find(marker="card-send").click()
    await phone.should_see("Dit is te lang. Hoogstens 500 tekens.")
    assert box.value == "x" * 501  # refused: the words are back in the box, to be shortened
