"""Every voice (issue 12), phone side: the phone in its own language, large text, read aloud.

The rule from issue 9 holds throughout: a visitor who has not joined writes nothing; the choice travels in
the address until the phone has joined, and only a choice made on the phone is kept after that.
"""

from __future__ import annotations

import re

from nicegui import app, ui
from nicegui.testing import User

from rounds import FACILITATOR as F

from .conftest import join_as, live_room, screen_url


def kept() -> list[dict]:
    """What NiceGUI would write to disk for the browsers of this test."""
    return [dict(storage) for storage in app.storage._users.values() if storage]  # noqa: SLF001


def prop(user: User, marker: str, name: str):
    return next(iter(user.find(marker=marker).elements)).props.get(name)


def language_links(user: User) -> dict[str, tuple[str, bool]]:
    """The language choice is a row of plain links (one element): {code: (address, is it the current one)}."""
    html = next(iter(user.find(marker="phone-languages").elements)).content
    return {code: (href.replace("&amp;", "&"), 'aria-current="true"' in rest)
            for href, code, rest in re.findall(r'<a href="([^"]+)" lang="([a-z]+)"([^>]*)>', html)}


async def choose_language(user: User, code: str) -> None:
    await user.open(language_links(user)[code][0])  # what the browser does with the link


async def join_in(user: User, path: str, name: str, confirm_label: str) -> None:
    await user.open(path)
    user.find(marker="join-name").type(name)
    user.find(marker="join-next").click()
    await user.should_see(confirm_label)
    user.find(marker="join-confirm").click()
    await user.should_see(marker="phone-hello")


async def test_the_phone_follows_the_browsers_language(user: User, setup):
    dialogue = setup.dialogue()
    user.http_client.headers["Accept-Language"] = "pl-PL,pl;q=0.9,en;q=0.5"
    await user.open(f"/join/{dialogue.join_code}")
    await user.should_see("Twoje imię")
    links = language_links(user)
    assert set(links) == {"nl", "en", "ar", "tr", "pl"}
    assert [code for code, (_, current) in links.items() if current] == ["pl"]


async def test_the_first_language_we_speak_wins_else_the_dialogues(create_user, setup):
    dialogue = setup.dialogue("Neighbourhood dialogue", language="en")
    turkish, french = create_user(), create_user()
    turkish.http_client.headers["Accept-Language"] = "fr-FR,de;q=0.9,tr;q=0.5"
    await turkish.open(f"/join/{dialogue.join_code}")
    await turkish.should_see("Adınız")
    french.http_client.headers["Accept-Language"] = "fr-FR,de;q=0.8"
    await french.open(f"/join/{dialogue.join_code}")
    await french.should_see("Your name")


async def test_a_visitor_chooses_a_language_and_nothing_is_written(user: User, setup):
    dialogue = setup.dialogue()
    await user.open(f"/join/{dialogue.join_code}")
    await user.should_see("Je naam")
    await choose_language(user, "ar")
    await user.should_see("اسمك")
    user.find(marker="join-next").click()  # no name: the refusal in Arabic, nothing else changes
    await user.should_see("اكتب اسمًا.")
    user.find(marker="join-name").type("فاطمة")
    user.find(marker="join-next").click()
    await user.should_see("هكذا نتحدث معًا")
    await user.should_see("كل شخص يأخذ دوره. نستمع إلى بعضنا.")
    assert kept() == [] and setup.load(dialogue.slug).participants == []


async def test_after_joining_the_phone_keeps_its_language(user: User, setup):
    dialogue = setup.dialogue()
    await join_in(user, f"/join/{dialogue.join_code}?lang=tr", "Ayşe", "Katılıyorum")
    await user.should_see("Merhaba Ayşe")
    assert kept() == [{"phone": {"lang": "tr", "large": False}}]
    await user.open(f"/join/{dialogue.join_code}")  # a reload without the address's choice
    await user.should_see("Merhaba Ayşe")
    # The dialogue itself stays Dutch: the role is stored as a value, the projector speaks Dutch.
    assert setup.load(dialogue.slug).participants[0].role == "resident"


async def test_a_joined_phone_changes_language_and_keeps_it(user: User, setup):
    dialogue = setup.dialogue()
    await join_as(user, dialogue.join_code, "Anna")
    assert kept() == []  # nothing chosen yet: nothing kept
    await choose_language(user, "en")
    await user.should_see("Hello Anna")
    await user.open(f"/join/{dialogue.join_code}")
    await user.should_see("Hello Anna")


async def test_the_projector_and_the_question_stay_in_the_dialogues_language(create_user, setup):
    dialogue = setup.dialogue()
    phone, screen = create_user(), create_user()
    await join_in(phone, f"/join/{dialogue.join_code}?lang=ar", "فاطمة", "أشارك")
    room = live_room(dialogue.slug)
    await room.open_next_round(F)
    question = room.dialogue.rounds[0].question
    # The phone speaks Arabic around it; the question is shown (and read aloud) as the round keeps it.
    await phone.should_see("أنت التالي")
    await phone.should_see(question)
    assert prop(phone, "read-question", "data-read") == f"{room.dialogue.rounds[0].title}. {question}"
    assert prop(phone, "read-question", "data-read-lang") == "nl"
    await screen.open(screen_url(dialogue.slug))
    await screen.should_see("Nog aan de beurt")


async def test_counts_use_the_plural_form_of_the_phones_language(create_user, setup):
    dialogue = setup.dialogue("Wijkdialoog", ("Anna", "resident"), ("Ben", "resident"))
    phone = create_user()
    await join_in(phone, f"/join/{dialogue.join_code}?lang=pl", "Ola", "Biorę udział")
    await live_room(dialogue.slug).open_next_round(F)
    await phone.should_see("Przed tobą jeszcze 2 osoby")


async def test_large_text_is_carried_in_the_address_then_kept_after_joining(user: User, setup):
    dialogue = setup.dialogue()
    await user.open(f"/join/{dialogue.join_code}")
    assert prop(user, "large-text", "aria-pressed") == "false"
    user.find(marker="large-text").click()
    assert prop(user, "large-text", "aria-pressed") == "true"
    assert kept() == []  # a visitor's switch is in the page and its address only
    await join_in(user, f"/join/{dialogue.join_code}?text=large", "Henk", "Ik doe mee")
    assert kept() == [{"phone": {"lang": "nl", "large": True}}]
    await user.open(f"/join/{dialogue.join_code}")
    assert prop(user, "large-text", "aria-pressed") == "true"
    user.find(marker="large-text").click()
    assert kept() == [{"phone": {"lang": "nl", "large": False}}]


async def test_an_unknown_language_in_the_address_changes_nothing(user: User, setup):
    dialogue = setup.dialogue()
    await user.open(f"/join/{dialogue.join_code}?lang=xx%22%3E&text=huge")
    await user.should_see("Je naam")
    assert prop(user, "large-text", "aria-pressed") == "false"
    assert kept() == []


async def test_own_cards_and_the_ground_rules_can_be_read_aloud(user: User, setup):
    dialogue = setup.dialogue()
    await join_in(user, f"/join/{dialogue.join_code}?lang=ar", "فاطمة", "أشارك")
    room = live_room(dialogue.slug)
    await room.open_next_round(F)
    await room.close_round(F, reason="test")
    await room.open_next_round(F)  # the experiences round has cards
    await user.should_see(marker="card-input")
    user.find(marker="card-input").type("حديقة للجميع")
    user.find(marker="card-send").click()
    await user.should_see(marker="read-card")
    assert prop(user, "read-card", "data-read") == "حديقة للجميع"
    assert prop(user, "read-card", "aria-label") == "اقرأ بصوت عالٍ: حديقة للجميع"
    next(e for e in user.find(ui.expansion).elements if e.props.get("label") == "هكذا نتحدث معًا").open()
    await user.should_see(marker="read-rules")  # the ground rules are drawn when their panel is first opened
    assert prop(user, "read-rules", "data-read").startswith("هكذا نتحدث معًا. كل شخص يأخذ دوره.")


async def test_a_wrong_code_is_explained_in_the_chosen_language_and_the_choice_comes_along(user: User, setup):
    dialogue = setup.dialogue()
    await user.open("/join/ZZZZZ?lang=pl")
    await user.should_see("Nie znamy tego kodu")
    user.find(marker="code-input").type(dialogue.join_code)
    user.find(marker="code-go").click()
    await user.should_see("Twoje imię")
    assert kept() == []
