"""One app server with its dialogues, projectors, consoles and phones; fan-out timing for cards and the floor."""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from .measure import CpuMeter, FanOut, forget_waiters, time_fan_out
from .people import NAME_PREFIX, Phone, Viewer, join_all
from .profile import Profiler
from .protocol import Predicate, Tab, any_update, shows_text
from .round_parts import every_part_shown, turn_texts
from .servers import ROOT, DialogueInfo, ServerProcess, prepare_dialogues, screen_path, start_app

SETTLE = 0.2  # seconds between actions, so one action's fan-out is not queued behind the last one's


@dataclass
class Room:
    info: DialogueInfo
    console: Viewer
    screens: list[Viewer]
    phones: list[Phone] = field(default_factory=list)

    def present(self) -> list[Phone]:
        return [p for p in self.phones if p.tab is not None]


@dataclass
class JoinReport:
    phones: int = 0
    seconds: float = 0.0
    per_phone: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    cpu_seconds: float = 0.0


def everyone(room: Room) -> dict[str, list[tuple[Tab, Predicate]]]:
    """Every page of a room, each waiting for the update a change of speaker (or round) causes.

    A phone gets no periodic updates, so its first update is the one. The projector and the
    console also tick a timer every second, so for them it is the first update naming a person
    (the new speaker): that holds whether a page redraws a part or changes texts in place.
    """
    return {
        "phones": [(p.tab, any_update) for p in room.present() if p.tab is not None],
        "screens": [(s.tab, shows_text(NAME_PREFIX)) for s in room.screens if s.tab is not None],
        "console": [(room.console.tab, shows_text(NAME_PREFIX))] if room.console.tab is not None else [],
    }


class AppRun:
    def __init__(self, work_dir: Path, phones: int, screens: int, per_dialogue: int, app_root: Path = ROOT) -> None:
        self.work_dir, self.phone_count, self.screen_count = work_dir, phones, screens
        self.app_root = app_root
        self.dialogues = max(math.ceil(phones / per_dialogue), 1)
        self.rooms: list[Room] = []
        self.server: ServerProcess | None = None
        self.joins = JoinReport()
        self.join_profile: str | None = None  # py-spy of the joins, with --profile
        self.next_index = 0

    async def start(self, join_concurrency: int, profile: bool = False) -> None:
        data_dir = self.work_dir / "data"
        data_dir.mkdir(parents=True, exist_ok=True)
        infos = prepare_dialogues(data_dir, self.dialogues)
        self.server, key = await asyncio.to_thread(start_app, data_dir, self.work_dir, self.app_root)
        base = self.server.base_url
        for info in infos:
            console = Viewer(base, f"/d/{info.slug}?key={key}")
            # The projector needs the facilitator's key or its own token link, as a real one does.
            screens = [Viewer(base, screen_path(data_dir, info.slug)) for _ in range(self.screen_count)]
            for viewer in (console, *screens):
                await viewer.open()
            self.rooms.append(Room(info, console, screens))
        for n in range(self.phone_count):  # round-robin over the dialogues
            self.add_phone(self.rooms[n % len(self.rooms)])
        start, cpu = time.perf_counter(), self.server.cpu_seconds()
        profiler = Profiler(self.server.pid, self.work_dir / "profile-joins.txt") if profile else None
        times, errors = await join_all([p for r in self.rooms for p in r.phones], join_concurrency)
        self.join_profile = profiler.stop() if profiler else None
        self.joins = JoinReport(len(times), time.perf_counter() - start, times, errors,
                                self.server.cpu_seconds() - cpu)

    async def open_round(self) -> tuple[FanOut, FanOut]:
        """The facilitator taps "Ronde beginnen": every page shows the new round.

        Returns the fan-out (each page's first change) and, per phone, the time until every part of the round
        is shown (the question, the phone's place, the card box), however many steps the app sends it in.
        """
        result, complete = FanOut(), FanOut()
        places = turn_texts(max(len(r.phones) for r in self.rooms) + 1)
        for room in self.rooms:
            whole = {"phones": [(p.tab, every_part_shown(p.tab, room.info, places))
                                for p in room.present() if p.tab is not None]}

            async def tap(r: Room = room, whole=whole) -> None:  # both are timed from the same tap
                failed = len(complete.failed_actions)
                await time_fan_out(complete, whole, lambda: r.console.click("console.open_round"), 60)
                if len(complete.failed_actions) > failed:
                    raise RuntimeError(complete.failed_actions[-1])

            await time_fan_out(result, everyone(room), tap, 60)
        return result, complete

    def add_phone(self, room: Room) -> Phone:
        assert self.server is not None
        phone = Phone(self.server.base_url, room.info.join_code, self.next_index)
        self.next_index += 1
        room.phones.append(phone)
        return phone

    def all_tabs(self) -> list[Tab]:
        tabs = []
        for room in self.rooms:
            tabs += [v.tab for v in (room.console, *room.screens) if v.tab is not None]
            tabs += [p.tab for p in room.present() if p.tab is not None]
        return tabs

    async def stop(self) -> None:
        closers = [c for r in self.rooms for c in (*(p.close() for p in r.phones), r.console.close(),
                                                   *(s.close() for s in r.screens))]
        await asyncio.gather(*closers, return_exceptions=True)  # best effort; the server goes next anyway
        if self.server is not None:
            await asyncio.to_thread(self.server.stop)


async def measure_cards(run: AppRun, actions: int) -> tuple[FanOut, CpuMeter, float]:
    """(a) One phone adds a card: until the projector(s), the author's phone and the console show it.

    Returns the fan-out, the server CPU over the phase, and how many updates the *other* phones
    received per card (0: phones do not show other people's cards).
    """
    assert run.server is not None
    result = FanOut()
    other_updates = 0
    with CpuMeter(run.server.cpu_seconds) as cpu:
        for k in range(actions):
            room = run.rooms[k % len(run.rooms)]
            present = [p for p in room.present() if p.cards_sent < 19]
            author = present[(k * 37) % len(present)]
            others = [p for p in room.present() if p is not author]
            before = sum(p.stats.updates for p in others)
            text = f"Kaartje {k} van {author.name}: de buurt leeft"
            targets = {
                "screens": [(s.tab, shows_text(text)) for s in room.screens if s.tab is not None],
                "author": [(author.tab, shows_text(text))] if author.tab is not None else [],
                "console": [(room.console.tab, shows_text(text))] if room.console.tab is not None else [],
            }
            await time_fan_out(result, targets, lambda a=author, x=text: a.send_card(x), timeout=30)
            await asyncio.sleep(SETTLE)
            other_updates += sum(p.stats.updates for p in others) - before
    forget_waiters(run.all_tabs())
    return result, cpu, other_updates / max(actions, 1)


async def measure_next_speaker(run: AppRun, actions: int, between: Callable[[int], Awaitable[None]] | None = None
                               ) -> tuple[FanOut, CpuMeter]:
    """(b) The facilitator taps "Volgende spreker": until every phone, the projector(s) and the console have it.

    `between` runs before each tap (the floor's message), so both see the same moments of the machine.
    """
    assert run.server is not None
    result = FanOut()
    for room in run.rooms:  # untimed: the first tap runs cold code paths (the floor gets a warm-up message too)
        await time_fan_out(FanOut(), everyone(room), room.console.click_next_speaker, timeout=30)
        await asyncio.sleep(SETTLE)
    with CpuMeter(run.server.cpu_seconds) as cpu:
        for k in range(actions):
            if between is not None:
                await between(k)
            room = run.rooms[k % len(run.rooms)]
            await time_fan_out(result, everyone(room), room.console.click_next_speaker, timeout=30)
            await asyncio.sleep(SETTLE)
    forget_waiters(run.all_tabs())
    return result, cpu


async def measure_late_joins(run: AppRun, count: int) -> tuple[list[float], CpuMeter, list[str]]:
    """People who arrive while the round runs join one after another; seconds per join and server CPU."""
    assert run.server is not None
    phones = [run.add_phone(run.rooms[k % len(run.rooms)]) for k in range(count)]
    times, errors = [], []
    with CpuMeter(run.server.cpu_seconds) as cpu:
        for phone in phones:
            try:
                times.append(await phone.join())
            except Exception as err:
                errors.append(f"{phone.name}: {type(err).__name__}: {err}")
            await asyncio.sleep(SETTLE)
    return times, cpu, errors
