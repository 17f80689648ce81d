"""Screenshots of a Dag van de Dialoog for the README: the organiser's dashboard (1280x720).

    .venv/bin/python docs/make_event_screenshots.py

Makes an event of 8 tables in a temporary data directory through the app's own service (Events, Rooms:
the same code the pages call), plays a morning at the tables with a clock set back in time, so the
dashboard shows rounds in progress, a table running behind, a role not heard and a cancelled table. Then
starts the app on a free loopback port on that folder, opens the dashboard in Debian's Chromium with the
app's key, and writes docs/img/event-dashboard.png.
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

import httpx
from playwright.async_api import async_playwright, expect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from facilitator_app.config import facilitator_key, storage_secret  # noqa: E402
from facilitator_app.events import ORGANISER, EventHall, Events, EventStore  # noqa: E402
from facilitator_app.room import Rooms  # noqa: E402
from facilitator_app.store import Store  # noqa: E402
from rounds import FACILITATOR, Outcome  # noqa: E402

OUT = ROOT / "docs" / "img"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ROLES = ("bewoner", "bewoner", "bewoner", "bewoner", "professional", "gemeente", "zorg en welzijn")
FIRST = ("Anna", "Bram", "Chris", "Dirk", "Eva", "Fatima", "Gerrit", "Henk", "Ilse", "Joost", "Karim", "Lotte",
         "Mehmet", "Nora", "Olga", "Pim", "Rachid", "Saskia", "Tom", "Umut", "Vera", "Wim", "Yara", "Zoë")


def signups(people: int) -> str:
    """A sign-up list of people without a phone: the start of the day seats them in their table's dialogue, so
    the hosts can run the rounds here without phones."""
    lines = ["naam;rol;geen telefoon"]
    for n in range(people):
        lines.append(f"{FIRST[n % len(FIRST)]} {chr(65 + n // len(FIRST))}.;{ROLES[n % len(ROLES)]};ja")
    return "\n".join(lines) + "\n"


class Clock:
    """The tables' clock, set back so that what they did this morning ends about now."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def wait(self, minutes: float) -> None:
        self.now += minutes * 60


async def speak(room, clock: Clock, minutes: float, outcome: Outcome = Outcome.SPOKE) -> None:
    await room.next_speaker(FACILITATOR)
    clock.wait(minutes)
    await room.end_turn(FACILITATOR, outcome)


async def morning(data: Path) -> str:
    """The event, seated and started, with each table somewhere in its morning. Returns the event's slug.

    Each table plays its own morning from its own start, so that all of them end about now."""
    now = time.time()
    clock = Clock(now - 60 * 60)
    rooms = Rooms(Store(data), clock=clock)
    events = Events(EventStore(data), rooms, storage_secret(data))
    made = await events.create(title="Dag van de Dialoog Kersenbuurt", tables=8, theme="thuis",
                               date=time.strftime("%Y-%m-%d"), places=["Buurthuis De Kers"],
                               signups=signups(42), seed=4)
    hall: EventHall = made.hall
    await hall.cancel_table(ORGANISER, hall.event.tables[7].id)  # too few sign-ups for eight tables
    await hall.seat_everyone(ORGANISER, 4)
    await hall.start(ORGANISER)
    tables = [hall.table_room(t) for t in hall.event.tables[:7]]

    def begin(minutes_ago: float) -> None:
        clock.now = now - minutes_ago * 60

    # Table 1: round 1 done in time, round 2 under way with someone speaking now.
    begin(22)
    await tables[0].open_next_round(FACILITATOR)
    for _ in range(len(tables[0].dialogue.participants)):
        await speak(tables[0], clock, 1.7)
    await tables[0].close_round(FACILITATOR)
    await tables[0].open_next_round(FACILITATOR)
    await speak(tables[0], clock, 2)
    await tables[0].next_speaker(FACILITATOR)
    # Table 2: round 1 closed early before the professional spoke; round 2 has begun.
    begin(18)
    await tables[1].open_next_round(FACILITATOR)
    for person in tables[1].dialogue.participants:
        if person.role != "professional":
            await tables[1].give_floor(FACILITATOR, person.id)
            clock.wait(2)
            await tables[1].end_turn(FACILITATOR, Outcome.SPOKE)
    await tables[1].close_round(FACILITATOR, reason="De tijd was om; de professional begint in ronde 2")
    await tables[1].open_next_round(FACILITATOR)
    # Table 3: round 1 has run long: far behind its plan.
    begin(35)
    await tables[2].open_next_round(FACILITATOR)
    await speak(tables[2], clock, 9)
    await speak(tables[2], clock, 7)
    await tables[2].next_speaker(FACILITATOR)
    # Tables 4 and 5: round 1 under way, one passed; table 6 between rounds; table 7 has not begun.
    for room in tables[3:5]:
        begin(6)
        await room.open_next_round(FACILITATOR)
        await speak(room, clock, 2)
        await speak(room, clock, 0.5, Outcome.PASSED)
    begin(14)
    await tables[5].open_next_round(FACILITATOR)
    for _ in range(len(tables[5].dialogue.participants)):
        await speak(tables[5], clock, 1.5)
    await tables[5].close_round(FACILITATOR)
    clock.now = time.time()
    return hall.slug


def start(data: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    log = data.parent / "server.log"
    process = subprocess.Popen([sys.executable, "-m", "facilitator_app", "--data", str(data), "--host", "127.0.0.1",
                                "--port", str(port), "--public-url", url], cwd=ROOT, env=env,
                               stdout=log.open("w"), stderr=subprocess.STDOUT)
    for _ in range(150):
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    return process, url


async def dashboard(url: str, key: str, slug: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = await (await browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL")).new_page()
        await page.goto(f"{url}/e/{slug}?key={key}")
        await expect(page.get_by_text("Professional nog niet gehoord")).to_be_visible()
        await expect(page.get_by_text("Loopt achter")).to_have_count(1)
        await page.evaluate("document.fonts.ready")
        await page.screenshot(path=str(OUT / "event-dashboard.png"))
        await browser.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        slug = asyncio.run(morning(data))
        process, url = start(data)
        try:
            asyncio.run(dashboard(url, facilitator_key(data), slug))
        finally:
            process.terminate()
            process.wait(10)
    print(OUT.relative_to(ROOT) / "event-dashboard.png")


if __name__ == "__main__":
    main()
