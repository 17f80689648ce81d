"""`/harvest`: the finished dialogues on this machine together, per theme, and importing another's."""

from __future__ import annotations

from nicegui.elements.upload_files import SmallFileUpload

from exports import to_json
from rounds import FACILITATOR as F
from rounds.cards import add_card
from rounds.talking_piece import close_round, open_next_round


def finished_with_a_dream(setup, title: str, dream: str):
    dialogue = setup.dialogue(title, ("Anna", "resident"))
    open_next_round(dialogue, F, 1)
    for _ in range(2):
        close_round(dialogue, F, 2, override_reason="kort")
        open_next_round(dialogue, F, 3)
    add_card(dialogue, F, dialogue.participants[0].id, dream, 4)
    dialogue.rounds[0].state = dialogue.rounds[1].state = "closed"
    return dialogue


async def test_the_harvest_page_needs_the_key(user, setup):
    await user.open("/harvest")
    await user.should_see("Deze pagina is alleen voor de gespreksleider")


async def test_the_harvest_combines_finished_dialogues(user, setup):
    one = finished_with_a_dream(setup, "De Linde", "Een moestuin voor iedereen")
    finish_rest(setup, one)
    await user.open(f"/harvest?key={setup.key}")
    await user.should_see("Oogst van alle wijkdialogen")
    report = user.find(marker="harvest-report").elements.pop()
    assert "Een moestuin voor iedereen" in report.content


async def test_an_imported_harvest_joins_the_others(user, setup):
    one = finished_with_a_dream(setup, "Elders", "Samen eten op het plein")
    finish_rest(setup, one)
    exported = to_json(setup.load(one.slug), False).encode()
    setup.store.path_for(one.slug).unlink()  # as if it was made on another laptop
    await user.open(f"/harvest?key={setup.key}")
    assert "Samen eten op het plein" not in user.find(marker="harvest-report").elements.pop().content
    upload = user.find(marker="harvest-upload").elements.pop()
    await upload.handle_uploads([SmallFileUpload("elders.json", "application/json", exported)])
    await user.should_see("Toegevoegd: Elders")
    assert "Samen eten op het plein" in user.find(marker="harvest-report").elements.pop().content
    assert [setup.load(s).title for s in setup.store.slugs()] == ["Elders"]


async def test_a_broken_file_is_refused_and_changes_nothing(user, setup):
    await user.open(f"/harvest?key={setup.key}")
    upload = user.find(marker="harvest-upload").elements.pop()
    await upload.handle_uploads([SmallFileUpload("kapot.json", "application/json", b"{niet json")])
    await user.should_see("Dit bestand is geen oogst van Wijkdialoog")
    assert setup.store.slugs() == []


def finish_rest(setup, dialogue):
    """Run the remaining rounds to the end with nobody speaking (by override) so the dialogue is finished."""
    close_round(dialogue, F, 5, override_reason="kort")
    while any(r.state == "pending" for r in dialogue.rounds):
        open_next_round(dialogue, F, 6)
        close_round(dialogue, F, 7, override_reason="kort")
    setup.store.save(dialogue)

