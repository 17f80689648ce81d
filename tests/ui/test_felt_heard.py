""""Did you feel heard?": the phone asks when the last round closes; the console answers for those without a phone."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User
from nicegui.testing.user_interaction import UserInteraction

from rounds import FACILITATOR as F
from rounds.people import join

from .conftest import join_as, live_room, until
from .test_export_panel import finish


async def close_every_round(slug: str) -> None:
    room = live_room(slug)
    for _ in room.dialogue.rounds:
        await room.open_next_round(F)
        await room.close_round(F, reason="De tijd is om")


def choose(user: User, marker: str, label: str) -> None:
    """Pick one option of a radio group, as a click on that option's label would."""
    UserInteraction(user, user.find(kind=ui.radio, marker=marker).elements, label).click()


async def test_the_phone_asks_when_the_last_round_closes_and_keeps_the_answer(user: User, setup):
    dialogue = setup.dialogue()
    await join_as(user, dialogue.join_code, "Anna")
    await user.should_not_see("Voelde je je gehoord?")
    await close_every_round(dialogue.slug)
    await user.should_see("Voelde je je gehoord?")
    await user.should_see("5 \u2013 helemaal wel")
    user.find(marker="felt-4").click()
    await until(lambda: [a.score for a in setup.load(dialogue.slug).felt_heard] == [4])  # saved at the tap
    await user.should_see(marker="felt-word")
    user.find(marker="felt-word").type("fijn avond")
    user.find(marker="felt-done").click()
    await user.should_see("Dank je wel!")
    stored = setup.load(dialogue.slug).felt_heard
    assert [(a.score, a.word, a.by_facilitator) for a in stored] == [(4, "fijn avond", False)]

    await user.open(f"/join/{dialogue.join_code}")  # the phone slept and reloads
    await user.should_see("Dank je wel!")
    await user.should_see("Je antwoord: 4 \u2013 grotendeels")
    await user.should_see("fijn avond")
    user.find(marker="felt-change").click()
    await user.should_see(marker="felt-2")
    user.find(marker="felt-2").click()
    await until(lambda: [(a.score, a.word) for a in setup.load(dialogue.slug).felt_heard] == [(2, "fijn avond")])
    user.find(marker="felt-done").click()
    await user.should_see("Je antwoord: 2 \u2013 niet echt")
    assert len(setup.load(dialogue.slug).felt_heard) == 1  # answering again replaced the answer


async def test_a_word_that_is_too_long_is_refused_and_the_number_stays(user: User, setup):
    dialogue = setup.dialogue()
    await join_as(user, dialogue.join_code, "Anna")
    await close_every_round(dialogue.slug)
    await user.should_see(marker="felt-5")  # drawn a moment after the last round closed
    user.find(marker="felt-5").click()
    await user.should_see(marker="felt-word")
    user.find(marker="felt-word").type("x" * 81)  # past the field's limit, as a script could send it
    user.find(marker="felt-done").click()
    await user.should_see("Dit is te lang. Hoogstens 80 tekens.")
    assert [(a.score, a.word) for a in setup.load(dialogue.slug).felt_heard] == [(5, "")]


async def test_the_console_enters_the_answer_for_someone_without_a_phone(user: User, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"))
    joop = join(dialogue, "Joop", "resident", 2.0, has_phone=False)
    anna = dialogue.participants[0]
    finish(setup, dialogue)
    await user.open(f"/d/{dialogue.slug}?key={setup.key}")
    await user.should_see("Voelde iedereen zich gehoord?")
    await user.should_see("0 van de 2 deelnemers hebben de vraag beantwoord.")
    await user.should_not_see(marker=f"felt-score-{anna.id}")  # Anna answers on her own phone

    user.find(marker=f"felt-save-{joop.id}").click()  # no number chosen yet
    await user.should_see("Kies eerst een cijfer van 1 tot 5.")
    assert setup.load(dialogue.slug).felt_heard == []

    choose(user, f"felt-score-{joop.id}", "3 \u2013 een beetje")
    user.find(marker=f"felt-word-{joop.id}").type("gezellig")
    user.find(marker=f"felt-save-{joop.id}").click()
    await user.should_see("Het antwoord van Joop is opgeslagen.")
    stored = setup.load(dialogue.slug).felt_heard
    assert [(a.participant_id, a.score, a.word, a.by_facilitator) for a in stored] == [(joop.id, 3, "gezellig", True)]
    await user.should_see("1 van de 2 deelnemers heeft de vraag beantwoord.")

    await live_room(dialogue.slug).answer_felt_heard(anna.id, anna.id, 5)  # Anna answers on her phone
    await user.should_see("2 van de 2 deelnemers hebben de vraag beantwoord.")  # a count, never what Anna chose
