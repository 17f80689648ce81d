"""Phones: joining, the ground rules, coming back as the same person, and a wrong code."""

from __future__ import annotations

from nicegui.testing import User

from rounds import FACILITATOR as F

from .conftest import join_as, live_room


async def test_a_phone_joins_after_the_ground_rules(user: User, setup):
    dialogue = setup.dialogue()
    await join_as(user, dialogue.join_code, "Fatima", consent=True)
    stored = setup.load(dialogue.slug)
    assert [(p.name, p.has_phone, p.name_in_report) for p in stored.participants] == [("Fatima", True, True)]
    await user.should_see("De gespreksleider start zo")


async def test_consent_is_off_by_default(user: User, setup):
    dialogue = setup.dialogue()
    await join_as(user, dialogue.join_code, "Ben")
    assert setup.load(dialogue.slug).participants[0].name_in_report is False


async def test_an_empty_name_is_refused_with_a_message(user: User, setup):
    dialogue = setup.dialogue()
    await user.open(f"/join/{dialogue.join_code}")
    user.find(marker="join-name").type("   ")
    user.find(marker="join-next").click()
    await user.should_see("Vul een naam in.")
    assert setup.load(dialogue.slug).participants == []


async def test_a_reloaded_phone_is_the_same_person(user: User, setup):
    dialogue = setup.dialogue()
    await join_as(user, dialogue.join_code, "Anna")
    await user.open(f"/join/{dialogue.join_code}")
    await user.should_see("Hallo Anna")
    await user.should_not_see(marker="join-name")
    assert len(setup.load(dialogue.slug).participants) == 1


async def test_two_phones_are_two_people(create_user, setup):
    dialogue = setup.dialogue()
    anna, ben = create_user(), create_user()
    await join_as(anna, dialogue.join_code, "Anna")
    await join_as(ben, dialogue.join_code, "Anna")
    stored = setup.load(dialogue.slug)
    assert len(stored.participants) == 2 and stored.participants[0].token != stored.participants[1].token


async def test_a_wrong_code_gets_a_friendly_page(user: User, setup):
    setup.dialogue()
    await user.open("/join/ZZZZZ")
    await user.should_see("Deze code kennen we niet")


async def test_the_phone_shows_its_turn_and_ends_it(create_user, setup, monkeypatch):
    dialogue = setup.dialogue()
    phone = create_user()
    await join_as(phone, dialogue.join_code, "Anna")
    room = live_room(dialogue.slug)
    await room.open_next_round(F)
    await phone.should_see("Jij bent de volgende")
    await room.next_speaker(F)
    await phone.should_see("Jij bent aan de beurt")
    phone.find(marker="turn-pass").click()
    await phone.should_see("Je hebt gepast")
    assert room.dialogue.rounds[0].turns[0].outcome == "passed"
    assert setup.load(dialogue.slug).rounds[0].turns[0].outcome == "passed"


async def test_guessing_join_codes_is_rate_limited(user: User, setup):
    dialogue = setup.dialogue()
    for n in range(10):
        await user.open(f"/join/ZZZZ{n}")
        await user.should_see("Deze code kennen we niet")
    # Blocked before the code is looked up: the right code does not help a guesser.
    response = await user.http_client.get(f"/join/{dialogue.join_code}")
    assert response.status_code == 429 and "Te veel pogingen" in response.text


async def test_joining_is_rate_limited_per_address(create_user, setup):
    dialogue = setup.dialogue()
    for n in range(30):
        await join_as(create_user(), dialogue.join_code, f"P{n}")
    flooder = create_user()
    await flooder.open(f"/join/{dialogue.join_code}")
    flooder.find(marker="join-name").type("Nog een")
    flooder.find(marker="join-next").click()
    flooder.find(marker="join-confirm").click()
    await flooder.should_see("Te veel pogingen. Wacht een minuut.")
    assert len(setup.load(dialogue.slug).participants) == 30


async def test_a_name_over_the_limit_is_refused(user: User, setup):
    dialogue = setup.dialogue()
    await user.open(f"/join/{dialogue.join_code}")
    user.find(marker="join-name").type("A" * 10_000)
    user.find(marker="join-next").click()
    await user.should_see("Een naam mag hoogstens 40 tekens hebben.")
    assert setup.load(dialogue.slug).participants == []


async def test_the_phone_never_sees_the_keys(user: User, setup):
    dialogue = setup.dialogue()
    response = await user.http_client.get(f"/join/{dialogue.join_code}")
    assert setup.key not in response.text and dialogue.facilitator_key not in response.text


async def test_an_english_dialogue_speaks_english(user: User, setup):
    dialogue = setup.dialogue("Neighbourhood dialogue", language="en")
    await user.open(f"/join/{dialogue.join_code}")
    await user.should_see("Welcome to")
    user.find(marker="join-name").type(" ")
    user.find(marker="join-next").click()
    await user.should_see("Please fill in a name.")
