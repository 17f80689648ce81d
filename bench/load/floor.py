"""The floor: the same simulated clients on a bare NiceGUI page that appends one label per message.

Its messages are interleaved with the app's next-speaker taps, so that other work on the machine
weighs on both alike and the ratio app/floor stays fair.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

from .measure import FanOut, time_fan_out
from .people import source_address
from .protocol import Browser, Tab, shows_text
from .servers import ServerProcess, start_floor

SETTLE = 0.2


@dataclass
class FloorReport:
    fan_out: FanOut
    cpu_ms_per_message: float
    rss_mib: float
    connect_errors: list[str] = field(default_factory=list)


class FloorRun:
    def __init__(self, work_dir: Path, phones: int, screens: int) -> None:
        self.work_dir, self.phones, self.screens = work_dir, phones, screens
        self.server: ServerProcess | None = None
        self.browsers: list[Browser] = []
        self.opened: list[Tab | None] = []
        self.errors: list[str] = []
        self.fan_out = FanOut()
        self.cpu_seconds = 0.0

    async def start(self) -> None:
        self.server = await asyncio.to_thread(start_floor, self.work_dir)
        base = self.server.base_url
        self.browsers = [Browser(base, source_address(n)) for n in range(self.phones)]
        self.browsers += [Browser(base) for _ in range(self.screens)]
        self.opened = [None] * len(self.browsers)
        # Opening a bare page costs the floor little; 10 at a time took 2-3 minutes for 500 pages next to the app's
        # 500 phones, a fifth of `make bench`.
        gate = asyncio.Semaphore(25)

        async def open_page(index: int) -> None:
            async with gate:
                try:
                    self.opened[index] = await self.browsers[index].open("/")
                except Exception as err:
                    self.errors.append(f"{type(err).__name__}: {err}")

        await asyncio.gather(*(open_page(i) for i in range(len(self.browsers))))
        await self.send_one(-1, record=False)  # the first message runs cold code paths; the app gets one too

    async def send_one(self, k: int, record: bool = True) -> None:
        """One "phone" sends a message; time until every page appended it."""
        assert self.server is not None
        phone_tabs = [t for t in self.opened[:self.phones] if t is not None]
        screen_tabs = [t for t in self.opened[self.phones:] if t is not None]
        sender, text = phone_tabs[0], f"floor message {k}"

        async def send() -> None:
            await sender.set_value(sender.require(tag="nicegui-input"), text)
            await sender.click(sender.require(tag="q-btn", label="Stuur"))

        targets = {"phones": [(t, shows_text(text)) for t in phone_tabs],
                   "screens": [(t, shows_text(text)) for t in screen_tabs]}
        before = self.server.cpu_seconds()
        await time_fan_out(self.fan_out if record else FanOut(), targets, send, timeout=30)
        await asyncio.sleep(SETTLE)
        if record:
            self.cpu_seconds += self.server.cpu_seconds() - before

    def report(self) -> FloorReport:
        assert self.server is not None
        per_message = self.cpu_seconds * 1000 / self.fan_out.actions if self.fan_out.actions else float("nan")
        return FloorReport(self.fan_out, per_message, self.server.rss_mib(), self.errors)

    async def stop(self) -> None:
        await asyncio.gather(*(tab.close() for tab in self.opened if tab is not None), return_exceptions=True)
        await asyncio.gather(*(browser.close() for browser in self.browsers), return_exceptions=True)
        if self.server is not None:
            await asyncio.to_thread(self.server.stop)
