"""The projector read from the back of the room: big enough names and cards, and still nothing cut off.

A full table (20 people, 6 cards, one speaking) at 1280x720 and at 1920x1080. The sizes are the
browser's computed font sizes; "cut off" means a name or card outside the window or outside a box that
hides what does not fit. Screenshots go to test-artefacts/ to be looked at.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.async_api import Page, expect

from facilitator_app.store import Store
from rounds import FACILITATOR as F
from rounds import Outcome
from rounds.cards import add_card
from rounds.people import join
from rounds.talking_piece import close_round, end_turn, next_speaker, open_next_round
from tests.factories import new_dialogue_in

from .conftest import Server, start_server, stop_server
from .scene import LAPTOP, Scene, open_screen

PEOPLE = ["Anna de Vries", "Mohammed El Amrani", "Fatima Nouri", "Joop", "Sanne Smit", "Emine Yılmaz",
          "Daan Visser", "مريم العلي", "Kees van der Berg", "Priya Ramdin", "Henk", "Marja Bos", "Sevda Kaya",
          "Ricardo Martis", "Lotte Jansen", "Ahmed Bouali", "Wim de Graaf", "Chantal Pinas", "Bram", "Noor Haddou"]
CARDS = ["De moestuin brengt mensen bij elkaar.",
         "De buurtbus naar de markt op dinsdag, want anders kom ik de deur niet meer uit en zie ik niemand.",
         "Koffie op woensdag in het buurthuis.",
         "Dat de buurvrouw mijn pakjes aanneemt.",
         "Het speeltuintje achter de flat is weer heel, dankzij de kinderen zelf die het hebben opgeknapt.",
         "De app van de straat."]
HD = {"width": 1920, "height": 1080}
PROJECTOR = {"width": 1280, "height": 720}


def full_table(data_dir: Path) -> str:
    """Round 3 of 5 (dreams) is open: 9 people heard, 1 speaking, 10 waiting, and 6 cards on the wall."""
    store = Store(data_dir)
    start = time.time() - 3_600  # the evening began an hour ago, so the wall's timer reads like a real one
    # The theme whose dream question is the longest of all templates: the heading takes the most room.
    dialogue = new_dialogue_in(store, title="Wijkdialoog De Kersentuin", theme="mantelzorg", now=start)
    for n, name in enumerate(PEOPLE):
        join(dialogue, name, ["resident", "professional", "municipality", "care_welfare"][n % 4], start + n)
    for n in range(2):
        open_next_round(dialogue, F, start + 100 + n)
        close_round(dialogue, F, start + 200 + n, override_reason="Vanavond beginnen we met dromen")
    open_next_round(dialogue, F, start + 300)
    for n, text in enumerate(CARDS):
        author = dialogue.participants[n].id
        add_card(dialogue, author, author, text, start + 310 + n)
    for n in range(9):
        next_speaker(dialogue, F, start + 400 + 60 * n)
        end_turn(dialogue, F, Outcome.SPOKE, start + 450 + 60 * n)
    next_speaker(dialogue, F, time.time() - 45)
    store.save(dialogue)
    return dialogue.slug


def full_welcome(data_dir: Path, people: int) -> str:
    """Before the start: everyone has joined, and the wall lists them under the ground rules."""
    store = Store(data_dir)
    dialogue = new_dialogue_in(store, title=f"Wijkdialoog met {people}", theme="mantelzorg", now=time.time())
    for n, name in enumerate(PEOPLE[:people]):
        join(dialogue, name, ["resident", "professional", "municipality", "care_welfare"][n % 4], time.time())
    store.save(dialogue)
    return dialogue.slug


@pytest.fixture
def full_server(tmp_path) -> Iterator[tuple[Server, str, dict[int, str]]]:
    data = tmp_path / "data"
    round_slug, welcome = full_table(data), {n: full_welcome(data, n) for n in (10, len(PEOPLE))}
    srv = start_server(data)
    yield srv, round_slug, welcome
    stop_server(srv)


MEASURE = """() => {
    const size = el => parseFloat(getComputedStyle(el).fontSize);
    // Where an element stands: inside the window and every box that hides what does not fit in it ("shown"),
    // wholly outside one of them ("hidden": the cards' own way to leave out what has no room), or half ("cut").
    const place = el => {
        const r = el.getBoundingClientRect();
        const boxes = [{left: 0, top: 0, right: innerWidth, bottom: innerHeight}];
        for (let box = el.parentElement; box; box = box.parentElement) {
            const style = getComputedStyle(box);
            if (style.overflowX !== 'visible' || style.overflowY !== 'visible') boxes.push(box.getBoundingClientRect());
        }
        let shown = r.width > 0;
        for (const b of boxes) {
            if (r.right <= b.left + 1 || r.left >= b.right - 1 || r.bottom <= b.top + 1 || r.top >= b.bottom - 1)
                return 'hidden';
            if (r.left < b.left - 1 || r.top < b.top - 1 || r.right > b.right + 1 || r.bottom > b.bottom + 1)
                shown = false;
        }
        return shown ? 'shown' : 'cut';
    };
    const pick = selector => [...document.querySelectorAll(selector)].filter(el => place(el) !== 'hidden');
    const names = pick('.s-chip'), speaker = pick('.s-speaker'), cards = pick('.s-card .wd-text');
    return {
        names: names.map(size), speaker: speaker.map(size), cards: cards.map(size),
        cut: [...names, ...speaker, ...cards].filter(el => place(el) === 'cut').map(el => el.innerText.trim()),
        scrolls: document.documentElement.scrollHeight > innerHeight + 1 ||
                 document.documentElement.scrollWidth > innerWidth + 1,
    };
}"""


async def measure(screen: Page, ready: str = ".s-speaker") -> dict:
    await expect(screen.locator(ready)).to_be_visible()
    await screen.wait_for_load_state("networkidle")
    return await screen.evaluate(MEASURE)


async def projector(scene: Scene, server: Server, slug: str) -> Page:
    console = await scene.page(LAPTOP)
    await console.goto(f"{server.url}/d/{slug}?key={server.key}")
    return await open_screen(scene, console, slug, PROJECTOR)


async def test_names_and_cards_are_big_enough_and_nothing_is_cut_off(full_server, browser, artefacts):
    server, slug, _ = full_server
    scene = Scene(browser, server.url, artefacts)
    try:
        screen = await projector(scene, server, slug)
        small = await measure(screen)
        await scene.shot(screen, "projector-1280x720")
        await screen.set_viewport_size(HD)
        large = await measure(screen)
        await scene.shot(screen, "projector-1920x1080")

        assert len(small["names"]) == len(PEOPLE) - 1  # everyone heard or waiting, the speaker apart
        assert len(small["cards"]) == len(CARDS)
        assert min(small["names"] + small["speaker"]) >= 28, small
        assert min(small["cards"]) >= 24, small
        assert min(large["names"]) > max(small["names"]) and min(large["cards"]) > max(small["cards"]), large
        assert (small["cut"], small["scrolls"]) == ([], False), small
        assert (large["cut"], large["scrolls"]) == ([], False), large
    finally:
        await scene.close()


async def test_before_the_start_every_name_is_big_enough_and_on_the_wall(full_server, browser, artefacts):
    server, _, welcome = full_server
    scene = Scene(browser, server.url, artefacts)
    try:
        for people, slug in welcome.items():  # 10 with their roles beside the names, 20 with names only
            screen = await projector(scene, server, slug)
            for viewport in (PROJECTOR, HD):
                await screen.set_viewport_size(viewport)
                seen = await measure(screen, ".s-chip >> nth=0")
                await scene.shot(screen, f"projector-welcome-{people}-{viewport['width']}")
                assert len(seen["names"]) == people and min(seen["names"]) >= 28, seen
                assert (seen["cut"], seen["scrolls"]) == ([], False), seen
            with_roles = await screen.locator(".s-chip", has_text="\u00b7").count()
            assert with_roles == (people if people <= 10 else 0)
    finally:
        await scene.close()
