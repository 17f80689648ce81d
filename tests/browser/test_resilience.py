"""Phones that reload, close their page, or lose the network come back as the same person."""

from __future__ import annotations

from playwright.async_api import expect

from facilitator_app.store import Store

from .scene import Scene, button, join, open_demo_console, open_screen

HOSTILE_NAMES = ["<img src=x onerror=alert(1)>", "{{7*7}}", "مريم 👩🏽‍🦱"]
HOSTILE_CARDS = [
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "**vet** | a | b | # kop",
    "=cmd|' /C calc'!A0",
    "نحتاج إلى مكان للقاء 🌳",
    "a\u200bb zero\u200dwidth",
    "\u202eAnna.exe",
]
# What is kept of each: zero-width and direction-control characters are taken out; Arabic stays as typed.
SHOWN_CARDS = HOSTILE_CARDS[:5] + ["ab zerowidth", "Anna.exe"]


async def start_round(scene: Scene, server, round_number: int = 1):
    console, _ = await open_demo_console(scene, server)
    await button(console, "Start de wijkdialoog")
    for _ in range(round_number - 1):
        await button(console, "Toch sluiten…")
        await console.get_by_label("Reden").fill("test")
        await console.get_by_role("dialog").get_by_role("button", name="Ronde sluiten").click()
        await button(console, "Ronde beginnen")
    await expect(console.get_by_role("button", name="Volgende spreker")).to_be_visible()
    return console


async def test_reload_reopen_and_offline_keep_the_same_person(server, browser, artefacts):
    scene = Scene(browser, server.url, artefacts)
    try:
        anna = await join(scene, server.join_url(), "Anna")
        console = await start_round(scene, server, round_number=2)
        await expect(anna.get_by_text("Nog 1 persoon voor jou")).to_be_visible()
        await anna.get_by_role("textbox").first.fill("Het buurthuis is open")
        await button(anna, "Kaartje toevoegen")
        await expect(anna.get_by_text("Het buurthuis is open", exact=True)).to_be_visible()

        await anna.reload()
        await expect(anna.get_by_text("Hallo Anna")).to_be_visible()
        await expect(anna.get_by_text("Nog 1 persoon voor jou")).to_be_visible()
        await expect(anna.get_by_text("Het buurthuis is open", exact=True)).to_be_visible()

        context = anna.context
        await anna.close()
        anna = await scene.page({}, context=context)
        await anna.goto(server.join_url())
        await expect(anna.get_by_text("Hallo Anna")).to_be_visible()
        await expect(anna.get_by_text("Het buurthuis is open", exact=True)).to_be_visible()

        await anna.get_by_role("textbox").first.fill("Nog niet verstuurd")
        await anna.wait_for_timeout(500)
        await context.set_offline(True)
        await expect(anna.locator("#popup")).to_have_attribute("aria-hidden", "false", timeout=15_000)
        await anna.wait_for_timeout(2_800)  # the notice fades in after 2 s, so a blip does not flash it
        await scene.shot(anna, "phone-offline")
        for _ in range(2):  # round 2 starts one seat further: Henk, then Anna, while Anna's phone is offline
            await button(console, "Volgende spreker")
        await anna.wait_for_timeout(15_000)
        await context.set_offline(False)
        await expect(anna.get_by_text("Jij bent aan de beurt")).to_be_visible(timeout=20_000)
        await expect(anna.get_by_role("textbox").first).to_have_value("Nog niet verstuurd")
        await expect(anna.locator("#popup")).to_have_attribute("aria-hidden", "true")
        dialogue = Store(server.data_dir).load(Store(server.data_dir).slugs()[0])
        assert [p.name for p in dialogue.participants].count("Anna") == 1
        assert scene.dialogs == []
    finally:
        await scene.close()


async def test_hostile_names_and_cards_show_as_plain_text(server, browser, artefacts):
    scene = Scene(browser, server.url, artefacts)
    try:
        phones = [await join(scene, server.join_url(), name) for name in HOSTILE_NAMES]
        console = await start_round(scene, server, round_number=2)
        screen = await open_screen(scene, console, console.url.split("/d/")[1].split("?")[0])
        for text, shown in zip(HOSTILE_CARDS, SHOWN_CARDS, strict=True):
            await phones[0].get_by_role("textbox").first.fill(text)
            await button(phones[0], "Kaartje toevoegen")
            await expect(phones[0].get_by_text(shown, exact=True)).to_be_visible()
        for text in SHOWN_CARDS[-6:]:
            await expect(screen.get_by_text(text, exact=True)).to_be_visible()
        for name in HOSTILE_NAMES:
            await expect(console.get_by_text(name, exact=True).first).to_be_visible()
        arabic = "نحتاج إلى مكان للقاء 🌳"  # read right to left on the Dutch projector and console too
        for page in (screen, console):
            card = page.get_by_text(arabic, exact=True).first
            assert await card.evaluate("e => getComputedStyle(e).unicodeBidi") == "plaintext"
            assert await card.evaluate("e => getComputedStyle(e).direction") == "ltr"  # the page stays Dutch
        assert await screen.locator("img[src=x]").count() == 0
        assert await screen.locator("script:text('alert')").count() == 0
        assert await console.get_by_text("49", exact=True).count() == 0

        too_long = "x" * 10_000
        box = phones[1].get_by_role("textbox").first
        assert await box.get_attribute("maxlength") == "500"  # the field itself stops at the limit ...
        await box.evaluate("e => e.removeAttribute('maxlength')")  # ... so a hostile phone removes that
        await box.fill(too_long)
        await button(phones[1], "Kaartje toevoegen")
        await expect(phones[1].get_by_text("Dit is te lang. Hoogstens 500 tekens.")).to_be_visible()
        blank = await scene.page({"width": 390, "height": 844})
        await blank.goto(server.join_url())
        await blank.get_by_label("Je naam").fill("\u200b \u200b")
        await button(blank, "Verder")
        await expect(blank.get_by_text("Vul een naam in.")).to_be_visible()
        await scene.shot(screen, "screen-hostile")
        await scene.shot(phones[0], "phone-hostile")
        stored = Store(server.data_dir).load(Store(server.data_dir).slugs()[0])
        assert [c.text for c in stored.rounds[1].cards] == SHOWN_CARDS
        assert scene.dialogs == [], f"a script ran: {scene.dialogs}"
    finally:
        await scene.close()
