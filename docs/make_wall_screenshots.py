"""Screenshots of the plenary wall of a Dag van de Dialoog, from the real app in Debian's Chromium.

    .venv/bin/python docs/make_wall_screenshots.py

Prepares an event of six tables with dreams, needs and pledges in a temporary data directory (through the
same commands the app uses), starts the app on a free loopback port, and writes into docs/img/:
- event-wall.png (the projector while grouping, 1280x720) and event-wall-1920x1080.png;
- event-wall-console.png (the organiser's panel);
- event-wall-vote-phone.png (a phone placing dots, 390x844);
- event-wall-voting.png and event-wall-result.png (the projector while voting and after, 1280x720).
It also checks that the wall never scrolls and that card texts are at least 24 px at 1280x720.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import httpx
from playwright.async_api import async_playwright, expect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from facilitator_app.config import storage_secret  # noqa: E402
from facilitator_app.events import ORGANISER, Events, EventStore  # noqa: E402
from facilitator_app.pages.event_wall_access import wall_path  # noqa: E402
from facilitator_app.room import Rooms  # noqa: E402
from facilitator_app.store import Store  # noqa: E402
from rounds import FACILITATOR, CardKind, Role  # noqa: E402

OUT = ROOT / "docs" / "img"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
DREAMS = ["Een moestuin waar iedereen mag helpen", "Bankjes in het park om elkaar te ontmoeten",
          "Een buurthuis dat ook ’s avonds open is", "Speelplekken waar kinderen veilig buiten spelen",
          "Meer bomen en groen in de straten", "Een plek waar mantelzorgers even op adem komen",
          "Een buurtbus voor ouderen naar de markt", "Samen eten met de buren, één keer per maand"]
NEEDS = ["Een vast aanspreekpunt bij de gemeente", "Geld voor een buurtkok", "Betere verlichting op het fietspad",
         "Vrijwilligers voor de dagopvang"]
PLEDGES = ["Ik organiseer de eerste kookavond", "Ik help op zaterdag in de moestuin"]
THEMES = {"Groen en buiten": [0, 4], "Ontmoeten": [1, 2, 7], "Zorg dichtbij": [5, 6, 11],
          "Veilig op straat": [3, 10]}  # indexes into DREAMS + NEEDS; the rest stays "just in"


async def open_round_of(room, kind: CardKind) -> None:
    while True:
        now = next((r for r in room.dialogue.rounds if r.state == "open"), None)
        if now is not None and now.card_kind == kind:
            return
        if now is not None:
            await room.close_round(FACILITATOR, reason="screenshot")
        await room.open_next_round(FACILITATOR)


async def prepare(data: Path) -> tuple[str, str, list[str]]:
    """The event, its cards and themes, written as the app would; returns (slug, organiser key, join codes)."""
    data.mkdir(parents=True)
    events = Events(EventStore(data), Rooms(Store(data)), storage_secret(data))
    made = await events.create(title="Dag van de Dialoog Kersenbuurt", tables=6, theme="Samen leven")
    hall = made.hall
    rooms = [hall.table_room(table) for table in hall.event.tables]
    writers = [await room.join(f"writer-{i}", f"Schrijver {i}", Role.RESIDENT) for i, room in enumerate(rooms)]
    refs = []
    for kind, texts in ((CardKind.DREAM, DREAMS), (CardKind.NEED, NEEDS), (CardKind.PLEDGE, PLEDGES)):
        for room in rooms:
            await open_round_of(room, kind)
        for index, text in enumerate(texts):
            table = index % len(rooms)
            card = await rooms[table].add_card(writers[table].id, writers[table].id, text)
            refs.append((hall.event.tables[table].id, card.id))
    for title, indexes in THEMES.items():
        theme = await hall.add_theme(ORGANISER, title)
        for index in indexes:
            await hall.group_card(ORGANISER, *refs[index], theme.id)
    return hall.slug, made.organiser_key, [room.dialogue.join_code for room in rooms]


def start(data: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    log = (data.parent / "server.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "facilitator_app", "--data", str(data), "--host", "127.0.0.1",
                                "--port", str(port), "--public-url", url], cwd=ROOT, env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    for _ in range(150):
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    return process, url


async def check_fits(page, name: str) -> None:
    """No scrolling, and every card text on the wall at least 24 px (read from the back of the room)."""
    fits = await page.evaluate("document.scrollingElement.scrollHeight <= window.innerHeight "
                               "&& document.scrollingElement.scrollWidth <= window.innerWidth")
    sizes = await page.evaluate("[...document.querySelectorAll('.s-card .wd-text, .w-bar-row, .w-result')]"
                                ".map(e => parseFloat(getComputedStyle(e).fontSize))")
    print(f"{name}: fits={fits}, smallest text={min(sizes, default=0):.1f}px over {len(sizes)} elements")
    assert fits and sizes and min(sizes) >= 24, name


async def phone_joins(browser, url: str, code: str, name: str, role: str):
    """A phone joins its table the usual way (the vote page knows it by that table's device token)."""
    context = await browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = await context.new_page()
    await page.goto(f"{url}/join/{code}")
    await page.get_by_label("Je naam").fill(name)
    if role != "Bewoner":
        await page.get_by_label("Ik ben hier als").click()
        await page.get_by_role("option", name=role).click()
    await page.get_by_role("button", name="Verder").click()
    await page.get_by_role("button", name="Ik doe mee").click()
    await expect(page.get_by_text(f"Hallo {name}")).to_be_visible()
    return page


async def scene(url: str, slug: str, key: str, codes: list[str], wall: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        screen = await (await browser.new_context(viewport={"width": 1280, "height": 720})).new_page()
        await screen.goto(url + wall)
        await expect(screen.get_by_text("Groen en buiten")).to_be_visible()
        await screen.wait_for_timeout(500)
        await check_fits(screen, "grouping 1280x720")
        await screen.screenshot(path=str(OUT / "event-wall.png"))
        await screen.set_viewport_size({"width": 1920, "height": 1080})
        await screen.wait_for_timeout(500)
        await check_fits(screen, "grouping 1920x1080")
        await screen.screenshot(path=str(OUT / "event-wall-1920x1080.png"))
        await screen.set_viewport_size({"width": 1280, "height": 720})

        console = await (await browser.new_context(viewport={"width": 1280, "height": 900})).new_page()
        await console.goto(f"{url}/e/{slug}/plenair?key={key}")
        await expect(console.get_by_text("Kaartjes van de tafels")).to_be_visible()
        await console.wait_for_timeout(500)
        await console.screenshot(path=str(OUT / "event-wall-console.png"))
        await console.get_by_role("button", name="Stemmen openen").click()
        await expect(console.get_by_role("button", name="Stemmen sluiten")).to_be_visible()

        votes = [("Fatma", "Bewoner", codes[0], ["Ontmoeten", "Ontmoeten", "Zorg dichtbij"]),
                 ("Joost", "Professional", codes[1], ["Veilig op straat", "Groen en buiten", "Zorg dichtbij"]),
                 ("Anouk", "Bewoner", codes[2], ["Ontmoeten", "Groen en buiten"])]
        phone = None
        for name, role, code, themes in votes:
            phone = await phone_joins(browser, url, code, name, role)
            await phone.goto(f"{url}/e/{slug}/vote")
            for left, theme in enumerate(themes):
                await phone.get_by_role("button", name=f"Stip erbij voor thema {theme}").click()
                await expect(phone.get_by_text(f"Je hebt nog {2 - left} stip")).to_be_visible()
        await phone.wait_for_timeout(300)
        await phone.screenshot(path=str(OUT / "event-wall-vote-phone.png"))
        await screen.wait_for_timeout(800)
        await check_fits(screen, "voting 1280x720")
        await screen.screenshot(path=str(OUT / "event-wall-voting.png"))

        await console.get_by_role("button", name="Stemmen sluiten").click()
        await expect(screen.get_by_text("Uitslag", exact=True)).to_be_visible()
        await screen.wait_for_timeout(500)
        await check_fits(screen, "result 1280x720")
        await screen.screenshot(path=str(OUT / "event-wall-result.png"))
        await browser.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        slug, key, codes = asyncio.run(prepare(data))
        path = wall_path(SimpleNamespace(secret=storage_secret(data)), slug)  # the projector laptop's own link
        process, url = start(data)
        try:
            asyncio.run(scene(url, slug, key, codes, path))
        finally:
            process.terminate()
            process.wait(10)
    print("\n".join(str(p.relative_to(ROOT)) for p in sorted(OUT.glob("event-wall*.png"))))


if __name__ == "__main__":
    main()
