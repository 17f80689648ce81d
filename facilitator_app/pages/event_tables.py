"""The dashboard's "Tafels en indeling" tab: the start of the day, the tables (add, cancel, host links), who
sits where, the sign-up list, walk-ins and the printable handouts.

The part that lists tables and people is drawn again after every change of the event (once per burst);
the forms and every dialog live outside it, so what the organiser types or has open survives a redraw.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from nicegui import run, ui

from rounds.events import EventTable
from rounds.events import tables as rules
from rounds.events.model import TableStatus

from ..events import ORGANISER, EventChange, EventChanged, EventHall
from ..i18n import t
from ..network import qr_svg
from .common import Redraw, attempt, serve_download
from .confirm import confirm
from .event_tables_people import PeopleTools, seating_shortfalls
from .theme import aria_label, heading

if TYPE_CHECKING:
    from ..app import AppState

log = logging.getLogger(__name__)
REDRAWN_ON = frozenset({EventChanged.TABLES, EventChanged.PEOPLE, EventChanged.KEYS, EventChanged.STARTED})


class TablesPanel:
    def __init__(self, state: AppState, hall: EventHall, lang: str) -> None:
        self.state, self.hall, self.lang = state, hall, lang

    def build(self) -> None:
        lang = self.lang
        self.dialogs = ui.element("div")  # every dialog of this tab: outside the part that is redrawn
        self.people = PeopleTools(self.state, self.hall, lang, self.dialogs)
        with ui.row().classes("w-full items-center gap-3 wd-card"):
            self.day = ui.label().classes("text-lg col").mark("day-status")
            self.start_button = ui.button(t(lang, "dash.start"), icon="play_arrow", on_click=self._ask_start).props(
                "unelevated").mark("start-day")
            ui.button(t(lang, "dash.handouts"), icon="print", on_click=self._handouts).props("outline").mark(
                "handouts")
        # On the day a walk-in is what happens most; before it, the sign-up list and the tables.
        self.people.walk_in_form()
        self.people.signups_section()
        self._add_table_form()
        self.part = ui.refreshable(self._tables)
        self.part()
        self.redraw = Redraw(self.part, lambda: self.hall.version)
        self._update()
        self.hall.changed.subscribe(self._changed)

    def _changed(self, change: EventChange) -> None:
        if change.kind in REDRAWN_ON:
            self._update()
            self.redraw()

    def _update(self) -> None:
        event, lang = self.hall.event, self.lang
        self.day.set_text(t(lang, "dash.day_started") if event.started else t(lang, "dash.day_not_started"))
        self.start_button.set_visibility(not event.started)
        self.add_form.set_visibility(not event.started)
        self.people.update()

    # --- the day and the tables -----------------------------------------------------------------------
    def _ask_start(self) -> None:
        with self.dialogs:
            confirm(self.lang, t(self.lang, "dash.start_question"), t(self.lang, "dash.start"),
                    lambda: attempt(self.lang, self.hall.start(ORGANISER)), marker="confirm-start")

    def _add_table_form(self) -> None:
        lang, event = self.lang, self.hall.event
        with ui.row().classes("w-full items-end gap-3 wd-card").mark("add-table") as self.add_form:
            name = ui.input(t(lang, "dash.table_name")).props("outlined maxlength=60").mark("add-table-name")
            place = None
            if event.places:
                place = ui.select(event.places, value=event.places[0], label=t(lang, "dash.table_place")).props(
                    "outlined").style("min-width: 12em").mark("add-table-place")

            async def add() -> None:
                table = await attempt(lang, self.hall.add_table(
                    ORGANISER, name=(name.value or "").strip() or None, place=place.value if place else ""))
                if table is not None:
                    name.set_value("")
                    ui.notify(t(lang, "dash.table_added", table=table.name), type="positive", position="top")

            ui.button(t(lang, "dash.add_table"), icon="add", on_click=add).mark("add-table-submit")
        self._limits_form()

    def _limits_form(self) -> None:
        """How many people per table, at least and at most: the seating keeps to it."""
        lang, event = self.lang, self.hall.event
        with ui.row().classes("w-full items-end gap-3 wd-card").mark("table-limits"):
            low = ui.number(t(lang, "dash.min_per_table"), value=event.min_per_table, min=1, max=40,
                            precision=0).props("outlined").style("width: 10em").mark("limits-min")
            high = ui.number(t(lang, "dash.max_per_table"), value=event.max_per_table, min=1, max=40,
                             precision=0).props("outlined").style("width: 10em").mark("limits-max")

            async def save() -> None:
                try:
                    wanted = int(low.value), int(high.value)
                except (TypeError, ValueError):
                    ui.notify(t(lang, "dash.limits_numbers"), type="warning", position="top")
                    return
                if await attempt(lang, self.hall.set_table_limits(ORGANISER, *wanted)) is not None:
                    ui.notify(t(lang, "dash.limits_saved", min=wanted[0], max=wanted[1]), type="positive",
                              position="top")

            ui.button(t(lang, "dash.save_limits"), icon="check", on_click=save).props("outline").mark(
                "limits-save")

    def _tables(self) -> None:
        event, lang = self.hall.event, self.lang
        with ui.column().classes("w-full gap-2").mark("table-list"):
            for table in rules.planned_tables(event):
                self._table(table)
            unseated = self.people.unseated()
            if unseated:
                with ui.column().classes("w-full wd-card gap-1").mark("unseated"):
                    heading(t(lang, "dash.unseated", count=len(unseated)), 3)
                    with ui.element("div").classes("wd-dash-people"):
                        for person in unseated:
                            self.people.person_line(person)
            shortfalls = seating_shortfalls(self.hall, lang)
            if shortfalls:
                with ui.column().classes("w-full wd-card wd-warm gap-1").mark("seating-shortfalls"):
                    heading(t(lang, "dash.seat.title"), 3)
                    for line in shortfalls:
                        ui.label(line).classes("wd-text").mark("seating-shortfall")
            cancelled = [tb for tb in event.tables if tb.status == TableStatus.CANCELLED]
            for table in cancelled:
                with ui.row().classes("w-full wd-card wd-dash-cancelled items-center gap-3").mark(
                        f"table-row-{table.id}"):
                    ui.label(table.name).classes("text-h6 wd-text")
                    ui.label(t(lang, "dash.table_cancelled")).classes("wd-muted")

    def _table(self, table: EventTable) -> None:
        event, lang = self.hall.event, self.lang
        room = self.hall.table_room(table)
        with ui.column().classes("w-full wd-card gap-1").mark(f"table-row-{table.id}"):
            with ui.row().classes("w-full items-center justify-between"):
                with ui.column().classes("gap-0"):
                    ui.label(" \u00b7 ".join(filter(None, [table.name, table.place]))).classes("text-h6 wd-text")
                    facts = [t(lang, "dash.seated", count=len(table.seats), max=event.max_per_table)]
                    if room is not None:
                        facts.append(f"{t(lang, 'screen.code')} {room.dialogue.join_code}")
                    ui.label(" \u00b7 ".join(facts)).classes("wd-muted")
                with ui.row().classes("gap-2"):
                    link = ui.button(t(lang, "dash.host_link"), icon="key",
                                     on_click=lambda tid=table.id: self.host_dialog(tid)).props("outline no-caps").mark(
                        f"host-link-{table.id}")
                    aria_label(link, t(lang, "dash.host_link_for", table=table.name))
                    if not event.started:
                        cancel = ui.button(t(lang, "dash.cancel_table"), icon="block",
                                           on_click=lambda tid=table.id: self._ask_cancel(tid)).props(
                            "flat no-caps").mark(f"cancel-{table.id}")
                        aria_label(cancel, t(lang, "dash.cancel_table_named", table=table.name))
            people = self.people.table_people(table)
            with ui.element("div").classes("wd-dash-people").mark(f"table-people-{table.id}"):
                if not people:
                    ui.label(t(lang, "dash.nobody_yet")).classes("wd-muted")
                for person in people:
                    self.people.person_line(person)

    def _ask_cancel(self, table_id: str) -> None:
        table = self.hall.table(table_id)
        if table is None:
            return
        with self.dialogs:
            confirm(self.lang, t(self.lang, "dash.cancel_question", table=table.name),
                    t(self.lang, "dash.cancel_table"),
                    lambda: attempt(self.lang, self.hall.cancel_table(ORGANISER, table_id)), marker="confirm-cancel")

    # --- host links -----------------------------------------------------------------------------------
    def host_dialog(self, table_id: str) -> None:
        """The table's host link as text and QR code, with "new link" and "revoke"."""
        table, lang = self.hall.table(table_id), self.lang
        if table is None:
            return
        key = self.hall.host_key(table)
        with self.dialogs, ui.dialog() as dialog, ui.card().classes("items-center gap-2").style("max-width: 36rem"):
            heading(t(lang, "dash.host_link_title", table=table.name), 2)
            if key:
                url = self.state.host_link(self.hall.slug, table.id, key)
                ui.html(qr_svg(url), sanitize=False).style("width: 260px; height: 260px")
                ui.label(url).classes("wd-text").style("overflow-wrap: anywhere").mark("host-link-url")
                ui.label(t(lang, "dash.host_link_secret")).classes("wd-muted")
            else:
                ui.label(t(lang, "dash.host_link_none")).classes("wd-text").mark("host-link-none")
            with ui.row().classes("gap-2 justify-center"):
                ui.button(t(lang, "dash.new_link"), icon="autorenew",
                          on_click=lambda: self._ask_new_link(table_id, dialog, bool(key))).mark("host-link-new")
                if key:
                    ui.button(t(lang, "dash.revoke"), icon="link_off",
                              on_click=lambda: self._ask_revoke(table_id, dialog)).props("outline").mark(
                        "host-link-revoke")
                ui.button(t(lang, "console.close"), on_click=dialog.close).props("flat")
        dialog.on_value_change(lambda e: None if e.value else dialog.delete())
        dialog.open()

    async def _ask_new_link(self, table_id: str, dialog: ui.dialog, has_link: bool) -> None:
        dialog.close()
        if not has_link:  # no link works now, so nothing stops working: no question needed
            await self._new_link(table_id)
            return
        with self.dialogs:
            confirm(self.lang, t(self.lang, "dash.new_link_question"), t(self.lang, "dash.new_link"),
                    lambda: self._new_link(table_id), marker="confirm-new-link")

    async def _new_link(self, table_id: str) -> None:
        if await attempt(self.lang, self.hall.new_host_link(ORGANISER, table_id)) is not None:
            self.host_dialog(table_id)

    def _ask_revoke(self, table_id: str, dialog: ui.dialog) -> None:
        dialog.close()
        with self.dialogs:
            confirm(self.lang, t(self.lang, "dash.revoke_question"), t(self.lang, "dash.revoke"),
                    lambda: self._revoke(table_id), marker="confirm-revoke")

    async def _revoke(self, table_id: str) -> None:
        if await attempt(self.lang, self.hall.revoke_host_link(ORGANISER, table_id)) is not None:
            self.host_dialog(table_id)  # shows that no link works now, with "new link" at hand

    # --- handouts -------------------------------------------------------------------------------------
    async def _handouts(self) -> None:
        """One A4 per table: the table tent and the host sheet (exports/handouts.py)."""
        from exports.handouts import HandoutError, HandoutTable, handouts_pdf

        event, lang = self.hall.event, self.lang
        tables = []
        for table in rules.planned_tables(event):
            room = self.hall.table_room(table)
            if room is None:
                continue
            key = self.hall.host_key(table)
            code = room.dialogue.join_code
            tables.append(HandoutTable(
                name=table.name, place=table.place, join_url=self.state.join_url(code), join_code=code,
                host_url=self.state.host_link(event.slug, table.id, key) if key else "",
                rounds=tuple((r.title, r.question) for r in room.dialogue.rounds)))
        try:
            data = await run.io_bound(lambda: handouts_pdf(event_title=event.title, theme=event.theme,
                                                           date=event.date, lang=lang, tables=tables))
            if data is None:
                raise RuntimeError("the handouts were interrupted")
        except HandoutError as err:
            ui.notify(str(err), type="warning", position="top")
            return
        except Exception:
            log.exception("handouts for %s failed", event.slug)
            ui.notify(t(lang, "error.unexpected"), type="negative", position="top")
            return
        folder = self.state.settings.data_dir / "exports" / "events" / event.slug  # beside the event harvest
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{event.slug}-handouts.pdf"
        (folder / name).write_bytes(data)
        serve_download(folder / name, name, "application/pdf")
