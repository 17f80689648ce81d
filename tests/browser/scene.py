"""Helpers for the browser scenes: the facilitator, the projector and phones, each in its own context."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from playwright.async_api import Browser, BrowserContext, Page, expect

PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1280, "height": 720}
LAPTOP = {"width": 1280, "height": 900}


@dataclass
class Scene:
    browser: Browser
    base_url: str
    artefacts: Path
    contexts: list[BrowserContext] = field(default_factory=list)
    hosts: set[str] = field(default_factory=set)
    dialogs: list[str] = field(default_factory=list)
    shots: int = 0

    async def page(self, viewport: dict[str, int], context: BrowserContext | None = None) -> Page:
        if context is None:
            context = await self.browser.new_context(viewport=viewport, locale="nl-NL")
            self.contexts.append(context)
        page = await context.new_page()
        page.on("request", lambda request: self.hosts.add(urlparse(request.url).netloc))
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        return page

    async def shot(self, page: Page, name: str) -> None:
        self.shots += 1
        await page.wait_for_timeout(300)
        test = os.environ.get("PYTEST_CURRENT_TEST", "scene").split("::")[-1].split(" ")[0]
        await page.screenshot(path=str(self.artefacts / f"{test}-{self.shots:02d}-{name}.png"))

    async def close(self) -> None:
        for context in self.contexts:
            await context.close()


async def join(scene: Scene, join_url: str, name: str, role: str = "Bewoner", consent: bool = False) -> Page:
    phone = await scene.page(PHONE)
    await phone.goto(join_url)
    await phone.get_by_label("Je naam").fill(name)
    if role != "Bewoner":
        await phone.get_by_label("Ik ben hier als").select_option(label=role)  # the phone's own list
    if consent:
        await phone.get_by_text("Mijn naam mag in het verslag").click()
    await phone.get_by_role("button", name="Verder").click()
    await expect(phone.get_by_text("Zo praten we met elkaar")).to_be_visible()
    await phone.get_by_role("button", name="Ik doe mee").click()
    await expect(phone.get_by_text(f"Hallo {name}")).to_be_visible()
    await phone.wait_for_function("window.did_handshake === true")  # the phone's view is live, not just drawn
    return phone


async def open_demo_console(scene: Scene, server) -> tuple[Page, str]:
    """The facilitator opens the printed link and then the (only) dialogue; returns the page and its slug."""
    console = await scene.page(LAPTOP)
    await console.goto(f"{server.url}/?key={server.key}")
    await console.get_by_role("button", name="Openen").first.click()
    await console.wait_for_url("**/d/**")
    return console, console.url.split("/d/")[1].split("?")[0].split("/")[0]


async def open_screen(scene: Scene, console: Page, slug: str, viewport: dict[str, int] = PROJECTOR) -> Page:
    """The projector window, at the address the console's "Projector screen" button opens.

    Its own browser window: a second tab in the console's window would hide the console (a hidden tab
    draws no menus), which is not how a laptop with a projector works.
    """
    async with console.context.expect_page() as opened:
        await console.get_by_role("button", name=re.compile("Scherm voor de beamer|Projector screen")).click()
    path = urlparse((await opened.value).url)
    await (await opened.value).close()
    screen = await scene.page(viewport)
    await screen.goto(f"{scene.base_url}{path.path}?{path.query}")
    return screen


async def button(page: Page, name: str, exact: bool = True) -> None:
    await page.get_by_role("button", name=name, exact=exact).click()


async def write_card(phone: Page, text: str) -> None:
    box = phone.get_by_role("textbox").first
    await box.fill(text)
    await phone.get_by_role("button", name="Kaartje toevoegen").click()
    await expect(phone.get_by_text(text, exact=True).first).to_be_visible()


def join_url_from(text: str) -> str:
    match = re.search(r"(http\S+/join/[A-Z0-9]{5})", text)
    assert match, text
    return match.group(1)
