"""(d) every phone sends one card within a few seconds; (e) a soak with phones leaving, returning and joining."""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .measure import CpuMeter, percentile
from .people import Phone
from .protocol import Tab, Update, element_text, html_words
from .room import AppRun, Room
from .servers import stored_card_texts


def collect_texts(tab: Tab, prefix: str, seen: dict[str, float]) -> Callable[[Update, float], None]:
    """A listener noting when each text starting with `prefix` first reached this page."""

    def listener(update: Update, received: float) -> None:
        for element in update.values():
            if isinstance(element, dict):
                text = element.get("text") or ""
                if text.startswith(prefix) and text not in seen:
                    seen[text] = received

    tab.listeners.append(listener)
    return listener


@dataclass
class BurstReport:
    phones: int = 0
    window: float = 0.0
    sent: int = 0
    send_errors: list[str] = field(default_factory=list)
    confirmed: int = 0  # the author's phone showed its own card
    refusals: list[str] = field(default_factory=list)  # warning / negative notifications on the phones
    on_screens: list[int] = field(default_factory=list)  # per projector: cards of its dialogue received
    expected_per_screen: list[int] = field(default_factory=list)
    # The projector keeps the 6 newest tiles. With group commit, the cards of one write reach a page in one
    # update, so a tile that is replaced within that update is never sent: it is never drawn, not lost. The
    # console lists every card, so it is the check that every card reached the pages.
    on_consoles: list[int] = field(default_factory=list)
    expected_per_console: list[int] = field(default_factory=list)
    screens_show_newest: list[bool] = field(default_factory=list)  # the wall shows the newest stored cards
    stored: int = 0
    screen_latency_ms: list[float] = field(default_factory=list)
    last_on_screen_s: float = 0.0
    cpu: CpuMeter | None = None
    server_errors: int = 0

    @property
    def missing_on_screens(self) -> int:
        return sum(e - s for e, s in zip(self.expected_per_screen, self.on_screens, strict=True))

    @property
    def missing_on_consoles(self) -> int:
        return sum(e - s for e, s in zip(self.expected_per_console, self.on_consoles, strict=True))


async def burst(run: AppRun, window: float, seed: int, settle_timeout: float = 90.0) -> BurstReport:
    """Every present phone sends one card at a random moment within `window` seconds."""
    assert run.server is not None
    rng = random.Random(seed)
    report = BurstReport(window=window)
    prefix = "Stapel "
    seen_by_screen: list[dict[str, float]] = []
    listeners = []
    for room in run.rooms:
        for screen in room.screens:
            seen: dict[str, float] = {}
            seen_by_screen.append(seen)
            listeners.append((screen.tab, collect_texts(screen.tab, prefix, seen)))
            report.expected_per_screen.append(len(room.present()))
    seen_by_console: list[dict[str, float]] = []
    for room in run.rooms:
        seen = {}
        seen_by_console.append(seen)
        assert room.console.tab is not None
        listeners.append((room.console.tab, collect_texts(room.console.tab, prefix, seen)))
        report.expected_per_console.append(len(room.present()))
    phones = [p for room in run.rooms for p in room.present()]
    report.phones = len(phones)
    sent_at: dict[str, float] = {}
    confirmations: list[asyncio.Future[float]] = []
    notes_before = {p.name: len(p.stats.notifications) for p in phones}
    start = time.perf_counter()

    async def send(phone: Phone, delay: float) -> None:
        await asyncio.sleep(delay)
        text = f"{prefix}{phone.name}: een bankje bij de speeltuin"
        assert phone.tab is not None
        confirmations.append(phone.tab.expect(lambda u, x=text: any(
            x == element_text(v) or x in html_words(v) for v in u.values() if isinstance(v, dict))))
        sent_at[text] = time.perf_counter()
        try:
            await phone.send_card(text)
            report.sent += 1
        except Exception as err:
            report.send_errors.append(f"{phone.name}: {type(err).__name__}: {err}")

    with CpuMeter(run.server.cpu_seconds) as cpu:
        await asyncio.gather(*(send(p, rng.uniform(0, window)) for p in phones))
        deadline = time.perf_counter() + settle_timeout
        while time.perf_counter() < deadline:
            consoles_done = all(len(s) >= e for s, e in zip(seen_by_console, report.expected_per_console,
                                                            strict=True))
            if consoles_done and all(f.done() for f in confirmations) and newest_on_walls(run, prefix):
                break
            await asyncio.sleep(0.2)
    report.cpu = cpu
    for tab, listener in listeners:
        tab.listeners.remove(listener)
    report.confirmed = sum(1 for f in confirmations if f.done() and not f.cancelled())
    for future in confirmations:
        future.cancel()
    for phone in phones:
        for kind, message in phone.stats.notifications[notes_before[phone.name]:]:
            if kind in ("warning", "negative"):
                report.refusals.append(f"{phone.name}: {message}")
    report.on_screens = [len(s) for s in seen_by_screen]
    report.on_consoles = [len(s) for s in seen_by_console]
    report.screens_show_newest = [newest_on_wall(room, screen.tab, prefix) for room in run.rooms
                                  for screen in room.screens if screen.tab is not None]
    for seen in seen_by_screen:
        report.screen_latency_ms += [(at - sent_at[text]) * 1000 for text, at in seen.items() if text in sent_at]
        if seen:
            report.last_on_screen_s = max(report.last_on_screen_s, max(seen.values()) - start)
    for room in run.rooms:
        report.stored += sum(1 for text in stored_card_texts(room.info.path) if text.startswith(prefix))
    report.server_errors = run.server.log_text().count("Traceback")
    return report


WALL_TILES = 6  # pages/screen.py keeps this many card tiles


def newest_on_wall(room: Room, tab: Tab, prefix: str) -> bool:
    """The projector's tiles are the newest cards in the dialogue's file."""
    stored = [text for text in stored_card_texts(room.info.path) if text.startswith(prefix)]
    shown = {element_text(e) for e in tab.elements.values() if (e.get("text") or "").startswith(prefix)}
    return shown == set(stored[-WALL_TILES:])


def newest_on_walls(run: AppRun, prefix: str) -> bool:
    return all(newest_on_wall(room, s.tab, prefix) for room in run.rooms for s in room.screens if s.tab is not None)


@dataclass
class SoakReport:
    seconds: float = 0.0
    rss_mib: list[tuple[float, float]] = field(default_factory=list)  # (seconds since start, MiB)
    warm_up: float = 0.0
    left: int = 0
    returned: int = 0
    joined: int = 0
    cards: int = 0
    next_speaker: int = 0
    errors: list[str] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    server_errors: int = 0

    def after_warm_up(self) -> list[float]:
        return [mib for at, mib in self.rss_mib if at >= self.warm_up]

    def drift(self) -> tuple[float, float, float]:
        """(baseline MiB, lowest and highest deviation from it in %); baseline = median of the first minute."""
        values = [(at, mib) for at, mib in self.rss_mib if at >= self.warm_up]
        if not values:
            return float("nan"), float("nan"), float("nan")
        first = [mib for at, mib in values if at < self.warm_up + 60] or [values[0][1]]
        base = statistics.median(first)
        return base, 100 * (min(m for _, m in values) / base - 1), 100 * (max(m for _, m in values) / base - 1)


async def soak(run: AppRun, seconds: float, seed: int, *, card_every: float = 1.0, churn_every: float = 2.0,
               join_every: float = 20.0, next_every: float = 15.0, away_seconds: float = 20.0) -> SoakReport:
    """Phones leave and come back, new people join, cards arrive, the floor moves on; RSS is sampled every 5 s.

    Leaving closes the page's socket (a locked phone, a closed tab); returning opens the join link
    again with the same cookie and must be recognised as the same person.
    """
    assert run.server is not None
    rng = random.Random(seed)
    report = SoakReport(seconds=seconds, warm_up=min(120.0, seconds / 4))
    away: list[tuple[float, Phone]] = []
    notes_before = {p.name: len(p.stats.notifications) for r in run.rooms for p in r.phones}
    start = time.perf_counter()
    due = {"card": card_every, "churn": churn_every, "join": join_every, "next": next_every, "rss": 0.0}
    tasks: set[asyncio.Task] = set()

    def spawn(coro, what: str) -> None:
        async def guarded() -> None:
            try:
                await coro
            except Exception as err:
                report.errors.append(f"{what}: {type(err).__name__}: {err}")

        task = asyncio.create_task(guarded())
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    async def leave(phone: Phone) -> None:
        await phone.leave()
        report.left += 1

    async def come_back(phone: Phone) -> None:
        await phone.come_back()
        report.returned += 1

    async def join(phone: Phone) -> None:
        await phone.join()
        report.joined += 1

    while (now := time.perf_counter() - start) < seconds:
        room = run.rooms[rng.randrange(len(run.rooms))]
        if now >= due["rss"]:
            report.rss_mib.append((now, run.server.rss_mib()))
            due["rss"] += 5.0
        if now >= due["card"]:
            due["card"] += card_every
            writers = [p for p in room.present() if p.cards_sent < 19]
            if writers:
                phone = rng.choice(writers)
                spawn(phone.send_card(f"Soak {phone.name} {phone.cards_sent}: meer groen in de straat"), "card")
                report.cards += 1
        if now >= due["churn"]:
            due["churn"] += churn_every
            present = room.present()
            if present:
                phone = rng.choice(present)
                away.append((now, phone))
                spawn(leave(phone), "leave")
            while away and now - away[0][0] >= away_seconds:
                spawn(come_back(away.pop(0)[1]), "come back")
        if now >= due["join"]:
            due["join"] += join_every
            spawn(join(run.add_phone(room)), "join")
        if now >= due["next"]:
            due["next"] += next_every
            spawn(room.console.click_next_speaker(), "next speaker")
            report.next_speaker += 1
        await asyncio.sleep(0.1)
    for _, phone in away:
        spawn(come_back(phone), "come back")
    if tasks:
        await asyncio.wait(list(tasks), timeout=60)
    report.rss_mib.append((time.perf_counter() - start, run.server.rss_mib()))
    for room in run.rooms:
        for phone in room.phones:
            for kind, message in phone.stats.notifications[notes_before.get(phone.name, 0):]:
                if kind in ("warning", "negative"):
                    report.refusals.append(f"{phone.name}: {message}")
    report.server_errors = run.server.log_text().count("Traceback")
    return report


def spread(values: list[float]) -> str:
    return f"p50 {percentile(values, 50):.0f} ms, p95 {percentile(values, 95):.0f} ms, max {max(values):.0f} ms" \
        if values else "no values"
