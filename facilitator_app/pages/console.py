"""Facilitator console `/d/{slug}`: prepare the rounds, run them, give the floor, take notes, close, export."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import ui

from rounds import FACILITATOR, Role, Status

from ..i18n import role_label, t, theme_label
from ..network import qr_svg
from ..room import Change, Changed, DialogueDamaged, Room
from .common import Redraw, attempt
from .console_export import export_panel
from .console_prepare import PreparePanel
from .console_run import RunPanel
from .damaged import damaged_page
from .event_access import close_when_revoked, full_facilitator, may_run_dialogue
from .gate import is_facilitator, key_page, logout_button
from .screen_access import screen_link, screen_path
from .theme import frame, heading

if TYPE_CHECKING:
    from ..app import AppState


def register(state: AppState) -> None:
    @ui.page("/d/{slug}")
    def console(slug: str, key: str | None = None) -> None:
        try:
            room = state.rooms.get(slug)
        except DialogueDamaged as err:  # a friendly page, not a 500; only the app key may see what is wrong
            if is_facilitator(state, key):
                damaged_page(state.settings.lang, slug, err.reason)
            else:
                key_page(state, state.settings.lang, wrong=bool(key))
            return
        lang = room.dialogue.language if room else state.settings.lang
        if not may_run_dialogue(state, slug, key):  # the app's key, or this table's organiser or host
            key_page(state, lang, wrong=bool(key))
            return
        if room is None:
            with frame(t(lang, "app_name"), lang):
                heading(t(lang, "console.not_found"))
                ui.link(t(lang, "console.home"), "/")
            return
        with frame(room.dialogue.title, lang, wide=True):
            ConsoleView(state, room, lang).build()
        close_when_revoked(state, slug)


class ConsoleView:
    def __init__(self, state: AppState, room: Room, lang: str) -> None:
        self.state, self.room, self.lang = state, room, lang
        self.panel: RunPanel | PreparePanel | None = None  # what the body shows now; set by _body
        self.export: ui.refreshable | None = None

    def build(self) -> None:
        dialogue, lang = self.room.dialogue, self.lang
        with ui.row().classes("w-full items-center justify-between"):
            with ui.column().classes("gap-0"):
                heading(dialogue.title, 1).mark("console-title")
                self.status = ui.label().classes("wd-muted").mark("console-status")
            with ui.row().classes("gap-2"):
                if full_facilitator(self.state):  # a table's host cannot open the home page
                    ui.link(t(lang, "console.home"), "/").classes("text-lg q-mr-md")
                logout_button(lang)
                ui.button(t(lang, "console.open_screen"), icon="tv",
                          on_click=lambda: ui.navigate.to(screen_path(self.state, dialogue.slug), new_tab=True)).props(
                    "outline").mark("open-screen")
                ui.button(t(lang, "console.join_qr"), icon="qr_code_2", on_click=self._show_qr).props(
                    "outline").mark("show-qr")
        with ui.row().classes("items-center gap-3"):
            self.lock = ui.switch(t(lang, "console.lock_joining"), value=dialogue.joining_locked,
                                  on_change=self._lock_changed).mark("lock-joining")
            self.locked_hint = ui.label(t(lang, "console.locked_hint")).classes("wd-muted")
            self.locked_hint.set_visibility(dialogue.joining_locked)
        self._set_status()
        self.body = ui.refreshable(self._body)
        self.body()
        self.redraw = Redraw(self.body, lambda: self.room.version)
        self.room.changed.subscribe(self.update)
        self.state.tick.subscribe(self.tick)

    def _set_status(self) -> None:
        dialogue, lang = self.room.dialogue, self.lang
        people = sum(1 for p in dialogue.participants if p.present)
        self.status.set_text(" \u00b7 ".join(filter(None, [
            theme_label(dialogue.theme, lang), dialogue.place, dialogue.date,
            t(lang, f"status.{dialogue.status}"), t(lang, "home.people", count=people),
            f"{t(lang, 'screen.code')} {dialogue.join_code}"])))

    async def _lock_changed(self, event) -> None:
        if bool(event.value) != self.room.dialogue.joining_locked:
            await attempt(self.lang, self.room.lock_joining(FACILITATOR, bool(event.value)))
        self.lock.set_value(self.room.dialogue.joining_locked)  # a refusal puts the switch back

    def update(self, change: Change) -> None:
        self._set_status()
        locked = self.room.dialogue.joining_locked
        if self.lock.value != locked:
            self.lock.set_value(locked)  # another console locked it
        self.locked_hint.set_visibility(locked)
        if change.kind in (Changed.ROUND, Changed.PLAN, Changed.REMOVED):
            self.redraw()
        elif self.panel is not None:
            self.panel.update(change)
            if self.export is not None and change.kind in (Changed.FLOOR, Changed.PEOPLE):
                self.export.refresh()  # what is still missing for the harvest changes with every turn

    def tick(self) -> None:
        if isinstance(self.panel, RunPanel):
            self.panel.tick()

    def _body(self) -> None:
        dialogue = self.room.dialogue
        self.panel, self.export = None, None
        if dialogue.status == Status.PREPARING:
            self.panel = PreparePanel(self.room, self.lang)
            self.panel.build()
            add_person_form(self.room, self.lang)
            ui.button(t(self.lang, "console.start"), icon="play_arrow", on_click=self._open_next).props(
                "size=lg unelevated").mark("start-dialogue")
        elif dialogue.status == Status.RUNNING:
            self.panel = RunPanel(self.room, self.lang, self._open_next)
            self.panel.build()
            add_person_form(self.room, self.lang)
            with ui.expansion(t(self.lang, "export.title"), icon="inventory_2").classes("w-full wd-card"):
                self.export = ui.refreshable(lambda: export_panel(self.state, self.room, self.lang))
                self.export()
        else:
            export_panel(self.state, self.room, self.lang)

    async def _open_next(self) -> None:
        await attempt(self.lang, self.room.open_next_round(FACILITATOR))

    def _show_qr(self) -> None:
        url = self.state.join_url(self.room.dialogue.join_code)
        with ui.dialog() as dialog, ui.card().classes("items-center"):
            ui.html(qr_svg(url), sanitize=False).style("width: 320px; height: 320px")
            ui.label(url).classes("text-lg").mark("console-join-url")
            ui.label(self.room.dialogue.join_code).classes("text-h4 text-weight-bold")
            ui.label(t(self.lang, "console.screen_link")).classes("wd-muted q-mt-md")
            ui.label(screen_link(self.state, self.room.slug)).classes("text-body2").style(
                "overflow-wrap: anywhere").mark("screen-link")
            ui.button(t(self.lang, "console.close"), on_click=dialog.close)
        dialog.open()


def add_person_form(room: Room, lang: str) -> None:
    """For someone at the table without a phone: the facilitator adds them and acts on their behalf."""
    with ui.expansion(t(lang, "console.add_person"), icon="person_add").classes("w-full wd-card").mark(
            "add-person"):
        with ui.row().classes("w-full items-end gap-3"):
            name = ui.input(t(lang, "console.person_name")).props("outlined maxlength=40").mark("add-person-name")
            role = ui.select({r.value: role_label(lang, r.value) for r in Role}, value=Role.RESIDENT.value,
                             label=t(lang, "console.person_role")).props("outlined").style("min-width: 12em")
            consent = ui.checkbox(t(lang, "console.person_consent"))

            async def add() -> None:
                person = await attempt(lang, room.add_person_without_phone(
                    FACILITATOR, name.value or "", role.value, consent=consent.value))
                if person is not None:
                    name.set_value("")
                    consent.set_value(False)

            ui.button(t(lang, "console.add"), on_click=add).mark("add-person-submit")
