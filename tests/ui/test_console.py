"""The facilitator console: access, preparing, running the floor, closing rounds."""

from __future__ import annotations

from nicegui.testing import User

from .conftest import join_as, live_room, until


async def test_home_asks_for_the_key(user: User, setup):
    await user.open("/")
    await user.should_see("Deze pagina is alleen voor de gespreksleider")
    await user.should_not_see(marker="dialogue-list")


async def test_a_wrong_key_is_refused_then_rate_limited(user: User, setup):
    await user.open("/")
    for _ in range(5):
        user.find(marker="key-input").clear().type("fout")
        user.find(marker="key-submit").click()
    await user.should_see("Te veel pogingen")
    user.find(marker="key-input").clear().type(setup.key)
    user.find(marker="key-submit").click()
    await user.should_see("Te veel pogingen")
    await user.should_not_see(marker="dialogue-list")


async def test_the_printed_link_opens_home_and_is_remembered(user: User, setup):
    setup.dialogue("Buurt Oost")
    await user.open(f"/?key={setup.key}")
    await user.should_see("Buurt Oost")
    await user.open("/")
    await user.should_see("Buurt Oost")


async def test_facilitator_creates_a_dialogue(user: User, setup):
    await user.open(f"/?key={setup.key}")
    user.find(marker="new-title").type("Wijkdialoog Kanaleneiland")
    user.find(marker="create").click()
    await user.should_see("Kennismaken")
    assert [setup.load(s).title for s in setup.store.slugs()] == ["Wijkdialoog Kanaleneiland"]


async def test_an_empty_title_is_refused(user: User, setup):
    await user.open(f"/?key={setup.key}")
    user.find(marker="create").click()
    await user.should_see("Vul een naam in.")
    assert setup.store.slugs() == []


async def test_the_console_is_closed_to_phones(create_user, setup):
    dialogue = setup.dialogue()
    phone = create_user()
    await phone.open(f"/d/{dialogue.slug}")
    await phone.should_see("Deze pagina is alleen voor de gespreksleider")
    await phone.should_not_see(marker="start-dialogue")


async def test_add_someone_without_a_phone_and_start(create_user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"))
    console = create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    console.find(marker="add-person-name").type("Henk")
    console.find(marker="add-person-submit").click()
    await console.should_see("Henk")
    console.find(marker="start-dialogue").click()
    await console.should_see(marker="console-question")
    stored = setup.load(dialogue.slug)
    assert [(p.name, p.has_phone) for p in stored.participants] == [("Anna", True), ("Henk", False)]
    assert stored.status == "running" and stored.rounds[0].state == "open"


async def test_running_a_round_with_a_pass_and_an_override(create_user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"), ("Ben", "professional"), ("Chris", "municipality"))
    console = create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    console.find(marker="start-dialogue").click()
    await console.should_see(marker="console-next")
    console.find(marker="console-next").click()
    await console.should_see(marker="console-speaker", content="Anna")
    room = live_room(dialogue.slug)
    assert room.dialogue.rounds[0].current_turn.participant_id == room.dialogue.participants[0].id
    console.find(marker="console-passed").click()
    await console.should_see("heeft gepast")
    console.find(marker="console-next").click()
    await console.should_see("Wacht nog: Anna, Ben en Chris")
    assert not console.find(marker="close-round").elements.pop().enabled
    console.find(marker="close-anyway").click()
    console.find(marker="override-confirm").click()
    await console.should_see("Geef een reden om de ronde toch te sluiten.")
    assert room.dialogue.rounds[0].state == "open"
    console.find(marker="override-reason").type("De tijd is op")
    console.find(marker="override-confirm").click()
    await console.should_see(marker="open-next-round")
    stored = setup.load(dialogue.slug)
    assert stored.rounds[0].override.reason == "De tijd is op"
    assert len(stored.rounds[0].override.not_heard) == 2


async def test_give_floor_is_offered_only_to_who_may_speak(create_user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"), ("Ben", "resident"))
    console = create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    console.find(marker="start-dialogue").click()
    await console.should_see(marker="console-next")
    console.find(marker="console-next").click()
    await console.should_see(marker="console-speaker", content="Anna")
    console.find(marker="console-spoke").click()
    await console.should_see("heeft gesproken")
    assert len(console.find(marker="give-floor").elements) == 1
    assert len(console.find(marker="give-floor-disabled").elements) == 1
    console.find(marker="give-floor").click()
    await console.should_see(marker="console-speaker", content="Ben")
    room = live_room(dialogue.slug)
    assert room.dialogue.rounds[0].current_turn.participant_id == room.dialogue.participants[1].id


async def test_a_late_joiner_appears_in_the_running_order(create_user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"))
    console, phone = create_user(), create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    console.find(marker="start-dialogue").click()
    await console.should_see(marker="console-next")
    await join_as(phone, dialogue.join_code, "Dana")
    await console.should_see("Dana")
    running = live_room(dialogue.slug).dialogue
    assert running.rounds[0].order[-1] == running.participants[-1].id


async def test_turn_note_and_round_notes_are_saved(create_user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"))
    console = create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    console.find(marker="start-dialogue").click()
    await console.should_see(marker="console-next")
    console.find(marker="console-next").click()
    await console.should_see(marker="turn-note")
    console.find(marker="turn-note").type("Mist het bankje bij de vijver")
    console.find(marker="round-notes").type("Veel herkenning over ontmoeten")
    await until(lambda: setup.load(dialogue.slug).rounds[0].notes == "Veel herkenning over ontmoeten")
    await until(lambda: setup.load(dialogue.slug).rounds[0].turns[0].note == "Mist het bankje bij de vijver")


async def test_the_console_shows_the_vote_and_keeps_a_half_typed_card(create_user, setup):
    from .test_screen_and_cards import open_round_number

    dialogue = setup.dialogue("De Linde", ("Anna", "resident"), ("Henk", "resident"))
    room = live_room(dialogue.slug)
    anna = room.dialogue.participants[0].id
    console = create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    await open_round_number(room, 4)
    await console.should_see(marker="console-dots")
    await console.should_see(room.dialogue.rounds[3].question)  # the console has drawn round 4, not an earlier one
    console.find(marker="card-for-text").type("Voor Henk: een bankje")
    card = await room.add_card(anna, anna, "Een vaste plek")
    await room.place_dot(anna, anna, card.id)
    await console.should_see("Een vaste plek")
    dots = console.find(marker="console-dots").elements.pop()
    assert any(getattr(child, "text", "") == "1 \u25cf" for child in dots.descendants())
    assert console.find(marker="card-for-text").elements.pop().value == "Voor Henk: een bankje"


async def test_someone_joining_between_rounds_appears_in_the_next_order(create_user, setup):
    from rounds import FACILITATOR as F

    dialogue = setup.dialogue("De Linde", ("Anna", "resident"))
    room = live_room(dialogue.slug)
    await room.open_next_round(F)
    await room.close_round(F, reason="pauze")
    console, phone = create_user(), create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    await console.should_see(marker="order-planner")
    await join_as(phone, dialogue.join_code, "Dana")
    await console.should_see("1. Dana")  # round 2 starts one seat further: Dana, then Anna
    await console.should_see("2. Anna")
