"""Pages change only what changed: at the door 200 phones join within minutes, and a round opens for everyone.

Each test keeps hold of an element drawn before the change and checks that it is still the same element
afterwards (not deleted and drawn again), besides checking what the page shows.
"""

from __future__ import annotations

import asyncio

from nicegui.testing.user_interaction import UserInteraction

from rounds import FACILITATOR as F
from tests.factories import hold_saves

from .conftest import join_as, live_room, screen_url, until
from .own_cards_seen import own_cards

SPEAKING = "aan het woord"


def chip_texts(user) -> list[str]:
    box = user.find(marker="screen-joined").elements.pop()
    return [child.text for child in box.default_slot.children]


def drawn_rows(box) -> list[str]:
    """The console's order rows drawn so far, by their markers, in the order they stand."""
    return [m for e in box.descendants() for m in e._markers if m.startswith("order-") and m != "order-state"]


async def test_the_wall_adds_a_name_for_each_join_and_keeps_the_rest(user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"), ("Ben", "professional"))
    room = live_room(dialogue.slug)
    await user.open(screen_url(dialogue.slug))
    await user.should_see("Anna · Bewoner")
    qr = user.find(marker="screen-qr").elements.pop()
    anna = next(c for c in user.find(marker="screen-joined").elements.pop().default_slot.children
                if c.text.startswith("Anna"))

    chris = await room.join("token-chris", "Chris", "resident")
    await user.should_see("Chris · Bewoner")
    await user.should_see("Aangemeld (3)")
    assert not qr.is_deleted and not anna.is_deleted  # the QR code and Anna's name were not drawn again
    assert chip_texts(user) == ["Anna · Bewoner", "Ben · Professional", "Chris · Bewoner"]

    ben = next(p for p in room.dialogue.participants if p.name == "Ben")
    await room.mark_left(F, ben.id)
    await user.should_not_see("Ben · Professional")
    await room.rename(chris.id, chris.id, name="Chris B.")
    await user.should_see("Chris B. · Bewoner")
    await room.mark_back(F, ben.id)
    await user.should_see("Ben · Professional")
    assert chip_texts(user) == ["Anna · Bewoner", "Ben · Professional", "Chris B. · Bewoner"]  # back in place
    assert not qr.is_deleted and not anna.is_deleted


def order_texts(user) -> list[str]:
    planner = user.find(marker="order-planner").elements.pop()
    return [e.text for e in planner.descendants() if getattr(e, "text", "")[:1].isdigit()]


async def test_the_console_before_the_start_adds_a_row_per_join_and_the_order_follows(create_user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"))
    room = live_room(dialogue.slug)
    console = create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    await console.should_see("1. Anna")
    anna_row = console.find(marker="console-people").elements.pop().descendants()
    first_place = next(e for e in console.find(marker="order-planner").elements.pop().descendants()
                       if getattr(e, "text", "") == "1. Anna")

    await room.join("token-ben", "Ben", "professional")
    await room.join("token-chris", "Chris", "resident")
    await console.should_see("3. Chris")
    await console.should_see("Aangemeld (3)")
    assert order_texts(console) == ["1. Anna", "2. Ben", "3. Chris"]
    assert not any(e.is_deleted for e in anna_row) and not first_place.is_deleted  # changed in place

    # Moving someone still works from rows that were filled in place: Ben's "down" moves Ben, not whoever
    # sat in that row when it was made.
    downs = sorted(console.find(marker="order-down").elements, key=lambda b: b.id)
    assert [b.props["aria-label"] for b in downs] == ["Omlaag"] * 3 and not downs[2].enabled
    UserInteraction(console, {downs[1]}, None).click()
    await console.should_see("3. Ben")
    assert order_texts(console) == ["1. Anna", "2. Chris", "3. Ben"]


async def test_a_phone_keeps_its_turn_part_when_the_next_round_opens(create_user, setup):

    dialogue = setup.dialogue("De Linde", ("Anna", "resident"))
    room = live_room(dialogue.slug)
    phone = create_user()
    await join_as(phone, dialogue.join_code, "Ben")
    await room.open_next_round(F)
    await room.next_speaker(F)  # Anna speaks; Ben is next
    await phone.should_see("Nu aan het woord: Anna")
    turn_card = phone.find(marker="phone-turn").elements.pop()

    await room.close_round(F, reason="pauze")
    await phone.should_not_see(marker="phone-turn")
    await phone.should_not_see(marker="your-turn")
    await room.open_next_round(F)
    await room.next_speaker(F)
    await phone.should_see(marker="your-turn")  # round 2 starts one seat further: Ben first
    await room.end_turn(F, "spoke")
    await room.next_speaker(F)
    await phone.should_see("Nu aan het woord: Anna")
    assert phone.find(marker="phone-turn").elements.pop() is turn_card and not turn_card.is_deleted


async def ben_waits_for_the_start(create_user, setup) -> tuple:
    """Ben's phone joined before the start, next to Anna (no phone): (room, its rounds, Ben's phone)."""

    dialogue = setup.dialogue("De Linde", ("Anna", "resident"))
    room = live_room(dialogue.slug)
    phone = create_user()
    await join_as(phone, dialogue.join_code, "Ben")
    await phone.should_see("De gespreksleider start zo. Je ziet hier dan de vraag.")
    return room, room.dialogue.rounds, phone


async def test_a_phone_changes_its_round_and_cards_in_place(create_user, setup):
    room, rounds, phone = await ben_waits_for_the_start(create_user, setup)
    round_card = phone.find(marker="phone-round").elements.pop()
    await room.open_next_round(F)
    await phone.should_see(rounds[0].question)
    read = phone.find(marker="read-question").elements.pop()
    await phone.should_not_see("De gespreksleider start zo. Je ziet hier dan de vraag.")
    await phone.should_not_see(marker="phone-cards")  # round 1 has no cards
    await room.close_round(F, reason="pauze")
    await phone.should_see("Deze ronde is klaar. Even wachten op de volgende.")
    await phone.should_not_see(rounds[0].question)

    await room.open_next_round(F)  # round 2: experiences, on cards
    await phone.should_see(rounds[1].question)
    assert read.props["data-read"] == f"{rounds[1].title}. {rounds[1].question}"  # what the button reads now
    cards = phone.find(marker="phone-cards").elements.pop()
    phone.find(marker="card-input").type("Een bankje bij de vijver")
    phone.find(marker="card-send").click()
    await phone.should_see(marker="own-cards", content="Een bankje bij de vijver")
    assert [card.words for card in own_cards(phone)] == ["Een bankje bij de vijver"]
    assert phone.find(marker="card-input").elements.pop().value == ""  # sent: the box is empty again
    await room.close_round(F, reason="pauze")
    await phone.should_not_see(marker="phone-cards")

    await room.open_next_round(F)  # round 3: dreams, on cards; last round's card is not listed here
    await phone.should_see(rounds[2].question)
    await phone.should_see(marker="phone-cards")
    assert own_cards(phone) == []
    assert phone.find(marker="card-input").elements.pop().props["placeholder"]
    assert phone.find(marker="phone-round").elements.pop() is round_card and not round_card.is_deleted
    assert phone.find(marker="phone-cards").elements.pop() is cards and not cards.is_deleted
    assert not read.is_deleted


async def a_long_order_on_the_console(create_user, setup) -> tuple:
    """30 people, round 1 just opened on the console: (room, console, the order's box)."""
    people = [(f"Persoon {n:02d}", "resident") for n in range(30)]
    dialogue = setup.dialogue("De Linde", *people)
    room = live_room(dialogue.slug)
    console = create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    await room.open_next_round(F)
    await console.should_see(marker="console-next")
    return room, console, console.find(marker="console-order").elements.pop()


async def test_the_console_draws_a_long_order_in_steps_and_in_order(create_user, setup):
    room, console, box = await a_long_order_on_the_console(create_user, setup)
    order = room.dialogue.rounds[0].order

    assert 0 < len(drawn_rows(box)) < len(order)  # the first rows come with the change ...
    for _ in range(100):  # ... the rest a moment later, once the phones have the new round
        if len(drawn_rows(box)) == len(order):
            break
        await asyncio.sleep(0.05)
    assert drawn_rows(box) == [f"order-{pid}" for pid in order]
    await room.next_speaker(F)
    first = console.find(marker=f"order-{order[0]}").elements.pop()
    await until(lambda: any(getattr(e, "text", "") == SPEAKING for e in first.descendants()))
    assert [e.text for e in first.descendants() if "order-state" in e._markers] == [SPEAKING]


async def test_the_rest_of_a_long_order_waits_while_a_command_is_on_its_way(create_user, setup, monkeypatch):
    """A card or a tap sent just after a round opened goes before the console's remaining order rows."""
    room, console, box = await a_long_order_on_the_console(create_user, setup)
    released = hold_saves(room, monkeypatch)
    someone = room.dialogue.rounds[0].order[-1]
    command = asyncio.create_task(room.mark_left(F, someone))  # on its way while the rows would be drawn
    first = drawn_rows(box)
    await asyncio.sleep(0.6)  # the rest would have begun after 0.3 s
    assert drawn_rows(box) == first and len(first) < 30
    released.set()
    await command
    await until(lambda: len(drawn_rows(box)) == 30)


async def test_a_phone_that_joined_in_the_break_makes_no_elements_when_rounds_open(create_user, setup):
    """200 phones joined before the start: "Ronde beginnen" changes texts on each, it makes nothing new."""
    room, rounds, phone = await ben_waits_for_the_start(create_user, setup)
    await phone.should_not_see(marker="phone-turn")  # made with the page, hidden until a round opens
    await phone.should_not_see(marker="phone-cards")
    made = set(phone.client.elements)

    await room.open_next_round(F)  # round 1: no cards
    await phone.should_see(rounds[0].question)
    await phone.should_see(marker="phone-turn")
    await phone.should_not_see(marker="phone-cards")
    await room.close_round(F, reason="pauze")
    await room.open_next_round(F)  # round 2: experiences, on cards
    await phone.should_see(rounds[1].question)
    await phone.should_see(marker="phone-cards")
    await phone.should_see(marker="card-input")
    assert set(phone.client.elements) == made


async def test_a_card_round_opening_sends_a_phone_only_what_changed(create_user, setup, monkeypatch):
    """The card box and the "did you feel heard?" part are not sent again; the question's button comes light."""
    from nicegui.functions.refreshable import RefreshableContainer


    dialogue = setup.dialogue("De Linde", ("Anna", "resident"))
    room = live_room(dialogue.slug)
    rounds = room.dialogue.rounds
    phone = create_user()
    await join_as(phone, dialogue.join_code, "Ben")
    await room.open_next_round(F)
    await phone.should_see(rounds[0].question)
    await room.close_round(F, reason="pauze")
    await phone.should_see("Deze ronde is klaar. Even wachten op de volgende.")
    await asyncio.sleep(0.1)  # whatever the close scheduled has run
    sent = []
    outbox = phone.client.outbox
    enqueue = outbox.enqueue_update
    monkeypatch.setattr(outbox, "enqueue_update", lambda element: (sent.append(element), enqueue(element))[1])

    await room.open_next_round(F)  # round 2: experiences, on cards
    await phone.should_see(rounds[1].question)
    await phone.should_see(marker="card-input")
    await asyncio.sleep(0.1)
    read = phone.find(marker="read-question").elements.pop()
    assert read in sent and "events" not in read._to_dict()  # phone.js reads aloud; no handler to send
    for marker in ("card-input", "card-send"):
        assert phone.find(marker=marker).elements.pop() not in sent
    assert not [e for e in sent if isinstance(e, RefreshableContainer)]  # no part redrawn


async def test_a_phone_listens_to_the_room_once(create_user, setup):
    """Each change in the room calls every open page: a phone's parts share one handler (500 calls, not 1,000)."""
    dialogue = setup.dialogue()
    room = live_room(dialogue.slug)
    before = len(room.changed.callbacks)
    phone = create_user()
    await join_as(phone, dialogue.join_code, "Anna")
    await phone.should_see(marker="phone-hello")
    assert len(room.changed.callbacks) == before + 1
