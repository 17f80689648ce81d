"""Helpers for the Dag van de Dialoog scene: the event made with the real command line, phones that find their
table through the event's QR page, and a host running rounds from a table's console."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from playwright.async_api import Page, expect

from .conftest import ROOT
from .scene import PHONE, Scene, button

HEARD = "Iedereen is gehoord. U kunt de ronde sluiten."


@dataclass(frozen=True)
class Person:
    name: str
    role: str  # as the phone's role list says it: "Bewoner", "Professional", "Gemeente"
    table: int  # 1, 2 or 3: where the organiser seats them
    phone: bool = True
    consent: bool = False


@dataclass(frozen=True)
class EventLinks:
    slug: str
    organiser: str
    event_join: str
    hosts: dict[str, str]  # table id ("t1") -> host link


def signup_csv(people: list[Person]) -> str:
    """A Dutch Excel-style sign-up list (semicolons), as an organiser would export it."""
    roles = {"Bewoner": "bewoner", "Professional": "professional", "Gemeente": "gemeente"}
    lines = ["naam;rol;geen telefoon"]
    lines += [f"{p.name};{roles[p.role]};{'nee' if p.phone else 'ja'}" for p in people]
    return "\n".join(lines) + "\n"


def create_event(data: Path, url: str, port: int, title: str, tables: int, signups: Path) -> EventLinks:
    """`wijkdialoog event create`, run as the organiser would, before the server starts; its links parsed."""
    made = subprocess.run(
        [sys.executable, "-m", "facilitator_app", "--data", str(data), "--host", "127.0.0.1", "--port", str(port),
         "--public-url", url, "event", "create", title, "--tables", str(tables), "--signups", str(signups),
         "--seed", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True).stdout
    organiser = re.search(r"(http\S+/e/([a-z0-9-]+)\?key=\w+)", made)
    event_join = re.search(r"(http\S+/e/[a-z0-9-]+/join)\b", made)
    hosts = dict((table, link) for link, table in re.findall(r"(http\S+/host/(t\d+)\?key=\w+)", made))
    assert organiser and event_join and len(hosts) == tables, made
    assert f"{len(signups.read_text().splitlines()) - 1} mensen ingedeeld" in made, made
    return EventLinks(organiser.group(2), organiser.group(1), event_join.group(1), hosts)


async def phone_finds_table(scene: Scene, event_join: str, person: Person) -> Page:
    """A phone scans the event's QR code, types its name, is sent to its table and joins it there."""
    phone = await scene.page(PHONE)
    await phone.goto(event_join)
    await phone.get_by_label("Je naam").fill(person.name)
    await button(phone, "Zoek mijn tafel")
    await expect(phone.get_by_text(f"Jij zit aan Tafel {person.table}.")).to_be_visible()
    await phone.get_by_role("link", name="Naar mijn tafel").click()  # a link to the table's join form
    await phone.wait_for_url("**/join/**")
    await phone.get_by_label("Je naam").fill(person.name)
    if person.role != "Bewoner":
        await phone.get_by_label("Ik ben hier als").select_option(label=person.role)  # the phone's own list
    if person.consent:
        await phone.get_by_text("Mijn naam mag in het verslag").click()
    await button(phone, "Verder")
    await button(phone, "Ik doe mee")
    await expect(phone.get_by_text(f"Hallo {person.name}")).to_be_visible()
    return phone


async def go_around(console: Page, people: int) -> None:
    """The host gives everyone a turn with "Volgende spreker", waiting for each turn to show, and ends the
    last with "Klaar"."""
    for spoke in range(people):
        await button(console, "Volgende spreker")
        await expect(console.locator(".wd-chip-done")).to_have_count(spoke)
        await expect(console.locator(".wd-chip-speaking")).to_have_count(1)
    await button(console, "Klaar")
    await expect(console.get_by_text(HEARD)).to_be_visible()


async def close_anyway(console: Page, reason: str) -> None:
    """"Toch sluiten…" with a reason: the round closes before everyone was heard."""
    await button(console, "Toch sluiten…")
    await console.get_by_label("Reden").fill(reason)
    await console.get_by_role("dialog").get_by_role("button", name="Ronde sluiten").click()
    await expect(console.get_by_role("dialog")).to_have_count(0)


async def close_round(console: Page, last: bool = False) -> None:
    await button(console, "Ronde sluiten")
    await expect_between_rounds(console, last)


async def expect_between_rounds(console: Page, last: bool = False) -> None:
    if last:
        await expect(console.get_by_text("De wijkdialoog is klaar").first).to_be_visible()
    else:
        await expect(console.get_by_role("button", name="Ronde beginnen")).to_be_visible()


async def open_round(console: Page) -> None:
    await button(console, "Ronde beginnen")
    await expect(console.get_by_role("button", name="Volgende spreker")).to_be_visible()


def card_of(page: Page, table: int) -> object:
    """One table's card on the dashboard's overview."""
    return page.locator(".wd-dash-card").filter(has=page.get_by_role("link", name=re.compile(
        rf"^Open de console van Tafel {table} ")))
