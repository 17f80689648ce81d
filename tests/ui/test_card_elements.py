"""A card is a few elements on the pages that hold it, and changes in place (issue 10, "a lean live room").

In a hall of 200 phones 600 cards arrive in ten minutes. The console lists every one of them, and each
author's phone lists their own, for the whole round; every NiceGUI element costs the server a few kB
(bench/card_memory.py). So a card is three elements on the console, which lists the newest 40, and no
element on its author's phone, whose list is one HTML element; nothing on the other phones, and nothing
more on the projector, which keeps its six newest.
"""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User
from nicegui.testing.user_interaction import UserInteraction

from rounds import FACILITATOR as F

from .conftest import join_as, live_room, screen_url, until
from .own_cards_seen import own_cards, tap_edit
from .test_screen_and_cards import open_round_number

PER_CARD = 3  # on the console


def elements(user: User) -> int:
    assert user.client is not None
    return len(user.client.elements)


def tap(user: User, element: ui.element) -> None:
    """Tap this one element (find() gives every element with a marker; a list has one per card)."""
    UserInteraction(user, {element}, None).click()


async def test_a_card_is_three_elements_on_the_console_and_none_on_its_authors_phone(create_user, setup):
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
    assert elements(console) - before[console] <= PER_CARD * cards
    assert elements(anna) == before[anna]  # her own list is one element, whatever it holds
    assert elements(ben) == before[ben]  # nobody else's phone holds Anna's cards
    assert elements(screen) == before[screen]  # the wall keeps its six newest tiles
    shown = [card.words for card in own_cards(anna)]
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


async def test_an_own_card_is_changed_and_taken_away(create_user, setup):
    room, phone, console = await anna_and_console_in_a_card_round(create_user, setup)
    for text in ("Een bankje bij de vijver", "Meer licht in het steegje"):
        phone.find(marker="card-input").type(text)
        phone.find(marker="card-send").click()
        await phone.should_see(marker="own-cards", content=text)
    first, second = own_cards(phone)
    assert (first.read["data-read"], first.read["data-read-lang"]) == ("Een bankje bij de vijver", "nl")
    assert first.read["aria-label"] == "Lees voor: Een bankje bij de vijver" and first.read["label"] == "Lees voor"
    assert first.edit["aria-label"] == "Aanpassen: Een bankje bij de vijver" and first.edit["label"] == "Aanpassen"

    tap_edit(phone, first.card_id)
    await phone.should_see(marker="card-edit-input")
    made = len(phone.client.elements)  # with the editor, made on the first tap
    box = phone.find(marker="card-edit-input")
    assert next(iter(box.elements)).value == "Een bankje bij de vijver"
    box.clear().type("Een bankje in de schaduw bij de vijver")
    phone.find(marker="card-edit-save").click()
    await phone.should_see(marker="own-cards", content="Een bankje in de schaduw bij de vijver")
    await console.should_see("Een bankje in de schaduw bij de vijver")
    changed = own_cards(phone)[0]
    assert changed.words == changed.read["data-read"] == "Een bankje in de schaduw bij de vijver"  # read as it is now
    assert changed.read["aria-label"] == "Lees voor: Een bankje in de schaduw bij de vijver"
    assert changed.edit["aria-label"] == "Aanpassen: Een bankje in de schaduw bij de vijver"

    tap_edit(phone, second.card_id)
    await until(lambda: phone.find(marker="card-edit-input").elements.pop().value == "Meer licht in het steegje")
    phone.find(marker="card-edit-delete").click()
    await phone.should_not_see("Meer licht in het steegje")
    await console.should_not_see("Meer licht in het steegje")
    assert [card.words for card in own_cards(phone)] == ["Een bankje in de schaduw bij de vijver"]
    assert [c.text for c in setup.load(room.slug).rounds[1].cards] == ["Een bankje in de schaduw bij de vijver"]
    assert phone.client is not None
    assert sum(isinstance(e, ui.dialog) for e in phone.client.elements.values()) == 1  # one editor, made once
    assert len(phone.client.elements) == made  # changing and taking away cards made no elements


async def test_a_tap_that_names_no_card_of_ones_own_opens_nothing(create_user, setup):
    """The list's click sends an id from the browser: someone else's card, or nonsense, changes nothing."""
    room, phone, console = await anna_and_console_in_a_card_round(create_user, setup)
    ben = await room.join("token-ben", "Ben", "resident")
    theirs = await room.add_card(ben.id, ben.id, "Van Ben")
    phone.find(marker="card-input").type("Van Anna")
    phone.find(marker="card-send").click()
    await phone.should_see(marker="own-cards", content="Van Anna")
    made = len(phone.client.elements)
    for sent in (theirs.id, "", None, {"id": theirs.id}, ["x"]):
        tap_edit(phone, sent)
    assert len(phone.client.elements) == made  # no editor was made, so none opened
    assert [card.words for card in own_cards(phone)] == ["Van Anna"]


async def two_cards_on_the_console(create_user, setup) -> tuple:
    """Marja's "Een moestuin" and Henk's "Een buurtfeest" in round 2, written for them by the facilitator and
    listed on the console: (dialogue, room, console, Marja's id, Henk's id)."""
    dialogue = setup.dialogue("De Linde", ("Marja", "resident"), ("Henk", "resident"))
    room = live_room(dialogue.slug)
    await open_round_number(room, 2)
    marja, henk = (p.id for p in room.dialogue.participants)
    console = create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    await room.add_card(F, marja, "Een moestuin")
    await room.add_card(F, henk, "Een buurtfeest")
    await console.should_see("Een buurtfeest")
    return dialogue, room, console, marja, henk


async def test_the_console_hides_and_shows_one_card_in_place(create_user, setup):
    dialogue, room, console, marja, henk = await two_cards_on_the_console(create_user, setup)
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


async def test_the_console_names_a_cards_author_as_the_room_does_after_a_rename(create_user, setup):
    _, room, console, marja, henk = await two_cards_on_the_console(create_user, setup)
    garden = sorted(console.find(marker="console-card").elements, key=lambda e: e.id)[0]

    await room.rename(henk, henk, name="Hendrik")
    await console.should_see("Hendrik")
    await room.join("token-marja-2", "Marja", "professional")  # a second Marja: the first is told apart now
    told_apart = room.labels("nl")[marja]
    assert told_apart != "Marja"
    await until(lambda: author_of(console, "Een moestuin") == told_apart)
    assert author_of(console, "Een buurtfeest") == "Hendrik"
    assert not garden.is_deleted  # the rows stayed; only the names changed


def author_of(console: User, text: str) -> str:
    """The author label beside a card in the console's list (the element right after the card's text)."""
    children = console.find(marker="console-card").elements.pop().parent_slot.children
    index = next(i for i, e in enumerate(children) if getattr(e, "text", None) == text)
    return children[index + 1].text


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
    await phone.should_see(marker="own-cards", content="Een bankje bij de vijver")
    # The card is in the list at once; a box emptied only after that would wipe a next card begun meanwhile.
    assert in_the_box_when_shown == [""]

    phone.find(marker="card-input").type("x" * 501)
    phone.find(marker="card-send").click()
    await phone.should_see("Dit is te lang. Hoogstens 500 tekens.")
    assert box.value == "x" * 501  # refused: the words are back in the box, to be shortened
