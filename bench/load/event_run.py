"""One app server running a Dag van de Dialoog: every table's console, projector and phones, the
organiser's dashboard and the plenary wall, all as simulated browsers (bench/load/protocol.py)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from facilitator_app.i18n import t

from .event_setup import EventPlan, TableInfo, prepare_event, prepare_single
from .event_watch import DashboardWatch
from .people import LANG, Viewer, join_all
from .profile import Profiler
from .protocol import PageError, Tab
from .room import AppRun, JoinReport, Room
from .servers import ROOT, screen_path, start_app

MODES = ("auto", "on", "off")  # auto: measured when the page exists (the dashboard and wall were being built)


class EventRun(AppRun):
    def __init__(self, work_dir: Path, tables: int, per_table: int, screens: int, app_root: Path = ROOT,
                 dashboard: str = "auto", wall: str = "auto") -> None:
        super().__init__(work_dir, tables * per_table, screens, per_table, app_root)
        self.table_count, self.per_table = tables, per_table
        self.modes = {"dashboard": dashboard, "wall": wall}
        self.plan: EventPlan | None = None
        self.tables: list[TableInfo] = []  # in the order of self.rooms
        self.dashboard: Viewer | None = None
        self.watch: DashboardWatch | None = None
        self.wall: Viewer | None = None
        self.notes: dict[str, str] = {}  # why a page is not measured
        self.setup_seconds = 0.0
        self.viewers_seconds = 0.0
        self.rss_after_join = 0.0
        self.rss_samples: list[tuple[str, float]] = []  # (moment, MiB), to see where memory comes from

    async def start(self, join_concurrency: int, profile: bool = False) -> None:
        data_dir = self.work_dir / "data"
        data_dir.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        self.plan = await self._prepare(data_dir)
        self.setup_seconds = time.perf_counter() - started
        self.server, key = await asyncio.to_thread(start_app, data_dir, self.work_dir, self.app_root)
        base = self.server.base_url
        started = time.perf_counter()
        await self._open_organiser_pages(base)
        for table in self.plan.tables:  # the hosts open their consoles (with the app's key, as the brief says)
            console = Viewer(base, f"/d/{table.dialogue.slug}?key={key}")
            screens = [Viewer(base, screen_path(data_dir, table.dialogue.slug)) for _ in range(self.screen_count)]
            for viewer in (console, *screens):
                await viewer.open()
            self.rooms.append(Room(table.dialogue, console, screens))
            self.tables.append(table)
        self.viewers_seconds = time.perf_counter() - started
        for room in self.rooms:  # table by table, as people find their table
            for _ in range(self.per_table):
                self.add_phone(room)
        start, cpu = time.perf_counter(), self.server.cpu_seconds()
        profiler = Profiler(self.server.pid, self.work_dir / "profile-joins.txt") if profile else None
        times, errors = await join_all([p for r in self.rooms for p in r.phones], join_concurrency)
        self.join_profile = profiler.stop() if profiler else None
        self.joins = JoinReport(len(times), time.perf_counter() - start, times, errors,
                                self.server.cpu_seconds() - cpu)
        self.rss_after_join = self.server.rss_mib()
        self.note_rss("everyone joined")

    def note_rss(self, moment: str) -> float:
        assert self.server is not None
        rss = self.server.rss_mib()
        self.rss_samples.append((moment, rss))
        return rss

    async def _prepare(self, data_dir: Path) -> EventPlan:
        return await prepare_event(data_dir, self.table_count)

    async def _open_organiser_pages(self, base: str) -> None:
        """The dashboard and the wall, opened before anyone joins, as an organiser would have them open."""
        assert self.plan is not None
        slug, key = self.plan.slug, self.plan.organiser_key
        dashboard = await self._try_open("dashboard", Viewer(base, f"/e/{slug}?key={key}"))
        if dashboard is not None and dashboard.tab is not None:
            watch = DashboardWatch(dashboard.tab, {t.table_id: t.name for t in self.plan.tables})
            if watch.found_tables() == 0:
                self.notes["dashboard"] = "the page opened but names none of the tables (no entry, or not built)"
                await dashboard.close()
                if self.modes["dashboard"] == "on":
                    raise PageError(self.notes["dashboard"])
            else:
                self.dashboard, self.watch = dashboard, watch
        wall = Viewer(base, f"/e/{slug}/wall?key={key}")
        if self.dashboard is not None:
            wall.browser = self.dashboard.browser  # the organiser's own browser: it remembers the key
        self.wall = await self._try_open("wall", wall)
        locked = t(LANG, "wall.locked")
        if self.wall is not None and self.wall.tab is not None and self.wall.tab.has_text(locked):
            self.notes["wall"] = f"opened but locked ({locked!r}): not measured"
            await self.wall.close()
            self.wall = None

    async def _try_open(self, name: str, viewer: Viewer) -> Viewer | None:
        mode = self.modes[name]
        if mode == "off":
            self.notes[name] = "switched off (--" + name + " off)"
            return None
        try:
            await viewer.open()
        except PageError as err:
            if mode == "on":
                raise
            self.notes[name] = f"not measured: {err} (not built yet?)"
            return None
        return viewer

    def table_names(self) -> list[str]:
        return [t.name for t in self.tables]

    def all_tabs(self) -> list[Tab]:
        extra = [v.tab for v in (self.dashboard, self.wall) if v is not None and v.tab is not None]
        return [*super().all_tabs(), *extra]

    async def stop(self) -> None:
        for viewer in (self.wall, self.dashboard):  # they may share one browser: close tabs, then browsers
            if viewer is not None and viewer.tab is not None:
                await viewer.tab.close()
        for viewer in (self.wall, self.dashboard):
            if viewer is not None:
                await viewer.browser.close()
        await super().stop()


class BaselineRun(EventRun):
    """A single dialogue of the same size on its own server: what "as fast as a single dialogue" means."""

    def __init__(self, work_dir: Path, per_table: int, screens: int, extra_rounds: int, app_root: Path = ROOT) -> None:
        super().__init__(work_dir, 1, per_table, screens, app_root, dashboard="off", wall="off")
        self.extra_rounds = extra_rounds

    async def _prepare(self, data_dir: Path) -> EventPlan:
        return await prepare_single(data_dir, self.extra_rounds)

    async def _open_organiser_pages(self, base: str) -> None:
        return None  # no event: no dashboard, no wall
