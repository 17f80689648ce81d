"""One whole dialogue in real Chromium: a facilitator, the projector, four phones, one person without a phone."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from docx import Document
from playwright.async_api import expect

from facilitator_app.store import Store

from .conftest import start_server, stop_server
from .scene import LAPTOP, PHONE, PROJECTOR, Scene, button, join, join_url_from, open_screen, write_card


@pytest.fixture
def bare_server(tmp_path):
    srv = start_server(tmp_path / "data")
    yield srv
    stop_server(srv)


async def go_around(console, speakers: int) -> None:
    """The facilitator runs the floor from the console: Next for each, then Done for the last."""
    for _ in range(speakers):
        await button(console, "Volgende spreker")
        await expect(console.get_by_text("0:0", exact=False).first).to_be_visible()
    await button(console, "Klaar")
    await expect(console.get_by_text("Iedereen is gehoord. U kunt de ronde sluiten.")).to_be_visible()


async def close_and_open_next(console) -> None:
    await button(console, "Ronde sluiten")
    await expect(console.get_by_role("button", name="Ronde beginnen")).to_be_visible()
    await button(console, "Ronde beginnen")
    await expect(console.get_by_role("button", name="Volgende spreker")).to_be_visible()


async def test_a_whole_dialogue(bare_server, browser, artefacts):
    scene = Scene(browser, bare_server.url, artefacts)
    try:
        await play(scene, bare_server)
    finally:
        await scene.close()


async def play(scene: Scene, server) -> None:  # noqa: PLR0915 - one story, told in order
    # The facilitator creates the dialogue.
    console = await scene.page(LAPTOP)
    await console.goto(f"{server.url}/?key={server.key}")
    await console.get_by_label("Titel").fill("Wijkdialoog De Linde")
    await console.get_by_label("Plaats").fill("Buurthuis De Linde")
    await button(console, "Maak de wijkdialoog")
    await expect(console.get_by_role("heading", name="Rondes")).to_be_visible()
    slug = urlparse(console.url).path.split("/")[-1]

    # The projector shows the QR code and the join URL in letters.
    screen = await open_screen(scene, console, slug)
    await expect(screen.get_by_text("Doe mee met je telefoon")).to_be_visible()
    join_url = join_url_from(await screen.get_by_text("Of ga naar").inner_text())
    assert await screen.locator("svg path").count() >= 1

    # Four phones join through that URL; the facilitator adds Henk, who has no phone.
    anna = await join(scene, join_url, "Anna", consent=True)
    ben = await join(scene, join_url, "Ben", role="Professional")
    chris = await join(scene, join_url, "Chris", role="Gemeente")
    dana = await join(scene, join_url, "Dana")
    await console.get_by_text("Iemand zonder telefoon toevoegen").click()
    await console.get_by_label("Naam", exact=True).fill("Henk")
    await button(console, "Toevoegen")
    await expect(screen.get_by_text("Henk · Bewoner")).to_be_visible()
    await expect(screen.get_by_text("Aangemeld (5)")).to_be_visible()
    await scene.shot(screen, "screen-welcome-1280")
    await screen.set_viewport_size({"width": 1920, "height": 1080})
    await scene.shot(screen, "screen-welcome-1920")
    await screen.set_viewport_size(PROJECTOR)
    await scene.shot(anna, "phone-waiting")
    await scene.shot(console, "console-prepare")

    # Round 1: Anna passes and is asked again at the end.
    await button(console, "Start de wijkdialoog")
    await expect(anna.get_by_text("Jij bent de volgende")).to_be_visible()
    await expect(ben.get_by_text("Nog 1 persoon voor jou")).to_be_visible()
    await button(console, "Volgende spreker")
    await expect(anna.get_by_text("Jij bent aan de beurt")).to_be_visible()
    await expect(screen.get_by_text("Anna", exact=True).first).to_be_visible()
    await scene.shot(anna, "phone-your-turn")
    await scene.shot(screen, "screen-speaker")
    await button(anna, "Ik pas")
    await expect(anna.get_by_text("Je hebt gepast")).to_be_visible()
    await button(console, "Volgende spreker")
    await expect(ben.get_by_text("Jij bent aan de beurt")).to_be_visible()
    await button(ben, "Klaar")
    await expect(ben.get_by_text("Je bent gehoord in deze ronde")).to_be_visible()

    # Closing early is refused until everyone is heard.
    await expect(console.get_by_role("button", name="Ronde sluiten")).to_be_disabled()
    await expect(console.get_by_text("Wacht nog: Anna, Chris, Dana en Henk")).to_be_visible()
    await button(console, "Toch sluiten…")
    await console.get_by_role("dialog").get_by_role("button", name="Ronde sluiten").click()
    await expect(console.get_by_text("Geef een reden om de ronde toch te sluiten.")).to_be_visible()
    await button(console, "Annuleren")
    await scene.shot(console, "console-run")

    for phone in (chris, dana):
        await button(console, "Volgende spreker")
        await expect(phone.get_by_text("Jij bent aan de beurt")).to_be_visible()
        await button(phone, "Klaar")
    eva = await join(scene, join_url, "Eva", role="Ondernemer")  # a late joiner
    await expect(eva.get_by_text("Nog 1 persoon voor jou")).to_be_visible()
    await button(console, "Volgende spreker")  # Henk, at the table without a phone
    await expect(console.get_by_text("Henk", exact=True).first).to_be_visible()
    await button(console, "Volgende spreker")  # Henk is done; Eva's turn
    await expect(eva.get_by_text("Jij bent aan de beurt")).to_be_visible()
    await button(eva, "Klaar")
    await button(console, "Volgende spreker")  # Anna is asked again
    await expect(anna.get_by_text("Jij bent aan de beurt")).to_be_visible()
    await button(anna, "Klaar")
    await expect(console.get_by_text("Iedereen is gehoord. U kunt de ronde sluiten.")).to_be_visible()
    await close_and_open_next(console)

    # Round 2: cards appear on the screen, a late joiner gets a turn, a phone reloads mid-round.
    await write_card(anna, "De moestuin achter de school brengt mensen samen")
    await write_card(ben, "Het inloopspreekuur op dinsdag")
    await expect(screen.get_by_text("De moestuin achter de school brengt mensen samen")).to_be_visible()
    # Ben changes his card: "Aanpassen" in his own list (one HTML element) opens the editor with that card.
    await write_card(ben, "Een tweede kaartje van Ben")
    await ben.get_by_role("button", name="Aanpassen: Het inloopspreekuur op dinsdag").click()
    editor = ben.get_by_role("dialog")
    await expect(editor.get_by_role("textbox")).to_have_value("Het inloopspreekuur op dinsdag")
    await editor.get_by_role("textbox").fill("Het inloopspreekuur op dinsdag en donderdag")
    await editor.get_by_role("button", name="Opslaan").click()
    await expect(editor).to_be_hidden()
    await expect(ben.get_by_text("Het inloopspreekuur op dinsdag en donderdag", exact=True)).to_be_visible()
    await expect(ben.get_by_text("Een tweede kaartje van Ben", exact=True)).to_be_visible()
    await expect(screen.get_by_text("Het inloopspreekuur op dinsdag en donderdag")).to_be_visible()
    await ben.get_by_role("button", name="Aanpassen: Een tweede kaartje van Ben").click()
    await editor.get_by_role("button", name="Weghalen").click()
    await expect(ben.get_by_text("Een tweede kaartje van Ben", exact=True)).to_be_hidden()
    await scene.shot(ben, "phone-own-cards")
    await expect(screen.get_by_text("Het inloopspreekuur op dinsdag")).to_be_visible()
    await console.get_by_label("Kaartje voor").click()
    await console.get_by_role("option", name="Henk").click()
    await console.get_by_label("Tekst van het kaartje").fill("Het bankje bij de vijver")
    await console.get_by_role("button", name="Toevoegen").first.click()
    await expect(screen.get_by_text("Het bankje bij de vijver")).to_be_visible()
    await dana.reload()
    await expect(dana.get_by_text("Hallo Dana")).to_be_visible()
    assert await dana.get_by_text("Welkom bij").count() == 0
    await scene.shot(screen, "screen-cards")
    await scene.shot(anna, "phone-cards")
    await button(console, "Volgende spreker")
    await button(console, "Volgende spreker")
    await button(console, "Toch sluiten…")
    await console.get_by_label("Reden").fill("De koffie wordt koud; we gaan door")
    await console.get_by_role("dialog").get_by_role("button", name="Ronde sluiten").click()
    await expect(console.get_by_role("button", name="Ronde beginnen")).to_be_visible()
    await button(console, "Ronde beginnen")

    # Round 3: dreams, everyone heard.
    await write_card(chris, "Een buurtkamer die elke dag open is")
    await write_card(eva, "Samen eten op het plein")
    await go_around(console, 6)
    await close_and_open_next(console)

    # Round 4: needs and dots.
    await write_card(dana, "Een vaste plek om elkaar te ontmoeten")
    for phone in (anna, ben, chris):
        await expect(phone.get_by_text("Je hebt nog 3 stippen")).to_be_visible()
        row = phone.locator(".nicegui-row").filter(has=phone.get_by_text("Een vaste plek om elkaar te ontmoeten",
                                                                     exact=True))
        await row.get_by_role("button", name="Stip erbij").click()
        await expect(phone.get_by_text("Je hebt nog 2 stippen")).to_be_visible()
    await expect(screen.get_by_text("Een vaste plek om elkaar te ontmoeten")).to_be_visible()
    await scene.shot(anna, "phone-dots")
    await scene.shot(screen, "screen-dots")
    await go_around(console, 6)
    await close_and_open_next(console)

    # Round 5: pledges, then finish.
    await expect(anna.get_by_text("Mijn stap", exact=True)).to_be_visible()
    await write_card(anna, "Ik nodig mijn buren uit voor koffie")
    await write_card(ben, "Ik zet het spreekuur op het prikbord")
    await go_around(console, 6)
    await button(console, "Ronde sluiten")
    await expect(console.get_by_text("De wijkdialoog is klaar")).to_be_visible()
    await expect(screen.get_by_text("2 mensen zetten een stap")).to_be_visible()
    await expect(screen.get_by_text("Een vaste plek om elkaar te ontmoeten")).to_be_visible()
    await expect(anna.get_by_text("De wijkdialoog is klaar. Dank je wel")).to_be_visible()
    await scene.shot(screen, "screen-summary")
    await scene.shot(console, "console-finished")

    # The harvest: the facilitator downloads the HTML and the Word file from the console.
    async with console.expect_download() as html_download:
        await console.get_by_role("button", name="HTML").click()
    report = Path(await (await html_download.value).path()).read_text(encoding="utf-8")
    assert "Wijkdialoog De Linde" in report and "De koffie wordt koud; we gaan door" in report
    assert "Een vaste plek om elkaar te ontmoeten" in report and "<script" not in report.lower()
    async with console.expect_download() as docx_download:
        await console.get_by_role("button", name="Word").click()
    word = Document(await (await docx_download.value).path())
    word_text = "\n".join(p.text for p in word.paragraphs) + "\n".join(
        cell.text for table in word.tables for row in table.rows for cell in row.cells)
    assert "Wijkdialoog De Linde" in word_text and "Ik nodig mijn buren uit voor koffie" in word_text
    assert (server.data_dir / "exports" / slug / f"{slug}.docx").exists()

    # What was stored is what happened.
    stored = Store(server.data_dir).load(slug)
    assert stored.status == "finished"
    assert [p.name for p in stored.participants] == ["Anna", "Ben", "Chris", "Dana", "Henk", "Eva"]
    first = stored.rounds[0]
    anna_id = stored.participants[0].id
    assert [t.outcome for t in first.turns if t.participant_id == anna_id] == ["passed", "spoke"]
    assert stored.rounds[1].override.reason == "De koffie wordt koud; we gaan door"
    eva_id = stored.participants[-1].id
    assert [t.outcome for t in first.turns if t.participant_id == eva_id] == ["spoke"]
    assert sum(1 for v in stored.rounds[3].votes) == 3
    assert len([c for c in stored.rounds[4].cards if c.kind == "pledge"]) == 2
    assert scene.dialogs == [], "no page may open a dialog box"
    assert scene.hosts == {urlparse(server.url).netloc}, f"requests left the app's host: {scene.hosts}"
    assert PHONE["width"] == 390
