"""The console lists the newest cards of a round; older ones come a page at a time (issue 10).

A hall of 200 phones brings 600 cards in ten minutes. Listing every one kept the server growing for the
whole round and made a burst of cards draw the list again and again; the harvest keeps every card.
"""

from __future__ import annotations

import asyncio

from nicegui.testing import User

from facilitator_app.pages import console_cards

from .test_card_elements import anna_and_console_in_a_card_round, tap


def listed(console: User) -> list:
    """The console's card texts in the order the list shows them."""
    texts = console.find(marker="console-card").elements
    return [e for e in next(iter(texts)).parent_slot.children if e in texts]


async def test_the_console_lists_the_newest_cards_and_older_ones_on_request(create_user, setup, monkeypatch):
    monkeypatch.setattr(console_cards, "SHOWN_CARDS", 5)  # the real page is 40 cards; the same rule
    room, _, console = await anna_and_console_in_a_card_round(create_user, setup)
    author = room.dialogue.participants[0].id
    for n in range(8):
        await room.add_card(author, author, f"Kaartje {n}")
    await console.should_see("Kaartje 7")
    assert [e.text for e in listed(console)] == [f"Kaartje {n}" for n in range(3, 8)]
    await console.should_see("Nog 3 oudere kaartjes, niet in de lijst")

    tap(console, next(iter(console.find(marker="show-older").elements)))
    await console.should_see("Kaartje 0")
    assert [e.text for e in listed(console)] == [f"Kaartje {n}" for n in range(8)]
    await console.should_not_see(marker="older-cards")

    # Three cards in one write (a burst): added at the end together, the oldest listed one goes, and the
    # rows that stay are the same elements (nothing drawn again).
    staying = {e.text: e.id for e in listed(console)[1:]}
    await asyncio.gather(*(room.add_card(author, author, f"Kaartje {n}") for n in (8, 9, 10)))
    await console.should_see("Kaartje 10")
    now = listed(console)
    assert [e.text for e in now] == [f"Kaartje {n}" for n in range(1, 11)]
    assert all(staying[e.text] == e.id for e in now if e.text in staying)
    await console.should_see("Nog 1 ouder kaartje, niet in de lijst")
    assert len(setup.load(room.slug).rounds[1].cards) == 11  # the dialogue keeps every card
