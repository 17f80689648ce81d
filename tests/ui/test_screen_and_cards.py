"""The projector screen, cards from phones, moderation and dots."""

from __future__ import annotations

from rounds import FACILITATOR as F

from .conftest import join_as, live_room, screen_url
from .own_cards_seen import own_cards


async def open_round_number(room, number: int) -> None:
    """Open round `number` (1-based), closing earlier ones by override to keep the story short."""
    while True:
        current = next((i for i, r in enumerate(room.dialogue.rounds) if r.state == "open"), None)
        if current == number - 1:
            return
        if current is not None:
            await room.close_round(F, reason="kort")
        await room.open_next_round(F)


async def test_screen_shows_qr_join_url_and_code_but_never_the_key(user, setup):
    dialogue = setup.dialogue("De Linde", ("Marja", "resident"))
    await user.open(screen_url(dialogue.slug))
    await user.should_see(f"http://wijk.test:8080/join/{dialogue.join_code}")
    await user.should_see(marker="screen-qr")
    await user.should_see("Marja · Bewoner")
    await user.should_see("Gespreksregels")
    await user.should_not_see(setup.key)
    await user.should_not_see(dialogue.facilitator_key)
    qr = user.find(marker="screen-qr").elements.pop()
    assert qr.content.startswith("<svg") and "<script" not in qr.content


async def test_screen_follows_the_floor(create_user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"), ("Ben", "resident"))
    screen = create_user()
    await screen.open(screen_url(dialogue.slug))
    room = live_room(dialogue.slug)
    await room.open_next_round(F)
    await screen.should_see(marker="screen-question")
    await screen.should_see("Even stilte")
    await room.next_speaker(F)
    await screen.should_see(marker="screen-speaker-name", content="Anna")
    await screen.should_see(marker="screen-timer")


async def test_a_card_from_a_phone_appears_on_the_screen_and_can_be_hidden(create_user, setup):
    dialogue = setup.dialogue()
    phone, screen, console = create_user(), create_user(), create_user()
    await join_as(phone, dialogue.join_code, "Anna")
    room = live_room(dialogue.slug)
    await open_round_number(room, 2)
    await screen.open(screen_url(dialogue.slug))
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    await phone.should_see(marker="card-input")
    phone.find(marker="card-input").type("<b>Het buurthuis</b> is open")
    phone.find(marker="card-send").click()
    await phone.should_see(marker="own-cards", content="&lt;b&gt;Het buurthuis&lt;/b&gt; is open")  # text, not markup
    assert [card.words for card in own_cards(phone)] == ["<b>Het buurthuis</b> is open"]
    await screen.should_see(marker="screen-card")
    await screen.should_see("<b>Het buurthuis</b> is open")
    await console.should_see(marker="console-card")
    console.find(marker="hide-card").click()
    await screen.should_not_see("<b>Het buurthuis</b> is open")
    stored = setup.load(dialogue.slug)
    assert stored.rounds[1].cards[0].hidden and stored.rounds[1].cards[0].text == "<b>Het buurthuis</b> is open"


async def test_dots_on_the_phone_with_dots_left(create_user, setup):
    dialogue = setup.dialogue()
    phone = create_user()
    await join_as(phone, dialogue.join_code, "Anna")
    room = live_room(dialogue.slug)
    await open_round_number(room, 3)
    phone.find(marker="card-input").type("Een moestuin")
    phone.find(marker="card-send").click()
    await phone.should_see(marker="own-cards", content="Een moestuin")
    await open_round_number(room, 4)
    await phone.should_see("Je hebt nog 3 stippen")
    for _ in range(3):
        phone.find(content="+").click()
        await phone.should_see(marker="my-dots")
    await phone.should_see("Je hebt nog 0 stippen")
    vote_round = setup.load(dialogue.slug).rounds[3]
    assert len(vote_round.votes) == 3
    phone.find(content="\u2212").click()
    await phone.should_see("Je hebt nog 1 stip")


async def test_hidden_dots_appear_on_the_screen_when_the_vote_closes(create_user, setup):
    from rounds.preparation import update_round

    dialogue = setup.dialogue("De Linde", ("Anna", "resident"))
    update_round(dialogue, F, dialogue.rounds[3].id, show_dots_live=False)
    setup.store.save(dialogue)
    room = live_room(dialogue.slug)
    anna = room.dialogue.participants[0].id
    screen = create_user()
    await screen.open(screen_url(dialogue.slug))
    await open_round_number(room, 4)
    card = await room.add_card(anna, anna, "Een vaste plek")
    await room.place_dot(anna, anna, card.id)
    await screen.should_see(marker="screen-dots-hidden")
    await screen.should_not_see(marker="screen-agenda")
    await room.close_round(F, reason="klaar")
    await screen.should_see(marker="screen-agenda")
    await screen.should_see("1 ●")
