"""`/harvest`: the finished dialogues on this machine together, per theme, and importing another's."""

from __future__ import annotations

import json

import pytest
from nicegui.elements.upload_files import SmallFileUpload

from exports import to_json
from exports.json_io import MAX_IMPORT_BYTES
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



async def upload(user, name: str, raw: bytes) -> None:
    element = user.find(marker="harvest-upload").elements.pop()
    await element.handle_uploads([SmallFileUpload(name, "application/json", raw)])


def nan_export(setup) -> bytes:
    """A finished dialogue's export with an end time that is not a number: every export of it would crash."""
    one = finished_with_a_dream(setup, "Kapot", "Een droom")
    finish_rest(setup, one)
    envelope = json.loads(to_json(setup.load(one.slug), False))
    setup.store.path_for(one.slug).unlink()
    envelope["dialogue"]["finished_at"] = float("nan")
    return json.dumps(envelope).encode()


@pytest.mark.parametrize("raw", [b"[" * 100_000 + b"]" * 100_000, b'{"a": ' * 100_000])
async def test_a_deeply_nested_upload_gets_a_message_not_silence(user, setup, raw):
    await user.open(f"/harvest?key={setup.key}")
    await upload(user, "diep.json", raw)
    await user.should_see("Dit bestand is geen oogst van Wijkdialoog, of het is beschadigd")
    assert setup.store.slugs() == []


async def test_an_upload_the_app_could_not_export_is_refused_and_the_harvest_keeps_working(user, setup):
    bad = nan_export(setup)
    good = finished_with_a_dream(setup, "De Linde", "Een moestuin voor iedereen")
    finish_rest(setup, good)
    await user.open(f"/harvest?key={setup.key}")
    await upload(user, "kapot.json", bad)
    await user.should_see("Dit bestand is geen oogst van Wijkdialoog, of het is beschadigd")
    assert setup.store.slugs() == [good.slug]
    await user.open(f"/harvest?key={setup.key}")  # drawn again: no 500 for all dialogues
    assert "Een moestuin voor iedereen" in user.find(marker="harvest-report").elements.pop().content


async def test_a_file_over_the_limit_is_refused_with_its_own_message(user, setup):
    await user.open(f"/harvest?key={setup.key}")
    await upload(user, "groot.json", b" " * (MAX_IMPORT_BYTES + 1))
    await user.should_see("Dit bestand is te groot (meer dan 20 MB)")
    assert setup.store.slugs() == []


async def test_a_damaged_file_on_this_machine_is_named_and_the_others_are_harvested(user, setup):
    good = finished_with_a_dream(setup, "De Linde", "Een moestuin voor iedereen")
    finish_rest(setup, good)
    bad = setup.dialogue("Kapot")
    record = json.loads(setup.store.path_for(bad.slug).read_text(encoding="utf-8"))
    record["_default"]["1"]["dialogue"]["created_at"] = float("nan")
    setup.store.path_for(bad.slug).write_text(json.dumps(record), encoding="utf-8")
    await user.open(f"/harvest?key={setup.key}")
    await user.should_see("Niet in de oogst")
    await user.should_see("kapot.json is beschadigd en telt niet mee (not finite: created_at).")
    assert "Een moestuin voor iedereen" in user.find(marker="harvest-report").elements.pop().content
    await user.should_not_see(str(setup.data_dir))


@pytest.mark.parametrize(("rule", "message"), [
    (["max-file-size"], "Dit bestand is te groot (meer dan 20 MB)"),
    (["accept"], "Dit bestand is geen oogst van Wijkdialoog"),
])
async def test_a_file_the_browser_refuses_gets_the_right_message(user, setup, rule, message):
    await user.open(f"/harvest?key={setup.key}")
    user.find(marker="harvest-upload").trigger("rejected", rule)
    await user.should_see(message)
