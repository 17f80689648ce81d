"""What a facilitator met running a whole dialogue (issue 13), one story per item."""

from __future__ import annotations

from nicegui import ui

from facilitator_app import app as wijk_app
from facilitator_app.pages.screen_access import screen_token
from rounds import FACILITATOR as F
from rounds.agenda import dots_per_card

from .conftest import join_as, live_room, until
from .join_http import error_of, open_form, post_step
from .test_screen_and_cards import open_round_number


def aria_labels(user) -> list[str]:
    return [e.props.get("aria-label", "") for e in user.find(kind=ui.button).elements]


async def test_a_note_typed_while_the_speaker_ends_their_own_turn_belongs_to_that_turn(create_user, setup):
    dialogue = setup.dialogue()
    console, phone = create_user(), create_user()
    await join_as(phone, dialogue.join_code, "Anna")
    room = live_room(dialogue.slug)
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    console.find(marker="start-dialogue").click()
    await console.should_see(marker="console-next")
    console.find(marker="console-next").click()
    await phone.should_see("Jij bent aan de beurt")
    console.find(marker="turn-note").type("Anna wil meer bankjes")
    phone.find(marker="turn-done").click()  # before the pause after typing is over
    await phone.should_see("Je bent gehoord in deze ronde")
    await until(lambda: setup.load(dialogue.slug).rounds[0].turns[0].note == "Anna wil meer bankjes")
    assert room.dialogue.rounds[0].turns[0].ended_by_facilitator is False


async def test_round_notes_written_after_the_round_closed_are_kept(create_user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"))
    room = live_room(dialogue.slug)
    console = create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    await room.open_next_round(F)
    await room.close_round(F, reason="tijd")
    await console.should_see(marker="closed-round-notes")
    console.find(marker="closed-round-notes").type("Achteraf: veel over ontmoeten")
    await until(lambda: setup.load(dialogue.slug).rounds[0].notes == "Achteraf: veel over ontmoeten")


async def test_the_facilitator_places_dots_for_someone_without_a_phone(create_user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"))
    room = live_room(dialogue.slug)
    henk = await room.add_person_without_phone(F, "Henk", "resident")
    anna = room.dialogue.participants[0].id
    await open_round_number(room, 3)
    dream = await room.add_card(anna, anna, "Een moestuin")
    await open_round_number(room, 4)
    console = create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    await console.should_see(marker="console-dots-for")
    await console.should_see("Henk heeft nog 3 stippen")
    for left in ("2 stippen", "1 stip", "0 stippen"):
        console.find(marker="dot-for").click()
        await console.should_see(f"Henk heeft nog {left}")
    assert all(not b.enabled for b in console.find(marker="dot-for").elements)  # the same budget as a phone
    assert sum(1 for v in room.dialogue.rounds[3].votes if v.participant_id == henk.id) == 3
    assert dots_per_card(setup.load(dialogue.slug))[dream.id] == 3  # the harvest counts them like any other
    assert "Stip erbij voor Henk: Een moestuin" in aria_labels(console)


async def test_the_phone_groups_dreams_and_needs_under_their_own_headings(create_user, setup):
    dialogue = setup.dialogue()
    phone = create_user()
    await join_as(phone, dialogue.join_code, "Anna")
    room = live_room(dialogue.slug)
    anna = room.dialogue.participants[0].id
    await open_round_number(room, 3)
    await room.add_card(anna, anna, "Een moestuin")
    await open_round_number(room, 4)
    await room.add_card(anna, anna, "Een vaste plek")
    await phone.should_see("Uit ronde 3: Dromen")
    await phone.should_see("Uit ronde 4: Wijkagenda")
    assert "Stip erbij: Een moestuin" in aria_labels(phone)
    assert "Stip erbij: Een vaste plek" in aria_labels(phone)


async def test_the_wall_keeps_a_small_join_corner_during_a_round(user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"))
    room = live_room(dialogue.slug)
    await room.open_next_round(F)
    await user.open(f"/d/{dialogue.slug}/screen?s={screen_token(wijk_app.current, dialogue.slug)}")
    await user.should_see(marker="screen-join-corner")
    await user.should_see(marker="screen-corner-qr")
    await user.should_see(f"http://wijk.test:8080/join/{dialogue.join_code}")


async def test_the_wall_shows_nothing_without_the_key_or_its_own_link(user, setup):
    dialogue = setup.dialogue("De Linde", ("Marja", "resident"))
    await user.open(f"/d/{dialogue.slug}/screen")
    await user.should_see(marker="screen-locked")
    await user.should_not_see("Marja")
    await user.should_not_see(dialogue.join_code)
    await user.open(f"/d/{dialogue.slug}/screen?s=geraden")
    await user.should_see(marker="screen-locked")


async def test_buttons_name_their_person(create_user, setup):
    dialogue = setup.dialogue("De Linde", ("Fatima Nouri", "resident"), ("Ben", "resident"))
    console = create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    console.find(marker="start-dialogue").click()
    await console.should_see(marker="console-next")
    labels = aria_labels(console)
    assert "Geef het woord aan Fatima Nouri" in labels and "Fatima Nouri is weggegaan" in labels
    assert "Geef het woord aan Ben" in labels


async def test_a_refused_floor_says_why_next_to_the_row(create_user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"), ("Ben", "resident"))
    room = live_room(dialogue.slug)
    anna = room.dialogue.participants[0].id
    await room.open_next_round(F)
    await room.next_speaker(F)
    await room.end_turn(F, "spoke")
    console = create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    await console.should_see(marker="console-next")
    refused = console.find(marker="give-floor-disabled").elements
    assert [b.props.get("aria-label") for b in refused] == ["Geef het woord aan Anna"]  # only Anna's
    console.find(marker="give-floor-disabled").click()
    await console.should_see(marker="floor-refused")
    shown = console.find(marker="floor-refused").elements
    row = console.find(marker=f"order-{anna}").elements.pop()
    assert [label for label in shown if label.visible and label in row.descendants()]  # next to Anna's row
    assert not room.dialogue.rounds[0].current_turn


async def test_the_add_person_form_speaks_about_someone_else(create_user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"))
    console = create_user()
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    await console.should_see("Iemand zonder telefoon toevoegen")
    await console.should_see("Naam")
    await console.should_see("Is hier als")
    await console.should_not_see("Je naam")
    await console.should_see("1 deelnemer")
    await console.should_not_see("1 deelnemers")


async def test_lock_joining_and_take_someone_out(create_user, setup):
    dialogue = setup.dialogue()
    console, troll, late = create_user(), create_user(), create_user()
    await join_as(troll, dialogue.join_code, "Trol")
    room = live_room(dialogue.slug)
    await console.open(f"/d/{dialogue.slug}?key={setup.key}")
    console.find(marker="lock-joining").click()
    await until(lambda: setup.load(dialogue.slug).joining_locked)
    await open_form(late, dialogue.join_code)
    locked = await post_step(late, dialogue.join_code, "join", "Laatkomer")
    assert locked.status_code == 422 and "Aanmelden is gesloten" in error_of(locked)
    console.find(marker="remove-person").click()
    console.find(marker="remove-confirm").click()
    await until(lambda: not setup.load(dialogue.slug).participants)
    assert len(room.dialogue.removals) == 1
    await open_form(troll, dialogue.join_code)  # the page reloads itself: the removed phone is back at the door ...
    again = await post_step(troll, dialogue.join_code, "join", "Trol 2")
    assert "Je kunt niet meer meedoen" in error_of(again)  # ... and cannot come in again
    assert not setup.load(dialogue.slug).participants


def test_names_that_look_the_same_on_screen_are_told_apart():
    from exports.strings import template_text
    from facilitator_app.room.labels import person_labels
    from rounds.people import join
    from rounds.preparation import new_dialogue

    dialogue = new_dialogue(slug="linde", title="De Linde", theme="thuis", now=1.0, texts=template_text)
    for name in ("Anna", "\u0410nna", "An\u200bna", "Ben"):  # Latin, Cyrillic А, a zero-width space
        join(dialogue, name, "resident", 1.0)
    labels = list(person_labels(dialogue, "nl").values())
    assert labels == ["Anna (bewoner 1)", "\u0410nna (bewoner 2)", "Anna (bewoner 3)", "Ben"]


async def test_the_end_screen_shows_no_card_without_dots(user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"))
    room = live_room(dialogue.slug)
    anna = room.dialogue.participants[0].id
    await open_round_number(room, 3)
    await room.add_card(anna, anna, "Een moestuin")
    await room.add_card(anna, anna, "Niemand stemt hierop")
    await open_round_number(room, 4)
    garden = room.dialogue.rounds[2].cards[0]
    await room.place_dot(anna, anna, garden.id)
    await open_round_number(room, 5)
    await room.close_round(F, reason="einde")
    await user.open(f"/d/{dialogue.slug}/screen?s={screen_token(wijk_app.current, dialogue.slug)}")
    await user.should_see(marker="screen-agenda")
    await user.should_see("Een moestuin")
    await user.should_not_see("Niemand stemt hierop")
    await user.should_see("0 mensen zetten een stap")
