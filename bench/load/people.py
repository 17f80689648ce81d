"""The simulated people in the room: phones that join through the join page, a projector, a console.

Phones join the way a person does (name, "Verder", "Ik doe mee" on the plain join form, then the
phone's view opens), so each gets the app's own device token behind its signed session cookie. Pre-joining
in the store is not possible without forging NiceGUI's user storage, and would skip the join
path we also want to load. Each block of 20 phones uses its own loopback source address
(127.0.x.y), because the app allows 30 joins a minute per address, as from one phone's address.
"""

from __future__ import annotations

import asyncio
import time

from facilitator_app.i18n import t

from .protocol import Browser, PageError, Stats, Tab

PHONES_PER_ADDRESS = 20
LANG = "nl"
NAME_PREFIX = "Telefoon "  # every simulated person is called this, so a page naming someone is easy to spot


def source_address(index: int) -> str:
    block = index // PHONES_PER_ADDRESS
    return f"127.0.{block // 250 + 1}.{block % 250 + 2}"


class Phone:
    def __init__(self, base_url: str, join_code: str, index: int) -> None:
        self.index = index
        self.name = f"{NAME_PREFIX}{index:04d}"
        self.join_path = f"/join/{join_code}"
        self.browser = Browser(base_url, source_address(index))
        self.stats = Stats()
        self.tab: Tab | None = None
        self.cards_sent = 0
        self.joined = False

    async def join(self) -> float:
        """Fill in the join form and take part; returns seconds until the phone view was shown.

        The form is a plain HTML page (pages/join_form.py): load it, post "Verder", post "Ik doe mee", and
        follow the answer to the phone's view, as a browser does.
        """
        start = time.perf_counter()
        http, url = self.browser.session(), self.browser.base_url + self.join_path
        async with http.get(url) as form:
            if form.status != 200 or 'name="name"' not in await form.text():
                raise PageError(f"{self.name} got no join form: HTTP {form.status}")
        fields = {"name": self.name, "role": "resident"}
        async with http.post(url, data=fields | {"step": "rules"}) as rules:
            if rules.status != 200 or 'data-step="two"' not in await rules.text():
                raise PageError(f"{self.name} did not reach the ground rules: HTTP {rules.status}")
        async with http.post(url, data=fields | {"step": "join"}, allow_redirects=False) as joined:
            if joined.status != 303:
                raise PageError(f"{self.name} was not let in: HTTP {joined.status}")
        await self.come_back()
        self.joined = True
        return time.perf_counter() - start

    async def come_back(self) -> None:
        """Open the join link again (wake, reload, new tab): the app must know this phone already."""
        self.tab = await self.browser.open(self.join_path, self.stats)
        if not self.tab.has_text(t(LANG, "phone.hello", name=self.name)):
            raise PageError(f"{self.name} was not recognised on return")

    async def leave(self) -> None:
        """The page goes away (phone locked for long, tab closed): the socket closes."""
        tab, self.tab = self.tab, None  # not present from now on, even while the socket closes
        if tab is not None:
            await tab.close()

    async def send_card(self, text: str) -> None:
        """Type a card and tap "Kaartje toevoegen": the textarea's value reaches the server before the click."""
        tab = self._tab()
        await tab.set_value(tab.require(tag="nicegui-input", props={"type": "textarea"}), text)
        await tab.click(tab.require(tag="q-btn", label=t(LANG, "phone.card_add")))
        self.cards_sent += 1

    def _tab(self) -> Tab:
        if self.tab is None:
            raise PageError(f"{self.name} has no open page")
        return self.tab

    async def close(self) -> None:
        await self.leave()
        await self.browser.close()


class Viewer:
    """The projector screen or the facilitator console: one browser on the local machine."""

    def __init__(self, base_url: str, path: str) -> None:
        self.path = path
        self.browser = Browser(base_url)
        self.stats = Stats()
        self.tab: Tab | None = None

    async def open(self) -> Tab:
        self.tab = await self.browser.open(self.path, self.stats)
        return self.tab

    async def click(self, label_key: str) -> None:
        if self.tab is None:
            raise PageError(f"{self.path} is not open")
        await self.tab.click(self.tab.require(tag="q-btn", label=t(LANG, label_key)))

    async def click_next_speaker(self) -> None:
        await self.click("console.next")

    async def close(self) -> None:
        if self.tab is not None:
            await self.tab.close()
        await self.browser.close()


async def join_all(phones: list[Phone], concurrency: int) -> tuple[list[float], list[str]]:
    """Join phones, `concurrency` at a time; returns the join times and the errors."""
    gate = asyncio.Semaphore(concurrency)
    times: list[float] = []
    errors: list[str] = []

    async def one(phone: Phone) -> None:
        async with gate:
            try:
                times.append(await phone.join())
            except Exception as err:
                errors.append(f"{phone.name}: {type(err).__name__}: {err}")

    await asyncio.gather(*(one(p) for p in phones))
    return times, errors
