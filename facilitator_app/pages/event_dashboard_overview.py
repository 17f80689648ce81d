"""The dashboard's live overview `/e/{event}` tab "Overzicht": one compact card per table, counts only.

No names appear here: a table's card shows the round, whether someone has the floor, how many are not heard
yet, time used against time planned and talk time per role against the share of the people.

Cheap enough for 40 busy tables: a table room's change only marks that table; one draw per burst (at most
one every DRAW_GAP seconds per dashboard) then recomputes `table_progress` for the marked tables whose room
version moved, and changes only the texts that differ. The clocks of tables in a round move every
CLOCK_EVERY ticks of the app's one-second clock.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from nicegui import background_tasks, ui

from rounds import Status
from rounds.events import EventTable
from rounds.events.model import TableStatus
from rounds.events.progress import TableProgress, table_progress

from ..events import EventChange, EventChanged, EventHall
from ..i18n import role_label, t
from ..room import Room
from .theme import aria_label

if TYPE_CHECKING:
    from ..app import AppState

DRAW_GAP = 0.05  # seconds between two draws of one dashboard in a burst; 0.2 s made a burst p95 miss 300 ms
CLOCK_EVERY = 5  # ticks (seconds) between two clock updates of the tables in a round


def clock_text(seconds: float) -> str:
    """mm:ss; minutes run on past 60 (a table's day is counted in minutes)."""
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class Coalesced:
    """Call `draw` soon after a change, but at most once per `gap` seconds: a burst of changes gives one draw
    right away and one at the end of the gap, never one per change."""

    def __init__(self, draw: Callable[[], None], gap: float) -> None:
        self.draw, self.gap = draw, gap
        self.pending = False
        self.last = float("-inf")

    def __call__(self) -> None:
        if self.pending:
            return
        self.pending = True
        background_tasks.create(self._run(), name="dashboard-draw")

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        wait = self.last + self.gap - loop.time()
        if wait > 0:
            await asyncio.sleep(wait)
        self.pending = False
        self.last = loop.time()
        self.draw()


class TableCard:
    """One table's card. `show` changes only what differs from what is drawn."""

    def __init__(self, hall: EventHall, table: EventTable, lang: str) -> None:
        self.hall, self.table, self.lang = hall, table, lang
        self.room: Room | None = None
        self.version = -1  # the room version last drawn
        self.progress: TableProgress | None = None
        self._roles_drawn: tuple = ()
        self._flags_drawn: tuple = ()

    def build(self) -> None:
        table, lang = self.table, self.lang
        cancelled = table.status == TableStatus.CANCELLED
        classes = "wd-card wd-dash-card gap-1" + (" wd-dash-cancelled" if cancelled else "")
        with ui.column().classes(classes).mark(f"table-card-{table.id}") as self.box:
            name = " \u00b7 ".join(filter(None, [table.name, table.place]))
            if cancelled or not table.dialogue_slug:
                ui.label(name).classes("text-h6 wd-text")
                ui.label(t(lang, "dash.table_cancelled")).classes("wd-muted").mark(f"table-cancelled-{table.id}")
                return
            link = ui.link(name, f"/d/{table.dialogue_slug}", new_tab=True).classes("text-h6 wd-text").mark(
                f"table-console-{table.id}")
            aria_label(link, t(lang, "dash.open_console", table=table.name))
            self.room = self.hall.table_room(table)
            if self.room is None:
                ui.label(t(lang, "dash.table_damaged")).classes("text-negative")
                return
            self.round = ui.label().classes("wd-text").mark(f"table-round-{table.id}")
            self.floor = ui.label().mark(f"table-floor-{table.id}")
            self.unheard = ui.label().mark(f"table-unheard-{table.id}")
            self.time = ui.label().mark(f"table-time-{table.id}")
            self.roles = ui.column().classes("w-full gap-1").mark(f"table-roles-{table.id}")
            self.flags = ui.row().classes("gap-1").mark(f"table-flags-{table.id}")

    def show(self, now: float, *, force: bool = False) -> None:
        """Recompute the progress only when the room changed (or for a moving clock, `force`)."""
        room = self.room
        if room is None or (room.version == self.version and not force):
            return
        self.version = room.version
        progress = self.progress = table_progress(room.dialogue, now)
        lang = self.lang
        self._set(self.round, self._round_text(progress))
        self._set(self.floor, t(lang, "dash.floor_taken" if progress.floor_taken else "dash.floor_free"))
        self.floor.set_visibility(progress.round_open)
        self._set(self.unheard, t(lang, "dash.not_heard", count=progress.not_heard))
        self.unheard.set_visibility(progress.round_open)
        self._set(self.time, t(lang, "dash.time", used=clock_text(progress.used_seconds),
                               planned=clock_text(progress.planned_seconds)))
        self.time.set_visibility(progress.planned_seconds > 0)
        self._show_roles(progress)
        self._show_flags(progress)

    @staticmethod
    def _set(label: ui.label, text: str) -> None:
        if label.text != text:
            label.set_text(text)

    def _round_text(self, progress: TableProgress) -> str:
        lang = self.lang
        if progress.status == Status.FINISHED:
            return t(lang, "dash.finished")
        if progress.round_number == 0:
            return t(lang, "dash.not_started", count=progress.present)
        key = "dash.round_open" if progress.round_open else "dash.round_after"
        return t(lang, key, n=progress.round_number, total=progress.rounds_total, title=progress.round_title)

    def _show_roles(self, progress: TableProgress) -> None:
        """Per role two bars: its share of the talk time against its share of the people at the table."""
        drawn = tuple((s.role, round(s.share_talk * 100), round(s.share_people * 100)) for s in progress.roles)
        if drawn == self._roles_drawn:
            return
        self._roles_drawn = drawn
        self.roles.clear()
        lang = self.lang
        with self.roles:
            for role, talk, people in drawn:
                said = t(lang, "dash.role_share", role=role_label(lang, role), talk=talk, people=people)
                with ui.row().classes("w-full items-center gap-2 no-wrap").mark(f"role-share-{role}") as row:
                    ui.label(role_label(lang, role)).classes("wd-dash-role")
                    with ui.column().classes("col gap-0"):
                        ui.element("div").classes("wd-dash-bar wd-dash-bar-talk").style(f"width: {talk}%")
                        ui.element("div").classes("wd-dash-bar wd-dash-bar-people").style(f"width: {people}%")
                    ui.label(f"{talk}% / {people}%").classes("wd-muted text-caption")
                aria_label(row, said)
                row.props["role"] = "group"

    def _show_flags(self, progress: TableProgress) -> None:
        lang = self.lang
        flags = ((t(lang, "dash.flag_behind"),) if progress.behind else ()) + tuple(
            t(lang, "dash.flag_not_heard", role=role_label(lang, role)) for role in progress.roles_not_heard)
        if flags == self._flags_drawn:
            return
        self._flags_drawn = flags
        self.flags.clear()
        with self.flags:
            for text in flags:
                ui.label(text).classes("wd-dash-flag").mark("table-flag")
        if flags:  # a flagged card stands out in a grid of forty, also without reading it
            self.box.classes(add="wd-dash-flagged")
        else:
            self.box.classes(remove="wd-dash-flagged")


class OverviewPanel:
    def __init__(self, state: AppState, hall: EventHall, lang: str) -> None:
        self.state, self.hall, self.lang = state, hall, lang
        self.cards: dict[str, TableCard] = {}
        self.dirty: set[str] = set()
        self.rebuild = False
        self.subscribed: set[str] = set()  # dialogue slugs whose room this page listens to
        self.ticks = 0

    def build(self) -> None:
        self.client = ui.context.client
        ui.label(t(self.lang, "dash.overview_intro")).classes("wd-muted")
        self.grid = ui.element("div").classes("wd-dash-grid").mark("dash-overview")
        self._draw_cards()
        self.draw = Coalesced(self._draw, DRAW_GAP)
        self.hall.changed.subscribe(self._hall_changed)
        self.state.tick.subscribe(self._tick)

    def _draw_cards(self) -> None:
        """Planned tables first, in their order; cancelled ones greyed at the end."""
        self.grid.clear()
        self.cards = {}
        tables = sorted(self.hall.event.tables, key=lambda tb: tb.status == TableStatus.CANCELLED)
        now = self.hall.clock()
        with self.grid:
            for table in tables:
                card = self.cards[table.id] = TableCard(self.hall, table, self.lang)
                card.build()
                card.show(now)
                room = card.room
                if room is not None and room.slug not in self.subscribed:
                    self.subscribed.add(room.slug)
                    room.changed.subscribe(lambda tid=table.id: self._room_changed(tid), expect_args=False)

    def _room_changed(self, table_id: str) -> None:
        self.dirty.add(table_id)
        self.draw()

    def _hall_changed(self, change: EventChange) -> None:
        if change.kind == EventChanged.TABLES:  # a table added or cancelled: the cards are laid out anew
            self.rebuild = True
            self.draw()

    def _draw(self) -> None:
        if self.client.is_deleted:
            return
        if self.rebuild:
            self.rebuild = False
            self.dirty.clear()
            self._draw_cards()
            return
        now = self.hall.clock()
        dirty, self.dirty = self.dirty, set()
        for table_id in dirty:
            card = self.cards.get(table_id)
            if card is not None:
                card.show(now)

    def _tick(self) -> None:
        self.ticks += 1
        if self.ticks % CLOCK_EVERY or self.client.is_deleted:
            return
        now = self.hall.clock()
        for card in self.cards.values():
            if card.progress is not None and card.progress.round_open:
                card.show(now, force=True)
