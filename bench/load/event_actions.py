"""A host's taps at one table, timed on that table's pages and on the organiser's dashboard.

Each table has few people (7), so its round runs out after 7 speakers: the first action of a round
gives the floor to one person out of order ("Geef het woord aan ..."), the next six tap "Volgende
spreker". Then the host ends the last turn, closes the round and opens the next one (untimed: it only
keeps the floor moving in a long run). Every step waits until the pages it changed have been told, so a
late update of one step is never taken for the next step's.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from facilitator_app.i18n import t

from .event_watch import DashboardWatch
from .measure import FanOut, time_fan_out
from .people import LANG, NAME_PREFIX
from .protocol import PageError, Predicate, Tab, any_update, shows_text
from .room import Room

TIMEOUT = 15.0
STEP_TIMEOUT = 10.0
DASHBOARD_STEP_TIMEOUT = 3.0  # an untimed step need not wait long for a dashboard that coalesces updates
GIVE_PREFIX = t(LANG, "console.give_floor_to", name="\x00").split("\x00")[0]


async def until(tab: Tab, condition: Callable[[], bool], timeout: float = STEP_TIMEOUT) -> None:
    """Until the page shows what `condition` looks for (checked now and after each update)."""
    if condition():
        return
    await asyncio.wait_for(tab.expect(lambda _update: condition()), timeout)


@dataclass
class TableDriver:
    room: Room
    label: str  # "Tafel 7", or "baseline" for the single dialogue
    table_id: str | None = None  # set for an event table: the dashboard is watched for it
    watch: DashboardWatch | None = None
    spoken: int = 0  # people given the floor in the open round
    exhausted: bool = False  # no round left to open
    busy: bool = False

    @property
    def console(self) -> Tab:
        if self.room.console.tab is None:
            raise PageError(f"{self.label}: console not open")
        return self.room.console.tab

    def _button(self, key: str, **values: object) -> int | None:
        return self.console.find(tag="q-btn", label=t(LANG, key, **values))

    def _targets(self, speaker: str) -> dict[str, list[tuple[Tab, Predicate]]]:
        """Every page of the table, and the dashboard: each waits for the update this action causes."""
        room = self.room
        targets: dict[str, list[tuple[Tab, Predicate]]] = {
            "phones": [(p.tab, any_update) for p in room.present() if p.tab is not None],
            "screens": [(s.tab, shows_text(speaker)) for s in room.screens if s.tab is not None],
            "console": [(self.console, shows_text(speaker))],
        }
        if self.watch is not None and self.table_id is not None:
            targets["dashboard"] = [(self.watch.tab, self.watch.mentions(self.table_id))]
        return targets

    def _give_floor_button(self) -> tuple[int, str]:
        """The "give the floor" button of the last person in the order (out of order), and that name."""
        found = [(element_id, str((element.get("props") or {}).get("aria-label", "")))
                 for element_id, element in self.console.elements.items()
                 if element.get("tag") == "q-btn" and str((element.get("props") or {}).get("aria-label", ""))
                 .startswith(GIVE_PREFIX) and not (element.get("props") or {}).get("aria-disabled")]
        if not found:
            raise PageError(f"{self.label}: nobody can be given the floor")
        element_id, aria = max(found)
        return element_id, aria[len(GIVE_PREFIX):]

    async def act(self, result: FanOut, timeout: float = TIMEOUT) -> bool:
        """One timed action (give the floor, or next speaker); False when the table has no round left."""
        if self.busy or self.exhausted:
            return False
        self.busy = True
        try:
            if self.spoken >= len(self.room.present()):
                await self._next_round()
                if self.exhausted:
                    return False
            if self.spoken == 0:
                button, speaker = self._give_floor_button()
                action = self._click(button)
            else:  # the projector and console name the new speaker, whoever the queue makes it
                speaker, action = NAME_PREFIX, self._click(self._require("console.next"))
            await time_fan_out(result, self._targets(speaker), action, timeout)
            self.spoken += 1
            return True
        except (PageError, TimeoutError) as err:  # reported with the figures; the run goes on
            result.failed_actions.append(f"{self.label}: {type(err).__name__}: {err}")
            return False
        finally:
            self.busy = False

    async def open_round(self, result: FanOut) -> None:
        """"Ronde beginnen" after the break: until the table's pages and the dashboard show the round."""
        targets = self._targets(NAME_PREFIX)  # the console and projector list the people in the new order
        await time_fan_out(result, targets, self._click(self._require("console.open_round")), TIMEOUT)
        self.spoken = 0

    def _require(self, key: str) -> int:
        button = self._button(key)
        if button is None:
            raise PageError(f"{self.label}: no button {t(LANG, key)!r} on the console")
        return button

    def _click(self, element_id: int) -> Callable[[], Awaitable[None]]:
        return lambda: self.console.click(element_id)

    async def _step(self, click: Callable[[], Awaitable[None]], done: Callable[[], bool]) -> None:
        """An untimed step: click, then wait until the phones, the dashboard and the console show it."""
        targets: dict[str, list[tuple[Tab, Predicate]]] = {
            "phones": [(p.tab, any_update) for p in self.room.present() if p.tab is not None]}
        dashboard = None
        if self.watch is not None and self.table_id is not None:
            dashboard = self.watch.tab.expect(self.watch.mentions(self.table_id))
        await time_fan_out(FanOut(), targets, click, STEP_TIMEOUT)
        if dashboard is not None:
            # A dashboard may send a step's change late; wait a little for it, so it is not taken for the next
            # step's (it may also fold two steps into one update: then this wait runs out, harmlessly).
            await asyncio.wait([dashboard], timeout=DASHBOARD_STEP_TIMEOUT)
            dashboard.cancel()
        await until(self.console, done)

    async def _next_round(self) -> None:
        """The host ends the last turn, closes the round and opens the next one."""
        def close_enabled() -> bool:
            button = self._button("console.close_round")
            return button is not None and not (self.console.elements[button].get("props") or {}).get("disable")

        await self._step(self._click(self._require("console.next")), close_enabled)
        close = self._button("console.close_round")
        assert close is not None
        try:
            await self._step(self._click(close), lambda: self._button("console.open_round") is not None)
        except TimeoutError:
            if self._button("console.open_round") is None:  # that was the last round
                self.exhausted = True
                return
        await self._step(self._click(self._require("console.open_round")),
                         lambda: self._button("console.next") is not None)
        self.spoken = 0
