"""Phones: joining, the ground rules, coming back as the same person, and a wrong code."""

from __future__ import annotations

from nicegui.testing import User

from rounds import FACILITATOR as F

from .conftest import join_as, live_room
from .join_http import error_of, open_form, post_step, text_of


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
    await open_form(user, dialogue.join_code)
    refused = await post_step(user, dialogue.join_code, "rules", "   ", "professional", consent=True)
    assert refused.status_code == 422 and error_of(refused) == "Vul een naam in."
    assert 'aria-invalid="true"' in refused.text and 'data-step="one"' in refused.text
    # What was chosen stays chosen; nothing is stored.
    assert '<option value="professional" selected>' in refused.text and " checked>" in refused.text
    assert setup.load(dialogue.slug).participants == []


async def test_the_rules_step_can_go_back_and_a_join_needs_the_rules_step_values(user: User, setup):
    dialogue = setup.dialogue()
    await open_form(user, dialogue.join_code)
    rules = await post_step(user, dialogue.join_code, "rules", "Anna", "municipality")
    assert "Zo praten we met elkaar" in text_of(rules) and setup.load(dialogue.slug).participants == []
    back = await post_step(user, dialogue.join_code, "back", "Anna", "municipality")
    assert 'value="Anna"' in back.text and '<option value="municipality" selected>' in back.text
    assert setup.load(dialogue.slug).participants == []
    # A join whose name does not pass is refused the same way as at "Verder".
    blank = await post_step(user, dialogue.join_code, "join", "", "municipality")
    assert blank.status_code == 422 and error_of(blank) == "Vul een naam in."
    assert setup.load(dialogue.slug).participants == []


async def test_a_second_tap_on_ik_doe_mee_joins_once(user: User, setup):
    dialogue = setup.dialogue()
    await open_form(user, dialogue.join_code)
    first = await post_step(user, dialogue.join_code, "join", "Anna")
    second = await post_step(user, dialogue.join_code, "join", "Anna")
    assert first.status_code == second.status_code == 303
    assert [p.name for p in setup.load(dialogue.slug).participants] == ["Anna"]


async def test_a_form_posted_from_another_site_does_nothing(user: User, setup):
    dialogue = setup.dialogue()
    await open_form(user, dialogue.join_code)
    forged = await post_step(user, dialogue.join_code, "join", "Trol", origin="http://evil.example")
    assert forged.status_code == 303 and setup.load(dialogue.slug).participants == []
    own = await post_step(user, dialogue.join_code, "join", "Anna", origin="http://test")
    assert own.status_code == 303 and [p.name for p in setup.load(dialogue.slug).participants] == ["Anna"]


async def test_a_reloaded_phone_is_the_same_person(user: User, setup):
    dialogue = setup.dialogue()
    await join_as(user, dialogue.join_code, "Anna")
    await user.open(f"/join/{dialogue.join_code}")  # a page of the phone view, not the form
    await user.should_see("Hallo Anna")
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
    wrong = await user.http_client.get("/join/ZZZZZ")
    assert wrong.status_code == 200 and "Deze code kennen we niet" in text_of(wrong)
    assert '<form method="get" action="/join">' in wrong.text and 'name="code"' in wrong.text
    assert 'name="lang"' not in wrong.text  # a language only derived is not made a choice that is kept
    bare = await user.http_client.get("/join")  # the address without a code asks for one
    assert "Deze code kennen we niet" in text_of(bare) and 'name="code"' in bare.text


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
        wrong = await user.http_client.get(f"/join/ZZZZ{n}")
        assert "Deze code kennen we niet" in text_of(wrong)
    # Blocked before the code is looked up: the right code does not help a guesser.
    response = await user.http_client.get(f"/join/{dialogue.join_code}")
    assert response.status_code == 429 and "Te veel pogingen" in response.text


async def test_joining_is_rate_limited_per_address(create_user, setup):
    dialogue = setup.dialogue()
    for n in range(30):
        await join_as(create_user(), dialogue.join_code, f"P{n}")
    flooder = create_user()
    await open_form(flooder, dialogue.join_code)
    refused = await post_step(flooder, dialogue.join_code, "join", "Nog een")
    assert refused.status_code == 429 and error_of(refused) == "Te veel pogingen. Wacht een minuut."
    assert 'value="Nog een"' in refused.text  # what was typed is kept for the next try
    assert len(setup.load(dialogue.slug).participants) == 30


async def test_a_name_over_the_limit_is_refused(user: User, setup):
    dialogue = setup.dialogue()
    await open_form(user, dialogue.join_code)
    refused = await post_step(user, dialogue.join_code, "rules", "A" * 10_000)
    assert error_of(refused) == "Een naam mag hoogstens 40 tekens hebben."
    assert setup.load(dialogue.slug).participants == []


async def test_the_phone_never_sees_the_keys(user: User, setup):
    dialogue = setup.dialogue()
    response = await user.http_client.get(f"/join/{dialogue.join_code}")
    assert setup.key not in response.text and dialogue.facilitator_key not in response.text


async def test_an_english_dialogue_speaks_english(user: User, setup):
    dialogue = setup.dialogue("Neighbourhood dialogue", language="en")
    form = await open_form(user, dialogue.join_code)
    assert "Welcome to" in text_of(form) and "Your name" in text_of(form)
    refused = await post_step(user, dialogue.join_code, "rules", " ")
    assert error_of(refused) == "Please fill in a name."


async def test_a_huge_or_odd_post_changes_nothing(user: User, setup):
    dialogue = setup.dialogue()
    code = dialogue.join_code
    await open_form(user, code)
    form = {"content-type": "application/x-www-form-urlencoded"}
    huge = await user.http_client.post(f"/join/{code}", content=b"step=join&name=" + b"A" * 100_000, headers=form)
    assert huge.status_code == 413 and error_of(huge) == "Dat lukte niet. Er is niets veranderd. Probeer het nog eens."
    many = await user.http_client.post(f"/join/{code}", data={f"f{n}": "x" for n in range(50)} | {
        "name": "Anna", "step": "join"})
    assert many.status_code == 413 and setup.load(dialogue.slug).participants == []
    odd = await post_step(user, code, "join", "Anna", role="facilitator")  # not a role: the form's default
    assert odd.status_code == 303 and setup.load(dialogue.slug).participants[0].role == "resident"
