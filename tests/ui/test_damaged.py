"""A dialogue whose file cannot be used gets a friendly page on the console and the projector, never a 500.

The page is in the app's language, names only the file, and shows no path of this machine and no traceback.
"""

from __future__ import annotations

import json

import pytest


def damage(setup, title: str = "Kapot", *, how: str = "nan") -> str:
    """A dialogue on disk that cannot be used: an end time that is not a number, or half a JSON file."""
    dialogue = setup.dialogue(title)
    path = setup.store.path_for(dialogue.slug)
    text = path.read_text(encoding="utf-8")
    if how == "nan":
        record = json.loads(text)
        record["_default"]["1"]["dialogue"]["finished_at"] = float("nan")
        text = json.dumps(record)
    else:
        text = text[: len(text) // 2]
    path.write_text(text, encoding="utf-8")
    return dialogue.slug


def shows_nothing_of_the_machine(setup, body: str) -> None:
    for secret in ("/tmp", str(setup.data_dir), str(setup.data_dir.resolve()), "Traceback", "StoreError"):
        assert secret not in body, secret


@pytest.mark.parametrize(("how", "reason"), [("nan", "not finite: finished_at"), ("half", "line 1 column")])
async def test_the_console_of_a_damaged_dialogue_is_a_friendly_page(user, setup, how, reason):
    slug = damage(setup, how=how)
    response = await user.http_client.get(f"/d/{slug}?key={setup.key}")
    assert response.status_code == 200
    shows_nothing_of_the_machine(setup, response.text)
    await user.open(f"/d/{slug}?key={setup.key}")
    await user.should_see("Deze wijkdialoog kan niet open")
    await user.should_see("Noem dit bestand: kapot.json")
    await user.should_see("Wat er mis is: ")
    await user.should_see(reason)


@pytest.mark.parametrize("how", ["nan", "half"])
async def test_without_the_key_a_damaged_dialogue_only_asks_for_the_key(user, setup, how):
    slug = damage(setup, how=how)
    response = await user.http_client.get(f"/d/{slug}")
    assert response.status_code == 200
    shows_nothing_of_the_machine(setup, response.text)
    await user.open(f"/d/{slug}")
    await user.should_see("Deze pagina is alleen voor de gespreksleider")
    await user.should_not_see("not finite")


@pytest.mark.parametrize("how", ["nan", "half"])
async def test_the_projector_of_a_damaged_dialogue_is_a_friendly_page(user, setup, how):
    slug = damage(setup, how=how)
    await user.open(f"/?key={setup.key}")  # this browser is the facilitator's, so it may open the screen
    response = await user.http_client.get(f"/d/{slug}/screen")
    assert response.status_code == 200
    shows_nothing_of_the_machine(setup, response.text)
    await user.open(f"/d/{slug}/screen")
    await user.should_see("Deze wijkdialoog kan niet open")
    await user.should_not_see("not finite")  # the wall shows no technical reasons


async def test_the_other_dialogues_still_open(user, setup):
    damage(setup)
    other = setup.dialogue("De Linde")
    await user.open(f"/d/{other.slug}?key={setup.key}")
    await user.should_see("De Linde")
    await user.open(f"/?key={setup.key}")
    await user.should_see("kapot.json")


@pytest.fixture
def english(monkeypatch):
    monkeypatch.setenv("WIJKDIALOOG_LANG", "en")


async def test_the_friendly_page_is_in_the_apps_language(english, user, setup):
    slug = damage(setup)
    await user.open(f"/d/{slug}?key={setup.key}")
    await user.should_see("This dialogue cannot be opened")
    await user.should_see("What is wrong: not finite: finished_at")
