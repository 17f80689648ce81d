"""The first real night, in English: a new facilitator runs a dialogue with a person without a phone who
votes, a participant with a Chinese name, and a note typed while the speaker ends their own turn."""

from __future__ import annotations

import io
import re
from urllib.parse import urlparse

import pytest
from playwright.async_api import Page, expect
from pypdf import PdfReader

from facilitator_app.store import Store

from .conftest import start_server, stop_server
from .scene import LAPTOP, Scene, button, open_screen
from .test_accessibility import serious_violations

FORMATS = ["Markdown", "HTML", "Word", "PDF", "CSV", "CSV (Excel NL)", "JSON"]


@pytest.fixture
def english_server(tmp_path):
    srv = start_server(tmp_path / "data", extra=["--lang", "en"])
    yield srv
    stop_server(srv)


async def join_in_english(scene: Scene, join_url: str, name: str, consent: bool = True) -> Page:
    context = await scene.browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
    scene.contexts.append(context)
    phone = await scene.page({}, context=context)  # an English phone: the phone follows its browser's language
    await phone.goto(join_url)
    await phone.get_by_label("Your name").fill(name)
    if consent:
        await phone.get_by_text("My name may appear in the report").click()
    await button(phone, "Next")
    await button(phone, "I'm taking part")
    await expect(phone.get_by_text(f"Hello {name}")).to_be_visible()
    return phone


async def everyone_speaks(console: Page, count: int) -> None:
    for _ in range(count):
        await button(console, "Next speaker")
    await button(console, "Done")
    await expect(console.get_by_text("Everyone has been heard")).to_be_visible()


async def test_a_first_night_in_english(english_server, browser, artefacts):  # noqa: PLR0915 - one story
    server = english_server
    scene = Scene(browser, server.url, artefacts)
    try:
        console = await scene.page(LAPTOP)
        await console.goto(f"{server.url}/?key={server.key}")
        await console.get_by_label("Title").fill("First night")
        await button(console, "Create the dialogue")
        await expect(console.get_by_role("heading", name="Rounds")).to_be_visible()
        slug = urlparse(console.url).path.split("/")[-1]
        # The key is gone from the address bar once the browser remembers it.
        assert "key=" not in console.url
        screen = await open_screen(scene, console, slug)
        join_url = f"{server.url}/join/{Store(server.data_dir).load(slug).join_code}"

        fatima = await join_in_english(scene, join_url, "Fatima Nouri")
        li = await join_in_english(scene, join_url, "李明")
        await console.get_by_text("Add someone without a phone").click()
        await console.get_by_label("Name", exact=True).fill("Henk")
        await button(console, "Add")
        await expect(screen.get_by_text("Henk · Resident")).to_be_visible()
        # Screen readers hear English on every expandable panel.
        await expect(console.get_by_role("button", name='Collapse "Add someone without a phone"')).to_be_visible()

        # Round 1: Li taps Done on the phone while the facilitator is still typing a note on Li's turn.
        await button(console, "Start the dialogue")
        await button(console, "Next speaker")
        await button(console, "Next speaker")
        await expect(li.get_by_text("It's your turn")).to_be_visible()
        note = console.get_by_label("Short note on the turn of 李明")
        await note.fill("Li: more benches")
        await button(li, "Done")
        await note.press_sequentially(" near the pond")
        await expect(console.get_by_text("Nobody has the floor right now.")).to_be_visible()
        await button(console, "Next speaker")
        await button(console, "Done")
        await scene.shot(console, "console-round-1")
        await button(console, "Close round")
        # A refused floor says why, next to the row, in words.
        for number in range(2, 4):
            await button(console, "Start round")
            if number == 3:
                await fatima.get_by_label("Your card").fill("A vegetable garden")
                await button(fatima, "Add card")
                await expect(fatima.get_by_text("A vegetable garden", exact=True)).to_be_visible()
                await li.get_by_label("Your card").fill("邻居帮我搬家")
                await button(li, "Add card")
                await expect(screen.get_by_text("邻居帮我搬家")).to_be_visible()
            await everyone_speaks(console, 3)
            await button(console, "Close round")
        # Round 4: the agenda. Henk has no phone; the facilitator places his dots.
        await button(console, "Start round")
        await expect(fatima.get_by_text("From round 3: Dreams")).to_be_visible()
        await fatima.get_by_role("button", name="Add a dot: A vegetable garden").click()
        for _ in range(3):
            await console.get_by_role("button", name="Add a dot for Henk: 邻居帮我搬家").click()
        await expect(console.get_by_text("Henk has 0 dots left")).to_be_visible()
        await expect(console.get_by_role("button", name="Add a dot for Henk: 邻居帮我搬家")).to_be_disabled()
        await scene.shot(console, "console-dots-for-henk")
        # The English console and projector, like the Dutch ones: no serious or critical axe findings.
        found = {"console-en": await serious_violations(console), "screen-en": await serious_violations(screen)}
        assert {page: v for page, v in found.items() if v} == {}
        await expect(screen.get_by_text("Just arrived? Scan or go to")).to_be_visible()
        await scene.shot(screen, "screen-round-4-corner")
        await everyone_speaks(console, 3)
        await button(console, "Close round")
        await button(console, "Start round")
        await everyone_speaks(console, 3)
        await button(console, "Close round")
        await expect(console.get_by_text("The dialogue is finished")).to_be_visible()
        await expect(screen.get_by_text("1 person takes a step").or_(screen.get_by_text("people take a step"))
                     ).to_be_visible()
        await scene.shot(screen, "screen-finished")

        stored = Store(server.data_dir).load(slug)
        li_id = next(p.id for p in stored.participants if p.name == "李明")
        li_turn = next(t for t in stored.rounds[0].turns if t.participant_id == li_id)
        assert li_turn.note == "Li: more benches near the pond" and not li_turn.ended_by_facilitator
        henk = next(p for p in stored.participants if p.name == "Henk")
        assert sum(1 for v in stored.rounds[3].votes if v.participant_id == henk.id) == 3

        # Every click on a download gives its file, named in English.
        names = []
        for anonymous in (False, True):
            if anonymous:
                await console.get_by_text("Anonymous (no names)").click()
            for label in FORMATS:
                async with console.expect_download() as info:
                    # The button's name may start with its icon's ligature ("download").
                    name = re.compile(rf"^(download\s*)?{re.escape(label)}$")
                    await console.get_by_role("button", name=name).click()
                download = await info.value
                names.append(download.suggested_filename)
                if label == "PDF":
                    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(
                        (await download.path()).read_bytes())).pages)
                    assert "邻居帮我搬家" in text
                    assert ("李明" in text) is not anonymous
        assert len(set(names)) == 14 and all("anoniem" not in n for n in names)
        assert f"{slug}-anonymous.pdf" in names
    finally:
        await scene.close()
