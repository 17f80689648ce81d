"""Pages change only what changed: at the door 200 phones join within minutes, and a round opens for everyone.

Each test keeps hold of an element drawn before the change and checks that it is still the same element
afterwards (not deleted and drawn again), besides checking what the page shows.
"""

from __future__ import annotations

from nicegui.testing.user_interaction import UserInteraction

from rounds import FACILITATOR as F

from .conftest import live_room, screen_url


def chip_texts(user) -> list[str]:
    box = user.find(marker="screen-joined").elements.pop()
    return [child.text for child in box.default_slot.children]


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
    from .conftest import join_as

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
