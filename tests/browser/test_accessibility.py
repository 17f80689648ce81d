"""axe-core (shipped inside axe-playwright-python) on the phone, the projector and the console."""

from __future__ import annotations

from axe_playwright_python.async_playwright import Axe
from playwright.async_api import expect

from .scene import PHONE, Scene, button, join, open_demo_console, open_screen

SERIOUS = {"serious", "critical"}


async def serious_violations(page) -> list[str]:
    results = await Axe().run(page)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x) {v['nodes'][0]['html'][:120]}"
            for v in results.response["violations"] if v.get("impact") in SERIOUS]


async def test_no_serious_accessibility_violations(server, browser, artefacts):
    scene = Scene(browser, server.url, artefacts)
    try:
        console, slug = await open_demo_console(scene, server)
        await expect(console.get_by_role("heading", name="Rondes")).to_be_visible()
        screen = await open_screen(scene, console, slug)
        await expect(screen.get_by_text("Doe mee met je telefoon")).to_be_visible()
        phone = await scene.page(PHONE)
        await phone.goto(server.join_url())
        await expect(phone.get_by_label("Je naam")).to_be_visible()
        found = {"phone-join": await serious_violations(phone),
                 "screen-welcome": await serious_violations(screen),
                 "console-prepare": await serious_violations(console)}
        await phone.close()
        phone = await join(scene, server.join_url(), "Sanne")
        await button(console, "Start de wijkdialoog")
        await button(console, "Volgende spreker")
        await expect(screen.get_by_text("Aan het woord")).to_be_visible()
        await expect(phone.get_by_text("Nu aan het woord", exact=False)).to_be_visible()
        found |= {"phone-round": await serious_violations(phone),
                  "screen-round": await serious_violations(screen),
                  "console-run": await serious_violations(console)}
        assert {page: v for page, v in found.items() if v} == {}
    finally:
        await scene.close()


async def test_the_phone_fits_360_pixels_and_its_buttons_fit_a_thumb(server, browser, artefacts):
    scene = Scene(browser, server.url, artefacts)
    try:
        phone = await scene.page({"width": 360, "height": 640})
        await phone.goto(server.join_url())
        await expect(phone.get_by_label("Je naam")).to_be_visible()
        views = {"join": await fit_report(phone)}
        await phone.close()
        phone = await join(scene, server.join_url(), "Sanne")
        await phone.set_viewport_size({"width": 360, "height": 640})
        console, slug = await open_demo_console(scene, server)
        await button(console, "Start de wijkdialoog")
        for _ in range(3):  # Marja, Henk, then Sanne
            await button(console, "Volgende spreker")
        await expect(phone.get_by_text("Jij bent aan de beurt")).to_be_visible()
        views["your-turn"] = await fit_report(phone)
        await scene.shot(phone, "phone-360")
        assert views == {"join": [], "your-turn": []}
    finally:
        await scene.close()


async def fit_report(page) -> list[str]:
    """Problems at this width: horizontal scrolling, or visible buttons smaller than 44 x 44 px."""
    return await page.evaluate("""() => {
        const problems = [];
        if (document.documentElement.scrollWidth > window.innerWidth + 1)
            problems.push(`scrolls sideways: ${document.documentElement.scrollWidth}px`);
        for (const b of document.querySelectorAll('button')) {
            const r = b.getBoundingClientRect();
            if (r.width > 0 && r.height > 0 && (r.width < 44 || r.height < 44))
                problems.push(`small button "${b.innerText.trim()}": ${Math.round(r.width)}x${Math.round(r.height)}`);
        }
        return problems;
    }""")
