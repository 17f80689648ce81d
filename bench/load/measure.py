"""Timing one action's fan-out: when did each open page receive the update it caused?"""

from __future__ import annotations

import asyncio
import gc
import math
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .protocol import Predicate, Tab


@contextmanager
def generator_collection_paused() -> Iterator[None]:
    """The load generator's own garbage collection waits while actions are timed.

    This process holds every simulated page's element tree. A full collection of it takes 100-150 ms, and a
    tap that met one was timed that much slower for every page, although the server had long sent its update
    (at 200 phones: the bench's collection of 134 ms in the one tap of ten that took 252 ms, while the
    server's loop was never busy for more than 27 ms). What is timed is the server; the floor, timed in
    the same phase, is measured the same way.
    """
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def percentile(values: Iterable[float], q: float) -> float:
    """Nearest-rank percentile; NaN for no values."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    rank = max(math.ceil(q / 100 * len(ordered)), 1)
    return ordered[rank - 1]


@dataclass
class FanOut:
    """Latencies in ms per group of pages ("phones", "screens", ...), over every page and every action."""

    per_page: dict[str, list[float]] = field(default_factory=dict)
    everyone: list[float] = field(default_factory=list)  # per action: until the last page of all groups had it
    missing: dict[str, int] = field(default_factory=dict)
    actions: int = 0
    failed_actions: list[str] = field(default_factory=list)

    def add(self, group: str, latencies: list[float], missing: int) -> None:
        self.per_page.setdefault(group, []).extend(latencies)
        self.missing[group] = self.missing.get(group, 0) + missing

    def pages(self, groups: Iterable[str] | None = None) -> list[float]:
        chosen = self.per_page if groups is None else {g: self.per_page.get(g, []) for g in groups}
        return [v for values in chosen.values() for v in values]

    def summary(self, groups: Iterable[str] | None = None) -> dict[str, float]:
        values = self.pages(groups)
        return {"p50": percentile(values, 50), "p95": percentile(values, 95), "max": max(values, default=math.nan),
                "n": len(values)}


async def time_fan_out(result: FanOut, targets: dict[str, list[tuple[Tab, Predicate]]],
                       action: Callable[[], Awaitable[None]], timeout: float) -> None:
    """Run one action and record, for every target page, the time until its matching update arrived."""
    futures = {group: [tab.expect(predicate) for tab, predicate in pairs] for group, pairs in targets.items()}
    start = time.perf_counter()
    try:
        await action()
    except Exception as err:
        result.failed_actions.append(f"{type(err).__name__}: {err}")
        for group_futures in futures.values():
            for future in group_futures:
                future.cancel()
        return
    pending = [f for group_futures in futures.values() for f in group_futures]
    if pending:
        await asyncio.wait(pending, timeout=timeout)
    last = 0.0
    for group, group_futures in futures.items():
        done = [(f.result() - start) * 1000 for f in group_futures if f.done() and not f.cancelled()]
        for future in group_futures:
            if not future.done():
                future.cancel()
        result.add(group, done, len(group_futures) - len(done))
        last = max([last, *done])
    result.everyone.append(last)
    result.actions += 1


def forget_waiters(tabs: Iterable[Tab]) -> None:
    """Drop cancelled futures so a page's waiter list does not grow over a long run."""
    for tab in tabs:
        tab.waiters = [w for w in tab.waiters if not w.future.done()]


@dataclass
class CpuMeter:
    """CPU seconds of a process over a phase, divided by the actions in it."""

    read: Callable[[], float]
    start: float = 0.0
    wall: float = 0.0

    def __enter__(self) -> CpuMeter:
        self.start, self.wall = self.read(), time.perf_counter()
        return self

    def __exit__(self, *_: object) -> None:
        self.used = self.read() - self.start
        self.wall = time.perf_counter() - self.wall

    def ms_per(self, actions: int) -> float:
        return self.used * 1000 / actions if actions else math.nan
