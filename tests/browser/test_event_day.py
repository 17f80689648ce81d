"""A Dag van de Dialoog in real Chromium (issue 11): three tables, each with two phones and one person without
a phone; two hosts and the organiser, who also runs Tafel 3. The seating comes from a CSV; the dashboard flags
the table where a whole role was not heard; the plenary wall groups the dreams and takes dots from the phones;
the event harvest is downloaded and read back for the traced agenda items."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.async_api import Locator, Page, expect
from pypdf import PdfReader

from facilitator_app.events import EventStore

from .conftest import free_port, start_server, stop_server
from .event_scene import (
    EventLinks,
    Person,
    card_of,
    close_anyway,
    close_round,
    create_event,
    expect_between_rounds,
    go_around,
    open_round,
    phone_finds_table,
    signup_csv,
)
from .scene import LAPTOP, PROJECTOR, Scene, button, write_card

TITLE = "Dag van de Dialoog Oost"
# Per table two phones and one person without a phone. At Tafel 1 the only professional has no phone:
# the round closes before she is heard, so the dashboard must flag "Professional nog niet gehoord" there.
PEOPLE = [
    Person("Anna de Vries", "Bewoner", 1, consent=True),
    Person("Bram Jansen", "Bewoner", 1),
    Person("Els Mulder", "Professional", 1, phone=False),
    Person("Carla Smit", "Professional", 2, consent=True),
    Person("Daan Bakker", "Bewoner", 2, consent=True),
    Person("Henk Visser", "Bewoner", 2, phone=False),
    Person("Fatima Amrani", "Gemeente", 3, consent=True),
    Person("Gijs de Boer", "Bewoner", 3),
    Person("Ineke Bos", "Bewoner", 3, phone=False),
]
WITHOUT_CONSENT = [p.name for p in PEOPLE if not p.consent]
# Who writes what. Gijs writes a dream but no experience: his dream is on the agenda, yet it rests on nothing.
EXPERIENCES = {
    "Anna de Vries": "De koffieochtend in het buurthuis brengt mensen samen",
    "Bram Jansen": "De moestuin achter de school is van iedereen",
    "Carla Smit": "Het inloopspreekuur op dinsdag werkt goed",
    "Daan Bakker": "Samen de stoep vegen in de herfst",
    "Fatima Amrani": "Het wijkbudget maakte het straatfeest mogelijk",
}
MEET, GREEN = "Elkaar ontmoeten", "Groen in de wijk"
DREAMS = {  # name -> (dream, theme it is grouped into)
    "Anna de Vries": ("Een buurtkamer die elke dag open is", MEET),
    "Bram Jansen": ("Meer bomen in de Dorpsstraat", GREEN),
    "Carla Smit": ("Een vaste plek om elkaar te ontmoeten", MEET),
    "Daan Bakker": ("Geveltuintjes in elke straat", GREEN),
    "Fatima Amrani": ("Samen eten op het plein", MEET),
    "Gijs de Boer": ("Een bankje bij elke bushalte", MEET),
}
DOTS = {"Anna de Vries": {MEET: 2}, "Bram Jansen": {GREEN: 1}, "Carla Smit": {MEET: 1},
        "Daan Bakker": {GREEN: 1}, "Fatima Amrani": {MEET: 1}, "Gijs de Boer": {MEET: 1, GREEN: 1}}
EARLY = "De tijd is om; we gaan door"
FORMAT = r"^(download\s*)?{}$"


@pytest.fixture(autouse=True)
def patient_expect():
    """Ten pages and a server share two cores with other work: a wait may take longer than Playwright's 5 s.
    Only the bound grows; every wait still ends as soon as what it waits for is there."""
    expect.set_options(timeout=15_000)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture
def event_day(tmp_path):
    """The event made with `wijkdialoog event create` before the server starts, on the port its links name."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    signups = tmp_path / "aanmeldingen.csv"
    signups.write_text(signup_csv(PEOPLE), encoding="utf-8")
    links = create_event(tmp_path / "data", url, port, TITLE, 3, signups)
    server = start_server(tmp_path / "data", port=port)
    yield server, links
    stop_server(server)


async def test_a_dag_van_de_dialoog(event_day, browser, artefacts):
    server, links = event_day
    scene = Scene(browser, server.url, artefacts)
    try:
        await play(scene, server, links)
    finally:
        await scene.close()


def seated_by_cli(data: Path, slug: str) -> dict[str, int]:
    """Where the command line's seating put each person (table number by name)."""
    event, _wall = EventStore(data).load(slug)
    names = {p.id: p.name for p in event.people}
    return {names[pid]: int(table.id[1:]) for table in event.tables for pid in table.seats}


async def seat_as_planned(organiser: Page, seated: dict[str, int]) -> None:
    """Nine people fill two tables of at least six, so the organiser moves people with the buttons."""
    await organiser.get_by_role("tab", name="Tafels en indeling").click()

    def row(number: int) -> Locator:
        return organiser.locator(".wd-card").filter(has=organiser.get_by_text(f"Tafel {number}", exact=True))

    for person in PEOPLE:
        if seated.get(person.name) == person.table:
            continue
        await organiser.get_by_role("button", name=f"Verplaats {person.name}", exact=True).click()
        await organiser.get_by_role("button", name=f"Verplaats {person.name} naar Tafel {person.table}").click()
        # The list is drawn anew after a move: the next click waits for that, or it lands on a button going away.
        await expect(row(person.table).get_by_text(person.name, exact=True)).to_be_visible()
    for number in (1, 2, 3):
        await expect(row(number).get_by_text("3 van hoogstens 8 mensen", exact=False)).to_be_visible()
        for person in PEOPLE:
            if person.table == number:
                await expect(row(number).get_by_text(person.name, exact=True)).to_be_visible()


async def play(scene: Scene, server, links: EventLinks) -> None:  # noqa: PLR0915 - one day, told in order
    # The organiser opens the printed link: the dashboard. The CSV filled two tables; moves make three of three.
    organiser = await scene.page(LAPTOP)
    await organiser.goto(links.organiser)
    await expect(organiser.get_by_role("heading", name=TITLE)).to_be_visible()
    assert "key=" not in organiser.url
    await seat_as_planned(organiser, seated_by_cli(server.data_dir, links.slug))
    await scene.shot(organiser, "dashboard-seating")
    await button(organiser, "De dag begint")
    await organiser.get_by_role("dialog").get_by_role("button", name="De dag begint").click()
    await expect(organiser.get_by_text("De dag is begonnen. De tafels liggen vast.")).to_be_visible()

    # Two hosts open their links; the organiser opens Tafel 3's console from its card on the overview.
    hosts = {}
    for number in (1, 2):
        host = await scene.page(LAPTOP)
        await host.goto(links.hosts[f"t{number}"])
        await expect(host.get_by_role("heading", name=f"{TITLE} · Tafel {number}")).to_be_visible()
        hosts[number] = host
    await organiser.get_by_role("tab", name="Overzicht").click()
    async with organiser.context.expect_page() as opened:
        await organiser.get_by_role("link", name="Open de console van Tafel 3 in een nieuw tabblad").click()
    hosts[3] = await opened.value
    await expect(hosts[3].get_by_role("heading", name=f"{TITLE} · Tafel 3")).to_be_visible()
    # The person without a phone is on the table's list since the start of the day.
    for person in PEOPLE:
        if not person.phone:
            await expect(hosts[person.table].get_by_text(person.name, exact=True).first).to_be_visible()

    # Six phones scan the event's QR code and are sent to their table.
    phones: dict[str, Page] = {}
    for person in PEOPLE:
        if person.phone:
            phones[person.name] = await phone_finds_table(scene, links.event_join, person)

    # Round 1. Tafel 1: both residents speak from their phones; the professional (no phone) is not heard
    # when the host closes the round anyway. Tafels 2 and 3 go all around.
    for console in hosts.values():
        await button(console, "Start de wijkdialoog")
        await expect(console.get_by_role("button", name="Volgende spreker")).to_be_visible()
    one = hosts[1]
    for name in ("Anna de Vries", "Bram Jansen"):
        await one.get_by_role("button", name=f"Geef het woord aan {name}").click()
        await expect(phones[name].get_by_text("Jij bent aan de beurt")).to_be_visible()
        await button(phones[name], "Klaar")
        await expect(phones[name].get_by_text("Je bent gehoord in deze ronde")).to_be_visible()
    await expect(card_of(organiser, 1).get_by_text("1 nog niet gehoord")).to_be_visible()
    await expect(card_of(organiser, 1).locator(".wd-dash-flag")).to_have_count(0)  # not before a round closed
    await close_anyway(one, EARLY)
    await expect_between_rounds(one)
    for number in (2, 3):
        await go_around(hosts[number], 3)
        await close_round(hosts[number])

    # The dashboard flags Tafel 1, and only Tafel 1, and shows no names.
    flag = card_of(organiser, 1).locator(".wd-dash-flag")
    await expect(flag).to_have_text(["Professional nog niet gehoord"])
    for number in (2, 3):
        await expect(card_of(organiser, number).get_by_text("Na ronde 1 van 5: Kennismaken")).to_be_visible()
        await expect(card_of(organiser, number).locator(".wd-dash-flag")).to_have_count(0)
    overview = await organiser.locator(".wd-dash-grid").inner_text()
    assert not [p.name for p in PEOPLE if p.name in overview], overview
    await scene.shot(organiser, "dashboard-flag")

    # Round 2: experiences. Everyone is heard, so the flag goes away.
    for console in hosts.values():
        await open_round(console)
    for name, text in EXPERIENCES.items():
        await write_card(phones[name], text)
    for console in hosts.values():
        await go_around(console, 3)
        await close_round(console)
    await expect(card_of(organiser, 1).locator(".wd-dash-flag")).to_have_count(0)

    # Round 3: dreams, from every phone.
    for console in hosts.values():
        await open_round(console)
    for name, (dream, _theme) in DREAMS.items():
        await write_card(phones[name], dream)
    for console in hosts.values():
        await go_around(console, 3)
        await close_round(console)

    # The plenary: the organiser makes two themes and puts every dream in one, with buttons.
    await organiser.get_by_role("tab", name="Plenair").click()
    async with organiser.context.expect_page() as opened:
        await button(organiser, "Muur op de beamer")
    wall_address = urlparse((await opened.value).url)
    await (await opened.value).close()
    wall = await scene.page(PROJECTOR)
    await wall.goto(f"{server.url}{wall_address.path}?{wall_address.query}")
    await expect(wall.get_by_text("Thema’s van de tafels")).to_be_visible()
    for theme in (MEET, GREEN):
        await organiser.get_by_label("Nieuw thema").fill(theme)
        await button(organiser, "Thema maken")
        await expect(organiser.get_by_role("heading", name=theme)).to_be_visible()
    # Every card offers both themes once the card list is drawn again after the second theme.
    first_dream = next(iter(DREAMS.values()))[0]
    await expect(organiser.get_by_role("button", name=f"Zet kaartje ‘{first_dream}’ in thema {GREEN}")).to_be_visible()
    for dream, theme in DREAMS.values():
        put = organiser.get_by_role("button", name=f"Zet kaartje ‘{dream}’ in thema {theme}")
        await put.click()
        # Both parts of the panel are drawn again: the card is in its theme and gone from the open cards.
        await expect(organiser.get_by_role("button", name=f"Kaartje ‘{dream}’ uit thema {theme} halen")).to_be_visible()
        await expect(put).to_have_count(0)
        await expect(wall.locator(".w-tile").filter(has_text=theme).get_by_text(dream)).to_be_visible()
    await expect(organiser.get_by_text("6 keer gegroepeerd. Alles wordt bewaard.")).to_be_visible()
    shown = await wall.locator(".wd-screen").inner_text()
    assert not [p.name for p in PEOPLE if p.name in shown], shown  # card texts, never who wrote them
    await scene.shot(wall, "wall-grouped")

    # Dots from the phones: "Stem op de thema’s" appears on each table page once the voting opens.
    await button(organiser, "Stemmen openen")
    await expect(wall.get_by_text("Stem met je telefoon")).to_be_visible()
    for name, dots in DOTS.items():
        phone = phones[name]
        await button(phone, "Stem op de thema’s")
        await expect(phone.get_by_text("Je hebt nog 3 stippen")).to_be_visible()
        placed = 0
        for theme, count in dots.items():
            for _ in range(count):
                await phone.get_by_role("button", name=f"Stip erbij voor thema {theme}").click()
                placed += 1
                await expect(phone.get_by_text(f"Je hebt nog {3 - placed} stip")).to_be_visible()
        if name == "Anna de Vries":
            await scene.shot(phone, "phone-voting")
    totals = {theme: sum(d.get(theme, 0) for d in DOTS.values()) for theme in (MEET, GREEN)}
    for theme, total in totals.items():
        row = wall.locator(".w-bar-row").filter(has_text=theme)
        await expect(row.locator(".w-num")).to_have_text(str(total))
    await expect(organiser.get_by_text(f"{sum(totals.values())} stippen geplakt door 6 mensen")).to_be_visible()
    await scene.shot(wall, "wall-voting")
    await button(organiser, "Stemmen sluiten")
    await expect(wall.get_by_text("Uitslag", exact=True)).to_be_visible()
    await scene.shot(wall, "wall-result")

    # Rounds 4 and 5: the table agenda gave way to the plenary vote; everyone says their step.
    for console in hosts.values():
        await open_round(console)
        await close_anyway(console, "We stemden plenair op de thema’s")
        await expect_between_rounds(console)
        await open_round(console)
        await go_around(console, 3)
        await close_round(console, last=True)

    # The harvest of the day: the gate is open; Markdown and PDF, read back.
    await organiser.get_by_role("tab", name="Oogst").click()
    await expect(organiser.get_by_text("Alle tafels zijn klaar. Kies een formaat.")).to_be_visible()
    await expect(organiser.get_by_text("Plenaire muur")).to_be_hidden()  # the tabs' slide has ended
    await scene.shot(organiser, "dashboard-harvest")
    texts = {}
    for label in ("Markdown", "PDF"):
        async with organiser.expect_download() as info:
            await organiser.get_by_role("button", name=re.compile(FORMAT.format(label))).click()
        data = Path(await (await info.value).path()).read_bytes()
        texts[label] = data.decode("utf-8") if label == "Markdown" else "".join(
            page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    for label, text in texts.items():
        # Words and single spaces only: Markdown's emphasis and brackets, and the PDF's line breaks, aside.
        flat = " ".join(re.sub(r"[*()]", "", text).split())
        assert "Plenaire agenda" in flat, label
        # Each agenda item, in the order of its dots, with what it rests on. Ontmoeten holds the dreams of
        # Anna, Carla, Fatima and Gijs; Gijs wrote no experience, so three experiences from three tables.
        for rank, theme, trace in (
                (1, MEET, "3 ervaringen van 3 tafels: 1 bewoner, 1 professional, 1 persoon van de gemeente."),
                (2, GREEN, "2 ervaringen van 2 tafels: 2 bewoners.")):
            assert re.search(rf"{rank}\\?\. {theme} Dit punt rust op {re.escape(trace)}", flat), (label, flat)
        assert EARLY in flat, label
        assert not [name for name in WITHOUT_CONSENT if name in flat], (label, flat)
        # Names show where people said yes; Gijs said no: his dream is traced to "Bewoner 2, Tafel 3".
        assert "Een buurtkamer die elke dag open is Anna de Vries, Tafel 1" in flat, (label, flat)
        assert "Een bankje bij elke bushalte Bewoner 2, Tafel 3" in flat, (label, flat)
    assert scene.dialogs == [], "no page may open a dialog box"
    assert scene.hosts == {urlparse(server.url).netloc}, f"requests left the app's host: {scene.hosts}"
