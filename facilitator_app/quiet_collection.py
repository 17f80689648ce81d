"""Full garbage collections in the room's quiet moments, not when everyone waits.

With 200 phones connected a full collection walks every page's objects and freezes the server for
0.3-0.4 s. Python starts one when enough new objects have lived long enough, which after the rush of
joins is at the next busy moment: the facilitator's "Ronde beginnen", while 200 phones wait for the new
round (py-spy: 37 % of that fan-out; BENCHMARKS.md, issue 10).

A room has quiet moments: the welcome after the joins, someone speaking. When the server has used
little CPU for a few seconds and a collection is due, a full one is made then, and what is still alive
after it is frozen (`gc.freeze`): until the next quiet moment, Python's own full collections walk only
what is newer, so one during a burst costs milliseconds, not the 1 s it took with 500 phones.

Frozen objects are not lost to the collector: every quiet collection unfreezes everything first, so a
page that closed since is collected then (a freeze that was never undone kept such pages for ever:
242 -> 295 MiB in 150 s). A room that is never quiet gets one anyway after MAX_WAIT seconds.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

CHECK_EVERY = 1.0  # seconds between two looks at the server's CPU
QUIET_SECONDS = 2.0  # this long below BUSY_SHARE counts as a quiet moment
# Share of one core. An idle room is not silent: with 500 phones NiceGUI's per-page loops and the sockets'
# pings use 18-20 % (8 % with 200); joins, a round opening or a burst of cards use 90-100 %.
BUSY_SHARE = 0.35
# Middle-generation collections since the last quiet one before another is made: each moves what survived it
# into the oldest generation. After 200 joins one was enough for Python's own full collection to fall on
# "Ronde beginnen" (449 ms).
DUE_AFTER = 1
MAX_WAIT = 120.0  # seconds: frozen garbage of closed pages waits at most this long for a quiet moment


def collect_and_freeze() -> None:
    """A full collection of everything, frozen objects included; then freeze what is alive."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class QuietCollector:
    """Makes a full collection (and freeze) when one is due and the server has been quiet for a while.

    `step()` is called every CHECK_EVERY seconds; the clock, CPU meter and collector are passed in so
    the rule can be tested without waiting or collecting.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic, cpu: Callable[[], float] = time.process_time,
                 collect: Callable[[], object] = collect_and_freeze) -> None:
        self.clock, self.cpu, self.collect = clock, cpu, collect
        self.middle_since_full = 0  # middle-generation collections since the last quiet collection
        self.quiet_for = 0.0
        self.last_time, self.last_cpu = clock(), cpu()
        self.last_made = self.last_time
        self.made = 0  # full collections made in a quiet moment (for the log and tests)

    def on_collection(self, phase: str, info: dict) -> None:
        """gc.callbacks hook: count what Python collected on its own. Its full collections do not count as
        ours: they leave the frozen objects alone."""
        if phase == "stop" and info.get("generation", 0) >= 1:
            self.middle_since_full += 1

    def step(self) -> bool:
        """Look at the last interval; returns whether a collection was made now."""
        now, cpu = self.clock(), self.cpu()
        elapsed = now - self.last_time
        share = (cpu - self.last_cpu) / elapsed if elapsed > 0 else 1.0
        self.last_time, self.last_cpu = now, cpu
        self.quiet_for = self.quiet_for + elapsed if share < BUSY_SHARE else 0.0
        overdue = now - self.last_made >= MAX_WAIT
        if self.middle_since_full < DUE_AFTER or (self.quiet_for < QUIET_SECONDS and not overdue):
            return False
        started = time.perf_counter()
        self.collect()
        self.middle_since_full, self.quiet_for = 0, 0.0
        self.made += 1
        # What the collection itself cost is not the room's work: the next interval starts after it.
        self.last_time, self.last_cpu = self.clock(), self.cpu()
        self.last_made = self.last_time
        log.debug("full garbage collection in a quiet moment: %.0f ms", (time.perf_counter() - started) * 1000)
        return True

    async def run(self) -> None:
        while True:
            await asyncio.sleep(CHECK_EVERY)
            self.step()


_running: tuple[QuietCollector, asyncio.Task] | None = None


def start_quiet_collection() -> None:
    """Hook the collector into Python's collections and start its loop (the app's startup calls this)."""
    global _running
    stop_quiet_collection()  # NiceGUI's test fixture starts the app once per test, in one process
    collector = QuietCollector()
    gc.callbacks.append(collector.on_collection)
    _running = collector, asyncio.get_running_loop().create_task(collector.run(), name="quiet garbage collection")


def stop_quiet_collection() -> None:
    global _running
    if _running is None:
        return
    collector, task = _running
    task.cancel()
    if collector.on_collection in gc.callbacks:
        gc.callbacks.remove(collector.on_collection)
    _running = None
