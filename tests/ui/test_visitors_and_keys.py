"""Trust nothing from outside (issue 9): visitors cost no disk, guessing is blocked first, only the app's key opens."""

from __future__ import annotations

import httpx
from nicegui import Client, app, core
from nicegui.testing import User

from facilitator_app import app as wijk_app

from .conftest import join_as, until
from .join_http import open_form, post_step, text_of


def user_storage_files() -> set[str]:
    return {path.name for path in app.storage.path.glob("storage-user-*.json")}


def from_address(address: str, **headers: str) -> httpx.AsyncClient:
    """A browser at another address on the room's Wi-Fi, talking HTTP to the same app."""
    transport = httpx.ASGITransport(core.app, client=(address, 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://test", headers=headers)


async def test_visitors_who_do_not_join_leave_nothing_on_disk(create_user, setup):
    dialogue = setup.dialogue()
    before = user_storage_files()
    visitors = [create_user() for _ in range(3)]
    for visitor in visitors:
        await open_form(visitor, dialogue.join_code)
        rules = await post_step(visitor, dialogue.join_code, "rules", "Half ingevuld")
        assert "Zo praten we met elkaar" in text_of(rules)
    assert (await visitors[0].http_client.get("/join/ZZZZZ")).status_code == 200
    await visitors[1].open("/")
    await visitors[2].open("/harvest")
    # Nothing in memory either, so NiceGUI has nothing it could write later.
    assert not any(app.storage._users.values())  # noqa: SLF001
    # The facilitator's browser is the one that gets a file; once it is there, nothing else was written.
    facilitator = create_user()
    await facilitator.open(f"/?key={setup.key}")
    await until(lambda: len(user_storage_files() - before) >= 1)
    assert len(user_storage_files() - before) == 1


async def test_a_joined_phone_is_recognised_by_its_cookie_without_storage(user: User, setup):
    dialogue = setup.dialogue()
    await join_as(user, dialogue.join_code, "Anna")
    await user.open(f"/join/{dialogue.join_code}")
    await user.should_see("Hallo Anna")
    assert not any(app.storage._users.values())  # noqa: SLF001


async def test_a_blocked_address_gets_429_even_with_the_right_code(user: User, setup):
    dialogue = setup.dialogue()
    async with from_address("10.0.0.7") as guesser, from_address("10.0.0.8", **{"Accept-Language": "en-GB,nl;q=0.5"}) \
            as neighbour:
        for n in range(10):
            assert (await guesser.get(f"/join/ZZZZ{n}")).status_code == 200
        refused = await guesser.get(f"/join/{dialogue.join_code}")
        assert refused.status_code == 429
        assert "Te veel pogingen" in refused.text and dialogue.title not in refused.text
        assert refused.headers["retry-after"] == "60"
        assert (await neighbour.get(f"/join/{dialogue.join_code}")).status_code == 200  # others are not blocked
        for n in range(10):
            await neighbour.get(f"/join/YYYY{n}")
        english = await neighbour.get(f"/join/{dialogue.join_code}")
        assert english.status_code == 429 and "Too many tries" in english.text and 'lang="en"' in english.text


async def test_guessing_from_many_addresses_trips_the_limit_for_everyone(user: User, setup):
    dialogue = setup.dialogue()
    wijk_app.current.access.all_wrong_codes.limit = 12  # the real limit is 300; the mechanism is the same
    for n in range(12):
        async with from_address(f"10.0.1.{n}") as guesser:
            assert (await guesser.get(f"/join/ZZZZ{n}")).status_code == 200
    async with from_address("10.0.2.1") as newcomer:
        assert (await newcomer.get(f"/join/{dialogue.join_code}")).status_code == 429


async def test_the_console_does_not_open_with_the_dialogues_own_key(user: User, setup):
    dialogue = setup.dialogue()
    await user.open(f"/d/{dialogue.slug}?key={dialogue.facilitator_key}")
    await user.should_see("Deze pagina is alleen voor de gespreksleider")
    await user.should_not_see(marker="console-title")
    await user.open(f"/d/{dialogue.slug}")
    await user.should_see("Deze pagina is alleen voor de gespreksleider")


async def test_a_key_in_the_address_is_taken_out_of_the_address_bar(user: User, setup):
    with_key = await user.http_client.get(f"/?key={setup.key}")
    assert "history.replaceState" in with_key.text
    without_key = await user.http_client.get("/")
    assert "history.replaceState" not in without_key.text


async def test_log_out_forgets_the_key_in_this_browser(user: User, setup):
    await user.open(f"/?key={setup.key}")
    await user.should_see(marker="dialogue-list")
    user.find(marker="logout").click()
    await user.should_see("Deze pagina is alleen voor de gespreksleider")
    await user.open("/")
    await user.should_see("Deze pagina is alleen voor de gespreksleider")
    await user.should_not_see(marker="dialogue-list")


async def test_a_refused_guess_keeps_no_page_on_the_server(user: User, setup):
    dialogue = setup.dialogue()
    for n in range(10):
        await user.http_client.get(f"/join/ZZZZ{n}")
    pages_before = len(Client.instances)
    for _ in range(20):
        assert (await user.http_client.get(f"/join/{dialogue.join_code}")).status_code == 429
    assert len(Client.instances) == pages_before
