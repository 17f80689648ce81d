"""The timed parts of a Dag van de Dialoog run: one action at a time, then many tables at once.

- warm_up: each table's first action (cold code paths), untimed for the targets but reported.
- one_at_a_time: an action at one table after another, each alternating with an action in the single
  7-phone dialogue (the baseline, on its own server), so both meet the machine in the same state.
- all_at_once: actions spread over all tables at random moments at a given mean rate (a hall where every
  host taps now and then), each table at most one action in flight; this is where the dashboard's p95 is
  taken.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .event_actions import TableDriver
from .measure import CpuMeter, FanOut, forget_waiters
from .protocol import Tab

SETTLE = 0.2  # seconds between one-at-a-time actions, so one's fan-out is not queued behind the last one's


@dataclass
class Phase:
    event: FanOut = field(default_factory=FanOut)
    baseline: FanOut = field(default_factory=FanOut)
    cpu: CpuMeter | None = None
    seconds: float = 0.0
    launched: int = 0
    skipped: int = 0  # a table still busy with its last action, or out of rounds
    rate: float = 0.0


async def open_rounds(drivers: list[TableDriver]) -> Phase:
    """Each host opens "Ervaringen" once everyone has joined, one table after another."""
    phase = Phase()
    for driver in drivers:
        await driver.open_round(phase.event)
        await asyncio.sleep(SETTLE)
    return phase


async def warm_up(drivers: list[TableDriver], cpu: Callable[[], float]) -> Phase:
    phase = Phase()
    with CpuMeter(cpu) as phase.cpu:
        for driver in drivers:
            await driver.act(phase.event)
            await asyncio.sleep(SETTLE)
    return phase


async def baseline_alone(driver: TableDriver, actions: int, cpu: Callable[[], float]) -> Phase:
    """The single dialogue before the event's server starts: its own figure on an otherwise idle app."""
    phase = Phase()
    await driver.act(FanOut())  # cold code paths, like each event table's warm-up
    await asyncio.sleep(SETTLE)
    with CpuMeter(cpu) as phase.cpu:
        for _ in range(actions):
            await driver.act(phase.baseline)
            await asyncio.sleep(SETTLE)
    return phase


async def one_at_a_time(drivers: list[TableDriver], actions: int, baseline: TableDriver | None,
                        cpu: Callable[[], float], tabs: Callable[[], list[Tab]]) -> Phase:
    phase = Phase()
    started = time.perf_counter()
    with CpuMeter(cpu) as phase.cpu:
        for k in range(actions):
            if baseline is not None:
                await baseline.act(phase.baseline)
                await asyncio.sleep(SETTLE)
            phase.launched += 1
            if not await drivers[k % len(drivers)].act(phase.event):
                phase.skipped += 1
            await asyncio.sleep(SETTLE)
    phase.seconds = time.perf_counter() - started
    forget_waiters(tabs())
    return phase


async def all_at_once(drivers: list[TableDriver], rate: float, seconds: float, cpu: Callable[[], float],
                      tabs: Callable[[], list[Tab]], seed: int = 11) -> Phase:
    """`rate` actions a second over all tables for `seconds`, never two at one table at a time.

    Hosts act on their own, so the moments are random (a Poisson process: exponential gaps) and so is
    the table: a regular beat would hide what happens when two tables act within a few milliseconds,
    which is what a dashboard that draws at most once per gap meets in a real hall."""
    phase = Phase(rate=rate)
    rng = random.Random(seed)
    tasks: list[asyncio.Task[bool]] = []
    started = time.perf_counter()
    next_at = started
    with CpuMeter(cpu) as phase.cpu:
        while True:
            next_at += rng.expovariate(rate)
            if next_at - started >= seconds:
                break
            # Pacing of the load itself (not a wait for a result): the next host taps at its own moment.
            await asyncio.sleep(max(next_at - time.perf_counter(), 0))
            idle = [d for d in drivers if not d.busy and not d.exhausted]
            if not idle:
                phase.skipped += 1
                continue
            phase.launched += 1
            tasks.append(asyncio.create_task(rng.choice(idle).act(phase.event)))
        await asyncio.gather(*tasks)  # a failed action is in phase.event.failed_actions
    phase.seconds = time.perf_counter() - started
    forget_waiters(tabs())
    return phase
